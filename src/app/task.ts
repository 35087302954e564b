// `reunify task <case> [task]`: the current stage's tasks with their status; with a
// task id, asks for exactly what that task records, pre-filled from the case, and
// saves it through the one writer.
import { EXIT, UsageError, makeColor, writeErr, writeOut, flagPathsFromCwd, writeOutHuman, safeStrings } from './shared.js';
import { NON_INTERACTIVE_HINT, PromptInterrupted, type Asker } from './prompting.js';
import {
  answerSteps,
  asOfFlag,
  chooseAsker,
  gatherAnswers,
  openCaseArgument,
  reportAnswerGaps,
  reportUnasked,
  saveCase,
  type WorkingCase,
  type WorkflowDeps,
  type WorkflowFlags,
} from './workflowShared.js';
import type { TaskLine } from '../core/workflow/stageTasks.js';

export interface TaskFlags extends WorkflowFlags {
  format: 'text' | 'json';
  status?: string;
  by?: string;
  note?: string;
  reason?: string;
}

export async function runTaskCommand(caseArg: string, taskId: string | undefined, flags: TaskFlags, deps: WorkflowDeps = {}): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'answers']);
  flags = asOfFlag(flags); // --as-of or --date; a mistyped date is named by its flag, before anything is read
  const opened = await openCaseArgument(caseArg, flags);
  if (typeof opened === 'number') return opened;
  const { resolveAsOf } = await import('./asOf.js');
  const date = await resolveAsOf(flags.date, { paths: [opened.filePath], configPath: flags.config });
  const { tasksInView, isOpen, taskRefusal, stageName } = await import('../core/workflow/stageTasks.js');
  const lines = tasksInView(opened.data);
  const taskFlags = { status: flags.status, by: flags.by, note: flags.note, reason: flags.reason };
  if (taskId === undefined) {
    if (Object.values(taskFlags).some((v) => v !== undefined) || (flags.set ?? []).length > 0 || flags.answers !== undefined) {
      throw new UsageError('answers need a task: reunify task <case> <task> …');
    }
    if (flags.format === 'json') {
      writeOut(
        JSON.stringify({ version: 1, id: opened.data.id, stage: opened.data.stage, tasks: lines.map(({ label: _label, ...rest }) => rest) }, null, 2) + '\n',
      );
      return EXIT.ok;
    }
    {
      const color = makeColor(undefined, flags.color);
      writeOutHuman(formatTaskList({ ...opened, data: safeStrings(opened.data) }, safeStrings(lines), stageName, color), color);
    }
    let asker: Asker | undefined;
    try {
      asker = await chooseAsker(flags, deps, false);
      if (!asker || lines.length === 0) return EXIT.ok;
      const first = lines.find(isOpen) ?? lines[0]!; // lines is not empty: checked above
      taskId = await asker.select({
        message: 'Which task?',
        choices: lines.map((l) => ({ value: l.task, name: `${l.task}: ${l.label} (${l.status})` })),
        default: first.task,
      });
    } catch (err) {
      if (err instanceof PromptInterrupted) return interrupted();
      throw err;
    }
  }
  const refusal = taskRefusal(opened.data, taskId);
  if (refusal) {
    writeErr(`reunify: ${opened.filePath}: ${refusal}\n`);
    return refusal.startsWith('there is no task') ? EXIT.usage : EXIT.problems;
  }
  return recordTask(opened, taskId, { ...flags, date }, taskFlags, deps);
}

function interrupted(): number {
  writeErr('\nreunify: interrupted; nothing was written\n');
  return EXIT.interrupted;
}

async function recordTask(
  opened: WorkingCase,
  task: string,
  flags: TaskFlags & { date: string },
  taskFlags: Record<string, string | undefined>,
  deps: WorkflowDeps,
): Promise<number> {
  const { TASK_FLOWS } = await import('../core/workflow/tasks/index.js');
  const flow = TASK_FLOWS.get(task)!;
  const c = { data: opened.data, body: opened.body };
  const ctx = { date: flags.date, config: opened.config };
  const blocked = flow.blocked?.(c, ctx);
  if (blocked) {
    writeErr(`reunify: ${opened.filePath}: task ${task}: ${blocked}\n`);
    return EXIT.problems;
  }
  const steps = flow.steps(c, ctx);
  const { given, onCommandLine } = await gatherAnswers(flags, { tasks: { [task]: taskFlags } });
  if (await reportUnasked(`${opened.filePath}: task ${task}`, steps, flags, [{ flag: '--note', path: ['tasks', task, 'note'], value: taskFlags.note }]))
    return EXIT.usage;
  const asker = await chooseAsker(flags, deps, onCommandLine);
  const resolved = await answerSteps(steps, given, asker);
  if (typeof resolved === 'number') return resolved;
  if (resolved.missing.length > 0 || resolved.invalid.length > 0) {
    reportAnswerGaps(`${opened.filePath}: task ${task}`, resolved.missing, resolved.invalid);
    if (resolved.missing.length > 0 && !asker) writeErr(`reunify: ${NON_INTERACTIVE_HINT}\n`);
    return EXIT.usage;
  }
  const { applyChange } = await import('./workflowChange.js');
  const change = flow.change(c, resolved.answers, ctx);
  const newText = applyChange(opened.text, change);
  const saved = await saveCase(opened, newText, flags);
  if (saved.exit === EXIT.ok) for (const notice of change.notices ?? []) writeErr(`reunify: ${opened.filePath}: task ${task}: ${notice}\n`);
  if (saved.exit === EXIT.ok && !flags.quiet && !flags.dryRun) await printProgress(opened, newText);
  return saved.exit;
}

/** What is left at this stage after the save, and the next command. */
async function printProgress(opened: WorkingCase, newText: string): Promise<void> {
  const { parseCaseText } = await import('../core/parse/caseFile.js');
  const { tasksInView, isOpen } = await import('../core/workflow/stageTasks.js');
  const reread = parseCaseText({ filePath: opened.filePath, stem: opened.loaded.stem, problems: [], locate: () => undefined }, newText);
  if (!reread.data) return;
  const lines = tasksInView(reread.data as WorkingCase['data']);
  const open = lines.filter(isOpen);
  const id = opened.data.id;
  const finished = lines.length - open.length;
  writeErr(`${finished} of ${lines.length} tasks finished at stage ${opened.data.stage}`);
  const next = open[0];
  writeErr(next !== undefined ? `; next: reunify task ${id} ${next.task}\n` : `; when ready: reunify advance ${id}\n`);
}

function formatTaskList(
  opened: WorkingCase,
  lines: readonly TaskLine[],
  stageName: (s: 1 | 2 | 3 | 4 | 5) => string,
  color: ReturnType<typeof makeColor>,
): string {
  const { data } = opened;
  if (data.stage === 'closed') return `${data.id}: closed${data.outcome ? ` (${data.outcome.status}, ${data.outcome.date})` : ''}: no tasks\n`;
  const paint = (status: string) =>
    (status === 'done' ? color.green : status === 'not_applicable' ? color.dim : status === 'in_progress' ? color.cyan : color.yellow)(status.padEnd(14));
  const width = Math.max(...lines.map((l) => l.task.length));
  const out = [`${color.bold(data.id)}  ${stageName(data.stage)}`];
  let stage = data.stage;
  for (const l of lines) {
    if (l.stage !== stage && l.stage < data.stage) out.push(color.dim(`  earlier stage ${l.stage}, before the unplanned return:`));
    stage = l.stage;
    const when = [l.date, l.by].filter(Boolean).join(' ');
    out.push(`  ${paint(l.status)} ${l.task.padEnd(width)}  ${l.label}${when ? color.dim(`  (${when})`) : ''}`);
  }
  const next = lines.find((l) => l.status !== 'done' && l.status !== 'not_applicable');
  out.push(next ? `next: reunify task ${data.id} ${next.task}` : `every task is finished: reunify advance ${data.id}`);
  return out.join('\n') + '\n';
}
