import type { Classification, Decision } from '../../model/caseTypes.js';
import { isAfter } from '../../text/dates.js';
import { hasReached } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** The latest classification at the decision's point made on or before the decision. */
function basisOf(decision: Decision, classifications: readonly Classification[]): Classification | undefined {
  return classifications
    .filter((c) => c.point === decision.point && !isAfter(c.date, decision.date))
    .reduce<Classification | undefined>((last, c) => (last && isAfter(last.date, c.date) ? last : c), undefined);
}

export const decisionMatchesLevel: CaseRule = {
  id: 'stage2/decision-matches-level',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A decision follows the configured default for its risk level (decision_map), or gives reasons',
  docs: {
    why:
      'The level-to-decision map (low: return with support … very high: no return) keeps decisions consistent across a team. ' +
      'Departing from it can be right, but the reasons must be written down so the family, the IRO and a reviewing manager can see why.',
    fails:
      'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: high, suggested: high, by: "SW J.P." }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_with_support }',
    passes:
      'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: high, suggested: high, by: "SW J.P." }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_change_evidenced }',
  },
  check(view, ctx) {
    const { data } = view;
    if (!hasReached(data, 2)) return [];
    const problems: RuleProblem[] = [];
    (data.decisions ?? []).forEach((d, i) => {
      if (d.point === 'd1_start' || (d.reasons !== undefined && d.reasons.trim() !== '')) return;
      const basis = basisOf(d, data.classifications ?? []);
      const expected = basis && ctx.config.decision_map[d.point]?.[basis.level];
      if (!basis || !expected || expected === d.outcome) return;
      problems.push({
        path: `/decisions/${i}/outcome`,
        message: `the ${d.point} decision is ${d.outcome}, but level ${basis.level} maps to ${expected}: record the reasons for the difference`,
      });
    });
    return problems;
  },
};
