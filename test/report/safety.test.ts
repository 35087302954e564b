// What a report must never do: let case text change its structure, evaluate case
// text as a template, show a family reader what they must not see, or quietly
// render a template that asks for a key the view model does not have.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { openCase } from '../../src/io/openCase.js';
import type { ReportCase } from '../../src/app/renderCase.js';
import { escapeMarkdown } from '../../src/core/escape/markdown.js';
import { REPORT_TYPES } from '../../src/report/views.js';
import { ROOT, exampleCase, exampleConfig, quietCss, render, renderText } from './harness.js';
import { present } from '../present.js';

const FIXTURE = resolve(ROOT, 'test/fixtures/report/RF-R001.md');
const HOSTILE =
  '# Heading | cell [link](javascript:alert(1)) <script>alert(1)</script> `code` {{header.caseId}} {{{header.marking}}} {{#each x}}\n- item\n1. one\n> quote\n<img src=x onerror=alert(1)>';

/** Every string in the case that is free text (not an id, enum or date) replaced by hostile text. */
function hostile(data: CaseData): CaseData {
  const free = new Set([
    'ref',
    'evidence',
    'reasons',
    'note',
    'comment',
    'goal',
    'strengths',
    'worries',
    'backup_plan',
    'pattern',
    'service',
    'method',
    'response',
    'override_reason',
    'parallel_plan',
    'success',
    'support',
    'by',
    'reason',
    'social_worker',
    'team_manager',
    'iro',
    'timescale',
    'disagreement',
    'conditions',
  ]);
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && free.has(key) ? HOSTILE : v;
    if (Array.isArray(v))
      return v.map((x) =>
        typeof x === 'string' && key && ['steps', 'non_negotiables', 'team_around_child', 'conditions'].includes(key) ? HOSTILE : walk(x, key),
      );
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(data) as CaseData;
}

function hostileCase(): ReportCase {
  const rc = openCase(FIXTURE, exampleConfig(), { sections: true });
  const data = hostile(rc.data!);
  present(data.decisions![0]).conditions = [HOSTILE];
  // the body's own lists and tables are laid out by the report; its text is escaped like any other
  const line = HOSTILE.replace(/\n/g, ' ');
  const body = `${line}\n\n# Heading in the body\n\n| a | b |\n|---|---|\n| ${line.replace(/\|/g, '\\|')} | x |\n| ${line} |\n\n- ${HOSTILE.replace(/\n/g, ' ')}`;
  return {
    ...rc,
    data,
    sections: ['Case history', 'Analysis', "Child's views", 'Support if no return', 'Other agencies'].map((heading) => ({ heading, content: body })),
  };
}

/** Unescaped pipes in a markdown table row. */
const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;

describe('escaping hostile case text', () => {
  it('escapeMarkdown neutralises headings, tables, links, HTML, code, lists, quotes and javascript: links', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript\\:alert(1))');
    expect(escapeMarkdown('<b>')).toBe('&lt;b>');
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdown('- a')).toBe('\\- a');
    expect(escapeMarkdown('+ a')).toBe('\\+ a');
    expect(escapeMarkdown('> a')).toBe('\\> a');
    expect(escapeMarkdown('12. a')).toBe('12\\. a');
    expect(escapeMarkdown('3) a')).toBe('3\\) a');
    expect(escapeMarkdown('line one\n# line two')).toBe('line one # line two');
    expect(escapeMarkdown('\\[x](y)')).toBe('\\\\\\[x\\]\\(y)');
    expect(escapeMarkdown('Kinship assessment (Mrs A)')).toBe('Kinship assessment (Mrs A)');
    expect(escapeMarkdown('JavaScript : x')).toBe('JavaScript \\: x');
  });

  for (const type of REPORT_TYPES) {
    it(`${type} as Markdown: case text cannot add a heading, split a table cell, make a link or HTML, or run as a template`, () => {
      const md = renderText(hostileCase(), type, 'md');
      const lines = md.split('\n');
      expect(lines.filter((l) => l.startsWith('# ')).length).toBe(1);
      expect(lines.some((l) => /^#+ Heading/.test(l) || /^- item/.test(l) || /^1\. one/.test(l) || /^> quote/.test(l))).toBe(false);
      expect(md).not.toMatch(/<script|<img/i);
      expect(md).not.toMatch(/\]\(javascript:/i);
      expect(md).not.toMatch(/(?<!\\)`code/);
      // never evaluated: the braces stay as text
      expect(md).toContain('{{header.caseId}}');
      expect(md).toContain('{{{header.marking}}}');
      // every table row keeps as many cells as its header
      let width = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) width = 0;
        else if (width === 0) width = cells(line);
        else expect(cells(line), line).toBe(width);
      }
    });

    it(`${type} as HTML: case text is escaped and never becomes markup or a template`, () => {
      const html = renderText(hostileCase(), type, 'html');
      const dom = new JSDOM(html, { virtualConsole: quietCss() });
      const doc = dom.window.document;
      expect(doc.querySelectorAll('script, img, iframe, object, embed, link').length).toBe(0);
      for (const el of doc.querySelectorAll('*')) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
      expect(doc.querySelectorAll('a[href]').length).toBe(0);
      expect(doc.body.textContent).toContain('<script>alert(1)</script>');
      expect(doc.body.textContent).toContain('{{header.caseId}}');
      expect(doc.querySelectorAll('h1').length).toBe(1);
    });
  }
});

describe('templates in strict mode', () => {
  function overrides(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-templates-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, present(name.includes('/') ? name.split('/')[0] : '')), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('a key the view model does not have is an error naming the template and the key', () => {
    const dir = overrides({ 'assessment.md.hbs': '# {{header.title}}\n\n{{child.favouriteColour}}\n' });
    expect(() => renderText(exampleCase('RF-0001'), 'assessment', 'md', { templatesDir: dir })).toThrow(
      `${join(dir, 'assessment.md.hbs')}: the view model has no key "favouriteColour" (line 3, column 3)`,
    );
  });

  it('a missing key inside a partial names the partial', () => {
    const dir = overrides({ 'partials/person.html.hbs': '<p>{{ref}} {{shoeSize}}</p>\n' });
    expect(() => renderText(exampleCase('RF-0001'), 'assessment', 'html', { templatesDir: dir })).toThrow(
      /partials\/person\.html\.hbs: the view model has no key "shoeSize"/,
    );
  });

  it('an unknown helper is refused (knownHelpersOnly), naming the template', () => {
    const dir = overrides({ 'decision.md.hbs': '{{lookupSecrets header}}\n' });
    expect(() => renderText(exampleCase('RF-0001'), 'decision', 'md', { templatesDir: dir })).toThrow(/decision\.md\.hbs: .*unknown helper lookupSecrets/);
  });

  it('a trainer overrides one template and keeps the rest, with the shipped partials and helpers', () => {
    const dir = overrides({
      'decision.md.hbs':
        '{{> header}}\n\nTRAINING COPY: decided {{outcome decision.outcome}} on {{date decision.date}} at level {{level classification.level}}.\n',
    });
    const rc = exampleCase('RF-0001');
    const overridden = renderText(rc, 'decision', 'md', { templatesDir: dir, point: 'rc1_d2' });
    expect(overridden).toContain('# Decision record: Child A');
    expect(overridden).toContain("TRAINING COPY: decided Return home only if change is shown within the child's timescales on 30 October 2025 at level High.");
    expect(renderText(rc, 'assessment', 'md', { templatesDir: dir })).toBe(renderText(rc, 'assessment', 'md'));
    expect(renderText(rc, 'decision', 'html', { templatesDir: dir, point: 'rc1_d2' })).toBe(renderText(rc, 'decision', 'html', { point: 'rc1_d2' }));
  });
});

describe('family copies (--for) and names (--names)', () => {
  const rc = () => openCase(FIXTURE, exampleConfig(), { sections: true });
  const all = (reader: string, format: 'md' | 'html' = 'md') => REPORT_TYPES.map((type) => renderText(rc(), type, format, { reader })).join('\n');

  it("a parent's copy leaves out the other parent's own details, protected addresses and what the child told their safe adult", () => {
    for (const format of ['md', 'html'] as const) {
      const forDad = all('dad', format);
      for (const secret of ['MUM-ONLY', 'SAFE-ADULT-SECRET', 'SAFE-ADULT-SECTION', 'VISIT-SECRET', 'Flat 9 Example Court', 'Bail conditions'])
        expect(forDad).not.toContain(secret);
      expect(forDad).toContain('DAD-ONLY: keeps to contact times');
      expect(forDad).toContain('prepared for Mr R on 1 November 2026');
      const forMum = all('mum', format);
      for (const secret of ['DAD-ONLY', 'SAFE-ADULT-SECRET', 'SAFE-ADULT-SECTION', 'VISIT-SECRET', 'Bail conditions']) expect(forMum).not.toContain(secret);
      expect(forMum).toContain('MUM-ONLY: warm and protective');
    }
  });

  it("a protected address is never marked: the other parent's copy does not show who lives in the child's household", () => {
    const forDad = renderText(rc(), 'assessment', 'md', { reader: 'dad' });
    expect(forDad).not.toMatch(/Ms R\*\*, Mother[^\n]*lives in the child's household/);
    expect(forDad).not.toContain('subgraph household');
    const professional = renderText(rc(), 'assessment', 'md');
    expect(professional).toMatch(/Ms R\*\*, Mother[^\n]*lives in the child's household/);
    expect(professional).toContain('SAFE-ADULT-SECTION');
  });

  it('config report.withhold_for_family decides the extra fields', () => {
    const config = exampleConfig();
    config.report.withhold_for_family = ['/agreement/backup_plan'];
    const text = renderText(rc(), 'agreement', 'md', { reader: 'mum', config });
    expect(text).not.toContain('if the injunction is breached');
    expect(renderText(rc(), 'agreement', 'md', { reader: 'mum' })).toContain('if the injunction is breached');
  });

  it('an unknown reader is refused with the ids the case knows', () => {
    expect(() => renderText(rc(), 'agreement', 'md', { reader: 'uncle' })).toThrow(
      '--for must be "child" or a person id in the case (child, mum, dad, gran, fc), got "uncle"',
    );
  });

  it('names replace refs at render time, in text too, and never ids', () => {
    const names = new Map([
      ['Ms R', 'Rosa Example'],
      ['Child R', 'Robin Example'],
      ['mum', 'NOT A REF'],
    ]);
    const text = renderText(rc(), 'agreement', 'html', { reader: 'mum', names });
    expect(text).toContain('prepared for Rosa Example on 1 November 2026');
    expect(text).toContain('Robin Example');
    expect(text).not.toMatch(/Ms R\b/);
    expect(text).not.toContain('NOT A REF');
  });
});

describe('what the professional copy keeps', () => {
  it("a family copy is the reader's own document, not the professional one with parts cut out", () => {
    const rc = exampleCase('RF-0012');
    const forChild = render(rc, 'agreement', 'md', { reader: 'child' });
    expect(forChild.ok && forChild.text).toContain('This is for you, Child M.');
    const professional = render(rc, 'agreement', 'md');
    expect(professional.ok && professional.text).toContain('## 9. Signatures');
    expect(forChild.ok && forChild.text).not.toContain('Signatures');
  });
});
