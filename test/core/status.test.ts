// buildStatus over fictional case fragments: each metric, its agreement with the
// rule that checks the same thing, filters, the attention list and suppression.
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { classify } from '../../src/core/classify/classify.js';
import { mergeSettings, type ReunifyConfig } from '../../src/core/model/config.js';
import { claReviewDue } from '../../src/core/rules/timeliness/cla-review-due.js';
import { decisionShared } from '../../src/core/rules/stage2/decision-shared.js';
import { goalRagStale } from '../../src/core/rules/stage3/goal-rag-stale.js';
import { postReturnVisits } from '../../src/core/rules/timeliness/post-return-visits.js';
import { rc3AfterUnplannedReturn } from '../../src/core/rules/timeliness/rc3-after-unplanned-return.js';
import { stageTimescale } from '../../src/core/rules/timeliness/stage-timescale.js';
import type { CaseRule } from '../../src/core/rules/types.js';
import { buildStatus, parseStatusFilter, suppressSmallCounts, type StatusCase } from '../../src/core/status/status.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { stage3Case, stage5Case } from '../rules/fixtures-later-stages.js';
import { AS_OF, stage1Case } from '../rules/harness.js';
import { present } from '../present.js';

const config = defaultConfig();
const asCase = (id: string, data: CaseData): StatusCase => ({ id, data: { ...data, id } });
const status = (cases: StatusCase[], more: Partial<Parameters<typeof buildStatus>[1]> = {}) => buildStatus(cases, { asOf: AS_OF, config, ...more });
const ruleCount = (rule: CaseRule, cases: StatusCase[], cfg: ReunifyConfig = config) =>
  cases.reduce((n, c) => n + rule.check({ stem: c.id, data: c.data, sections: () => [] }, { asOf: AS_OF, config: cfg }).length, 0);

describe('buildStatus', () => {
  it('counts open cases by stage and by the latest decision point', () => {
    const closed = { ...stage5Case(), stage: 'closed' as const, outcome: { status: 'at_home', date: '2026-10-01' } };
    const view = status([asCase('A', stage1Case()), asCase('B', stage3Case()), asCase('C', stage5Case()), asCase('D', closed)]);
    expect(view.stage_counts).toEqual({
      open: 3,
      closed: 1,
      by_stage: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 1 },
      by_decision_point: { none: 1, rc1_d2: 1, rc2_d3: 0, rc3_post_return: 1 },
    });
    expect(view.outcomes).toEqual({ home_now: 1, at_home: 1, stepped_down: 0, not_returned: 0, re_entered_care: 0 });
  });

  it('shared_before_signoff: the child or family told on an earlier day than the sign-off, or with no sign-off; the same day and professionals are not counted', () => {
    const base = stage3Case();
    const d2 = base.decisions![0]!; // Decision 2 of 2026-08-24, signed off 2026-08-24, shared 2026-08-28
    const sameDay = { ...base, decisions: [{ ...d2, shared: [{ party: 'mum', date: '2026-08-24' }] }] };
    const early = { ...base, decisions: [{ ...d2, signed_off: { by: 'TM T.M.', date: '2026-08-30' } }] };
    const unsigned = { ...base, decisions: [{ ...d2, signed_off: undefined }] };
    const professionalsOnly = {
      ...base,
      decisions: [
        {
          ...d2,
          signed_off: undefined,
          shared: [
            { party: 'iro', date: '2026-08-28' },
            { party: 'childrens_guardian', date: '2026-08-28' },
          ],
        },
      ],
    };
    const view = status([asCase('A', base), asCase('B', sameDay), asCase('C', early), asCase('D', unsigned), asCase('E', professionalsOnly)]);
    expect(view.shared_before_signoff.exceptions.map((e) => [e.id, e.signed_off, e.parties.map((p) => p.party)])).toEqual([
      ['C', '2026-08-30', ['child', 'mum', 'fc']],
      ['D', null, ['child', 'mum', 'fc']],
    ]);
    expect(view.shared_before_signoff).toMatchObject({ count: 2, cases: 2 });
    // a sign-off dated after the as-of date has not happened yet
    const later = { ...base, decisions: [{ ...d2, signed_off: { by: 'TM T.M.', date: '2026-11-20' } }] };
    expect(status([asCase('F', later)]).shared_before_signoff.exceptions[0]).toMatchObject({ id: 'F', signed_off: null });
  });

  it('signed_by_recorder: the recorder signing their own record, names compared as sign-off compares them', () => {
    const base = stage3Case();
    const c = base.classifications![0]!;
    const selfSigned = { ...base, classifications: [{ ...c, by: 'tm t.m.' }] };
    const view = status([asCase('A', base), asCase('B', selfSigned)]);
    expect(view.signed_by_recorder.exceptions).toEqual([
      {
        id: 'B',
        detail: 'classification:rc1_d2 of 2026-08-20 signed off on 2026-08-21 by the person who recorded it',
        kind: 'classification',
        point: 'rc1_d2',
        pointer: '/classifications/0',
        date: '2026-08-20',
        signed_off: '2026-08-21',
      },
    ]);
    // no name in the view
    expect(JSON.stringify(view.signed_by_recorder)).not.toMatch(/t\.m\./i);
    // not a reason to look first
    expect(view.attention.flatMap((a) => a.reasons.map((r) => r.metric))).not.toContain('signed_by_recorder');
  });

  it('not_considered: a child in a cohort with no classification, decision or recent cla_review trigger', () => {
    const drifting = { ...stage1Case(), cohorts: ['wants_to_return'], triggers: [{ type: 'cla_review', date: '2026-03-01' }] };
    const reviewed = { ...stage1Case(), cohorts: ['wants_to_return'], triggers: [{ type: 'cla_review', date: '2026-09-26' }] };
    const noCohort = { ...stage1Case(), cohorts: [] };
    const view = status([asCase('A', drifting), asCase('B', reviewed), asCase('C', noCohort), asCase('D', { ...stage3Case(), cohorts: ['edge_of_care'] })]);
    expect(view.not_considered.count).toBe(1);
    expect(view.not_considered.exceptions).toEqual([
      expect.objectContaining({
        id: 'A',
        cohorts: ['wants_to_return'],
        last_considered: '2026-03-01',
        detail: expect.stringContaining('nothing since 2026-03-01'),
      }),
    ]);
    const tighter = buildStatus([asCase('B', reviewed)], { asOf: AS_OF, config: mergeSettings(config, { status: { not_considered_days: 30 } }) });
    expect(tighter.not_considered.count).toBe(1);
  });

  it('overdue_tasks: the open tasks of a stage past its timescale, as the stage-timescale rule sees it', () => {
    const late = { ...stage1Case(), opened: '2026-06-01' };
    const cases = [asCase('A', late), asCase('B', stage1Case()), asCase('C', stage3Case())];
    const view = status(cases);
    expect(view.overdue_tasks.cases).toBe(ruleCount(stageTimescale, cases));
    expect(view.overdue_tasks.exceptions[0]).toMatchObject({
      id: 'A',
      stage: 1,
      timescale_weeks: 8,
      tasks: ['case_history', 'engagement', 'family_assessment', 'safe_adult', 'written_assessment'],
    });
    expect(view.overdue_tasks.count).toBe(5);
  });

  it('awaiting_signoff: written assessments, classifications and decisions without signed_off', () => {
    const data = stage3Case();
    data.tasks.written_assessment = { status: 'done', date: '2026-06-20', by: 'SW T.T.', recommendation: 'return_if_goals_met' };
    const { signed_off: _c, ...classification } = present(data.classifications?.[0], 'a classification');
    const { signed_off: _d, ...decision } = present(data.decisions?.[0], 'a decision');
    const view = status([asCase('A', { ...data, classifications: [classification], decisions: [decision] })]);
    expect(view.awaiting_signoff).toMatchObject({ count: 3, cases: 1, by_kind: { written_assessment: 1, classification: 1, decision: 1 } });
    expect(view.awaiting_signoff.exceptions.map((e) => e.item)).toEqual(['written_assessment', 'classification:rc1_d2', 'decision:rc1_d2']);
  });

  it('risk_mix: open cases by latest level, and movement RC1 → RC2 → RC3', () => {
    const view = status([asCase('A', stage1Case()), asCase('B', stage3Case()), asCase('C', stage5Case())]);
    expect(view.risk_mix.by_level).toEqual({ low: 1, medium: 1, high: 0, very_high: 0, none: 1 });
    // stage5Case: high → medium → low
    expect(view.risk_mix.movement).toEqual({ rc1_to_rc2: { up: 0, down: 1, same: 0 }, rc2_to_rc3: { up: 0, down: 1, same: 0 } });
  });

  it('overrides: level differs from suggestion, by category, with a rate', () => {
    const view = status([asCase('B', stage3Case()), asCase('C', stage5Case())]);
    expect(view.overrides).toMatchObject({ count: 1, classifications: 4, rate: 0.25 });
    expect(view.overrides.by_category).toMatchObject({ single_severe_concern: 1, strong_protective_context: 0, none: 0 });
  });

  it('decisions_not_shared agrees with rule stage2/decision-shared', () => {
    // stage5Case's decisions carry no sharing records; stage3Case's are complete
    const cases = [asCase('B', stage3Case()), asCase('C', stage5Case())];
    const view = status(cases);
    const missingParties = view.decisions_not_shared.exceptions.reduce((n, e) => n + e.parties.length, 0);
    expect(missingParties).toBe(ruleCount(decisionShared, cases));
    expect(view.decisions_not_shared).toMatchObject({ count: 3, cases: 1 });
  });

  it('reviews_due: overdue CLA reviews agree with rule timeliness/cla-review-due; due-soon ones are listed too', () => {
    const overdue = { ...stage1Case(), cla_reviews: [], child: { ...stage1Case().child, looked_after_since: '2026-08-03' } };
    const soon = { ...stage1Case(), cla_reviews: ['2026-08-20'], child: { ...stage1Case().child, looked_after_since: '2026-08-01' } };
    const cases = [asCase('A', overdue), asCase('B', soon), asCase('C', stage1Case())];
    const view = status(cases);
    expect(view.reviews_due.cla.overdue).toBe(ruleCount(claReviewDue, cases));
    expect(view.reviews_due.exceptions).toEqual([
      expect.objectContaining({ id: 'A', review: 'cla', due: '2026-09-01', overdue: true }),
      expect.objectContaining({ id: 'B', review: 'cla', due: '2026-11-20', overdue: false }),
    ]);
  });

  it('reviews_due: post-return visits agree with rule timeliness/post-return-visits', () => {
    const home = stage5Case();
    home.return = { ...home.return, returned: '2026-07-01', visits: [{ date: '2026-08-01', seen_alone: true }] };
    const cases = [asCase('A', home)];
    const view = status(cases);
    expect(view.reviews_due.post_return_visits.overdue).toBe(1);
    expect(ruleCount(postReturnVisits, cases)).toBe(1);
    expect(view.reviews_due.exceptions).toContainEqual(expect.objectContaining({ id: 'A', review: 'post_return_visit', due: '2026-09-12', overdue: true }));
  });

  it('reviews_due: post-return classifications overdue after an unplanned return agree with rule timeliness/rc3-after-unplanned-return', () => {
    const none = stage5Case();
    none.return = { ...none.return, unplanned: true, returned: '2026-05-15' };
    none.classifications = (none.classifications ?? []).filter((c) => c.point !== 'rc3_post_return');
    const unsigned = stage5Case();
    unsigned.return = { ...unsigned.return, unplanned: true, returned: '2026-05-15' };
    unsigned.classifications = [{ date: '2026-06-05', point: 'rc3_post_return', level: 'high', suggested: 'high', by: 'SW R.M.' }];
    const signed = stage5Case();
    signed.return = { ...signed.return, unplanned: true, returned: '2026-05-15' };
    signed.classifications = [
      { date: '2026-06-05', point: 'rc3_post_return', level: 'high', suggested: 'high', by: 'SW R.M.', signed_off: { by: 'TM D.E.', date: '2026-06-08' } },
    ];
    const recent = stage5Case();
    recent.return = { ...recent.return, unplanned: true, returned: '2026-10-20' };
    recent.classifications = [];
    const cases = [asCase('A', none), asCase('B', unsigned), asCase('C', signed), asCase('D', recent)];
    const view = status(cases);
    expect(ruleCount(rc3AfterUnplannedReturn, cases)).toBe(2);
    expect(view.reviews_due.rc3_after_unplanned_return).toEqual({ overdue: 2, within_days: 28 });
    const rc3 = view.reviews_due.exceptions.filter((e) => e.review === 'rc3_post_return');
    expect(rc3.map((e) => [e.id, e.due, e.overdue])).toEqual([
      ['A', '2026-06-12', true],
      ['B', '2026-06-12', true],
    ]);
  });

  it('detail lines put a count of one in the singular: overdue by 1 day', () => {
    const home = stage5Case();
    home.return = { ...home.return, unplanned: true, returned: '2026-10-03' };
    home.classifications = [];
    const view = status([asCase('A', home)]);
    expect(view.reviews_due.exceptions).toContainEqual(
      expect.objectContaining({ review: 'rc3_post_return', detail: expect.stringContaining('overdue by 1 day (due 2026-10-31)') }),
    );
  });

  it('goals_red: a latest red goal, or a goal not rated for goal_rag_stale_days (as rule stage3/goal-rag-stale)', () => {
    const red = stage3Case();
    present(red.agreement!.goals![0]).progress = [{ date: '2026-10-20', rag: 'red' }];
    const stale = stage3Case();
    present(stale.agreement!.goals![0]).progress = [{ date: '2026-08-01', rag: 'amber' }];
    const cases = [asCase('A', red), asCase('B', stale), asCase('C', stage3Case())];
    const view = status(cases);
    expect(view.goals_red).toMatchObject({ count: 2, red: 1, stale: 1, stale_days: 56 });
    expect(view.goals_red.stale).toBe(ruleCount(goalRagStale, cases));
  });

  it('post_return_alerts: missing after the return, a new adult not ruled out, unplanned returns, among children home', () => {
    const missing = {
      ...stage5Case(),
      triggers: [
        { type: 'missing_episode', date: '2026-03-01' },
        { type: 'missing_episode', date: '2026-06-02' },
      ],
    };
    const adult = { ...stage5Case(), factors: [{ id: 'new_household_adult', status: 'unknown' as const }] };
    const adultRuledOut = {
      ...stage5Case(),
      factors: [
        { id: 'new_household_adult', status: 'unknown' as const, as_of: '2026-01-01' },
        { id: 'new_household_adult', status: 'absent' as const, as_of: '2026-06-01' },
      ],
    };
    const unplanned = { ...stage5Case(), return: { ...stage5Case().return, unplanned: true } };
    const view = status([asCase('A', missing), asCase('B', adult), asCase('C', adultRuledOut), asCase('D', unplanned), asCase('E', stage3Case())]);
    expect(view.post_return_alerts).toMatchObject({ home: 4, count: 3, missing_episode: 1, new_household_adult: 1, unplanned_return: 1 });
    expect(view.post_return_alerts.exceptions[0]).toMatchObject({ id: 'A', detail: 'missing since the return on 2026-06-02' });
  });

  it('post_return_alerts: a new adult is read from the entries that stand on the as-of date, as classify reads them', () => {
    type Entry = NonNullable<CaseData['factors']>[number];
    const home = (...factors: Omit<Entry, 'id'>[]) => ({ ...stage5Case(), factors: factors.map((f) => ({ id: 'new_household_adult', ...f })) as Entry[] });
    const cases = [
      // an undated entry counts as the oldest: a dated absent supersedes it
      asCase('A', home({ status: 'unknown' }, { status: 'absent', as_of: '2026-10-01' })),
      // an entry dated after the as-of date is left out: the unknown still stands
      asCase('B', home({ status: 'unknown', as_of: '2026-09-01' }, { status: 'absent', as_of: '2026-11-20' })),
      // a later unknown supersedes an earlier absent
      asCase('C', home({ status: 'absent', as_of: '2026-09-01' }, { status: 'unknown', as_of: '2026-10-01' })),
      // an undated entry never supersedes a dated one, wherever it is in the file
      asCase('D', home({ status: 'absent', as_of: '2026-10-01' }, { status: 'present' })),
      // one entry stands per person: an adult ruled out does not rule out another
      asCase('E', home({ status: 'absent', person: 'mum', as_of: '2026-10-01' }, { status: 'partly', person: 'dad', as_of: '2026-09-01' })),
      // only the standing entry: present superseded by absent is no alert
      asCase('F', home({ status: 'present', as_of: '2026-08-01' }, { status: 'absent', as_of: '2026-10-15' })),
    ];
    const view = status(cases);
    expect(view.post_return_alerts.exceptions.filter((e) => e.alerts.includes('new_household_adult')).map((e) => [e.id, e.detail])).toEqual([
      ['B', 'new_household_adult unknown'],
      ['C', 'new_household_adult unknown'],
      ['E', 'new_household_adult partly'],
    ]);
    expect(view.post_return_alerts.new_household_adult).toBe(3);
    // the same reading as the classification engine: its gaps are the standing unknowns
    for (const c of cases) {
      const gap = classify(c.data, config, AS_OF).gaps.some((g) => g.factor === 'new_household_adult');
      expect(gap, c.id).toBe(['B', 'C'].includes(c.id));
    }
  });

  it('cost_exposure: support for returns in progress; failed-return cost for those at high or without support', () => {
    const high = stage5Case();
    high.classifications = [...high.classifications!, { date: '2026-10-20', point: 'rc3_post_return', level: 'high', suggested: 'high', by: 'SW J.P.' }];
    const unsupported = { ...stage5Case(), return: { ...stage5Case().return, support_package: [] } };
    const view = status([asCase('A', high), asCase('B', unsupported), asCase('C', stage5Case())]);
    expect(view.cost_exposure).toMatchObject({
      label: expect.stringMatching(/estimate.*not a forecast/),
      preset: 'nspcc-2024',
      figures: { failed_return: 105804, support: 7857 },
      returns_in_progress: 3,
      support_cost: 3 * 7857,
      at_risk: 2,
      failed_return_cost_if_broken_down: 2 * 105804,
    });
  });

  it('cohorts count open cases, every cohort id listed', () => {
    const view = status([
      asCase('A', { ...stage1Case(), cohorts: ['wants_to_return', 'edge_of_care'] }),
      asCase('B', { ...stage1Case(), cohorts: ['wants_to_return'] }),
    ]);
    expect(view.cohorts).toMatchObject({ wants_to_return: 2, edge_of_care: 1, pre_proceedings: 0 });
  });

  it('--filter and --team select cases before anything is counted', () => {
    const cases = [
      asCase('A', stage1Case()),
      asCase('B', stage3Case()),
      asCase('C', { ...stage5Case(), team: { social_worker: 'SW J.P.', team_manager: 'TM A.O.' } }),
    ];
    const parsed = parseStatusFilter(['stage=3,stage=5', 'level=low'], config);
    expect(parsed).toEqual({ filter: { stage: ['3', '5'], level: ['low'] } });
    const view = status(cases, { filter: 'filter' in parsed ? parsed.filter : undefined });
    expect(view.scope).toMatchObject({ cases: 1, filter: { stage: ['3', '5'], level: ['low'] } });
    expect(status(cases, { team: 'tm  t.m.' }).scope.cases).toBe(2);
    expect(status(cases, { team: 'SW J.P.' }).scope.cases).toBe(1);
    expect(parseStatusFilter(['colour=red'], config)).toEqual({ error: expect.stringContaining('unknown key "colour"') });
    expect(parseStatusFilter(['stage=9'], config)).toEqual({ error: expect.stringContaining('"9" is not one of') });
  });

  it('the attention list puts harm at home before drift, and names cases by id only', () => {
    const late = { ...stage1Case(), opened: '2026-06-01' };
    const unplanned = { ...stage5Case(), return: { ...stage5Case().return, unplanned: true } };
    const view = status([asCase('LATE', late), asCase('HOME', unplanned)]);
    expect(view.attention.map((a) => a.id)).toEqual(['HOME', 'LATE']);
    expect(present(view.attention[0]).reasons[0]).toEqual({ metric: 'post_return_alerts', text: 'unplanned return on 2026-04-01' });
    expect(JSON.stringify(view)).not.toMatch(/Ms A|Child T|alcohol/i);
  });

  it('suppressSmallCounts hides counts 1..N-1, the rates and costs built on them, and every case list', () => {
    const view = status([asCase('A', stage1Case()), asCase('B', stage3Case()), asCase('C', stage5Case())]);
    const shared = suppressSmallCounts(view, 3);
    // three parts "<3" adding up to a shown 3 would each be 1: the totals they add up to are hidden too
    expect(shared.scope).toMatchObject({ cases: '[c]', open: '[c]', closed: '[c]', shared: true });
    expect(shared.stage_counts.by_stage).toEqual({ 1: '<3', 2: 0, 3: '<3', 4: 0, 5: '<3' });
    expect(shared.stage_counts.open).toBe('[c]');
    expect(shared.overrides).toMatchObject({ count: '<3', rate: null });
    expect(shared.cost_exposure).toMatchObject({
      returns_in_progress: '<3',
      support_cost: null,
      figures: { failed_return: 105804, support: 7857 },
      year: 2024,
    });
    expect(shared.reviews_due.within_days).toBe(28);
    expect(JSON.stringify(shared)).not.toMatch(/"exceptions"|"attention"|"A"|"B"|"C"/);
    // 0 or 1 turns suppression off but still leaves out case lists
    expect(suppressSmallCounts(view, 0).stage_counts.by_stage[1]).toBe(1);
  });

  it('complementary suppression: no hidden count can be recovered from a total or by subtraction', () => {
    const stages = [stage1Case, stage3Case, stage5Case];
    const sums: [string, string[]][] = [
      ['scope.cases', ['scope.open', 'scope.closed']],
      ['stage_counts.open', ['stage_counts.by_stage.*']],
      ['stage_counts.open', ['stage_counts.by_decision_point.*']],
      ['stage_counts.open', ['risk_mix.by_level.*']],
      ['overrides.count', ['overrides.by_category.*']],
      ['awaiting_signoff.count', ['awaiting_signoff.by_kind.*']],
    ];
    const get = (o: unknown, path: string): unknown[] => {
      const [head, ...rest] = path.split('.');
      const here = head === '*' ? Object.values(o as object) : [(o as Record<string, unknown>)[present(head)]];
      return rest.length ? here.flatMap((v) => get(v, rest.join('.'))) : here;
    };
    for (let n = 1; n <= 14; n++) {
      // caseloads of 1..14 children in a mix of stages, one closed from 4 on
      const cases = Array.from({ length: n }, (_, i) => {
        const data = present(stages[(i * 7) % 3])();
        return asCase(`C${i}`, i === 3 ? { ...data, stage: 'closed' as const, outcome: { status: 'at_home', date: '2026-05-01' } } : data);
      });
      const view = status(cases);
      const shared = suppressSmallCounts(view, 5);
      // the case: a hidden `closed` never beside a shown total and a shown open
      if (view.scope.closed > 0) expect([shared.scope.cases, shared.scope.open].every((v) => typeof v === 'number')).toBe(false);
      for (const [total, partPaths] of sums) {
        const cells = [get(shared, total)[0], ...partPaths.flatMap((p) => get(shared, p))];
        const hidden = cells.filter((v) => typeof v === 'string');
        if (hidden.length === 0) continue;
        // a hidden part: the total is hidden and so is at least one other part, whenever there are two
        expect(typeof cells[0], `${total} shown beside a hidden part (n=${n})`).toBe('string');
        if (cells.length > 2) expect(hidden.length, `${total}: one hidden part alone (n=${n})`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('status --shared hides counts below 5 by default', () => {
    expect(defaultConfig().status.suppress_below).toBe(5);
  });

  it('is pure: the same input gives the same view', () => {
    const cases = [asCase('A', stage1Case()), asCase('C', stage5Case())];
    expect(status(cases)).toEqual(status(cases));
  });
});
