import { reclassifyAfterReview } from '../../src/core/rules/triggers/reclassify-after-review.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const ADVICE = 'consider whether return home is still on track and reclassify against the baseline if there is new evidence';
const withTriggers = (c: CaseData, triggers: CaseData['triggers'], cla_reviews = c.cla_reviews): CaseData => ({ ...c, triggers, cla_reviews });

ruleTable(reclassifyAfterReview, {
  valid: [
    { name: 'reviews and triggers all before the latest classification', data: stage5Case() },
    { name: 'a CLA review on the day of the classification', data: withTriggers(stage3Case(), [], ['2026-05-14', '2026-08-20']) },
    { name: 'a CLA review booked for next month', data: withTriggers(stage3Case(), [], ['2026-05-14', '2026-08-12', '2026-12-01']) },
    { name: 'before stage 3', data: withTriggers(stage1Case(), [{ type: 'behaviour_change', date: '2026-10-01' }]) },
    { name: 'leaving_care_age is not a reclassification trigger', data: withTriggers(stage3Case(), [{ type: 'leaving_care_age', date: '2026-10-01' }]) },
    {
      name: 'closed',
      data: {
        ...withTriggers(stage5Case(), [{ type: 'missing_episode', date: '2026-10-20' }]),
        stage: 'closed',
        outcome: { status: 'at_home', date: '2026-10-25' },
      },
    },
  ],
  invalid: [
    {
      name: 'a change in behaviour after RC1',
      data: withTriggers(stage3Case(), [{ type: 'behaviour_change', date: '2026-09-14' }]),
      problems: [
        { path: '/triggers/0', message: `change in behaviour on 2026-09-14 since the latest classification on 2026-08-20: ${ADVICE}`, severity: 'warning' },
      ],
    },
    {
      name: 'a CLA review after RC3, recorded as review date and trigger, named once',
      data: withTriggers(
        stage5Case(),
        [
          { type: 'cla_review', date: '2025-09-12' },
          { type: 'missing_episode', date: '2026-10-20' },
          { type: 'cla_review', date: '2026-10-05' },
        ],
        [...stage5Case().cla_reviews!, '2026-10-05'],
      ),
      problems: [
        { path: '/triggers/2', message: `CLA review on 2026-10-05, missing episode on 2026-10-20 since the latest classification on 2026-09-28: ${ADVICE}` },
      ],
    },
    {
      name: 'an updated assessment and a review at stage 4',
      data: { ...withTriggers(stage3Case(), [{ type: 'updated_assessment', date: '2026-10-02' }], ['2026-05-14', '2026-08-12', '2026-09-30']), stage: 4 },
      problems: [
        { path: '/cla_reviews/2', message: /^CLA review on 2026-09-30, updated assessment on 2026-10-02 since the latest classification on 2026-08-20/ },
      ],
    },
  ],
});
