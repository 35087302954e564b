import { teamAroundChild } from '../../src/core/rules/stage3/team-around-child.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const team = (c: CaseData, team_around_child: string[] | undefined, tasks: object = {}): CaseData => ({
  ...c,
  agreement: { ...c.agreement, team_around_child },
  tasks: { ...c.tasks, ...tasks },
});
const WHAT = 'but the agreement names no one in the team around the child (team_around_child)';

ruleTable(teamAroundChild, {
  valid: [
    { name: 'stage 3, task done, team named', data: stage3Case() },
    { name: 'stage 3, task in progress, no team yet', data: team(stage3Case(), undefined, { team_around_child: { status: 'in_progress' } }) },
    { name: 'stage 5, team named', data: stage5Case() },
  ],
  invalid: [
    {
      name: 'stage 3, task done, empty list',
      data: team(stage3Case(), []),
      problems: [{ path: '/agreement/team_around_child', message: `task team_around_child is done ${WHAT}`, severity: 'error' }],
    },
    {
      name: 'stage 4, only blank names',
      data: team({ ...stage3Case(), stage: 4 }, [''], { team_around_child: { status: 'in_progress' } }),
      problems: [{ path: '/agreement/team_around_child', message: `the case is at stage 4 ${WHAT}` }],
    },
    {
      name: 'after an unplanned return it is a warning',
      data: { ...team(stage5Case(), undefined), return: { ...stage5Case().return, unplanned: true } },
      problems: [{ path: '/agreement/team_around_child', message: `the case is at stage 5 ${WHAT}`, severity: 'warning' }],
    },
  ],
});
