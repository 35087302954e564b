// Small readers the later-stage rules share: the latest record at a decision point,
// and whether a text field says anything. (Stage reach is core/workflow/stageProgress.ts.)
import type { Classification, Decision } from '../model/caseTypes.js';
import type { DecisionPoint } from '../model/ids.js';
import { latestOnOrBefore } from '../text/dates.js';

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
