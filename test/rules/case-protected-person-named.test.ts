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
    {
      name: 'the protected person named in their own goal',
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'mum', goal: 'Ms T tells the social worker if Mr T makes contact' }]),
    },
    {
      name: "the risk person's goal about himself only",
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: 'Mr T keeps to the terms of the court order' }]),
    },
    {
      name: 'a goal naming her that is nobody else’s and shared with nobody',
      data: withGoals([MUM, DAD, GRAN], [{ id: 'g1', person: 'mum', goal: 'Mum and Mrs T share the school runs' }]),
    },
    {
      name: 'his own goal about the court order, and a section about the plan alone',
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: 'Mr T keeps to the terms of the court order' }]),
      body: '## What happens next\n\nThe social worker visits every two weeks.\n',
    },
  ],
  invalid: [
    // a name as the rendered copy reads it: entities, inline Markdown, link text, "her ex"
    ...['M&#115; T', 'Ms&nbsp;T', '**Ms** T', 'Ms\\_T', '[Ms T](#x)', 'M<b>s</b> T', 'his ex'].map((written) => ({
      name: `the risk person's own goal names her as ${written}`,
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: `Mr T stays away from ${written}` }]),
      problems: [{ path: '/agreement/goals/0/goal', message: /^names mum in text the family copy for dad would show as theirs \(dad poses a risk to mum/ }],
    })),
    // where someone is, unnamed, in text for the reader who poses a risk
    ...[
      'does not go near Flat 3b',
      'does not go to ///filled.count.soap',
      'keeps away from the IDVA',
      'keeps away from 53.8008, -1.5491',
      'does not ring 07700.900.123',
      'keeps away from her work at the Co-op',
    ].map((goal) => ({
      name: `the risk person's own goal: ${goal}`,
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal }]),
      problems: [
        {
          path: '/agreement/goals/0/goal',
          message:
            /^says where someone is or who reported what \(".+"\) in text the family copy for dad would show as theirs \(dad poses a risk to mum, so the copy withholds it\)/,
        },
      ],
    })),
    {
      name: 'a whereabouts in a section every family copy shows',
      data: withGoals([MUM, DAD], []),
      body: '## What happens next\n\nThe social worker visits every two weeks.\n\nThe handover is at 12 Acacia Rd.\n',
      problems: [
        {
          path: '',
          message:
            /^says where someone is \("12 Acacia Rd\.?"\) in "## What happens next", a section family copies show; every family copy withholds that paragraph/,
        },
      ],
    },
    {
      name: "the risk person's own goal names the person he is a risk to",
      data: withGoals([MUM, DAD], [{ id: 'g1', person: 'dad', goal: "Mr T stays away from Ms T's home" }]),
      problems: [
        {
          path: '/agreement/goals/0/goal',
          message:
            'names mum in text the family copy for dad would show as theirs (dad poses a risk to mum, so the copy withholds it); keep it to what dad needs to know',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'by relation word, in a progress comment of a goal shared with the grandmother',
      data: withGoals(
        [MUM, DAD, GRAN],
        [
          {
            id: 'g1',
            person: 'mum',
            share_with: ['gran'],
            goal: 'School runs',
            progress: [{ date: '2026-10-01', rag: 'green', comment: 'Mum on time every day' }],
          },
        ],
      ),
      problems: [
        {
          path: '/agreement/goals/0/progress/0/comment',
          message: /^names mum in text the family copy for gran would show as theirs \(someone in the case poses a risk to mum\)/,
        },
      ],
    },
    {
      name: 'a protected address named in what a decision told the child',
      data: {
        ...withGoals(
          [
            { ...MUM, protected_address: true },
            { ...DAD, risk_to: undefined },
          ],
          [],
        ),
        decisions: [
          {
            date: '2026-06-01',
            point: 'rc1_d2',
            outcome: 'return_if_goals_met',
            shared: [{ party: 'child', date: '2026-06-02', summary: 'You will live with Ms T at the new flat' }],
          },
        ],
      },
      problems: [
        {
          path: '/decisions/0/shared/0/summary',
          message: /^names mum in text the family copy for child would show as theirs \(mum has a protected address, so the copy withholds it\)/,
        },
      ],
    },
  ],
});
