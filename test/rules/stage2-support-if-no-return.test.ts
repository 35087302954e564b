import type { CaseData, TaskRecord } from '../../src/core/model/caseTypes.js';
import { supportIfNoReturn } from '../../src/core/rules/stage2/support-if-no-return.js';
import { rc1Decision, stage2Case, stage3Case } from './fixtures-pathway.js';
import { ruleTable } from './harness.js';

/** Decision 2 of no_return, with the support task in the given state. */
function noReturn(support: TaskRecord | undefined, stage: CaseData['stage'] = 2): CaseData {
  const data = { ...stage2Case(), stage, decisions: [rc1Decision({ outcome: 'no_return' })] };
  const { support_if_no_return: _old, ...tasks } = data.tasks;
  return { ...data, tasks: support ? { ...tasks, support_if_no_return: support } : tasks };
}

ruleTable(supportIfNoReturn, {
  valid: [
    { name: 'the decision is to work towards return', data: stage3Case() },
    { name: 'stage 2: support being planned after a no_return decision', data: noReturn({ status: 'in_progress' }) },
    { name: 'closed with support done', data: noReturn({ status: 'done', date: '2026-10-25' }, 'closed') },
    {
      name: 'a later decision replaces an earlier no_return',
      data: { ...stage3Case(), decisions: [rc1Decision({ date: '2026-10-13', outcome: 'no_return' }), rc1Decision()] },
    },
  ],
  invalid: [
    {
      name: 'stage 2: support not started',
      data: noReturn({ status: 'todo' }),
      problems: [{ path: '/tasks/support_if_no_return', message: 'the rc1_d2 decision of 2026-10-14 is no_return but support_if_no_return is still todo' }],
    },
    {
      name: 'support marked not_applicable',
      data: noReturn({ status: 'not_applicable', reason: 'None' }),
      problems: [
        { path: '/tasks/support_if_no_return', message: 'the rc1_d2 decision of 2026-10-14 is no_return but support_if_no_return is marked not_applicable' },
      ],
    },
    {
      name: 'closed with support still in progress',
      data: noReturn({ status: 'in_progress' }, 'closed'),
      problems: [
        {
          path: '/tasks/support_if_no_return',
          message: 'the rc1_d2 decision of 2026-10-14 is no_return but support_if_no_return is still in_progress, and the case is closed',
        },
      ],
    },
    {
      name: 'Decision 3 of no_return with no support task',
      data: {
        ...noReturn(undefined, 4),
        decisions: [rc1Decision(), { date: '2026-10-30', point: 'rc2_d3', outcome: 'no_return', signed_off: { by: 'TM T.M.', date: '2026-10-30' } }],
      },
      problems: [{ path: '/tasks', message: 'the rc2_d3 decision of 2026-10-30 is no_return but there is no support_if_no_return task' }],
    },
    {
      name: 'closed without a return after Decision 3 of no_return, support still in progress',
      data: {
        ...noReturn({ status: 'in_progress' }, 'closed'),
        decisions: [rc1Decision(), { date: '2026-10-30', point: 'rc2_d3', outcome: 'no_return' }],
        outcome: { status: 'not_returned', date: '2026-10-31' },
      },
      problems: [
        {
          path: '/tasks/support_if_no_return',
          message: /^the rc2_d3 decision of 2026-10-30 is no_return but support_if_no_return is still in_progress, and the case is closed$/,
        },
      ],
    },
  ],
});
