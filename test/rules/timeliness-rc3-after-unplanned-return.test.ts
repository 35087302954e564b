import { rc3AfterUnplannedReturn } from '../../src/core/rules/timeliness/rc3-after-unplanned-return.js';
import type { CaseData, Classification } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const signed = (date: string) => ({ by: 'TM T.M.', date });
const rc3 = (date: string, signedOn?: string): Classification => ({
  date,
  point: 'rc3_post_return',
  level: 'high',
  suggested: 'high',
  by: 'SW T.T.',
  ...(signedOn ? { signed_off: signed(signedOn) } : {}),
});

/** Stage 5 after a parent ended s20: home on 2026-09-01 with no stage 4 work and no RC3 (due by 2026-09-29). */
function unplanned(classifications: Classification[] = [], extra: Partial<CaseData> = {}): CaseData {
  const c = stage5Case();
  const stage4 = { status: 'not_applicable' as const, reason: 'Parent ended s20' };
  return {
    ...c,
    tasks: { ...c.tasks, reclassification: stage4, support_review: stage4, transition_plan: stage4, readiness: stage4 },
    classifications: [...c.classifications!.filter((k) => k.point === 'rc1_d2'), ...classifications],
    return: { ...c.return, unplanned: true, returned: '2026-09-01' },
    ...extra,
  };
}

const EXPECTED = 'after the unplanned return on 2026-09-01, risk should be classified and signed off by the team manager within 28 days (by 2026-09-29)';

ruleTable(rc3AfterUnplannedReturn, {
  valid: [
    {
      name: 'a planned return is left to the other stage 5 rules',
      data: { ...stage5Case(), classifications: stage5Case().classifications!.filter((k) => k.point !== 'rc3_post_return') },
    },
    { name: 'RC3 classified and signed off within 28 days', data: unplanned([rc3('2026-09-20', '2026-09-22')]) },
    { name: 'RC3 signed off on the 28th day', data: unplanned([rc3('2026-09-25', '2026-09-29')]) },
    { name: 'not due yet: 28 days after the return', data: unplanned(), asOf: '2026-09-29' },
    { name: 'RC3 signed off late, but signed off: nothing left to prompt', data: unplanned([rc3('2026-10-10', '2026-10-12')]) },
    { name: 'an unsigned RC3 followed by a signed-off one', data: unplanned([rc3('2026-09-10'), rc3('2026-09-24', '2026-09-25')]) },
    { name: 'the return is dated after the as-of date', data: unplanned([], { return: { unplanned: true, returned: '2026-11-20' } }) },
    { name: 'a local setting of 90 days', data: unplanned(), config: { reviews: { rc3_after_unplanned_return_days: 90 } } },
    { name: 'closed cases are not checked', data: unplanned([], { stage: 'closed', outcome: { status: 're_entered_care', date: '2026-10-20' } }) },
    { name: 'no return yet', data: stage3Case() },
  ],
  invalid: [
    {
      name: 'no RC3 at all, 33 days after it was due',
      data: unplanned(),
      problems: [
        {
          path: '/return/unplanned',
          message: `post-return classification (rc3_post_return) overdue by 33 days: ${EXPECTED}, and none is recorded`,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'one day after it was due',
      data: unplanned(),
      asOf: '2026-09-30',
      problems: [{ path: '/return/unplanned', message: `post-return classification (rc3_post_return) overdue by 1 day: ${EXPECTED}, and none is recorded` }],
    },
    {
      name: 'an RC3 with no sign-off',
      data: unplanned([rc3('2026-09-20')]),
      problems: [
        {
          path: '/classifications/1/signed_off',
          message: `post-return classification (rc3_post_return) overdue by 33 days: the classification of 2026-09-20 has no manager's sign-off, and ${EXPECTED}`,
        },
      ],
    },
    {
      name: 'an RC3 signed off after the as-of date was not yet signed off',
      data: unplanned([rc3('2026-09-20', '2026-11-05')]),
      problems: [
        {
          path: '/classifications/1/signed_off',
          message: /^post-return classification \(rc3_post_return\) overdue by 33 days: the classification of 2026-09-20 has no manager's sign-off/,
        },
      ],
    },
    {
      name: 'an RC3 dated before the return does not count',
      data: unplanned([rc3('2026-08-20', '2026-08-21')]),
      problems: [{ path: '/return/unplanned', message: /overdue by 33 days: .*, and none is recorded$/ }],
    },
    {
      name: 'the RC1 and RC2 before the return are not post-return classifications',
      data: unplanned([{ date: '2026-08-25', point: 'rc2_d3', level: 'medium', suggested: 'medium', by: 'TM T.M.', signed_off: signed('2026-08-25') }]),
      problems: [{ path: '/return/unplanned', message: /none is recorded$/ }],
    },
    {
      name: 'a local setting of 14 days',
      data: unplanned(),
      config: { reviews: { rc3_after_unplanned_return_days: 14 } },
      problems: [
        {
          path: '/return/unplanned',
          message:
            'post-return classification (rc3_post_return) overdue by 47 days: after the unplanned return on 2026-09-01, risk should be classified and signed off by the team manager within 14 days (by 2026-09-15), and none is recorded',
        },
      ],
    },
    {
      name: 'still at stage 3 in the file, but home after an unplanned return',
      data: { ...stage3Case(), return: { unplanned: true, returned: '2026-09-01' } },
      problems: [{ path: '/return/unplanned', message: `post-return classification (rc3_post_return) overdue by 33 days: ${EXPECTED}, and none is recorded` }],
    },
  ],
});
