// `reunify redact <case|dir> --out DIR`: an anonymised copy for teaching, with a
// report of what was replaced and what to read. Never writes into the source, and
// writes nothing when the check finds something known left in the copy.
import { dirname } from 'node:path';
import { EXIT, UsageError, writeErr, type CommonOptions, flagPathsFromCwd, fromCwd } from './shared.js';

export interface RedactFlags extends CommonOptions {
  out?: string;
  seed?: string;
  asOf?: string;
  names?: string;
}

export async function runRedact(source: string, flags: RedactFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'out', 'names']);
  source = fromCwd(source);
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
    const { config, configPath } = loadConfig({ configPath: flags.config, paths: [source] });
    const asOf = await resolveAsOf(flags.asOf, { paths: [source], configPath: flags.config });
    const names = flags.names !== undefined ? [...readNames(flags.names)].flat() : undefined;
    const { files, result } = redactedFiles(source, { config, asOf, seed, names, base: configPath === undefined ? undefined : dirname(configPath) });
    writePackFolder(out, files);
    if (!flags.quiet) {
      writeErr(
        `copied ${result.cases.length} case ${result.cases.length === 1 ? 'file' : 'files'} to ${out}, anonymised; see ${out}/redaction-report.md, and read every file before sharing it\n`,
      );
      writeErr(`next: reunify check ${out}\n`);
    }
    return EXIT.ok;
  } catch (err) {
    if (err instanceof NamesError) {
      const { terminalText } = await import('../core/escape/terminal.js');
      writeErr(`reunify: ${terminalText(err.message)}\n`);
      return EXIT.usage;
    }
    if (err instanceof RedactError || err instanceof PackFolderError) {
      const { terminalText } = await import('../core/escape/terminal.js');
      if (err instanceof RedactError)
        for (const u of err.problems)
          for (const p of u.problems) writeErr(`${terminalText(u.filePath)}:${p.line ?? 1}:${p.column ?? 1}: ${terminalText(p.message)} (${p.ruleId})\n`);
      if (err instanceof RedactError) for (const line of err.survivors) writeErr(`${terminalText(line)}\n`);
      writeErr(`reunify: ${terminalText(err.message)}\n`);
      return err instanceof RedactError && err.message.includes('no such file') ? EXIT.usage : EXIT.problems;
    }
    throw err;
  }
}
