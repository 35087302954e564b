// new, task and advance through the built binary, the way a worker (or a script) runs
// them: answers files and fixed dates, no terminal. Run `npm run build` first.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { reunify } from './run.js';
import { reunifyBinary } from './spawn.js';
import { present } from '../present.js';

function caseload(files: Record<string, string> = {}): { dir: string; cases: string; file(name: string): string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-cli-workflow-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Test borough (fictional)"\n');
  const cases = join(dir, 'cases');
  mkdirSync(cases);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(cases, name), text);
    // an example's frozen copies of its signed-off products go with it (case/frozen-copy checks them)
    const records = join(import.meta.dirname, '../../examples/caseload/records', name.replace(/\.md$/, ''));
    if (existsSync(records)) cpSync(records, join(dir, 'records', name.replace(/\.md$/, '')), { recursive: true });
  }
  return {
    dir,
    cases,
    file: (name) => join(cases, name),
    write: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

const example = (id: string) => readFileSync(join(import.meta.dirname, '../../examples/caseload/cases', `${id}.md`), 'utf8');

const NEW_CASE = `child: { ref: "Child Z", dob: 2016-03-02, looked_after_since: 2026-09-07, legal_status: s20, placement: foster }
cohorts: [s20_placement]
triggers: [ { type: cla_review, date: 2026-09-30 } ]
team: { social_worker: "SW K.L.", team_manager: "TM D.E." }
`;

const STAGE_1: [task: string, date: string, answers: string][] = [
  [
    'case_history',
    '2026-10-05',
    `history: { entries_to_care: 1, previous_returns: 0, failed_returns: 0, parent_prior_removals: 0, missing_episodes: 0 }
people:
  - { id: mum, ref: "Ms Z", relation: mother, pr: true, household: true, returning_to: true }
  - { id: fc, ref: "Foster carers Q", relation: foster_carer, carer: true }
body:
  Case history: "First entry to care, after Ms Z was admitted to hospital."
`,
  ],
  ['engagement', '2026-10-06', 'tasks: { engagement: { note: "Explained at home with an interpreter" } }\n'],
  [
    'family_assessment',
    '2026-10-12',
    `factors: [ { id: parental_mental_health, status: partly, evidence: "Stable on medication", as_of: 2026-10-12 } ]
capacity_to_change: [ { person: mum, rating: emerging, evidence: "Sees the crisis team", as_of: 2026-10-12 } ]
assessment: { other_agencies: "GP (October 2026): Ms Z stable on medication; the crisis team sees her weekly" }
`,
  ],
  ['safe_adult', '2026-10-12', 'people: [ { id: gran, ref: "Mrs Y", relation: maternal_grandmother } ]\ntasks: { safe_adult: { person: gran } }\n'],
  [
    'written_assessment',
    '2026-10-20',
    `assessment: { what_must_change: "Ms Z keeps taking her medication and tells the crisis team early when she is struggling" }
tasks:
  written_assessment: { recommendation: return_if_goals_met, signed_off: { by: "TM D.E.", date: 2026-10-20 } }
`,
  ],
];

describe('a new user, without an editor', () => {
  it('creates a case, completes stage 1 task by task, advances to stage 2, and check is clean', async () => {
    const c = caseload();
    const newAnswers = c.write('new.yaml', NEW_CASE);
    const created = await reunify(['new', 'RF-0100', '--dir', 'cases', '--answers', newAnswers, '--date', '2026-10-01'], { cwd: c.dir });
    expect(created.stderr).toContain('created cases/RF-0100.md at stage 1 (assess)');
    expect(created.exitCode).toBe(0);

    const listed = await reunify(['task', 'RF-0100'], { cwd: c.dir });
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toMatch(/RF-0100 +stage 1 \(assess\)/);
    expect(listed.stdout).toMatch(/todo +safe_adult +Identify a safe adult/);

    for (const [task, date, answers] of STAGE_1) {
      const file = c.write(`${task}.yaml`, answers);
      const done = await reunify(['task', 'rf-0100', task, '--answers', file, '--date', date], { cwd: c.dir });
      expect({ task, exit: done.exitCode, stderr: done.stderr }).toMatchObject({ exit: 0 });
    }

    const advanced = await reunify(['advance', 'RF-0100', '--date', '2026-10-21'], { cwd: c.dir });
    expect(advanced.stderr).toContain('now at stage 2 (decide)');
    expect(advanced.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0100.md'), 'utf8');
    expect(text).toMatch(/^stage: 2 +#/m);
    expect(text).toMatch(/^ {2}support_if_no_return:\n {4}status: todo$/m);

    const checked = await reunify(['check', '--as-of', '2026-10-21'], { cwd: c.dir });
    expect(checked.stdout).toContain('no problems');
    expect(checked.exitCode).toBe(0);
  });
});

describe('without a terminal nothing waits for input', () => {
  const setup = () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    return { c, before: readFileSync(c.file('RF-0002.md'), 'utf8') };
  };

  it('`echo | reunify task X safe_adult` exits at once, naming the missing answer', async () => {
    const { c, before } = setup();
    // RF-0002's safe adult is already named; its written assessment is not written yet
    const r = await reunify(['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02'], { cwd: c.dir, input: '\n' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('task written_assessment needs this answer: tasks.written_assessment.recommendation');
    expect(r.stderr).toContain('--answers FILE');
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(before);
  });

  it('safe_adult on a fresh case names tasks.safe_adult.person; with --answers it succeeds', async () => {
    const c = caseload();
    await reunify(['new', 'RF-0100', '--dir', 'cases', '--answers', c.write('new.yaml', NEW_CASE), '--date', '2026-10-01'], { cwd: c.dir });
    const before = readFileSync(c.file('RF-0100.md'), 'utf8');
    const asked = await reunify(['task', 'RF-0100', 'safe_adult', '--date', '2026-10-05'], { cwd: c.dir, input: '\n' });
    expect(asked.exitCode).toBe(2);
    expect(asked.stderr).toContain('task safe_adult needs this answer: tasks.safe_adult.person');
    expect(readFileSync(c.file('RF-0100.md'), 'utf8')).toBe(before);

    const answers = c.write('a.yaml', 'people: [ { id: gran, ref: "Mrs Y", relation: maternal_grandmother } ]\ntasks: { safe_adult: { person: gran } }\n');
    const done = await reunify(['task', 'RF-0100', 'safe_adult', '--answers', answers, '--date', '2026-10-05'], { cwd: c.dir, input: '\n' });
    expect(done.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0100.md'), 'utf8')).toMatch(/person: gran/);
  });

  it('CI set, or --no-input, is the same: no prompt, a message and exit 2', async () => {
    const { c } = setup();
    for (const extra of [
      { env: { CI: 'true' }, args: [] },
      { env: {}, args: ['--no-input'] },
    ] as { env: Record<string, string>; args: string[] }[]) {
      const r = await reunify(['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02', ...extra.args], { cwd: c.dir, env: extra.env });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('task written_assessment needs');
    }
  });

  it('flags answer too: --status, --by, --note and --set', async () => {
    const { c } = setup();
    const r = await reunify(['task', 'RF-0002', 'family_assessment', '--status', 'in_progress', '--note', 'Police checks awaited', '--date', '2026-11-02'], {
      cwd: c.dir,
    });
    expect(r.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toMatch(/family_assessment: +\{ status: in_progress, note: Police checks awaited \}/);
    const s = await reunify(['task', 'RF-0002', 'written_assessment', '--set', 'tasks.written_assessment.recommendation=no_retrun', '--date', '2026-11-02'], {
      cwd: c.dir,
    });
    expect(s.exitCode).toBe(2);
    expect(s.stderr).toContain('tasks.written_assessment.recommendation: must be one of: return_with_support');
  });
});

describe("without a terminal, nobody's sign-off or agreement is assumed", () => {
  const rf2 = () => caseload({ 'RF-0002.md': example('RF-0002') });
  const assessment = (text: string) => /^ {2}written_assessment: (.*)$/m.exec(text)?.[1];

  it('written_assessment from --set, --answers or flags is recorded without a sign-off unless one is given', async () => {
    for (const how of [
      ['--set', 'tasks.written_assessment.recommendation=return_if_goals_met'],
      ['--answers', 'answers.yaml'],
      ['--status', 'done', '--by', 'SW K.L.', '--set', 'tasks.written_assessment.recommendation=return_if_goals_met'],
    ]) {
      const c = rf2();
      c.write('answers.yaml', 'tasks:\n  written_assessment: { recommendation: return_if_goals_met }\n');
      const r = await reunify(['task', 'RF-0002', 'written_assessment', ...how, '--date', '2026-11-02'], { cwd: c.dir });
      expect(r.exitCode, how.join(' ')).toBe(0);
      expect(assessment(readFileSync(c.file('RF-0002.md'), 'utf8')), how.join(' ')).toBe(
        '{ status: done, date: 2026-11-02, by: SW K.L., recommendation: return_if_goals_met }',
      );
    }
  });

  it('what check and the sign-off queue then say about it stands', async () => {
    const c = rf2();
    await reunify(['task', 'RF-0002', 'written_assessment', '--set', 'tasks.written_assessment.recommendation=return_if_goals_met', '--date', '2026-11-02'], {
      cwd: c.dir,
    });
    const checked = await reunify(['check', '--as-of', '2026-11-02'], { cwd: c.dir });
    expect(checked.exitCode).toBe(1);
    expect(checked.stdout).toContain("the written assessment is done but has no manager's sign-off");
    const queue = await reunify(['signoff', '--as-of', '2026-11-02'], { cwd: c.dir });
    expect(queue.stdout).toMatch(/RF-0002 +written_assessment +2026-11-02 .*by SW K\.L\., for TM D\.E\./);
  });

  it('a sign-off given is recorded, and needs its date: none is assumed', async () => {
    const c = rf2();
    const base = [
      'task',
      'RF-0002',
      'written_assessment',
      '--set',
      'tasks.written_assessment.recommendation=return_if_goals_met',
      '--set',
      'tasks.written_assessment.signed_off.by=TM D.E.',
      '--date',
      '2026-11-03',
    ];
    const undated = await reunify(base, { cwd: c.dir });
    expect(undated.exitCode).toBe(2);
    expect(undated.stderr).toContain('task written_assessment needs this answer: tasks.written_assessment.signed_off.date');
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(example('RF-0002'));
    const dated = await reunify([...base, '--set', 'tasks.written_assessment.signed_off.date=2026-11-03'], { cwd: c.dir });
    expect(dated.exitCode).toBe(0);
    // the sign-off keeps the written assessment as signed, as signoff --sign does
    expect(assessment(readFileSync(c.file('RF-0002.md'), 'utf8'))).toMatch(
      /^\{ status: done, date: 2026-11-03, by: SW K\.L\., recommendation: return_if_goals_met, signed_off: \{ by: TM D\.E\., date: 2026-11-03, frozen: \[\{ path: \.\.\/records\/RF-0002\/assessment-2026-11-03\.md, sha256: [0-9a-f]{64} \}, \{ path: \.\.\/records\/RF-0002\/assessment-2026-11-03\.html, sha256: [0-9a-f]{64} \}\] \} \}$/,
    );
    expect(dated.stderr).toContain('  frozen copy: records/RF-0002/assessment-2026-11-03.md\n  frozen copy: records/RF-0002/assessment-2026-11-03.html\n');
    expect(existsSync(join(c.dir, 'records/RF-0002/assessment-2026-11-03.html'))).toBe(true);
  });

  describe('a sign-off covers the recommendation signed', () => {
    // RF-0005's written assessment recommends return_if_goals_met, signed off by TM D.E. on 2026-10-09
    const rf5 = () => caseload({ 'RF-0005.md': example('RF-0005') });
    const signed = /^ {2}written_assessment: +(\{[^}]*\}[^}]*\})/m;

    it('a changed recommendation drops the old sign-off, and says so', async () => {
      const c = rf5();
      const r = await reunify(['task', 'RF-0005', 'written_assessment', '--set', 'tasks.written_assessment.recommendation=no_return', '--date', '2026-11-02'], {
        cwd: c.dir,
      });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toContain(
        'reunify: cases/RF-0005.md: task written_assessment: the sign-off by TM D.E. (2026-10-09) was of the recommendation return_if_goals_met, not no_return, so it was removed',
      );
      const text = readFileSync(c.file('RF-0005.md'), 'utf8');
      expect(assessment(text)?.trim()).toBe('{ status: done, date: 2026-10-07, by: SW K.L., recommendation: no_return }');
      expect((await reunify(['signoff', '--as-of', '2026-11-02'], { cwd: c.dir })).stdout).toMatch(/RF-0005 +written_assessment/);
    });

    it('a new sign-off given in the same run is recorded instead', async () => {
      const c = rf5();
      const r = await reunify(
        [
          'task',
          'RF-0005',
          'written_assessment',
          '--set',
          'tasks.written_assessment.recommendation=no_return',
          '--set',
          'tasks.written_assessment.signed_off.by=TM D.E.',
          '--set',
          'tasks.written_assessment.signed_off.date=2026-11-02',
          '--date',
          '2026-11-02',
        ],
        { cwd: c.dir },
      );
      expect(r.exitCode).toBe(0);
      expect(r.stderr).not.toContain('removed');
      const text = readFileSync(c.file('RF-0005.md'), 'utf8');
      expect(signed.exec(text)?.[1]).toContain(
        'signed_off: { by: TM D.E., date: 2026-11-02, frozen: [{ path: ../records/RF-0005/assessment-2026-11-02.md, sha256: ',
      );
      expect(text).toContain('recommendation: no_return');
    });

    it('the same recommendation keeps its sign-off', async () => {
      const c = rf5();
      const r = await reunify(
        ['task', 'RF-0005', 'written_assessment', '--set', 'tasks.written_assessment.recommendation=return_if_goals_met', '--date', '2026-11-02'],
        { cwd: c.dir },
      );
      expect(r.exitCode).toBe(0);
      expect(r.stderr).not.toContain('removed');
      expect(readFileSync(c.file('RF-0005.md'), 'utf8')).toBe(example('RF-0005'));
    });
  });

  // RF-0005 as it was before its RC1 classification and Decision 2
  const beforeRc1 = () =>
    example('RF-0005')
      .replace(/^( {2}classification: +)\{[^}]*\}/m, '$1{ status: todo }')
      .replace(/^( {2}decision: +)\{[^}]*\}/m, '$1{ status: todo }')
      .replace(/^( {2}decision_shared: +)\{[^}]*\}/m, '$1{ status: todo }')
      .replace(/^classifications:\n[\s\S]*?(?=^---$)/m, '');

  it('classification and decision: no sign-off, and the team manager is not named as having done the task, unless given', async () => {
    const c = caseload({ 'RF-0005.md': beforeRc1() });
    const rc1 = c.write('rc1.yaml', 'classifications: [ { level: medium } ]\n');
    const d2 = c.write('d2.yaml', 'decisions: [ { outcome: return_if_goals_met, reasons: "Goals on conflict and school first" } ]\n');
    expect((await reunify(['task', 'RF-0005', 'classification', '--answers', rc1, '--date', '2026-10-14'], { cwd: c.dir })).exitCode).toBe(0);
    // the decision is the team manager's task: that it is done, and who did it, are never assumed
    const unsaid = await reunify(['task', 'RF-0005', 'decision', '--answers', d2, '--date', '2026-10-16'], { cwd: c.dir });
    expect(unsaid.exitCode).toBe(2);
    expect(unsaid.stderr).toContain('task decision needs this answer: tasks.decision.status');
    const noBy = await reunify(['task', 'RF-0005', 'decision', '--answers', d2, '--status', 'done', '--date', '2026-10-16'], { cwd: c.dir });
    expect(noBy.exitCode).toBe(2);
    expect(noBy.stderr).toContain('task decision needs this answer: tasks.decision.by');
    expect(readFileSync(c.file('RF-0005.md'), 'utf8')).not.toMatch(/^decisions:/m);
    const decided = await reunify(['task', 'RF-0005', 'decision', '--answers', d2, '--status', 'done', '--by', 'SW K.L.', '--date', '2026-10-16'], {
      cwd: c.dir,
    });
    expect(decided.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0005.md'), 'utf8');
    expect(text).toMatch(
      /^classifications:\n {2}- date: 2026-10-14\n {4}point: rc1_d2\n {4}level: medium\n {4}suggested: \w+\n {4}by: SW K\.L\.\n(?! {4}signed_off)/m,
    );
    expect(text).toMatch(
      /^decisions:\n {2}- date: 2026-10-16\n {4}point: rc1_d2\n {4}outcome: return_if_goals_met\n {4}reasons: Goals on conflict and school first\n---$/m,
    );
    expect(text).toMatch(/^ {2}decision: +\{ status: done, date: 2026-10-16, by: SW K\.L\. \}$/m);
    expect(text).not.toMatch(/signed_off: \{ by: TM D\.E\., date: 2026-10-1[46] \}/);
    const queue = await reunify(['signoff', '--as-of', '2026-10-16', '--format', 'json'], { cwd: c.dir });
    expect(queue.stdout).toContain('rc1_d2');
  });

  it('classification and decision: a sign-off given is recorded', async () => {
    const c = caseload({ 'RF-0005.md': beforeRc1() });
    const rc1 = c.write('rc1.yaml', 'classifications: [ { level: medium, signed_off: { by: "TM D.E.", date: 2026-10-15 } } ]\n');
    expect((await reunify(['task', 'RF-0005', 'classification', '--answers', rc1, '--date', '2026-10-15'], { cwd: c.dir })).exitCode).toBe(0);
    const d2 = c.write('d2.yaml', 'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", signed_off: { by: "TM D.E." } } ]\n');
    const undated = await reunify(['task', 'RF-0005', 'decision', '--answers', d2, '--status', 'done', '--by', 'TM D.E.', '--date', '2026-10-16'], {
      cwd: c.dir,
    });
    expect(undated.exitCode).toBe(2);
    expect(undated.stderr).toContain('task decision needs this answer: decisions[0].signed_off.date');
    c.write('d2.yaml', 'decisions: [ { outcome: return_if_goals_met, reasons: "Goals first", signed_off: { by: "TM D.E.", date: 2026-10-16 } } ]\n');
    expect(
      (await reunify(['task', 'RF-0005', 'decision', '--answers', d2, '--status', 'done', '--by', 'TM D.E.', '--date', '2026-10-16'], { cwd: c.dir })).exitCode,
    ).toBe(0);
    const text = readFileSync(c.file('RF-0005.md'), 'utf8');
    expect(text).toMatch(/ {4}by: SW K\.L\.\n {4}signed_off:\n {6}by: TM D\.E\.\n {6}date: 2026-10-15\n/);
    expect(text).toMatch(/ {4}reasons: Goals first\n {4}signed_off:\n {6}by: TM D\.E\.\n {6}date: 2026-10-16\n/);
    expect(text).toMatch(/^ {2}decision: +\{ status: done, date: 2026-10-16, by: TM D\.E\. \}$/m);
  });

  it('classification and decision: the suggested level and the decision map are never recorded unless given', async () => {
    const c = caseload({ 'RF-0005.md': beforeRc1() });
    const before = readFileSync(c.file('RF-0005.md'), 'utf8');
    const rc1 = await reunify(['task', 'RF-0005', 'classification', '--set', 'classifications=[{}]', '--date', '2026-10-14'], { cwd: c.dir });
    expect(rc1.exitCode).toBe(2);
    expect(rc1.stderr).toContain('task classification needs this answer: classifications[0].level');
    expect(readFileSync(c.file('RF-0005.md'), 'utf8')).toBe(before);
    c.write('rc1.yaml', 'classifications: [ { level: medium } ]\n');
    expect((await reunify(['task', 'RF-0005', 'classification', '--answers', join(c.dir, 'rc1.yaml'), '--date', '2026-10-14'], { cwd: c.dir })).exitCode).toBe(
      0,
    );
    const d2 = await reunify(
      ['task', 'RF-0005', 'decision', '--status', 'done', '--by', 'TM D.E.', '--set', 'decisions=[{reasons: "Goals first"}]', '--date', '2026-10-16'],
      { cwd: c.dir },
    );
    expect(d2.exitCode).toBe(2);
    expect(d2.stderr).toContain('task decision needs this answer: decisions[0].outcome');
    expect(readFileSync(c.file('RF-0005.md'), 'utf8')).not.toMatch(/^decisions:/m);
  });

  it('transition_plan does not assume who agreed the plan', async () => {
    const c = caseload({ 'RF-0009.md': example('RF-0009') });
    const r = await reunify(
      ['task', 'RF-0009', 'transition_plan', '--set', 'transition.agreed=2026-11-06', '--set', 'transition.planned_return=2026-12-14', '--date', '2026-11-06'],
      { cwd: c.dir },
    );
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('task transition_plan needs this answer: transition.agreed_by');
    expect(readFileSync(c.file('RF-0009.md'), 'utf8')).toBe(example('RF-0009'));
  });
});

describe('without a terminal, no fact about the child is assumed', () => {
  // RF-0012 before its visits of August to October: a seen-alone visit falls due on 2026-08-10
  const rf12 = () => example('RF-0012').replace(/\n {4}- \{ date: 2026-(08-10|09-21|10-26), seen_alone[^\n]*/g, '');
  const visits = (text: string) =>
    present(/^ {2}visits:\n((?: {4}- .*\n)+)/m.exec(text)?.[1])
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());

  it('monitoring records whether the child was seen alone only as given', async () => {
    for (const [given, line] of [
      [[], '- { date: 2026-08-05 }'],
      [['--set', 'return.visits.0.seen_alone=false'], '- { date: 2026-08-05, seen_alone: false }'],
      [['--set', 'return.visits.0.seen_alone=yes'], '- { date: 2026-08-05, seen_alone: true }'],
    ] as const) {
      const c = caseload({ 'RF-0012.md': rf12() });
      const r = await reunify(['task', 'RF-0012', 'monitoring', '--set', 'return.visits.0.date=2026-08-05', ...given, '--date', '2026-08-05'], { cwd: c.dir });
      expect(r.exitCode, given.join(' ')).toBe(0);
      expect(visits(readFileSync(c.file('RF-0012.md'), 'utf8')), given.join(' ')).toEqual([
        '- { date: 2026-05-20, seen_alone: true, note: "Happy to be home; calm-down plan on the fridge" }',
        '- { date: 2026-06-29, seen_alone: true, note: "No concerns from M or school" }',
        line,
      ]);
    }
  });

  it('a visit not said to be seen alone is not one: what check says about it stands', async () => {
    const overdue = 'no visit with the child seen alone since the visit on 2026-06-29: one was due by 2026-08-10';
    const c = caseload({ 'RF-0012.md': rf12() });
    expect(
      (await reunify(['task', 'RF-0012', 'monitoring', '--set', 'return.visits.0.date=2026-08-05', '--date', '2026-08-05'], { cwd: c.dir })).exitCode,
    ).toBe(0);
    expect((await reunify(['check', '--as-of', '2026-08-20'], { cwd: c.dir })).stdout).toContain(overdue);
    const seen = caseload({ 'RF-0012.md': rf12() });
    await reunify(
      ['task', 'RF-0012', 'monitoring', '--set', 'return.visits.0.date=2026-08-05', '--set', 'return.visits.0.seen_alone=true', '--date', '2026-08-05'],
      { cwd: seen.dir },
    );
    expect((await reunify(['check', '--as-of', '2026-08-20'], { cwd: seen.dir })).stdout).not.toContain('seen alone');
  });
});

describe('without a terminal, nobody is assumed to have been told of a decision', () => {
  // RF-0005 as it was before the IRO was told of Decision 2
  const untold = () =>
    example('RF-0005')
      .replace(/,\n\s*\{ party: iro[^}]*\}/, '')
      .replace(/^( {2}decision_shared: +)\{[^}]*\}/m, '$1{ status: in_progress }');

  it('an entry without a party is refused, naming the missing answer, and nothing is written', async () => {
    const c = caseload({ 'RF-0005.md': untold() });
    const entry = ['--set', 'decisions.0.shared.0.date=2026-10-22', '--set', 'decisions.0.shared.0.method=email'];
    for (const status of [[], ['--status', 'in_progress']]) {
      const r = await reunify(['task', 'RF-0005', 'decision_shared', ...entry, ...status, '--date', '2026-11-01'], { cwd: c.dir });
      expect(r.exitCode, status.join(' ')).toBe(2);
      expect(r.stderr).toContain('task decision_shared needs this answer: decisions[0].shared[0].party');
      expect(readFileSync(c.file('RF-0005.md'), 'utf8')).toBe(untold());
    }
    const answers = c.write('told.yaml', 'decisions:\n  - shared: [ { date: 2026-10-22, method: email } ]\n');
    const fromFile = await reunify(['task', 'RF-0005', 'decision_shared', '--answers', answers, '--date', '2026-11-01'], { cwd: c.dir });
    expect(fromFile.exitCode).toBe(2);
    expect(fromFile.stderr).toContain('decisions[0].shared[0].party');
    expect(readFileSync(c.file('RF-0005.md'), 'utf8')).toBe(untold());
  });

  it('the party given is recorded', async () => {
    const c = caseload({ 'RF-0005.md': untold() });
    const r = await reunify(
      [
        'task',
        'RF-0005',
        'decision_shared',
        '--set',
        'decisions.0.shared.0.party=iro',
        '--set',
        'decisions.0.shared.0.date=2026-10-22',
        '--set',
        'decisions.0.shared.0.method=email',
        '--date',
        '2026-11-01',
      ],
      { cwd: c.dir },
    );
    expect(r.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0005.md'), 'utf8');
    expect(text).toContain(
      '{ party: rk, date: 2026-10-20, method: "phone", response: "Agrees; will support the weekend stays" }, { party: iro, date: 2026-10-22, method: email } ] }',
    );
    expect(text).toMatch(/^ {2}decision_shared: +\{ status: done, date: 2026-11-01, by: SW K\.L\. \}/m);
  });
});

describe('without a terminal, no parent is assumed to be the one an entry is about', () => {
  // RF-0002 before Mr B's capacity to change was rated; RF-0006 with only Ms F in the agreement
  const unrated = () => example('RF-0002').replace(/\n\s*- \{ person: dad, rating: not_shown[^}]*\}/, '');
  const rf6 = () => example('RF-0006');

  it('family_assessment: a capacity_to_change entry without a person is refused and nothing is written', async () => {
    const c = caseload({ 'RF-0002.md': unrated() });
    const entry = ['--set', 'capacity_to_change.0.rating=limited', '--set', 'capacity_to_change.0.evidence=Missed two appointments', '--status', 'in_progress'];
    const r = await reunify(['task', 'RF-0002', 'family_assessment', ...entry, '--date', '2026-11-02'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('task family_assessment needs this answer: capacity_to_change[0].person');
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(unrated());

    const given = await reunify(['task', 'RF-0002', 'family_assessment', ...entry, '--set', 'capacity_to_change.0.person=dad', '--date', '2026-11-02'], {
      cwd: c.dir,
    });
    expect(given.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toContain('{ person: dad, rating: limited, evidence: Missed two appointments, as_of: 2026-11-02 }');
  });

  it('agreement: a parents entry without a person is refused and nothing is written', async () => {
    const c = caseload({ 'RF-0006.md': rf6() });
    const entry = ['--set', 'agreement.parents.0.strengths=Calm at family time', '--set', 'agreement.parents.0.worries=Denies the abuse'];
    const r = await reunify(['task', 'RF-0006', 'agreement', ...entry, '--date', '2026-11-02'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('task agreement needs this answer: agreement.parents[0].person');
    expect(readFileSync(c.file('RF-0006.md'), 'utf8')).toBe(rf6());

    const given = await reunify(['task', 'RF-0006', 'agreement', ...entry, '--set', 'agreement.parents.0.person=dad', '--date', '2026-11-02'], { cwd: c.dir });
    expect(given.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0006.md'), 'utf8')).toContain('{ person: dad, strengths: Calm at family time, worries: Denies the abuse }');
  });
});

describe('an answer no question asks for is refused, not dropped', () => {
  it('task: a --set path the task does not take exits 2, names it and the paths the task takes, and writes nothing', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    const r = await reunify(
      ['task', 'RF-0002', 'family_assessment', '--status', 'in_progress', '--set', 'tasks.family_assesment.note=Checks awaited', '--date', '2026-11-02'],
      { cwd: c.dir },
    );
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('reunify: cases/RF-0002.md: task family_assessment: no question asks for --set tasks.family_assesment.note\n');
    expect(r.stderr).toContain(
      'task family_assessment takes these answers: tasks.family_assessment.status, tasks.family_assessment.reason, tasks.family_assessment.date, tasks.family_assessment.by, factors.<n>.id,',
    );
    expect(r.stderr).toContain(
      'capacity_to_change.<n>.as_of, assessment.parents.<n>.person, assessment.parents.<n>.strengths, assessment.parents.<n>.risks, assessment.parents.<n>.progress, assessment.child_needs, assessment.other_agencies, tasks.family_assessment.note; nothing was written',
    );
    expect(r.stderr).not.toContain('saved');
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(example('RF-0002'));
  });

  it('task: a key inside a map given with --set, and --note on a task that records no note, are named too', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002'), 'RF-0009.md': example('RF-0009') });
    const inMap = await reunify(['task', 'RF-0002', 'engagement', '--set', 'tasks.engagement={status: in_progress, notes: Met Ms B}', '--date', '2026-11-02'], {
      cwd: c.dir,
    });
    expect(inMap.exitCode).toBe(2);
    expect(inMap.stderr).toContain('task engagement: no question asks for tasks.engagement.notes (in --set tasks.engagement)');
    const visit = await reunify(['task', 'RF-0002', 'engagement', '--set', 'return.visits.0.date=2026-11-01', '--date', '2026-11-02'], { cwd: c.dir });
    expect(visit.exitCode).toBe(2);
    expect(visit.stderr).toContain('task engagement: no question asks for --set return.visits.0.date');
    const note = await reunify(['task', 'RF-0009', 'transition_plan', '--status', 'in_progress', '--note', 'Draft shared with Ms J', '--date', '2026-11-06'], {
      cwd: c.dir,
    });
    expect(note.exitCode).toBe(2);
    expect(note.stderr).toContain('task transition_plan: no question asks for --note (tasks.transition_plan.note)');
    expect(note.stderr).toContain(
      'takes these answers: tasks.transition_plan.status, tasks.transition_plan.reason, tasks.transition_plan.date, tasks.transition_plan.by, transition.agreed, transition.agreed_by, transition.planned_return, transition.placement_approval.by, transition.placement_approval.date, transition.warning_signs.<n>.sign, transition.warning_signs.<n>.response, transition.school, transition.health, transition.views.<n>.party, transition.views.<n>.view;',
    );
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(example('RF-0002'));
    expect(readFileSync(c.file('RF-0009.md'), 'utf8')).toBe(example('RF-0009'));
  });

  it('new: a misspelt --set path creates nothing', async () => {
    const c = caseload();
    const flags = [
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
      '2026-10-01',
    ];
    const r = await reunify(['new', 'RF-0100', '--dir', 'cases', ...flags, '--set', 'child.placment_moves=2'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('new case RF-0100: no question asks for --set child.placment_moves');
    expect(r.stderr).toContain(
      'new case RF-0100 takes these answers: child.ref, child.dob, child.looked_after_since, child.legal_status, child.proceedings, child.placement, child.placement_moves,',
    );
    expect(existsSync(c.file('RF-0100.md'))).toBe(false);
  });

  it('advance: moving on takes no answers; closing takes only the outcome', async () => {
    const c = caseload({ 'RF-0005.md': example('RF-0005'), 'RF-0004.md': example('RF-0004') });
    const next = await reunify(['advance', 'RF-0005', '--set', 'outcome.status=at_home', '--date', '2026-11-01'], { cwd: c.dir });
    expect(next.exitCode).toBe(2);
    expect(next.stderr).toContain('cases/RF-0005.md: advance: no question asks for --set outcome.status');
    expect(next.stderr).toContain('cases/RF-0005.md: advance takes no answers (only --to closed asks for any); nothing was written');
    const answers = await reunify(['advance', 'RF-0005', '--answers', c.write('a.yaml', 'outcome: { status: at_home }\n'), '--date', '2026-11-01'], {
      cwd: c.dir,
    });
    expect(answers.exitCode).toBe(2);
    expect(answers.stderr).toContain('--answers goes with --to closed');
    expect(readFileSync(c.file('RF-0005.md'), 'utf8')).toBe(example('RF-0005'));
    const closing = await reunify(
      ['advance', 'RF-0004', '--to', 'closed', '--outcome', 'not_returned', '--set', 'outcome.reason=Long-term fostering', '--date', '2026-11-01'],
      { cwd: c.dir },
    );
    expect(closing.exitCode).toBe(2);
    expect(closing.stderr).toContain('cases/RF-0004.md: closing: no question asks for --set outcome.reason');
    expect(closing.stderr).toContain('closing takes these answers: outcome.status, outcome.date, outcome.note; nothing was written');
    expect(readFileSync(c.file('RF-0004.md'), 'utf8')).toBe(example('RF-0004'));
  });
});

// The diff names the file as the user typed it, relative to the process's own folder: a real process.
describe('--dry-run prints a unified diff and writes nothing', () => {
  it('new, task and advance', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    const before = readFileSync(c.file('RF-0002.md'), 'utf8');
    const created = await reunifyBinary(['new', 'RF-0100', '--dir', 'cases', '--answers', c.write('new.yaml', NEW_CASE), '--date', '2026-10-01', '--dry-run'], {
      cwd: c.dir,
    });
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toMatch(/^--- \/dev\/null\n\+\+\+ cases\/RF-0100\.md/m);
    expect(existsSync(c.file('RF-0100.md'))).toBe(false);

    const task = await reunifyBinary(
      ['task', 'RF-0002', 'family_assessment', '--status', 'in_progress', '--note', 'Checks awaited', '--dry-run', '--date', '2026-11-02'],
      { cwd: c.dir },
    );
    expect(task.exitCode).toBe(0);
    expect(task.stdout).toMatch(/^- {2}family_assessment: {2}\{ status: in_progress \}$/m);
    expect(task.stdout).toMatch(/^\+ {2}family_assessment: {2}\{ status: in_progress, note: Checks awaited \}$/m);

    const rf5 = caseload({ 'RF-0005.md': example('RF-0005') });
    const adv = await reunifyBinary(['advance', 'RF-0005', '--dry-run', '--date', '2026-11-01'], { cwd: rf5.dir });
    expect(adv.exitCode).toBe(0);
    expect(adv.stdout).toMatch(/^-stage: 2 +# decision made and shared/m);
    expect(adv.stdout).toMatch(/^\+stage: 3 +# decision made and shared/m);
    expect(readFileSync(rf5.file('RF-0005.md'), 'utf8')).toBe(example('RF-0005'));
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(before);
  });
});

describe('answers of 0, false or blank are kept as given', () => {
  const NEW_FLAGS = [
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
    '2026-10-01',
  ];

  it('new --set child.placement_moves=0 and child.wants_to_return=false are written as a number and a yes/no', async () => {
    const c = caseload();
    const r = await reunify(['new', 'RF-0100', '--dir', 'cases', ...NEW_FLAGS, '--set', 'child.placement_moves=0', '--set', 'child.wants_to_return=false'], {
      cwd: c.dir,
    });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0100.md'), 'utf8');
    expect(text).toMatch(/^ {2}placement_moves: 0 +#/m);
    expect(text).toMatch(/^ {2}wants_to_return: false +#/m);
    const checked = await reunify(['check', '--as-of', '2026-10-01', '--format', 'json'], { cwd: c.dir });
    // the values are valid; the only finding is the s20 cohort the worker has still to tag
    const problems = (JSON.parse(checked.stdout) as { files: { problems: { ruleId: string }[] }[] }).files.flatMap((f) => f.problems.map((p) => p.ruleId));
    expect(problems).toEqual(['case/cohorts-derived']);
  });

  it('the same from an answers file, and a non-zero count as well', async () => {
    const c = caseload();
    const zero = c.write('zero.yaml', NEW_CASE.replace('placement: foster }', 'placement: foster, placement_moves: 0, wants_to_return: false }'));
    expect((await reunify(['new', 'RF-0100', '--dir', 'cases', '--answers', zero, '--date', '2026-10-01'], { cwd: c.dir })).exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0100.md'), 'utf8')).toMatch(/^ {2}placement_moves: 0 +#.*\n {2}wants_to_return: false +#/m);
    const r = await reunify(['new', 'RF-0101', '--dir', 'cases', ...NEW_FLAGS, '--set', 'child.placement_moves=3'], { cwd: c.dir });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0101.md'), 'utf8');
    expect(text).toMatch(/^ {2}placement_moves: 3 +#/m);
    expect(text).not.toMatch(/wants_to_return:/);
  });

  it('a value that is not a count is refused, naming it', async () => {
    const c = caseload();
    const r = await reunify(['new', 'RF-0100', '--dir', 'cases', ...NEW_FLAGS, '--set', 'child.placement_moves=-1'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('child.placement_moves: must be a whole number, 0 or more');
    expect(existsSync(c.file('RF-0100.md'))).toBe(false);
  });

  it('a blank answer is not replaced by the pre-filled one: a required answer given blank is missing', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    // RF-0002's safe adult is aunt: --set with no value must not quietly record aunt again
    const r = await reunify(['task', 'RF-0002', 'safe_adult', '--set', 'tasks.safe_adult.person=', '--date', '2026-11-02'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('task safe_adult needs this answer: tasks.safe_adult.person');
    const n = await reunify(['new', 'RF-0100', '--dir', 'cases', ...NEW_FLAGS, '--set', 'child.proceedings='], { cwd: c.dir });
    expect(n.exitCode).toBe(2);
    expect(n.stderr).toContain('new case RF-0100 needs this answer: child.proceedings');
  });
});

describe('a text answer is stored as the text given, not read as YAML', () => {
  const noteOf = (text: string) => /^ {2}engagement: .*note: ("(?:[^"\\]|\\.)*"|[^,}]+)/m.exec(text)?.[1];

  it('--set keeps &, # and 0x10 in a note; the writer quotes it so it reads back the same', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    const given = '&Co visited #1 on 0x10: yes';
    const r = await reunify(['task', 'RF-0002', 'engagement', '--set', `tasks.engagement.note=${given}`, '--date', '2026-11-02'], { cwd: c.dir });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(c.file('RF-0002.md'), 'utf8');
    expect(JSON.parse(noteOf(text)!)).toBe(given);
    for (const [value, stored] of [
      ['0x10', '"0x10"'],
      ['#1 first visit', '"#1 first visit"'],
    ]) {
      expect(
        (await reunify(['task', 'RF-0002', 'engagement', '--set', `tasks.engagement.note=${value}`, '--date', '2026-11-02'], { cwd: c.dir })).exitCode,
      ).toBe(0);
      expect(noteOf(readFileSync(c.file('RF-0002.md'), 'utf8'))).toBe(stored);
    }
    expect((await reunify(['check', '--as-of', '2026-11-02'], { cwd: c.dir })).stdout).not.toMatch(/RF-0002.*\n.*error/);
  });

  it('an answers file keeps a plain 0x10 or 1e3 as text for a text question; a count still reads as a number', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    const answers = c.write('a.yaml', 'tasks:\n  engagement:\n    note: 0x10\n');
    expect((await reunify(['task', 'RF-0002', 'engagement', '--answers', answers, '--date', '2026-11-02'], { cwd: c.dir })).exitCode).toBe(0);
    expect(noteOf(readFileSync(c.file('RF-0002.md'), 'utf8'))).toBe('"0x10"');
    const NEW = [
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
      '2026-10-01',
    ];
    const bad = await reunify(['new', 'RF-0100', '--dir', 'cases', ...NEW, '--set', 'child.placement_moves=0x10'], { cwd: c.dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('child.placement_moves: must be a whole number, 0 or more');
    const noDob = NEW.filter((f) => f !== '--dob' && f !== '2016-03-02');
    const date = await reunify(['new', 'RF-0100', '--dir', 'cases', ...noDob, '--set', 'child.dob=2016-02-30'], { cwd: c.dir });
    expect(date.exitCode).toBe(2);
    expect(date.stderr).toContain('child.dob: must be a date written YYYY-MM-DD');
  });
});

describe('agreement goals from an answers file', () => {
  const NEW_GOAL = `agreement:
  goals:
    - id: g4
      goal: "Ms F goes to every parenting group session"
      steps: ["Weekly parenting group at the family centre"]
      by: 2026-12-15
      support: "Family centre worker"
      success: "Eight sessions attended in a row"
      progress:
        - { date: 2026-10-16, rag: red, comment: "No session attended yet" }
        - { date: 2026-10-30, rag: amber, comment: "Two of the last three attended" }
    - id: g1
      progress: [ { date: 2026-10-31, rag: green, comment: "Still clear" } ]
`;

  it('a new goal keeps the ratings given with it, beside ratings for an existing goal; the same answers again change nothing', async () => {
    const c = caseload({ 'RF-0006.md': example('RF-0006') });
    const answers = c.write('goals.yaml', NEW_GOAL);
    const r = await reunify(['task', 'RF-0006', 'agreement', '--answers', answers, '--date', '2026-11-01'], { cwd: c.dir });
    expect(r.stderr).toContain('saved cases/RF-0006.md');
    expect(r.exitCode).toBe(0);
    const after = readFileSync(c.file('RF-0006.md'), 'utf8');
    expect(after).toContain(
      [
        '    - id: g4',
        '      goal: Ms F goes to every parenting group session',
        '      steps:',
        '        - Weekly parenting group at the family centre',
        '      by: 2026-12-15',
        '      support: Family centre worker',
        '      success: Eight sessions attended in a row',
        '      progress:',
        '        - date: 2026-10-16',
        '          rag: red',
        '          comment: No session attended yet',
        '        - date: 2026-10-30',
        '          rag: amber',
        '          comment: Two of the last three attended',
      ].join('\n'),
    );
    expect(after).toContain('{ date: 2026-10-31, rag: green, comment: Still clear }');

    const again = await reunify(['task', 'RF-0006', 'agreement', '--answers', answers, '--date', '2026-11-01'], { cwd: c.dir });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing changed in cases/RF-0006.md');
    expect(readFileSync(c.file('RF-0006.md'), 'utf8')).toBe(after);

    const checked = await reunify(['check', 'cases/RF-0006.md', '--as-of', '2026-11-01', '--format', 'json'], { cwd: c.dir });
    expect(JSON.parse(checked.stdout).files[0].problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  });

  it("a new goal's ratings are checked like any other", async () => {
    const c = caseload({ 'RF-0006.md': example('RF-0006') });
    const answers = c.write('goals.yaml', NEW_GOAL.replace('rag: red', 'rag: purple').replace('date: 2026-10-30', 'date: 2026-11-02'));
    const r = await reunify(['task', 'RF-0006', 'agreement', '--answers', answers, '--date', '2026-11-01'], { cwd: c.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('agreement.goals[0].progress[0].rag: must be one of: red, amber, green');
    expect(r.stderr).toContain('agreement.goals[0].progress[1].date: must not be after 2026-11-01');
    expect(readFileSync(c.file('RF-0006.md'), 'utf8')).toBe(example('RF-0006'));
  });
});

describe('reunify new refuses to overwrite or duplicate', () => {
  it('an existing file, the same id in another letter case, or the same id in another file', async () => {
    const answers = (c: ReturnType<typeof caseload>) => c.write('new.yaml', NEW_CASE);
    const existing = caseload({ 'RF-0100.md': 'not even a case\n' });
    const r1 = await reunify(['new', 'RF-0100', '--dir', 'cases', '--answers', answers(existing)], { cwd: existing.dir });
    expect(r1.exitCode).toBe(1);
    expect(r1.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(existing.file('RF-0100.md'), 'utf8')).toBe('not even a case\n');

    const lower = caseload({ 'rf-0002.md': example('RF-0002').replace('id: RF-0002', 'id: rf-0002') });
    const r2 = await reunify(['new', 'RF-0002', '--dir', 'cases', '--answers', answers(lower)], { cwd: lower.dir });
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toMatch(/the case id RF-0002 is already used in the caseload .*rf-0002\.md/);

    const elsewhere = caseload({ 'old-name.md': example('RF-0002') });
    mkdirSync(join(elsewhere.dir, 'new'));
    const r3 = await reunify(['new', 'rf-0002', '--dir', 'new', '--answers', answers(elsewhere)], { cwd: elsewhere.dir });
    expect(r3.exitCode).toBe(1);
    expect(r3.stderr).toContain('old-name.md');
    expect(existsSync(join(elsewhere.dir, 'new', 'rf-0002.md'))).toBe(false);
  });
});

describe('reunify advance', () => {
  it('lists exactly what is missing, names the tasks that put it right, and writes nothing', async () => {
    const c = caseload({ 'RF-0002.md': example('RF-0002') });
    const r = await reunify(['advance', 'RF-0002', '--date', '2026-11-02'], { cwd: c.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('RF-0002 cannot move to stage 2 yet. Missing:');
    expect(r.stderr).toContain('stage 1 task family_assessment (Assessment done with the family) must be done or not_applicable (stage-gate)');
    expect(r.stderr).toContain(
      'stage 1 task written_assessment (Written assessment with a recommendation about return) must be done or not_applicable (stage-gate)',
    );
    expect(r.stderr).toContain('reunify task RF-0002 family_assessment, reunify task RF-0002 written_assessment');
    expect(readFileSync(c.file('RF-0002.md'), 'utf8')).toBe(example('RF-0002'));
  });

  it('after a Decision 3 of extend_work, takes the case back to stage 3 work', async () => {
    const rf9 = example('RF-0009');
    const text = rf9
      .replace(/\n {2}- \{ date: 2026-10-14, point: rc2_d3, outcome: proceed_to_return[\s\S]*?(?=\nagreement:)/, '')
      .replace(/\n {2}- \{ date: 2026-10-12, point: rc2_d3, level: low[^\n]*\n[^\n]*/, '');
    const c = caseload({ 'RF-0009.md': text });
    const r = await reunify(['advance', 'RF-0009', '--date', '2026-11-01'], { cwd: c.dir });
    expect(r.stderr).toContain('is extend_work: back to stage 3 work on the goals');
    expect(r.exitCode).toBe(0);
    const after = readFileSync(c.file('RF-0009.md'), 'utf8');
    expect(after).toMatch(/^stage: 3 +#/m);
    expect(after).toMatch(/reclassification: +\{ status: in_progress, date: 2026-10-12/);
  });

  it('into stage 5 only on a signed-off proceed_to_return: Decision 3 still to be made', async () => {
    const c = caseload({ 'RF-0010.md': example('RF-0010') });
    const r = await reunify(['advance', 'RF-0010', '--date', '2026-11-01'], { cwd: c.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('a Decision 3 (point rc2_d3) of proceed_to_return with sign-off is needed');
  });

  it('--unplanned records the return, moves to stage 5 and adds the missing task entries; the earlier gaps are listed by task', async () => {
    const c = caseload({ 'RF-0005.md': example('RF-0005') });
    const r = await reunify(['advance', 'RF-0005', '--unplanned', '--date', '2026-10-30'], { cwd: c.dir });
    expect(r.stderr).toContain('unplanned return on 2026-10-30 recorded');
    expect(r.exitCode).toBe(0);
    const after = readFileSync(c.file('RF-0005.md'), 'utf8');
    expect(after).toMatch(/^stage: 5 +#/m);
    expect(after).toMatch(/^return:\n {2}unplanned: true\n {2}returned: 2026-10-30$/m);
    expect(after).toMatch(/^ {2}step_down:\n {4}status: todo$/m);
    const listed = await reunify(['task', 'RF-0005'], { cwd: c.dir });
    expect(listed.stdout).toMatch(/earlier stage 3, before the unplanned return:/);
    expect(listed.stdout).toMatch(/todo +child_views/);
    expect(listed.stdout).toMatch(/todo +contact_plan/);
    const checked = await reunify(['check', 'cases', '--as-of', '2026-10-30', '--format', 'json'], { cwd: c.dir });
    const errors = JSON.parse(checked.stdout).files[0].problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('--to closed needs an outcome that fits', async () => {
    const c = caseload({ 'RF-0004.md': example('RF-0004') });
    const missing = await reunify(['advance', 'RF-0004', '--to', 'closed', '--date', '2026-11-01'], { cwd: c.dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('closing needs this answer: outcome.status (--outcome)');
    const wrong = await reunify(['advance', 'RF-0004', '--to', 'closed', '--outcome', 'at_home', '--date', '2026-11-01'], { cwd: c.dir });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('the child has not gone home (the case is at stage 2): close with --outcome not_returned');
    const ok = await reunify(['advance', 'RF-0004', '--to', 'closed', '--outcome', 'not_returned', '--note', 'Long-term fostering', '--date', '2026-11-01'], {
      cwd: c.dir,
    });
    expect(ok.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0004.md'), 'utf8')).toMatch(/^outcome:\n {2}status: not_returned\n {2}date: 2026-11-01\n {2}note: Long-term fostering$/m);
  });
});

describe("task child_views finds the child's views under any heading check accepts", () => {
  const setup = () => {
    const text = example('RF-0007')
      .replace(/^ {2}child_views: .*$/m, '  child_views:         { status: in_progress }')
      .replace(/^## Child's views$/m, "## Child's views and wishes");
    const c = caseload({ 'RF-0007.md': text });
    return { c, before: text };
  };
  const viewsHeadings = (text: string) => text.split('\n').filter((line) => /^## (child['’]s views|voice of the child)/i.test(line));

  it('marking it done asks for no views already written, and adds no second section', async () => {
    const { c, before } = setup();
    const r = await reunify(['task', 'RF-0007', 'child_views', '--status', 'done', '--by', 'SW R.M.', '--date', '2026-05-15'], { cwd: c.dir });
    expect(r.stderr).not.toContain('missing');
    expect(r.exitCode).toBe(0);
    const after = readFileSync(c.file('RF-0007.md'), 'utf8');
    expect(viewsHeadings(after)).toEqual(["## Child's views and wishes"]);
    expect(after.slice(after.indexOf('\n---', 4))).toBe(before.slice(before.indexOf('\n---', 4)));
  });

  it('new words go under the heading already there', async () => {
    const { c } = setup();
    const answers = c.write(
      'views.yaml',
      'tasks:\n  child_views:\n    status: done\n    by: "SW R.M."\nbody:\n  "Child\'s views": "Said again that she wants to go home."\n',
    );
    const r = await reunify(['task', 'RF-0007', 'child_views', '--answers', answers, '--date', '2026-05-15'], { cwd: c.dir });
    expect(r.exitCode).toBe(0);
    const after = readFileSync(c.file('RF-0007.md'), 'utf8');
    expect(viewsHeadings(after)).toEqual(["## Child's views and wishes"]);
    const section = after.slice(after.indexOf("## Child's views and wishes"));
    expect(section.slice(0, section.indexOf('\n## ', 1) === -1 ? undefined : section.indexOf('\n## ', 1))).toContain('Said again that she wants to go home.');
  });
});

describe('new, task and advance take --as-of, as the other commands do; --date is its older name', () => {
  it('--as-of and --date give the same date; both at once must agree; a bad one is named by the flag typed', async () => {
    const c = caseload();
    const created = await reunify(['new', 'RF-0100', '--dir', 'cases', '--answers', c.write('new.yaml', NEW_CASE), '--as-of', '2026-10-01'], { cwd: c.dir });
    expect(created.exitCode).toBe(0);
    expect(readFileSync(c.file('RF-0100.md'), 'utf8')).toContain('opened: 2026-10-01');
    const answers = c.write('a.yaml', 'people: [ { id: gran, ref: "Mrs Y", relation: maternal_grandmother } ]\ntasks: { safe_adult: { person: gran } }\n');
    const byNew = await reunify(['task', 'RF-0100', 'safe_adult', '--answers', answers, '--as-of', '2026-10-05', '--dry-run'], { cwd: c.dir });
    const byOld = await reunify(['task', 'RF-0100', 'safe_adult', '--answers', answers, '--date', '2026-10-05', '--dry-run'], { cwd: c.dir });
    expect(byNew.exitCode).toBe(0);
    expect(byNew.stdout).toContain('2026-10-05');
    expect(byNew.stdout).toBe(byOld.stdout);
    const both = await reunify(['task', 'RF-0100', 'safe_adult', '--answers', answers, '--as-of', '2026-10-05', '--date', '2026-10-06'], { cwd: c.dir });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toBe('reunify: --date is the older name of --as-of: give one of them (got --as-of 2026-10-05 and --date 2026-10-06)');
    const bad = await reunify(['advance', 'RF-0100', '--as-of', '2026-13-01'], { cwd: c.dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--as-of');
    expect(bad.stderr).not.toContain('--date');
    for (const command of ['new', 'task', 'advance'])
      expect((await reunify([command, '--help'])).stdout).toMatch(/--as-of <date>[\s\S]*--date <date> +the older name of --as-of/);
  });
});
