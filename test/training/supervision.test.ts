// Supervision questions follow the case's own facts: cases that differ in stage,
// level change, overdue work, failed returns, missing episodes, the child's views
// or red goals get different questions, worded from those facts.
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { superviseQuestions, type SupervisionPlan } from '../../src/core/workflow/supervision.js';
import { defaultConfig } from '../../src/io/loadConfig.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';
const VIEWS = ['Case history', "Child's views"];

function base(): CaseData {
  return {
    reunify: 1,
    id: 'RF-S001',
    stage: 3,
    opened: '2026-06-01',
    child: { ref: 'Child S', dob: '2016-04-02', looked_after_since: '2026-05-01', legal_status: 's20', placement: 'foster', wants_to_return: true },
    team: { social_worker: 'SW S.W.', team_manager: 'TM S.M.', iro: 'IRO S.I.' },
    cla_reviews: ['2026-05-20', '2026-08-10'],
    people: [
      { id: 'mum', ref: 'Ms S', relation: 'mother', pr: true, household: true, returning_to: true },
      { id: 'fc', ref: 'Foster carers S', relation: 'foster_carer', carer: true },
    ],
    history: { entries_to_care: 1, previous_returns: 0, failed_returns: 0, parent_prior_removals: 0, missing_episodes: 0 },
    factors: [{ id: 'parental_substance_misuse', status: 'partly', as_of: '2026-07-01' }],
    tasks: {
      case_history: { status: 'done', date: '2026-06-10', by: 'SW S.W.' },
      engagement: { status: 'done', date: '2026-06-05', by: 'SW S.W.' },
      family_assessment: { status: 'done', date: '2026-06-20', by: 'SW S.W.' },
      safe_adult: { status: 'done', date: '2026-06-12', by: 'SW S.W.', person: 'fc' },
      written_assessment: {
        status: 'done',
        date: '2026-06-25',
        by: 'SW S.W.',
        signed_off: { by: 'TM S.M.', date: '2026-06-26' },
        recommendation: 'return_if_goals_met',
      },
      classification: { status: 'done', date: '2026-07-01', by: 'SW S.W.' },
      decision: { status: 'done', date: '2026-07-02', by: 'TM S.M.' },
      decision_shared: { status: 'done', date: '2026-07-05', by: 'SW S.W.' },
      support_if_no_return: { status: 'not_applicable', reason: 'Working towards return' },
      child_views: { status: 'done', date: '2026-07-10', by: 'SW S.W.' },
      agreement: { status: 'done', date: '2026-07-15', by: 'SW S.W.' },
      relationships: { status: 'in_progress' },
      team_around_child: { status: 'done', date: '2026-07-20', by: 'SW S.W.' },
      backup_plan: { status: 'done', date: '2026-07-20', by: 'SW S.W.' },
    },
    classifications: [
      { date: '2026-07-01', point: 'rc1_d2', level: 'medium', suggested: 'medium', by: 'SW S.W.', signed_off: { by: 'TM S.M.', date: '2026-07-01' } },
    ],
    decisions: [{ date: '2026-07-02', point: 'rc1_d2', outcome: 'return_if_goals_met', reasons: 'Goals first' }],
    agreement: {
      signed: '2026-07-15',
      goals: [
        {
          id: 'g1',
          goal: 'Stays alcohol-free',
          steps: ['Tests'],
          by: '2026-12-01',
          support: 'Alcohol service',
          success: 'Clear tests',
          progress: [{ date: '2026-10-20', rag: 'green' }],
        },
      ],
    },
  };
}

const ids = (plan: SupervisionPlan) => [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer].map((q) => q.id);
const text = (plan: SupervisionPlan) => [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer].map((q) => q.text).join('\n');
const ask = (data: CaseData, asOf = AS_OF, headings = VIEWS) => superviseQuestions(data, config, asOf, headings);

describe('superviseQuestions', () => {
  it('asks in the four Kolb groups, then the four must-answer questions, worded with the case refs', () => {
    const plan = ask(base());
    expect(plan.groups.map((g) => g.id)).toEqual(['narrative', 'emotional', 'analytical', 'planning']);
    for (const g of plan.groups) expect(g.questions.length).toBeGreaterThanOrEqual(2);
    expect(plan.mustAnswer.map((q) => q.id)).toEqual(['must.safe', 'must.changed', 'must.child_wants', 'must.if_not_working']);
    expect(text(plan)).toContain('Is Child S safe now, and would Child S be safe at home with Ms S?');
    expect(text(plan)).toContain('Take me through the last family-time visit between Child S and Ms S');
  });

  const variants: [string, (d: CaseData) => void, string[], RegExp][] = [
    ['failed returns', (d) => (d.history!.failed_returns = 2), ['narrative.failed_returns', 'emotional.reassessed'], /the 2 earlier returns/],
    ['missing episodes', (d) => (d.history!.missing_episodes = 3), ['narrative.missing', 'analytical.missing', 'planning.missing'], /went missing/],
    [
      'a red goal',
      (d) => present(d.agreement!.goals![0]).progress!.push({ date: '2026-10-28', rag: 'red' }),
      ['emotional.red_goals', 'analytical.red_goals', 'planning.red_goals'],
      /goal g1 still red/,
    ],
    [
      'the level going up',
      (d) => d.classifications!.push({ date: '2026-10-25', point: 'rc2_d3', level: 'high', suggested: 'high', by: 'TM S.M.' }),
      ['emotional.level_up'],
      /went up from medium to high/,
    ],
    [
      'the level coming down',
      (d) => d.classifications!.push({ date: '2026-10-25', point: 'rc2_d3', level: 'low', suggested: 'low', by: 'TM S.M.' }),
      ['emotional.level_down'],
      /come down from medium to low/,
    ],
    ['the child not wanting to go home', (d) => (d.child.wants_to_return = false), ['emotional.not_wanting'], /has not said they want to go home/],
    [
      'a new adult at home',
      (d) => d.people!.push({ id: 'partner', ref: 'Mr Z', relation: 'mothers_partner', household: true }),
      ['narrative.new_adult'],
      /Tell me about Mr Z/,
    ],
  ];

  it.each(variants)('picks different questions for %s', (_name, change, expected, wording) => {
    const before = ask(base());
    const data = base();
    change(data);
    const after = ask(data);
    expect(ids(after)).not.toEqual(ids(before));
    for (const id of expected) {
      expect(ids(before)).not.toContain(id);
      expect(ids(after)).toContain(id);
    }
    expect(text(after)).toMatch(wording);
  });

  it("asks about the child's views when they are not recorded", () => {
    const data = base();
    data.tasks.child_views = { status: 'todo' };
    const plan = ask(data, AS_OF, ['Case history']);
    expect(ids(plan)).toEqual(expect.arrayContaining(['analytical.views_missing', 'planning.views']));
    expect(ids(ask(base()))).not.toContain('planning.views');
  });

  it('asks about overdue work when the stage has run past its timescale, naming the open tasks', () => {
    const plan = ask(base(), '2027-06-01');
    expect(ids(plan)).toEqual(expect.arrayContaining(['narrative.overdue_stage', 'planning.overdue_tasks']));
    expect(text(plan)).toMatch(/open tasks \(relationships\)/);
    expect(plan.facts.join(' ')).toMatch(/Stage open \d+ days against 26 weeks/);
  });

  it('asks different questions at a different stage: after the return, about life at home', () => {
    const data = base();
    data.stage = 5;
    data.return = {
      returned: '2026-09-01',
      visits: [{ date: '2026-10-20', seen_alone: true }],
      support_package: [{ service: 'Family support', from: '2026-09-01' }],
    };
    const plan = ask(data);
    expect(ids(plan)).toContain('narrative.home_life');
    expect(ids(plan)).not.toContain('narrative.family_time');
    expect(text(plan)).toContain('Is Child S safe at home now, and how do we know?');
  });

  it('asks about a new adult in the household only from the entry that stands on the date, as classify reads it', () => {
    const withAdult = (...entries: { status: 'present' | 'partly' | 'absent' | 'unknown'; as_of?: string }[]) => {
      const data = base();
      data.factors = [...data.factors!, ...entries.map((e) => ({ id: 'new_household_adult', ...e }))];
      return ids(ask(data));
    };
    expect(withAdult({ status: 'unknown', as_of: '2026-09-01' })).toContain('narrative.new_adult');
    // superseded by a later absent: no question
    expect(withAdult({ status: 'unknown', as_of: '2026-09-01' }, { status: 'absent', as_of: '2026-10-01' })).not.toContain('narrative.new_adult');
    expect(withAdult({ status: 'present', as_of: '2026-08-01' }, { status: 'absent', as_of: '2026-10-01' })).not.toContain('narrative.new_adult');
    // an undated entry counts as the oldest
    expect(withAdult({ status: 'unknown' }, { status: 'absent', as_of: '2026-10-01' })).not.toContain('narrative.new_adult');
    // the absent is not yet known on the as-of date: the unknown still stands
    expect(withAdult({ status: 'unknown', as_of: '2026-09-01' }, { status: 'absent', as_of: '2026-11-20' })).toContain('narrative.new_adult');
  });

  it('gives the fact behind each chosen question, and no narrative text from the case', () => {
    const data = base();
    data.history!.missing_episodes = 1;
    present(data.factors![0]).evidence = 'SECRET NARRATIVE';
    const plan = ask(data);
    const chosen = plan.groups.flatMap((g) => g.questions).filter((q) => q.because);
    expect(chosen.length).toBeGreaterThan(0);
    expect(JSON.stringify(plan)).not.toContain('SECRET NARRATIVE');
  });
});

// ---------------------------------------------------------------- every example and thousands of generated cases

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyHeadings } from '../../src/core/training/packCases.js';
import { generateCase } from '../../src/core/training/generate.js';
import type { StageValue } from '../../src/core/model/ids.js';
import { createRng } from '../../src/core/training/random.js';
import { parseCaseText } from '../../src/core/parse/caseFile.js';
import { present } from '../present.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'caseload', 'cases');

function example(name: string): { data: CaseData; body: string } {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const loaded = parseCaseText({ filePath: name, stem: name.slice(0, -3), problems: [], locate: () => undefined } as Parameters<typeof parseCaseText>[0], text);
  const body = text.slice(text.indexOf('\n---', 4) + 4);
  return { data: loaded.data as CaseData, body };
}

describe('superviseQuestions on every example and on generated cases', () => {
  it.each(
    readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.md'))
      .sort(),
  )('%s: asks about the legal context and the main concern, at least three questions a group', (name) => {
    const { data, body } = example(name);
    const plan = superviseQuestions(data, config, AS_OF, bodyHeadings(body));
    for (const g of plan.groups) expect(g.questions.length, g.id).toBeGreaterThanOrEqual(3);
    const all = ids(plan);
    // the four functions of 4x4x4: support, development, mediation, management
    expect(all).toEqual(expect.arrayContaining(['emotional.support', 'analytical.learning', 'analytical.partners', 'planning.actions']));
    if (data.stage !== 'closed') {
      expect(all, name).toEqual(expect.arrayContaining(['narrative.legal', 'analytical.legal']));
      const concerned = (data.factors ?? []).some(
        (f) =>
          ['parental_substance_misuse', 'domestic_abuse', 'parental_mental_health', 'problems_unaddressed'].includes(f.id) &&
          (f.status === 'present' || f.status === 'partly'),
      );
      if (concerned) expect(all, name).toEqual(expect.arrayContaining(['narrative.concern', 'analytical.concern']));
    }
  });

  it('asks nothing that contradicts the file, over 600 generated cases at every stage', () => {
    const stages: StageValue[] = [1, 2, 3, 4, 5, 'closed'];
    for (let i = 0; i < 600; i++) {
      const g = generateCase(createRng(i * 104729 + 1), {
        stage: present(stages[i % 6]),
        id: `TR-${i}`,
        asOf: AS_OF,
        config,
        ...(i % 5 === 0 ? { scenario: 'cohorts' as const } : {}),
      });
      const plan = superviseQuestions(g.data, config, AS_OF, bodyHeadings(g.body));
      const words = text(plan);
      const d = g.data;
      const age = Math.floor((Date.parse(AS_OF) - Date.parse(d.child.dob)) / (365.25 * 864e5));
      for (const group of plan.groups) expect(group.questions.length, `${d.id} ${group.id}`).toBeGreaterThanOrEqual(3);
      const noReturn = (d.decisions ?? []).some((x) => x.outcome === 'no_return') || d.outcome?.status === 'not_returned';
      if (noReturn) expect(words, d.id).not.toMatch(/this return|going home|picture .* back home|return falters|in place on day one/);
      if (age < 5) expect(words, d.id).not.toMatch(/see \S+ \S+ alone/);
      if (!(d.people ?? []).some((p) => /partner/.test(p.relation))) expect(words, d.id).not.toMatch(/when did they arrive/);
      if ((d.decisions ?? []).some((x) => x.point === 'rc1_d2')) expect(words, d.id).not.toMatch(/What level and decision will you take/);
      if (d.stage === 'closed') expect(words, d.id).not.toMatch(/next review|next contact step/);
      if (d.stage !== 'closed') expect(words, d.id).toContain('legally');
    }
  }, 120_000);
});
