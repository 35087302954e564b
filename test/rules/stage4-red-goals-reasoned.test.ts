import { redGoalsReasoned } from '../../src/core/rules/stage4/red-goals-reasoned.js';
import type { CaseData, Goal, GoalProgress } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const goal = (id: string, progress: GoalProgress[]): Goal => ({ ...stage5Case().agreement!.goals![0], id, progress });
const noReasons = (c: CaseData): CaseData => ({ ...c, decisions: c.decisions!.map((d) => (d.point === 'rc2_d3' ? { ...d, reasons: undefined } : d)) });
const goals = (...list: Goal[]): CaseData => noReasons({ ...stage5Case(), agreement: { ...stage5Case().agreement, goals: list } });

ruleTable(redGoalsReasoned, {
  valid: [
    {
      name: 'goal red at the RC2 classification, decision gives reasons',
      data: { ...goals(goal('g1', [{ date: '2026-02-01', rag: 'red' }])), decisions: stage5Case().decisions },
    },
    { name: 'no reasons, but every goal green or amber at RC2', data: goals(goal('g1', [{ date: '2026-02-01', rag: 'amber' }])) },
    {
      name: 'goal turned red only after the RC2 classification',
      data: goals(
        goal('g1', [
          { date: '2026-02-01', rag: 'green' },
          { date: '2026-02-21', rag: 'red' },
        ]),
      ),
    },
    {
      name: 'red earlier, green by RC2',
      data: goals(
        goal('g1', [
          { date: '2026-01-01', rag: 'red' },
          { date: '2026-02-20', rag: 'green' },
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: 'one goal red at RC2, no reasons',
      data: goals(goal('g1', [{ date: '2026-02-01', rag: 'green' }]), goal('g2', [{ date: '2026-02-10', rag: 'red' }])),
      problems: [
        {
          path: '/decisions/1/reasons',
          message: 'Decision 3 (rc2_d3) to proceed_to_return on 2026-02-22 gives no reasons, though goal g2 was red at the RC2 classification on 2026-02-20',
          severity: 'error',
        },
      ],
    },
    {
      name: 'two goals red, blank reasons',
      data: {
        ...goals(goal('g1', [{ date: '2026-02-01', rag: 'red' }]), goal('g2', [{ date: '2026-02-20', rag: 'red' }])),
        decisions: stage5Case().decisions!.map((d) => (d.point === 'rc2_d3' ? { ...d, reasons: ' ' } : d)),
      },
      problems: [{ path: '/decisions/1/reasons', message: /though goals g1, g2 were red at the RC2 classification on 2026-02-20$/ }],
    },
    {
      name: 'no RC2 classification: ratings as they stood on the decision date',
      data: { ...goals(goal('g1', [{ date: '2026-02-21', rag: 'red' }])), classifications: stage5Case().classifications!.filter((c) => c.point !== 'rc2_d3') },
      problems: [{ path: '/decisions/1/reasons', message: /goal g1 was red on the day of the decision \(no RC2 classification before it\)$/ }],
    },
  ],
});
