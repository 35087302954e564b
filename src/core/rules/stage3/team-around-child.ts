import { hasText } from '../recordReaders.js';
import { hasReached, isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

export const teamAroundChild: CaseRule = {
  id: 'stage3/team-around-child',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'The agreement names the team around the child once the team_around_child task is done, and always from stage 4',
  docs: {
    why:
      'Support after a return depends on professionals and carers who each know their part: school, health, specialist services, carers who stay in touch. ' +
      'Naming the team around the child in the agreement makes clear to the family who is helping and who will notice if things go wrong.',
    fails: 'stage: 4\nagreement:\n  team_around_child: []',
    passes: 'stage: 4\nagreement:\n  team_around_child: ["School DSL", "GP", "Alcohol service"]',
  },
  check(view) {
    const { data } = view;
    const fromStage4 = hasReached(data, 4);
    if (!fromStage4 && !isTaskDone(data, 'team_around_child')) return [];
    if ((data.agreement?.team_around_child ?? []).some(hasText)) return [];
    const because = fromStage4 ? (data.stage === 'closed' ? 'the case is closed' : `the case is at stage ${data.stage}`) : 'task team_around_child is done';
    return [
      {
        path: '/agreement/team_around_child',
        message: `${because} but the agreement names no one in the team around the child (team_around_child)`,
        ...taskGapSeverity(data, 'team_around_child'),
      },
    ];
  },
};
