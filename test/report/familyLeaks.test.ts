// Family copies attacked with spellings, addresses and ids a worker might write:
// the fixtures in test/fixtures/family-leaks hold the mother's new address, phone
// and email, and reports to police, in text marked for or owned by the father she
// is protected from, and in body sections every reader gets.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/model/caseTypes.js';
import { holdsIdentifier, holdsPlace, names } from '../../src/core/copies/familyCopy.js';
import { DECISION_POINTS } from '../../src/core/model/ids.js';
import { openCase } from '../../src/io/openCase.js';
import { ROOT, exampleConfig, render } from './harness.js';
import { reunify } from '../cli/run.js';

const DIR = resolve(ROOT, 'test/fixtures/family-leaks');
const load = (id: string) => openCase(resolve(DIR, `${id}.md`), exampleConfig(), { sections: true });
const visible = (text: string) => text.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

const mum: Person = { id: 'mum', ref: 'Ms F', relation: 'mother', pr: true } as Person;

describe('names(): spellings of the mother that must be recognised', () => {
  const spellings = [
    'Ms. F',
    'MS. F',
    'Ms.F',
    'ms.f',
    'MsF',
    'Ms_F',
    'Miss F',
    'Mrs F',
    'M/s F',
    'Ms Fs',
    'mums',
    'mothers',
    'mommy',
    'mama',
    'mammy',
    'ma',
    'wife',
    'ex-wife',
    'partner',
    'ex-partner',
    'girlfriend',
    'Ｍｓ Ｆ',
    'Мs F',
    'M\u200Bs F',
    'Ms\u200B F',
    'Ms F’s',
    'the mother',
    // as a reader of the rendered copy reads it: entities, inline Markdown, raw HTML, a title spaced apart, "his ex"
    'Ms&nbsp;F',
    'M&#115; F',
    'M&#x73; F',
    'Ms&#32;F',
    '**Ms** F',
    '*M*s F',
    '_Ms_ F',
    '~~Ms~~ F',
    'Ms\\_F',
    '[Ms F](#x)',
    'M<b>s</b> F',
    'Ms<!-- -->F',
    'M&shy;s F',
    'M s F',
    'M.s. F',
    'Ms&colon;F',
    'm&#111;ther',
    'his ex',
  ];
  for (const s of spellings) it(`"${s}"`, () => expect(names(`He went to see ${s} today`, mum)).toBe(true));
  it('does not hear the mother in ordinary words', () => {
    for (const s of ['He made a plan', 'mamba', 'Mrs Fox', 'summary of the meeting', 'He mastered it']) expect(names(s, mum), s).toBe(false);
  });
});

describe('holdsPlace(): ways to find someone, however they are written', () => {
  const forms = [
    '12 Acacia Rd',
    '12&nbsp;Acacia&nbsp;Rd',
    '**12** Acacia Rd',
    'Flat 3b',
    'flat&nbsp;3',
    'flat three',
    'works at the Co-op on Mill Lane',
    'she works at the Co-op',
    'keeps away from her work',
    'in a refuge',
    'the IDVA',
    'MARAC',
    '///filled.count.soap',
    'filled.count.soap',
    'what3words',
    '53.8008, -1.5491',
    '53.8° N',
    'grid ref SE 296 334',
    'SE 2960 3340',
    '07700 900 123',
    '07700.900.123',
    '+44 7700 900123',
    '0 7 7 0 0 9 0 0 1 2 3',
    '077OO 9OO l23',
    'LS2&nbsp;7QT',
    'goo.gl/maps/abc',
    'https&#58;//maps.example.org',
  ];
  for (const s of forms) it(`"${s}"`, () => expect(holdsPlace(`XQ ${s}.`)).toBe(true));
  it('not ordinary plans', () => {
    for (const s of [
      'The programme ends in November',
      'Visits every two weeks',
      'Review on 1 December 2026',
      'You have work to do',
      'You can go home when Mum has done her work.',
      'no one drinks at home',
      'weekends at home',
    ])
      expect(holdsPlace(s), s).toBe(false);
  });
});

describe('holdsIdentifier(): addresses however a worker pastes them', () => {
  for (const s of [
    'meet at 12+Birch+Close',
    '12%20Birch%20Close',
    '12_Birch_Close',
    'https://maps.example.org/?q=x',
    'see www.example.org/x',
    '07700 900123',
    'LS1 4AB',
    'pat@example.org',
  ])
    it(`"${s}"`, () => expect(holdsIdentifier(s)).toBe(true));
  it('not ordinary plans', () => {
    for (const s of ['The programme ends in November', 'Visits every two weeks', 'Review on 1 December 2026']) expect(holdsIdentifier(s), s).toBe(false);
  });
});

const LEAKS = [/Elm Road/i, /07700/, /LS1/, /@example/i, /police/i, /Flat 3/i, /tenancy/i, /\brc[123]_/, /domestic_abuse/, /\d+\/10\b/, /counselling/i];

describe('the reviewer cases: nothing of the mother reaches the father or the grandmother', () => {
  for (const id of ['RF-0090', 'RF-0091', 'RF-0092']) {
    const rc = load(id);
    for (const reader of ['dad', 'gran']) {
      it(`${id} --for ${reader}`, () => {
        for (const type of ['assessment', 'decision', 'agreement', 'transition', 'review'] as const) {
          for (const point of type === 'decision' ? [undefined, ...DECISION_POINTS] : [undefined]) {
            for (const format of ['md', 'html'] as const) {
              const out = render(rc, type, format, { reader, point });
              if (!out.ok) continue;
              const text = visible(out.text);
              for (const leak of LEAKS) expect(text, `${id} ${type} ${point ?? ''} ${format} ${reader}: ${leak}`).not.toMatch(leak);
            }
          }
        }
      });
    }
  }
});

describe('goal numbers and headings in a family copy', () => {
  it("the father's only goal is his goal 1, and a repeated heading is printed once", () => {
    const out = render(load('RF-0090'), 'agreement', 'md', { reader: 'dad' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.text).toMatch(/Your goal 1\b/);
    expect(out.text).not.toMatch(/Your goal [2-9]/);
    const headings = out.text.split('\n').filter((l) => /^#+ /.test(l));
    expect(new Set(headings).size).toBe(headings.length);
  });
});

describe('check warns on the reviewer cases', () => {
  it('case/protected-person-named fires on each', async () => {
    const r = await reunify(['check', DIR]);
    const out = r.stdout + r.stderr;
    const warnings = (id: string) =>
      (out.split(/^(?=\S.*RF-\d{4}\.md)/m).find((block) => block.includes(`${id}.md`)) ?? '').match(/protected-person-named/g)?.length ?? 0;
    // before the matcher read "Ms. F", "the mothers", "MsF" and the body sections, RF-0092 had none and RF-0090 ten
    expect(warnings('RF-0090')).toBeGreaterThanOrEqual(20);
    expect(warnings('RF-0092')).toBeGreaterThanOrEqual(2);
    expect(out).toMatch(/names mum in "## What happens next", a section family copies show/);
  });
});

describe('a decision copy for the father', () => {
  it('withholds the summary recorded for him when it says who reported him, named or not', () => {
    const rc = load('RF-0092');
    const named = render(rc, 'decision', 'md', { reader: 'dad', point: 'rc1_d2' });
    expect(named.ok && named.text).toMatch(/## Why\s+Withheld from this copy\./);
    const data = structuredClone(rc.data!);
    data.decisions!.find((d) => d.point === 'rc1_d2')!.shared!.find((s) => s.party === 'dad')!.summary = 'Someone reported you to the police on 3 May';
    const unnamed = render({ ...rc, data }, 'decision', 'md', { reader: 'dad', point: 'rc1_d2' });
    expect(unnamed.ok && unnamed.text).toMatch(/## Why\s+Withheld from this copy\./);
  });

  it('without --point, the copy is of the decision he was told of, not of the latest point', async () => {
    const r = await reunify(['report', resolve(DIR, 'RF-0092.md'), '--type', 'decision', '--for', 'dad', '--as-of', '2026-11-01']);
    // the latest point is rc2_d3 (a classification, no decision yet), which he was not told of; he was told of rc1_d2
    expect(r.stderr.replace(/^reunify: note: this family copy is as of .*$/m, '')).toBe(''); // the past-date note only
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/## When you were told\s+- You were told on: /);
  });

  it('with --point at a decision he was not told of, the refusal names the one he was', async () => {
    const r = await reunify(['report', resolve(DIR, 'RF-0092.md'), '--type', 'decision', '--point', 'rc2_d3', '--for', 'dad', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/dad was told of the decision at rc1_d2: give --point rc1_d2/);
  });
});

describe('meeting dates and a reader who poses a risk', () => {
  // RF-0006: the father poses a risk to the mother (people[].risk_to); a CLA review is on 12 October 2026
  const copy = (reader: string) =>
    reunify(['report', resolve(ROOT, 'examples/caseload/cases/RF-0006.md'), '--type', 'assessment', '--for', reader, '--as-of', '2026-05-01']);

  it('the father is not told when the review meetings are: they say when the mother will be there', async () => {
    const r = await copy('dad');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/## Meetings\s+Your social worker will tell you about any meeting you are invited to\./);
    expect(r.stdout).not.toContain('12 October 2026');
  });

  it('the mother still sees the dates', async () => {
    const r = await copy('mum');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/## Meetings\s+Review meetings about the plan:\s+- 12 October 2026/);
  });
});
