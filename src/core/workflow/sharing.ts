// Who must be told of a decision (config `sharing.required_parties`), and who has
// not been. Used by the decision-sharing rule and the caseload's decisions_not_shared.
import type { CaseData, Decision, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { daysBetween } from '../text/dates.js';
import { POST_RETURN_GRACE_DAYS, hasReached, isPast, isTaskDone } from './stageProgress.js';

export interface RequiredParty {
  /** Party id as used in `shared[].party`: a person id, or child, iro, childrens_guardian. */
  party: string;
  /** Why they must be told, in practice words. */
  role: string;
}

/** The parties a case's decisions must be shared with, from the config tokens; each party once. */
export function requiredParties(data: CaseData, tokens: readonly string[]): RequiredParty[] {
  const people = data.people ?? [];
  const out: RequiredParty[] = [];
  const add = (party: string, role: string) => {
    if (!out.some((p) => p.party === party)) out.push({ party, role });
  };
  for (const token of tokens) {
    if (token === 'child') add('child', 'the child');
    else if (token === 'parents_with_pr') people.filter((p) => p.pr === true).forEach((p) => add(p.id, 'parent with PR'));
    else if (token === 'carers') people.filter((p) => p.carer === true).forEach((p) => add(p.id, 'carer'));
    else if (token === 'iro') add('iro', 'IRO');
    else if (token === 'guardian_in_proceedings' && data.child.proceedings === 'care_proceedings')
      add('childrens_guardian', "children's guardian in care proceedings");
  }
  return out;
}

/** Required parties with no dated sharing record on the decision. */
export function partiesNotTold(decision: Decision, required: readonly RequiredParty[]): RequiredParty[] {
  const told = new Set((decision.shared ?? []).filter((s) => s.date !== undefined).map((s) => s.party));
  return required.filter((r) => !told.has(r.party));
}

/** When sharing is expected: Decision 2 once decision_shared is done or stage 2 is over, Decision 3 once stage 4 is over, RC3 decisions after a grace period. */
export function sharingDue(data: CaseData, decision: Decision, asOf: IsoDate): boolean {
  switch (decision.point) {
    case 'd1_start':
      // telling the family the work is starting is part of engagement (stage 1), not a shared decision record
      return false;
    case 'rc1_d2':
      return isTaskDone(data, 'decision_shared') || isPast(data, 2);
    case 'rc2_d3':
      return isPast(data, 4);
    case 'rc3_post_return':
      return daysBetween(decision.date, asOf) >= POST_RETURN_GRACE_DAYS;
  }
}

/** Decisions due to have been shared that some required party has no dated record of, with who is missing. */
export function unsharedDecisions(
  data: CaseData,
  config: Pick<ReunifyConfig, 'sharing'>,
  asOf: IsoDate,
): { index: number; decision: Decision; missing: RequiredParty[] }[] {
  if (!hasReached(data, 2)) return [];
  const required = requiredParties(data, config.sharing.required_parties);
  const out: { index: number; decision: Decision; missing: RequiredParty[] }[] = [];
  (data.decisions ?? []).forEach((decision, index) => {
    if (!sharingDue(data, decision, asOf)) return;
    const missing = partiesNotTold(decision, required);
    if (missing.length > 0) out.push({ index, decision, missing });
  });
  return out;
}
