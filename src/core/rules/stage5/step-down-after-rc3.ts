import { daysBetween } from '../../text/dates.js';
import type { CaseData } from '../../model/caseTypes.js';
import { latestAt } from '../recordReaders.js';
import { taskOf } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleContext } from '../types.js';

interface StepDown {
  date: string;
  path: string;
  what: string;
}

/** Every record of a step down, with where it is written; the earliest is when it happened. */
function stepDowns(data: CaseData, ctx: RuleContext): StepDown[] {
  const found: StepDown[] = [];
  const recorded = data.return?.step_down;
  if (recorded?.date) found.push({ date: recorded.date, path: '/return/step_down/date', what: `step down to ${recorded.to} on ${recorded.date}` });
  (data.decisions ?? []).forEach((d, i) => {
    if (d.outcome === 'step_down') found.push({ date: d.date, path: `/decisions/${i}/outcome`, what: `decision to step down on ${d.date}` });
  });
  const task = taskOf(data, 'step_down');
  if (task?.status === 'done') {
    const date = task.date ?? ctx.asOf;
    found.push({ date, path: '/tasks/step_down', what: `task step_down done${task.date ? ` on ${task.date}` : ''}` });
  }
  return found;
}

export const stepDownAfterRc3: CaseRule = {
  id: 'stage5/step-down-after-rc3',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A case steps down only after a post-return classification (rc3_post_return) of low or medium',
  docs: {
    why:
      'Stepping down (for example from a child protection plan to a child in need plan, or to closure) removes the close monitoring that protects a newly returned child. ' +
      'It should follow a regrading after the return that finds risk low or medium, not simply the passing of time.',
    fails:
      'classifications:\n  - { date: 2026-05-27, point: rc3_post_return, level: high, by: "SW J.P." }\nreturn:\n  step_down: { date: 2026-10-10, to: cin }',
    passes:
      'classifications:\n  - { date: 2026-09-27, point: rc3_post_return, level: low, by: "SW J.P." }\nreturn:\n  step_down: { date: 2026-10-10, to: cin }',
  },
  check(view, ctx) {
    const { data } = view;
    const first = stepDowns(data, ctx).sort((a, b) => daysBetween(b.date, a.date))[0] as StepDown | undefined;
    if (!first) return [];
    const rc3 = latestAt(data.classifications, 'rc3_post_return', first.date);
    if (rc3 && (rc3.record.level === 'low' || rc3.record.level === 'medium')) return [];
    const message = rc3
      ? `${first.what}, but the latest post-return classification before it (rc3_post_return, ${rc3.record.date}) is ${rc3.record.level}: step down needs low or medium`
      : `${first.what}, with no post-return classification (rc3_post_return) on or before that date: step down only once risk is regraded low or medium after the return`;
    return [{ path: first.path, message }];
  },
};
