// [local] Further sign-offs by role (config additional_signoffs: a senior manager, a
// permanence panel). The decision task asks for each one still missing, with nothing
// pre-filled and nothing recorded from an empty answer; the decision record shows each one
// given, or that it is awaited; family copies show none of them.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, reunify } from './run.js';

const EXAMPLES = join(ROOT, 'examples', 'caseload');
const HEAD_OF_SERVICE = 'additional_signoffs:\n  - { role: senior_manager, label: "the head of service", point: rc1_d2 }\n';

/** Example cases (with their frozen copies) in a scratch caseload with `config`. */
function caseload(ids: string[], config: string) {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-further-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), `organisation: "Test borough (fictional)"\n${config}`);
  mkdirSync(join(dir, 'cases'));
  for (const id of ids) {
    cpSync(join(EXAMPLES, 'cases', `${id}.md`), join(dir, 'cases', `${id}.md`));
    cpSync(join(EXAMPLES, 'records', id), join(dir, 'records', id), { recursive: true });
  }
  const file = (id: string) => readFileSync(join(dir, 'cases', `${id}.md`), 'utf8');
  const answers = (text: string) => {
    const p = join(dir, 'answers.yaml');
    writeFileSync(p, text);
    return p;
  };
  return { dir, file, answers };
}

const DECISION = ['task', 'RF-0014', 'decision', '--status', 'done', '--by', 'TM A.O.', '--date', '2026-11-05'];

describe('the decision task asks for the further sign-offs the config needs', () => {
  it('a new decision: none given, none recorded, and check still says it is missing', async () => {
    const c = caseload(['RF-0014'], HEAD_OF_SERVICE);
    const a = c.answers('decisions: [ { outcome: return_if_goals_met, reasons: "Goals on drinking and rows first" } ]\n');
    const r = await reunify([...DECISION, '--answers', a], { cwd: c.dir });
    expect(r.exitCode).toBe(0);
    expect(c.file('RF-0014')).toContain(
      '  - { date: 2026-11-05, point: rc1_d2, outcome: return_if_goals_met, reasons: Goals on drinking and rows first }\n---\n',
    );
    expect(c.file('RF-0014')).not.toContain('senior_manager');
    const check = await reunify(['check', '--as-of', '2026-11-05'], { cwd: c.dir });
    expect(check.stdout).toContain('needs a sign-off by the head of service as well as the team manager');
    expect(check.stdout).toContain('case/additional-signoffs');
  });

  it('a new decision: who is given, so when is asked, not before the decision and not after today; then role, who and date are recorded', async () => {
    const c = caseload(['RF-0014'], HEAD_OF_SERVICE);
    const undated = c.answers('decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", additional_signoffs: [ { by: "HoS M.K." } ] } ]\n');
    const r1 = await reunify([...DECISION, '--answers', undated], { cwd: c.dir });
    expect(r1.exitCode).toBe(2);
    expect(r1.stderr).toContain('needs this answer: decisions[0].additional_signoffs[0].date');
    const early = c.answers(
      'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", additional_signoffs: [ { by: "HoS M.K.", date: 2026-11-04 } ] } ]\n',
    );
    const r2 = await reunify([...DECISION, '--answers', early], { cwd: c.dir });
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toContain('decisions[0].additional_signoffs[0].date: must not be before the decision is dated (2026-11-05)');
    const late = c.answers(
      'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", additional_signoffs: [ { by: "HoS M.K.", date: 2026-11-06 } ] } ]\n',
    );
    expect((await reunify([...DECISION, '--answers', late], { cwd: c.dir })).exitCode).toBe(2);
    expect(c.file('RF-0014')).not.toContain('HoS M.K.');
    const given = c.answers(
      'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", additional_signoffs: [ { by: "HoS M.K.", date: 2026-11-05 } ] } ]\n',
    );
    expect((await reunify([...DECISION, '--answers', given], { cwd: c.dir })).exitCode).toBe(0);
    expect(c.file('RF-0014')).toContain(
      '  - { date: 2026-11-05, point: rc1_d2, outcome: return_if_goals_met, reasons: Goals first, additional_signoffs: [{ role: senior_manager, by: HoS M.K., date: 2026-11-05 }] }\n---\n',
    );
    const check = await reunify(['check', '--as-of', '2026-11-05', '--format', 'json'], { cwd: c.dir });
    expect(check.stdout).not.toContain('case/additional-signoffs');
  });

  it('an outcome the config does not name asks nothing: an answer for it is not recorded', async () => {
    const c = caseload(['RF-0014'], 'additional_signoffs:\n  - { role: permanence_panel, point: rc1_d2, outcomes: [no_return] }\n');
    const a = c.answers(
      'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", additional_signoffs: [ { by: "Panel chair P.C.", date: 2026-11-05 } ] } ]\n',
    );
    expect((await reunify([...DECISION, '--answers', a], { cwd: c.dir })).exitCode).toBe(0);
    expect(c.file('RF-0014')).not.toContain('additional_signoffs');
  });

  it('a decision already recorded: the task asks for its missing sign-off; empty, nothing is recorded; given, it is added alone and the frozen copies stand', async () => {
    const c = caseload(['RF-0005'], HEAD_OF_SERVICE);
    const before = c.file('RF-0005');
    // nothing given: the done task asks for a decision, as it always has, and nothing is written
    const none = await reunify(['task', 'RF-0005', 'decision', '--no-input', '--date', '2026-11-01'], { cwd: c.dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('task decision needs this answer: decisions (at least one decision)');
    expect(c.file('RF-0005')).toBe(before);
    const given = await reunify(
      [
        'task',
        'RF-0005',
        'decision',
        '--no-input',
        '--date',
        '2026-11-01',
        '--set',
        'additional_signoffs.0.by=HoS M.K.',
        '--set',
        'additional_signoffs.0.date=2026-10-30',
      ],
      { cwd: c.dir },
    );
    expect(given.exitCode).toBe(0);
    const after = c.file('RF-0005');
    expect(after).toContain('additional_signoffs: [{ role: senior_manager, by: HoS M.K., date: 2026-10-30 }] }');
    // every other byte kept: only the decision's last line changed
    expect(after.replace(', additional_signoffs: [{ role: senior_manager, by: HoS M.K., date: 2026-10-30 }]', '')).toBe(before);
    const check = await reunify(['check', '--as-of', '2026-11-01', '--format', 'json'], { cwd: c.dir });
    expect(check.stdout).not.toContain('case/additional-signoffs');
    expect(check.stdout).not.toContain('case/frozen-copy');
  });
});

describe('the monitoring task asks for a further sign-off of a post-return review decision', () => {
  const REVIEW_PANEL = 'additional_signoffs:\n  - { role: senior_manager, label: "the head of service", point: rc3_post_return }\n';
  const MONITORING = ['task', 'RF-0001', 'monitoring', '--no-input', '--date', '2026-11-01', '--set', 'return.visits.0.date=2026-10-30'];

  it('empty, nothing is recorded and check still says it is missing; given, it is added to the RC3 decision alone', async () => {
    const c = caseload(['RF-0001'], REVIEW_PANEL);
    const missing = await reunify(['check', '--as-of', '2026-11-01', '--format', 'json'], { cwd: c.dir });
    expect(missing.stdout).toContain('case/additional-signoffs');
    const none = await reunify(MONITORING, { cwd: c.dir });
    expect(none.exitCode, none.stderr).toBe(0);
    expect(c.file('RF-0001')).not.toContain('senior_manager');
    const given = await reunify([...MONITORING, '--set', 'additional_signoffs.0.by=HoS M.K.', '--set', 'additional_signoffs.0.date=2026-06-01'], {
      cwd: c.dir,
    });
    expect(given.exitCode, given.stderr).toBe(0);
    const rc3 = c
      .file('RF-0001')
      .split('\n')
      .filter((l) => l.includes('additional_signoffs'));
    expect(rc3).toEqual([expect.stringContaining('additional_signoffs: [{ role: senior_manager, by: HoS M.K., date: 2026-06-01 }]')]);
    const check = await reunify(['check', '--as-of', '2026-11-01', '--format', 'json'], { cwd: c.dir });
    expect(check.stdout).not.toContain('case/additional-signoffs');
    expect(check.stdout).not.toContain('case/frozen-copy');
  });
});

describe('the decision record shows the further sign-offs', () => {
  const report = (...extra: string[]) => reunify(['report', join(EXAMPLES, 'cases', 'RF-0004.md'), '-t', 'decision', '--draft', ...extra]);

  it('given: the role, who and when, with the note; not yet given on the date: awaited', async () => {
    const md = (await report('--as-of', '2026-11-01')).stdout;
    expect(md).toContain(
      '| Further sign-off: permanence panel | signed off by HoS M.K. on 20 October 2026. Permanence panel, chaired by HoS M.K.: agreed that return home is not pursued; long-term foster care with contact |',
    );
    const html = (await report('--as-of', '2026-11-01', '--to', 'html')).stdout;
    expect(html).toContain('<tr><th>Further sign-off: permanence panel</th><td>signed off by HoS M.K. on 20 October 2026. ');
    // the panel sat on 20 October: on the 18th the decision was still waiting for it
    expect((await report('--as-of', '2026-10-18')).stdout).toContain('| Further sign-off: permanence panel | Awaiting permanence panel sign-off |');
  });

  it('a decision the config asks nothing further of has no such line', async () => {
    const md = (await reunify(['report', join(EXAMPLES, 'cases', 'RF-0005.md'), '-t', 'decision', '--draft', '--as-of', '2026-11-01'])).stdout;
    expect(md).toContain('| Sign-off | signed off by TM D.E. on 16 October 2026 |');
    expect(md).not.toContain('Further sign-off');
  });

  it("family copies do not name who gave a further sign-off, as they do not name the team manager's", async () => {
    for (const reader of ['mum', 'dad', 'fc']) {
      const copy = (await reunify(['report', join(EXAMPLES, 'cases', 'RF-0004.md'), '-t', 'decision', '--for', reader, '--as-of', '2026-11-01'])).stdout;
      expect(copy, reader).toContain('No return home');
      expect(copy, reader).not.toMatch(/HoS M\.K\.|permanence panel|Further sign-off|signed off by/i);
    }
  });
});
