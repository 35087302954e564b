// The parts of the plans at stages 3 to 5 that the written products print: the agreement's
// review dates, the transition plan's warning signs with agreed responses, school, health
// and the parents' and carers' views, and the next post-return review. Asked with nothing
// pre-filled; a part skipped stays absent; written back with every comment kept. Driven
// through a scripted terminal, and without one through --set.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTaskCommand } from '../../src/app/task.js';
import { loadCase } from '../../src/io/loadCase.js';
import { caseloadWith } from './fixture.js';
import { ENTER, NOT_ANSWERED, script, type Reply, type Shown } from './scripted.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';

const DATE = '2026-11-02';
const example = (id: string) => readFileSync(`examples/caseload/cases/${id}.md`, 'utf8');

let err = '';
beforeEach(() => {
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

/** Replies by prompt: the first pattern the message matches answers it; any other prompt gets Enter. */
function answering(pairs: [RegExp, Reply][]): Reply {
  return (message) => {
    const found = pairs.find(([re]) => re.test(message));
    const reply = found ? found[1] : ENTER;
    return typeof reply === 'function' ? reply(message) : reply;
  };
}

/** Answers kept for one use each, in order: a list asks "Add …?" again after each item. */
function inTurn(...replies: Reply[]): Reply {
  const queue = [...replies];
  return (message) => {
    const reply = queue.shift() ?? false;
    return typeof reply === 'function' ? reply(message) : reply;
  };
}

async function runTask(file: string, task: string, by: Reply) {
  const s = script(Array.from({ length: 80 }, () => by));
  const code = await runTaskCommand(file, task, { format: 'text', set: [], date: DATE }, { asker: s.asker });
  return { code, shown: s.shown };
}

/** Every line of the file before with a comment on it is still there, in order. */
function expectCommentsKept(before: string, after: string): void {
  const commented = before.split('\n').filter((l) => /\s#\s/.test(l));
  expect(commented.length).toBeGreaterThan(0);
  const afterLines = after.split('\n');
  let at = -1;
  for (const line of commented) {
    const next = afterLines.indexOf(line, at + 1);
    expect(next, line).toBeGreaterThan(at);
    at = next;
  }
}

const data = (file: string) => loadCase(file).data as CaseData;
const prompt = (shown: Shown[], re: RegExp) => shown.find((p) => re.test(p.message));

describe('stage 3: when the agreement is reviewed', () => {
  it('asks for review dates with nothing pre-filled, adds them to those recorded in date order, and keeps every comment', async () => {
    const c = caseloadWith({ 'RF-0001.md': example('RF-0001') });
    const before = readFileSync(c.path('RF-0001.md'), 'utf8');
    const { code, shown } = await runTask(
      c.path('RF-0001.md'),
      'agreement',
      answering([
        [/where does it stand\?/, 'done'],
        [/^Add /, false],
        [/When the agreement will be reviewed/, '2026-12-04; 2025-12-20'],
      ]),
    );
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    const asked = prompt(shown, /When the agreement will be reviewed/)!;
    expect(asked).toMatchObject({ kind: 'input', initial: undefined });
    expect(asked.message).toContain('(recorded: 2025-12-20, 2026-02-01; dates given are added)');
    expect(data(c.path('RF-0001.md')).agreement?.review_dates).toEqual(['2025-12-20', '2026-02-01', '2026-12-04']);
    const after = readFileSync(c.path('RF-0001.md'), 'utf8');
    expect(after).toMatch(/^ {2}review_dates: \[2025-12-20, 2026-02-01, 2026-12-04\]$/m);
    expectCommentsKept(before, after);
  });

  it('skipped, the agreement has no review dates; a date before the agreement is signed is refused', async () => {
    const c = caseloadWith({ 'RF-0001.md': example('RF-0001').replace(/^ {2}review_dates: .*\n/m, '') });
    expect(data(c.path('RF-0001.md')).agreement?.review_dates).toBeUndefined();
    const skipped = await runTask(
      c.path('RF-0001.md'),
      'agreement',
      answering([
        [/where does it stand\?/, 'done'],
        [/^Add /, false],
      ]),
    );
    expect(skipped.code).toBe(0);
    expect(data(c.path('RF-0001.md')).agreement?.review_dates).toBeUndefined();
    expect(prompt(skipped.shown, /When the agreement will be reviewed/)?.message).not.toContain('recorded');

    const reply = answering([
      [/where does it stand\?/, 'done'],
      [/^Add /, false],
      [/When the agreement will be reviewed/, inTurn('2025-11-01', 'someday', '2026-01-15')],
    ]);
    const s = script(Array.from({ length: 80 }, () => reply));
    expect(await runTaskCommand(c.path('RF-0001.md'), 'agreement', { format: 'text', set: [], date: DATE }, { asker: s.asker })).toBe(0);
    expect(s.refused).toEqual(['2025-11-01: must not be before the agreement is signed (2025-11-20)', expect.stringMatching(/^someday: /)]);
    expect(data(c.path('RF-0001.md')).agreement?.review_dates).toEqual(['2026-01-15']);
  });
});

describe('stage 4: the transition plan', () => {
  const rf10 = () => caseloadWith({ 'RF-0010.md': example('RF-0010') });
  const answers = (): [RegExp, Reply][] => [
    [/where does it stand\?/, 'in_progress'],
    [/^Add a warning sign/, inTurn(true, false)],
    [/^The warning sign/, 'Ms K misses two family support sessions in a row'],
    [/^The agreed response/, 'The family support worker tells the social worker the same day; a visit within two working days'],
    [/^School:/, 'K stays at the same school; the DSL checks in weekly for the first half-term'],
    [/^Health:/, 'K moves to Ms K’s GP before the move'],
    [/^Add a parent's or carer's view/, inTurn(true, false)],
    [/^Whose view\?/, 'mum'],
    [/^Their view of the plan/, 'Ready, and worried about the first weekend'],
    [/^Add /, false],
  ];

  it('asks for warning signs with agreed responses, school, health and the views, nothing pre-filled, and writes them with every comment kept', async () => {
    const c = rf10();
    const before = readFileSync(c.path('RF-0010.md'), 'utf8');
    const { code, shown } = await runTask(c.path('RF-0010.md'), 'transition_plan', answering(answers()));
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    for (const re of [/^School:/, /^Health:/, /^The warning sign/, /^The agreed response/, /^Their view of the plan/])
      expect(prompt(shown, re)?.initial).toBeUndefined();
    // whose view it is is theirs to say: nothing pre-selected
    const whose = prompt(shown, /^Whose view\?/)!;
    expect(whose.initial).toBe(NOT_ANSWERED);
    expect(whose.choices?.map((ch) => ch.value)).toContain('mum');
    const t = data(c.path('RF-0010.md')).transition!;
    expect(t.warning_signs).toEqual([
      {
        sign: 'Ms K misses two family support sessions in a row',
        response: 'The family support worker tells the social worker the same day; a visit within two working days',
      },
    ]);
    expect(t.school).toBe('K stays at the same school; the DSL checks in weekly for the first half-term');
    expect(t.health).toBe('K moves to Ms K’s GP before the move');
    expect(t.views).toEqual([{ party: 'mum', view: 'Ready, and worried about the first weekend' }]);
    expectCommentsKept(before, readFileSync(c.path('RF-0010.md'), 'utf8'));
  });

  it('skipped, each part stays absent; answered again, a recorded school is shown and kept by an empty answer', async () => {
    const c = rf10();
    const skipped = await runTask(
      c.path('RF-0010.md'),
      'transition_plan',
      answering([
        [/where does it stand\?/, 'in_progress'],
        [/^Add /, false],
      ]),
    );
    expect(skipped.code).toBe(0);
    const t = data(c.path('RF-0010.md')).transition;
    for (const part of ['warning_signs', 'school', 'health', 'views'] as const) expect(t?.[part]).toBeUndefined();

    expect((await runTask(c.path('RF-0010.md'), 'transition_plan', answering(answers()))).code).toBe(0);
    const again = await runTask(
      c.path('RF-0010.md'),
      'transition_plan',
      answering([
        [/where does it stand\?/, 'in_progress'],
        [/^Add /, false],
      ]),
    );
    expect(again.code).toBe(0);
    expect(prompt(again.shown, /^School:/)?.message).toContain(
      '(recorded: K stays at the same school; the DSL checks in weekly for the first half-term; leave empty to keep it)',
    );
    expect(data(c.path('RF-0010.md')).transition?.school).toBe('K stays at the same school; the DSL checks in weekly for the first half-term');
    expect(data(c.path('RF-0010.md')).transition?.warning_signs).toHaveLength(1);
  });
});

describe('stage 5: when the next post-return review is', () => {
  /** RF-0001 with its latest post-return review decision not yet saying when the next review is. */
  const rf1 = () => {
    const text = example('RF-0001');
    const latest = [...text.matchAll(/point: rc3_post_return, outcome: (\w+)/g)].length;
    expect(latest).toBeGreaterThan(0);
    return caseloadWith({ 'RF-0001.md': text.replace(/,?\s*next_review: \d{4}-\d{2}-\d{2}/g, '') });
  };
  const latestReview = (file: string) => {
    const decisions = data(file).decisions ?? [];
    return decisions.filter((d) => d.point === 'rc3_post_return').at(-1)!;
  };

  it('monitoring asks for the next review date with nothing pre-filled and writes it on the latest review decision', async () => {
    const c = rf1();
    const before = readFileSync(c.path('RF-0001.md'), 'utf8');
    expect(latestReview(c.path('RF-0001.md')).next_review).toBeUndefined();
    const { code, shown } = await runTask(
      c.path('RF-0001.md'),
      'monitoring',
      answering([
        [/^Date of the visit/, DATE],
        [/^Was the child seen alone\?/, 'yes'],
        [/^Short note/, 'Calm at home'],
        [/^Record a red\/amber\/green/, false],
        [/^Date of the next post-return review/, inTurn('2026-01-01', '2027-02-01')],
      ]),
    );
    expect(err).not.toMatch(/reunify:/);
    expect(code).toBe(0);
    const asked = prompt(shown, /^Date of the next post-return review/)!;
    expect(asked.initial).toBeUndefined();
    const decided = latestReview(c.path('RF-0001.md')).date;
    expect(asked.message).toContain(`after the review decision of ${decided}`);
    expect(latestReview(c.path('RF-0001.md')).next_review).toBe('2027-02-01');
    expectCommentsKept(before, readFileSync(c.path('RF-0001.md'), 'utf8'));
  });

  it('skipped, the decision still has no next review date', async () => {
    const c = rf1();
    const { code } = await runTask(
      c.path('RF-0001.md'),
      'monitoring',
      answering([
        [/^Date of the visit/, DATE],
        [/^Record a red\/amber\/green/, false],
      ]),
    );
    expect(code).toBe(0);
    expect(latestReview(c.path('RF-0001.md')).next_review).toBeUndefined();
  });

  it('without a terminal, --set gives the same answers', async () => {
    const c = rf1();
    const code = await runTaskCommand(
      c.path('RF-0001.md'),
      'monitoring',
      { format: 'text', date: DATE, set: ['return.visits.0.date=2026-11-02', 'decisions.0.next_review=2027-02-01'] },
      {},
    );
    expect(err).not.toMatch(/reunify:.*(needs|no question)/);
    expect(code).toBe(0);
    expect(latestReview(c.path('RF-0001.md')).next_review).toBe('2027-02-01');
  });
});

describe('without a terminal, the plan parts are given with --set', () => {
  it('transition_plan: school, health, a warning sign and a view', async () => {
    const c = caseloadWith({ 'RF-0010.md': example('RF-0010') });
    const code = await runTaskCommand(
      c.path('RF-0010.md'),
      'transition_plan',
      {
        format: 'text',
        date: DATE,
        status: 'in_progress',
        set: [
          'transition.school=Same school',
          'transition.health=Same GP',
          'transition.warning_signs=[{ sign: "Missed sessions", response: "Visit within two days" }]',
          'transition.views=[{ party: mum, view: "Ready" }]',
        ],
      },
      {},
    );
    expect(err).not.toMatch(/reunify:.*(needs|no question)/);
    expect(code).toBe(0);
    expect(data(c.path('RF-0010.md')).transition).toMatchObject({
      school: 'Same school',
      health: 'Same GP',
      warning_signs: [{ sign: 'Missed sessions', response: 'Visit within two days' }],
      views: [{ party: 'mum', view: 'Ready' }],
    });
  });

  it('agreement: review dates', async () => {
    const c = caseloadWith({ 'RF-0006.md': example('RF-0006') });
    const code = await runTaskCommand(c.path('RF-0006.md'), 'agreement', { format: 'text', date: DATE, set: ['agreement.review_dates=2027-02-19'] }, {});
    expect(code).toBe(0);
    expect(data(c.path('RF-0006.md')).agreement?.review_dates).toEqual(['2026-08-21', '2026-11-20', '2027-02-19']);
  });
});
