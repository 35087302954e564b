import { outcomeWhenClosed } from '../../src/core/rules/stage5/outcome-when-closed.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

ruleTable(outcomeWhenClosed, {
  valid: [
    { name: 'closed with an outcome', data: { ...stage5Case(), stage: 'closed', outcome: { status: 'at_home', date: '2026-10-30' } } },
    { name: 'open with no outcome', data: stage5Case() },
    { name: 'open, outcome left out', data: stage1Case() },
  ],
  invalid: [
    {
      name: 'closed with outcome null',
      data: { ...stage5Case(), stage: 'closed', outcome: null },
      problems: [
        {
          path: '/outcome',
          message: 'the case is closed but has no outcome: record at_home, re_entered_care or not_returned, with the date',
          severity: 'error',
        },
      ],
    },
    { name: 'closed with no outcome field', data: { ...stage1Case(), stage: 'closed' }, problems: [{ path: '/outcome', severity: 'error' }] },
    {
      name: 'an outcome on an open case warns',
      data: { ...stage5Case(), outcome: { status: 'at_home', date: '2026-10-30' } },
      problems: [
        {
          path: '/outcome',
          message: 'the case is still open at stage 5 but records an outcome (at_home): close the case, or remove the outcome',
          severity: 'warning',
        },
      ],
    },
  ],
});
