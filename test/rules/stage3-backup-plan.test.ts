import { backupPlan } from '../../src/core/rules/stage3/backup-plan.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const withoutPlan = (c: CaseData, extra: object = {}): CaseData => ({ ...c, agreement: { ...c.agreement, backup_plan: undefined }, ...extra });
const taskDone = (c: CaseData): CaseData => ({ ...c, tasks: { ...c.tasks, backup_plan: { status: 'done', date: '2026-09-20' } } });
const WHAT = 'but the agreement has no back-up plan (backup_plan): what happens if goals are missed or the return breaks down';

ruleTable(backupPlan, {
  valid: [
    { name: 'stage 3 with the task still in progress', data: stage3Case() },
    {
      name: 'task done and the plan written',
      data: taskDone({ ...stage3Case(), agreement: { ...stage3Case().agreement, backup_plan: 'Kinship care with gran' } }),
    },
    { name: 'stage 5 with a plan', data: stage5Case() },
  ],
  invalid: [
    {
      name: 'stage 3, task done, no plan',
      data: taskDone(stage3Case()),
      problems: [{ path: '/agreement/backup_plan', message: `task backup_plan is done ${WHAT}`, severity: 'error' }],
    },
    {
      name: 'stage 5 with a blank plan',
      data: { ...stage5Case(), agreement: { ...stage5Case().agreement, backup_plan: '  ' } },
      problems: [{ path: '/agreement/backup_plan', message: `the case is at stage 5 ${WHAT}` }],
    },
    {
      name: 'after an unplanned return it is a warning',
      data: withoutPlan(stage5Case(), { return: { ...stage5Case().return, unplanned: true } }),
      problems: [{ path: '/agreement/backup_plan', severity: 'warning' }],
    },
    {
      name: 'closed after a return',
      data: withoutPlan(stage5Case(), { stage: 'closed', outcome: { status: 'at_home', date: '2026-10-30' } }),
      problems: [{ path: '/agreement/backup_plan', message: `the case is closed ${WHAT}` }],
    },
  ],
});
