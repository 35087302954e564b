// `reunify advance <case>`: moves the case on only when the would-be file passes the
// next stage's gate (schema and practice rules, checked in memory); otherwise lists
// exactly what is missing. Also closes a case, or records an unplanned return.
import { EXIT, UsageError, writeErr, flagPathsFromCwd } from './shared.js';
import { NON_INTERACTIVE_HINT } from './prompting.js';
import {
  answerSteps,
  asOfFlag,
  chooseAsker,
  gatherAnswers,
  openCaseArgument,
  reportAnswerGaps,
  reportUnasked,
  saveCase,
  type WorkflowDeps,
  type WorkflowFlags,
} from './workflowShared.js';
import type { Problem } from '../core/model/problem.js';

export interface AdvanceFlags extends WorkflowFlags {
  to?: string;
  outcome?: string;
  note?: string;
  unplanned?: boolean;
}

export async function runAdvanceCommand(caseArg: string, flags: AdvanceFlags, deps: WorkflowDeps = {}): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'answers']);
  flags = asOfFlag(flags); // --as-of or --date; a mistyped date is named by its flag, before anything is read
  if (flags.to !== undefined && flags.to !== 'closed')
    throw new UsageError(`--to takes only "closed" (to move on one stage, leave --to out), got "${flags.to}"`);
  if (flags.unplanned && flags.to) throw new UsageError('--unplanned and --to closed cannot go together');
  if ((flags.outcome !== undefined || flags.note !== undefined) && flags.to !== 'closed') throw new UsageError('--outcome and --note go with --to closed');
  const opened = await openCaseArgument(caseArg, flags);
  if (typeof opened === 'number') return opened;
  const { resolveAsOf } = await import('./asOf.js');
  const date = await resolveAsOf(flags.date, { paths: [opened.filePath], configPath: flags.config });
  const { planAdvance, closureSteps } = await import('../core/workflow/advance.js');
  type Request = import('../core/workflow/advance.js').AdvanceRequest;
  let request: Request = flags.unplanned ? { kind: 'unplanned', date } : { kind: 'next' };
  if (flags.to !== 'closed') {
    // moving on a stage (or an unplanned return) asks nothing: answers given would be dropped
    if (flags.answers !== undefined)
      throw new UsageError(`--answers goes with --to closed: advance ${flags.unplanned ? '--unplanned ' : ''}asks for no answers`);
    if (await reportUnasked(`${opened.filePath}: advance${flags.unplanned ? ' --unplanned' : ''}`, [], flags, [], 'only --to closed asks for any'))
      return EXIT.usage;
  } else {
    const steps = closureSteps(opened.data, { date, config: opened.config });
    const { given, onCommandLine } = await gatherAnswers(flags, { outcome: { status: flags.outcome, note: flags.note } });
    if (await reportUnasked(`${opened.filePath}: closing`, steps, flags)) return EXIT.usage;
    const asker = await chooseAsker(flags, deps, onCommandLine);
    const resolved = await answerSteps(steps, given, asker);
    if (typeof resolved === 'number') return resolved;
    if (resolved.missing.length > 0 || resolved.invalid.length > 0) {
      reportAnswerGaps(
        `${opened.filePath}: closing`,
        resolved.missing.map((m) => (m === 'outcome.status' ? 'outcome.status (--outcome)' : m)),
        resolved.invalid,
      );
      if (resolved.missing.length > 0 && !asker) writeErr(`reunify: ${NON_INTERACTIVE_HINT}\n`);
      return EXIT.usage;
    }
    request = { kind: 'close', outcome: resolved.answers.outcome as { status: string; date: string; note?: string } };
  }

  const plan = planAdvance(opened.data, request);
  if ('refused' in plan) {
    writeErr(`reunify: ${opened.filePath}: ${plan.refused}\n`);
    return EXIT.problems;
  }
  const { applyEdits } = await import('../io/writeCase.js');
  const { checkText } = await import('./workflowChange.js');
  const newText = applyEdits(opened.text, plan.edits);
  const problems = checkText(opened.filePath, opened.loaded.stem, newText, opened.config, date);
  const errors = problems.filter((p) => p.severity === 'error');
  const target = plan.to === 'closed' ? 'be closed' : `move to stage ${plan.to}`;
  if (errors.length > 0 && !plan.recordAnyway) {
    writeErr(`reunify: ${opened.filePath}: ${opened.data.id} cannot ${target} yet. Missing:\n`);
    listProblems(errors);
    const { tasksToFix } = await import('../core/workflow/stageTasks.js');
    const tasks = tasksToFix(errors, opened.data);
    const how = tasks.length > 0 ? tasks.map((t) => `reunify task ${opened.data.id} ${t}`).join(', ') : `reunify task ${opened.data.id}`;
    writeErr(`nothing was written; record what is missing (${how}) and run reunify advance again\n`);
    return EXIT.problems;
  }
  const saved = await saveCase(opened, newText, flags);
  if (saved.exit !== EXIT.ok || flags.quiet || flags.dryRun) return saved.exit;
  for (const note of plan.notes) writeErr(`${note.replace('<case>', opened.data.id)}\n`);
  if (errors.length > 0) {
    writeErr('still to put right:\n');
    listProblems(errors);
  }
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (warnings.length > 0) {
    writeErr(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:\n`);
    listProblems(warnings);
  }
  if (plan.to !== 'closed') writeErr(`next: reunify task ${opened.data.id}\n`);
  return EXIT.ok;
}

function listProblems(problems: readonly Problem[]): void {
  for (const p of problems) writeErr(`  - ${p.message} (${p.ruleId})\n`);
}
