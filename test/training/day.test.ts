// The training day a pack is run in: a full-day and a half-day plan whose times add up,
// every exercise of the framework's training with facilitator notes, and a participants'
// handout of one exercise a page that holds no answers.
import { describe, expect, it } from 'vitest';
import { generatePackCases } from '../../src/core/training/packCases.js';
import type { Scenario } from '../../src/core/training/generate.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { packDocuments } from '../../src/report/exercise.js';
import { renderReport } from '../../src/report/render.js';
import { SHIPPED_TEMPLATES } from '../../src/io/runReport.js';
import type { TrainingView } from '../../src/report/trainingDoc.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';

function pack(scenario: Scenario, cases = 4, settings = config) {
  const made = generatePackCases({ scenario, seed: 5, cases, asOf: AS_OF, config: settings });
  return { cases: made, docs: packDocuments(made, { scenario, seed: 5, asOf: AS_OF, config: settings, caseFile: (id) => `cases/${id}.md` }) };
}

const rowsOf = (view: TrainingView, heading: string) =>
  (view.sections.find((s) => s.heading === heading)?.blocks ?? []).flatMap((b) => (b.isTable ? b.rows : []));
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const html = (view: TrainingView) => renderReport('training', 'html', view, { shippedDir: SHIPPED_TEMPLATES, levelLabels: config.labels.levels });

// the exercises of the framework's training (docs/framework.md §7.1) and of the issue a trainer raised
const EXERCISES = [
  'Why the framework is useful',
  'Evidence and costs',
  'Fears and risk aversion',
  'Stage 1: the assessment',
  'Case work in small groups',
  'Feedback against the answer key',
  'Stage 3: the agreement and its goals',
  'Links to supports',
  'Decision sharing',
  'Case studies in pairs',
  'Theory integration',
  'Stumbling blocks',
  'Values discussion',
  'Obstacles to implementation and manager monitoring',
  'Reflective supervision',
];

describe('the training day', () => {
  it.each([
    ['Full-day plan', '16:30', 420],
    ['Half-day plan', '13:00', 210],
  ] as const)('the %s starts at 09:30, each start is the last start plus its minutes, and it ends at %s', (heading, end, total) => {
    const { docs } = pack('classification', 30);
    const rows = rowsOf(docs.facilitator, heading);
    expect(rows[0]?.[0]).toBe('09:30');
    for (let i = 1; i < rows.length; i++) expect(minutes(rows[i]![0]!), rows[i]![1]).toBe(minutes(rows[i - 1]![0]!) + Number(rows[i - 1]![2]));
    expect(rows.at(-1)).toEqual([end, 'End (total minutes)', String(total), '']);
    expect(rows.slice(0, -1).reduce((n, r) => n + Number(r[2]), 0)).toBe(total);
  });

  it('the full day covers every exercise, each with facilitator notes; the half day names what it leaves out', () => {
    const { docs } = pack('reclassification');
    const activities = rowsOf(docs.facilitator, 'Full-day plan').map((r) => r[1]);
    const notes = docs.facilitator.sections.map((s) => s.heading);
    for (const exercise of EXERCISES) {
      expect(
        activities.some((a) => a?.startsWith(exercise)),
        exercise,
      ).toBe(true);
      expect(
        notes.some((h) => h.startsWith(exercise)),
        exercise,
      ).toBe(true);
    }
    const half = docs.facilitator.sections.find((s) => s.heading === 'Half-day plan');
    expect(JSON.stringify(half)).toMatch(/Left for a second session: Evidence and costs; Stage 1/);
  });

  it('decision sharing is answered from the settings, for the facilitator only', () => {
    const { docs, cases } = pack('classification');
    const key = JSON.stringify(docs.facilitator.sections.find((s) => s.heading === 'Decision sharing'));
    expect(key).toContain(`${cases[0]!.data.child.ref} (the child)`);
    expect(key).toContain('the IRO');
    const handout = JSON.stringify(docs.exercises);
    expect(handout).not.toContain('(the child)');
    expect(handout).not.toContain('the IRO');
  });

  it('evidence and costs come from the pack’s settings, with their source', () => {
    const local = structuredClone(config);
    local.costs.presets[local.costs.preset] = { failed_return: 50000, support: 5000, source: 'Our council (2025)', year: 2025 };
    const text = JSON.stringify(pack('classification', 2, local).docs.exercises);
    expect(text).toContain('£50,000');
    expect(text).toContain('£5,000');
    expect(text).toContain('Our council (2025)');
    expect(text).toContain('one failed return in every 10.0 supported returns');
  });

  it('participant handouts hold no answers and print one exercise, and one case, to a page', () => {
    for (const scenario of ['classification', 'reclassification', 'return-home', 'cohorts'] as Scenario[]) {
      const { docs, cases } = pack(scenario);
      for (const view of [docs.caseSummaries, docs.exercises, docs.stumblingBlocks, docs.values, docs.supervision]) {
        const text = JSON.stringify(view);
        expect(text, scenario).not.toMatch(/Suggested level|score \d|answer key|must be told of each decision|cases\/|\.md\b/);
      }
      const summaries = html(docs.caseSummaries);
      for (const c of cases) expect(summaries).toContain(`<h3 class="new-page">${c.id}: ${c.data.child.ref}</h3>`);
      const exercises = html(docs.exercises);
      expect(exercises.match(/<h2 class="new-page">/g)?.length).toBe(10);
      expect(exercises).toContain('.new-page { break-before: page; }');
      // the redact steps for the case studies in pairs
      expect(exercises).toContain('reunify redact &lt;your case file&gt; --out case-study');
    }
  });
});
