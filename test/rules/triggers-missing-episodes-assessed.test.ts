import { missingEpisodesAssessed } from '../../src/core/rules/triggers/missing-episodes-assessed.js';
import type { CaseData, FactorEntry } from '../../src/core/model/caseTypes.js';
import { ruleTable, stage1Case } from './harness.js';

const missing = (episodes: number, factors: FactorEntry[] = [], extra: Partial<CaseData> = {}): CaseData => ({
  ...stage1Case(),
  history: { missing_episodes: episodes },
  factors,
  ...extra,
});
const TAIL = 'but the missing_episodes risk factor has not been assessed (no entry, or the latest is unknown)';

ruleTable(missingEpisodesAssessed, {
  valid: [
    { name: 'no missing episodes', data: missing(0) },
    { name: 'episodes assessed as partly', data: missing(2, [{ id: 'missing_episodes', status: 'partly', evidence: 'Two in spring', as_of: '2026-09-30' }]) },
    {
      name: 'an unknown entry followed by an assessment',
      data: missing(1, [
        { id: 'missing_episodes', status: 'unknown' },
        { id: 'missing_episodes', status: 'absent', as_of: '2026-10-01' },
      ]),
    },
    {
      name: 'a dated unknown superseded by a later assessment, listed first in the file or not',
      data: missing(2, [
        { id: 'missing_episodes', status: 'partly', evidence: 'Two in spring', as_of: '2026-10-05' },
        { id: 'missing_episodes', status: 'unknown', as_of: '2026-09-01' },
      ]),
    },
  ],
  invalid: [
    {
      name: 'two episodes, no factor entry',
      data: missing(2),
      problems: [{ path: '/factors', message: `history records 2 missing episodes ${TAIL}`, severity: 'warning' }],
    },
    {
      name: 'one episode, only unknown',
      data: missing(1, [{ id: 'missing_episodes', status: 'unknown' }]),
      problems: [{ path: '/factors', message: `history records 1 missing episode ${TAIL}` }],
    },
    {
      name: 'an assessment superseded by a later unknown (a new episode, not yet looked into)',
      data: missing(2, [
        { id: 'missing_episodes', status: 'absent', evidence: 'None this year', as_of: '2026-09-01' },
        { id: 'missing_episodes', status: 'unknown', as_of: '2026-10-15' },
      ]),
      problems: [{ path: '/factors', message: `history records 2 missing episodes ${TAIL}` }],
    },
    {
      name: 'an assessment dated after the as-of date does not count yet',
      data: missing(1, [
        { id: 'missing_episodes', status: 'unknown', as_of: '2026-09-01' },
        { id: 'missing_episodes', status: 'partly', evidence: 'One in spring', as_of: '2026-11-20' },
      ]),
      problems: [{ path: '/factors', message: `history records 1 missing episode ${TAIL}` }],
    },
    {
      name: 'a missing_episode trigger with no count in the history',
      data: { ...stage1Case(), triggers: [{ type: 'missing_episode', date: '2026-10-12' }] },
      problems: [{ path: '/factors', message: `a missing_episode trigger is recorded on 2026-10-12 ${TAIL}` }],
    },
  ],
});
