// `reunify redact <case|dir> --out DIR`: an anonymised copy for teaching, with a
// report of what was replaced and what to read. Never writes into the source, and
// writes nothing when the check finds something known left in the copy.
import type { Command } from 'commander';
import { EXIT, UsageError, writeErr, type CommonOptions } from './shared.js';

interface RedactFlags extends CommonOptions {
  out?: string;
  seed?: string;
  asOf?: string;
  names?: string;
}

export function registerRedact(program: Command): void {
  program
    .command('redact')
    .description('an anonymised copy of a case or caseload for teaching: names, ids, identifiers, places and dates replaced, with a report')
    .argument('<case|dir>', 'a case file or a caseload folder')
    .requiredOption('--out <dir>', 'a new or empty folder for the copy, outside the source')
    .option('--seed <n>', 'seed for the pseudonyms and the date offset (default: a random one)')
    .option('--as-of <date>', "the date the originals are checked as of (YYYY-MM-DD; default: the config's as_of, else today); the copy records it moved back with the dates")
    .option('--names <file>', 'a names file (YAML map of refs to real names, as for report --names): every word of those names is replaced too')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one (its redact.places and redact.schools are replaced too)')
    .addHelpText(
      'after',
      `
Replaced everywhere (front matter, x- field keys and values, body), in any letter
case, with or without accents and apostrophes, possessive or plural, either side
of a hyphen or dash: every word of every name the tool knows (refs, team, by, name
fields, --names), a known initial standing alone, names after a title, case ids,
redact.places and redact.schools, and by their shape NHS numbers, UK phone numbers,
street addresses, postcodes and email addresses. Every date that names a day, in
any written form, moves back by one offset; a year written alone never moves.
Before writing, the whole copy is checked word by word: if anything known is left,
it is named and nothing is written (exit 1). Words the tool cannot be sure of are
listed in redaction-report.md. Read every file of the copy before sharing it: free
text can hold details no pattern recognises (docs/training.md).

Examples:
  $ reunify redact examples/caseload --out teaching-copy
  $ reunify redact cases/RF-0006.md --out case-study --seed 42
  $ reunify check teaching-copy`,
    )
    .action(async (source: string, flags: RedactFlags) => {
      process.exitCode = await runRedact(source, flags);
    });
}

async function runRedact(source: string, flags: RedactFlags): Promise<number> {
  const out = flags.out ?? '';
  if (out.trim() === '') throw new UsageError('--out needs a folder name');
  let seed: number;
  if (flags.seed !== undefined) {
    if (!/^\d+$/.test(flags.seed) || !Number.isSafeInteger(Number(flags.seed))) throw new UsageError(`--seed takes a whole number, got "${flags.seed}"`);
    seed = Number(flags.seed);
  } else {
    const { randomInt } = await import('node:crypto');
    seed = randomInt(0, 2 ** 47);
  }
  const { redactedFiles, checkNoOverlap, RedactError } = await import('../io/redactFiles.js');
  const { writePackFolder, PackFolderError } = await import('../io/writePack.js');
  const { loadConfig } = await import('../io/loadConfig.js');
  const { resolveAsOf } = await import('./asOf.js');
  const { readNames, NamesError } = await import('../io/runReport.js');
  try {
    checkNoOverlap(source, out);
    const { config } = loadConfig({ configPath: flags.config, paths: [source] });
    const asOf = await resolveAsOf(flags.asOf, { paths: [source], configPath: flags.config });
    let names: string[] | undefined;
    if (flags.names !== undefined) {
      names = [...readNames(flags.names)].flat();
    }
    const { files, result } = redactedFiles(source, { config, asOf, seed, names });
    writePackFolder(out, files);
    if (!flags.quiet) {
      writeErr(`copied ${result.cases.length} case ${result.cases.length === 1 ? 'file' : 'files'} to ${out}, anonymised; see ${out}/redaction-report.md, and read every file before sharing it\n`);
      writeErr(`next: reunify check ${out}\n`);
    }
    return EXIT.ok;
  } catch (err) {
    if (err instanceof NamesError) {
      const { terminalText } = await import('../io/safeOutput.js');
      writeErr(`reunify: ${terminalText(err.message)}\n`);
      return EXIT.usage;
    }
    if (err instanceof RedactError || err instanceof PackFolderError) {
      const { terminalText } = await import('../io/safeOutput.js');
      if (err instanceof RedactError) for (const u of err.problems) for (const p of u.problems) writeErr(`${terminalText(u.filePath)}:${p.line ?? 1}:${p.column ?? 1}: ${terminalText(p.message)} (${p.ruleId})\n`);
      if (err instanceof RedactError) for (const line of err.survivors) writeErr(`${terminalText(line)}\n`);
      writeErr(`reunify: ${terminalText(err.message)}\n`);
      return err instanceof RedactError && err.message.includes('no such file') ? EXIT.usage : EXIT.problems;
    }
    throw err;
  }
}
