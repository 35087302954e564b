// Generated cases agree with themselves: the coherence checker finds nothing in
// thousands of cases over many seeds, and does find each kind of contradiction when
// one is planted in a hand-made case.
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { COHERENCE_RULES, caseViolations, narrativeSentences, packViolations, type CoherenceRule, type Violation } from '../../src/core/training/coherence.js';
import { addDays, ageOn, daysBetween } from '../../src/core/text/dates.js';
import { generatePackCases, SCENARIO_INFO } from '../../src/core/training/packCases.js';
import { generateCase, type GenerateOptions, type Scenario } from '../../src/core/training/generate.js';
import type { StageValue } from '../../src/core/model/ids.js';
import { createRng } from '../../src/core/training/random.js';
import type { ReunifyConfig } from '../../src/core/model/config.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { statusPart } from '../../src/core/status/status.js';
import { present } from '../present.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';
const SHAPES: { stage: StageValue; scenario?: Scenario }[] = [
  { stage: 1 },
  { stage: 2 },
  { stage: 3 },
  { stage: 4 },
  { stage: 5 },
  { stage: 'closed' },
  { stage: 2, scenario: 'classification' },
  { stage: 4, scenario: 'reclassification' },
  { stage: 5, scenario: 'return-home' },
  { stage: 3, scenario: 'cohorts' },
  { stage: 5, scenario: 'cohorts' },
  { stage: 'closed', scenario: 'cohorts' },
];
const DATES = ['2026-11-01', '2024-02-29', '2031-06-30', '2027-01-15'];

function make(seed: number, options: Omit<GenerateOptions, 'id' | 'asOf' | 'config'> & { asOf?: string; config?: ReunifyConfig }) {
  return generateCase(createRng(seed), { id: `TR-${seed}`, asOf: options.asOf ?? AS_OF, config, ...options });
}

const views = (body: string) => body.split(/^## Child's views\n/m)[1]?.split(/^## /m)[0] ?? '';

describe('coherence of generated cases', () => {
  const CASES = 5000;
  // in blocks of 500, each a test of its own, so the test runner is never kept waiting long
  const BLOCK = 500;
  const stories = new Set<string>();
  const reasons = new Set<string>();
  let fathers = 0;
  let checked = 0;
  it.each(Array.from({ length: CASES / BLOCK }, (_, b) => b * BLOCK))(
    'finds no violation in generated cases %i and the 499 after them (of 5,000 over many seeds), and each count a trainer found is zero',
    (from) => {
      const violations: Violation[] = [];
      const counts = {
        underFourAtSchool: 0,
        underFourSpeaking: 0,
        homeUnderS20: 0,
        wishesAgainstWords: 0,
        teenHealthVisitor: 0,
        interimOrderOverAYear: 0,
        relapseWithoutReturn: 0,
        partnerWithoutPartner: 0,
        changeContradicted: 0,
        phasingUnderSixWeeks: 0,
        householdChangeIsAMove: 0,
      };
      for (let i = from; i < from + BLOCK; i++) {
        const shape = present(SHAPES[i % SHAPES.length]);
        const asOf = present(DATES[i % DATES.length]);
        const g = make(7919 * i + 13, { ...shape, asOf });
        violations.push(...caseViolations(g, asOf));
        // tallies of the kinds the trainer counted, read straight from the case
        const d = g.data;
        const age = ageOn(d.child.dob, asOf);
        const all = `${JSON.stringify(d)}\n${g.body}`;
        if (age < 4 && /Primary School|Academy/.test(g.body)) counts.underFourAtSchool++;
        if (
          age < 4 &&
          /seen alone\)|has chosen|named .* as the person|agreed they are the person|advocate/.test(
            `${views(g.body)} ${(d.factors ?? [])
              .filter((f) => ageOn(d.child.dob, f.as_of!) < 4)
              .map((f) => f.evidence)
              .join(' ')}`,
          )
        )
          counts.underFourSpeaking++;
        if (d.child.placement === 'parents' && d.child.legal_status === 's20') counts.homeUnderS20++;
        if (d.child.wants_to_return === false && /I want to go home/.test(views(g.body))) counts.wishesAgainstWords++;
        if (age >= 13 && /health visitor/i.test(all.replace(/looked after since[^|]*?\. /, ''))) counts.teenHealthVisitor++;
        if (d.child.legal_status === 's38' && daysBetween(d.child.looked_after_since ?? d.opened, asOf) > 365) counts.interimOrderOverAYear++;
        if ((d.history?.previous_returns ?? 0) === 0 && /last return ended|earlier return/i.test(all)) counts.relapseWithoutReturn++;
        if (!(d.people ?? []).some((p) => /partner/.test(p.relation)) && /new partner/i.test(all)) counts.partnerWithoutPartner++;
        const latest = new Map((d.factors ?? []).map((f) => [f.id, f.evidence ?? '']));
        if ([...latest.values()].some((e) => /has not changed/.test(e)) && [...latest.values()].some((e) => /change has lasted/.test(e)))
          counts.changeContradicted++;
        const first = d.return?.contact_phases?.[0]?.from;
        if (first && d.return?.returned && daysBetween(first, d.return.returned) < 42) counts.phasingUnderSixWeeks++;
        if ((d.factors ?? []).some((f) => f.id === 'household_change' && /moved away|move is planned/.test(f.evidence ?? ''))) counts.householdChangeIsAMove++;
        reasons.add(g.reason);
        const story = narrativeSentences(g).find((s) => s.startsWith('story: '));
        if (story) stories.add(story);
        if ((d.people ?? []).some((p) => p.returning_to && p.relation === 'father')) fathers++;
        checked++;
      }
      const byRule = Object.fromEntries(Object.keys(COHERENCE_RULES).map((r) => [r, violations.filter((v) => v.rule === r).length]));
      expect(violations.slice(0, 12)).toEqual([]);
      expect(byRule).toEqual(Object.fromEntries(Object.keys(COHERENCE_RULES).map((r) => [r, 0])));
      expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 0])));
    },
    60_000,
  );

  it('the 5,000 cases above are varied: every reason for care, dozens of stories, fathers as carers', () => {
    expect(checked).toBe(CASES);
    expect([...reasons].sort()).toEqual([
      'adolescent_conflict',
      'domestic_abuse',
      'exploitation',
      'learning_disability',
      'mental_health',
      'neglect',
      'physical_abuse',
      'sexual_abuse',
      'substance_misuse',
    ]);
    expect(stories.size).toBeGreaterThanOrEqual(25);
    expect(fathers / CASES).toBeGreaterThan(0.2);
  });

  it.each(Object.keys(SCENARIO_INFO) as Scenario[])(
    'no family letter and no story, view or background is repeated within a %s pack of 30',
    (scenario) => {
      for (const seed of [1, 7]) {
        const cases = generatePackCases({ scenario, seed, cases: 30, asOf: AS_OF, config });
        expect(packViolations(cases)).toEqual([]);
        for (const c of cases) expect(caseViolations(c, AS_OF)).toEqual([]);
      }
    },
    60_000,
  );
});

// ---------------------------------------------------------------- the checker can fail

/** A generated case to plant one contradiction in. */
function base(stage: StageValue, seed: number, pick: (d: CaseData) => boolean = () => true) {
  for (let s = seed; s < seed + 400; s++) {
    const g = make(s, { stage });
    if (pick(g.data)) return { data: structuredClone(g.data), body: g.body };
  }
  throw new Error('no case found');
}

const rulesOf = (c: { data: CaseData; body: string }) => [...new Set(caseViolations(c, AS_OF).map((v) => v.rule))];
const yearsOld = (d: CaseData) => ageOn(d.child.dob, AS_OF);

describe('the coherence checker finds planted contradictions', () => {
  const cases: [CoherenceRule, () => { data: CaseData; body: string }][] = [
    [
      'school-by-age',
      () => {
        const c = base(2, 1, (d) => yearsOld(d) < 3);
        c.body = c.body.replace(/is not yet at nursery; the family live in (\w[\w ]*)/, 'attends Ashgrove Primary School in $1');
        return c;
      },
    ],
    [
      'speech-by-age',
      () => {
        const c = base(2, 1, (d) => yearsOld(d) < 3);
        c.data.factors!.push({
          id: 'safe_adult_in_place',
          status: 'present',
          evidence: `${c.data.child.ref} has chosen Mrs A and knows how to reach them`,
          as_of: AS_OF,
        });
        return c;
      },
    ],
    [
      'health-visitor-by-age',
      () => {
        const c = base(3, 1, (d) => yearsOld(d) >= 13);
        c.data.factors!.push({ id: 'sustained_parental_change', status: 'partly', evidence: 'Change seen by the health visitor', as_of: AS_OF });
        return c;
      },
    ],
    [
      's20-at-home',
      () => {
        const c = base(5, 1, (d) => d.child.legal_status === 'not_looked_after');
        c.data.child.legal_status = 's20';
        return c;
      },
    ],
    [
      'interim-order-too-long',
      () => {
        const c = base(3, 1, (d) => d.child.legal_status === 's38');
        c.data.child.looked_after_since = '2025-06-01';
        return c;
      },
    ],
    [
      'history-chronology',
      () => {
        const c = base(3, 1, (d) => (d.history?.failed_returns ?? 0) === 0);
        c.data.history!.previous_returns = 2;
        c.data.history!.failed_returns = 2;
        c.data.history!.entries_to_care = 3;
        return c;
      },
    ],
    [
      'return-without-history',
      () => {
        const c = base(3, 1, (d) => (d.history?.failed_returns ?? 0) === 0 && d.agreement !== undefined);
        present(c.data.agreement!.parents![0]).worries = 'Drinks when low; the last return ended after a relapse';
        return c;
      },
    ],
    [
      'partner-without-partner',
      () => {
        const c = base(2, 1, (d) => !(d.people ?? []).some((p) => /partner/.test(p.relation)));
        c.data.factors!.push({
          id: 'domestic_abuse',
          status: 'unknown',
          evidence: 'Police information about the new partner has been requested and not yet received',
          as_of: AS_OF,
        });
        return c;
      },
    ],
    [
      'views-against-wishes',
      () => {
        const c = base(3, 1, (d) => d.child.wants_to_return === true);
        c.data.child.wants_to_return = false;
        c.body = c.body.replace(/\(seen alone\): .*/, '(seen alone): "I want to go home."');
        return c;
      },
    ],
    [
      'goal-comment-rating',
      () => {
        const c = base(4, 1, (d) => (d.agreement?.goals ?? []).some((g) => (g.progress ?? []).length > 0));
        const goal = c.data.agreement!.goals!.find((g) => (g.progress ?? []).length > 0)!;
        goal.progress![0] = { ...present(goal.progress![0]), rag: 'red', comment: 'On track' };
        return c;
      },
    ],
    [
      'contradiction',
      () => {
        const c = base(2, 1, (d) => d.capacity_to_change !== undefined);
        const on = present(c.data.factors![0]).as_of!;
        c.data.factors!.push({ id: 'problems_unaddressed', status: 'present', evidence: 'The neglect that led to care has not changed', as_of: on });
        c.data.factors!.push({
          id: 'sustained_parental_change',
          status: 'present',
          evidence: 'Others confirm the change has lasted through a difficult period',
          as_of: on,
        });
        return c;
      },
    ],
    [
      'phasing-too-short',
      () => {
        const c = base(5, 1, (d) => (d.return?.contact_phases ?? []).length > 0 && !d.return?.unplanned);
        present(c.data.return!.contact_phases![0]).from = addDays(c.data.return!.returned!, -11);
        return c;
      },
    ],
    [
      'household-change-definition',
      () => {
        const c = base(2, 1);
        c.data.factors!.push({
          id: 'household_change',
          status: 'present',
          evidence: 'The family moved away from the address linked to the harm',
          as_of: AS_OF,
        });
        return c;
      },
    ],
  ];
  it.each(cases)('%s', (rule, plant) => {
    const c = plant();
    expect(rulesOf(c)).toContain(rule);
  });

  it('finds a family letter and a story told twice in one pack', () => {
    const a = base(2, 1);
    const b = base(2, 50, (d) => d.child.ref !== a.data.child.ref);
    const twin = { data: { ...structuredClone(b.data), id: 'TR-TWIN', child: { ...b.data.child, ref: a.data.child.ref } }, body: b.body };
    expect(packViolations([a, twin]).map((v) => v.rule)).toContain('repeated-family-letter');
    expect(
      packViolations([
        a,
        {
          data: { ...structuredClone(a.data), id: 'TR-COPY', child: { ...a.data.child, ref: 'Child Q' } },
          body: a.body.split(a.data.child.ref).join('Child Q'),
        },
      ]).map((v) => v.rule),
    ).toContain('repeated-sentence');
  });

  it('every rule has a planted case', () => {
    expect(cases.map(([r]) => r).sort()).toEqual(
      Object.keys(COHERENCE_RULES)
        .filter((r) => !r.startsWith('repeated-'))
        .sort(),
    );
  });
});

describe('who classified, in generated cases', () => {
  it('an RC2 names the team manager and the worker, who classify it together, so status finds no RC2 signed off by the one who recorded it', () => {
    let rc2 = 0;
    for (const shape of SHAPES.filter((s) => s.stage === 4 || s.stage === 5 || s.stage === 'closed')) {
      for (let seed = 1; seed <= 40; seed++) {
        const { data } = make(seed, shape);
        for (const c of (data.classifications ?? []).filter((x) => x.point === 'rc2_d3')) {
          rc2++;
          expect(c.by).toEqual([data.team.social_worker, data.team.team_manager]);
        }
        const part = statusPart({ id: data.id, data }, { asOf: AS_OF, config });
        expect(part?.signedByRecorder.filter((e) => e.kind === 'classification') ?? [], `${shape.stage} ${seed}`).toEqual([]);
      }
    }
    expect(rc2).toBeGreaterThan(50);
  });
});
