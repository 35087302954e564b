import { recordExists } from '../../src/core/rules/tasks/record-exists.js';
import { rc1Decision, stage2Case, stage3Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(recordExists, {
  valid: [
    { name: 'stage 1: no task with a record yet', data: stage1Case() },
    { name: 'stage 3: classification, decision and sharing recorded', data: stage3Case() },
    {
      name: 'stage 5: contact phases and visits recorded, step down still todo',
      data: {
        ...withTasks(stage3Case(), {
          contact_plan: { status: 'done', date: '2026-10-20' },
          monitoring: { status: 'in_progress' },
          step_down: { status: 'todo' },
        }),
        return: { contact_phases: [{ from: '2026-10-18' }], visits: [{ date: '2026-10-30', seen_alone: true }], step_down: null },
      },
    },
    { name: 'a record under a task in progress is fine', data: withTasks(stage3Case(), { classification: { status: 'in_progress' } }) },
  ],
  invalid: [
    {
      name: 'classification done without an RC1 classification',
      data: { ...stage3Case(), classifications: [] },
      problems: [
        { path: '/classifications', message: 'task classification is done but its record is missing: an RC1 classification (point rc1_d2) in classifications' },
      ],
    },
    {
      name: 'decision_shared done but the decision has no sharing log',
      data: { ...stage3Case(), decisions: [rc1Decision({ shared: [] })] },
      problems: [
        { path: '/decisions/0/shared', message: "task decision_shared is done but its record is missing: the rc1_d2 decision's sharing log (shared)" },
      ],
    },
    {
      name: 'agreement done with no goals',
      data: { ...withTasks(stage3Case(), { agreement: { status: 'done', date: '2026-10-25' } }), agreement: { signed: '2026-10-25' } },
      problems: [{ path: '/agreement/goals', message: /^task agreement is done but its record is missing: a written agreement with goals/ }],
    },
    {
      name: 'a classification recorded while the task is still todo',
      data: { ...stage2Case(), classifications: [{ date: '2026-10-12', point: 'rc1_d2', level: 'low', by: 'SW T.T.' }] },
      problems: [
        {
          path: '/tasks/classification/status',
          message: 'task classification is still todo but its record exists: an RC1 classification (point rc1_d2) in classifications; update the task status',
        },
      ],
    },
    {
      name: 'unplanned return: a missing transition plan is a warning, missing visits and step down are errors',
      data: {
        ...withTasks(stage3Case(), { transition_plan: { status: 'done' }, monitoring: { status: 'done' }, step_down: { status: 'done' } }),
        stage: 5,
        return: { unplanned: true, step_down: null },
      },
      problems: [
        { path: '/transition', message: 'task transition_plan is done but its record is missing: a transition plan (transition)', severity: 'warning' },
        { path: '/return/visits', severity: 'error' },
        { path: '/return/step_down', severity: 'error' },
      ],
    },
  ],
});
