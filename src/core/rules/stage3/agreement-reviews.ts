import type { CaseRule } from '../types.js';

export const agreementReviews: CaseRule = {
  id: 'stage3/agreement-reviews',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A signed parental agreement says when it will be reviewed with the family (agreement.review_dates)',
  docs: {
    why:
      'Goals and support are only as good as the reviews that keep them honest: the framework asks for the agreement to be reviewed with the family regularly, so parents know when progress will be looked at and what happens then. ' +
      "Looked-after (CLA) reviews are another meeting with another purpose; the agreement's own review dates go in `agreement.review_dates`, held or planned, and the agreement prints them. Closed cases are not checked.",
    fails: 'agreement:\n  signed: 2026-05-22\n  goals: [ { id: g1, goal: "Ms F keeps to the safety plan" } ]',
    passes: 'agreement:\n  signed: 2026-05-22\n  goals: [ { id: g1, goal: "Ms F keeps to the safety plan" } ]\n  review_dates: [2026-08-21, 2026-11-20]',
  },
  check(view) {
    const { data } = view;
    const a = data.agreement;
    if (data.stage === 'closed' || !a?.signed) return [];
    if ((a.review_dates ?? []).length > 0) return [];
    return [
      {
        path: '/agreement/signed',
        message: `the parental agreement signed on ${a.signed} has no review date (agreement.review_dates): say when it will be reviewed with the family`,
      },
    ];
  },
};
