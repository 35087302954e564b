import type { CaseData, Decision } from '../../caseTypes.js';
import { daysBetween } from '../../dates.js';
import { partiesNotTold, requiredParties } from '../../sharing.js';
import { POST_RETURN_GRACE_DAYS, STAGE_OF_POINT, gapSeverity, hasReached, isPast, isTaskDone } from '../progress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** When sharing is expected: Decision 2 once decision_shared is done or stage 2 is over, Decision 3 once stage 4 is over, RC3 decisions after a grace period. */
function sharingDue(data: CaseData, decision: Decision, asOf: string): boolean {
  switch (decision.point) {
    case 'rc1_d2':
      return isTaskDone(data, 'decision_shared') || isPast(data, 2);
    case 'rc2_d3':
      return isPast(data, 4);
    case 'rc3_post_return':
      return daysBetween(decision.date, asOf) >= POST_RETURN_GRACE_DAYS;
  }
}

export const decisionShared: CaseRule = {
  id: 'stage2/decision-shared',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Each decision is shared, with a date, with every required party (config sharing.required_parties)',
  docs: {
    why:
      'The child, each parent with parental responsibility, the carers and the IRO must be told of every decision, and the children\'s guardian too while care proceedings run. ' +
      'A decision nobody was told of cannot be understood, challenged or acted on, and the IRO cannot do their job.',
    fails:
      'people:\n  - { id: mum, ref: "Ms A", relation: mother, pr: true }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met,\n      shared: [ { party: child, date: 2026-11-01 }, { party: iro, date: 2026-11-01 } ] }',
    passes:
      'people:\n  - { id: mum, ref: "Ms A", relation: mother, pr: true }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met,\n      shared: [ { party: child, date: 2026-11-01 }, { party: mum, date: 2026-11-01 }, { party: iro, date: 2026-11-01 } ] }',
  },
  check(view, ctx) {
    const { data } = view;
    if (!hasReached(data, 2)) return [];
    const required = requiredParties(data, ctx.config.sharing.required_parties);
    const problems: RuleProblem[] = [];
    (data.decisions ?? []).forEach((d, i) => {
      if (!sharingDue(data, d, ctx.asOf)) return;
      for (const missing of partiesNotTold(d, required)) {
        problems.push({
          path: `/decisions/${i}/shared`,
          message: `the ${d.point} decision of ${d.date} has no dated record of being shared with ${missing.party} (${missing.role})`,
          ...gapSeverity(data, STAGE_OF_POINT[d.point]),
        });
      }
    });
    return problems;
  },
};
