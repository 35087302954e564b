import { unsharedDecisions } from '../../workflow/sharing.js';
import { STAGE_OF_POINT, gapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const decisionShared: CaseRule = {
  id: 'stage2/decision-shared',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Each decision is shared, with a date, with every required party (config sharing.required_parties)',
  docs: {
    why:
      "The child, each parent with parental responsibility, the carers and the IRO must be told of every decision, and the children's guardian too while care proceedings run. " +
      'A decision nobody was told of cannot be understood, challenged or acted on, and the IRO cannot do their job.',
    fails:
      'people:\n  - { id: mum, ref: "Ms A", relation: mother, pr: true }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met,\n      shared: [ { party: child, date: 2026-11-01 }, { party: iro, date: 2026-11-01 } ] }',
    passes:
      'people:\n  - { id: mum, ref: "Ms A", relation: mother, pr: true }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met,\n      shared: [ { party: child, date: 2026-11-01 }, { party: mum, date: 2026-11-01 }, { party: iro, date: 2026-11-01 } ] }',
  },
  check(view, ctx) {
    const { data } = view;
    const problems: RuleProblem[] = [];
    for (const { index, decision: d, missing } of unsharedDecisions(data, ctx.config, ctx.asOf)) {
      for (const party of missing) {
        problems.push({
          path: `/decisions/${index}/shared`,
          message: `the ${d.point} decision of ${d.date} has no dated record of being shared with ${party.party} (${party.role})`,
          ...gapSeverity(data, STAGE_OF_POINT[d.point]),
        });
      }
    }
    return problems;
  },
};
