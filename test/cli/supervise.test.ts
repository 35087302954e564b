// `reunify supervise` through the built binary.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { ROOT, reunify } from './run.js';

const CASES = join(ROOT, 'examples', 'caseload', 'cases');
const AS_OF = ['--as-of', '2026-11-01'];

describe('reunify supervise (built binary)', () => {
  it('prints questions in the four Kolb groups and the must-answer questions, as Markdown', async () => {
    const r = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF]);
    expect(r.exitCode).toBe(0);
    for (const heading of [
      '## Narrative: what happened? (experience)',
      '## Emotional: how does it feel? (reflection)',
      '## Analytical: what does it mean? (analysis)',
      '## Planning: what next? (action planning)',
      '## Must answer before any decision',
    ]) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('Is Child F1 safe now, and would Child F1 be safe at home with Ms F?');
  });

  it('differs between cases whose facts differ', async () => {
    const a = await reunify(['supervise', join(CASES, 'RF-0001.md'), ...AS_OF, '--to', 'json']);
    const b = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF, '--to', 'json']);
    const ids = (s: string) => (JSON.parse(s).groups as { questions: { id: string }[] }[]).flatMap((g) => g.questions.map((q) => q.id));
    expect(ids(a.stdout)).not.toEqual(ids(b.stdout));
    expect(ids(a.stdout)).toContain('narrative.failed_returns');
    expect(ids(b.stdout)).not.toContain('narrative.failed_returns');
  });

  it('--to html is a standalone page', async () => {
    const r = await reunify(['supervise', join(CASES, 'RF-0003.md'), ...AS_OF, '--to', 'html']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('Must answer before any decision');
  });

  it('--answers saves a separate dated record and leaves the case file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    const file = join(dir, 'RF-0006.md');
    copyFileSync(join(CASES, 'RF-0006.md'), file);
    const before = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'answers.yaml'), 'supervisor: "TM D.E."\nanswers:\n  must.safe: "Yes: the safety plan holds"\n');
    const r = await reunify(['supervise', file, ...AS_OF, '--answers', join(dir, 'answers.yaml'), '--out', join(dir, 'record.yaml')]);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const record = parse(readFileSync(join(dir, 'record.yaml'), 'utf8'));
    expect(record).toMatchObject({ supervision: 1, case: 'RF-0006', date: '2026-11-01', supervisor: 'TM D.E.' });
    expect(record.questions.find((q: { id: string }) => q.id === 'must.safe')).toMatchObject({ answer: 'Yes: the safety plan holds' });
    const again = await reunify(['supervise', file, ...AS_OF, '--answers', join(dir, 'answers.yaml'), '--out', join(dir, 'record.yaml')]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already exists');
    const intoCase = await reunify(['supervise', file, ...AS_OF, '--answers', join(dir, 'answers.yaml'), '--out', file]);
    expect(intoCase.exitCode).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--out into a folder that does not exist yet makes the folder, as report, scaffold and redact do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    writeFileSync(join(dir, 'answers.yaml'), 'supervisor: "TM D.E."\nanswers:\n  must.safe: "Yes"\n');
    const out = join('supervision', '2026', 'RF-0006-2026-11-01.yaml');
    const r = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF, '--answers', 'answers.yaml', '--out', out], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`saved the supervision record to ${out} (the case file is unchanged)`);
    expect(parse(readFileSync(join(dir, out), 'utf8'))).toMatchObject({ supervision: 1, case: 'RF-0006' });
  });

  it('--out under a file, not a folder, is one clear line, exit 1, and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    writeFileSync(join(dir, 'answers.yaml'), 'answers: {}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a folder\n');
    const r = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF, '--answers', 'answers.yaml', '--out', 'notes.txt/record.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('reunify: notes.txt/record.yaml: the folder notes.txt could not be made (a file is in the way); nothing was written');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('not a folder\n');
    expect(readdirSync(dir).sort()).toEqual(['answers.yaml', 'notes.txt']);
    expect(existsSync(join(dir, 'record.yaml'))).toBe(false);
  });

  it('--prompt without a terminal exits 2 with a clear message, and never waits', async () => {
    const r = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF, '--prompt']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--prompt needs a terminal');
    expect(r.stderr).toContain('--answers FILE');
  });

  it('refuses an answer to a question the case was not asked (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    writeFileSync(join(dir, 'answers.yaml'), 'answers:\n  narrative.nonsense: "x"\n');
    const r = await reunify(['supervise', join(CASES, 'RF-0006.md'), ...AS_OF, '--answers', join(dir, 'answers.yaml'), '--out', join(dir, 'r.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('not a question for this case');
  });
});

describe('supervise, status and classify agree on which factor entry stands (built binary)', () => {
  it("RF-0001's undated new_household_adult unknown, superseded by an absent on 2026-11-04, is no longer a concern from that date", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'cases'));
    writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Test borough (fictional)"\n');
    const text = readFileSync(join(CASES, 'RF-0001.md'), 'utf8').replace(
      /^( {2}- \{ id: new_household_adult, status: unknown(?:, evidence: "[^"]*")? \}.*\n)/m,
      '$1  - { id: new_household_adult, status: absent, evidence: "Checks clear; does not live there", as_of: 2026-11-04 }\n',
    );
    expect(text).toContain('as_of: 2026-11-04 }');
    writeFileSync(join(dir, 'cases', 'RF-0001.md'), text);
    const views = async (asOf: string) => {
      const supervise = await reunify(['supervise', 'cases/RF-0001.md', '--as-of', asOf, '--to', 'json'], { cwd: dir });
      const status = await reunify(['status', '--as-of', asOf, '--format', 'json'], { cwd: dir });
      const classify = await reunify(['classify', 'cases/RF-0001.md', '--as-of', asOf, '--format', 'json'], { cwd: dir });
      for (const r of [supervise, status, classify]) expect(r.exitCode).toBe(0);
      const questions = (JSON.parse(supervise.stdout).groups as { questions: { id: string }[] }[]).flatMap((g) => g.questions.map((q) => q.id));
      const alerts = JSON.parse(status.stdout).post_return_alerts.exceptions as { id: string; detail: string }[];
      return {
        supervise: questions.includes('narrative.new_adult'),
        status: alerts.find((a) => a.id === 'RF-0001')?.detail.includes('new_household_adult unknown') ?? false,
        classify: (JSON.parse(classify.stdout).gaps as { factor: string }[]).some((g) => g.factor === 'new_household_adult'),
      };
    };
    expect(await views('2026-11-03')).toEqual({ supervise: true, status: true, classify: true });
    expect(await views('2026-11-05')).toEqual({ supervise: false, status: false, classify: false });
  });
});

describe('reunify supervise with hostile text (built binary)', () => {
  it('shows control and bidi characters from the case as visible escapes, in Markdown, HTML and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-supervise-'));
    const file = join(dir, 'RF-0006.md');
    const text = readFileSync(join(CASES, 'RF-0006.md'), 'utf8').replace('ref: "Child F1"', 'ref: "Child \\e[2J\\u202eF1"');
    writeFileSync(file, text);
    for (const to of ['md', 'html', 'json']) {
      const r = await reunify(['supervise', file, ...AS_OF, '--to', to]);
      expect(r.exitCode, to).toBe(0);
      expect(r.stdout, to).not.toMatch(/[\u001b\u202e]/);
      expect(r.stdout, to).toContain('\\x1b');
    }
  });
});
