import type { CaseData } from '../../src/core/model/caseTypes.js';
import { decisionMatchesLevel } from '../../src/core/rules/stage2/decision-matches-level.js';
import { rc1Decision, stage3Case } from './fixtures-pathway.js';
import { ruleTable } from './harness.js';
import { present } from '../present.js';

/** RC1 at `level`, Decision 2 with `outcome` and optional reasons. */
function decided(level: 'low' | 'medium' | 'high' | 'very_high', outcome: string, reasons?: string): CaseData {
  const data = stage3Case();
  return {
    ...data,
    classifications: [{ ...present(data.classifications![0]), level, suggested: level }],
    decisions: [rc1Decision({ outcome, ...(reasons === undefined ? {} : { reasons }) })],
  };
}

ruleTable(decisionMatchesLevel, {
  valid: [
    { name: 'medium → return_if_goals_met, as the default map says', data: decided('medium', 'return_if_goals_met') },
    { name: 'departs from the map with reasons', data: decided('high', 'return_if_goals_met', 'Reasons in words') },
    {
      name: 'a local map is followed',
      data: decided('medium', 'return_with_support'),
      config: { decision_map: { rc1_d2: { medium: 'return_with_support' } } },
    },
    {
      name: 'a later RC1 classification is not the basis of an earlier decision',
      data: {
        ...decided('medium', 'return_if_goals_met'),
        classifications: [...decided('medium', 'x').classifications!, { date: '2026-10-20', point: 'rc1_d2', level: 'very_high', by: 'SW T.T.' }],
      },
    },
  ],
  invalid: [
    {
      name: 'high → return_if_goals_met without reasons',
      data: decided('high', 'return_if_goals_met'),
      problems: [
        {
          path: '/decisions/0/outcome',
          message: 'the rc1_d2 decision is return_if_goals_met, but level high maps to return_if_change_evidenced: record the reasons for the difference',
        },
      ],
    },
    {
      name: 'blank reasons do not count',
      data: decided('very_high', 'return_if_change_evidenced', ' '),
      problems: [{ path: '/decisions/0/outcome', message: /level very_high maps to no_return/, severity: 'warning' }],
    },
    {
      name: 'a local map for Decision 3',
      data: {
        ...decided('medium', 'return_if_goals_met'),
        stage: 4,
        classifications: [...decided('medium', 'x').classifications!, { date: '2026-10-28', point: 'rc2_d3', level: 'low', by: 'TM T.M.' }],
        decisions: [rc1Decision(), { date: '2026-10-30', point: 'rc2_d3', outcome: 'extend_work' }],
      },
      config: { decision_map: { rc2_d3: { low: 'proceed_to_return' } } },
      problems: [{ path: '/decisions/1/outcome', message: /^the rc2_d3 decision is extend_work, but level low maps to proceed_to_return/ }],
    },
  ],
});
