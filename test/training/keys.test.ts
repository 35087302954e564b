// Answer keys a trainer can stand behind: each scenario's pack practises every
// outcome, never suggests departing below the lowest level or above the highest,
// quotes its evidence in words, and the participants' pages hold no answers.
import { describe, expect, it } from 'vitest';
import { caseFileText } from '../../src/core/model/caseText.js';
import { classify } from '../../src/core/classify/classify.js';
import { caseViolations } from '../../src/core/training/coherence.js';
import { generatePackCases, type PackCase } from '../../src/core/training/packCases.js';
import type { Scenario } from '../../src/core/training/generate.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { packDocuments, quoteEvidence } from '../../src/report/exercise.js';
import type { TrainingView } from '../../src/report/trainingDoc.js';
import { checkTexts, problemLines } from './checkText.js';
import { present } from '../present.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';
const info = (scenario: Scenario, seed: number) => ({ scenario, seed, asOf: AS_OF, config, caseFile: (id: string) => `cases/${id}.md` });

/** The text of a document's sections whose heading starts with a case id. */
function caseText(view: TrainingView, id: string): string {
  return JSON.stringify(view.sections.filter((s) => s.heading.startsWith(`${id}:`)));
}

const POINTER = /"\/(factors|history|capacity_to_change|agreement|child|return|transition)\b|[ (]\/(factors|history|capacity_to_change|agreement)\//;

const SPREAD: Record<Exclude<Scenario, 'cohorts' | 'monitoring'>, string[]> = {
  classification: ['no_return', 'return_if_change_evidenced', 'return_if_goals_met', 'return_with_support'],
  reclassification: ['extend_work', 'no_return', 'proceed_to_return'],
  'return-home': ['continue', 'increase_support', 'return_to_care', 'step_down'],
};

describe('answer keys', () => {
  it.each(Object.keys(SPREAD) as (keyof typeof SPREAD)[])(
    '%s: 500 cases show the intended spread of outcomes, no impossible departure, and evidence in words',
    (scenario) => {
      const tally = new Map<string, number>();
      let cases = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const pack = generatePackCases({ scenario, seed, cases: 100, asOf: AS_OF, config });
        const docs = packDocuments(pack, info(scenario, seed));
        for (const c of pack) {
          cases++;
          // the key is the engine's answer, exactly
          expect(c.suggestion).toEqual(classify(c.data, config, AS_OF));
          const decision = c.suggestion.decision ?? 'none';
          tally.set(decision, (tally.get(decision) ?? 0) + 1);
          const key = caseText(docs.facilitator, c.id);
          if (c.suggestion.level === 'very_high') expect(key, c.id).not.toMatch(/above the suggestion|may justify a higher level/);
          if (c.suggestion.level === 'low') expect(key, c.id).not.toMatch(/below the suggestion/);
          expect(key, c.id).not.toMatch(POINTER);
          expect(caseViolations(c, AS_OF), c.id).toEqual([]);
        }
      }
      expect(cases).toBe(500);
      expect([...tally.keys()].sort()).toEqual(SPREAD[scenario]);
      // each outcome is practised in at least one case in seven
      for (const [decision, n] of tally) expect(n / cases, decision).toBeGreaterThan(1 / 7);
    },
    180_000,
  );

  it.each(['classification', 'reclassification', 'return-home', 'cohorts'] as Scenario[])(
    '%s packs steered to each outcome still check clean',
    (scenario) => {
      const pack = generatePackCases({ scenario, seed: 3, cases: 12, asOf: AS_OF, config });
      const files = pack.map((c) => ({ stem: c.id, text: caseFileText(c.data, c.body) }));
      expect(problemLines(checkTexts(files, config, AS_OF))).toEqual([]);
    },
    60_000,
  );

  it('the cohorts key answers which cohorts, which triggers, whether return home was considered, and what next', () => {
    const pack = generatePackCases({ scenario: 'cohorts', seed: 5, cases: 12, asOf: AS_OF, config });
    const docs = packDocuments(pack, info('cohorts', 5));
    for (const c of pack) {
      const key = docs.facilitator.sections.find((s) => s.heading === `${c.id}: ${c.data.child.ref}`)!;
      const rows = key.blocks.flatMap((b) => ('rows' in b ? (b as unknown as { rows: string[][] }).rows : []));
      const answer = (q: string) => rows.find((r) => r[0] === q)?.[1] ?? '';
      if ((c.data.cohorts ?? []).length === 0) expect(answer('Which cohorts?'), c.id).toBe('none');
      const letters = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
      for (const cohort of c.data.cohorts ?? []) expect(letters(answer('Which cohorts?'))).toContain(letters(cohort));
      expect(answer('Which trigger points?').split(';').length).toBe((c.data.triggers ?? []).length || 1);
      expect(answer('Has return home been considered?')).toMatch(/^(yes|in progress|the work opened)/);
      expect(answer('What next?').length).toBeGreaterThan(20);
      if (c.data.stage === 'closed') expect(answer('What next?')).toMatch(/^Closed/);
    }
  });

  it('participant worksheets point to no file that holds answers', () => {
    for (const scenario of ['classification', 'reclassification', 'return-home', 'cohorts'] as Scenario[]) {
      const pack: PackCase[] = generatePackCases({ scenario, seed: 2, cases: 4, asOf: AS_OF, config });
      const docs = packDocuments(pack, info(scenario, 2));
      for (const view of [docs.caseSummaries, docs.stumblingBlocks, docs.values, docs.supervision]) {
        const text = JSON.stringify(view);
        expect(text).not.toMatch(/cases\/|\.md\b|cases folder|facilitator/);
      }
    }
  });

  it('quotes evidence in words from the case, not as pointers', () => {
    const c = present(generatePackCases({ scenario: 'reclassification', seed: 9, cases: 1, asOf: AS_OF, config })[0]);
    const i = c.data.factors!.findIndex((f) => f.evidence);
    expect(quoteEvidence(c.data, `/factors/${i}`)).toContain(`“${present(c.data.factors![i]).evidence}”`);
    expect(quoteEvidence(c.data, '/history/failed_returns')).toBe(`History: ${c.data.history!.failed_returns} failed returns home`);
    expect(quoteEvidence(c.data, '/child/dob')).toMatch(/^Born \d{1,2} \w+ \d{4}$/);
    expect(quoteEvidence(c.data, '/agreement/goals/0/by')).toMatch(/^Goal g1: “.+”, to be met by /);
  });
});
