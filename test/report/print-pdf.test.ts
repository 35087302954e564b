// Every HTML product of every example case, printed the way a person would print it to
// file: headless Chromium (Debian's `chromium`) prints each one to an A4 PDF, and the
// test reads what came out. Run apart from `npm test` (it takes a minute or two):
// `npm run test:print`; CI runs it next to the install tests.
//
// What is printed: for each case in examples/caseload, every `--type` at every decision
// point, both as `report` gives it (the frozen copy of a signed-off product, byte for
// byte) and `--draft` (rendered afresh); of each type, a family copy for the child and
// one for an adult with parental responsibility (or the child is going home to), from
// the first case that has them (one template whatever the case); the caseload summary
// (full and `--shared`) and `status --format html`. Identical files are printed once.
// Two browsers print side by side.
//
// How it is measured, and why this way:
// - Page count and emptiness come from the PDF itself, through `pdftotext -bbox`
//   (poppler-utils): the position of every word on every page. A page's fill is how far
//   down its text reaches inside the printed area (A4 less the 20 mm top and 18 mm bottom
//   margins of the print CSS; the running header and footer sit in those margins and are
//   not counted). A page other than the last whose text stops before half way is "more
//   than half empty": the layout forced a break or kept too large a block together.
// - Width is measured in the page, not the PDF: Chromium shrinks over-wide content to
//   fit when it prints, so the PDF hides it. With print media emulated and the viewport
//   set to the printed line width (A4 less the 16 mm side margins: 178 mm), no table,
//   figure, SVG or image may reach past the right edge and the document may not scroll
//   sideways. The measuring expression is evaluated through the DevTools protocol; the
//   shipped HTML is not changed.
// - Each page also loads with no console messages and asks for nothing but its own file.
//
// Chromium or pdftotext missing: the test is reported as skipped with the reason (title
// and stderr), never passed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reunify, ROOT } from '../cli/run.js';
import { runs, unless } from '../probe.js';
import { Browser, noChromium } from './chromium.js';

const CASELOAD = join(ROOT, 'examples/caseload');
const CASES = join(CASELOAD, 'cases');
const TYPES = ['assessment', 'decision', 'agreement', 'transition', 'review'] as const;
const POINTS = ['rc1_d2', 'rc2_d3', 'rc3_post_return'] as const;

const MISSING = noChromium() ?? (runs('pdftotext', ['-v']) ? undefined : 'pdftotext is not installed (apt-get install poppler-utils)');

// A4 and the margins of templates/partials/style.html.hbs, in PDF points (1 mm = 72/25.4 pt)
const MM = 72 / 25.4;
const TOP = 20 * MM;
const BOTTOM = 18 * MM;
// the printed line width in CSS pixels (96 per inch)
const LINE_PX = Math.floor(((210 - 32) / 25.4) * 96);

interface Product {
  name: string;
  args: string[];
  /** of the products with the same group, only the first that renders is printed */
  group?: string;
}

function products(): Product[] {
  const list: Product[] = [];
  for (const file of readdirSync(CASES)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const id = file.replace(/\.md$/, '');
    const path = join(CASES, file);
    const front = parse(readFileSync(path, 'utf8').split(/^---$/m)[1]!) as { people?: { id: string; pr?: boolean; returning_to?: boolean }[] };
    const adults = (front.people ?? []).filter((p) => p.pr || p.returning_to).map((p) => p.id);
    for (const type of TYPES) {
      // every decision point (without --point a decision record is one of them)
      for (const point of type === 'decision' ? POINTS : [undefined]) {
        const base = ['report', path, '--type', type, ...(point ? ['--point', point] : []), '--to', 'html'];
        const label = `${id} ${type}${point ? ` ${point}` : ''}`;
        list.push({ name: label, args: base }, { name: `${label} --draft`, args: [...base, '--draft'] });
      }
      // family copies are one template whatever the case: of each type, the first case that has one
      const base = ['report', path, '--type', type, '--to', 'html'];
      list.push({ name: `${id} ${type} --for child`, args: [...base, '--for', 'child'], group: `${type} --for child` });
      for (const reader of adults) list.push({ name: `${id} ${type} --for ${reader}`, args: [...base, '--for', reader], group: `${type} --for an adult` });
    }
  }
  list.push(
    { name: 'caseload', args: ['report', '--caseload', CASES, '--to', 'html'] },
    { name: 'caseload --shared', args: ['report', '--caseload', CASES, '--shared', '--to', 'html'] },
    { name: 'status', args: ['status', CASES, '--format', 'html'] },
  );
  return list;
}

interface Page {
  /** width and height in points */
  size: [number, number];
  /** how far down the printed area the text reaches, 0–1 */
  fill: number;
  words: number;
}

/** The pages of a PDF as `pdftotext -bbox` reads them. */
function pages(pdf: string): Page[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
  return [...r.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[2]);
    const bottom = height - BOTTOM;
    const ys = [...m[3]!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)]
      .map((w) => [Number(w[1]), Number(w[2])] as const)
      .filter(([yMin, yMax]) => yMin >= TOP - 1 && yMax <= bottom + 1);
    const lowest = Math.max(TOP, ...ys.map(([, yMax]) => yMax));
    return { size: [Number(m[1]), height], fill: (lowest - TOP) / (bottom - TOP), words: ys.length };
  });
}

// Evaluated in the page with print media at the printed line width: what sticks out.
const WIDE = `(() => {
  const edge = document.documentElement.clientWidth + 0.5;
  const wide = [...document.querySelectorAll('table, figure, svg, img, pre')]
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.right > edge || r.left < -0.5)
    .map(([el, r]) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className : '') + ' ' + Math.round(r.width) + 'px');
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) wide.push('document ' + document.documentElement.scrollWidth + 'px');
  return wide;
})()`;

// Evaluated in the page: tables that would print their header row and nothing under it.
const EMPTY_TABLES = `[...document.querySelectorAll('table')]
  .filter((t) => t.querySelectorAll('td').length === 0)
  .map((t) => { let h = t.previousElementSibling; while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling; return 'table under "' + (h ? h.textContent.trim() : '(no heading)') + '"'; })`;

interface Printed {
  name: string;
  pages: Page[];
  wide: string[];
  empty: string[];
  console: string[];
  requests: string[];
}

describe('every example product printed to PDF by headless Chromium', () => {
  const printed: Printed[] = [];
  const refused: string[] = [];
  let browsers: Browser[] = [];

  beforeAll(async () => {
    if (MISSING) return;
    const started = Date.now();
    const dir = mkdtempSync(join(tmpdir(), 'reunify-print-'));
    const seen = new Map<string, string>();
    const files: { name: string; file: string }[] = [];
    const asked = products();
    const done = new Set<string>();
    for (const p of asked) {
      if (p.group !== undefined && done.has(p.group)) continue;
      const r = await reunify(p.args, { cwd: CASELOAD });
      if (r.exitCode !== 0) {
        refused.push(`${p.name}: ${r.stderr.split('\n')[0]}`);
        continue;
      }
      if (p.group !== undefined) done.add(p.group);
      const hash = createHash('sha256').update(r.stdout).digest('hex');
      if (seen.has(hash)) continue;
      seen.set(hash, p.name);
      const file = join(dir, `${files.length}.html`);
      writeFileSync(file, r.stdout);
      files.push({ name: p.name, file });
    }
    const rendered = Date.now();
    browsers = await Promise.all([Browser.start(), Browser.start()]);
    const queue = [...files];
    await Promise.all(
      browsers.map(async (browser) => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const { name, file } = next;
          const loaded = await browser.load(`file://${file}`);
          const pdf = file.replace(/\.html$/, '.pdf');
          writeFileSync(pdf, await browser.pdf());
          await browser.send('Emulation.setEmulatedMedia', { media: 'print' });
          await browser.send('Emulation.setDeviceMetricsOverride', { width: LINE_PX, height: 1000, deviceScaleFactor: 1, mobile: false });
          const wide = await browser.evaluate<string[]>(WIDE);
          const empty = await browser.evaluate<string[]>(EMPTY_TABLES);
          await browser.send('Emulation.clearDeviceMetricsOverride');
          await browser.send('Emulation.setEmulatedMedia', { media: '' });
          printed.push({ name, pages: pages(pdf), wide, empty, console: loaded.console, requests: loaded.requests.filter((u) => u !== `file://${file}`) });
        }
      }),
    );
    process.stderr.write(
      `print: ${files.length} distinct files of ${asked.length} asked for, rendered in ${Math.round((rendered - started) / 1000)}s, printed and measured in ${Math.round((Date.now() - rendered) / 1000)}s\n`,
    );
  }, 600_000);

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
  });

  it.skipIf(MISSING)(unless(MISSING, 'prints every product of every type, for every case that has it'), () => {
    const names = printed.map((p) => p.name);
    for (const type of TYPES) expect(names.filter((n) => n.includes(` ${type}`)).length, type).toBeGreaterThanOrEqual(5);
    // signed-off products: the frozen copy and a draft rendered afresh
    for (const type of ['assessment', 'decision', 'review'])
      expect(names.filter((n) => n.includes(` ${type}`) && n.endsWith('--draft')).length, `${type} --draft`).toBeGreaterThanOrEqual(1);
    // the child's copy is the same short summary whatever the type, so it is printed once
    expect(names.some((n) => n.endsWith('--for child'))).toBe(true);
    for (const type of TYPES)
      expect(
        names.some((n) => n.includes(` ${type} --for `) && !n.endsWith('--for child')),
        `${type} --for an adult`,
      ).toBe(true);
    for (const other of ['caseload', 'caseload --shared', 'status']) expect(names).toContain(other);
    // a refusal is a stage the case has not reached or a reader the copy is not for, never a crash
    for (const r of refused) expect(r).toMatch(/^[^:]+: reunify: no (family copy|[a-z ]+ report)/);
  });

  it.skipIf(MISSING)(unless(MISSING, 'a sensible page count on A4: at least one page, and no product runs to more than 12'), () => {
    // A4 portrait is 595 × 842 points
    for (const p of printed) for (const page of p.pages) expect(page.size.map(Math.round), p.name).toEqual([595, 842]);
    const off = printed.filter((p) => p.pages.length < 1 || p.pages.length > 12).map((p) => `${p.name}: ${p.pages.length} pages`);
    expect(off).toEqual([]);
    for (const p of printed)
      expect(
        p.pages.every((page) => page.words > 0),
        `${p.name}: a page with no text`,
      ).toBe(true);
  });

  it.skipIf(MISSING)(unless(MISSING, 'no page but the last is more than half empty'), () => {
    const empty = printed.flatMap((p) =>
      p.pages
        .slice(0, -1)
        .flatMap((page, i) => (page.fill < 0.5 ? [`${p.name}: page ${i + 1} of ${p.pages.length} is ${Math.round((1 - page.fill) * 100)}% empty`] : [])),
    );
    expect(empty).toEqual([]);
  });

  it.skipIf(MISSING)(unless(MISSING, 'no table, figure or image is wider than the printed page'), () => {
    expect(printed.filter((p) => p.wide.length > 0).map((p) => `${p.name}: ${p.wide.join(', ')}`)).toEqual([]);
  });

  it.skipIf(MISSING)(unless(MISSING, 'no table prints its header row with nothing under it'), () => {
    expect(printed.filter((p) => p.empty.length > 0).map((p) => `${p.name}: ${p.empty.join(', ')}`)).toEqual([]);
  });

  it.skipIf(MISSING)(unless(MISSING, 'no console messages, and no request but the file itself'), () => {
    expect(printed.filter((p) => p.console.length > 0).map((p) => `${p.name}: ${p.console.join('; ')}`)).toEqual([]);
    expect(printed.filter((p) => p.requests.length > 0).map((p) => `${p.name}: ${p.requests.join(', ')}`)).toEqual([]);
  });
});
