import type { CaseData } from '../../src/core/model/caseTypes.js';
import { decisionShared } from '../../src/core/rules/stage2/decision-shared.js';
import { rc1Decision, stage2Case, stage3Case, withTasks } from './fixtures-pathway.js';
import { ruleTable } from './harness.js';

const told = (...parties: string[]) => parties.map((party) => ({ party, date: '2026-10-16' }));
const sharedWith = (data: CaseData, ...parties: string[]): CaseData => ({ ...data, decisions: [rc1Decision({ shared: told(...parties) })] });

ruleTable(decisionShared, {
  valid: [
    { name: 'stage 3: shared with the child, mum (PR), the foster carers and the IRO', data: stage3Case() },
    { name: 'stage 2: decision made, sharing not yet done', data: { ...stage2Case(), decisions: [rc1Decision({ shared: [] })] } },
    {
      name: 'a local list of required parties',
      data: sharedWith(stage3Case(), 'child', 'iro'),
      config: { sharing: { required_parties: ['child', 'iro'] } },
    },
    {
      name: 'a post-return decision recorded less than 14 days ago',
      data: { ...stage3Case(), stage: 5, decisions: [rc1Decision(), { date: '2026-10-20', point: 'rc3_post_return', outcome: 'continue' }] },
    },
  ],
  invalid: [
    {
      name: 'a parent with PR not told',
      data: sharedWith(stage3Case(), 'child', 'fc', 'iro'),
      problems: [{ path: '/decisions/0/shared', message: 'the rc1_d2 decision of 2026-10-14 has no dated record of being shared with mum (parent with PR)' }],
    },
    {
      name: "care proceedings: the children's guardian, and a sharing entry with no date",
      data: {
        ...stage3Case(),
        child: { ...stage3Case().child, proceedings: 'care_proceedings' },
        decisions: [rc1Decision({ shared: [...told('child', 'mum', 'fc'), { party: 'iro', method: 'email' }] })],
      },
      problems: [
        { path: '/decisions/0/shared', message: 'the rc1_d2 decision of 2026-10-14 has no dated record of being shared with iro (IRO)' },
        {
          path: '/decisions/0/shared',
          message: "the rc1_d2 decision of 2026-10-14 has no dated record of being shared with childrens_guardian (children's guardian in care proceedings)",
        },
      ],
    },
    {
      name: 'stage 2 with decision_shared done and a carer not told',
      data: sharedWith(withTasks(stage2Case(), { decision_shared: { status: 'done', date: '2026-10-16' } }), 'child', 'mum', 'iro'),
      problems: [{ path: '/decisions/0/shared', message: /shared with fc \(carer\)$/ }],
    },
    {
      name: 'unplanned return: Decision 3 unshared is a warning, an old post-return decision unshared is an error',
      data: {
        ...stage3Case(),
        stage: 5,
        return: { unplanned: true },
        decisions: [
          rc1Decision(),
          { date: '2026-10-18', point: 'rc2_d3', outcome: 'proceed_to_return', shared: told('child', 'mum', 'fc') },
          { date: '2026-10-18', point: 'rc3_post_return', outcome: 'continue', shared: told('child', 'mum', 'fc') },
        ],
      },
      problems: [
        { path: '/decisions/1/shared', message: /with iro \(IRO\)$/, severity: 'warning' },
        { path: '/decisions/2/shared', message: /with iro \(IRO\)$/, severity: 'error' },
      ],
    },
  ],
});
