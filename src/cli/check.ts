// `reunify check [paths…]`: every case's YAML, schema and practice-rule problems.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runCheckCommand, type CheckFlags } from '../app/check.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check every case file for YAML, schema and practice-rule problems')
    .argument('[paths...]', 'case files or caseload folders (default: the current folder)')
    .addOption(
      new Option('-f, --format <format>', 'output format (github: annotations in GitHub Actions; gitlab: a Code Quality report; see docs/formats.md)')
        .choices(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'])
        .default('stylish'),
    )
    .option('--as-of <date>', "date every date rule is relative to (YYYY-MM-DD; default: the config's as_of, else today)")
    .option('--rule <id=severity>', 'set a rule to off, warn or error (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--list-rules', 'list every rule with its default severity and exit')
    .option('--cache', 'keep results between runs and re-check only files that changed (in <caseload>/.reunify-cache)')
    .option('--cache-location <dir>', 'keep the cache in this folder instead (implies --cache)')
    .addOption(
      new Option(
        '--cache-strategy <strategy>',
        'how the cache tells a file is unchanged: metadata (size and time, the default) or content (a hash of its bytes) (implies --cache)',
      ).choices(['metadata', 'content']),
    )
    .option('--workers <n>', 'worker threads for big caseloads (default: one per core; 1 = none)')
    .option('--watch', 'keep running and re-check files as they change (implies --cache)')
    .option('--docs-url <url>', 'for --format sarif: where the rule pages are (a copy of docs/rules/; default: the pages in the installed package)')
    .option('--allow-empty', 'exit 0 when no case file is found (otherwise exit 2)')
    .option(
      '--no-warn-ignored',
      "say nothing of a file named here that the config's ignore patterns leave out, or that is a frozen copy of a signed-off record",
    )
    .option('-q, --quiet', 'report errors only')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify check examples/caseload
  $ reunify check cases/ --as-of 2026-11-01 --format sarif > reunify.sarif
  $ reunify check cases/ --format github              # annotations in a GitHub Actions run
  $ reunify check cases/ --format gitlab > gl-code-quality.json   # GitLab Code Quality report
  $ reunify check --rule timeliness/post-return-visits=off --max-warnings 0
  $ reunify check --cache --cache-strategy content   # notices an edit that keeps size and time`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      setExitCode(await runCheckCommand(paths, flags));
    });
}
