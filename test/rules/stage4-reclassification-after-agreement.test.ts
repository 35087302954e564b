import { reclassificationAfterAgreement } from '../../src/core/rules/stage4/reclassification-after-agreement.js';
import type { CaseData, Classification } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const rc1Only = (c: CaseData): Classification[] => (c.classifications ?? []).filter((x) => x.point === 'rc1_d2');
const stage4 = (reclassification: string): CaseData => {
  const c = stage3Case();
  return { ...c, stage: 4, tasks: { ...c.tasks, reclassification: { status: reclassification as 'done' } } };
};

ruleTable(reclassificationAfterAgreement, {
  valid: [
    { name: 'stage 5 with RC2 after the agreement', data: stage5Case() },
    { name: 'stage 4 with reclassification still in progress', data: stage4('in_progress') },
    { name: 'stage 3', data: stage3Case() },
    { name: 'closed without a return', data: { ...stage3Case(), stage: 'closed', outcome: { status: 'not_returned', date: '2026-10-30' } } },
  ],
  invalid: [
    {
      name: 'stage 4, reclassification marked done, no RC2',
      data: stage4('done'),
      problems: [
        {
          path: '/classifications',
          message: 'no RC2 classification (point rc2_d3): risk must be regraded on current evidence before the return',
          severity: 'error',
        },
      ],
    },
    {
      name: 'stage 5 with RC2 dated before the agreement was signed',
      data: { ...stage5Case(), agreement: { ...stage5Case().agreement, signed: '2026-02-20' } },
      problems: [
        {
          path: '/classifications/1/date',
          message:
            'the latest RC2 classification (rc2_d3, 2026-02-20) is not dated after the agreement was signed on 2026-02-20: regrade risk on the evidence of the work done under the agreement',
        },
      ],
    },
    {
      name: 'unplanned return without RC2 is a warning',
      data: { ...stage5Case(), classifications: rc1Only(stage5Case()), return: { ...stage5Case().return, unplanned: true } },
      problems: [{ path: '/classifications', severity: 'warning' }],
    },
  ],
});
