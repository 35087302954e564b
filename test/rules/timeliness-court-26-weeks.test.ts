import { court26Weeks } from '../../src/core/rules/timeliness/court-26-weeks.js';
import { ruleTable, stage1Case } from './harness.js';

const inProceedings = (court: object) => ({ ...stage1Case(), child: { ...stage1Case().child, legal_status: 's38', proceedings: 'care_proceedings' }, court });

ruleTable(court26Weeks, {
  valid: [
    { name: 'not in care proceedings', data: stage1Case() },
    { name: 'within 26 weeks of the issue date', data: inProceedings({ issued: '2026-06-01' }) },
    { name: 'on the 26-week date itself', data: inProceedings({ issued: '2026-05-03' }) },
    { name: 'past 26 weeks but the court set a later date', data: inProceedings({ issued: '2026-04-01', week_26: '2026-12-15' }) },
    {
      name: 'past 26 weeks with the final order recorded',
      data: inProceedings({ issued: '2026-04-01', final_order: { date: '2026-09-28', order: 'care_order' } }),
    },
    { name: 'in proceedings with no court record yet', data: inProceedings({}) },
  ],
  invalid: [
    {
      name: 'past the derived 26-week date with no final order',
      data: inProceedings({ issued: '2026-04-01', hearings: [{ date: '2026-04-14', type: 'cmh', outcome: 'Timetable set' }] }),
      problems: [
        {
          path: '/court/issued',
          message: 'care proceedings 32 days past the 26-week date 2026-09-30 (26 weeks from the issue on 2026-04-01) with no final order recorded',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'past the date the court set',
      data: inProceedings({ issued: '2026-03-01', week_26: '2026-10-20' }),
      problems: [
        { path: '/court/week_26', message: 'care proceedings 12 days past the 26-week date 2026-10-20 (the date the court set) with no final order recorded' },
      ],
    },
  ],
});
