// `reunify supervise <case>`: reflective-supervision questions drawn from the case's
// own facts; `--prompt` (or `--answers`) records the answers in a separate, dated
// supervision record, never in the child's case file.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runSupervise, type SuperviseFlags } from '../app/supervise.js';

export function registerSupervise(program: Command): void {
  program
    .command('supervise')
    .description("reflective-supervision questions from a case's own facts, in the four stages of Kolb's cycle, with the must-answer questions")
    .argument('<case>', 'a case file, or a case id in the caseload')
    .addOption(
      new Option('--to <format>', 'output format (default md); with --prompt or --answers, also print the saved record in it').choices(['md', 'html', 'json']),
    )
    .option('--as-of <date>', "date the questions are for (YYYY-MM-DD; default: the config's as_of, else today)")
    .option('--prompt', 'ask each question in the terminal and save the answers (with --out) as a supervision record')
    .option(
      '--answers <file>',
      'take the answers from a YAML file instead: { supervisor, worker, answers: { <question id>: text }, actions: [{ action, owner, by }], next_supervision }',
    )
    .option('--out <file>', 'where the supervision record goes (a new .yaml file, its folder made if need be; default supervision-<case>-<date>.yaml)')
    .option('--force', 'replace a file already at --out (never a case file)')
    .option('--no-input', 'never prompt')
    .option('-q, --quiet', 'print nothing on success when saving a record')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .addHelpText(
      'after',
      `
Answers go to a separate supervision record, never into the child's case file.

Examples:
  $ reunify supervise cases/RF-0006.md
  $ reunify supervise RF-0006 --to html > supervision-RF-0006.html
  $ reunify supervise cases/RF-0006.md --prompt --out supervision/RF-0006-2026-11-01.yaml`,
    )
    .action(async (target: string, flags: SuperviseFlags) => {
      setExitCode(await runSupervise(target, flags));
    });
}
