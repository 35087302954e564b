import { claReviewDue } from '../../src/core/rules/timeliness/cla-review-due.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const child = stage1Case().child;
const careOrderAtHome = () => ({ ...stage5Case(), child: { ...stage5Case().child, legal_status: 's31' } });

ruleTable(claReviewDue, {
  valid: [
    { name: 'first review held, second not yet due (3 months)', data: stage1Case() },
    { name: 'no review yet but still within 20 working days', data: { ...stage1Case(), cla_reviews: [] }, asOf: '2026-09-29' },
    { name: 's31 child placed at home with reviews every 6 months', data: careOrderAtHome() },
    { name: 's20 child home: no longer looked after', data: { ...stage5Case(), cla_reviews: ['2025-09-12'] } },
    { name: 'not looked after', data: { ...stage1Case(), cla_reviews: [], child: { ...child, legal_status: 'not_looked_after' } } },
  ],
  invalid: [
    {
      name: 'no first review within 20 working days (bank holidays skipped)',
      data: { ...stage1Case(), cla_reviews: [], child: { ...child, looked_after_since: '2026-08-03' } },
      problems: [
        {
          path: '/child/looked_after_since',
          message:
            'CLA review overdue by 61 days: it was due by 2026-09-01 (the first review is due within 20 working days of becoming looked after on 2026-08-03)',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'second review not within 3 months of the first; a planned future date does not count',
      data: { ...stage1Case(), cla_reviews: ['2026-12-01', '2026-07-20'], child: { ...child, looked_after_since: '2026-07-01' } },
      problems: [
        {
          path: '/cla_reviews',
          message: 'CLA review overdue by 12 days: it was due by 2026-10-20 (the second review is due within 3 months of the review on 2026-07-20)',
        },
      ],
    },
    {
      name: 's31 child at home still looked after: 6-monthly review overdue',
      data: { ...careOrderAtHome(), cla_reviews: ['2025-09-12', '2025-12-10', '2026-03-20'] },
      problems: [
        {
          path: '/cla_reviews',
          message: 'CLA review overdue by 42 days: it was due by 2026-09-20 (reviews are due within 6 months of the review on 2026-03-20)',
        },
      ],
    },
    {
      name: 'reviews from an earlier care episode do not count',
      data: { ...stage1Case(), cla_reviews: ['2025-02-01'] },
      problems: [{ path: '/child/looked_after_since', message: /due by 2026-09-29 \(the first review/ }],
    },
  ],
});
