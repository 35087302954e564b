// The prompt flows, driven through a scripted terminal: what each task asks, what it
// writes, that every untouched byte of a commented case file stays as it was, that
// Ctrl-C writes nothing, and that a file changed meanwhile is never overwritten.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAdvanceCommand } from '../../src/app/advance.js';
import { runNewCommand } from '../../src/app/new.js';
import { runTaskCommand } from '../../src/app/task.js';
import { loadCase } from '../../src/io/loadCase.js';
import { checkCaseload } from '../../src/app/checkCaseload.js';
import { expectUntouchedBytesKept } from './bytes.js';
import { COMMENTED_CASE, caseloadWith } from './fixture.js';
import { CTRL_C, ENTER, NEW_PERSON, NOT_ANSWERED, SOMEONE_ELSE, script, type Reply } from './scripted.js';
import { present } from '../present.js';

const DATE = '2026-11-02';
const taskFlags = (extra: Record<string, unknown> = {}) => ({ format: 'text' as const, set: [] as string[], date: DATE, ...extra });

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

async function runTask(file: string, task: string | undefined, replies: Reply[]) {
  const s = script(replies);
  const code = await runTaskCommand(file, task, taskFlags(), { asker: s.asker });
  return { code, s };
}

const STATUS_DONE_TODAY: Reply[] = [ENTER, ENTER, ENTER]; // status done, date today, by the social worker

describe('stage 1 prompt flows on a commented case file', () => {
  const flows: { task: string; replies: Reply[]; expectText: RegExp[]; refused?: RegExp }[] = [
    {
      task: 'engagement',
      replies: [...STATUS_DONE_TODAY, 'Explained at home with an interpreter; Mr N by phone'],
      expectText: [
        /engagement: +\{ status: done, date: 2026-11-02, by: SW K\.L\., note: Explained at home with an interpreter; Mr N by phone \} +# meeting booked/,
      ],
    },
    {
      task: 'safe_adult',
      replies: [
        ...STATUS_DONE_TODAY,
        NEW_PERSON,
        'mum',
        'gran',
        'Mrs N',
        'maternal_grandmother',
        false,
        false,
        false,
        false,
        'Child N chose her; weekly calls',
      ],
      expectText: [
        /- \{ id: gran, ref: Mrs N, relation: maternal_grandmother, safe_adult: true \}\n/,
        /safe_adult: +\{ status: done, date: 2026-11-02, by: SW K\.L\., person: gran, note: /,
      ],
      refused: /already in the family network/,
    },
    {
      task: 'family_assessment',
      replies: [
        ...STATUS_DONE_TODAY,
        true,
        'domestic_abuse',
        'absent',
        'No police call-outs since 2024',
        ENTER,
        false,
        ENTER,
        'emerging',
        'Takes medication; sees the crisis team',
        ENTER,
        false,
        true,
        'mum',
        'Warm; kept every family-time session',
        'Relapse without day-to-day help',
        'Home since September; taking medication',
        false,
        'Settled at school; needs family time twice a week',
        'Police checks clear (October 2026); school has no concerns',
        ENTER,
      ],
      expectText: [
        /- \{ id: domestic_abuse, status: absent, evidence: No police call-outs since 2024, as_of: 2026-11-02 \}\n/,
        /capacity_to_change:\n {2}- person: mum\n {4}rating: emerging\n/,
        /assessment:\n/,
        /person: mum\n\s+strengths: Warm; kept every family-time session\n\s+risks: Relapse without day-to-day help\n\s+progress: Home since September; taking medication\n/,
        /child_needs: Settled at school; needs family time twice a week\n/,
        /other_agencies: Police checks clear \(October 2026\); school has no concerns\n/,
      ],
    },
    {
      task: 'written_assessment',
      replies: [
        ...STATUS_DONE_TODAY,
        'return_if_goals_met',
        'Ms N stays well with treatment and has help day to day',
        'A single crisis; Ms N is recovering',
        'Police checks clear; school has no concerns',
        SOMEONE_ELSE,
        'SW K.L.',
        'TM D.E.',
        ENTER,
      ],
      expectText: [
        /what_must_change: Ms N stays well with treatment and has help day to day\n/,
        /reasons: A single crisis; Ms N is recovering\n/,
        /other_agencies: Police checks clear; school has no concerns\n/,
        /written_assessment: \{ status: done, date: 2026-11-02, by: SW K\.L\., recommendation: return_if_goals_met, signed_off: \{ by: TM D\.E\., date: 2026-11-02, frozen: \[\{ path: records\/RF-0900\/assessment-2026-11-02\.md, sha256: [0-9a-f]{64} \}, \{ path: records\/RF-0900\/assessment-2026-11-02\.html, sha256: [0-9a-f]{64} \}\] \} \} +# due mid-November/,
      ],
      refused: /team manager signs off/,
    },
    {
      task: 'case_history',
      replies: [
        ...STATUS_DONE_TODAY,
        false,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        false,
        'Health visitor note 2020: low mood after a move',
        'Ms N was admitted to hospital and no relative could care for Child N',
      ],
      expectText: [
        /case_history: +\{ status: done, date: 2026-11-02, by: SW K\.L\. \} +# chronology being written/,
        /Crisis, not long-standing neglect \|\n\nHealth visitor note 2020: low mood after a move\n\n## Analysis/,
        /reason_for_care: Ms N was admitted to hospital and no relative could care for Child N\n/,
      ],
    },
  ];

  for (const flow of flows) {
    it(`${flow.task}: asks for what it records, saves it, and keeps every untouched byte`, async () => {
      const c = caseloadWith();
      const { code, s } = await runTask(c.path(), flow.task, flow.replies);
      expect(err).not.toMatch(/reunify:/);
      expect(code).toBe(0);
      expect(s.remaining()).toBe(0);
      const after = readFileSync(c.path(), 'utf8');
      for (const re of flow.expectText) expect(after).toMatch(re);
      if (flow.refused) expect(s.refused.join('\n')).toMatch(flow.refused);
      expectUntouchedBytesKept(COMMENTED_CASE, after);
      expect(loadCase(c.path()).problems).toEqual([]);
    });
  }

  it("written_assessment: the recommendation and the team manager's sign-off start on 'not answered'; the manager is a choice, not pre-selected", async () => {
    const c = caseloadWith();
    // Enter at the recommendation is refused (it is needed when done) and asked again
    const { code, s } = await runTask(c.path(), 'written_assessment', [
      ...STATUS_DONE_TODAY,
      ENTER,
      'return_if_goals_met',
      'Ms N stays well with treatment',
      ENTER,
      'Police checks clear',
      ENTER,
    ]);
    expect(code).toBe(0);
    expect(s.remaining()).toBe(0);
    expect(s.said.join('\n')).toContain('an answer is needed');
    const recommendation = s.shown.find((p) => p.message === 'The reasoned recommendation about return')!;
    expect(recommendation).toMatchObject({ kind: 'select', initial: NOT_ANSWERED });
    const signOff = s.shown.find((p) => p.message.startsWith('Signed off by'))!;
    expect(signOff).toMatchObject({ kind: 'select', initial: NOT_ANSWERED });
    expect(signOff.choices).toEqual([
      { value: NOT_ANSWERED, name: '(not answered: record nothing)' },
      { value: 'TM D.E.', name: 'TM D.E. (suggested)' },
      { value: SOMEONE_ELSE, name: 'someone or something else: type it' },
    ]);
    expect(readFileSync(c.path(), 'utf8')).toMatch(
      /written_assessment: \{ status: done, date: 2026-11-02, by: SW K\.L\., recommendation: return_if_goals_met \} +# due mid-November/,
    );
  });

  it('written_assessment: choosing the suggested team manager records their sign-off, dated --date unless changed', async () => {
    const c = caseloadWith();
    const { code, s } = await runTask(c.path(), 'written_assessment', [
      ...STATUS_DONE_TODAY,
      'return_with_support',
      'Ms N stays well with treatment',
      ENTER,
      'Police checks clear',
      'TM D.E.',
      ENTER,
    ]);
    expect(code).toBe(0);
    expect(s.remaining()).toBe(0);
    expect(readFileSync(c.path(), 'utf8')).toMatch(
      /recommendation: return_with_support, signed_off: \{ by: TM D\.E\., date: 2026-11-02, frozen: \[\{ path: records\/RF-0900\/assessment-2026-11-02\.md, sha256: [0-9a-f]{64} \}, \{ path: records\/RF-0900\/assessment-2026-11-02\.html, sha256: [0-9a-f]{64} \}\] \} \}/,
    );
  });

  it('the same flows one after another leave a clean stage-1 case that advances to stage 2', async () => {
    const c = caseloadWith();
    for (const flow of flows) expect((await runTask(c.path(), flow.task, flow.replies)).code).toBe(0);
    const before = readFileSync(c.path(), 'utf8');
    expect(await runAdvanceCommand(c.path(), { set: [], date: DATE })).toBe(0);
    const after = readFileSync(c.path(), 'utf8');
    expect(after).toMatch(/^stage: 2 +# assessment under way$/m);
    expect(after).toMatch(/ {2}classification:\n {4}status: todo\n {2}decision:\n/);
    expectUntouchedBytesKept(before, after);
    const { result } = await checkCaseload({ paths: [c.dir], asOf: DATE, workers: 1 });
    expect(result.summary.errors).toBe(0);
  });

  it('offers the tasks of the stage to choose from when no task is named', async () => {
    const c = caseloadWith();
    const { code, s } = await runTask(c.path(), undefined, ['engagement', ...STATUS_DONE_TODAY, 'Explained at home']);
    expect(code).toBe(0);
    expect(out).toMatch(/todo +engagement +Engage the child and family/);
    expect(s.asked[0]).toBe('Which task?');
    expect(readFileSync(c.path(), 'utf8')).toMatch(/engagement: +\{ status: done/);
  });

  it('not applicable asks only for the reason', async () => {
    const c = caseloadWith();
    const { code, s } = await runTask(c.path(), 'safe_adult', ['not_applicable', 'Child N is too young to choose']);
    expect(code).toBe(0);
    expect(s.asked).toHaveLength(2);
    expect(readFileSync(c.path(), 'utf8')).toMatch(/safe_adult: +\{ status: not_applicable, reason: Child N is too young to choose \}/);
  });

  it('checks each answer as it is given and asks again', async () => {
    const c = caseloadWith();
    const { code, s } = await runTask(c.path(), 'engagement', [ENTER, '2026-13-01', '2027-01-01', '2026-09-01', ENTER, ENTER, 'Explained']);
    expect(code).toBe(0);
    expect(s.refused).toEqual([
      'must be a date written YYYY-MM-DD',
      'must not be after 2026-11-02 (today, or --as-of): record things once they have happened',
      'must not be before the case was opened (2026-09-21)',
    ]);
  });

  it('Ctrl-C leaves the file untouched and exits 130', async () => {
    const c = caseloadWith();
    const { code } = await runTask(c.path(), 'engagement', [ENTER, ENTER, CTRL_C]);
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted; nothing was written/);
    expect(readFileSync(c.path(), 'utf8')).toBe(COMMENTED_CASE);
  });

  it('refuses to save over a file that changed on disk while the questions were answered', async () => {
    const c = caseloadWith();
    const edited = COMMENTED_CASE.replace('# meeting booked', '# meeting moved to Friday');
    const { code } = await runTask(c.path(), 'engagement', [
      ...STATUS_DONE_TODAY,
      () => {
        writeFileSync(c.path(), edited);
        return 'Explained at home';
      },
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/changed on disk since it was read; nothing was written/);
    expect(readFileSync(c.path(), 'utf8')).toBe(edited);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const c = caseloadWith();
    const s = script([...STATUS_DONE_TODAY, 'Explained']);
    const code = await runTaskCommand(c.path(), 'engagement', taskFlags({ dryRun: true }), { asker: s.asker });
    expect(code).toBe(0);
    expect(out).toMatch(/^- {2}engagement: +\{ status: todo \} +# meeting booked$/m);
    expect(out).toMatch(/^\+ {2}engagement: +\{ status: done, date: 2026-11-02, by: SW K\.L\., note: Explained \} +# meeting booked$/m);
    expect(readFileSync(c.path(), 'utf8')).toBe(COMMENTED_CASE);
  });

  it('keeps CRLF line endings, in the front matter and in added body text', async () => {
    const crlf = COMMENTED_CASE.replace(/\n/g, '\r\n');
    const c = caseloadWith({ 'RF-0900.md': crlf });
    const { code } = await runTask(c.path(), 'case_history', [
      ...STATUS_DONE_TODAY,
      false,
      ENTER,
      ENTER,
      ENTER,
      ENTER,
      ENTER,
      ENTER,
      false,
      'More history',
      ENTER,
    ]);
    expect(code).toBe(0);
    const after = readFileSync(c.path(), 'utf8');
    expect(after.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(after).toContain('\r\n\r\nMore history\r\n\r\n## Analysis');
  });
});

describe('later stages', () => {
  it('decision_shared suggests the parties still to be told, one after another, never pre-selected', async () => {
    const rf5 = readFileSync('examples/caseload/cases/RF-0005.md', 'utf8');
    // forget that the IRO and the relative carer were told
    const text = rf5.replace(/\n\s*\{ party: iro[^}]*\},?/, '').replace(/\n\s*\{ party: rk[^}]*\},?/, '');
    const c = caseloadWith({ 'RF-0005.md': text });
    const before = loadCase(c.path('RF-0005.md'));
    expect(before.problems).toEqual([]);
    const s = script([ENTER, ENTER, ENTER, ...['rk', 'iro'].flatMap((party): Reply[] => [party, ENTER, 'letter', ENTER]), false]);
    const code = await runTaskCommand(c.path('RF-0005.md'), 'decision_shared', taskFlags(), { asker: s.asker });
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    const told = s.shown.filter((p) => p.message === 'Who was told?');
    expect(told).toHaveLength(2);
    for (const [i, party] of ['rk', 'iro'].entries()) {
      expect(present(told[i]).initial).toBe(NOT_ANSWERED);
      expect(present(told[i]).choices?.find((ch) => ch.value === party)?.name).toMatch(/\(suggested\)$/);
      expect(present(told[i]).choices?.filter((ch) => ch.name.endsWith('(suggested)'))).toHaveLength(1);
    }
    const after = readFileSync(c.path('RF-0005.md'), 'utf8');
    const shared = present((loadCase(c.path('RF-0005.md')).data as { decisions: { shared: unknown[] }[] }).decisions[0]).shared;
    expect(shared.slice(-2)).toEqual([
      { party: 'rk', date: DATE, method: 'letter' },
      { party: 'iro', date: DATE, method: 'letter' },
    ]);
    expectUntouchedBytesKept(text, after);
  });
});

describe('written_assessment, interactively, with a changed recommendation', () => {
  it("suggests the team manager again, dated --date, not the old sign-off's date; not answered, the old sign-off is dropped", async () => {
    const rf5 = readFileSync('examples/caseload/cases/RF-0005.md', 'utf8');
    for (const [by, expected] of [
      ['TM D.E.', { by: 'TM D.E.', date: DATE }],
      [ENTER, undefined],
    ] as const) {
      const c = caseloadWith({ 'RF-0005.md': rf5 });
      const s = script([ENTER, ENTER, ENTER, 'no_return', ENTER, ENTER, ENTER, by, ...(expected ? [ENTER as Reply] : [])]);
      const code = await runTaskCommand(c.path('RF-0005.md'), 'written_assessment', taskFlags(), { asker: s.asker });
      expect(code).toBe(0);
      expect(s.remaining()).toBe(0);
      const recommendation = s.shown.find((p) => p.message === 'The reasoned recommendation about return')!;
      expect(recommendation.initial).toBe(NOT_ANSWERED);
      expect(present(recommendation.choices?.[0]).name).toBe('(keep what is recorded: return_if_goals_met)');
      if (expected) expect(s.shown.find((p) => p.message === 'Date of the sign-off')?.initial).toBe(DATE);
      else expect(err).toContain('the sign-off by TM D.E.');
      const entry = (loadCase(c.path('RF-0005.md')).data as { tasks: { written_assessment: { recommendation: string; signed_off?: unknown } } }).tasks
        .written_assessment;
      expect(entry.recommendation).toBe('no_return');
      // a sign-off given keeps the written assessment as signed, as signoff --sign does
      const frozen = ['md', 'html'].map((ext) => ({ path: `records/RF-0005/assessment-${DATE}.${ext}`, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
      expect(entry.signed_off).toEqual(expected ? { ...expected, frozen } : undefined);
    }
  });
});

describe('monitoring, interactively', () => {
  const visit = async (seenAlone: Reply) => {
    const c = caseloadWith({ 'RF-0012.md': readFileSync('examples/caseload/cases/RF-0012.md', 'utf8') });
    const s = script([ENTER, ENTER, seenAlone, 'Calm at home', false]); // in progress; the visit; no goal rating
    const code = await runTaskCommand(c.path('RF-0012.md'), 'monitoring', taskFlags(), { asker: s.asker });
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    expect(s.remaining()).toBe(0);
    const visits = (loadCase(c.path('RF-0012.md')).data as { return: { visits: unknown[] } }).return.visits;
    return { shown: s.shown, last: visits.at(-1) };
  };

  it('asks whether the child was seen alone without pre-answering yes: Enter leaves it out', async () => {
    const { shown, last } = await visit(ENTER);
    const seenAlone = shown.find((q) => q.message === 'Was the child seen alone?')!;
    expect(seenAlone.initial).toBe(NOT_ANSWERED);
    expect(seenAlone.choices?.find((ch) => ch.value === NOT_ANSWERED)?.name).toBe('(not answered: record nothing)');
    expect(last).toEqual({ date: DATE, note: 'Calm at home' });
  });

  it('records yes or no as answered', async () => {
    expect((await visit('yes')).last).toEqual({ date: DATE, seen_alone: true, note: 'Calm at home' });
    expect((await visit('no')).last).toEqual({ date: DATE, seen_alone: false, note: 'Calm at home' });
  });
});

describe('agreement, interactively', () => {
  it('a new goal may be rated as it is added', async () => {
    const c = caseloadWith({ 'RF-0006.md': readFileSync('examples/caseload/cases/RF-0006.md', 'utf8') });
    const reply = (m: string) => (m.startsWith('Add a goal') ? true : m === 'Add a rating?' ? true : m.startsWith('Red, amber') ? 'amber' : ENTER);
    const s = script([
      ENTER,
      ENTER,
      ENTER,
      ENTER,
      false,
      reply,
      ENTER,
      'Ms F goes to every parenting group session',
      'Weekly group',
      '2026-12-15',
      'Family centre worker',
      'Eight sessions in a row',
      reply,
      ENTER,
      reply,
      'Two of three',
      false,
      false,
      ENTER,
      ENTER, // no review date added
    ]);
    const code = await runTaskCommand(c.path('RF-0006.md'), 'agreement', taskFlags(), { asker: s.asker });
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    expect(s.remaining()).toBe(0);
    const goals = (loadCase(c.path('RF-0006.md')).data as { agreement: { goals: { id: string; progress?: unknown[] }[] } }).agreement.goals;
    expect(goals.at(-1)).toMatchObject({ id: 'g4', progress: [{ date: DATE, rag: 'amber', comment: 'Two of three' }] });
  });
});

describe("a manager's task, interactively", () => {
  it('decision offers the team manager as who made it; whether it is done, who did it, the decision and the sign-off are chosen, never pre-selected', async () => {
    const rf5 = readFileSync('examples/caseload/cases/RF-0005.md', 'utf8')
      .replace(/^( {2}decision: +)\{[^}]*\}/m, '$1{ status: todo }')
      .replace(/^( {2}decision_shared: +)\{[^}]*\}/m, '$1{ status: todo }')
      .replace(/^decisions:\n[\s\S]*?(?=^---$)/m, '');
    const c = caseloadWith({ 'RF-0005.md': rf5 });
    const s = script(['done', ENTER, 'TM D.E.', 'return_if_goals_met', 'Goals on conflict and school first', ENTER, ENTER, 'TM D.E.', ENTER]);
    const code = await runTaskCommand(c.path('RF-0005.md'), 'decision', taskFlags(), { asker: s.asker });
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    expect(s.remaining()).toBe(0);
    // whether the manager's task is done, and who did it, are the manager's to say: nothing pre-selected
    const status = s.shown.find((p) => p.message.endsWith('where does it stand?'))!;
    expect(status.initial).toBe(NOT_ANSWERED);
    const doneBy = s.shown.find((p) => p.message === 'Done by (role and initials)')!;
    expect(doneBy.initial).toBe(NOT_ANSWERED);
    expect(doneBy.choices?.find((ch) => ch.value === 'TM D.E.')?.name).toBe('TM D.E. (suggested)');
    const outcome = s.shown.find((p) => p.message.startsWith('Decision'))!;
    expect(outcome.initial).toBe(NOT_ANSWERED);
    expect(outcome.choices?.find((ch) => ch.value === 'return_if_goals_met')?.name).toBe('return_if_goals_met (suggested)');
    const after = readFileSync(c.path('RF-0005.md'), 'utf8');
    expect(after).toMatch(/^ {2}decision: +\{ status: done, date: 2026-11-02, by: TM D\.E\. \}$/m);
    expect(after).toMatch(
      / {4}reasons: Goals on conflict and school first\n {4}signed_off:\n {6}by: TM D\.E\.\n {6}date: 2026-11-02\n {6}frozen:\n {8}- path: records\/RF-0005\/decision-rc1_d2-2026-11-02\.md\n {10}sha256: [0-9a-f]{64}\n {8}- path: records\/RF-0005\/decision-rc1_d2-2026-11-02\.html\n {10}sha256: [0-9a-f]{64}\n---/,
    );
  });
});

describe('reunify new, interactively', () => {
  it('asks for the child, legal status, placement, cohorts and trigger point, and writes a clean stage-1 case', async () => {
    const c = caseloadWith({});
    const s = script([
      'Child Q',
      '2030-01-01',
      '2017-05-05',
      '2026-09-01',
      's20',
      ENTER,
      'foster',
      '0',
      'yes',
      ['s20_placement', 'wants_to_return'],
      'cla_review',
      '2026-09-20',
      'SW K.L.',
      'TM D.E.',
      ENTER,
    ]);
    const code = await runNewCommand('RF-0950', { dir: c.dir, set: [], cohort: [], date: '2026-10-01' }, { asker: s.asker });
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    expect(s.refused).toEqual(['must not be after 2026-10-01 (today, or --as-of): record things once they have happened']);
    const text = readFileSync(c.path('RF-0950.md'), 'utf8');
    expect(text).toMatch(/^ {2}ref: Child Q +# initials or a pseudonym/m);
    expect(text).toMatch(/^ {2}placement_moves: 0 +# placement moves in this episode\n {2}wants_to_return: true +#/m);
    expect(text).toMatch(/^cohorts: \[s20_placement, wants_to_return\] +#/m);
    expect(text).toMatch(/^cla_reviews: \[2026-09-20\] +#/m);
    expect(text).not.toMatch(/iro:/);
    const { result } = await checkCaseload({ paths: [c.dir], asOf: '2026-10-01', workers: 1 });
    expect(result.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('an optional yes/no with nothing pre-filled can be left blank, and then is left out', async () => {
    const c = caseloadWith({});
    const s = script(['Child Q', '2017-05-05', '2026-09-01', 's20', ENTER, 'foster', ENTER, ENTER, ENTER, 'cla_review', ENTER, 'SW K.L.', ENTER, ENTER]);
    const code = await runNewCommand('RF-0950', { dir: c.dir, set: [], cohort: [], date: '2026-10-01' }, { asker: s.asker });
    expect(code).toBe(0);
    expect(s.asked).toContain('Does the child say they want to go home? (optional)');
    const text = readFileSync(c.path('RF-0950.md'), 'utf8');
    expect(text).not.toMatch(/placement_moves|wants_to_return:/);
  });

  it('Ctrl-C creates nothing', async () => {
    const c = caseloadWith({});
    const s = script(['Child Q', CTRL_C]);
    expect(await runNewCommand('RF-0950', { dir: c.dir, set: [], cohort: [], date: '2026-10-01' }, { asker: s.asker })).toBe(130);
    expect(() => readFileSync(c.path('RF-0950.md'))).toThrow();
  });
});

describe('reunify advance --to closed, interactively', () => {
  it('asks how the case ended, offering the outcomes that fit first', async () => {
    const c = caseloadWith({ 'RF-0004.md': readFileSync('examples/caseload/cases/RF-0004.md', 'utf8') });
    const s = script([ENTER, ENTER, 'Long-term fostering with family time']);
    const code = await runAdvanceCommand(c.path('RF-0004.md'), { to: 'closed', set: [], date: '2026-11-01' }, { asker: s.asker });
    expect(err).toMatch(/closed on 2026-11-01: not_returned/);
    expect(code).toBe(0);
    const text = readFileSync(c.path('RF-0004.md'), 'utf8');
    expect(text).toMatch(/^stage: closed +#/m);
    expect(text).toMatch(/^outcome:\n {2}status: not_returned\n {2}date: 2026-11-01\n {2}note: Long-term fostering with family time\n---/m);
  });
});
