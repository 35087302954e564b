import { isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const assessmentRecommendation: CaseRule = {
  id: 'stage1/assessment-recommendation',
  scope: 'case',
  defaultSeverity: 'error',
  description: "A done written assessment has a recommendation about return and a manager's sign-off",
  docs: {
    why:
      'The written assessment ends in a reasoned recommendation that the Stage 2 classification and decision build on, and the team manager signs it off because the judgement is shared. ' +
      'Without both, the decision rests on an assessment nobody has owned.',
    fails: 'tasks:\n  written_assessment: { status: done, date: 2026-10-20, by: "SW J.P." }',
    passes:
      'tasks:\n  written_assessment: { status: done, date: 2026-10-20, by: "SW J.P.",\n    recommendation: return_if_goals_met, signed_off: { by: "TM A.O.", date: 2026-10-22 } }',
  },
  check(view) {
    const { data } = view;
    if (!isTaskDone(data, 'written_assessment')) return [];
    const assessment = data.tasks.written_assessment;
    if (assessment === undefined) return []; // isTaskDone has found it
    const gap = taskGapSeverity(data, 'written_assessment');
    const problems: RuleProblem[] = [];
    if (!assessment.recommendation) {
      problems.push({
        path: '/tasks/written_assessment/recommendation',
        message: 'the written assessment is done but has no recommendation about return',
        ...gap,
      });
    }
    if (!assessment.signed_off) {
      problems.push({ path: '/tasks/written_assessment/signed_off', message: "the written assessment is done but has no manager's sign-off", ...gap });
    } else if ([assessment.by, data.team.social_worker].includes(assessment.signed_off.by)) {
      problems.push({
        path: '/tasks/written_assessment/signed_off/by',
        message: `the written assessment is signed off by its author (${assessment.signed_off.by}); a team manager must sign it off`,
      });
    }
    return problems;
  },
};
