import type { Person } from '../../model/caseTypes.js';
import { isPast, isTaskDone } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

const PARENT_RELATIONS = ['mother', 'father', 'parent'];

function isParentOrCarer(person: Person): boolean {
  const relation = person.relation.trim().toLowerCase();
  return person.pr === true || person.carer === true || PARENT_RELATIONS.includes(relation) || relation.startsWith('step_');
}

export const genogramPeople: CaseRule = {
  id: 'stage1/genogram-people',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Once the case history is done, people includes at least one parent or carer of the child',
  docs: {
    why:
      'The genogram, the decision-sharing list and the question of who the child returns to are all drawn from `people`. ' +
      'A family network with no parent or carer in it cannot show the household the child would go home to.',
    fails: 'tasks:\n  case_history: { status: done, date: 2026-09-20 }\npeople:\n  - { id: gran, ref: "Mrs A", relation: maternal_grandmother }',
    passes: 'tasks:\n  case_history: { status: done, date: 2026-09-20 }\npeople:\n  - { id: mum, ref: "Ms A", relation: mother, pr: true }',
  },
  check(view) {
    const { data } = view;
    if (!isTaskDone(data, 'case_history') && !isPast(data, 1)) return [];
    if ((data.people ?? []).some(isParentOrCarer)) return [];
    return [
      {
        path: '/people',
        message:
          'people has no parent or carer of the child (a mother, father, parent, step-parent, someone with pr: true or carer: true), so no genogram can be drawn',
      },
    ];
  },
};
