import { nextReview } from '../../src/core/rules/stage5/next-review.js';
import type { Decision } from '../../src/core/model/caseTypes.js';
import { stage5Case } from './fixtures-later-stages.js';
import { ruleTable } from './harness.js';

const base = stage5Case();
/** The fixture with its post-return decision (the last one) changed. */
const withRc3 = (change: Partial<Decision>, drop: (keyof Decision)[] = []) => {
  const decisions = [...base.decisions!];
  const last = { ...decisions[decisions.length - 1]!, ...change };
  for (const k of drop) delete last[k];
  decisions[decisions.length - 1] = last;
  return { ...base, decisions };
};

ruleTable(nextReview, {
  valid: [
    { name: 'the next review is set and not yet due', data: base },
    { name: 'a decision to step down ends the reviews', data: withRc3({ outcome: 'step_down' }, ['next_review']) },
    {
      name: 'the date has passed, but a post-return classification was made since',
      data: {
        ...withRc3({ next_review: '2026-10-15' }),
        classifications: [...base.classifications!, { date: '2026-10-14', point: 'rc3_post_return', level: 'low', suggested: 'low', by: 'SW J.P.' }],
      },
    },
    { name: 'a closed case is not checked', data: { ...withRc3({}, ['next_review']), stage: 'closed', outcome: { status: 'at_home', date: '2026-10-20' } } },
  ],
  invalid: [
    {
      name: 'continue with no next review',
      data: withRc3({}, ['next_review']),
      problems: [
        { path: '/decisions/2', message: 'the post-return review decision of 2026-09-29 (continue) does not say when the next review is (next_review)' },
      ],
    },
    {
      name: 'the next review date has passed with no review',
      data: withRc3({ next_review: '2026-10-20' }),
      problems: [
        {
          path: '/decisions/2/next_review',
          message:
            'the next post-return review was due on 2026-10-20 and is overdue by 12 days: no post-return classification (rc3_post_return) is recorded since the decision of 2026-09-29',
        },
      ],
    },
  ],
});
