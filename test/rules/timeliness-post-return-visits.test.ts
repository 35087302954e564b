import { postReturnVisits } from '../../src/core/rules/timeliness/post-return-visits.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const RULE = '(at least every 6 weeks in the first 6 months home)';
const withReturn = (changes: object) => {
  const c = stage5Case();
  return { ...c, return: { ...c.return, ...changes } };
};
const visits = (...dates: string[]) => dates.map((date) => ({ date, seen_alone: true }));

ruleTable(postReturnVisits, {
  valid: [
    { name: 'seen alone every 5–6 weeks for the first 6 months', data: stage5Case() },
    { name: 'no return yet', data: stage1Case() },
    {
      name: 'last visit exactly 6 weeks before the 6 months end',
      data: withReturn({ visits: visits('2026-04-29', '2026-06-05', '2026-07-15', '2026-08-20') }),
    },
    {
      name: 'closed a month after the return',
      data: { ...withReturn({ visits: visits('2026-04-29') }), stage: 'closed', outcome: { status: 're_entered_care', date: '2026-05-01' } },
    },
    {
      name: 'a local interval of 12 weeks',
      data: withReturn({ visits: visits('2026-06-20', '2026-09-10') }),
      config: { reviews: { post_return_visit_weeks: 12 } },
    },
  ],
  invalid: [
    {
      name: 'a gap of 11 weeks between seen-alone visits',
      data: withReturn({ visits: visits('2026-04-29', '2026-07-15', '2026-08-20', '2026-09-25') }),
      problems: [
        {
          path: '/return/visits/1',
          message: `child not seen alone for 77 days, from the visit on 2026-04-29 to the visit on 2026-07-15 ${RULE}`,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a visit without the child seen alone does not count',
      data: withReturn({ visits: [{ date: '2026-04-29', seen_alone: false }, ...visits('2026-06-05', '2026-07-15', '2026-08-20', '2026-09-25')] }),
      problems: [{ path: '/return/visits/1', message: `child not seen alone for 65 days, from the return on 2026-04-01 to the visit on 2026-06-05 ${RULE}` }],
    },
    {
      name: 'no seen-alone visit since the return, as of today',
      data: withReturn({ returned: '2026-09-01', visits: [] }),
      problems: [{ path: '/return/visits', message: `no visit with the child seen alone since the return on 2026-09-01: one was due by 2026-10-13 ${RULE}` }],
    },
    {
      name: 'visits stopped before the first 6 months ended',
      data: withReturn({ visits: visits('2026-04-29', '2026-06-05', '2026-07-15') }),
      problems: [{ path: '/return/visits', message: `no visit with the child seen alone since the visit on 2026-07-15: one was due by 2026-08-26 ${RULE}` }],
    },
  ],
});
