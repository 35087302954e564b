// `reunify redact <case|dir> --out DIR`: an anonymised copy for teaching, with a
// report of what was replaced. Never writes into the source.
import type { Command } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runRedact, type RedactFlags } from '../app/redact.js';

export function registerRedact(program: Command): void {
  program
    .command('redact')
    .description('an anonymised copy of a case or caseload for teaching: ids, names, places and dates replaced, with a report')
    .argument('<case|dir>', 'a case file or a caseload folder')
    .requiredOption('--out <dir>', 'a new or empty folder for the copy, outside the source')
    .option('--seed <n>', 'seed for the pseudonyms and the date offset (default: a random one)')
    .option('--as-of <date>', "the date the originals are checked as of (YYYY-MM-DD; default: the config's as_of, else today); the copy records it moved back with the dates")
    .option('-q, --quiet', 'print nothing but errors')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one (its redact.places and redact.schools are replaced too)')
    .addHelpText(
      'after',
      `
Read every file of the copy before sharing it: free text can hold details no
pattern recognises (docs/training.md).

Examples:
  $ reunify redact examples/caseload --out teaching-copy
  $ reunify redact cases/RF-0006.md --out case-study --seed 42
  $ reunify check teaching-copy`,
    )
    .action(async (source: string, flags: RedactFlags) => {
      setExitCode(await runRedact(source, flags));
    });
}
