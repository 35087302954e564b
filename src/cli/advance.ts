// `reunify advance <case>`: moves the case on only when the would-be file passes the
// next stage's gate (schema and practice rules, checked in memory); otherwise lists
// exactly what is missing. Also closes a case, or records an unplanned return.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { INPUT_OPTIONS_HELP, OUTCOME_STATUSES, collect } from '../app/options.js';
import { runAdvanceCommand, type AdvanceFlags } from '../app/advance.js';

export function registerAdvance(program: Command): void {
  program
    .command('advance')
    .description("move a case to the next stage when that stage's gate passes; otherwise list what is missing")
    .argument('<case>', 'a case file, or a case id in this caseload')
    .option('--to <stage>', 'closed: close the case, recording its outcome')
    .addOption(new Option('--outcome <status>', 'with --to closed: how the case ended').choices([...OUTCOME_STATUSES]))
    .option('--note <text>', 'with --to closed: a short note on the outcome')
    .option('--unplanned', 'record an unplanned return home (e.g. a parent ended s20) on the --as-of date and move to stage 5')
    .option('--answers <file>', INPUT_OPTIONS_HELP.answers)
    .option('--set <path=value>', INPUT_OPTIONS_HELP.set, collect, [] as string[])
    .option(
      '--as-of <date>',
      "the date of the move (the as-of date of the gate check, the outcome or return date; YYYY-MM-DD; default: the config's as_of, else today)",
    )
    .option('--date <date>', INPUT_OPTIONS_HELP.dateAlias)
    .option('--dry-run', INPUT_OPTIONS_HELP.dryRun)
    .option('--no-input', INPUT_OPTIONS_HELP.noInput)
    .option('-q, --quiet', 'print nothing on success but a --dry-run diff')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .addHelpText(
      'after',
      `
Only a signed-off Decision 3 of proceed_to_return (or --unplanned) moves a case into
stage 5; after a Decision 3 of extend_work, advance takes the case back to stage 3.

Examples:
  $ reunify advance RF-0002
  $ reunify advance cases/RF-0009.md --to closed --outcome at_home --note "Stepped down to CIN" --as-of 2026-11-01
  $ reunify advance RF-0004 --unplanned --as-of 2026-10-12`,
    )
    .action(async (caseArg: string, flags: AdvanceFlags) => {
      setExitCode(await runAdvanceCommand(caseArg, flags));
    });
}
