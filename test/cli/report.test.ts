// `reunify report` through the built binary (npm test builds first): what a user
// sees — exit codes, stdout, stderr and the files written.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reunify } from './run.js';

const CASE = 'examples/caseload/cases/RF-0001.md';
const AS_OF = ['--as-of', '2026-11-01'];
const temp = () => mkdtempSync(join(tmpdir(), 'reunify-report-'));

describe('reunify report <case> (built binary)', () => {
  it('writes a decision record to stdout as Markdown by default', async () => {
    const r = await reunify(['report', CASE, '--type', 'decision', '--point', 'rc1_d2', ...AS_OF]);
    // signed off: the frozen copy kept at sign-off, byte for byte
    expect(r.stderr).toBe(
      'reunify: the decision record at rc1_d2 was signed off by TM A.O. on 2025-10-30: this is its frozen copy ../records/RF-0001/decision-rc1_d2-2025-10-30.md, byte for byte (--draft renders it afresh)',
    );
    expect(r.stdout + '\n').toBe(readFileSync('examples/caseload/records/RF-0001/decision-rc1_d2-2025-10-30.md', 'utf8'));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\*\*OFFICIAL-SENSITIVE\*\* · Example Borough Council \(fictional\)\n\n# Decision record: Child A\n/);
    expect(r.stdout).toContain('## 1. Risk Classification 1 and Decision 2');
  });

  it('exits 1 with the reason when the case has not reached the stage', async () => {
    const r = await reunify(['report', 'examples/caseload/cases/RF-0002.md', '--type', 'transition', ...AS_OF]);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: 'reunify: no transition report: RF-0002 is at stage 1: the transition plan is stage 4 work' });
  });

  it('exits 1 with the problems when the case has schema errors', async () => {
    const r = await reunify(['report', 'examples/broken/wrong-enum.md', '--type', 'assessment', ...AS_OF]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^examples\/broken\/wrong-enum\.md:\d+:\d+: /);
    expect(r.stderr).toContain('has reading or schema errors: fix them first (reunify check examples/broken/wrong-enum.md)');
  });

  it('a case just made by `reunify new` reports its empty sections as empty, not its writing prompts', async () => {
    const dir = temp();
    const made = await reunify([
      'new',
      'RF-0100',
      '--dir',
      dir,
      '--ref',
      'Child Z',
      '--dob',
      '2016-03-02',
      '--looked-after-since',
      '2026-09-07',
      '--legal-status',
      's20',
      '--placement',
      'foster',
      '--trigger',
      'cla_review',
      '--social-worker',
      'SW K.L.',
      '--date',
      '2026-11-02',
    ]);
    expect(made.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'RF-0100.md'), 'utf8')).toContain('<!--');
    for (const to of ['md', 'html']) {
      const r = await reunify(['report', join(dir, 'RF-0100.md'), '--type', 'assessment', '--to', to, '--as-of', '2026-11-05']);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/<!--|&lt;!--|Chronology: entries to care/);
      expect(r.stdout).toContain('Foster (moves not recorded)');
    }
  });

  it('usage mistakes exit 2', async () => {
    for (const args of [
      ['report', CASE],
      ['report', CASE, '--type', 'letter'],
      ['report', CASE, '--type', 'agreement', '--point', 'rc1_d2'],
      ['report', '--caseload', 'examples/caseload', '--type', 'decision'],
      ['report', CASE, '--type', 'agreement', '--for', 'uncle'],
      ['report', CASE, '--type', 'agreement', '--as-of', '1/11/2026'],
      ['report'],
    ]) {
      const r = await reunify(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('--out DIR writes a named file; --out FILE that file; neither prints the report', async () => {
    const dir = temp();
    const r = await reunify(['report', CASE, '--type', 'agreement', '--to', 'html', '--out', `${dir}/`, ...AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `reunify: note: this is a draft as of 2026-11-01: dated records are taken as they stood then, but the narrative body is as it stands today\nreunify: wrote ${dir}/RF-0001-agreement.html`,
    );
    expect(readFileSync(join(dir, 'RF-0001-agreement.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const file = join(dir, 'letter.md');
    const q = await reunify(['report', CASE, '--type', 'decision', '--for', 'mum', '--out', file, '-q', ...AS_OF]);
    expect(q).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toContain('prepared for Ms A on 1 November 2026');
  });

  it('never writes over a case file', async () => {
    const dir = temp();
    const copy = join(dir, 'RF-0001.md');
    copyFileSync(CASE, copy);
    const other = join(dir, 'RF-0002.md');
    copyFileSync('examples/caseload/cases/RF-0002.md', other);
    for (const out of [copy, other]) {
      const before = readFileSync(out);
      // --draft: the copy has no records/ folder beside it, so its frozen copies are not there to print
      const r = await reunify(['report', copy, '--type', 'assessment', '--draft', '--out', out, ...AS_OF]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/case file/);
      expect(readFileSync(out)).toEqual(before);
    }
  });

  it('--names puts real names in the report only: the case file and folder are untouched', async () => {
    const dir = temp();
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    copyFileSync(CASE, join(cases, 'RF-0001.md'));
    writeFileSync(join(dir, 'names.yaml'), '"Ms A": Alice Example\n"Child A": Amy Example\n');
    const before = readFileSync(join(cases, 'RF-0001.md'));
    const r = await reunify(['report', join(cases, 'RF-0001.md'), '--type', 'agreement', '--for', 'mum', '--names', join(dir, 'names.yaml'), ...AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('About Amy Example · prepared for Alice Example on 1 November 2026');
    expect(r.stdout).toContain('# Parental agreement: your copy');
    expect(r.stdout).not.toMatch(/Ms A\b|Child A\b/);
    expect(readFileSync(join(cases, 'RF-0001.md'))).toEqual(before);
    expect(readdirSync(cases)).toEqual(['RF-0001.md']);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '"Ms A": [not, a, name]\n');
    const e = await reunify(['report', join(cases, 'RF-0001.md'), '--type', 'agreement', '--names', bad, ...AS_OF]);
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toBe(`reunify: ${bad}: the name for "Ms A" must be a non-empty string`);
  });

  it('--templates replaces one template; a missing key exits 2 naming the template and the key', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'review.md.hbs'), '{{> header}}\n\nCOURSE HANDOUT {{visitCount}} visits\n');
    const r = await reunify(['report', CASE, '--type', 'review', '--templates', dir, ...AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('# Post-return review: Child A');
    expect(r.stdout).toContain('COURSE HANDOUT 5 visits');
    writeFileSync(join(dir, 'review.md.hbs'), '{{visitsz}}\n');
    const e = await reunify(['report', CASE, '--type', 'review', '--templates', dir, ...AS_OF]);
    expect(e).toEqual({ exitCode: 2, stdout: '', stderr: `reunify: ${join(dir, 'review.md.hbs')}: the view model has no key "visitsz" (line 1, column 3)` });
  });

  it('--help shows real examples', async () => {
    const r = await reunify(['report', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ reunify report cases/RF-0001.md --type decision --point rc1_d2');
    expect(r.stdout).toContain('--caseload');
  });
});

describe('reunify report --caseload (built binary)', () => {
  it('renders the status view as Markdown and HTML, cases by id only', async () => {
    const md = await reunify(['report', '--caseload', 'examples/caseload', ...AS_OF]);
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toContain('# Caseload status: Example Borough Council (fictional)');
    expect(md.stdout).toContain('- **RF-0011**:');
    expect(md.stdout).not.toMatch(/Child [A-Z]\b|Ms [A-Z]\b/);
    const html = await reunify(['report', '--caseload', 'examples/caseload', '--to', 'html', '--shared', ...AS_OF]);
    expect(html.exitCode).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('small counts are hidden and no case is listed');
    expect(html.stdout).not.toContain('RF-0011');
  });
});
