import { daysBetween, isAfter, latest } from '../../dates.js';
import type { Goal } from '../../caseTypes.js';
import { hasText } from '../stageReached.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** The latest RAG update (a later entry wins a tie of dates). */
function lastUpdate(goal: Goal): { date: string; rag: string } | undefined {
  const date = latest((goal.progress ?? []).map((p) => p.date));
  const entries = (goal.progress ?? []).filter((p) => p.date === date);
  return date ? { date, rag: entries[entries.length - 1].rag } : undefined;
}

export const goalRagStale: CaseRule = {
  id: 'stage3/goal-rag-stale',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Goals still being worked on get a RAG update at least every reviews.goal_rag_stale_days days',
  docs: {
    why:
      'Red/amber/green ratings are how parents, workers and managers see whether change is happening within the child\'s timescales. ' +
      'A goal left unrated for weeks hides drift, and missed goals should prompt reclassification and perhaps a new decision.',
    fails: '# as of 2026-11-01; stale after 56 days\nstage: 3\nagreement:\n  goals:\n    - { id: g1, by: 2027-01-15, progress: [ { date: 2026-08-20, rag: amber } ] }',
    passes: '# as of 2026-11-01\nstage: 3\nagreement:\n  goals:\n    - { id: g1, by: 2027-01-15, progress: [ { date: 2026-10-20, rag: amber } ] }',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.stage !== 3 && data.stage !== 4) return [];
    const staleDays = ctx.config.reviews.goal_rag_stale_days;
    const problems: RuleProblem[] = [];
    (data.agreement?.goals ?? []).forEach((goal, i) => {
      const last = lastUpdate(goal);
      // Goals with no rating at all are stage3/goals-smart's concern.
      if (!last) return;
      const finished = last.rag === 'green' && !(goal.by && isAfter(goal.by, ctx.asOf));
      const days = daysBetween(last.date, ctx.asOf);
      if (finished || days <= staleDays) return;
      const name = `goal ${hasText(goal.id) ? goal.id : i + 1}`;
      problems.push({
        path: `/agreement/goals/${i}/progress`,
        message: `${name} has had no RAG update for ${days} days (last ${last.rag} on ${last.date}); rate goals at least every ${staleDays} days`,
      });
    });
    return problems;
  },
};
