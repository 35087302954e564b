import { genogramPeople } from '../../src/core/rules/stage1/genogram-people.js';
import { stage2Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

const gran = { id: 'gran', ref: 'Mrs T', relation: 'maternal_grandmother' };

ruleTable(genogramPeople, {
  valid: [
    { name: 'a mother with PR', data: stage2Case() },
    { name: 'a step-parent', data: { ...stage2Case(), people: [gran, { id: 'sf', ref: 'Mr S', relation: 'step_father' }] } },
    { name: 'a relative who cares for the child', data: { ...stage2Case(), people: [{ ...gran, carer: true }] } },
    { name: 'case history still being written', data: { ...stage1Case(), people: [] } },
  ],
  invalid: [
    {
      name: 'case history done, only a grandparent recorded',
      data: withTasks({ ...stage1Case(), people: [gran] }, { case_history: { status: 'done', date: '2026-09-28' } }),
      problems: [
        {
          path: '/people',
          message:
            'people has no parent or carer of the child (a mother, father, parent, step-parent, someone with pr: true or carer: true), so no genogram can be drawn',
        },
      ],
    },
    {
      name: 'past stage 1 with no people at all',
      data: (() => {
        const { people: _none, ...rest } = stage2Case();
        return withTasks(rest, { case_history: { status: 'not_applicable', reason: 'Held by the previous authority' } });
      })(),
      problems: [{ path: '/people' }],
    },
  ],
});
