import { hasText } from '../recordReaders.js';
import { hasReached, isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

export const backupPlan: CaseRule = {
  id: 'stage3/backup-plan',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'The agreement holds a back-up plan once the backup_plan task is done, and always from stage 4',
  docs: {
    why:
      'Parents and children need to know before the return what will happen if goals are missed or the return breaks down. ' +
      'A shared back-up plan makes a breakdown a planned response rather than a crisis, and lets the family see the stakes honestly.',
    fails: 'stage: 4\nagreement:\n  signed: 2026-07-24\n  goals: [ … ]',
    passes:
      'stage: 4\nagreement:\n  signed: 2026-07-24\n  goals: [ … ]\n  backup_plan: "If tests are missed, a review meeting within a week; kinship placement with gran"',
  },
  check(view) {
    const { data } = view;
    const fromStage4 = hasReached(data, 4);
    if (!fromStage4 && !isTaskDone(data, 'backup_plan')) return [];
    if (hasText(data.agreement?.backup_plan)) return [];
    const because = fromStage4 ? (data.stage === 'closed' ? 'the case is closed' : `the case is at stage ${data.stage}`) : 'task backup_plan is done';
    return [
      {
        path: '/agreement/backup_plan',
        message: `${because} but the agreement has no back-up plan (backup_plan): what happens if goals are missed or the return breaks down`,
        ...taskGapSeverity(data, 'backup_plan'),
      },
    ];
  },
};
