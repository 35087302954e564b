import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseData, FactorEntry, Goal } from '../../src/core/model/caseTypes.js';
import { classificationSettingProblems, classify, type Contribution } from '../../src/core/classify/classify.js';
import { classificationEntry, outcomeProblem, overrideProblems } from '../../src/core/classify/classificationRecord.js';
import { mergeSettings, type ReunifyConfig } from '../../src/core/model/config.js';
import { FACTORS, LEVELS, type FactorStatus, type Level, type StageValue } from '../../src/core/model/ids.js';
import { compareWithBaseline } from '../../src/core/classify/reclassify.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { present } from '../present.js';

const AS_OF = '2026-11-01';
const DEFAULTS = defaultConfig();
const withConfig = (over: Record<string, unknown>): ReunifyConfig => mergeSettings(defaultConfig(), over);

/** A stage-2 case with nothing that scores: a young child, clean history, one parent to return to. */
function baseCase(over: Partial<CaseData> = {}): CaseData {
  return {
    reunify: 1,
    id: 'RF-T100',
    stage: 2,
    opened: '2026-06-01',
    child: { ref: 'Child T', dob: '2020-03-02', looked_after_since: '2026-05-01', legal_status: 's20' },
    team: { social_worker: 'SW T.T.' },
    people: [
      { id: 'mum', ref: 'Ms T', relation: 'mother', pr: true, household: true, returning_to: true },
      { id: 'dad', ref: 'Mr T', relation: 'father', pr: true, household: false },
    ],
    history: { entries_to_care: 1, previous_returns: 0, failed_returns: 0, parent_prior_removals: 0, missing_episodes: 0 },
    capacity_to_change: [{ person: 'mum', rating: 'emerging', as_of: '2026-05-01' }],
    tasks: {},
    ...over,
  };
}

const f = (id: string, status: FactorStatus, more: Partial<FactorEntry> = {}): FactorEntry => ({ id, status, as_of: '2026-10-01', ...more });
const withFactors = (...factors: FactorEntry[]) => baseCase({ factors });
const lineFor = (contributions: Contribution[], factor: string) => contributions.filter((c) => c.factor === factor);
const counted = (contributions: Contribution[]) => contributions.filter((c) => c.points !== 0);

describe('shipped settings', () => {
  it('thresholds and key weights are the documented ones (docs/classification.md)', () => {
    const s = DEFAULTS.classification;
    expect(s.thresholds).toEqual({ medium: 3, high: 7, very_high: 12 });
    expect(s.partly_fraction).toBe(0.5);
    expect(s.weights.parental_substance_misuse).toBe(4);
    expect(s.capacity_points).toEqual({ demonstrated: -2, emerging: 0, limited: 2, not_shown: 3 });
    expect(s.goal_points).toEqual({ green: -1, amber: 0, red: 2, overdue: 1 });
    expect(s.notice).toMatch(/not a validated actuarial instrument/);
    expect(s.notice).toMatch(/not a probability/);
  });

  it('weights every framework factor with a whole number, and static factors alone stay below high', () => {
    const s = DEFAULTS.classification;
    for (const def of FACTORS) expect(Number.isInteger(s.weights[def.id]), def.id).toBe(true);
    const statics = FACTORS.filter((d) => d.static && d.kind === 'risk').reduce((sum, d) => sum + present(s.weights[d.id]), 0);
    expect(statics).toBeLessThan(s.thresholds.high);
    expect(classificationSettingProblems(DEFAULTS)).toEqual([]);
  });
});

describe('level boundaries (default thresholds 3, 7, 12)', () => {
  const table: { name: string; factors: FactorEntry[]; score: number; level: Level }[] = [
    { name: 'nothing recorded', factors: [], score: 0, level: 'low' },
    { name: 'just below medium', factors: [f('parental_substance_misuse', 'partly'), f('parental_isolation', 'partly')], score: 2.5, level: 'low' },
    { name: 'at medium', factors: [f('domestic_abuse', 'present')], score: 3, level: 'medium' },
    {
      name: 'just below high',
      factors: [f('parental_substance_misuse', 'present'), f('new_household_adult', 'present'), f('parental_isolation', 'partly')],
      score: 6.5,
      level: 'medium',
    },
    { name: 'at high', factors: [f('parental_substance_misuse', 'present'), f('domestic_abuse', 'present')], score: 7, level: 'high' },
    {
      name: 'just below very high',
      factors: [
        f('parental_substance_misuse', 'present'),
        f('domestic_abuse', 'present'),
        f('problems_unaddressed', 'present'),
        f('parental_isolation', 'partly'),
        f('parental_ambivalence', 'partly'),
      ],
      score: 11.5,
      level: 'high',
    },
    {
      name: 'at very high',
      factors: [
        f('parental_substance_misuse', 'present'),
        f('domestic_abuse', 'present'),
        f('problems_unaddressed', 'present'),
        f('new_household_adult', 'present'),
      ],
      score: 12,
      level: 'very_high',
    },
    { name: 'protective factors take points off', factors: [f('domestic_abuse', 'present'), f('household_change', 'present')], score: 0, level: 'low' },
  ];
  for (const row of table) {
    it(row.name, () => {
      const s = classify(withFactors(...row.factors), DEFAULTS, AS_OF);
      expect(s.score).toBe(row.score);
      expect(s.level).toBe(row.level);
      expect(s.scoreLevel).toBe(row.level);
    });
  }

  it('the score is the sum of every line, and every line is weight × fraction', () => {
    const s = classify(withFactors(f('parental_substance_misuse', 'partly'), f('extended_family_support', 'present')), DEFAULTS, AS_OF);
    for (const c of s.contributions) expect(c.points).toBe(c.weight * c.fraction);
    expect(s.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(s.score);
    expect(lineFor(s.contributions, 'extended_family_support')[0]).toMatchObject({
      kind: 'protective',
      weight: -2,
      fraction: 1,
      points: -2,
      source: 'entered',
      evidence: '/factors/1',
    });
  });
});

describe('static factors derived from history and dob', () => {
  const table: { name: string; history?: CaseData['history']; factor: string; status: FactorStatus; points: number; evidence: string }[] = [
    {
      name: 'a failed return',
      history: { failed_returns: 1 },
      factor: 'previous_failed_return',
      status: 'present',
      points: 2,
      evidence: '/history/failed_returns',
    },
    {
      name: 'no failed return',
      history: { failed_returns: 0 },
      factor: 'previous_failed_return',
      status: 'absent',
      points: 0,
      evidence: '/history/failed_returns',
    },
    { name: 'failed returns not counted', history: {}, factor: 'previous_failed_return', status: 'unknown', points: 0, evidence: '/history/failed_returns' },
    {
      name: 'earlier removals',
      history: { parent_prior_removals: 2 },
      factor: 'previous_child_removals',
      status: 'present',
      points: 2,
      evidence: '/history/parent_prior_removals',
    },
    {
      name: 'no earlier removals',
      history: { parent_prior_removals: 0 },
      factor: 'previous_child_removals',
      status: 'absent',
      points: 0,
      evidence: '/history/parent_prior_removals',
    },
    {
      name: 'missing episodes counted',
      history: { missing_episodes: 3 },
      factor: 'missing_episodes',
      status: 'present',
      points: 2,
      evidence: '/history/missing_episodes',
    },
    { name: 'no history at all', history: undefined, factor: 'missing_episodes', status: 'unknown', points: 0, evidence: '/history/missing_episodes' },
  ];
  for (const row of table) {
    it(row.name, () => {
      const s = classify(baseCase({ history: row.history }), DEFAULTS, AS_OF);
      const [line] = lineFor(s.contributions, row.factor);
      expect(line).toMatchObject({ status: row.status, points: row.points, evidence: row.evidence, source: 'derived from history' });
      expect(s.gaps.some((g) => g.factor === row.factor)).toBe(row.status === 'unknown');
    });
  }

  it('an entered missing_episodes entry wins over the history count', () => {
    const s = classify(baseCase({ history: { missing_episodes: 4 }, factors: [f('missing_episodes', 'partly')] }), DEFAULTS, AS_OF);
    expect(lineFor(s.contributions, 'missing_episodes')).toEqual([
      expect.objectContaining({ status: 'partly', points: 1, source: 'entered', evidence: '/factors/0' }),
    ]);
  });

  it('an unplanned return counts from return.unplanned', () => {
    const s = classify(baseCase({ stage: 5, return: { unplanned: true, returned: '2026-06-01' } }), DEFAULTS, AS_OF);
    expect(lineFor(s.contributions, 'unplanned_return')[0]).toMatchObject({ status: 'present', points: 1, evidence: '/return/unplanned' });
  });

  const ages: { name: string; over: Partial<CaseData>; status: FactorStatus; evidence: string }[] = [
    {
      name: 'on the 10th birthday at the planned return: not over 10',
      over: { transition: { planned_return: '2026-12-01' }, child: { ...baseCase().child, dob: '2016-12-01' } },
      status: 'absent',
      evidence: '/transition/planned_return',
    },
    {
      name: 'the day after: over 10',
      over: { transition: { planned_return: '2026-12-02' }, child: { ...baseCase().child, dob: '2016-12-01' } },
      status: 'present',
      evidence: '/transition/planned_return',
    },
    {
      name: 'no planned return: age at the as-of date',
      over: { child: { ...baseCase().child, dob: '2016-10-31' } },
      status: 'present',
      evidence: '/child/dob',
    },
    { name: 'no planned return, 10 tomorrow', over: { child: { ...baseCase().child, dob: '2016-11-02' } }, status: 'absent', evidence: '/child/dob' },
    {
      name: 'after the return, the age on the day the child went home',
      over: { stage: 5, return: { returned: '2026-05-01' }, transition: { planned_return: '2026-04-01' }, child: { ...baseCase().child, dob: '2016-04-15' } },
      status: 'present',
      evidence: '/return/returned',
    },
  ];
  for (const row of ages) {
    it(`child_age_over_10: ${row.name}`, () => {
      const [line] = lineFor(classify(baseCase(row.over), DEFAULTS, AS_OF).contributions, 'child_age_over_10');
      expect(line).toMatchObject({ status: row.status, source: 'derived from dob', evidence: row.evidence, static: true });
    });
  }

  it('a static factor entered by hand as well is counted once, from history', () => {
    const s = classify(baseCase({ history: { failed_returns: 1 }, factors: [f('previous_failed_return', 'present')] }), DEFAULTS, AS_OF);
    const lines = lineFor(s.contributions, 'previous_failed_return');
    expect(lines).toHaveLength(2);
    expect(counted(lines)).toEqual([expect.objectContaining({ source: 'derived from history', points: 2 })]);
    expect(lines[1]).toMatchObject({ source: 'entered', points: 0, note: 'counted once, from /history/failed_returns' });
    expect(s.score).toBe(2);
  });

  it('an entered static factor counts when history does not say', () => {
    const s = classify(baseCase({ history: {}, factors: [f('previous_failed_return', 'present')] }), DEFAULTS, AS_OF);
    expect(counted(lineFor(s.contributions, 'previous_failed_return'))).toEqual([expect.objectContaining({ source: 'entered', points: 2 })]);
  });
});

describe('entered factors', () => {
  it('unknown is a gap to assess with no points, never absent', () => {
    const s = classify(withFactors(f('domestic_abuse', 'unknown'), f('new_household_adult', 'unknown', { as_of: undefined })), DEFAULTS, AS_OF);
    expect(s.score).toBe(0);
    expect(s.gaps.map((g) => [g.factor, g.evidence])).toEqual([
      ['domestic_abuse', '/factors/0'],
      ['new_household_adult', '/factors/1'],
    ]);
    expect(lineFor(s.contributions, 'domestic_abuse')[0]).toMatchObject({ status: 'unknown', fraction: 0, points: 0 });
  });

  it('partly counts the configured fraction', () => {
    expect(classify(withFactors(f('parental_substance_misuse', 'partly')), DEFAULTS, AS_OF).score).toBe(2);
    const quarter = withConfig({ classification: { partly_fraction: 0.25 } });
    expect(classify(withFactors(f('parental_substance_misuse', 'partly')), quarter, AS_OF).score).toBe(1);
  });

  it('one factor recorded for two parents counts once, at its strongest', () => {
    const s = classify(
      withFactors(f('parental_substance_misuse', 'partly', { person: 'mum' }), f('parental_substance_misuse', 'present', { person: 'dad' })),
      DEFAULTS,
      AS_OF,
    );
    expect(s.score).toBe(4);
    expect(lineFor(s.contributions, 'parental_substance_misuse')[0]).toMatchObject({ points: 0, note: 'counted once, at /factors/1' });
  });

  it('a later entry for the same factor supersedes an earlier one', () => {
    const s = classify(
      withFactors(f('domestic_abuse', 'present', { as_of: '2026-05-01' }), f('domestic_abuse', 'absent', { as_of: '2026-10-01' })),
      DEFAULTS,
      AS_OF,
    );
    expect(s.score).toBe(0);
    expect(lineFor(s.contributions, 'domestic_abuse')[0]).toMatchObject({ evidence: '/factors/0', points: 0, note: 'superseded by /factors/1' });
  });

  it('an unknown superseded by a later entry is no longer a gap', () => {
    const s = classify(
      withFactors(
        f('new_household_adult', 'unknown', { as_of: '2026-09-01' }),
        f('new_household_adult', 'absent', { as_of: '2026-10-01', evidence: 'Lodger moved out' }),
      ),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps).toEqual([]);
    expect(lineFor(s.contributions, 'new_household_adult')).toMatchObject([
      { evidence: '/factors/0', status: 'unknown', points: 0, note: 'superseded by /factors/1' },
      { evidence: '/factors/1', status: 'absent', points: 0 },
    ]);
  });

  it('an undated unknown is superseded by any dated entry, wherever it sits in the file', () => {
    const s = classify(
      withFactors(f('domestic_abuse', 'present', { as_of: '2026-06-01' }), f('domestic_abuse', 'unknown', { as_of: undefined })),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps).toEqual([]);
    expect(s.score).toBe(3);
  });

  it('an unknown that stands is still a gap, though an earlier entry was known', () => {
    const s = classify(
      withFactors(f('domestic_abuse', 'absent', { as_of: '2026-06-01' }), f('domestic_abuse', 'unknown', { as_of: '2026-10-01' })),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps.map((g) => g.evidence)).toEqual(['/factors/1']);
  });

  it('a later entry dated after the as-of date does not yet supersede the unknown', () => {
    const s = classify(
      withFactors(f('domestic_abuse', 'unknown', { as_of: '2026-09-01' }), f('domestic_abuse', 'absent', { as_of: '2026-11-20' })),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps.map((g) => g.evidence)).toEqual(['/factors/0']);
  });

  it('superseding is per person: an unknown for one parent stays a gap when the other parent is assessed', () => {
    const s = classify(
      withFactors(
        f('parental_mental_health', 'unknown', { person: 'dad', as_of: '2026-09-01' }),
        f('parental_mental_health', 'absent', { person: 'mum', as_of: '2026-10-01' }),
      ),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps.map((g) => [g.evidence, g.person])).toEqual([['/factors/0', 'dad']]);
  });

  it('entries dated after the as-of date are left out, with a note', () => {
    const s = classify(withFactors(f('domestic_abuse', 'present', { as_of: '2026-12-01' })), DEFAULTS, AS_OF);
    expect(s.score).toBe(0);
    expect(s.notes).toEqual(['1 factor entry is dated after 2026-11-01 and left out']);
  });

  it('a local factor addition gets the default added weight unless weighted', () => {
    const local = { id: 'housing_insecure', kind: 'risk', about: 'household', static: false, meaning: 'Fictional local factor', source: 'Local audit' };
    const config = withConfig({ additions: { factors: [local] } });
    expect(classify(withFactors(f('housing_insecure', 'present')), config, AS_OF).score).toBe(1);
    const weighted = withConfig({ additions: { factors: [local] }, classification: { weights: { housing_insecure: 3 } } });
    expect(classify(withFactors(f('housing_insecure', 'present')), weighted, AS_OF).score).toBe(3);
  });
});

describe('capacity to change', () => {
  const table: { rating: 'demonstrated' | 'emerging' | 'limited' | 'not_shown'; points: number; kind: string }[] = [
    { rating: 'demonstrated', points: -2, kind: 'protective' },
    { rating: 'emerging', points: 0, kind: 'risk' },
    { rating: 'limited', points: 2, kind: 'risk' },
    { rating: 'not_shown', points: 3, kind: 'risk' },
  ];
  for (const row of table) {
    it(`${row.rating} counts ${row.points}`, () => {
      const s = classify(baseCase({ capacity_to_change: [{ person: 'mum', rating: row.rating, as_of: '2026-10-01' }] }), DEFAULTS, AS_OF);
      expect(s.score).toBe(row.points);
      expect(lineFor(s.contributions, 'capacity_to_change')[0]).toMatchObject({
        person: 'mum',
        rating: row.rating,
        points: row.points,
        kind: row.kind,
        source: 'capacity to change',
        evidence: '/capacity_to_change/0',
      });
    });
  }

  it('counts only the parents the child would return to, when any is named', () => {
    const s = classify(
      baseCase({
        capacity_to_change: [
          { person: 'mum', rating: 'emerging' },
          { person: 'dad', rating: 'not_shown' },
        ],
      }),
      DEFAULTS,
      AS_OF,
    );
    expect(s.score).toBe(0);
    expect(lineFor(s.contributions, 'capacity_to_change')[1]).toMatchObject({ person: 'dad', points: 0, note: 'not a parent the child would return to' });
  });

  it('counts every rated parent when no one is named as returning_to', () => {
    const people = baseCase().people!.map((p) => ({ ...p, returning_to: undefined }));
    const s = classify(
      baseCase({
        people,
        capacity_to_change: [
          { person: 'mum', rating: 'limited' },
          { person: 'dad', rating: 'not_shown' },
        ],
      }),
      DEFAULTS,
      AS_OF,
    );
    expect(s.score).toBe(5);
  });

  it('a parent the child returns to with no rating is a gap', () => {
    const s = classify(baseCase({ capacity_to_change: [] }), DEFAULTS, AS_OF);
    expect(s.gaps).toEqual([expect.objectContaining({ factor: 'capacity_to_change', person: 'mum', evidence: '/capacity_to_change' })]);
  });

  it('not_assessed counts no points, is unknown and is a gap, never safety', () => {
    const s = classify(baseCase({ capacity_to_change: [{ person: 'mum', rating: 'not_assessed', as_of: '2026-10-01' }] }), DEFAULTS, AS_OF);
    expect(s.score).toBe(0);
    expect(lineFor(s.contributions, 'capacity_to_change')).toEqual([
      expect.objectContaining({ person: 'mum', rating: 'not_assessed', status: 'unknown', points: 0, note: 'not yet assessed: counted as unknown' }),
    ]);
    expect(s.gaps).toEqual([expect.objectContaining({ factor: 'capacity_to_change', person: 'mum', evidence: '/capacity_to_change/0' })]);
  });

  it('a later rating replaces not_assessed; not_assessed after a rating makes it unknown again', () => {
    const rated = classify(
      baseCase({
        capacity_to_change: [
          { person: 'mum', rating: 'not_assessed', as_of: '2026-09-01' },
          { person: 'mum', rating: 'limited', as_of: '2026-10-01' },
        ],
      }),
      DEFAULTS,
      AS_OF,
    );
    expect(rated.score).toBe(2);
    expect(rated.gaps).toEqual([]);
    const unknownAgain = classify(
      baseCase({
        capacity_to_change: [
          { person: 'mum', rating: 'demonstrated', as_of: '2026-09-01' },
          { person: 'mum', rating: 'not_assessed', as_of: '2026-10-01' },
        ],
      }),
      DEFAULTS,
      AS_OF,
    );
    expect(unknownAgain.score).toBe(0);
    expect(unknownAgain.gaps).toEqual([expect.objectContaining({ factor: 'capacity_to_change', person: 'mum' })]);
  });

  it('not_assessed for a parent the child does not return to is listed, not a gap', () => {
    const s = classify(
      baseCase({
        capacity_to_change: [
          { person: 'mum', rating: 'emerging' },
          { person: 'dad', rating: 'not_assessed' },
        ],
      }),
      DEFAULTS,
      AS_OF,
    );
    expect(s.gaps).toEqual([]);
    expect(lineFor(s.contributions, 'capacity_to_change')[1]).toMatchObject({ person: 'dad', points: 0, note: 'not a parent the child would return to' });
  });

  it('config capacity points change the score', () => {
    const config = withConfig({ classification: { capacity_points: { emerging: 1 } } });
    expect(classify(baseCase(), config, AS_OF).score).toBe(1);
  });
});

describe('goal progress (from stage 4)', () => {
  const goal = (id: string, rags: ('red' | 'amber' | 'green')[], by = '2026-12-31'): Goal => ({
    id,
    by,
    progress: rags.map((rag, i) => ({ date: `2026-0${i + 6}-01`, rag })),
  });
  const staged = (stage: StageValue, goals: Goal[]) => baseCase({ stage, agreement: { signed: '2026-05-20', goals } });

  it('does not count at stage 3', () => {
    const s = classify(staged(3, [goal('g1', ['red'])]), DEFAULTS, AS_OF);
    expect(lineFor(s.contributions, 'goal_progress')).toEqual([]);
    expect(s.point).toBe('rc2_d3');
  });

  const table: { name: string; goals: Goal[]; score: number }[] = [
    { name: 'latest RAG green takes one off', goals: [goal('g1', ['red', 'green'])], score: -1 },
    { name: 'amber scores nothing', goals: [goal('g1', ['green', 'amber'])], score: 0 },
    { name: 'red adds two', goals: [goal('g1', ['green', 'red'])], score: 2 },
    { name: 'red and overdue adds three', goals: [goal('g1', ['red'], '2026-10-01')], score: 3 },
    { name: 'green past its date is not overdue', goals: [goal('g1', ['green'], '2026-10-01')], score: -1 },
    { name: 'each goal counts', goals: [goal('g1', ['green']), goal('g2', ['red'])], score: 1 },
  ];
  for (const row of table) {
    it(row.name, () => {
      const s = classify(staged(4, row.goals), DEFAULTS, AS_OF);
      expect(s.score).toBe(row.score);
      for (const line of lineFor(s.contributions, 'goal_progress')) expect(line.source).toBe('goal progress');
    });
  }

  it('the evidence is the latest RAG entry, and the by date for overdue', () => {
    const s = classify(staged(4, [goal('g1', ['green', 'amber'], '2026-09-01')]), DEFAULTS, AS_OF);
    expect(lineFor(s.contributions, 'goal_progress').map((c) => [c.evidence, c.points, c.overdue ?? false])).toEqual([
      ['/agreement/goals/0/progress/1', 0, false],
      ['/agreement/goals/0/by', 1, true],
    ]);
  });

  it('a goal with no RAG yet is a gap', () => {
    const s = classify(staged(5, [{ id: 'g1', by: '2027-01-01' }]), DEFAULTS, AS_OF);
    expect(s.gaps).toEqual([expect.objectContaining({ factor: 'goal_progress', goal: 'g1' })]);
  });
});

describe('forcing factors', () => {
  const config = withConfig({
    classification: { forcing: [{ factor: 'new_household_adult', min_level: 'high', reason: 'An unassessed adult may pose a severe risk' }] },
  });

  it('present raises the level to the floor and says why', () => {
    const s = classify(withFactors(f('new_household_adult', 'present')), config, AS_OF);
    expect(s.score).toBe(2);
    expect(s.scoreLevel).toBe('low');
    expect(s.level).toBe('high');
    expect(s.forced).toEqual([
      { factor: 'new_household_adult', minLevel: 'high', reason: 'An unassessed adult may pose a severe risk', evidence: '/factors/0' },
    ]);
    expect(s.decision).toBe('return_if_change_evidenced');
  });

  it('partly raises it too', () => {
    expect(classify(withFactors(f('new_household_adult', 'partly')), config, AS_OF).level).toBe('high');
  });

  it('absent or unknown does not', () => {
    expect(classify(withFactors(f('new_household_adult', 'absent')), config, AS_OF).level).toBe('low');
    expect(classify(withFactors(f('new_household_adult', 'unknown')), config, AS_OF).level).toBe('low');
  });

  it('never lowers a higher score level', () => {
    const s = classify(
      withFactors(
        f('new_household_adult', 'present'),
        f('parental_substance_misuse', 'present'),
        f('domestic_abuse', 'present'),
        f('problems_unaddressed', 'present'),
      ),
      config,
      AS_OF,
    );
    expect(s.level).toBe('very_high');
  });

  it('naming an unknown factor is a config problem', () => {
    const bad = withConfig({
      classification: { forcing: [{ factor: 'no_such_factor', min_level: 'high', reason: 'x' }], weights: { also_not: 1 }, thresholds: { high: 2 } },
    });
    expect(classificationSettingProblems(bad).map((p) => p.path)).toEqual([
      '/classification/weights/also_not',
      '/classification/forcing/0/factor',
      '/classification/thresholds',
    ]);
  });
});

describe('decision point and suggested decision', () => {
  const table: { stage: StageValue; point?: string; decision?: string }[] = [
    { stage: 1 },
    { stage: 2, point: 'rc1_d2', decision: 'return_with_support' },
    { stage: 3, point: 'rc2_d3', decision: 'proceed_to_return' },
    { stage: 4, point: 'rc2_d3', decision: 'proceed_to_return' },
    { stage: 5, point: 'rc3_post_return', decision: 'step_down' },
    { stage: 'closed' },
  ];
  for (const row of table) {
    it(`stage ${row.stage}`, () => {
      const s = classify(baseCase({ stage: row.stage }), DEFAULTS, AS_OF);
      expect(s.point).toBe(row.point);
      expect(s.decision).toBe(row.decision);
    });
  }

  it('config weights and the decision map change the result', () => {
    const data = withFactors(f('parental_ambivalence', 'present'));
    expect(classify(data, DEFAULTS, AS_OF)).toMatchObject({ score: 2, level: 'low', decision: 'return_with_support' });
    const heavier = withConfig({ classification: { weights: { parental_ambivalence: 5 } } });
    expect(classify(data, heavier, AS_OF)).toMatchObject({ score: 5, level: 'medium', decision: 'return_if_goals_met' });
    const map = withConfig({ decision_map: { rc1_d2: { low: 'return_if_goals_met' } } });
    expect(classify(data, map, AS_OF).decision).toBe('return_if_goals_met');
    const thresholds = withConfig({ classification: { thresholds: { medium: 2 } } });
    expect(classify(data, thresholds, AS_OF).level).toBe('medium');
  });
});

describe('overrides', () => {
  const table: { name: string; input: Parameters<typeof overrideProblems>[0]; problems: RegExp[] }[] = [
    { name: 'level as suggested', input: { level: 'medium', suggested: 'medium' }, problems: [] },
    {
      name: 'override with category and reason',
      input: { level: 'high', suggested: 'medium', overrideCategory: 'single_severe_concern', overrideReason: 'Fictional reasoning' },
      problems: [],
    },
    {
      name: 'override without category',
      input: { level: 'high', suggested: 'medium', overrideReason: 'Fictional reasoning' },
      problems: [/give its category/],
    },
    {
      name: 'override without reason',
      input: { level: 'low', suggested: 'medium', overrideCategory: 'strong_protective_context' },
      problems: [/give the reasoning/],
    },
    {
      name: 'override with a blank reason',
      input: { level: 'low', suggested: 'medium', overrideCategory: 'strong_protective_context', overrideReason: '  ' },
      problems: [/give the reasoning/],
    },
    { name: 'override with neither', input: { level: 'very_high', suggested: 'low' }, problems: [/give its category/, /give the reasoning/] },
    {
      name: 'unknown category',
      input: { level: 'high', suggested: 'medium', overrideCategory: 'gut_feeling', overrideReason: 'x' },
      problems: [/"gut_feeling" is not an override category/],
    },
    { name: 'category without an override', input: { level: 'medium', suggested: 'medium', overrideCategory: 'other' }, problems: [/no override to explain/] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const got = overrideProblems(row.input, DEFAULTS);
      expect(got).toHaveLength(row.problems.length);
      row.problems.forEach((re, i) => expect(got[i]).toMatch(re));
    });
  }

  it('accepts a local override category from config', () => {
    const config = withConfig({ additions: { override_categories: ['panel_direction'] } });
    expect(overrideProblems({ level: 'high', suggested: 'medium', overrideCategory: 'panel_direction', overrideReason: 'x' }, config)).toEqual([]);
  });

  it('the record keeps both levels', () => {
    expect(
      classificationEntry({
        date: AS_OF,
        point: 'rc1_d2',
        level: 'high',
        suggested: 'medium',
        by: 'SW T.T.',
        overrideCategory: 'other',
        overrideReason: 'Fictional',
      }),
    ).toEqual({
      date: AS_OF,
      point: 'rc1_d2',
      level: 'high',
      suggested: 'medium',
      by: 'SW T.T.',
      override_category: 'other',
      override_reason: 'Fictional',
    });
  });

  it('an outcome must belong to the decision point', () => {
    expect(outcomeProblem('rc1_d2', 'return_if_goals_met')).toBeUndefined();
    expect(outcomeProblem('rc2_d3', 'return_if_goals_met')).toMatch(/not a decision at rc2_d3/);
    expect(outcomeProblem('rc3_post_return', 'step_down')).toBeUndefined();
  });
});

describe('reclassification against the baseline', () => {
  const rc1 = (level: Level, date = '2026-06-01') => ({ date, point: 'rc1_d2' as const, level, suggested: level, by: 'SW T.T.' });
  const compare = (data: CaseData, proposed?: Level) => {
    const s = classify(data, DEFAULTS, AS_OF);
    return { s, b: compareWithBaseline(data, DEFAULTS, s, proposed) };
  };

  it('no classification yet: nothing to compare', () => {
    const { b } = compare(baseCase());
    expect(b.latest).toBeUndefined();
    expect(b.direction).toBeUndefined();
    expect(b.flags).toEqual([]);
  });

  const directions: { name: string; baseline: Level; factors: FactorEntry[]; direction: string }[] = [
    { name: 'up', baseline: 'low', factors: [f('parental_substance_misuse', 'present'), f('domestic_abuse', 'present')], direction: 'up' },
    { name: 'same', baseline: 'medium', factors: [f('domestic_abuse', 'present')], direction: 'same' },
    {
      name: 'down',
      baseline: 'high',
      factors: [f('domestic_abuse', 'present', { as_of: '2026-05-01' }), f('domestic_abuse', 'absent', { as_of: '2026-09-01' })],
      direction: 'down',
    },
  ];
  for (const row of directions) {
    it(`direction ${row.name}`, () => {
      const { b } = compare(baseCase({ factors: row.factors, classifications: [rc1(row.baseline)] }));
      expect(b.direction).toBe(row.direction);
      expect(b.directionFromRc1).toBe(row.direction);
      expect(b.rc1?.level).toBe(row.baseline);
    });
  }

  it('lowering with a resolved dynamic risk factor is not flagged, and the change is named', () => {
    const { b } = compare(baseCase({ factors: present(directions[2]).factors, classifications: [rc1('high')] }));
    expect(b.factorChanges.find((c) => c.factor === 'domestic_abuse')).toMatchObject({ before: 'present', after: 'absent', change: 'resolved' });
    expect(b.changedSince.map((c) => c.evidence)).toContain('/factors/1');
    expect(b.flags).toEqual([]);
  });

  it('lowering with a new protective factor is not flagged', () => {
    const { b } = compare(baseCase({ factors: [f('household_change', 'present', { as_of: '2026-09-01' })], classifications: [rc1('medium')] }));
    expect(b.factorChanges.find((c) => c.factor === 'household_change')?.change).toBe('new');
    expect(b.flags).toEqual([]);
  });

  it('lowering with no such evidence is flagged for the manager, not blocked', () => {
    const { b } = compare(baseCase({ factors: [f('domestic_abuse', 'present', { as_of: '2026-05-01' })], classifications: [rc1('medium')] }), 'low');
    expect(b.flags.map((x) => x.id)).toEqual(['lowering-without-evidence']);
  });

  it('only a static factor changing is no evidence for lowering', () => {
    const data = baseCase({ history: { failed_returns: 0 }, classifications: [rc1('medium')] });
    const { b } = compare(data, 'low');
    expect(b.flags.map((x) => x.id)).toContain('lowering-without-evidence');
  });

  it('more unknowns than at the baseline are flagged', () => {
    const { b } = compare(
      baseCase({
        factors: [f('new_household_adult', 'absent', { as_of: '2026-05-01' }), f('new_household_adult', 'unknown', { as_of: '2026-09-01' })],
        classifications: [rc1('low')],
      }),
    );
    expect(b.unknownsAtBaseline).toBe(0);
    expect(b.unknownsNow).toBe(1);
    expect(b.factorChanges.find((c) => c.factor === 'new_household_adult')?.change).toBe('now_unknown');
    expect(b.flags.map((x) => x.id)).toEqual(['more-unknowns']);
  });

  it('a superseded unknown is not counted among the unknowns now or then', () => {
    const factors = [
      f('new_household_adult', 'unknown', { as_of: '2026-05-01' }),
      f('new_household_adult', 'absent', { as_of: '2026-08-01' }),
      f('domestic_abuse', 'unknown', { as_of: '2026-09-01' }),
    ];
    const { b } = compare(baseCase({ factors, classifications: [rc1('low', '2026-06-01')] }));
    expect(b.unknownsAtBaseline).toBe(1);
    expect(b.unknownsNow).toBe(1);
    expect(b.flags.map((x) => x.id)).not.toContain('more-unknowns');
  });

  it('the latest classification is the baseline; RC1 is kept beside it', () => {
    const classifications = [rc1('high', '2026-03-01'), { date: '2026-09-01', point: 'rc2_d3' as const, level: 'medium' as Level, by: 'TM T.M.' }];
    const { b } = compare(baseCase({ stage: 4, factors: [f('domestic_abuse', 'present')], classifications }));
    expect(b.latest).toMatchObject({ index: 1, level: 'medium', point: 'rc2_d3' });
    expect(b.rc1).toMatchObject({ index: 0, level: 'high' });
    expect(b.direction).toBe('same');
    expect(b.directionFromRc1).toBe('down');
  });

  it('goals met and missed since the baseline', () => {
    const goals: Goal[] = [
      {
        id: 'g1',
        by: '2026-12-01',
        progress: [
          { date: '2026-06-15', rag: 'amber' },
          { date: '2026-09-15', rag: 'green' },
        ],
      },
      { id: 'g2', by: '2026-10-01', progress: [{ date: '2026-09-15', rag: 'red' }] },
      { id: 'g3', by: '2026-12-01', progress: [{ date: '2026-06-15', rag: 'green' }] },
    ];
    const { b } = compare(baseCase({ stage: 4, agreement: { goals }, classifications: [rc1('medium', '2026-07-01')] }));
    expect(b.goalsMet).toEqual(['g1']);
    expect(b.goalsMissed).toEqual(['g2']);
  });

  it('whether the decision should change', () => {
    const decisions = [{ date: '2026-06-03', point: 'rc1_d2' as const, outcome: 'return_if_goals_met' }];
    const same = compare(baseCase({ factors: [f('domestic_abuse', 'present')], classifications: [rc1('medium')], decisions })).b;
    expect(same.latestDecision).toMatchObject({ outcome: 'return_if_goals_met' });
    expect(same.decisionShouldChange).toBe(false);
    const differs = compare(baseCase({ classifications: [rc1('medium')], decisions })).b;
    expect(differs.decisionShouldChange).toBe(true);
  });
});

describe('properties', () => {
  const risk = FACTORS.filter((d) => d.kind === 'risk').map((d) => d.id);
  const protective = FACTORS.filter((d) => d.kind === 'protective').map((d) => d.id);
  const date = fc.constantFrom('2026-03-01', '2026-07-01', '2026-10-01', undefined);
  const entry = fc.record({
    id: fc.constantFrom(...FACTORS.map((d) => d.id)),
    status: fc.constantFrom<FactorStatus>('present', 'partly', 'absent', 'unknown'),
    as_of: date,
    person: fc.constantFrom('mum', 'dad', undefined),
  });
  const count = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
  const caseArb = fc.record({
    stage: fc.constantFrom<StageValue>(2, 3, 4, 5),
    factors: fc.array(entry, { maxLength: 12 }),
    history: fc.record({ failed_returns: count, parent_prior_removals: count, missing_episodes: count }),
    rating: fc.constantFrom('demonstrated', 'emerging', 'limited', 'not_shown'),
    rags: fc.array(fc.constantFrom('red', 'amber', 'green'), { maxLength: 3 }),
    dob: fc.constantFrom('2012-01-01', '2016-11-01', '2021-05-05'),
  });
  const build = (a: typeof caseArb extends fc.Arbitrary<infer T> ? T : never): CaseData => {
    const factors = a.factors.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as FactorEntry);
    const history = Object.fromEntries(Object.entries(a.history).filter(([, v]) => v !== undefined));
    return baseCase({
      stage: a.stage,
      factors,
      history,
      child: { ...baseCase().child, dob: a.dob },
      capacity_to_change: [{ person: 'mum', rating: a.rating as 'emerging' }],
      agreement: { goals: [{ id: 'g1', by: '2026-09-01', progress: a.rags.map((rag, i) => ({ date: `2026-0${i + 5}-01`, rag: rag as 'red' })) }] },
    });
  };
  const added = (ids: string[]) => fc.record({ id: fc.constantFrom(...ids), person: fc.constantFrom('mum', 'dad', undefined) });
  const rank = (l: Level) => LEVELS.indexOf(l);
  const forcing = withConfig({ classification: { forcing: [{ factor: 'domestic_abuse', min_level: 'high', reason: 'test' }] } });

  it('adding a present risk factor never lowers the suggested level', () => {
    fc.assert(
      fc.property(caseArb, added(risk), fc.constantFrom(DEFAULTS, forcing), (a, add, config) => {
        const data = build(a);
        const before = classify(data, config, AS_OF);
        const more = {
          ...data,
          factors: [...(data.factors ?? []), { id: add.id, status: 'present' as const, as_of: AS_OF, ...(add.person ? { person: add.person } : {}) }],
        };
        const after = classify(more, config, AS_OF);
        expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
      { seed: 20261101, numRuns: 200 },
    );
  });

  it('adding a present protective factor never raises the suggested level', () => {
    fc.assert(
      fc.property(caseArb, added(protective), fc.constantFrom(DEFAULTS, forcing), (a, add, config) => {
        const data = build(a);
        const before = classify(data, config, AS_OF);
        const more = {
          ...data,
          factors: [...(data.factors ?? []), { id: add.id, status: 'present' as const, as_of: AS_OF, ...(add.person ? { person: add.person } : {}) }],
        };
        const after = classify(more, config, AS_OF);
        expect(rank(after.level)).toBeLessThanOrEqual(rank(before.level));
        expect(after.score).toBeLessThanOrEqual(before.score);
      }),
      { seed: 20261102, numRuns: 200 },
    );
  });

  it('the score is always the sum of its lines, and unknowns never score', () => {
    fc.assert(
      fc.property(caseArb, (a) => {
        const s = classify(build(a), DEFAULTS, AS_OF);
        expect(s.contributions.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(s.score, 9);
        for (const c of s.contributions) if (c.status === 'unknown') expect(c.points).toBe(0);
      }),
      { seed: 20261103, numRuns: 200 },
    );
  });
});
