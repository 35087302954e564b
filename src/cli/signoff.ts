// `reunify signoff [dir]`: the team manager's queue of written assessments,
// classifications and decisions waiting for sign-off, oldest first; `--sign`
// records one through the one writer, keeping every other byte of the file.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runSignoffCommand, type SignoffFlags } from '../app/signoff.js';

export function registerSignoff(program: Command): void {
  program
    .command('signoff')
    .description("the team manager's queue of assessments, classifications and decisions awaiting sign-off; --sign records one")
    .argument('[dir]', 'caseload folder (default: the current folder)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--as-of <date>', "list what is waiting on this date (YYYY-MM-DD; default: the config's as_of, else today)")
    .option('--team <name>', 'only cases with this team manager or social worker')
    .option('--sign <case>', 'record a sign-off in this case (a case id in [dir], or a case file)')
    .option('--freeze <case>', 'keep frozen copies of a product signed off before they were kept (with --item; who signed and when stay as recorded)')
    .option('--item <what>', 'what to sign: written_assessment, classification:rc1_d2, decision:rc2_d3, … or a JSON pointer such as /classifications/1')
    .option('--by <who>', 'the manager signing (role and initials); the person who recorded the item is warned about')
    .option(
      '--role <role>',
      "with --sign: a further sign-off of a decision by this role (the config's additional_signoffs, e.g. permanence_panel), beside the team manager's",
    )
    .option('--date <date>', 'date of the sign-off (YYYY-MM-DD; default today)')
    .option('--dry-run', 'print the change as a diff and write nothing')
    .option('-q, --quiet', 'with --sign, print nothing on success')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
The queue and --sign say what is signed: a classification's level (and an override of the
suggested level), a decision's outcome, an assessment's recommendation, and any sharing of
a decision dated before the sign-off. A manager signs off another person's work: a sign-off
by the person who recorded the item is warned about on stderr. One for an item already
signed, or an --item that names more than one, is refused.

Examples:
  $ reunify signoff examples/caseload --as-of 2026-11-01
  $ reunify signoff cases/ --sign RF-0005 --item classification:rc1_d2 --by "TM D.E." --dry-run
  $ reunify signoff cases/ --sign RF-0004 --item decision:rc1_d2 --role permanence_panel --by "Permanence panel (chair HoS M.K.)"
  $ reunify signoff cases/ --sign RF-0002 --item written_assessment --by "TM D.E." --date 2026-11-03`,
    )
    .action(async (dir: string, flags: SignoffFlags) => {
      setExitCode(await runSignoffCommand(dir, flags));
    });
}
