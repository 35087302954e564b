import { assessmentRecommendation } from '../../src/core/rules/stage1/assessment-recommendation.js';
import { stage2Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(assessmentRecommendation, {
  valid: [
    { name: 'done with a recommendation and sign-off', data: stage2Case() },
    { name: 'still being written', data: withTasks(stage1Case(), { written_assessment: { status: 'in_progress', by: 'SW T.T.' } }) },
  ],
  invalid: [
    {
      name: 'done with neither recommendation nor sign-off',
      data: withTasks(stage1Case(), { written_assessment: { status: 'done', date: '2026-10-08', by: 'SW T.T.' } }),
      problems: [
        { path: '/tasks/written_assessment/recommendation', message: 'the written assessment is done but has no recommendation about return' },
        { path: '/tasks/written_assessment/signed_off', message: "the written assessment is done but has no manager's sign-off" },
      ],
    },
    {
      name: 'signed off by the social worker who wrote it',
      data: withTasks(stage2Case(), {
        written_assessment: {
          status: 'done',
          date: '2026-10-08',
          by: 'SW T.T.',
          recommendation: 'no_return',
          signed_off: { by: 'SW T.T.', date: '2026-10-08' },
        },
      }),
      problems: [
        {
          path: '/tasks/written_assessment/signed_off/by',
          message: 'the written assessment is signed off by its author (SW T.T.); a team manager must sign it off',
        },
      ],
    },
    {
      name: 'after an unplanned return, a missing sign-off is a warning',
      data: {
        ...withTasks(stage2Case(), { written_assessment: { status: 'done', recommendation: 'return_with_support' } }),
        stage: 5,
        return: { unplanned: true },
      },
      problems: [{ path: '/tasks/written_assessment/signed_off', severity: 'warning' }],
    },
  ],
});
