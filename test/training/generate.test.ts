// Generated fictional cases: valid and clean against the shipped settings at every
// stage and scenario, reproducible from the seed, realistic in size.
import { describe, expect, it } from 'vitest';
import { caseFileText, frontMatterText } from '../../src/core/model/caseText.js';
import { generateCase, type GenerateOptions, type Scenario } from '../../src/core/training/generate.js';
import type { StageValue } from '../../src/core/model/ids.js';
import { createRng } from '../../src/core/training/random.js';
import type { ReunifyConfig } from '../../src/core/model/config.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { checkTexts, problemLines } from './checkText.js';
import { present } from '../present.js';

const config = defaultConfig();
const STAGES: StageValue[] = [1, 2, 3, 4, 5, 'closed'];
const SHAPES: { stage: StageValue; scenario?: Scenario }[] = [
  ...STAGES.map((stage) => ({ stage })),
  ...STAGES.map((stage) => ({ stage, scenario: 'cohorts' as const })),
  { stage: 2, scenario: 'classification' },
  { stage: 4, scenario: 'reclassification' },
  { stage: 5, scenario: 'return-home' },
];

function make(seed: number, options: Omit<GenerateOptions, 'id' | 'asOf' | 'config'> & { asOf?: string; config?: ReunifyConfig }) {
  const id = `TR-${seed}`;
  return generateCase(createRng(seed), { id, asOf: options.asOf ?? '2026-11-01', config, ...options });
}

describe('generateCase', () => {
  it.each(['2026-11-01', '2024-02-29', '2031-06-30'])('cases at every stage and scenario check clean as of %s (shipped settings)', (asOf) => {
    const files = SHAPES.flatMap((shape, s) =>
      Array.from({ length: 6 }, (_, i) => {
        const seed = s * 1000 + i;
        const g = make(seed, { ...shape, asOf, config });
        return { stem: g.data.id, text: caseFileText(g.data, g.body) };
      }),
    );
    // Known gap, listed in docs/training.md: a generated RC2 suggestion can differ from the
    // recomputation from its dated entries (stage2/suggestion-recomputes); every other rule must be clean.
    const lines = problemLines(checkTexts(files, config, asOf));
    expect(lines.filter((l) => !l.includes(': warning stage2/suggestion-recomputes: '))).toEqual([]);
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it("checks clean without the engine's suggestion too (levels then follow the plan, with no suggestion recorded)", () => {
    const files = STAGES.flatMap((stage, s) => Array.from({ length: 8 }, (_, i) => make(500 + s * 10 + i, { stage, suggest: false }))).map((g) => ({
      stem: g.data.id,
      text: caseFileText(g.data, g.body),
    }));
    expect(problemLines(checkTexts(files, config, '2026-11-01'))).toEqual([]);
  });

  it('is reproducible: the same seed and options give the same bytes', () => {
    for (const shape of SHAPES) {
      const a = make(42, { ...shape, config });
      const b = make(42, { ...shape, config });
      expect(caseFileText(a.data, a.body)).toBe(caseFileText(b.data, b.body));
    }
    expect(caseFileText(make(42, { stage: 3, config }).data, '')).not.toBe(caseFileText(make(43, { stage: 3, config }).data, ''));
  });

  it('writes realistic sizes: 1.5–7.5 KiB of front matter and a body of a few paragraphs', () => {
    for (const shape of SHAPES) {
      for (let seed = 0; seed < 8; seed++) {
        const g = make(seed, { ...shape, config });
        const bytes = Buffer.byteLength(frontMatterText(g.data));
        expect(bytes, `${shape.stage} ${shape.scenario ?? ''} seed ${seed}`).toBeGreaterThanOrEqual(1536);
        expect(bytes, `${shape.stage} ${shape.scenario ?? ''} seed ${seed}`).toBeLessThanOrEqual(7680);
        const paragraphs = g.body.split(/\n\s*\n/).filter((p) => p.trim() !== '' && !p.startsWith('## '));
        expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('says it is fictional, in the front matter and the body', () => {
    const g = make(3, { stage: 4, config, source: 'seed 3' });
    expect(g.data.fictional).toBe(true);
    expect(g.body).toMatch(/^## Case history\n\nFictional case generated for training \(seed 3\)/);
    expect(frontMatterText(g.data)).toMatch(/^reunify: 1\nid: TR-3\nfictional: true\nstage: 4\n/);
  });

  it('leaves the work an exercise asks for open', () => {
    const classification = make(1, { stage: 2, scenario: 'classification', config });
    expect(classification.data.classifications).toBeUndefined();
    expect(present(classification.data.tasks.classification).status).toBe('todo');
    expect(classification.openWork).toEqual(['classification', 'decision']);
    const regrade = make(1, { stage: 4, scenario: 'reclassification', config });
    expect((regrade.data.classifications ?? []).map((c) => c.point)).toEqual(['rc1_d2']);
    expect(regrade.data.agreement?.goals?.every((g) => (g.progress ?? []).length >= 2)).toBe(true);
    const home = make(1, { stage: 5, scenario: 'return-home', config });
    expect(home.data.return?.returned).toBeDefined();
    expect((home.data.classifications ?? []).some((c) => c.point === 'rc3_post_return')).toBe(false);
    expect(home.data.return?.visits?.length).toBeGreaterThan(0);
  });

  it('records the engine suggestion with every classification, and an override reason where the level differs', () => {
    for (let seed = 0; seed < 30; seed++) {
      const g = make(seed, { stage: 5, config });
      for (const c of g.data.classifications ?? []) {
        expect(c.suggested).toBeDefined();
        if (c.suggested !== c.level) expect(c.override_reason).toBeTruthy();
      }
    }
  });

  it('generates the benchmark caseload quickly enough to be useful (a hang guard, not a timing test)', () => {
    const stages: StageValue[] = [1, 2, 3, 4, 5, 'closed'];
    for (let i = 0; i < 150; i++) make(i, { stage: present(stages[i % 6]), config });
  }, 60_000);
});
