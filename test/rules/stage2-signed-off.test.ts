import type { CaseData } from '../../src/core/model/caseTypes.js';
import { signedOff } from '../../src/core/rules/stage2/signed-off.js';
import { rc1Decision, stage2Case, stage3Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

const unsignedRc1 = { date: '2026-10-12', point: 'rc1_d2' as const, level: 'medium' as const, suggested: 'medium' as const, by: 'SW T.T.' };

/** At home since October, with a post-return RC3 classification and decision recorded on `date`. */
function afterReturn(date: string): CaseData {
  return {
    ...stage3Case(),
    stage: 5,
    classifications: [...(stage3Case().classifications ?? []), { date, point: 'rc3_post_return', level: 'low', suggested: 'low', by: 'SW T.T.' }],
    decisions: [rc1Decision(), { date, point: 'rc3_post_return', outcome: 'continue' }],
  };
}

ruleTable(signedOff, {
  valid: [
    { name: 'stage 1: nothing to sign yet', data: stage1Case() },
    { name: 'stage 3: RC1 and Decision 2 signed off', data: stage3Case() },
    {
      name: 'stage 2: an RC1 awaiting sign-off while the classification task is in progress',
      data: { ...withTasks(stage2Case(), { classification: { status: 'in_progress' } }), classifications: [unsignedRc1] },
    },
    { name: 'stage 5: a post-return review less than 14 days old may await sign-off', data: afterReturn('2026-10-25') },
    { name: "stage 3 with no Decision 2 at all is the stage gate's to report", data: { ...stage3Case(), decisions: [] } },
  ],
  invalid: [
    {
      name: 'stage 3 with an unsigned RC1 classification',
      data: { ...stage3Case(), classifications: [unsignedRc1] },
      problems: [{ path: '/classifications/0/signed_off', message: "the rc1_d2 classification of 2026-10-12 has no manager's sign-off" }],
    },
    {
      name: 'stage 2: decision task done but the decision is unsigned',
      data: { ...withTasks(stage2Case(), { decision: { status: 'done', date: '2026-10-14' } }), decisions: [rc1Decision({ signed_off: undefined })] },
      problems: [{ path: '/decisions/0/signed_off', message: "the rc1_d2 decision of 2026-10-14 has no manager's sign-off" }],
    },
    {
      name: 'stage 5: a post-return review 14 days old is still unsigned',
      data: afterReturn('2026-10-18'),
      problems: [
        { path: '/classifications/1/signed_off', message: "the rc3_post_return classification of 2026-10-18 has no manager's sign-off" },
        { path: '/decisions/1/signed_off', message: "the rc3_post_return decision of 2026-10-18 has no manager's sign-off" },
      ],
    },
    {
      name: 'unplanned return: an unsigned RC1 classification is a warning',
      data: { ...stage3Case(), stage: 5, classifications: [unsignedRc1], return: { unplanned: true } },
      problems: [{ path: '/classifications/0/signed_off', severity: 'warning' }],
    },
  ],
});
