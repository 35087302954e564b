// A recorded classification keeps the level the engine suggested on the day
// (`suggested`): that record is what the social worker and manager saw, and it stands.
// Recomputing the suggestion later, from the entries dated on or before the
// classification, can give another level when the file no longer holds what was seen
// then (factor entries recorded later, an earlier entry replaced in place, changed
// weights). This says whether the two differ and why, for the written record and for
// `check`. Pure.
import type { CaseData, Classification } from '../model/caseTypes.js';
import { classify, type Suggestion } from './classify.js';
import type { ReunifyConfig } from '../model/config.js';
import { STAGE_OF_POINT } from '../workflow/stageProgress.js';
import type { Level } from '../model/ids.js';

export interface Recomputation {
  /** The engine's picture on the classification's date, at its decision point. */
  suggestion: Suggestion;
  /** The level recorded with the classification, when it was recorded. */
  recorded?: Level;
  /** Recorded and recomputed levels differ. */
  differs: boolean;
  /** Factor entries dated after the classification (left out of the recomputation). */
  laterFactorEntries: number;
  /** Capacity-to-change ratings dated after the classification. */
  laterCapacityRatings: number;
}

export function recomputeSuggestion(data: CaseData, config: ReunifyConfig, c: Classification): Recomputation {
  const suggestion = classify({ ...data, stage: STAGE_OF_POINT[c.point] }, config, c.date);
  const later = <T extends { as_of?: string }>(list: readonly T[] | undefined) => (list ?? []).filter((e) => e.as_of !== undefined && e.as_of > c.date).length;
  return {
    suggestion,
    ...(c.suggested !== undefined ? { recorded: c.suggested } : {}),
    differs: c.suggested !== undefined && c.suggested !== suggestion.level,
    laterFactorEntries: later(data.factors),
    laterCapacityRatings: later(data.capacity_to_change),
  };
}

/** Why a recomputation differs from the recorded suggestion, as a sentence ending without a full stop. */
export function whyDiffers(r: Recomputation): string {
  const parts: string[] = [];
  if (r.laterFactorEntries > 0) parts.push(`${r.laterFactorEntries} factor ${r.laterFactorEntries === 1 ? 'entry' : 'entries'}`);
  if (r.laterCapacityRatings > 0) parts.push(`${r.laterCapacityRatings} capacity-to-change ${r.laterCapacityRatings === 1 ? 'rating' : 'ratings'}`);
  if (parts.length === 0) return 'the entries dated on or before it, or the weights, have changed since it was recorded';
  const one = r.laterFactorEntries + r.laterCapacityRatings === 1;
  return `${parts.join(' and ')} ${one ? 'was' : 'were'} recorded later and ${one ? 'is' : 'are'} not included`;
}
