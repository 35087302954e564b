// `reunify signoff` through the built binary, on temp copies of fictional fixture
// cases written with comments, aligned columns and flow maps.
import { cpSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';
import { present } from '../present.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'signoff');
const AS_OF = ['--as-of', '2026-11-01'];
/** A sign-off as the writer adds it, with the frozen copies it keeps. */
const SIGNED = /, signed_off: \{ by: TM D\.E\., date: 2026-11-02, frozen: \[\{ path: [^}]+\}, \{ path: [^}]+\}\] \}/;

function tempCaseload(): { dir: string; file: (id: string) => string; before: (id: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-signoff-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const file = (id: string) => join(dir, 'cases', `${id}.md`);
  const originals = new Map(['RF-S001', 'RF-S002', 'RF-S003'].map((id) => [id, readFileSync(file(id), 'utf8')]));
  return { dir, file, before: (id) => originals.get(id)! };
}

const frontMatter = (text: string) => parse(present(text.split(/^---\s*$/m)[1], 'front matter'), { version: '1.2', schema: 'core' });

describe('reunify signoff [dir] (built binary)', () => {
  it('lists what waits for sign-off, oldest first, with what each is waiting for', async () => {
    const r = await reunify(['signoff', FIXTURES, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Sign-off queue as of 2026-11-01: 5 items, oldest first');
    const order = lines.filter((l) => /^ {2}RF-S/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '));
    expect(order).toEqual([
      'RF-S003 classification:rc2_d3 2026-04-17',
      'RF-S003 classification:rc2_d3 2026-10-12',
      'RF-S001 classification:rc1_d2 2026-10-14',
      'RF-S001 decision:rc1_d2 2026-10-16',
      'RF-S002 written_assessment 2026-10-28',
    ]);
    expect(r.stdout).toContain('RC1 is the baseline: stage 3 needs it signed off');
    expect(r.stdout).toContain("by TM A.O., the case's manager");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('says what each item would sign: level and override, outcome, recommendation, and sharing before sign-off', async () => {
    const r = await reunify(['signoff', FIXTURES, ...AS_OF]);
    expect(r.exitCode).toBe(0);
    const block = (head: RegExp) => {
      const lines = r.stdout.split('\n');
      const at = lines.findIndex((l) => head.test(l));
      expect(at, String(head)).toBeGreaterThanOrEqual(0);
      const next = lines.findIndex((l, i) => i > at && /^ {2}\S/.test(l));
      return lines
        .slice(at + 1, next === -1 ? undefined : next)
        .map((l) => l.trim())
        .join(' ');
    };
    // RF-S001's RC1: medium recorded against a suggested high, with its category
    expect(block(/RF-S001 +classification:rc1_d2/)).toMatch(/^signs: level Medium \(suggested High\): override, strong_protective_context /);
    // its Decision 2 was shared with four parties before anyone signed it
    expect(block(/RF-S001 +decision:rc1_d2/)).toMatch(
      /^signs: outcome return_if_goals_met already shared before sign-off: child 2026-10-19, mum 2026-10-19, rk 2026-10-20, iro 2026-10-22 /,
    );
    expect(block(/RF-S002 +written_assessment/)).toMatch(/^signs: recommendation return_if_goals_met stage 2/);
    expect(block(/RF-S003 +classification:rc2_d3 +2026-10-12/)).toMatch(/^signs: level Low, as suggested .*another manager should sign/);
    // nothing is said to be shared for an item with no sharing records
    expect(block(/RF-S002 +written_assessment/)).not.toContain('shared');
  });

  it('counts only sharing dated on or before the as-of date while an item waits', async () => {
    const r = await reunify(['signoff', FIXTURES, '--as-of', '2026-10-19', '--format', 'json']);
    const decision = JSON.parse(r.stdout).items.find((i: { item: string }) => i.item === 'decision:rc1_d2');
    expect(decision.shared_before_signoff).toEqual([
      { party: 'child', date: '2026-10-19' },
      { party: 'mum', date: '2026-10-19' },
    ]);
  });

  it('--format json carries ids, pointers and dates, not narrative', async () => {
    const r = await reunify(['signoff', FIXTURES, ...AS_OF, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ version: 1, as_of: '2026-11-01', count: 5 });
    expect(out.items[2]).toEqual({
      case_id: 'RF-S001',
      file: join('test', 'fixtures', 'signoff', 'cases', 'RF-S001.md'),
      item: 'classification:rc1_d2',
      kind: 'classification',
      point: 'rc1_d2',
      pointer: '/classifications/0',
      date: '2026-10-14',
      by: 'SW K.L.',
      manager: 'TM D.E.',
      waiting_days: 18,
      waiting_for: 'RC1 is the baseline: stage 3 needs it signed off',
      level: 'medium',
      suggested: 'high',
      override: true,
      override_category: 'strong_protective_context',
      outcome: null,
      recommendation: null,
      shared_before_signoff: [],
    });
    expect(out.items[3]).toMatchObject({
      item: 'decision:rc1_d2',
      level: null,
      override: null,
      outcome: 'return_if_goals_met',
      shared_before_signoff: [
        { party: 'child', date: '2026-10-19' },
        { party: 'mum', date: '2026-10-19' },
        { party: 'rk', date: '2026-10-20' },
        { party: 'iro', date: '2026-10-22' },
      ],
    });
    expect(out.items[4]).toMatchObject({ item: 'written_assessment', recommendation: 'return_if_goals_met', outcome: null, level: null });
    expect(out.items[0]).toMatchObject({ level: 'medium', suggested: 'medium', override: false, override_category: null });
    expect(r.stdout).not.toMatch(/static factors|Uncle E/);
    const team = JSON.parse((await reunify(['signoff', FIXTURES, ...AS_OF, '--format', 'json', '--team', 'TM D.E.'])).stdout);
    expect(team.items.map((i: { case_id: string }) => i.case_id)).toEqual(['RF-S001', 'RF-S001', 'RF-S002']);
  });

  it('--sign writes signed_off at the item and keeps every other byte of the commented file', async () => {
    const { dir, file, before } = tempCaseload();
    const r = await reunify(['signoff', join(dir, 'cases'), '--sign', 'RF-S001', '--item', 'classification:rc1_d2', '--by', 'TM D.E.', '--date', '2026-11-02']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^Signed off the rc1_d2 classification of 2026-10-14 \(\/classifications\/0\) in RF-S001 .* by TM D\.E\. on 2026-11-02\.\n {2}signed: level Medium \(suggested High\): override, strong_protective_context\n {2}frozen copy: /m,
    );
    const after = readFileSync(file('RF-S001'), 'utf8');
    // the sign-off, with the frozen copies of the decision record it keeps (path and SHA-256)
    expect(after.replace(SIGNED, '')).toBe(before('RF-S001'));
    const signedOff = frontMatter(after).classifications[0].signed_off;
    expect(signedOff).toMatchObject({ by: 'TM D.E.', date: '2026-11-02' });
    // no config file: the caseload root is the case file's own folder
    expect(signedOff.frozen.map((c: { path: string }) => c.path)).toEqual([
      'records/RF-S001/decision-rc1_d2-2026-11-02.md',
      'records/RF-S001/decision-rc1_d2-2026-11-02.html',
    ]);
    expect(readFileSync(join(dir, 'cases', 'records/RF-S001/decision-rc1_d2-2026-11-02.md'), 'utf8')).toContain('# Decision record');
    expect(r.stdout).toContain('frozen copy: ');
    // the other unsigned item is untouched and still waits
    const queue = JSON.parse((await reunify(['signoff', dir, ...AS_OF, '--format', 'json'])).stdout);
    expect(queue.items.map((i: { item: string; case_id: string }) => `${i.case_id} ${i.item}`)).toContain('RF-S001 decision:rc1_d2');
    expect(queue.count).toBe(4);
  });

  it('signs a written assessment and a decision; a case file path works as well as an id', async () => {
    const { dir, file, before } = tempCaseload();
    const wa = await reunify(['signoff', dir, '--sign', 'rf-s002', '--item', 'written_assessment', '--by', 'TM D.E.', '--date', '2026-11-02', '--quiet']);
    expect(wa.exitCode).toBe(0);
    expect(wa.stdout).toBe('');
    expect(readFileSync(file('RF-S002'), 'utf8').replace(SIGNED, '')).toBe(before('RF-S002'));
    expect(frontMatter(readFileSync(file('RF-S002'), 'utf8')).tasks.written_assessment.signed_off.frozen).toHaveLength(2);
    const decision = await reunify(['signoff', '--sign', file('RF-S001'), '--item', 'decision:rc1_d2', '--by', 'TM D.E.', '--date', '2026-11-02']);
    expect(decision.exitCode).toBe(0);
    expect(frontMatter(readFileSync(file('RF-S001'), 'utf8')).decisions[0].signed_off).toMatchObject({ by: 'TM D.E.', date: '2026-11-02' });
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const { dir, file, before } = tempCaseload();
    const r = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', '/decisions/0', '--by', 'TM D.E.', '--date', '2026-11-02', '--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^-\s+\{ party: iro, date: 2026-10-22, method: "email" \} \] \}$/m);
    expect(r.stdout).toMatch(
      /^\+\s+\{ party: iro, date: 2026-10-22, method: "email" \} \], signed_off: \{ by: TM D\.E\., date: 2026-11-02, frozen: \[.*\] \} \}$/m,
    );
    expect(r.stderr).toContain('Dry run');
    expect(readFileSync(file('RF-S001'), 'utf8')).toBe(before('RF-S001'));
  });

  it('warns on stderr, and still signs, when the person who recorded an item signs it off', async () => {
    const { dir, file } = tempCaseload();
    const r = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'classification:rc1_d2', '--by', 'sw k.l.', '--date', '2026-11-02']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      'reunify: RF-S001: warning: sw k.l. is signing off the rc1_d2 classification of 2026-10-14 (/classifications/0), which SW K.L. recorded: a self sign-off is not an independent check of the work',
    );
    expect(r.stdout).toMatch(/^Signed off the rc1_d2 classification .* by sw k\.l\. on 2026-11-02\.$/m);
    expect(frontMatter(readFileSync(file('RF-S001'), 'utf8')).classifications[0].signed_off).toMatchObject({ by: 'sw k.l.', date: '2026-11-02' });
    // the JSON says so as a flag; another manager raises no warning
    const other = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/classifications/2',
      '--by',
      'TM A.O.',
      '--date',
      '2026-11-02',
      '--format',
      'json',
      '--dry-run',
    ]);
    expect(other.exitCode).toBe(0);
    expect(other.stderr).toContain('warning: TM A.O. is signing off the rc2_d3 classification of 2026-10-12');
    expect(JSON.parse(other.stdout)).toMatchObject({ self_signoff: true, signed: { level: 'low', suggested: 'low', override: false } });
    const independent = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/classifications/2',
      '--by',
      'TM D.E.',
      '--date',
      '2026-11-02',
      '--format',
      'json',
      '--dry-run',
    ]);
    expect(independent.stderr).not.toContain('warning');
    expect(JSON.parse(independent.stdout).self_signoff).toBe(false);
  });

  it('--role records a further sign-off of a decision that the config asks for, and check stops warning', async () => {
    const { dir, file, before } = tempCaseload();
    writeFileSync(
      join(dir, 'reunify.config.yaml'),
      'organisation: "Test (fictional)"\nadditional_signoffs:\n  - { role: senior_manager, label: "the head of service", point: rc1_d2, outcomes: [return_if_goals_met] }\n',
    );
    const warned = await reunify(['check', file('RF-S003'), '--as-of', '2026-11-02']);
    expect(warned.stdout).toContain(
      "the rc1_d2 decision of 2025-11-13 (return_if_goals_met) needs a sign-off by the head of service as well as the team manager's (config additional_signoffs), and none is recorded (additional_signoffs, role senior_manager)  case/additional-signoffs",
    );
    const r = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      'decision:rc1_d2',
      '--role',
      'senior_manager',
      '--by',
      'HoS M.K.',
      '--date',
      '2025-11-20',
    ]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      `Signed off the rc1_d2 decision of 2025-11-13 (/decisions/0) in RF-S003 (${file('RF-S003')}) for the head of service by HoS M.K. on 2025-11-20.\n` +
        '  signed: outcome return_if_goals_met, signed off by the team manager TM A.O. on 2025-11-13',
    );
    const decision = frontMatter(readFileSync(file('RF-S003'), 'utf8')).decisions[0];
    // the team manager's sign-off is as it was; the further one is added beside it
    expect(decision.signed_off).toEqual({ by: 'TM A.O.', date: '2025-11-13' });
    expect(decision.additional_signoffs).toEqual([{ role: 'senior_manager', by: 'HoS M.K.', date: '2025-11-20' }]);
    const text = readFileSync(file('RF-S003'), 'utf8');
    // one line changed: the decision's last line gains the further sign-off; every other byte is kept
    const changed = text.split('\n').filter((l) => !before('RF-S003').split('\n').includes(l));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/additional_signoffs: \[\{ role: senior_manager, by: "?HoS M\.K\."?, date: 2025-11-20 \}\] \}$/);
    expect(text.split('\n')).toHaveLength(before('RF-S003').split('\n').length);
    const clean = await reunify(['check', file('RF-S003'), '--as-of', '2026-11-02']);
    expect(clean.stdout).not.toContain('case/additional-signoffs');
    // once given, the same role is refused; a sign-off dated before the decision is refused
    const again = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/decisions/0',
      '--role',
      'senior_manager',
      '--by',
      'HoS X.Y.',
      '--date',
      '2025-11-21',
    ]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr.trimEnd()).toBe(
      'reunify: RF-S003: the rc1_d2 decision of 2025-11-13 is already signed off for senior_manager by HoS M.K. on 2025-11-20',
    );
    const early = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/decisions/0',
      '--role',
      'permanence_panel',
      '--by',
      'Panel',
      '--date',
      '2025-11-01',
    ]);
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain('nothing was signed: the sign-off date 2025-11-01 is before the rc1_d2 decision of 2025-11-13 (/decisions/0) was made');
    // a role the config does not ask for is recorded with a warning; a classification cannot take one
    const notAsked = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/decisions/0',
      '--role',
      'permanence_panel',
      '--by',
      'Panel',
      '--date',
      '2025-11-21',
      '--dry-run',
    ]);
    expect(notAsked.exitCode).toBe(0);
    expect(notAsked.stderr).toContain("warning: the config's additional_signoffs does not ask for a permanence panel sign-off of rc1_d2 return_if_goals_met");
    const cls = await reunify(['signoff', dir, '--sign', 'RF-S003', '--item', 'classification:rc1_d2', '--role', 'senior_manager', '--by', 'HoS M.K.']);
    expect(cls.exitCode).toBe(1);
    expect(cls.stderr).toContain('a further sign-off (--role) is of a decision');
    const usage = await reunify(['signoff', dir, '--role', 'senior_manager']);
    expect(usage.exitCode).toBe(2);
  });

  it('a classification the manager made together with the worker is not a self sign-off when the manager signs it', async () => {
    const { dir, file } = tempCaseload();
    const text = readFileSync(file('RF-S003'), 'utf8');
    const together = text.replace(
      'point: rc2_d3, level: medium, suggested: medium, by: "TM A.O." }',
      'point: rc2_d3, level: medium, suggested: medium, by: ["SW T.N.", "TM A.O."] }',
    );
    expect(together).not.toBe(text);
    writeFileSync(file('RF-S003'), together);
    const list = await reunify(['signoff', dir, ...AS_OF]);
    expect(list.stdout).toContain('by SW T.N. and TM A.O.');
    const r = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S003',
      '--item',
      '/classifications/1',
      '--by',
      'TM A.O.',
      '--date',
      '2026-11-02',
      '--format',
      'json',
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).self_signoff).toBe(false);
    expect(frontMatter(readFileSync(file('RF-S003'), 'utf8')).classifications[1]).toMatchObject({ by: ['SW T.N.', 'TM A.O.'], signed_off: { by: 'TM A.O.' } });
  });

  it('--sign says what was signed, and flags sharing dated before the sign-off', async () => {
    const { dir } = tempCaseload();
    // signed on 2026-10-20: child and mum were told on the 19th; rk on the 20th is not before it
    const decision = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'decision:rc1_d2', '--by', 'TM D.E.', '--date', '2026-10-20']);
    expect(decision.exitCode).toBe(0);
    expect(decision.stdout).toContain(
      'by TM D.E. on 2026-10-20.\n  signed: outcome return_if_goals_met\n  already shared before this sign-off: child 2026-10-19, mum 2026-10-19\n',
    );
    const wa = await reunify([
      'signoff',
      dir,
      '--sign',
      'RF-S002',
      '--item',
      'written_assessment',
      '--by',
      'TM D.E.',
      '--date',
      '2026-11-02',
      '--format',
      'json',
    ]);
    expect(JSON.parse(wa.stdout)).toMatchObject({
      kind: 'written_assessment',
      point: null,
      self_signoff: false,
      signed: { recommendation: 'return_if_goals_met', shared_before_signoff: [] },
    });
    // --dry-run says what it would sign, on stderr beside the diff
    const dry = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'classification', '--by', 'TM D.E.', '--date', '2026-11-02', '--dry-run']);
    expect(dry.stderr).toMatch(/\n {2}would sign: level Medium \(suggested High\): override, strong_protective_context$/);
  });

  it('refuses (exit 1) an ambiguous --item, then an item already signed', async () => {
    const { dir, file, before } = tempCaseload();
    const ambiguous = await reunify(['signoff', dir, '--sign', 'RF-S003', '--item', 'classification:rc2_d3', '--by', 'TM D.E.']);
    expect(ambiguous.exitCode).toBe(1);
    expect(ambiguous.stderr).toContain('is ambiguous: 2 rc2_d3 classifications await sign-off (/classifications/1, /classifications/2)');
    expect(readFileSync(file('RF-S003'), 'utf8')).toBe(before('RF-S003'));
    expect((await reunify(['signoff', dir, '--sign', 'RF-S003', '--item', '/classifications/2', '--by', 'TM D.E.', '--date', '2026-11-02'])).exitCode).toBe(0);
    const again = await reunify(['signoff', dir, '--sign', 'RF-S003', '--item', '/classifications/2', '--by', 'TM B.B.', '--date', '2026-11-03']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('is already signed off by TM D.E. on 2026-11-02');
    const rc1 = await reunify(['signoff', dir, '--sign', 'RF-S003', '--item', 'classification:rc1_d2', '--by', 'TM D.E.']);
    expect(rc1.exitCode).toBe(1);
    expect(rc1.stderr).toContain('already signed off by TM A.O. on 2025-11-11');
  });

  it('refuses unknown cases, items named twice or not at all (exit 1)', async () => {
    const { dir } = tempCaseload();
    const noCase = await reunify(['signoff', dir, '--sign', 'RF-9999', '--item', 'written_assessment', '--by', 'TM D.E.']);
    expect(noCase.exitCode).toBe(1);
    expect(noCase.stderr).toContain('no case "RF-9999"');
    cpSync(join(dir, 'cases', 'RF-S001.md'), join(dir, 'RF-S001.md'));
    const twice = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'decision', '--by', 'TM D.E.']);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('2 files hold case RF-S001');
    unlinkSync(join(dir, 'RF-S001.md'));
    const noItem = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'classification:rc3_post_return', '--by', 'TM D.E.']);
    expect(noItem.exitCode).toBe(1);
    expect(noItem.stderr).toContain('the case has no rc3_post_return classification');
    const badItem = await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'agreement', '--by', 'TM D.E.']);
    expect(badItem.exitCode).toBe(1);
    expect(badItem.stderr).toContain('is not one of: written_assessment, classification[:point]');
  });

  it('refuses a written assessment that is not done yet (exit 1)', async () => {
    const notDone = await reunify([
      'signoff',
      join(ROOT, 'examples', 'caseload'),
      '--sign',
      'RF-0003',
      '--item',
      'written_assessment',
      '--by',
      'TM D.E.',
      '--dry-run',
    ]);
    expect(notDone.exitCode).toBe(1);
    expect(notDone.stderr).toContain('the written assessment is not done yet');
  });

  it('usage errors exit 2: --sign without --item or --by, sign-only flags without --sign, a bad date', async () => {
    const { dir } = tempCaseload();
    expect((await reunify(['signoff', dir, '--sign', 'RF-S001', '--by', 'TM D.E.'])).exitCode).toBe(2);
    expect((await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'written_assessment'])).exitCode).toBe(2);
    expect((await reunify(['signoff', dir, '--by', 'TM D.E.'])).exitCode).toBe(2);
    expect((await reunify(['signoff', dir, '--sign', 'RF-S001', '--item', 'decision', '--by', 'TM D.E.', '--date', '2 Nov'])).exitCode).toBe(2);
  });

  it('does not sign off a written assessment that does not say what must change or what other agencies said', async () => {
    const { dir, file } = tempCaseload();
    const before = readFileSync(file('RF-S002'), 'utf8').replace(/^assessment:\n( {2}.*\n)+/m, '');
    writeFileSync(file('RF-S002'), before);
    const r = await reunify(['signoff', dir, '--sign', 'RF-S002', '--item', 'written_assessment', '--by', 'TM D.E.', '--date', '2026-11-02']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "nothing was signed: the written assessment does not yet say what must change for a safe return (assessment.what_must_change) or other agencies' information (assessment.other_agencies)",
    );
    expect(readFileSync(file('RF-S002'), 'utf8')).toBe(before);
    // the body sections of a file written before the fields do as well
    writeFileSync(file('RF-S002'), before + '\n## What must change\n\nMs B stays well.\n\n## Other agencies\n\nPolice checks clear.\n');
    expect((await reunify(['signoff', dir, '--sign', 'RF-S002', '--item', 'written_assessment', '--by', 'TM D.E.', '--date', '2026-11-02'])).exitCode).toBe(0);
  });

  it('keeps CRLF line endings: only the sign-off is added', async () => {
    const { dir, file } = tempCaseload();
    writeFileSync(file('RF-S002'), readFileSync(file('RF-S002'), 'utf8').replace(/\n/g, '\r\n'));
    const crlf = readFileSync(file('RF-S002'));
    const r = await reunify(['signoff', dir, '--sign', 'RF-S002', '--item', 'written_assessment', '--by', 'TM D.E.', '--date', '2026-11-02']);
    expect(r.exitCode).toBe(0);
    const after = readFileSync(file('RF-S002'), 'utf8');
    expect(after.replace(SIGNED, '')).toBe(crlf.toString('utf8'));
    expect(after).not.toMatch(/[^\r]\n/);
  });

  it('help has real examples', async () => {
    const r = await reunify(['signoff', '--help']);
    expect(r.stdout).toContain('$ reunify signoff examples/caseload --as-of 2026-11-01');
  });
});
