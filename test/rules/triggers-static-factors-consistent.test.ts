import { staticFactorsConsistent } from '../../src/core/rules/triggers/static-factors-consistent.js';
import type { CaseData, FactorEntry } from '../../src/core/model/caseTypes.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const entered = (c: CaseData, ...factors: FactorEntry[]): CaseData => ({ ...c, factors });
const withHistory = (history: CaseData['history']): CaseData => ({ ...stage1Case(), history });

ruleTable(staticFactorsConsistent, {
  valid: [
    { name: 'failed return and age over 10 agree with history and dob', data: stage5Case() },
    { name: 'unknown is never a contradiction', data: entered(withHistory({ failed_returns: 2 }), { id: 'previous_failed_return', status: 'unknown' }) },
    { name: 'no history count to compare with', data: entered(stage1Case(), { id: 'previous_child_removals', status: 'present' }) },
    { name: 'aged 8 as of today: absent is right', data: entered(stage1Case(), { id: 'child_age_over_10', status: 'absent' }) },
    {
      name: 'unplanned return entered present',
      data: entered({ ...stage5Case(), return: { ...stage5Case().return, unplanned: true } }, { id: 'unplanned_return', status: 'present' }),
    },
    {
      name: 'an earlier entry a later one superseded is the dated record, not a contradiction',
      data: entered(
        withHistory({ failed_returns: 1 }),
        { id: 'previous_failed_return', status: 'absent', as_of: '2025-02-01' },
        { id: 'previous_failed_return', status: 'present', evidence: 'Return failed in June 2025', as_of: '2025-07-01' },
      ),
    },
    {
      name: 'a superseded entry for one parent; the other parent has a single entry that agrees',
      data: entered(
        withHistory({ parent_prior_removals: 1 }),
        { id: 'previous_child_removals', status: 'absent', person: 'mum', as_of: '2026-01-01' },
        { id: 'previous_child_removals', status: 'present', person: 'dad', as_of: '2026-01-01' },
        { id: 'previous_child_removals', status: 'present', person: 'mum', as_of: '2026-09-01' },
      ),
    },
  ],
  invalid: [
    {
      name: 'failed return entered absent while history has one',
      data: entered(withHistory({ failed_returns: 1 }), { id: 'previous_failed_return', status: 'absent' }),
      problems: [
        { path: '/factors/0/status', message: 'factor previous_failed_return is entered as absent, but history records failed_returns: 1', severity: 'error' },
      ],
    },
    {
      name: 'earlier removals entered partly while history has none',
      data: entered(
        withHistory({ parent_prior_removals: 0 }),
        { id: 'parental_isolation', status: 'present' },
        { id: 'previous_child_removals', status: 'partly' },
      ),
      problems: [{ path: '/factors/1/status', message: 'factor previous_child_removals is entered as partly, but history records parent_prior_removals: 0' }],
    },
    {
      name: 'age over 10 entered absent; the child is 11 on the return',
      data: entered(stage5Case(), { id: 'child_age_over_10', status: 'absent' }),
      problems: [
        {
          path: '/factors/0/status',
          message: 'factor child_age_over_10 is entered as absent, but the child is over 10 on the return (2026-04-01), from the date of birth',
        },
      ],
    },
    {
      name: 'age over 10 entered present, not yet over 10 on the planned return',
      data: entered(
        { ...stage1Case(), child: { ...stage1Case().child, dob: '2016-05-01' }, transition: { planned_return: '2026-05-01' } },
        { id: 'child_age_over_10', status: 'present' },
      ),
      problems: [
        {
          path: '/factors/0/status',
          message: 'factor child_age_over_10 is entered as present, but the child is not over 10 on the planned return (2026-05-01), from the date of birth',
        },
      ],
    },
    {
      name: 'the entry that stands contradicts history, though an earlier one agreed',
      data: entered(
        withHistory({ failed_returns: 1 }),
        { id: 'previous_failed_return', status: 'present', as_of: '2026-01-10' },
        { id: 'previous_failed_return', status: 'absent', as_of: '2026-09-01' },
      ),
      problems: [{ path: '/factors/1/status', message: 'factor previous_failed_return is entered as absent, but history records failed_returns: 1' }],
    },
    {
      name: 'unplanned return entered present for a planned return',
      data: entered(stage5Case(), { id: 'unplanned_return', status: 'present' }),
      problems: [
        { path: '/factors/0/status', message: 'factor unplanned_return is entered as present, but no unplanned return is recorded (return.unplanned)' },
      ],
    },
  ],
});
