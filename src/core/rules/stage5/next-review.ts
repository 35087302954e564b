import { latestAt } from '../recordReaders.js';
import { nextPostReturnReview } from '../../status/timeliness.js';
import type { CaseRule } from '../types.js';

/** Outcomes after which there is no next post-return review to set. */
const ENDS_REVIEWS = new Set(['step_down', 'return_to_care']);

export const nextReview: CaseRule = {
  id: 'stage5/next-review',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Each post-return review (rc3_post_return decision) sets the date of the next one, and that review is held by then',
  docs: {
    why:
      'After a return home, risk is regraded at post-return reviews until it is low and stable enough to step down. ' +
      'Each review decision says when the next one is (`next_review`), so that nobody has to guess and the post-return review prints it; a review still to come after that date is overdue. ' +
      'The latest post-return decision (on or before the as-of date) is checked: one that continues or increases support needs `next_review`, and once that date has passed a post-return classification (rc3_post_return) dated after the decision is expected. ' +
      'A decision to step down or return to care ends the reviews; closed cases are not checked.',
    fails:
      '# as of 2026-11-01\ndecisions:\n  - { date: 2026-05-28, point: rc3_post_return, outcome: continue, reasons: "Keep support for six months",\n' +
      '      signed_off: { by: "TM A.O.", date: 2026-05-28 } }',
    passes:
      '# as of 2026-11-01\ndecisions:\n  - { date: 2026-05-28, point: rc3_post_return, outcome: continue, reasons: "Keep support for six months",\n' +
      '      next_review: 2026-11-30, signed_off: { by: "TM A.O.", date: 2026-05-28 } }',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.stage === 'closed') return [];
    const latest = latestAt(data.decisions, 'rc3_post_return', ctx.asOf);
    if (!latest || ENDS_REVIEWS.has(latest.record.outcome)) return [];
    if (!latest.record.next_review) {
      return [
        {
          path: `/decisions/${latest.index}`,
          message: `the post-return review decision of ${latest.record.date} (${latest.record.outcome}) does not say when the next review is (next_review)`,
        },
      ];
    }
    const next = nextPostReturnReview(data, ctx.asOf);
    if (!next || next.late === 0) return [];
    return [
      {
        path: `/decisions/${next.decisionIndex}/next_review`,
        message: `the next post-return review was due on ${next.date} and is overdue by ${next.late} day${next.late === 1 ? '' : 's'}: no post-return classification (rc3_post_return) is recorded since the decision of ${latest.record.date}`,
      },
    ];
  },
};
