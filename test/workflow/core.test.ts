// The pure parts of the workflow: answers checked against questions, body sections,
// which tasks a stage shows, and how a case moves on.
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { TASK_IDS } from '../../src/core/model/ids.js';
import {
  answerPaths,
  answerProblem,
  list,
  offerFor,
  parseAnswer,
  promptDefaultFor,
  question,
  resolveAnswers,
  unaskedPaths,
} from '../../src/core/workflow/answers.js';
import { planAdvance } from '../../src/core/workflow/advance.js';
import { appendToSection, sectionHasContent } from '../../src/core/workflow/body.js';
import { tasksInView, tasksToFix } from '../../src/core/workflow/stageTasks.js';
import { TASK_FLOWS } from '../../src/core/workflow/tasks/index.js';
import { stage1Case } from '../rules/harness.js';

describe('resolveAnswers', () => {
  const steps = [
    question('choice', ['tasks', 't', 'status'], 'status', {
      required: true,
      default: 'done',
      choices: [
        { value: 'done', name: 'done' },
        { value: 'todo', name: 'todo' },
      ],
    }),
    question('text', ['tasks', 't', 'note'], 'note', { required: (_s, root) => (root.tasks as { t: { status: string } }).t.status === 'done' }),
    question('count', ['history', 'entries_to_care'], 'entries', { default: 1 }),
    question('date', ['when'], 'when', { when: (_s, root) => (root.tasks as { t: { status: string } }).t.status === 'todo', required: true }),
    list(
      ['people'],
      'person',
      'more?',
      [
        question('text', ['id'], 'id', { required: true }),
        question('text', ['ref'], 'ref', { required: true }),
        question('yesno', ['pr'], 'pr', { default: false }),
      ],
      { min: 1, max: 2 },
    ),
  ];

  it('fills in defaults, leaves out questions that do not apply, and names every missing answer', () => {
    const r = resolveAnswers(steps, { people: [{ id: 'mum' }] });
    expect(r.missing).toEqual(['tasks.t.note', 'people[0].ref']);
    expect(r.invalid).toEqual([]);
    expect(r.answers).toEqual({ tasks: { t: { status: 'done' } }, history: { entries_to_care: 1 }, people: [{ id: 'mum', pr: false }] });
  });

  it('refuses answers of the wrong kind, naming where they are', () => {
    const r = resolveAnswers(steps, {
      tasks: { t: { status: 'finished', note: 'x' } },
      history: { entries_to_care: -1 },
      people: [{ id: 'a', ref: 'b', pr: 'maybe' }, 'x', {}],
    });
    expect(r.invalid).toEqual([
      'tasks.t.status: must be one of: done, todo',
      'history.entries_to_care: must be a whole number, 0 or more',
      'people[0].pr: must be yes or no (true or false)',
      'people[1]: must be a map of fields',
    ]);
    expect(r.missing).toEqual(['people[2].id', 'people[2].ref']);
    const three = [
      { id: 'a', ref: 'a' },
      { id: 'b', ref: 'b' },
      { id: 'c', ref: 'c' },
    ];
    expect(resolveAnswers(steps, { tasks: { t: { note: 'n' } }, people: three }).invalid).toEqual(['people: at most 2 people at a time']);
  });

  it('keeps 0, false and blank answers as given: the pre-filled answer never replaces them', () => {
    const r = resolveAnswers(steps, { tasks: { t: { note: 'n' } }, history: { entries_to_care: 0 }, people: [{ id: 'mum', ref: 'Ms A', pr: false }] });
    expect(r.answers).toMatchObject({ history: { entries_to_care: 0 }, people: [{ id: 'mum', ref: 'Ms A', pr: false }] });
    const blank = resolveAnswers(steps, { tasks: { t: { status: '', note: 'n' } }, history: { entries_to_care: '' }, people: [{ id: 'mum', ref: 'Ms A' }] });
    expect(blank.missing).toEqual(['tasks.t.status']);
    expect(blank.answers).not.toHaveProperty('history');
  });

  it("an offer is a prompt's pre-filled answer only: without a terminal it is never filled in", () => {
    const by = question('text', ['signed_off', 'by'], 'by', { offer: 'TM A.O.' });
    const who = question('text', ['by'], 'who', { default: 'SW J.P.', offer: 'TM A.O.' });
    expect(resolveAnswers([by, who], {}).answers).toEqual({ by: 'SW J.P.' });
    expect(promptDefaultFor(by, undefined, {}, {})).toBe('TM A.O.');
    expect(promptDefaultFor(who, undefined, {}, {})).toBe('TM A.O.');
    expect(resolveAnswers([by, who], { signed_off: { by: 'TM A.O.' } }).answers).toEqual({ signed_off: { by: 'TM A.O.' }, by: 'SW J.P.' });
  });

  it('an attestation takes no default and nothing pre-filled; its offer is only a suggestion, and what the case records counts as given', () => {
    const level = question('choice', ['level'], 'level', {
      required: true,
      attests: true,
      default: 'low',
      offer: 'high',
      choices: [
        { value: 'low', name: 'low' },
        { value: 'high', name: 'high' },
      ],
    });
    expect(resolveAnswers([level], {})).toMatchObject({ answers: {}, missing: ['level'] });
    expect(promptDefaultFor(level, { level: 'low' }, {}, {}, { level: 'high' })).toBeUndefined();
    expect(offerFor(level, {}, {})).toBe('high');
    expect(resolveAnswers([level], { level: 'high' }).answers).toEqual({ level: 'high' });
    const kept = { ...level, recorded: 'low' };
    expect(resolveAnswers([kept], {})).toMatchObject({ answers: {}, missing: [] });
    expect(answerProblem(kept, '', {}, {})).toBeUndefined();
    expect(answerProblem(level, '', {}, {})).toBe('an answer is needed');
  });

  it("a list item's offer is pre-filled at a prompt only: without a terminal the answer is missing", () => {
    const told = list(
      ['shared'],
      'party told',
      'more?',
      [question('choice', ['party'], 'who', { required: true, choices: [{ value: 'iro', name: 'IRO' }] }), question('text', ['method'], 'how')],
      {
        itemOffers: () => ({ party: 'iro' }),
      },
    );
    const r = resolveAnswers([told], { shared: [{ method: 'email' }] });
    expect(r.missing).toEqual(['shared[0].party']);
    expect(r.answers).toEqual({ shared: [{ method: 'email' }] });
    expect(promptDefaultFor(told.items[0] as ReturnType<typeof question>, undefined, {}, {}, { party: 'iro' })).toBe('iro');
  });

  it('knows which paths its questions take, and names those they do not', () => {
    const shared = list(['decisions', 0, 'shared'], 'party told', 'more?', [question('text', ['party'], 'who'), question('text', ['method'], 'how')]);
    const cohorts = question('choices', ['cohorts'], 'cohorts', { choices: [{ value: 'a', name: 'a' }] });
    const all = [...steps, shared, cohorts];
    expect(answerPaths(all)).toEqual([
      'tasks.t.status',
      'tasks.t.note',
      'history.entries_to_care',
      'when',
      'people.<n>.id',
      'people.<n>.ref',
      'people.<n>.pr',
      'decisions.0.shared.<n>.party',
      'decisions.0.shared.<n>.method',
      'cohorts',
    ]);
    for (const [path, value] of [
      [['tasks', 't', 'note'], 'x'],
      [['when'], 'x'], // asked only when the status is todo: still a question's path
      [['people', 1, 'ref'], 'x'],
      [['people'], [{ id: 'a', ref: 'b' }]],
      [['tasks'], { t: { status: 'done' } }],
      [['decisions', 0, 'shared', 0, 'party'], 'iro'],
      [['cohorts', 0], 'a'],
    ] as const) {
      expect(unaskedPaths(all, path, value), path.join('.')).toEqual([]);
    }
    expect(unaskedPaths(all, ['tasks', 't', 'notes'], 'x')).toEqual([['tasks', 't', 'notes']]);
    expect(unaskedPaths(all, ['tasks', 't'], { status: 'done', notes: 'x' })).toEqual([['tasks', 't', 'notes']]);
    expect(unaskedPaths(all, ['tasks', 't'], 'done')).toEqual([['tasks', 't']]);
    expect(unaskedPaths(all, ['people', 'mum', 'ref'], 'x')).toEqual([['people', 'mum', 'ref']]);
    expect(unaskedPaths(all, ['people'], [{ id: 'a', relation: 'x' }])).toEqual([['people', 0, 'relation']]);
    expect(unaskedPaths(all, ['decisions', 1, 'shared', 0, 'party'], 'iro')).toEqual([['decisions', 1, 'shared', 0, 'party']]);
    expect(unaskedPaths(all, ['tasks', 't', 'note', 0], 'x')).toEqual([['tasks', 't', 'note', 0]]);
    expect(unaskedPaths([], ['outcome', 'status'], 'x')).toEqual([['outcome', 'status']]);
  });

  it('asks for a list that needs an item', () => {
    expect(resolveAnswers(steps, { tasks: { t: { note: 'n' } } }).missing).toEqual(['people (at least one person)']);
  });

  it('reads answers the way people type them', () => {
    const q = (kind: Parameters<typeof question>[0]) =>
      question(kind, ['x'], 'x', {
        choices: [
          { value: 'a', name: 'a' },
          { value: 'b', name: 'b' },
        ],
      });
    expect(parseAnswer(q('yesno'), 'Yes')).toEqual({ value: true });
    expect(parseAnswer(q('count'), ' 3 ')).toEqual({ value: 3 });
    expect(parseAnswer(q('date'), '2026-02-30')).toEqual({ error: 'must be a date written YYYY-MM-DD' });
    expect(parseAnswer(q('choices'), 'a, b, a')).toEqual({ value: ['a', 'b'] });
    expect(parseAnswer(q('lines'), 'one; two;  ')).toEqual({ value: ['one', 'two'] });
  });
});

describe('body sections', () => {
  const body = '## Case history\n\n<!-- prompt -->\n\n## Analysis\n\nText.\n\n```\n## Not a heading\n```\n';

  it('text goes at the end of its section, before the blank line that closes it', () => {
    expect(appendToSection(body, { headings: ['Case history'], text: 'First entry.\n' }, '\n')).toBe(
      '## Case history\n\n<!-- prompt -->\n\nFirst entry.\n\n## Analysis\n\nText.\n\n```\n## Not a heading\n```\n',
    );
  });

  it('a missing section is added at the end; a heading inside a code fence does not count', () => {
    expect(appendToSection(body, { headings: ['Not a heading', 'Notes'], text: 'N' }, '\n')).toBe(body + '\n## Not a heading\n\nN\n');
  });

  it('an empty section gets the text under its heading; CRLF files get CRLF', () => {
    expect(appendToSection('## A\r\n## B\r\n', { headings: ['A'], text: 'x\ny' }, '\r\n')).toBe('## A\r\n\r\nx\r\ny\r\n## B\r\n');
  });

  it("the template's prompts are not content", () => {
    expect(sectionHasContent(body, ['Case history'])).toBe(false);
    expect(sectionHasContent(body, ['analysis'])).toBe(true);
  });
});

describe('stage tasks', () => {
  it('every task has a flow', () => {
    expect([...TASK_FLOWS.keys()].sort()).toEqual([...TASK_IDS].sort());
  });

  it('after an unplanned return, the unfinished earlier tasks are shown before stage 5', () => {
    const data: CaseData = {
      ...stage1Case(),
      stage: 5,
      return: { unplanned: true, returned: '2026-10-20' },
      tasks: { ...stage1Case().tasks, case_history: { status: 'done', date: '2026-10-01', by: 'SW' } },
    };
    const shown = tasksInView(data).map((l) => `${l.task}:${l.status}`);
    expect(shown.slice(0, 2)).toEqual(['engagement:todo', 'family_assessment:todo']);
    expect(shown).toContain('classification:missing');
    expect(shown.slice(-4)).toEqual(['contact_plan:missing', 'support_package:missing', 'monitoring:missing', 'step_down:missing']);
  });

  it('names the tasks that put problems right', () => {
    const problems = [
      { ruleId: 'stage-gate', path: '/tasks/safe_adult/status' },
      { ruleId: 'stage2/decision-shared', path: '/decisions/0/shared' },
      { ruleId: 'stage-gate', path: '/decisions' },
    ];
    expect(tasksToFix(problems, { ...stage1Case(), stage: 2 })).toEqual(['safe_adult', 'decision', 'decision_shared']);
  });
});

describe('planAdvance', () => {
  const base = stage1Case();
  it('moves on one stage, adding todo entries for the next stage’s tasks', () => {
    const plan = planAdvance(base, { kind: 'next' });
    expect(plan).toMatchObject({ from: 1, to: 2, recordAnyway: false });
    expect('edits' in plan && plan.edits.map((e) => e.path.join('.'))).toEqual([
      'stage',
      'tasks.classification',
      'tasks.decision',
      'tasks.decision_shared',
      'tasks.support_if_no_return',
    ]);
  });

  it('refuses after no_return, and past stage 5', () => {
    const noReturn: CaseData = { ...base, stage: 2, decisions: [{ date: '2026-10-01', point: 'rc1_d2', outcome: 'no_return' }] };
    expect(planAdvance(noReturn, { kind: 'next' })).toEqual({ refused: expect.stringContaining('--to closed --outcome not_returned') });
    expect(planAdvance({ ...base, stage: 5 }, { kind: 'next' })).toEqual({ refused: expect.stringContaining('stage 5 is the last stage') });
  });

  it('extend_work goes back to stage 3 unless RC2 has been regraded since', () => {
    const stage4: CaseData = {
      ...base,
      stage: 4,
      tasks: { ...base.tasks, reclassification: { status: 'done', date: '2026-10-10', by: 'TM' } },
      classifications: [{ date: '2026-10-10', point: 'rc2_d3', level: 'medium', by: 'TM' }],
      decisions: [{ date: '2026-10-11', point: 'rc2_d3', outcome: 'extend_work' }],
    };
    expect(planAdvance(stage4, { kind: 'next' })).toMatchObject({
      to: 3,
      edits: [
        { path: ['stage'], value: 3 },
        { path: ['tasks', 'reclassification', 'status'], value: 'in_progress' },
      ],
    });
    const regraded = {
      ...stage4,
      classifications: [...stage4.classifications!, { date: '2026-12-01', point: 'rc2_d3' as const, level: 'low' as const, by: 'TM' }],
    };
    expect(planAdvance(regraded, { kind: 'next' })).toMatchObject({ to: 5 });
  });

  it('closing checks that the outcome fits whether the child went home', () => {
    expect(planAdvance(base, { kind: 'close', outcome: { status: 'at_home', date: '2026-11-01' } })).toEqual({
      refused: expect.stringContaining('has not gone home'),
    });
    expect(planAdvance(base, { kind: 'close', outcome: { status: 'not_returned', date: '2026-11-01', note: ' ' } })).toMatchObject({
      to: 'closed',
      edits: [
        { path: ['stage'], value: 'closed' },
        { path: ['outcome'], value: { status: 'not_returned', date: '2026-11-01' } },
      ],
    });
  });

  it('an unplanned return goes to stage 5 whatever the gates say, with every missing task entry', () => {
    const plan = planAdvance(base, { kind: 'unplanned', date: '2026-11-01' });
    expect(plan).toMatchObject({ to: 5, recordAnyway: true });
    const paths = 'edits' in plan ? plan.edits.map((e) => e.path.join('.')) : [];
    expect(paths.slice(0, 3)).toEqual(['return.unplanned', 'return.returned', 'stage']);
    expect(paths).toHaveLength(3 + TASK_IDS.length - 5);
  });
});
