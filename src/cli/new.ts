// `reunify new <id>`: a new case file at stage 1, from a commented template, with the
// child's details, cohorts and trigger point asked for (or given as answers).
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { INPUT_OPTIONS_HELP, LEGAL_STATUSES, PLACEMENTS, PROCEEDINGS, collect } from '../app/options.js';
import { runNewCommand, type NewFlags } from '../app/new.js';

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('create a case file at stage 1 from a commented template')
    .argument('<id>', 'the case id, which is also the file name (e.g. RF-0100)')
    .option('--dir <dir>', 'folder to create it in (default: the current folder); ids must be unique across its caseload')
    .option('--ref <ref>', "the child's initials or pseudonym, never a full name")
    .option('--dob <date>', 'date of birth')
    .option('--looked-after-since <date>', 'date the child became looked after (this episode)')
    .addOption(new Option('--legal-status <status>', 'legal status').choices([...LEGAL_STATUSES]))
    .addOption(new Option('--proceedings <stage>', 'court proceedings (default none)').choices([...PROCEEDINGS]))
    .addOption(new Option('--placement <placement>', 'where the child lives now').choices([...PLACEMENTS]))
    .option('--cohort <id>', 'a cohort to consider (repeatable)', collect, [] as string[])
    .option('--trigger <type>', 'the trigger point that started the work, e.g. cla_review')
    .option('--trigger-date <date>', 'when it happened (default: --date)')
    .option('--social-worker <who>', 'social worker, role and initials')
    .option('--team-manager <who>', 'team manager, role and initials')
    .option('--iro <who>', 'Independent Reviewing Officer, role and initials')
    .option('--answers <file>', INPUT_OPTIONS_HELP.answers)
    .option('--set <path=value>', INPUT_OPTIONS_HELP.set, collect, [] as string[])
    .option('--as-of <date>', "the date the work opened, and the latest date accepted (YYYY-MM-DD; default: the config's as_of, else today)")
    .option('--date <date>', INPUT_OPTIONS_HELP.dateAlias)
    .option('--dry-run', INPUT_OPTIONS_HELP.dryRun)
    .option('--no-input', INPUT_OPTIONS_HELP.noInput)
    .option('-q, --quiet', 'print nothing on success but a --dry-run diff')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify new RF-0100 --dir cases
  $ reunify new RF-0100 --dir cases --answers new-case.yaml --as-of 2026-10-01
  $ reunify new RF-0100 --ref "Child Z" --dob 2016-03-02 --looked-after-since 2026-09-07 --legal-status s20 \\
      --placement foster --trigger cla_review --social-worker "SW K.L." --team-manager "TM D.E." --no-input`,
    )
    .action(async (id: string, flags: NewFlags) => {
      setExitCode(await runNewCommand(id, flags));
    });
}
