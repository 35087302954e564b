// A training pack printed the way a trainer prints it: headless Chromium prints every
// HTML file of a pack of each scenario to an A4 PDF, and the test reads the text of each
// printed page. Participants' pages hold no answers; the case summaries start each case,
// and the exercises handout each exercise, on a page of its own. Run apart from `npm
// test`, with the other print test: `npm run test:print`.
//
// Chromium or pdftotext missing: the test is reported as skipped with the reason, never passed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, reunify } from '../cli/run.js';
import { exampleCaseFiles } from '../exampleCases.js';
import { runs, unless } from '../probe.js';
import { Browser, noChromium } from './chromium.js';

const MISSING = noChromium() ?? (runs('pdftotext', ['-v']) ? undefined : 'pdftotext is not installed (apt-get install poppler-utils)');
const SCENARIOS = ['classification', 'reclassification', 'return-home', 'cohorts', 'monitoring'];
const PARTICIPANTS = ['case-summaries', 'exercises', 'stumbling-blocks', 'values', 'supervision'];
// what only the facilitator may see
const ANSWERS = /Suggested level|score \d|answer key|must be told of each decision|cases\/TR-/;

const RECORD_ANSWERS = `supervisor: "TM D.E."
worker: "SW R.M."
answers:
  must.safe: "Yes: the safety plan has held since the summer"
actions:
  - { action: "Ask the school for attendance since September", owner: "SW R.M.", by: 2026-11-15 }
next_supervision: 2026-12-01
`;

interface Printed {
  scenario: string;
  file: string;
  /** The text of each printed page. */
  pages: string[];
  console: string[];
  /** Every case heading of the pack, in order. */
  cases: string[];
}

function pageTexts(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
  return r.stdout.split('\f').slice(0, -1);
}

/** The first line of a printed page under its running header (which holds the marking). */
function firstLine(page: string): string {
  const lines = page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const header = lines.findIndex((l) => l.includes('FICTIONAL TRAINING MATERIAL'));
  return lines[header + 1] ?? '';
}

describe('every file of a training pack printed to PDF by headless Chromium', () => {
  const printed: Printed[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (MISSING) return;
    const root = mkdtempSync(join(tmpdir(), 'reunify-print-pack-'));
    browser = await Browser.start();
    for (const scenario of SCENARIOS) {
      // (a monitoring pack has 8 cases at least)
      const count = scenario === 'monitoring' ? '8' : '6';
      const r = await reunify(['scaffold', 'exercise', '--scenario', scenario, '--seed', '5', '--cases', count, '--out', scenario, '-q'], { cwd: root });
      if (r.exitCode !== 0) throw new Error(r.stderr);
      const dir = join(root, scenario);
      const cases = readdirSync(join(dir, 'cases'))
        .sort()
        .map((f) => {
          const text = readFileSync(join(dir, 'cases', f), 'utf8');
          return `${f.replace(/\.md$/, '')}: ${/^child: \{ ref: ([^,]+),/m.exec(text)?.[1] ?? ''}`;
        });
      for (const file of ['facilitator', ...PARTICIPANTS.map((p) => `worksheets/${p}`)]) {
        const html = join(dir, `${file}.html`);
        const loaded = await browser.load(`file://${html}`);
        const pdf = join(dir, `${file.replace('/', '-')}.pdf`);
        writeFileSync(pdf, await browser.pdf());
        printed.push({ scenario, file, pages: pageTexts(pdf), console: loaded.console, cases });
      }
    }
    // a supervision record of the first case, as a supervisor prints it to file
    const pack = join(root, 'classification');
    writeFileSync(join(pack, 'answers.yaml'), RECORD_ANSWERS);
    const r = await reunify(['supervise', 'cases/TR-01.md', '--answers', 'answers.yaml', '--out', 'record.yaml', '--to', 'html'], { cwd: pack });
    if (r.exitCode !== 0) throw new Error(r.stderr);
    writeFileSync(join(pack, 'record.html'), r.stdout);
    const loaded = await browser.load(`file://${join(pack, 'record.html')}`);
    writeFileSync(join(pack, 'record.pdf'), await browser.pdf());
    printed.push({ scenario: 'classification', file: 'supervision record', pages: pageTexts(join(pack, 'record.pdf')), console: loaded.console, cases: [] });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(MISSING)(unless(MISSING, 'prints every file of every scenario, with no console message'), () => {
    expect(printed.length).toBe(SCENARIOS.length * (1 + PARTICIPANTS.length) + 1);
    for (const p of printed) expect(p.pages.length, `${p.scenario} ${p.file}`).toBeGreaterThan(0);
    expect(printed.filter((p) => p.console.length > 0).map((p) => `${p.scenario} ${p.file}: ${p.console.join('; ')}`)).toEqual([]);
  });

  it.skipIf(MISSING)(unless(MISSING, 'no participant page holds an answer; the facilitator notes do'), () => {
    for (const p of printed) {
      const text = p.pages.join('\n');
      if (p.file === 'facilitator') expect(text, p.scenario).toMatch(/Full-day plan/);
      else if (p.file === 'supervision record') continue;
      else expect(text.match(ANSWERS)?.[0], `${p.scenario} ${p.file}`).toBeUndefined();
    }
    // the facilitator's key is there to be kept back
    expect(
      printed.filter((p) => p.file === 'facilitator' && !['cohorts', 'monitoring'].includes(p.scenario)).every((p) => /Suggested level/.test(p.pages.join(''))),
    ).toBe(true);
    const monitoring = printed.find((p) => p.file === 'facilitator' && p.scenario === 'monitoring')!.pages.join('');
    expect(monitoring).toMatch(/What the manager should do next/);
  });

  it.skipIf(MISSING)(unless(MISSING, 'each case of the case summaries starts a new page: its heading is the first line under the running header'), () => {
    for (const p of printed.filter((x) => x.file === 'worksheets/case-summaries')) {
      const tops = p.pages.map(firstLine);
      for (const heading of p.cases) expect(tops, `${p.scenario}: ${heading}`).toContain(heading);
      // and no page holds the headings of two cases
      for (const page of p.pages) expect(p.cases.filter((h) => page.includes(h)).length, p.scenario).toBeLessThanOrEqual(1);
    }
  });

  it.skipIf(MISSING)(unless(MISSING, 'a supervision record prints with who met, the answer, the action and the next date'), () => {
    const text = printed
      .find((p) => p.file === 'supervision record')
      ?.pages.join('\n')
      .replace(/\s+/g, ' ');
    for (const words of ['TM D.E.', 'SW R.M.', 'Yes: the safety plan has held since the summer', 'Ask the school for attendance since September', '2026-12-01'])
      expect(text, words).toContain(words);
  });

  it.skipIf(MISSING)(unless(MISSING, 'each exercise of the handout starts a new page'), () => {
    const headings = [
      'Why the framework is useful',
      'Evidence and costs',
      'Fears and risk aversion',
      'Stage 1: the assessment',
      'Stage 3: the agreement and its goals',
      'Links to supports',
      'Decision sharing',
      'Case studies in pairs',
      'Theory integration',
      'Obstacles to implementation and manager monitoring',
    ];
    for (const p of printed.filter((x) => x.file === 'worksheets/exercises')) {
      const starts = headings.map((h) => p.pages.findIndex((page) => page.split('\n').some((line) => line.trim() === h)));
      expect(
        starts.every((i) => i >= 0),
        p.scenario,
      ).toBe(true);
      expect(new Set(starts).size, p.scenario).toBe(headings.length);
    }
  });
});

// The supervision records a team manager keeps: one for every example case, as a supervisor
// saves and prints it (the record's questions come from each case's own facts).
describe('the supervision record of every example case printed by headless Chromium', () => {
  it.skipIf(MISSING)(
    unless(MISSING, 'prints with who met, the answer, the action and the next date, and the case, with no console message'),
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reunify-print-supervision-'));
      cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
      writeFileSync(join(dir, 'answers.yaml'), RECORD_ANSWERS);
      const browser = await Browser.start();
      try {
        for (const file of exampleCaseFiles()) {
          const id = file.replace(/\.md$/, '');
          const r = await reunify(['supervise', `cases/${file}`, '--answers', 'answers.yaml', '--out', `${id}.yaml`, '--to', 'html', '--as-of', '2026-11-01'], {
            cwd: dir,
          });
          expect(r.exitCode, `${file}: ${r.stderr}`).toBe(0);
          writeFileSync(join(dir, `${id}.html`), r.stdout);
          const loaded = await browser.load(`file://${join(dir, `${id}.html`)}`);
          writeFileSync(join(dir, `${id}.pdf`), await browser.pdf());
          expect(loaded.console, file).toEqual([]);
          const text = pageTexts(join(dir, `${id}.pdf`))
            .join('\n')
            .replace(/\s+/g, ' ');
          for (const words of [
            id,
            'TM D.E.',
            'SW R.M.',
            'Yes: the safety plan has held since the summer',
            'Ask the school for attendance since September',
            '2026-12-01',
          ])
            expect(text, `${file}: ${words}`).toContain(words);
        }
      } finally {
        await browser.close();
      }
    },
    600_000,
  );
});
