// Plain words for ids in written products: parents read agreements, and children
// have decisions explained to them, so reports never show a bare id where a
// phrase will do.
import { ageOn } from '../core/text/dates.js';
import type { DecisionPoint } from '../core/model/ids.js';

export const NOT_RECORDED = 'Not recorded';

export const POINT_NAMES: Record<DecisionPoint, string> = {
  rc1_d2: 'Risk Classification 1 and Decision 2',
  rc2_d3: 'Risk Classification 2 and Decision 3',
  rc3_post_return: 'Risk Classification 3 after the return',
};

export const OUTCOME_WORDS: Record<string, string> = {
  return_with_support: 'Return home with a support package',
  return_if_goals_met: 'Return home once the agreed goals are met',
  return_if_change_evidenced: "Return home only if change is shown within the child's timescales",
  no_return: 'No return home',
  proceed_to_return: 'Go ahead with the return home',
  extend_work: 'More time on the agreed goals, then reclassify',
  continue: 'Continue support and monitoring',
  increase_support: 'Increase support',
  step_down: 'Step down',
  return_to_care: 'Return to care',
};

/** The framework's short names for the decision points, for tables and comparisons. */
export const POINT_SHORT: Record<DecisionPoint, string> = {
  rc1_d2: 'RC1',
  rc2_d3: 'RC2',
  rc3_post_return: 'RC3',
};

const FIXED_WORDS: Record<string, string> = {
  s20: 'Accommodated under section 20',
  s31: 'Care order (section 31)',
  s38: 'Interim care order (section 38)',
  not_looked_after: 'Not looked after',
  pre_proceedings: 'Pre-proceedings',
  care_proceedings: 'Care proceedings',
  cin: 'Child in Need plan',
  early_help: 'Early help',
  order_discharged: 'Care order discharged',
  on_track: 'Delivered as planned',
  not_delivered: 'Not delivered',
  not_applicable: 'Not applicable',
  not_applicable_yet: 'Not applicable yet',
  mothers_partner: "Mother's partner",
  fathers_partner: "Father's partner",
  in_progress: 'In progress',
  todo: 'Not started',
  not_shown: 'Not shown',
  iro: 'IRO',
  cla_review: 'CLA review',
  s20_ending: 'Section 20 ended',
  childrens_guardian: "Children's guardian",
  single_severe_concern: 'One severe concern',
  strong_protective_context: 'Strong protective context',
  information_not_captured: 'Information the factors do not capture',
  child_specific_vulnerability: "The child's own vulnerability",
  up: 'Up',
  down: 'Down',
  same: 'Same',
};

/** The framework's cohorts (docs/framework.md §5.2) as a reader says them, mid-sentence. */
export const COHORT_WORDS: Record<string, string> = {
  teen_future_care_leaver: 'teenager who would otherwise leave care',
  wants_to_return: 'wants to return home',
  placement_at_risk: 'placement at risk',
  placement_with_parents: 'placed with parents',
  s20_placement: 'accommodated under section 20',
  edge_of_care: 'edge of care',
  pre_proceedings: 'pre-proceedings',
  parent_prior_removals: 'a parent has had children removed before',
  placement_disruptions: 'placement disruptions',
};

/** The decision points as a practice lead names them: "Decision 2". */
export const DECISION_WORDS: Record<DecisionPoint, string> = {
  rc1_d2: 'Decision 2',
  rc2_d3: 'Decision 3',
  rc3_post_return: 'the post-return decision',
};

/** Parties a decision is shared with that are roles, not people in the case. */
const PARTY_WORDS: Record<string, string> = {
  child: 'the child',
  iro: 'the IRO',
  childrens_guardian: "the children's guardian",
  social_worker: 'the social worker',
  team_manager: 'the team manager',
};

/** An id as words for the middle of a sentence: as idWords, but not capitalised unless the phrase is (IRO, CLA). */
export function idPhrase(id: string): string {
  const words = idWords(id);
  return /^[A-Z]{2}/.test(words) ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

/** A cohort id as words (a local cohort: its id with spaces). */
export function cohortWords(id: string): string {
  return Object.hasOwn(COHORT_WORDS, id) ? COHORT_WORDS[id]! : idPhrase(id);
}

/** A sharing party as words: a role ("the IRO"), else a person's id in the case as written ("mum"). */
export function partyWords(party: string): string {
  return Object.hasOwn(PARTY_WORDS, party) ? PARTY_WORDS[party]! : party.replace(/_/g, ' ');
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An id as words: known phrases first, else underscores as spaces with a capital. */
export function idWords(id: string): string {
  // an own key holds its words
  if (Object.hasOwn(OUTCOME_WORDS, id)) return OUTCOME_WORDS[id]!;
  if (Object.hasOwn(FIXED_WORDS, id)) return FIXED_WORDS[id]!;
  const spaced = id.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Dates in words come from the one place the rest of the software writes them. */
export { longDate } from '../core/text/dateText.js';

/** An age as a reader says it: "10 months" under 2, "3 years" from 2. */
export function ageText(dob: string, on: string): string {
  const years = ageOn(dob, on);
  if (years >= 2) return `${years} years`;
  const months =
    (Number(on.slice(0, 4)) - Number(dob.slice(0, 4))) * 12 + Number(on.slice(5, 7)) - Number(dob.slice(5, 7)) - (on.slice(8) < dob.slice(8) ? 1 : 0);
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}
