import { daysBetween, isAfter } from '../../text/dates.js';
import { courtDeadline } from '../../status/timeliness.js';
import type { CaseRule } from '../types.js';

export const court26Weeks: CaseRule = {
  id: 'timeliness/court-26-weeks',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Care proceedings end with a final order by the 26-week date',
  docs: {
    why:
      'Care proceedings are to be finished within 26 weeks of the application being issued, unless the court extends the timetable. ' +
      "A child's return home under a care or supervision order is planned around the final hearing, so a file still in proceedings after that date, with no final order recorded, needs the court's new date (court.week_26) or the order.",
    fails: '# as of 2026-11-01\nchild: { legal_status: s38, proceedings: care_proceedings }\ncourt: { issued: 2026-04-01 }',
    passes:
      '# as of 2026-11-01\nchild: { legal_status: s31, proceedings: care_proceedings }\ncourt: { issued: 2026-04-01, final_order: { date: 2026-09-28, order: care_order } }',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.child.proceedings !== 'care_proceedings' || data.court?.final_order) return [];
    const deadline = courtDeadline(data);
    if (!deadline || !isAfter(ctx.asOf, deadline.date)) return [];
    const basis = deadline.basis === 'recorded' ? 'the date the court set' : `26 weeks from the issue on ${data.court?.issued}`;
    return [
      {
        path: deadline.basis === 'recorded' ? '/court/week_26' : '/court/issued',
        message: `care proceedings ${daysBetween(deadline.date, ctx.asOf)} days past the 26-week date ${deadline.date} (${basis}) with no final order recorded`,
      },
    ];
  },
};
