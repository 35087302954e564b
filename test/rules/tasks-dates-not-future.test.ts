import { datesNotFuture } from '../../src/core/rules/tasks/dates-not-future.js';
import { rc1Decision, stage3Case } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(datesNotFuture, {
  valid: [
    { name: 'stage 1 case', data: stage1Case() },
    {
      name: 'planned dates may lie ahead, CLA reviews booked ahead included',
      data: {
        ...stage3Case(),
        agreement: { signed: '2026-10-25', goals: [{ id: 'g1', by: '2027-02-01', progress: [{ date: '2026-11-01', rag: 'amber' }] }] },
        cla_reviews: ['2026-09-26', '2026-12-10'],
        transition: { agreed: '2026-10-30', planned_return: '2027-01-15' },
        return: {
          contact_phases: [{ from: '2026-10-31', to: '2026-12-20' }],
          support_package: [{ service: 'Family support', from: '2027-01-15', to: '2027-07-15' }],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a decision and its sharing dated after as-of',
      data: { ...stage3Case(), decisions: [rc1Decision({ date: '2026-11-20', shared: [{ party: 'mum', date: '2026-11-21' }] })] },
      problems: [
        { path: '/decisions/0/date', message: 'the rc1_d2 decision is dated 2026-11-20, after the as-of date 2026-11-01: record it once it has happened' },
        {
          path: '/decisions/0/shared/0/date',
          message: 'sharing the rc1_d2 decision with mum is dated 2026-11-21, after the as-of date 2026-11-01: record it once it has happened',
        },
      ],
    },
    {
      name: 'a trigger and a task sign-off in the future',
      data: {
        ...stage1Case(),
        triggers: [{ type: 'behaviour_change', date: '2026-11-02' }],
        tasks: { ...stage1Case().tasks, written_assessment: { status: 'in_progress', signed_off: { by: 'TM T.M.', date: '2026-11-05' } } },
      },
      problems: [
        { path: '/triggers/0/date', message: /^trigger behaviour_change is dated 2026-11-02/ },
        { path: '/tasks/written_assessment/signed_off/date', message: /^the sign-off of task written_assessment is dated 2026-11-05/ },
      ],
    },
    {
      name: 'return, visits and contact relative to an earlier as-of',
      asOf: '2026-10-20',
      data: {
        ...stage3Case(),
        return: { contact_phases: [{ from: '2026-10-25' }], returned: '2026-10-28', visits: [{ date: '2026-10-30' }] },
        agreement: { signed: '2026-10-25' },
      },
      problems: [
        { path: '/agreement/signed' },
        { path: '/return/contact_phases/0/from' },
        { path: '/return/returned', message: 'the return home is dated 2026-10-28, after the as-of date 2026-10-20: record it once it has happened' },
        { path: '/return/visits/0/date' },
      ],
    },
  ],
});
