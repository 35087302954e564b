import { safeAdultNamed } from '../../src/core/rules/stage1/safe-adult-named.js';
import { stage2Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(safeAdultNamed, {
  valid: [
    { name: 'done, naming a person in people', data: stage2Case() },
    { name: 'not done yet, no one named', data: stage1Case() },
    { name: 'not_applicable with a reason', data: withTasks(stage2Case(), { safe_adult: { status: 'not_applicable', reason: 'Child is a baby' } }) },
  ],
  invalid: [
    {
      name: 'done without a person',
      data: withTasks(stage2Case(), { safe_adult: { status: 'done', date: '2026-10-02' } }),
      problems: [{ path: '/tasks/safe_adult/person', message: 'the safe adult task is done but names no one: give the person id from people' }],
    },
    {
      name: 'done naming someone not in people',
      data: withTasks(stage2Case(), { safe_adult: { status: 'done', date: '2026-10-02', person: 'aunt' } }),
      problems: [{ path: '/tasks/safe_adult/person', message: 'the safe adult "aunt" is not a person id in people' }],
    },
    {
      name: 'after an unplanned return, no one named is a warning',
      data: { ...withTasks(stage2Case(), { safe_adult: { status: 'done' } }), stage: 5, return: { unplanned: true } },
      problems: [{ path: '/tasks/safe_adult/person', severity: 'warning' }],
    },
  ],
});
