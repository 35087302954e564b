import type { Classification } from '../../src/core/model/caseTypes.js';
import { overrideReasoned } from '../../src/core/rules/stage2/override-reasoned.js';
import { stage3Case } from './fixtures-pathway.js';
import { ruleTable } from './harness.js';

const override: Classification = {
  date: '2026-10-12',
  point: 'rc1_d2',
  level: 'high',
  suggested: 'medium',
  by: 'SW T.T.',
  signed_off: { by: 'TM T.M.', date: '2026-10-13' },
};
const withClassification = (c: Classification) => ({ ...stage3Case(), classifications: [c] });

ruleTable(overrideReasoned, {
  valid: [
    { name: 'chosen level equals the suggestion', data: stage3Case() },
    {
      name: 'override with category and reasoning',
      data: withClassification({ ...override, override_category: 'single_severe_concern', override_reason: 'Reason in words' }),
    },
    { name: 'no suggested level to differ from', data: withClassification({ ...override, suggested: undefined }) },
  ],
  invalid: [
    {
      name: 'override with neither category nor reasoning',
      data: withClassification(override),
      problems: [
        {
          path: '/classifications/0/override_category',
          message: 'the rc1_d2 classification of 2026-10-12 chose high over the suggested medium but gives no override category',
        },
        {
          path: '/classifications/0/override_reason',
          message: 'the rc1_d2 classification of 2026-10-12 chose high over the suggested medium but gives no override reasoning',
        },
      ],
    },
    {
      name: 'a later reclassification lowered with a blank reason',
      data: {
        ...stage3Case(),
        stage: 4,
        classifications: [
          ...(stage3Case().classifications ?? []),
          {
            date: '2026-10-30',
            point: 'rc2_d3',
            level: 'low',
            suggested: 'medium',
            by: 'TM T.M.',
            override_category: 'strong_protective_context',
            override_reason: '  ',
          },
        ],
      },
      problems: [{ path: '/classifications/1/override_reason', message: /^the rc2_d3 classification of 2026-10-30 chose low over the suggested medium/ }],
    },
  ],
});
