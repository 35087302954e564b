import { stageTimescale } from '../../src/core/rules/timeliness/stage-timescale.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const unplannedStage5 = () => {
  const c = stage5Case();
  const stage4 = { status: 'not_applicable' as const, reason: 'Parent ended s20' };
  return {
    ...c,
    tasks: { ...c.tasks, reclassification: stage4, support_review: stage4, transition_plan: stage4, readiness: stage4 },
    return: { ...c.return, unplanned: true, returned: '2025-12-01' },
  };
};

ruleTable(stageTimescale, {
  valid: [
    { name: 'stage 1 opened six weeks ago', data: stage1Case() },
    { name: 'stage 1 open exactly 8 weeks', data: { ...stage1Case(), opened: '2026-09-06' } },
    { name: 'stage 3 counted from when stage 2 work finished, not from opening', data: { ...stage3Case(), opened: '2025-01-01' } },
    { name: 'a local timescale of 30 weeks for stage 1', data: { ...stage1Case(), opened: '2026-05-01' }, config: { timescales: { stage_weeks: { 1: 30 } } } },
    { name: 'closed cases are not timed', data: { ...stage1Case(), stage: 'closed', opened: '2020-01-01', outcome: { status: 'not_returned', date: '2021-01-01' } } },
  ],
  invalid: [
    {
      name: 'one day over 8 weeks',
      data: { ...stage1Case(), opened: '2026-09-05' },
      problems: [{ path: '/stage', message: 'stage 1 (assess) has been open 8 weeks 1 day since the case opened on 2026-09-05, longer than the local timescale of 8 weeks' }],
    },
    {
      name: 'stage 1 open longer than 8 weeks',
      data: { ...stage1Case(), opened: '2026-07-01' },
      problems: [{ path: '/stage', message: 'stage 1 (assess) has been open 17 weeks 4 days since the case opened on 2026-07-01, longer than the local timescale of 8 weeks', severity: 'warning' }],
    },
    {
      name: 'stage 3 open longer than 26 weeks since the last stage 2 task',
      data: { ...stage3Case(), tasks: { ...stage3Case().tasks, decision_shared: { status: 'done', date: '2026-03-02' }, classification: { status: 'done', date: '2026-02-20' }, decision: { status: 'done', date: '2026-02-24' } } },
      problems: [{ path: '/stage', message: 'stage 3 (agree) has been open 34 weeks 6 days since stage 2 work finished on 2026-03-02, longer than the local timescale of 26 weeks' }],
    },
    {
      name: 'stage 5 after an unplanned return is counted from the return',
      data: unplannedStage5(),
      asOf: '2026-12-15',
      problems: [{ path: '/stage', message: /^stage 5 \(return_home\) has been open 54 weeks 1 day since the return home on 2025-12-01, longer than the local timescale of 52 weeks$/ }],
    },
  ],
});
