// A caseload config's `as_of` stands in for --as-of in check, status and classify,
// and for --date in new, task and advance (training packs must check clean years
// later, and work on them must be dated in the pack's time); the flags still win.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';

function caseloadWithAsOf(asOf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-asof-'));
  cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
  appendFileSync(join(dir, 'reunify.config.yaml'), `as_of: ${asOf}\n`);
  return dir;
}

describe('config as_of', () => {
  it('check, status and classify use it when --as-of is absent, and give what --as-of gives', async () => {
    const dir = caseloadWithAsOf('2026-11-01');
    for (const args of [
      ['check', dir, '--format', 'json'],
      ['status', dir, '--format', 'json'],
      ['classify', join(dir, 'cases', 'RF-0006.md'), '--format', 'json'],
    ]) {
      const withConfig = await reunify(args);
      const withFlag = await reunify([...args, '--as-of', '2026-11-01']);
      expect(withConfig.exitCode, args[0]).toBe(withFlag.exitCode);
      expect(withConfig.stdout, args[0]).toBe(withFlag.stdout);
      expect(withConfig.stdout).toContain('2026-11-01');
    }
  });

  it('--as-of wins over the config', async () => {
    const dir = caseloadWithAsOf('2026-11-01');
    const r = await reunify(['check', dir, '--format', 'json', '--as-of', '2027-06-01']);
    expect(JSON.parse(r.stdout).asOf).toBe('2027-06-01');
  });

  it('an impossible date in the config is a config error (exit 2)', async () => {
    const dir = caseloadWithAsOf('2026-02-30');
    const r = await reunify(['check', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('as_of');
    const bad = mkdtempSync(join(tmpdir(), 'reunify-asof-'));
    writeFileSync(join(bad, 'reunify.config.yaml'), 'as_of: tomorrow\n');
    const form = await reunify(['check', bad]);
    expect(form.exitCode).toBe(2);
  });
});

describe('config as_of in the workflow commands', () => {
  const read = (dir: string, id: string) => readFileSync(join(dir, 'cases', `${id}.md`), 'utf8');

  it('task records the config date when --date is absent, and --date still wins', async () => {
    const dir = caseloadWithAsOf('2026-10-30');
    const r = await reunify(['task', 'RF-0002', 'family_assessment', '--status', 'done'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(read(dir, 'RF-0002')).toMatch(/^ {2}family_assessment: +\{ status: done, date: 2026-10-30, by: SW K\.L\. \}$/m);
    const other = caseloadWithAsOf('2026-10-30');
    const flag = await reunify(['task', 'RF-0002', 'family_assessment', '--status', 'done', '--date', '2026-10-31'], { cwd: other });
    expect(flag.exitCode).toBe(0);
    expect(read(other, 'RF-0002')).toMatch(/^ {2}family_assessment: +\{ status: done, date: 2026-10-31, by: SW K\.L\. \}$/m);
  });

  it('task refuses a date after the config date, as it would after --date', async () => {
    const dir = caseloadWithAsOf('2026-10-30');
    const r = await reunify(['task', 'RF-0002', 'family_assessment', '--set', 'tasks.family_assessment.date=2026-10-31'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('tasks.family_assessment.date: must not be after 2026-10-30');
  });

  it('advance checks the gate as of the config date and records it as the return date', async () => {
    const dir = caseloadWithAsOf('2026-10-30');
    const r = await reunify(['advance', 'RF-0005', '--unplanned'], { cwd: dir });
    expect(r.stderr).toContain('unplanned return on 2026-10-30 recorded');
    expect(r.exitCode).toBe(0);
    expect(read(dir, 'RF-0005')).toMatch(/^return:\n {2}unplanned: true\n {2}returned: 2026-10-30$/m);
  });

  it('new opens the case on the config date', async () => {
    const dir = caseloadWithAsOf('2026-10-30');
    const r = await reunify(
      [
        'new',
        'RF-0100',
        '--dir',
        'cases',
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
      ],
      { cwd: dir },
    );
    expect(r.exitCode).toBe(0);
    expect(read(dir, 'RF-0100')).toMatch(/^opened: 2026-10-30 +#/m);
    expect(read(dir, 'RF-0100')).toMatch(/^cla_reviews: \[2026-10-30\]/m);
  });

  it('the --date help of new, task and advance says so', async () => {
    for (const command of ['new', 'task', 'advance']) {
      const r = await reunify([command, '--help']);
      expect(r.stdout.replace(/\s+/g, ' '), command).toContain("default: the config's as_of, else today)");
    }
  });
});
