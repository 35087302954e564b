// Which tasks a worker sees: the current stage's, plus, after an unplanned return,
// the earlier stages' tasks still unfinished. Nothing else, so the framework stays short.
import type { CaseData } from '../model/caseTypes.js';
import { STAGES, TASK_IDS, TASK_LABELS, TASKS_BY_STAGE, stageOfTask, type StageNumber, type TaskStatus } from '../model/ids.js';
import { isTaskFinished, isUnplannedReturn, taskOf } from './stageProgress.js';

export interface TaskLine {
  task: string;
  stage: StageNumber;
  label: string;
  /** `missing` when the case has no entry for the task. */
  status: TaskStatus | 'missing';
  date?: string;
  by?: string;
}

function lineOf(data: CaseData, task: string): TaskLine {
  const entry = taskOf(data, task);
  return {
    task,
    stage: stageOfTask(task)!,
    label: TASK_LABELS[task]!, // every task of a stage has a label
    status: entry?.status ?? 'missing',
    ...(entry?.date ? { date: entry.date } : {}),
    ...(entry?.by ? { by: entry.by } : {}),
  };
}

export function stageName(stage: StageNumber): string {
  const { id, name } = STAGES[stage - 1]!; // STAGES lists stages 1 to 5 in order
  return `stage ${stage} (${id}): ${name}`;
}

/** The tasks to show at the case's stage; none once closed. */
export function tasksInView(data: CaseData): TaskLine[] {
  if (data.stage === 'closed') return [];
  const stage = data.stage;
  const earlier = isUnplannedReturn(data)
    ? ([1, 2, 3, 4] as const).filter((s) => s < stage).flatMap((s) => TASKS_BY_STAGE[s].filter((t) => !isTaskFinished(data, t)))
    : [];
  return [...earlier, ...TASKS_BY_STAGE[stage]].map((t) => lineOf(data, t));
}

export function isOpen(line: TaskLine): boolean {
  return line.status !== 'done' && line.status !== 'not_applicable';
}

/** Why this task cannot be worked on now, or undefined when it can. */
export function taskRefusal(data: CaseData, task: string): string | undefined {
  if (!TASK_IDS.includes(task)) return `there is no task "${task}"; the tasks are: ${TASK_IDS.join(', ')}`;
  if (data.stage === 'closed') return 'the case is closed';
  const stage = stageOfTask(task)!;
  if (stage > data.stage)
    return `task ${task} belongs to stage ${stage}, and the case is at stage ${data.stage}: finish this stage and run reunify advance first`;
  return undefined;
}

/** Practice rules whose problems one task's flow puts right. */
const TASK_OF_RULE: Record<string, string> = {
  'stage1/case-history-section': 'case_history',
  'stage1/genogram-people': 'case_history',
  'stage1/safe-adult-named': 'safe_adult',
  'stage1/assessment-recommendation': 'written_assessment',
  'stage2/decision-shared': 'decision_shared',
  'stage2/support-if-no-return': 'support_if_no_return',
  'stage3/child-views': 'child_views',
  'stage3/goals-smart': 'agreement',
  'stage3/goal-rag-stale': 'agreement',
  'stage3/backup-plan': 'backup_plan',
  'stage3/team-around-child': 'team_around_child',
  'stage4/reclassification-after-agreement': 'reclassification',
  'stage4/return-needs-proceed': 'reclassification',
  'stage4/transition-agreed': 'transition_plan',
  'stage5/contact-before-return': 'contact_plan',
};

/** The tasks whose flows would put these problems right, in task order. */
export function tasksToFix(problems: readonly { ruleId: string; path?: string }[], data: CaseData): string[] {
  const found = new Set<string>();
  for (const p of problems) {
    const inTasks = /^\/tasks\/([a-z_]+)/.exec(p.path ?? '')?.[1];
    const byRule = TASK_OF_RULE[p.ruleId];
    if (inTasks && TASK_IDS.includes(inTasks)) found.add(inTasks);
    else if (byRule) found.add(byRule);
    else if (/^\/(classifications|decisions)/.test(p.path ?? ''))
      found.add(data.stage === 'closed' || data.stage < 4 ? (p.path!.startsWith('/decisions') ? 'decision' : 'classification') : 'reclassification');
    else if (/^\/agreement/.test(p.path ?? '')) found.add('agreement');
    else if (/^\/transition/.test(p.path ?? '')) found.add('transition_plan');
  }
  return TASK_IDS.filter((t) => found.has(t));
}
