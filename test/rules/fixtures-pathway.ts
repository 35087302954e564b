// Cases further along the pathway for the tasks/, stage1/ and stage2/ rule tables,
// built from stage1Case(): every task of the stages passed is done, with its record.
import type { CaseData, Decision } from '../../src/core/model/caseTypes.js';
import { stage1Case } from './harness.js';

const SW = 'SW T.T.';
const TM = 'TM T.M.';

/** Stage 2: assessment finished and signed off; classification and decision not started. */
export function stage2Case(): CaseData {
  const base = stage1Case();
  return {
    ...base,
    stage: 2,
    tasks: {
      case_history: { status: 'done', date: '2026-09-28', by: SW },
      engagement: { status: 'done', date: '2026-09-29', by: SW },
      family_assessment: { status: 'done', date: '2026-10-05', by: SW },
      safe_adult: { status: 'done', date: '2026-10-02', by: SW, person: 'mum' },
      written_assessment: {
        status: 'done',
        date: '2026-10-08',
        by: SW,
        recommendation: 'return_if_goals_met',
        signed_off: { by: TM, date: '2026-10-09' },
      },
      classification: { status: 'todo' },
      decision: { status: 'todo' },
      decision_shared: { status: 'todo' },
      support_if_no_return: { status: 'todo' },
    },
  };
}

/** The Decision 2 of stage3Case(), shared with every default required party. */
export function rc1Decision(overrides: Partial<Decision> = {}): Decision {
  return {
    date: '2026-10-14',
    point: 'rc1_d2',
    outcome: 'return_if_goals_met',
    signed_off: { by: TM, date: '2026-10-14' },
    shared: [
      { party: 'child', date: '2026-10-16', method: 'visit' },
      { party: 'mum', date: '2026-10-16', method: 'meeting' },
      { party: 'fc', date: '2026-10-16', method: 'phone' },
      { party: 'iro', date: '2026-10-17', method: 'email' },
    ],
    ...overrides,
  };
}

/** Stage 3: RC1 medium, signed off; Decision 2 return_if_goals_met, signed off and shared; stage 3 tasks not started. */
export function stage3Case(): CaseData {
  const base = stage2Case();
  return {
    ...base,
    stage: 3,
    tasks: {
      ...base.tasks,
      classification: { status: 'done', date: '2026-10-12', by: SW },
      decision: { status: 'done', date: '2026-10-14', by: TM },
      decision_shared: { status: 'done', date: '2026-10-17', by: SW },
      support_if_no_return: { status: 'not_applicable', reason: 'Decision is to work towards return' },
      child_views: { status: 'todo' },
      agreement: { status: 'todo' },
      relationships: { status: 'todo' },
      team_around_child: { status: 'todo' },
      backup_plan: { status: 'todo' },
    },
    classifications: [{ date: '2026-10-12', point: 'rc1_d2', level: 'medium', suggested: 'medium', by: SW, signed_off: { by: TM, date: '2026-10-13' } }],
    decisions: [rc1Decision()],
  };
}

/** A copy of `data` with some tasks replaced. */
export function withTasks(data: CaseData, tasks: CaseData['tasks']): CaseData {
  return { ...data, tasks: { ...data.tasks, ...tasks } };
}
