import { staleGoals } from '../../workflow/goals.js';
import { hasText } from '../recordReaders.js';
import type { CaseRule } from '../types.js';

export const goalRagStale: CaseRule = {
  id: 'stage3/goal-rag-stale',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Goals still being worked on get a RAG update at least every reviews.goal_rag_stale_days days',
  docs: {
    why:
      "Red/amber/green ratings are how parents, workers and managers see whether change is happening within the child's timescales. " +
      'A goal left unrated for weeks hides drift, and missed goals should prompt reclassification and perhaps a new decision.',
    fails:
      '# as of 2026-11-01; stale after 56 days\nstage: 3\nagreement:\n  goals:\n    - { id: g1, by: 2027-01-15, progress: [ { date: 2026-08-20, rag: amber } ] }',
    passes: '# as of 2026-11-01\nstage: 3\nagreement:\n  goals:\n    - { id: g1, by: 2027-01-15, progress: [ { date: 2026-10-20, rag: amber } ] }',
  },
  check(view, ctx) {
    const staleDays = ctx.config.reviews.goal_rag_stale_days;
    return staleGoals(view.data, ctx.config, ctx.asOf).map(({ index, goal, last, days }) => ({
      path: `/agreement/goals/${index}/progress`,
      message: `goal ${hasText(goal.id) ? goal.id : index + 1} has had no RAG update for ${days} days (last ${last.rag} on ${last.date}); rate goals at least every ${staleDays} days`,
    }));
  },
};
