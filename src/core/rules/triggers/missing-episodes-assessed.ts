import { currentFactorEntries } from '../../classify/factorEntries.js';
import type { CaseRule } from '../types.js';

export const missingEpisodesAssessed: CaseRule = {
  id: 'triggers/missing-episodes-assessed',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'When the child has gone missing, the missing_episodes risk factor is assessed',
  docs: {
    why:
      'Going missing is a risk factor for a return and, after one, an early warning sign. ' +
      'A missing episode in the history or a missing_episode trigger calls for the missing_episodes factor to be assessed with its evidence; left out or unknown, it cannot inform the classification. ' +
      'Only the entry that stands on the as-of date counts: the latest one (a later unknown replaces an earlier assessment, and an entry dated later has not happened yet).',
    fails: 'history: { missing_episodes: 2 }\nfactors:\n  - { id: missing_episodes, status: unknown }',
    passes: 'history: { missing_episodes: 2 }\nfactors:\n  - { id: missing_episodes, status: partly, evidence: "…", as_of: 2026-10-01 }',
  },
  check(view, ctx) {
    const { data } = view;
    const count = data.history?.missing_episodes ?? 0;
    const triggers = (data.triggers ?? []).filter((t) => t.type === 'missing_episode');
    if (count === 0 && triggers.length === 0) return [];
    const assessed = currentFactorEntries(data, ctx.asOf).some(({ entry }) => entry.id === 'missing_episodes' && entry.status !== 'unknown');
    if (assessed) return [];
    const why =
      count > 0
        ? `history records ${count} missing episode${count === 1 ? '' : 's'}`
        : `a missing_episode trigger is recorded on ${triggers.map((t) => t.date).join(', ')}`;
    return [{ path: '/factors', message: `${why} but the missing_episodes risk factor has not been assessed (no entry, or the latest is unknown)` }];
  },
};
