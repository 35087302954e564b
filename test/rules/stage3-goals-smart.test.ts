import { goalsSmart } from '../../src/core/rules/stage3/goals-smart.js';
import type { CaseData, Goal } from '../../src/core/model/caseTypes.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';
import { present } from '../present.js';

const withGoals = (c: CaseData, goals: Goal[], extra: object = {}): CaseData => ({ ...c, agreement: { ...c.agreement, goals }, ...extra });
const g1 = () => present(stage3Case().agreement!.goals![0]);

ruleTable(goalsSmart, {
  valid: [
    { name: 'a SMART goal with a RAG rating', data: stage3Case() },
    { name: 'agreement signed under 28 days ago: no rating needed yet', data: withGoals(stage3Case(), [{ ...g1(), progress: [] }]), asOf: '2026-10-08' },
    { name: 'no agreement yet', data: stage1Case() },
  ],
  invalid: [
    {
      name: 'a goal missing most elements, a month after signing',
      data: withGoals(stage3Case(), [g1(), { id: 'g2', goal: 'Keep the home safe', steps: ['  '], support: '' }]),
      problems: [
        { path: '/agreement/goals/1/steps', message: 'goal g2 has no steps towards it (steps)', severity: 'error' },
        { path: '/agreement/goals/1/by', message: 'goal g2 has no date it should be met by (by)' },
        { path: '/agreement/goals/1/support', message: 'goal g2 does not name who helps (support)' },
        { path: '/agreement/goals/1/success', message: 'goal g2 does not say what counts as success (success)' },
        { path: '/agreement/goals/1/progress', message: 'goal g2 has no dated RAG rating, and the agreement was signed on 2026-09-10, more than 28 days ago' },
      ],
    },
    {
      name: 'past stage 3 every goal needs a rating',
      data: withGoals(stage5Case(), [{ ...present(stage5Case().agreement!.goals![0]), progress: undefined }]),
      problems: [{ path: '/agreement/goals/0/progress', message: 'goal g1 has no dated RAG rating, and the case is past stage 3' }],
    },
    {
      name: 'no goal text; a warning after an unplanned return',
      data: withGoals(stage5Case(), [{ ...present(stage5Case().agreement!.goals![0]), goal: undefined }], {
        return: { ...stage5Case().return, unplanned: true },
      }),
      problems: [{ path: '/agreement/goals/0/goal', message: 'goal g1 does not say what must change (goal)', severity: 'warning' }],
    },
  ],
});
