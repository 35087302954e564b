import { stageTimescale } from '../../src/core/rules/timeliness/stage-timescale.js';
import type { CaseData, Decision } from '../../src/core/model/caseTypes.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';
import { present } from '../present.js';

const unplannedStage5 = () => {
  const c = stage5Case();
  const stage4 = { status: 'not_applicable' as const, reason: 'Parent ended s20' };
  return {
    ...c,
    tasks: { ...c.tasks, reclassification: stage4, support_review: stage4, transition_plan: stage4, readiness: stage4 },
    return: { ...c.return, unplanned: true, returned: '2025-12-01' },
  };
};

const signed = (date: string) => ({ by: 'TM T.M.', date });

/** Stage 2, parked on a signed-off Decision 2 of no_return with support_if_no_return done (stage 1 finished 2026-06-20). */
const noReturnStage2 = (): CaseData => {
  const c = stage3Case();
  return {
    ...c,
    stage: 2,
    tasks: {
      ...Object.fromEntries(
        Object.entries(c.tasks).filter(([t]) =>
          ['case_history', 'engagement', 'family_assessment', 'safe_adult', 'written_assessment', 'classification', 'decision', 'decision_shared'].includes(t),
        ),
      ),
      support_if_no_return: { status: 'done', date: '2026-09-01', by: 'SW T.T.' },
    },
    classifications: [{ date: '2026-08-20', point: 'rc1_d2', level: 'very_high', suggested: 'very_high', by: 'SW T.T.', signed_off: signed('2026-08-21') }],
    decisions: [{ ...present(c.decisions![0]), outcome: 'no_return' }],
    agreement: undefined,
  };
};

/** Stage 3 after a first RC2 (2026-04-17) and a Decision 3 to extend_work on 2026-04-20; stage 2 work finished 2025-11-20. */
const extendedStage3 = (decision: Partial<Decision> = {}): CaseData => {
  const c = stage3Case();
  const done = (date: string) => ({ status: 'done' as const, date, by: 'SW T.T.' });
  return {
    ...c,
    opened: '2025-09-15',
    tasks: {
      ...c.tasks,
      case_history: done('2025-10-03'),
      engagement: done('2025-09-22'),
      family_assessment: done('2025-10-24'),
      safe_adult: { ...done('2025-10-10'), person: 'gran' },
      written_assessment: { ...done('2025-10-31'), signed_off: signed('2025-11-03'), recommendation: 'return_if_goals_met' },
      classification: done('2025-11-10'),
      decision: done('2025-11-13'),
      decision_shared: done('2025-11-20'),
      child_views: done('2025-11-27'),
      agreement: done('2025-12-05'),
      team_around_child: done('2025-12-12'),
      reclassification: { status: 'in_progress' },
    },
    classifications: [
      { date: '2025-11-10', point: 'rc1_d2', level: 'medium', suggested: 'medium', by: 'SW T.T.', signed_off: signed('2025-11-11') },
      { date: '2026-04-17', point: 'rc2_d3', level: 'medium', suggested: 'medium', by: 'TM T.M.', signed_off: signed('2026-04-17') },
    ],
    decisions: [
      { ...present(c.decisions![0]), date: '2025-11-13', signed_off: signed('2025-11-13') },
      {
        date: '2026-04-20',
        point: 'rc2_d3',
        outcome: 'extend_work',
        reasons: 'Relapse in March; three to six more months of goal work',
        signed_off: signed('2026-04-20'),
        ...decision,
      },
    ],
  };
};

/** The same case back at stage 4 without any stage 3 task dated after the extension. */
const extendedStage4 = (): CaseData => {
  const c = extendedStage3();
  return {
    ...c,
    stage: 4,
    tasks: {
      ...c.tasks,
      relationships: { status: 'done', date: '2025-12-12', by: 'SW T.T.' },
      backup_plan: { status: 'done', date: '2025-12-19', by: 'SW T.T.' },
      support_review: { status: 'todo' },
      transition_plan: { status: 'todo' },
      readiness: { status: 'todo' },
    },
  };
};

ruleTable(stageTimescale, {
  valid: [
    { name: 'stage 1 opened six weeks ago', data: stage1Case() },
    { name: 'stage 1 open exactly 8 weeks', data: { ...stage1Case(), opened: '2026-09-06' } },
    { name: 'stage 3 counted from when stage 2 work finished, not from opening', data: { ...stage3Case(), opened: '2025-01-01' } },
    { name: 'a local timescale of 30 weeks for stage 1', data: { ...stage1Case(), opened: '2026-05-01' }, config: { timescales: { stage_weeks: { 1: 30 } } } },
    { name: 'a case parked at stage 2 on a no_return decision is not timed', data: noReturnStage2(), asOf: '2027-03-01' },
    {
      name: 'a case parked at stage 4 on a Decision 3 of no_return is not timed',
      data: {
        ...extendedStage4(),
        decisions: [
          ...extendedStage3().decisions!.slice(0, 1),
          { date: '2026-04-20', point: 'rc2_d3', outcome: 'no_return', signed_off: signed('2026-04-20') },
        ],
      },
      asOf: '2027-03-01',
    },
    { name: 'stage 3 after extend_work is counted from the extension (14 weeks, not 36)', data: extendedStage3(), asOf: '2026-08-01' },
    { name: 'stage 3 after extend_work: exactly 26 weeks from the extension', data: extendedStage3(), asOf: '2026-10-19' },
    { name: 'stage 4 with no stage 3 task since the extension has the stage 3 and 4 timescales together', data: extendedStage4(), asOf: '2026-12-14' },
    {
      name: 'closed cases are not timed',
      data: { ...stage1Case(), stage: 'closed', opened: '2020-01-01', outcome: { status: 'not_returned', date: '2021-01-01' } },
    },
  ],
  invalid: [
    {
      name: 'a no_return decision not yet signed off is a proposal: stage 2 is still timed',
      data: { ...noReturnStage2(), decisions: [{ ...present(noReturnStage2().decisions![0]), signed_off: undefined }] },
      asOf: '2027-03-01',
      problems: [
        {
          path: '/stage',
          message: 'stage 2 (decide) has been open 36 weeks 2 days since stage 1 work finished on 2026-06-20, longer than the local timescale of 4 weeks',
        },
      ],
    },
    {
      name: 'a no_return decision signed off after the as-of date does not stop the clock yet',
      data: { ...noReturnStage2(), decisions: [{ ...present(noReturnStage2().decisions![0]), date: '2026-07-20', signed_off: signed('2026-08-05') }] },
      asOf: '2026-08-01',
      problems: [{ path: '/stage', message: /^stage 2 \(decide\) has been open 6 weeks since stage 1 work finished on 2026-06-20/ }],
    },
    {
      name: 'a later decision to work towards return restarts the timing of the case',
      data: {
        ...noReturnStage2(),
        decisions: [
          { ...present(noReturnStage2().decisions![0]), date: '2026-08-24' },
          { ...present(stage3Case().decisions![0]), date: '2026-08-30', signed_off: signed('2026-08-30') },
        ],
      },
      problems: [{ path: '/stage', message: /^stage 2 \(decide\) has been open 19 weeks 1 day since stage 1 work finished on 2026-06-20/ }],
    },
    {
      name: 'stage 3 more than 26 weeks after the extension',
      data: extendedStage3(),
      asOf: '2026-10-20',
      problems: [
        {
          path: '/stage',
          message:
            'stage 3 (agree) has been open 26 weeks 1 day since the extend_work decision (Decision 3) on 2026-04-20, longer than the local timescale of 26 weeks',
        },
      ],
    },
    {
      name: 'an extend_work decision without sign-off does not restart the clock',
      data: extendedStage3({ signed_off: undefined }),
      asOf: '2026-08-01',
      problems: [
        {
          path: '/stage',
          message: 'stage 3 (agree) has been open 36 weeks 2 days since stage 2 work finished on 2025-11-20, longer than the local timescale of 26 weeks',
        },
      ],
    },
    {
      name: 'stage 4 more than 26 + 8 weeks after the extension',
      data: extendedStage4(),
      asOf: '2026-12-15',
      problems: [
        {
          path: '/stage',
          message:
            'stage 4 (prepare) has been open 34 weeks 1 day since the extend_work decision (Decision 3) on 2026-04-20, longer than the local timescale of 34 weeks (26 for the extended stage 3 work and 8 for stage 4)',
        },
      ],
    },
    {
      name: 'stage 4 whose stage 3 work finished after the extension has its own 8 weeks',
      data: { ...extendedStage4(), tasks: { ...extendedStage4().tasks, backup_plan: { status: 'done', date: '2026-09-01', by: 'SW T.T.' } } },
      asOf: '2026-11-01',
      problems: [
        {
          path: '/stage',
          message: 'stage 4 (prepare) has been open 8 weeks 5 days since stage 3 work finished on 2026-09-01, longer than the local timescale of 8 weeks',
        },
      ],
    },
    {
      name: 'one day over 8 weeks',
      data: { ...stage1Case(), opened: '2026-09-05' },
      problems: [
        {
          path: '/stage',
          message: 'stage 1 (assess) has been open 8 weeks 1 day since the case opened on 2026-09-05, longer than the local timescale of 8 weeks',
        },
      ],
    },
    {
      name: 'stage 1 open longer than 8 weeks',
      data: { ...stage1Case(), opened: '2026-07-01' },
      problems: [
        {
          path: '/stage',
          message: 'stage 1 (assess) has been open 17 weeks 4 days since the case opened on 2026-07-01, longer than the local timescale of 8 weeks',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'stage 3 open longer than 26 weeks since the last stage 2 task',
      data: {
        ...stage3Case(),
        tasks: {
          ...stage3Case().tasks,
          decision_shared: { status: 'done', date: '2026-03-02' },
          classification: { status: 'done', date: '2026-02-20' },
          decision: { status: 'done', date: '2026-02-24' },
        },
      },
      problems: [
        {
          path: '/stage',
          message: 'stage 3 (agree) has been open 34 weeks 6 days since stage 2 work finished on 2026-03-02, longer than the local timescale of 26 weeks',
        },
      ],
    },
    {
      name: 'stage 5 after an unplanned return is counted from the return',
      data: unplannedStage5(),
      asOf: '2026-12-15',
      problems: [
        {
          path: '/stage',
          message: /^stage 5 \(return_home\) has been open 54 weeks 1 day since the return home on 2025-12-01, longer than the local timescale of 52 weeks$/,
        },
      ],
    },
  ],
});
