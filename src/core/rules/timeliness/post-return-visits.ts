import { daysBetween } from '../../text/dates.js';
import { nextSeenAloneVisitDue, postReturnWindow, visitOverdue } from '../../status/timeliness.js';
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
    fails:
      '# as of 2026-11-01; seen alone at least every 6 weeks for 6 months\nreturn:\n  returned: 2026-04-01\n  visits:\n    - { date: 2026-06-20, seen_alone: true }',
    passes:
      'return:\n  returned: 2026-04-01\n  visits:\n    - { date: 2026-05-06, seen_alone: true }\n    - { date: 2026-06-12, seen_alone: true }\n' +
      '    - { date: 2026-07-20, seen_alone: true }\n    - { date: 2026-08-27, seen_alone: true }\n    - { date: 2026-09-30, seen_alone: true }',
  },
  check(view, ctx) {
    const window = postReturnWindow(view.data, ctx.config, ctx.asOf);
    if (!window) return [];
    const rule = `at least every ${window.weeks} weeks in the first ${window.months} months home`;
    const problems: RuleProblem[] = [];
    let since = window.returned;
    let sinceWhat = `the return on ${window.returned}`;
    for (const visit of window.seenAlone) {
      const gap = daysBetween(since, visit.date);
      if (gap > window.weeks * 7) {
        problems.push({
          path: `/return/visits/${visit.index}`,
          message: `child not seen alone for ${gap} days, from ${sinceWhat} to the visit on ${visit.date} (${rule})`,
        });
      }
      since = visit.date;
      sinceWhat = `the visit on ${visit.date}`;
    }
    const { due } = nextSeenAloneVisitDue(window);
    if (visitOverdue(window, due)) {
      problems.push({ path: '/return/visits', message: `no visit with the child seen alone since ${sinceWhat}: one was due by ${due} (${rule})` });
    }
    return problems;
  },
};
