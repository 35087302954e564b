import { hasReached, isPast, taskGapSeverity, taskOf } from '../../workflow/stageProgress.js';
import type { CaseRule, CaseView, RuleProblem } from '../types.js';
import { SECTION_HEADINGS, headingIs } from '../../parse/sectionHeadings.js';

function hasViewsSection(view: CaseView): boolean {
  return view.sections().some((s) => headingIs(s.heading, SECTION_HEADINGS.childViews) && s.content.trim().length > 0);
}

export const childViews: CaseRule = {
  id: 'stage3/child-views',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'The child\'s views are sought and written down in a "## Child\'s views" section before planning the return',
  docs: {
    why:
      "Children's wishes and feelings must be sought and taken into account, and returns go better when they are. " +
      'Marking the child_views task done is not enough: what the child said belongs in the file, in their own words where possible, under "## Child\'s views" (or "## Voice of the child").',
    fails: 'stage: 4\ntasks:\n  child_views: { status: done, date: 2026-07-20 }\n# body has no "## Child\'s views" section',
    passes:
      "stage: 4\ntasks:\n  child_views: { status: done, date: 2026-07-20 }\n# body:\n# ## Child's views\n# Wants to go home but worries about the arguments.",
  },
  check(view) {
    const { data } = view;
    if (!hasReached(data, 3)) return [];
    const task = taskOf(data, 'child_views');
    const past = isPast(data, 3);
    if (!past && task?.status !== 'done') return [];
    const severity = taskGapSeverity(data, 'child_views');
    const problems: RuleProblem[] = [];
    if (task?.status !== 'done') {
      problems.push({
        path: task ? '/tasks/child_views/status' : '/tasks/child_views',
        message: `task child_views is ${task?.status ?? 'missing'} but the case is past stage 3: the child's views must be sought and recorded before the return is planned (for a very young child, record what is observed of their wishes and feelings)`,
        ...severity,
      });
    }
    if (!hasViewsSection(view)) {
      problems.push({
        path: '/tasks/child_views',
        message: `${task?.status === 'done' ? 'task child_views is done but the' : 'the'} case file has no "## Child's views" (or "## Voice of the child") section with content`,
        ...severity,
      });
    }
    return problems;
  },
};
