import type { Decision } from '../../model/caseTypes.js';
import { isAfter } from '../../text/dates.js';
import { STAGE_OF_POINT, hasReached, isPast, taskGapSeverity, taskOf } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

/** The decision that stands: the latest by date (append-only, so the later entry on a tie). */
function currentDecision(decisions: readonly Decision[]): Decision | undefined {
  return decisions.reduce<Decision | undefined>((last, d) => (last && isAfter(last.date, d.date) ? last : d), undefined);
}

export const supportIfNoReturn: CaseRule = {
  id: 'stage2/support-if-no-return',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'When the standing decision is no_return, the support_if_no_return task is started, and done before the case moves on or closes',
  docs: {
    why:
      'A decision not to return still owes the child and family support: a plan for alternative permanence, family time, help for the child to understand the decision, and services for the parents. ' +
      'It is the part of the pathway most easily dropped once the return is off the table.',
    fails: 'stage: closed\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: no_return }\ntasks:\n  support_if_no_return: { status: in_progress }',
    passes:
      'stage: closed\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: no_return }\ntasks:\n  support_if_no_return: { status: done, date: 2026-11-20 }',
  },
  check(view) {
    const { data } = view;
    if (!hasReached(data, 2)) return [];
    const decision = currentDecision(data.decisions ?? []);
    if (decision?.outcome !== 'no_return') return [];
    const task = taskOf(data, 'support_if_no_return');
    const gap = taskGapSeverity(data, 'support_if_no_return');
    const what = `the ${decision.point} decision of ${decision.date} is no_return`;
    if (!task) return [{ path: '/tasks', message: `${what} but there is no support_if_no_return task`, ...gap }];
    const movedOn = data.stage === 'closed' || isPast(data, STAGE_OF_POINT[decision.point]);
    if (task.status === 'done' || (task.status === 'in_progress' && !movedOn)) return [];
    const state = task.status === 'not_applicable' ? 'is marked not_applicable' : `is still ${task.status}`;
    const when = task.status === 'in_progress' ? (data.stage === 'closed' ? ', and the case is closed' : `, and the case is at stage ${data.stage}`) : '';
    return [{ path: '/tasks/support_if_no_return', message: `${what} but support_if_no_return ${state}${when}`, ...gap }];
  },
};
