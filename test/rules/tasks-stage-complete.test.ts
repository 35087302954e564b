import type { CaseData } from '../../src/core/caseTypes.js';
import { TASK_IDS } from '../../src/core/ids.js';
import { stageComplete } from '../../src/core/rules/tasks/stage-complete.js';
import { stage2Case, stage3Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

/** A closed case after an unplanned return whose every task is finished. */
function closedUnplanned(): CaseData {
  const finished = Object.fromEntries(TASK_IDS.map((t) => [t, { status: 'not_applicable' as const, reason: 'Unplanned return' }]));
  return { ...stage3Case(), stage: 'closed', tasks: finished, return: { unplanned: true, returned: '2026-10-20' } };
}

ruleTable(stageComplete, {
  valid: [
    { name: 'stage 1: no earlier stage to finish', data: stage1Case() },
    { name: 'stage 2: the current stage may still be open', data: stage2Case() },
    { name: 'stage 3: stages 1 and 2 done or not_applicable', data: stage3Case() },
    { name: 'closed: every task finished', data: closedUnplanned() },
    {
      name: 'closed without a return: stages 3–5 never applied',
      data: {
        ...withTasks(stage2Case(), {
          classification: { status: 'done' },
          decision: { status: 'done' },
          decision_shared: { status: 'done' },
          support_if_no_return: { status: 'done' },
        }),
        stage: 'closed',
        outcome: { status: 'not_returned', date: '2026-10-30' },
      },
    },
  ],
  invalid: [
    {
      name: 'closed without a return: stage 2 still had to be finished',
      data: { ...stage2Case(), stage: 'closed', outcome: { status: 'not_returned', date: '2026-10-30' } },
      problems: ['classification', 'decision', 'decision_shared', 'support_if_no_return'].map((t) => ({ path: `/tasks/${t}`, message: /is still todo but the case is closed/ })),
    },
    {
      name: 'stage 2 with a stage 1 task in progress',
      data: withTasks(stage2Case(), { safe_adult: { status: 'in_progress' } }),
      problems: [
        {
          path: '/tasks/safe_adult',
          message: 'stage 1 task safe_adult (Identify a safe adult) is still in_progress but the case is at stage 2: finish it, or mark it not_applicable with a reason',
        },
      ],
    },
    {
      name: 'stage 3 with a stage 2 task missing from tasks',
      data: (() => {
        const data = stage3Case();
        const { decision_shared: _dropped, ...tasks } = data.tasks;
        return { ...data, tasks };
      })(),
      problems: [
        {
          path: '/tasks',
          message: 'stage 2 task decision_shared (Share the decision with everyone involved) has no entry but the case is at stage 3: record it as done, or not_applicable with a reason',
        },
      ],
    },
    {
      name: 'unplanned return: earlier gaps are warnings, stage 5 gaps of a closed case stay errors',
      data: withTasks(closedUnplanned(), { backup_plan: { status: 'todo' }, monitoring: { status: 'in_progress' } }),
      problems: [
        { path: '/tasks/backup_plan', message: /^stage 3 task backup_plan .* is still todo but the case is closed/, severity: 'warning' },
        { path: '/tasks/monitoring', message: /^stage 5 task monitoring .* is still in_progress but the case is closed/, severity: 'error' },
      ],
    },
    {
      name: 'stage 5 after an unplanned return: stage 3 and 4 gaps are warnings',
      data: { ...stage3Case(), stage: 5, return: { unplanned: true } },
      problems: [
        ...['child_views', 'agreement', 'relationships', 'team_around_child', 'backup_plan'].map((t) => ({ path: `/tasks/${t}`, severity: 'warning' as const })),
        ...['reclassification', 'support_review', 'transition_plan', 'readiness'].map(() => ({ path: '/tasks', message: /has no entry but the case is at stage 5/, severity: 'warning' as const })),
      ],
    },
  ],
});
