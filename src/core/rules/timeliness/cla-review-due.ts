import { daysBetween, isAfter } from '../../text/dates.js';
import { isLookedAfter, nextClaReviewDue } from '../../status/timeliness.js';
import type { CaseRule } from '../types.js';

export const claReviewDue: CaseRule = {
  id: 'timeliness/cla-review-due',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A looked-after child has had their next CLA review by its statutory due date',
  docs: {
    why:
      'The CLA review, chaired by the IRO, is where the care plan, including whether the child can go home, is tested. ' +
      'Reviews fall due within 20 working days of becoming looked after, then within 3 months, then at least every 6 months; a child placed at home under a care order is still looked after and still reviewed.',
    fails: '# as of 2026-11-01\nchild: { looked_after_since: 2026-09-01, legal_status: s20 }\ncla_reviews: []',
    passes: '# as of 2026-11-01\nchild: { looked_after_since: 2026-09-01, legal_status: s20 }\ncla_reviews: [2026-09-26]',
  },
  check(view, ctx) {
    const { data } = view;
    if (!isLookedAfter(data, ctx.asOf)) return [];
    const { due, basis, heldAny } = nextClaReviewDue(data, ctx.config, ctx.asOf);
    if (!isAfter(ctx.asOf, due)) return [];
    return [
      {
        path: heldAny ? '/cla_reviews' : '/child/looked_after_since',
        message: `CLA review overdue by ${daysBetween(due, ctx.asOf)} days: it was due by ${due} (${basis})`,
      },
    ];
  },
};
