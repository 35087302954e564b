// HTML reports as a reader gets them: one self-contained file with print CSS, checked
// in a DOM (jsdom). How they come out of a real browser's print (page count, empty
// pages, width, requests) is test/report/print-pdf.test.ts: `npm run test:print`.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exampleCase, exampleConfig, quietCss, renderText } from './harness.js';

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
      // pages break where the content runs out, never forced before a part (half-empty pages)
      expect(css).not.toMatch(/break-before: page|page-break-before: always/);
      expect(css).toMatch(/tr, header, \.person, \.goal, figure, table\.signatures[^{]*\{ break-inside: avoid; \}/);
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
