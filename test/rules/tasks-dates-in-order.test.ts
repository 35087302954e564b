import { datesInOrder } from '../../src/core/rules/tasks/dates-in-order.js';
import { rc1Decision, stage2Case, stage3Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(datesInOrder, {
  valid: [
    { name: 'stage 3 case in order', data: stage3Case() },
    {
      name: 'edge of care: looked after only after the work started',
      data: { ...stage1Case(), child: { ...stage1Case().child, looked_after_since: '2026-10-01' } },
    },
    {
      name: 'sign-off, decision and sharing on the same day as what they follow',
      data: {
        ...stage3Case(),
        decisions: [rc1Decision({ date: '2026-10-12', signed_off: { by: 'TM T.M.', date: '2026-10-12' }, shared: [{ party: 'mum', date: '2026-10-12' }] })],
      },
    },
  ],
  invalid: [
    {
      name: 'a task dated before the case was opened',
      data: withTasks(stage2Case(), { case_history: { status: 'done', date: '2026-09-10' } }),
      problems: [{ path: '/tasks/case_history/date', message: 'task case_history is dated 2026-09-10, before the case was opened (2026-09-20)' }],
    },
    {
      name: 'a decision dated before the classification it rests on',
      data: { ...stage3Case(), decisions: [rc1Decision({ date: '2026-10-10', signed_off: undefined, shared: [] })] },
      problems: [{ path: '/decisions/0/date', message: 'the rc1_d2 decision is dated 2026-10-10, before the rc1_d2 classification it rests on (2026-10-12)' }],
    },
    {
      name: 'sign-offs before the assessment and the classification',
      data: {
        ...withTasks(stage3Case(), {
          written_assessment: { status: 'done', date: '2026-10-08', recommendation: 'return_if_goals_met', signed_off: { by: 'TM T.M.', date: '2026-10-07' } },
        }),
        classifications: [{ date: '2026-10-12', point: 'rc1_d2', level: 'medium', by: 'SW T.T.', signed_off: { by: 'TM T.M.', date: '2026-10-11' } }],
      },
      problems: [
        { path: '/tasks/written_assessment/signed_off/date', message: 'task written_assessment is signed off on 2026-10-07, before it is dated (2026-10-08)' },
        { path: '/classifications/0/signed_off/date', message: 'the rc1_d2 classification is signed off on 2026-10-11, before it is dated (2026-10-12)' },
      ],
    },
    {
      name: 'a decision shared before it was made',
      data: {
        ...stage3Case(),
        decisions: [
          rc1Decision({
            shared: [
              { party: 'child', date: '2026-10-16' },
              { party: 'iro', date: '2026-10-13' },
            ],
          }),
        ],
      },
      problems: [{ path: '/decisions/0/shared/1/date', message: 'the rc1_d2 decision was shared with iro on 2026-10-13, before it was made (2026-10-14)' }],
    },
  ],
});
