import { isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

export const safeAdultNamed: CaseRule = {
  id: 'stage1/safe-adult-named',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A done safe_adult task names the safe adult, a person in people',
  docs: {
    why: 'Children who go home need an adult they trust to tell if things go wrong. Naming that adult by their id in `people` lets the plan, the reports and the post-return visits check that the person is real and still in touch.',
    fails: 'people:\n  - { id: gran, ref: "Mrs A", relation: maternal_grandmother }\ntasks:\n  safe_adult: { status: done, date: 2026-10-05, person: aunt }',
    passes: 'people:\n  - { id: gran, ref: "Mrs A", relation: maternal_grandmother }\ntasks:\n  safe_adult: { status: done, date: 2026-10-05, person: gran }',
  },
  check(view) {
    const { data } = view;
    if (!isTaskDone(data, 'safe_adult')) return [];
    const person = data.tasks.safe_adult?.person; // isTaskDone has found the task
    if (person === undefined || person.trim() === '') {
      return [
        {
          path: '/tasks/safe_adult/person',
          message: 'the safe adult task is done but names no one: give the person id from people',
          ...taskGapSeverity(data, 'safe_adult'),
        },
      ];
    }
    if ((data.people ?? []).some((p) => p.id === person)) return [];
    return [{ path: '/tasks/safe_adult/person', message: `the safe adult "${person}" is not a person id in people` }];
  },
};
