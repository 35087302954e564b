import { goalRagStale } from '../../src/core/rules/stage3/goal-rag-stale.js';
import type { CaseData, GoalProgress } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';
import { present } from '../present.js';

const rated = (progress: GoalProgress[], goal: object = {}, c: CaseData = stage3Case()): CaseData => ({
  ...c,
  agreement: { ...c.agreement, goals: [{ ...present(c.agreement!.goals![0]), progress, ...goal }] },
});

ruleTable(goalRagStale, {
  valid: [
    { name: 'rated 24 days ago', data: stage3Case() },
    { name: 'goal met: green and its date passed', data: rated([{ date: '2026-06-01', rag: 'green' }], { by: '2026-06-01' }, { ...stage3Case(), stage: 4 }) },
    { name: 'after the return (stage 5) ratings move to the post-return review', data: rated([{ date: '2026-01-01', rag: 'amber' }], {}, stage5Case()) },
    { name: 'no rating at all is left to stage3/goals-smart', data: rated([]) },
  ],
  invalid: [
    {
      name: 'amber, last rated 73 days ago',
      data: rated([
        { date: '2026-07-01', rag: 'red' },
        { date: '2026-08-20', rag: 'amber' },
      ]),
      problems: [
        {
          path: '/agreement/goals/0/progress',
          message: 'goal g1 has had no RAG update for 73 days (last amber on 2026-08-20); rate goals at least every 56 days',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'green but the goal runs on to a future date',
      data: rated([{ date: '2026-08-20', rag: 'green' }], { by: '2027-01-15' }, { ...stage3Case(), stage: 4 }),
      problems: [{ path: '/agreement/goals/0/progress', message: /no RAG update for 73 days \(last green on 2026-08-20\)/ }],
    },
    {
      name: 'a local limit of 14 days',
      data: stage3Case(),
      config: { reviews: { goal_rag_stale_days: 14 } },
      problems: [
        {
          path: '/agreement/goals/0/progress',
          message: 'goal g1 has had no RAG update for 24 days (last amber on 2026-10-08); rate goals at least every 14 days',
        },
      ],
    },
  ],
});
