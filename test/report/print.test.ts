// HTML reports as a reader gets them: one self-contained file with print CSS. The
// DOM checks run with jsdom every time; the headless-Chromium check (PDF and
// screenshot, no console errors, no requests from the page) runs where Debian's
// chromium is installed (docs/reports.md) and is reported as skipped elsewhere.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exampleCase, exampleConfig, quietCss, renderText } from './harness.js';
import { present } from '../present.js';
import { unless } from '../probe.js';

const REPORTS = [
  ['RF-0001', 'assessment'],
  ['RF-0001', 'decision'],
  ['RF-0004', 'decision'],
  ['RF-0012', 'agreement'],
  ['RF-0009', 'transition'],
  ['RF-0013', 'review'],
] as const;

function html(id: string, type: (typeof REPORTS)[number][1]): string {
  return renderText(exampleCase(id, exampleConfig()), type, 'html');
}

describe('HTML reports in a DOM (jsdom)', () => {
  for (const [id, type] of REPORTS) {
    it(`${id} ${type}: self-contained, marked, one title, tables whole, print CSS for A4`, () => {
      const text = html(id, type);
      expect(text).not.toMatch(/https?:\/\//);
      const doc = new JSDOM(text, { virtualConsole: quietCss() }).window.document;
      expect(doc.querySelectorAll('script, link, img, iframe, object, embed, [src], [href]').length).toBe(0);
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
      expect(doc.documentElement.lang).toBe('en-GB');
      expect(doc.querySelectorAll('h1').length).toBe(1);
      expect(doc.querySelector('.running .marking')?.textContent).toBe('OFFICIAL-SENSITIVE');
      expect(doc.title).toContain(id);
      const css = doc.querySelector('style')!.textContent!;
      expect(css).toMatch(/@page\s*\{\s*size: A4;/);
      expect(css).toContain('@top-center { content: "OFFICIAL\\2d SENSITIVE"');
      expect(css).not.toMatch(/@import|@font-face|url\(/);
      expect(css).toMatch(/\.part \+ \.part \{ break-before: page; \}/);
      expect(doc.querySelectorAll('section.part').length).toBeGreaterThanOrEqual(2);
      for (const table of doc.querySelectorAll('table')) {
        const widths = [...table.querySelectorAll('tr')].map((tr) => tr.children.length);
        const head = table.querySelector('thead tr');
        if (head) expect(new Set(widths), table.outerHTML.slice(0, 120)).toEqual(new Set([head.children.length]));
      }
    });
  }

  it('the assessment draws the genogram as inline SVG with every person, PR and household marked', () => {
    const doc = new JSDOM(html('RF-0001', 'assessment'), { virtualConsole: quietCss() }).window.document;
    const svg = doc.querySelector('figure svg.genogram')!;
    expect(svg).not.toBeNull();
    const people = [...svg.querySelectorAll('g.person')].map((g) => g.getAttribute('data-person'));
    expect(people.sort()).toEqual(['child', 'dad', 'fc', 'gran', 'mum']);
    expect([...svg.querySelectorAll('g.pr')].map((g) => g.getAttribute('data-person')).sort()).toEqual(['dad', 'mum']);
    expect([...svg.querySelectorAll('g.household')].map((g) => g.getAttribute('data-person')).sort()).toEqual(['child', 'mum']);
    expect(doc.querySelector('figcaption')?.textContent).toContain('PR: parental responsibility');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = existsSync(CHROMIUM) ? undefined : `Chromium is not installed at ${CHROMIUM}`;
// the browser's own services (component updates, time, accounts), never asked for by the page
const BROWSER_SERVICES = /^https?:\/\/(clients\d*\.google\.com|update\.googleapis\.com|accounts\.google\.com|[a-z0-9-]+\.gvt1\.com|redirector\.gvt1\.com|safebrowsing\.googleapis\.com|optimizationguide-pa\.googleapis\.com|content-autofill\.googleapis\.com)\//;

async function chromium(dir: string, args: string[]) {
  return execa(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
    ],
    { reject: false, timeout: 60_000, env: { HOME: dir } },
  );
}

describe('HTML reports in headless Chromium', () => {
  for (const [id, type] of [REPORTS[0], REPORTS[3], REPORTS[5]]) {
    it.skipIf(NO_CHROMIUM)(unless(NO_CHROMIUM, `${id} ${type}: prints to A4 PDF and a screenshot, with no console errors and no requests`), async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reunify-print-'));
      const page = join(dir, `${id}-${type}.html`);
      writeFileSync(page, html(id, type));
      const pdf = await chromium(dir, ['--no-pdf-header-footer', `--log-net-log=${join(dir, 'net.json')}`, `--print-to-pdf=${join(dir, 'out.pdf')}`, `file://${page}`]);
      const shot = await chromium(dir, ['--hide-scrollbars', '--window-size=1000,1400', `--screenshot=${join(dir, 'out.png')}`, `file://${page}`]);
      for (const run of [pdf, shot]) expect(run.stderr).not.toMatch(/:CONSOLE[:(]/);
      const bytes = readFileSync(join(dir, 'out.pdf'));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 portrait is 595 × 842 points
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
      expect(readFileSync(join(dir, 'out.png')).subarray(1, 4).toString()).toBe('PNG');
      const urls = [...readFileSync(join(dir, 'net.json'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => present(m[1]));
      expect(urls.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !BROWSER_SERVICES.test(u))).toEqual([]);
    });
  }
});
