// `reunify classify <case|dir>`: the suggested level with every contribution, the
// comparison with the baseline, the suggested decision; `--record` appends the
// classification (and decision) through the one writer.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { LEVELS } from '../app/options.js';
import { runClassifyCommand, type ClassifyFlags } from '../app/classify.js';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('suggest a risk level with every contribution shown, compare it with the baseline, and optionally record it')
    .argument('<case|dir>', 'a case file, or a caseload folder for a summary of every open case')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--as-of <date>', "classify as of this date (YYYY-MM-DD; default: the config's as_of, else today); later entries are left out")
    .option('--record', 'append a classification to the case file (needs --level and --by)')
    .addOption(new Option('--level <level>', 'the level chosen by the worker and manager').choices([...LEVELS]))
    .option('--override-category <id>', 'why the chosen level differs from the suggestion (docs/framework.md §4.5)')
    .option('--override-reason <text>', 'the reasoning for an override')
    .option('--by <who>', 'who classified (role and initials)')
    .option(
      '--with <who>',
      'someone who classified together with --by, e.g. the team manager at RC2 (repeatable)',
      (v: string, previous: string[] | undefined) => [...(previous ?? []), v],
    )
    .option('--signed-off-by <who>', "the team manager's sign-off (it keeps frozen copies of the record as signed, as signoff --sign does)")
    .option('--signed-off-date <date>', 'date of the sign-off (needed with --signed-off-by: none is assumed)')
    .option('--date <date>', 'date of the record (default: the --as-of date)')
    .option('--decision <outcome>', 'also append a decision at the same point, e.g. return_if_goals_met')
    .option('--reasons <text>', 'reasons for the decision')
    .option('--next-review <date>', 'with a post-return (RC3) --decision: the date of the next post-return review (none is assumed)')
    .option('--dry-run', 'print the change as a diff and write nothing')
    .option('-q, --quiet', 'with --record, print nothing on success')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
The suggestion is an aid to structured professional judgement, not a validated
actuarial instrument; the score is not a probability (docs/classification.md).

Examples:
  $ reunify classify cases/RF-0006.md --as-of 2026-11-01
  $ reunify classify examples/caseload --format json
  $ reunify classify cases/RF-0005.md --record --level medium --override-category child_specific_vulnerability \\
      --override-reason "…" --by "SW K.L." --signed-off-by "TM D.E." --signed-off-date 2026-10-16 --decision return_if_goals_met --reasons "…"`,
    )
    .action(async (target: string, flags: ClassifyFlags) => {
      setExitCode(await runClassifyCommand(target, flags));
    });
}
