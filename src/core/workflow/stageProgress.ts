// Where a case stands in the five stages, for rules that apply only once a stage is
// reached or passed, and the softer severity for gaps before an unplanned return.
import type { CaseData, TaskRecord } from '../model/caseTypes.js';
import { FINISHED_TASK_STATUSES } from '../model/schemas.js';
import { stageOfTask, type DecisionRecordPoint, type StageNumber } from '../model/ids.js';
import type { Severity } from '../model/problem.js';

/** The stage as a number; a closed case counts as past every stage. */
export function stageNumberOf(data: CaseData): number {
  return data.stage === 'closed' ? 6 : data.stage;
}

/** Closed with outcome not_returned: like the gates (validate.ts gatedStages), stages 3–5 never applied. */
function closedWithoutGoingHome(data: CaseData): boolean {
  return data.stage === 'closed' && data.outcome?.status === 'not_returned';
}

/** The case is at `stage` or beyond it (or closed, after a return if `stage` is 3–5). */
export function hasReached(data: CaseData, stage: StageNumber): boolean {
  return stageNumberOf(data) >= stage && !(stage >= 3 && closedWithoutGoingHome(data));
}

/** The case has moved beyond `stage` (or is closed, after a return if `stage` is 3–5). */
export function isPast(data: CaseData, stage: StageNumber): boolean {
  return stageNumberOf(data) > stage && !(stage >= 3 && closedWithoutGoingHome(data));
}

export function isUnplannedReturn(data: CaseData): boolean {
  return data.return?.unplanned === true;
}

/** After an unplanned return, gaps in the work of stages 1–4 are warnings, not errors. */
export function gapSeverity(data: CaseData, stage: StageNumber | undefined): { severity?: Severity } {
  return isUnplannedReturn(data) && stage !== undefined && stage < 5 ? { severity: 'warning' } : {};
}

/** Same, for a gap in one task's work. */
export function taskGapSeverity(data: CaseData, task: string): { severity?: Severity } {
  return gapSeverity(data, stageOfTask(task));
}

export function taskOf(data: CaseData, task: string): TaskRecord | undefined {
  return Object.hasOwn(data.tasks, task) ? data.tasks[task] : undefined;
}

export function isTaskDone(data: CaseData, task: string): boolean {
  return taskOf(data, task)?.status === 'done';
}

export function isTaskFinished(data: CaseData, task: string): boolean {
  const status = taskOf(data, task)?.status;
  return status !== undefined && (FINISHED_TASK_STATUSES as readonly string[]).includes(status);
}

/** The stage whose classification and decision belong to each decision point. */
export const STAGE_OF_POINT: Record<DecisionRecordPoint, StageNumber> = { d1_start: 1, rc1_d2: 2, rc2_d3: 4, rc3_post_return: 5 };

/** Post-return (RC3) records are left this many days for sign-off and sharing before rules expect them. */
export const POST_RETURN_GRACE_DAYS = 14;
