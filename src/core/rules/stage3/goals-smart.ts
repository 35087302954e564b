import { daysBetween } from '../../text/dates.js';
import type { Goal } from '../../model/caseTypes.js';
import { hasText } from '../recordReaders.js';
import { isPast, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** A signed agreement gets this long before its goals must show a first RAG rating. */
const FIRST_RAG_DAYS = 28;

const ELEMENTS: { field: keyof Goal; has: (goal: Goal) => boolean; missing: string }[] = [
  { field: 'goal', has: (g) => hasText(g.goal), missing: 'does not say what must change (goal)' },
  { field: 'steps', has: (g) => (g.steps ?? []).some(hasText), missing: 'has no steps towards it (steps)' },
  { field: 'by', has: (g) => hasText(g.by), missing: 'has no date it should be met by (by)' },
  { field: 'support', has: (g) => hasText(g.support), missing: 'does not name who helps (support)' },
  { field: 'success', has: (g) => hasText(g.success), missing: 'does not say what counts as success (success)' },
];

export const goalsSmart: CaseRule = {
  id: 'stage3/goals-smart',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Every agreement goal says what must change, the steps, by when, who helps, what counts as success, and has a RAG rating',
  docs: {
    why:
      'Parents can only work towards goals they understand, and managers can only review progress against goals that are specific, measurable and time-bound. ' +
      'A goal without a date, a named helper or a test of success cannot be rated red, amber or green honestly, and an agreement a month old should show its first rating.',
    fails: 'agreement:\n  signed: 2026-09-01\n  goals:\n    - { id: g1, goal: "Ms T stays alcohol-free" }',
    passes:
      'agreement:\n  signed: 2026-09-01\n  goals:\n    - id: g1\n      goal: "Ms T stays alcohol-free, shown by monthly tests"\n      steps: ["Weekly alcohol service sessions"]\n' +
      '      by: 2027-01-15\n      support: "Alcohol service key worker"\n      success: "Three clear tests in a row"\n      progress: [ { date: 2026-09-28, rag: amber } ]',
  },
  check(view, ctx) {
    const { data } = view;
    const goals = data.agreement?.goals ?? [];
    const signed = data.agreement?.signed;
    const ratingDue = isPast(data, 3)
      ? 'the case is past stage 3'
      : signed && daysBetween(signed, ctx.asOf) > FIRST_RAG_DAYS
        ? `the agreement was signed on ${signed}, more than ${FIRST_RAG_DAYS} days ago`
        : undefined;
    const severity = taskGapSeverity(data, 'agreement');
    const problems: RuleProblem[] = [];
    goals.forEach((goal, i) => {
      const name = `goal ${hasText(goal.id) ? goal.id : i + 1}`;
      for (const element of ELEMENTS) {
        if (!element.has(goal)) problems.push({ path: `/agreement/goals/${i}/${element.field}`, message: `${name} ${element.missing}`, ...severity });
      }
      if (ratingDue && !(goal.progress ?? []).some((p) => hasText(p.date))) {
        problems.push({ path: `/agreement/goals/${i}/progress`, message: `${name} has no dated RAG rating, and ${ratingDue}`, ...severity });
      }
    });
    return problems;
  },
};
