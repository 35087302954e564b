import type { CaseData, FactorEntry } from '../../src/core/model/caseTypes.js';
import { suggestionRecomputes } from '../../src/core/rules/stage2/suggestion-recomputes.js';
import { stage3Case } from './fixtures-pathway.js';
import { ruleTable } from './harness.js';

// stage3Case() records RC1 on 2026-10-12 as medium, suggested medium.
const substance = (status: FactorEntry['status'], as_of?: string): FactorEntry => ({
  id: 'parental_substance_misuse',
  status,
  evidence: 'Tests',
  ...(as_of ? { as_of } : {}),
});
const withFactors = (factors: FactorEntry[], suggested: CaseData['classifications'] extends (infer C)[] | undefined ? C : never): CaseData => ({
  ...stage3Case(),
  factors,
  classifications: [suggested],
});
const rc1 = { date: '2026-10-12', point: 'rc1_d2' as const, level: 'medium' as const, by: 'SW T.T.' };

ruleTable(suggestionRecomputes, {
  valid: [
    { name: 'the entries on the day give the recorded suggestion', data: withFactors([substance('present', '2026-10-01')], { ...rc1, suggested: 'medium' }) },
    {
      name: 'a later entry does not change what stood on the day',
      data: withFactors([substance('present', '2026-10-01'), substance('absent', '2026-10-30')], { ...rc1, suggested: 'medium' }),
    },
    { name: 'no suggested level recorded', data: withFactors([], { ...rc1 }) },
  ],
  invalid: [
    {
      name: 'the only entry was recorded after the classification',
      data: withFactors([substance('present', '2026-10-30')], { ...rc1, suggested: 'medium' }),
      problems: [
        {
          path: '/classifications/0/suggested',
          message:
            'the rc1_d2 classification of 2026-10-12 records the suggested level medium, but recomputing from the entries dated on or before it gives low: 1 factor entry was recorded later and is not included',
        },
      ],
    },
    {
      name: 'an undated entry changed in place',
      data: withFactors([substance('absent')], { ...rc1, suggested: 'medium' }),
      problems: [
        { path: '/classifications/0/suggested', message: /gives low: the entries dated on or before it, or the weights, have changed since it was recorded$/ },
      ],
    },
  ],
});
