import { lastRagUpdate } from '../../workflow/goals.js';
import { hasText, latestAt } from '../recordReaders.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const redGoalsReasoned: CaseRule = {
  id: 'stage4/red-goals-reasoned',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A Decision 3 to proceed while any goal was rated red at the RC2 classification gives its reasons',
  docs: {
    why:
      'Going ahead with a return while an agreed goal is still red may be the right judgement, but it departs from the agreement the family signed. ' +
      'The decision-maker must write down why, so the IRO can test it and the family and any later review can understand it.',
    fails:
      'agreement:\n  goals:\n    - { id: g1, progress: [ { date: 2026-02-01, rag: red } ] }\nclassifications:\n  - { date: 2026-02-20, point: rc2_d3, level: medium, by: "TM A.O." }\n' +
      'decisions:\n  - { date: 2026-02-22, point: rc2_d3, outcome: proceed_to_return }',
    passes:
      'agreement:\n  goals:\n    - { id: g1, progress: [ { date: 2026-02-01, rag: red } ] }\nclassifications:\n  - { date: 2026-02-20, point: rc2_d3, level: medium, by: "TM A.O." }\n' +
      'decisions:\n  - { date: 2026-02-22, point: rc2_d3, outcome: proceed_to_return, reasons: "…" }',
  },
  check(view) {
    const { data } = view;
    const goals = data.agreement?.goals ?? [];
    const problems: RuleProblem[] = [];
    (data.decisions ?? []).forEach((decision, i) => {
      if (decision.point !== 'rc2_d3' || decision.outcome !== 'proceed_to_return' || hasText(decision.reasons)) return;
      // The classification the decision rests on: the latest RC2 on or before it.
      const rc2 = latestAt(data.classifications, 'rc2_d3', decision.date);
      const on = rc2?.record.date ?? decision.date;
      const red = goals.flatMap((g, j) => (lastRagUpdate(g, on)?.rag === 'red' ? [hasText(g.id) ? g.id : String(j + 1)] : []));
      if (red.length === 0) return;
      const at = rc2 ? `at the RC2 classification on ${on}` : `on the day of the decision (no RC2 classification before it)`;
      problems.push({
        path: `/decisions/${i}/reasons`,
        message: `Decision 3 (rc2_d3) to proceed_to_return on ${decision.date} gives no reasons, though goal${red.length > 1 ? 's' : ''} ${red.join(', ')} ${red.length > 1 ? 'were' : 'was'} red ${at}`,
      });
    });
    return problems;
  },
};
