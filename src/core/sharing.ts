// Who must be told of a decision (config `sharing.required_parties`), and who has
// not been. Used by the decision-sharing rule and the caseload's decisions_not_shared.
import type { CaseData, Decision } from './caseTypes.js';

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
    else if (token === 'guardian_in_proceedings' && data.child.proceedings === 'care_proceedings') add('childrens_guardian', "children's guardian in care proceedings");
  }
  return out;
}

/** Required parties with no dated sharing record on the decision. */
export function partiesNotTold(decision: Decision, required: readonly RequiredParty[]): RequiredParty[] {
  const told = new Set((decision.shared ?? []).filter((s) => s.date !== undefined).map((s) => s.party));
  return required.filter((r) => !told.has(r.party));
}
