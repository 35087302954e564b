// Stage reach as the gates see it (validate.ts gatedStages): a closed case counts as
// past every stage, except one closed without a return, which never needed stages 3–5.
import type { CaseData, Classification, Decision } from '../caseTypes.js';
import { hasReached, isPast } from './progress.js';
import type { DecisionPoint, StageNumber } from '../ids.js';
import { latestOnOrBefore } from '../dates.js';

export function closedWithoutReturn(data: CaseData): boolean {
  return data.stage === 'closed' && data.outcome?.status === 'not_returned';
}

export function reachedStage(data: CaseData, stage: StageNumber): boolean {
  return hasReached(data, stage) && !(stage >= 3 && closedWithoutReturn(data));
}

export function pastStage(data: CaseData, stage: StageNumber): boolean {
  return isPast(data, stage) && !(stage >= 3 && closedWithoutReturn(data));
}

/** The latest record at a decision point (by date; the later entry wins a tie), with its index. */
export function latestAt<T extends Classification | Decision>(
  records: readonly T[] | undefined,
  point: DecisionPoint,
  onOrBefore?: string,
): { record: T; index: number } | undefined {
  const found = latestOnOrBefore(records, onOrBefore, (r) => r.point === point);
  return found && { record: found.item, index: found.index };
}

/** Non-empty text after trimming: a field left blank is as good as missing. */
export function hasText(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
