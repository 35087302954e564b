import { agreementReviews } from '../../src/core/rules/stage3/agreement-reviews.js';
import { stage3Case } from './fixtures-later-stages.js';
import { ruleTable } from './harness.js';

const withReviews = (dates: string[] | undefined) => {
  const data = stage3Case();
  const agreement = { ...data.agreement! };
  if (dates) agreement.review_dates = dates;
  else delete agreement.review_dates;
  return { ...data, agreement };
};

ruleTable(agreementReviews, {
  valid: [
    { name: 'a signed agreement with a review date', data: withReviews(['2026-12-10']) },
    { name: 'no agreement signed yet', data: { ...stage3Case(), agreement: { goals: [] } } },
    { name: 'a closed case is not checked', data: { ...withReviews(undefined), stage: 'closed', outcome: { status: 'not_returned', date: '2026-10-20' } } },
  ],
  invalid: [
    {
      name: 'signed with no review dates',
      data: withReviews(undefined),
      problems: [
        {
          path: '/agreement/signed',
          message: 'the parental agreement signed on 2026-09-10 has no review date (agreement.review_dates): say when it will be reviewed with the family',
        },
      ],
    },
    { name: 'an empty list is no review date', data: withReviews([]), problems: [{ path: '/agreement/signed' }] },
  ],
});
