// `reunify task <case> [task]`: the current stage's tasks with their status; with a
// task id, asks for exactly what that task records, pre-filled from the case, and
// saves it through the one writer.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { INPUT_OPTIONS_HELP, TASK_STATUSES, collect } from '../app/options.js';
import { runTaskCommand, type TaskFlags } from '../app/task.js';

export function registerTask(program: Command): void {
  program
    .command('task')
    .description("list the current stage's tasks, or record one: asks for exactly what the task records")
    .argument('<case>', 'a case file, or a case id in this caseload')
    .argument('[task]', 'the task to record, e.g. safe_adult (without it: list the tasks, and at a terminal choose one)')
    .option('--answers <file>', INPUT_OPTIONS_HELP.answers)
    .option('--set <path=value>', INPUT_OPTIONS_HELP.set, collect, [] as string[])
    .addOption(new Option('--status <status>', 'the task status (no prompts)').choices([...TASK_STATUSES]))
    .option('--by <who>', 'who did it, role and initials (no prompts)')
    .option('--note <text>', "the task's note (no prompts)")
    .option('--reason <text>', 'why it does not apply, with --status not_applicable (no prompts)')
    .option('--as-of <date>', INPUT_OPTIONS_HELP.date)
    .option('--date <date>', INPUT_OPTIONS_HELP.dateAlias)
    .option('--dry-run', INPUT_OPTIONS_HELP.dryRun)
    .option('--no-input', INPUT_OPTIONS_HELP.noInput)
    .addOption(new Option('-f, --format <format>', 'format of the task list').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print nothing on success but a --dry-run diff')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Prompts go to stderr; Ctrl-C leaves the file as it was. Without a terminal (or with
--no-input, or CI set) nothing is asked: give the answers with --answers or flags.

Examples:
  $ reunify task RF-0002
  $ reunify task cases/RF-0002.md safe_adult
  $ reunify task RF-0002 written_assessment --answers written-assessment.yaml --as-of 2026-11-02 --dry-run`,
    )
    .action(async (caseArg: string, taskId: string | undefined, flags: TaskFlags) => {
      setExitCode(await runTaskCommand(caseArg, taskId, flags));
    });
}
