import { addDays, addMonths, daysBetween, earliest, isAfter } from '../../dates.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const postReturnVisits: CaseRule = {
  id: 'timeliness/post-return-visits',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'In the first months at home the child is seen alone at least every few weeks (reviews.post_return_visit_weeks)',
  docs: {
    why:
      'Returns most often break down in the first months at home, and children rarely tell of harm in front of the adults involved. ' +
      'Regular visits with the child seen alone are how early warning signs are noticed while support can still make a difference.',
    fails: '# as of 2026-11-01; seen alone at least every 6 weeks for 6 months\nreturn:\n  returned: 2026-04-01\n  visits:\n    - { date: 2026-06-20, seen_alone: true }',
    passes:
      'return:\n  returned: 2026-04-01\n  visits:\n    - { date: 2026-05-06, seen_alone: true }\n    - { date: 2026-06-12, seen_alone: true }\n' +
      '    - { date: 2026-07-20, seen_alone: true }\n    - { date: 2026-08-27, seen_alone: true }\n    - { date: 2026-09-30, seen_alone: true }',
  },
  check(view, ctx) {
    const { data } = view;
    const returned = data.return?.returned;
    if (!returned || isAfter(returned, ctx.asOf)) return [];
    const { post_return_visit_weeks: weeks, post_return_visit_months: months } = ctx.config.reviews;
    const closedOn = data.stage === 'closed' ? (data.outcome?.date ?? returned) : undefined;
    const windowEnd = earliest([addMonths(returned, months), ctx.asOf, closedOn]) ?? ctx.asOf;
    const rule = `at least every ${weeks} weeks in the first ${months} months home`;
    const problems: RuleProblem[] = [];
    let since = { date: returned, what: `the return on ${returned}` };
    const seenAlone = (data.return?.visits ?? [])
      .map((visit, index) => ({ ...visit, index }))
      .filter((v) => v.seen_alone === true && !isAfter(returned, v.date) && !isAfter(v.date, windowEnd))
      .sort((a, b) => daysBetween(b.date, a.date));
    for (const visit of seenAlone) {
      const gap = daysBetween(since.date, visit.date);
      if (gap > weeks * 7) {
        problems.push({ path: `/return/visits/${visit.index}`, message: `child not seen alone for ${gap} days, from ${since.what} to the visit on ${visit.date} (${rule})` });
      }
      since = { date: visit.date, what: `the visit on ${visit.date}` };
    }
    const due = addDays(since.date, weeks * 7);
    if (isAfter(windowEnd, due)) {
      problems.push({ path: '/return/visits', message: `no visit with the child seen alone since ${since.what}: one was due by ${due} (${rule})` });
    }
    return problems;
  },
};
