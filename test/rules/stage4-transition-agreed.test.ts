import { transitionAgreed } from '../../src/core/rules/stage4/transition-agreed.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const plan = (transition: object, c: CaseData = stage5Case()): CaseData => ({ ...c, transition: { ...c.transition, ...transition } });

ruleTable(transitionAgreed, {
  valid: [
    { name: 'agreed before the return by child, mum, carers and IRO (dad lives elsewhere)', data: stage5Case() },
    { name: 'transition plan not done yet', data: { ...stage3Case(), stage: 4, transition: { agreed_by: [] } } },
    { name: 'agreed on the day of the return', data: plan({ agreed: '2026-04-01' }) },
    {
      name: 'a local list of parties: child and IRO',
      data: plan({ agreed_by: ['child', 'iro'] }),
      config: { sharing: { required_parties: ['child', 'iro'] } },
    },
  ],
  invalid: [
    {
      name: 'agreed after the move, without mum or the foster carers',
      data: plan({ agreed: '2026-04-03', agreed_by: ['child', 'iro'] }),
      problems: [
        {
          path: '/transition/agreed',
          message: 'the transition plan was agreed on 2026-04-03, after the planned return on 2026-04-01: it must be agreed before the move',
          severity: 'error',
        },
        { path: '/transition/agreed_by', message: 'the transition plan is not recorded as agreed by mum (parent with PR in the home the child returns to)' },
        { path: '/transition/agreed_by', message: 'the transition plan is not recorded as agreed by fc (carer)' },
      ],
    },
    {
      name: 'no planned return date, no agreed date',
      data: plan({ agreed: undefined, planned_return: undefined }),
      problems: [
        { path: '/transition/agreed', message: 'the transition plan is done but has no date it was agreed (agreed)' },
        { path: '/transition/planned_return', message: 'the transition plan is done but has no planned return date (planned_return)' },
      ],
    },
    {
      name: 'after an unplanned return, a missing IRO is a warning',
      data: { ...plan({ agreed_by: ['child', 'mum', 'fc'] }), return: { ...stage5Case().return, unplanned: true } },
      problems: [{ path: '/transition/agreed_by', message: 'the transition plan is not recorded as agreed by iro (the IRO)', severity: 'warning' }],
    },
  ],
});
