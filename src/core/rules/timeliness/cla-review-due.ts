import { addMonths, addWorkingDays, daysBetween, isAfter } from '../../dates.js';
import type { CaseData } from '../../caseTypes.js';
import type { RuleContext, CaseRule } from '../types.js';

/** Still looked after on `asOf`: under a care order a child placed at home stays looked after; under s20 a return ends it. */
function isLookedAfter(data: CaseData, asOf: string): boolean {
  if (data.stage === 'closed' || data.child.legal_status === 'not_looked_after') return false;
  const returned = data.return?.returned;
  if (data.stage === 5 && returned && !isAfter(returned, asOf)) return ['s31', 's38'].includes(data.child.legal_status);
  return true;
}

/** The next CLA review's due date and how it was worked out. */
function nextReviewDue(data: CaseData, ctx: RuleContext): { due: string; basis: string } {
  const { reviews, bank_holidays } = ctx.config;
  const since = data.child.looked_after_since;
  // Reviews of this episode already held; planned dates later than as-of do not count yet.
  const held = (data.cla_reviews ?? []).filter((d) => !isAfter(since, d) && !isAfter(d, ctx.asOf)).sort();
  if (held.length === 0) {
    return {
      due: addWorkingDays(since, reviews.cla_first_working_days, bank_holidays),
      basis: `the first review is due within ${reviews.cla_first_working_days} working days of becoming looked after on ${since}`,
    };
  }
  const last = held[held.length - 1];
  const months = held.length === 1 ? reviews.cla_second_months : reviews.cla_then_months;
  const which = held.length === 1 ? 'the second review is due' : 'reviews are due';
  return { due: addMonths(last, months), basis: `${which} within ${months} months of the review on ${last}` };
}

export const claReviewDue: CaseRule = {
  id: 'timeliness/cla-review-due',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A looked-after child has had their next CLA review by its statutory due date',
  docs: {
    why:
      "The CLA review, chaired by the IRO, is where the care plan, including whether the child can go home, is tested. " +
      'Reviews fall due within 20 working days of becoming looked after, then within 3 months, then at least every 6 months; a child placed at home under a care order is still looked after and still reviewed.',
    fails: '# as of 2026-11-01\nchild: { looked_after_since: 2026-09-01, legal_status: s20 }\ncla_reviews: []',
    passes: '# as of 2026-11-01\nchild: { looked_after_since: 2026-09-01, legal_status: s20 }\ncla_reviews: [2026-09-26]',
  },
  check(view, ctx) {
    const { data } = view;
    if (!isLookedAfter(data, ctx.asOf)) return [];
    const { due, basis } = nextReviewDue(data, ctx);
    if (!isAfter(ctx.asOf, due)) return [];
    const heldAny = (data.cla_reviews ?? []).some((d) => !isAfter(data.child.looked_after_since, d) && !isAfter(d, ctx.asOf));
    return [
      {
        path: heldAny ? '/cla_reviews' : '/child/looked_after_since',
        message: `CLA review overdue by ${daysBetween(due, ctx.asOf)} days: it was due by ${due} (${basis})`,
      },
    ];
  },
};
