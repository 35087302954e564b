import { supportCoversReturn } from '../../src/core/rules/stage5/support-covers-return.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

type Service = NonNullable<NonNullable<CaseData['return']>['support_package']>[number];
const support = (...support_package: Service[]): CaseData => ({ ...stage5Case(), return: { ...stage5Case().return, support_package } });
const fsw = (from: string | undefined, to: string | undefined, delivered?: string): Service => ({
  service: 'Family support worker',
  from,
  to,
  ...(delivered ? { delivered } : {}),
});

ruleTable(supportCoversReturn, {
  valid: [
    { name: 'support from the day of the return for 6 months', data: stage5Case() },
    { name: 'started within two weeks, open-ended', data: support(fsw('2026-04-15', undefined)) },
    {
      name: 'two services together cover the period',
      data: support(fsw('2026-04-01', '2026-06-01'), { service: 'CAMHS', from: '2026-05-01', to: '2026-12-01' }),
    },
    {
      name: 'closed early on re-entry to care: support needed only until then',
      data: { ...support(fsw('2026-04-01', '2026-06-15')), stage: 'closed', outcome: { status: 're_entered_care', date: '2026-06-15' } },
    },
    { name: 'no return yet', data: stage3Case() },
    { name: 'the last day of support is the last day of the 6 months', data: support(fsw('2026-04-01', '2026-09-30')) },
  ],
  invalid: [
    {
      name: 'no support package at all',
      data: support(),
      problems: [
        {
          path: '/return/support_package',
          message:
            'no support service (other than any not delivered) is recorded for the return on 2026-04-01: support is needed from day one and for at least the first 6 months',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'starts a month late and ends after three months',
      data: support(fsw('2026-05-01', '2026-07-01')),
      problems: [
        { path: '/return/support_package', message: 'no support service starts within 14 days of the return on 2026-04-01 (by 2026-04-15)' },
        {
          path: '/return/support_package/0/to',
          message: 'the support package ends on 2026-07-01, but support is needed until 2026-09-30 (the first 6 months after the return on 2026-04-01)',
        },
      ],
    },
    {
      name: 'a service recorded as not delivered does not count',
      data: support(fsw('2026-04-01', '2026-12-01', 'not_delivered'), { service: 'Parenting group', from: '2026-04-01', to: '2026-08-01' }),
      problems: [{ path: '/return/support_package/1/to', message: /ends on 2026-08-01, but support is needed until 2026-09-30/ }],
    },
    {
      name: 'closed at home, support ended before the case closed',
      data: { ...support(fsw('2026-04-01', '2026-06-30')), stage: 'closed', outcome: { status: 'at_home', date: '2026-08-01' } },
      problems: [
        {
          path: '/return/support_package/0/to',
          message: 'the support package ends on 2026-06-30, but support is needed until 2026-08-01 (the case closed on 2026-08-01)',
        },
      ],
    },
  ],
});
