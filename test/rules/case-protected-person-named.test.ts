import type { CaseData, Person } from '../../src/core/model/caseTypes.js';
import { protectedPersonNamed } from '../../src/core/rules/case/protected-person-named.js';
import { stage3Case } from './fixtures-later-stages.js';
import { ruleTable } from './harness.js';

const MUM: Person = { id: 'mum', ref: 'Ms T', relation: 'mother', pr: true, household: true, returning_to: true };
const DAD: Person = { id: 'dad', ref: 'Mr T', relation: 'father', pr: true, risk_to: [{ id: 'mum', basis: 'court_order' }] };
const GRAN: Person = { id: 'gran', ref: 'Mrs T', relation: 'maternal_grandmother', carer: true };

/** A stage-3 case with these people, both parents in the agreement, and these goals. */
function withGoals(people: Person[], goals: NonNullable<NonNullable<CaseData['agreement']>['goals']>): CaseData {
  const base = stage3Case();
  return { ...base, people, agreement: { ...base.agreement, parents: [{ person: 'mum' }, { person: 'dad' }], goals } };
}

ruleTable(protectedPersonNamed, {
  valid: [
    { name: 'nobody protected', data: withGoals([MUM, { ...DAD, risk_to: undefined }], [{ id: 'g1', person: 'dad', goal: 'Mr T stays away from Ms T' }]) },
    { name: 'the protected person named in their own goal', data: withGoals([MUM, DAD], [{ id: 'g1', person: 'mum', goal: 'Ms T tells the social worker if Mr T makes contact' }]) },
    { name: "the risk person's goal about himself only", data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: 'Mr T keeps to the terms of the court order' }]) },
    {
      name: 'a goal naming her that is nobody else’s and shared with nobody',
      data: withGoals([MUM, DAD, GRAN], [{ id: 'g1', person: 'mum', goal: 'Mum and Mrs T share the school runs' }]),
    },
  ],
  invalid: [
    {
      name: "the risk person's own goal names the person he is a risk to",
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: "Mr T stays away from Ms T's home" }]),
      problems: [{ path: '/agreement/goals/0/goal', message: 'names mum in text the family copy for dad would show as theirs (dad poses a risk to mum, so the copy withholds it); keep it to what dad needs to know', severity: 'warning' }],
    },
    {
      name: 'by relation word, in a progress comment of a goal shared with the grandmother',
      data: withGoals([MUM, DAD, GRAN], [{ id: 'g1', person: 'mum', share_with: ['gran'], goal: 'School runs', progress: [{ date: '2026-10-01', rag: 'green', comment: 'Mum on time every day' }] }]),
      problems: [{ path: '/agreement/goals/0/progress/0/comment', message: /^names mum in text the family copy for gran would show as theirs \(someone in the case poses a risk to mum\)/ }],
    },
    {
      name: 'a protected address named in what a decision told the child',
      data: {
        ...withGoals([{ ...MUM, protected_address: true }, { ...DAD, risk_to: undefined }], []),
        decisions: [{ date: '2026-06-01', point: 'rc1_d2', outcome: 'return_if_goals_met', shared: [{ party: 'child', date: '2026-06-02', summary: 'You will live with Ms T at the new flat' }] }],
      },
      problems: [{ path: '/decisions/0/shared/0/summary', message: /^names mum in text the family copy for child would show as theirs \(mum has a protected address, so the copy withholds it\)/ }],
    },
  ],
});
