// `reunify status [dir]`: the practice lead's view of a caseload, keyed by the
// metric ids of docs/framework.md §5.3 (docs/status.md).
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runStatusCommand, type StatusFlags } from '../app/status.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('caseload view for managers: stages, overdue work, sign-off, risk mix, sharing, reviews, goals, alerts, costs')
    .argument('[dir]', 'caseload folder (default: the current folder)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'md', 'html']).default('table'))
    .option('--as-of <date>', "date the view is for (YYYY-MM-DD; default: the config's as_of, else today)")
    .option(
      '--filter <key=value,…>',
      'only cases matching: stage, level, cohort, legal_status, placement (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--team <name>', 'only cases with this social worker or team manager, e.g. "TM A.O."')
    .option('--shared', 'for sharing beyond the team: hide counts below status.suppress_below and list no cases')
    .option('--workers <n>', 'worker threads for big caseloads (default: one per core; 1 = none)')
    .option('--allow-empty', 'show an empty view when no case file is found (otherwise exit 2)')
    .option('-q, --quiet', 'no note on stderr about files left out')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
JSON keys are the metric ids of docs/framework.md §5.3; docs/status.md defines each one.
cost_exposure is an illustration from national averages, not a forecast.

Examples:
  $ reunify status examples/caseload --as-of 2026-11-01
  $ reunify status cases/ --team "TM A.O." --filter stage=3,level=high
  $ reunify status cases/ --format html --shared > caseload-2026-11.html`,
    )
    .action(async (dir: string, flags: StatusFlags) => {
      setExitCode(await runStatusCommand(dir, flags));
    });
}
