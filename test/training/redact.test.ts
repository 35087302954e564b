// Redaction over generated caseloads (fast-check, seeded): no known name, id,
// place, school or original date survives; intervals are kept; nothing moves into
// the future; the copy checks exactly as the originals did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFileText } from '../../src/core/model/caseText.js';
import { daysBetween } from '../../src/core/text/dates.js';
import { longDate } from '../../src/core/text/dateText.js';
import { generateCase } from '../../src/core/training/generate.js';
import { SCHOOL_KINDS, SCHOOL_NAMES, TOWN_NAMES } from '../../src/core/training/generateText.js';
import type { StageValue } from '../../src/core/model/ids.js';
import { createRng } from '../../src/core/training/random.js';
import { forReview, redactCaseload, survivors, type RedactSource } from '../../src/core/copies/redact.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { checkTexts } from './checkText.js';
import { present } from '../present.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';
const STAGES: StageValue[] = [1, 2, 3, 4, 5, 'closed'];
const PLACES = [...TOWN_NAMES];
const SCHOOLS = SCHOOL_NAMES.flatMap((n) => SCHOOL_KINDS.map((kind) => `${n} ${kind}`));

function caseload(seed: number, size: number): RedactSource[] {
  const rng = createRng(seed);
  return Array.from({ length: size }, (_, i) => {
    const id = `RF-${String(seed % 9000).padStart(4, '0')}${String.fromCharCode(65 + i)}`;
    const g = generateCase(rng.fork(i), { stage: present(STAGES[rng.int(0, 5)]), id, asOf: AS_OF, config, scenario: rng.chance(0.3) ? 'cohorts' : undefined });
    return { id, data: g.data as unknown as Record<string, unknown>, body: g.body };
  });
}

/** Every ISO date in a value, in document order. */
function isoDates(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => isoDates(x, out));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => isoDates(x, out));
  return out;
}

/** What must not survive: refs, the team's initials, their distinctive parts, case ids, places, schools, dates. */
function knownOriginals(sources: readonly RedactSource[]): string[] {
  const out = new Set<string>([...PLACES, ...SCHOOLS]);
  for (const s of sources) {
    out.add(s.id);
    const d = s.data as { child: { ref: string }; people?: { ref: string }[]; team: Record<string, string> };
    const names = [d.child.ref, ...(d.people ?? []).map((p) => p.ref), ...Object.values(d.team)];
    for (const n of names) {
      out.add(n);
      const token = n.split(' ').pop()!;
      if (token.length >= 2) out.add(token);
    }
    for (const date of [...isoDates(s.data), ...[...s.body.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0])]) {
      out.add(date);
      out.add(longDate(date));
    }
  }
  return [...out];
}

const survives = (text: string, original: string) => new RegExp(`(?<![\\w.-])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

describe('redactCaseload', () => {
  it('leaves no known name, id, place, school or original date in any output, keeps intervals and moves nothing forward', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 }), (seed, size, redactSeed) => {
        const sources = caseload(seed, size);
        const result = redactCaseload(createRng(redactSeed), sources, { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: config.bank_holidays });
        const texts = result.cases.map((c) => caseFileText(c.data, c.body));
        for (const original of knownOriginals(sources)) {
          for (const text of texts) expect(survives(text, original), original).toBe(false);
        }
        const earliest = isoDates(sources.map((s) => s.data)).sort()[0];
        const offsets = new Set<number>();
        for (const c of result.cases) {
          const before = isoDates(present(sources[c.source]).data);
          const after = isoDates(c.data);
          expect(after).toHaveLength(before.length);
          before.forEach((d, j) => offsets.add(daysBetween(present(after[j]), d)));
        }
        expect(offsets.size).toBe(1);
        const [offset] = offsets;
        expect(present(offset) % 7).toBe(0);
        for (const text of texts) for (const d of text.match(/\d{4}-\d{2}-\d{2}/g) ?? []) expect(d < present(earliest)).toBe(true);
        expect(daysBetween(result.asOf, AS_OF)).toBe(offset);
      }),
      { seed: 20261101, numRuns: 12 },
    );
  }, 180_000);

  it('checks the copy exactly as the originals were checked (same rules, same severities)', () => {
    const sources = caseload(77, 6);
    const summary = (rows: ReturnType<typeof checkTexts>) => rows.flatMap((r) => r.problems.map((p) => `${p.severity} ${p.ruleId}`)).sort();
    const original = checkTexts(
      sources.map((s) => ({ stem: s.id, text: caseFileText(s.data, s.body) })),
      config,
      AS_OF,
    );
    const result = redactCaseload(createRng(5), sources, { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: config.bank_holidays });
    const shifted = { ...config, bank_holidays: result.bankHolidays };
    const copy = checkTexts(
      result.cases.map((c) => ({ stem: c.id, text: caseFileText(c.data, c.body) })),
      shifted,
      result.asOf,
    );
    expect(summary(copy)).toEqual(summary(original));
  });

  it('replaces consistently across files: one pseudonym per person, siblings still linked', () => {
    const a = caseload(11, 2);
    const [first, second] = [present(a[0]), present(a[1])];
    (first.data as { siblings?: string[] }).siblings = [second.id];
    (second.data as { siblings?: string[] }).siblings = [first.id];
    second.body += `\nSee ${first.id}; ${(first.data as { child: { ref: string } }).child.ref} is the older sibling.\n`;
    const result = redactCaseload(createRng(1), a, { asOf: AS_OF, places: [], schools: [], bankHolidays: [] });
    const linked = result.cases.map((c) => ({
      id: c.id,
      siblings: (c.data as { siblings: string[] }).siblings,
      body: c.body,
      ref: (c.data as { child: { ref: string } }).child.ref,
    }));
    const [x, y] = [present(linked[0]), present(linked[1])];
    expect(x.siblings).toEqual([y.id]);
    expect(y.siblings).toEqual([x.id]);
    const older = result.cases.find((c) => c.body.includes('is the older sibling'))!;
    const other = result.cases.find((c) => c !== older)!;
    expect(older.body).toContain(`See ${other.id}; ${(other.data as { child: { ref: string } }).child.ref} is the older sibling.`);
  });

  it('counts what it replaced, by category', () => {
    const result = redactCaseload(createRng(2), caseload(3, 3), { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: [] });
    expect(result.counts['case ids']).toBeGreaterThanOrEqual(3);
    expect(result.counts["children's refs"]).toBe(3);
    expect(result.counts['dates in fields']).toBeGreaterThan(30);
    expect(result.counts.schools).toBeGreaterThanOrEqual(3);
  });

  it('replaces names it does not know when they have a title or a role, and months named alone', () => {
    const s = present(caseload(5, 1)[0]);
    s.body += '\nMr Zebedee and Dr O. visited; SW Q.Q. wrote it up. The October review and the review in May went well. It may rain.\n';
    const c = present(redactCaseload(createRng(3), [s], { asOf: AS_OF, places: [], schools: [], bankHolidays: [] }).cases[0]);
    expect(c.body).not.toMatch(/Zebedee|Dr O\.|Q\.Q\.|October|in May/);
    expect(c.body).toContain('It may rain.');
  });
});

// ---------------------------------------------------------------- attacks on the replacing

/** Lower case, accents off: the form a token is compared in. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Every word of a text, folded, split at anything that is not a letter or digit (apostrophes, hyphens, dashes). */
const wordsOf = (text: string) =>
  new Set(
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
/** The words of a name that must not be in a copy: each part, and each part with its apostrophe taken out ("oneill"). */
function nameWords(name: string): string[] {
  const out = new Set<string>();
  for (const piece of fold(name).split(/[\s‐‑‒–—―-]+/u)) {
    for (const w of piece.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 2) out.add(w);
    const joined = piece.replace(/[^\p{L}\p{N}]/gu, '');
    if (joined.length >= 2) out.add(joined);
  }
  return [...out];
}
const texts = (result: ReturnType<typeof redactCaseload>) => result.cases.map((c) => caseFileText(c.data, c.body));

const SYLLABLES = [
  'ka',
  'zo',
  'ë',
  'bri',
  'ain',
  'sio',
  'ân',
  'dar',
  'ren',
  'whit',
  'lock',
  'gou',
  'thom',
  'son',
  'bap',
  'tiste',
  'rhi',
  'ann',
  'pry',
  'ó',
  'niamh',
  'dyl',
  'wyn',
  'ff',
  'ola',
  'ade',
  'yemi',
  'ç',
  'ış',
  'ř',
  'ee',
];
const NOT_NAMES = new Set([
  'town',
  'school',
  'street',
  'address',
  'phone',
  'number',
  'email',
  'postcode',
  'person',
  'child',
  'mr',
  'mrs',
  'ms',
  'miss',
  'may',
  'june',
  'march',
  'dr',
]);
const nameWord = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 })
  .map((parts) => parts.join(''))
  .filter((w) => fold(w).replace(/[^\p{L}]/gu, '').length >= 4 && !NOT_NAMES.has(fold(w)))
  .map((w) => present(w[0]).toUpperCase() + w.slice(1));
const fullName = fc.record({
  first: nameWord,
  last: nameWord,
  second: fc.option(nameWord, { nil: undefined }),
  apostrophe: fc.boolean(),
});
type Placement = (v: string) => string;
const VARIANTS: ((name: { first: string; last: string }) => string)[] = [
  (n) => `${n.first} ${n.last}`,
  (n) => n.first.toLowerCase(),
  (n) => n.last.toUpperCase(),
  (n) => `${n.last}'s`,
  (n) => `${n.last}’s`,
  (n) => `the ${n.last}s'`,
  (n) => n.last.replace(/-/g, '–'),
  (n) => n.last.replace(/-/g, '—'),
  (n) => n.last.split('-').pop()!,
  (n) => `Mrs ${n.first} ${n.last}`,
  (n) => fold(n.first),
  (n) => n.last.replace(/'/g, ''),
  (n) => n.last.replace(/'/g, '’'),
];
const SETTINGS: Placement[] = [(v) => `${v} said`, (v) => `(${v})`, (v) => `seen with ${v}, then home`, (v) => `"${v}"`];

describe('redactCaseload: every token of every known name, in every form and place', () => {
  it('leaves no word of a generated name anywhere (refs, text, x- keys and values, by), whatever its form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fullName, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 4, maxLength: 12 }),
        (seed, drawn, placements) => {
          const names = drawn.map((n) => {
            const last = n.apostrophe ? `${n.last[0]}'${n.last.slice(1)}` : n.last;
            return { first: n.first, last: n.second ? `${last}-${n.second}` : last };
          });
          const source = present(caseload(seed, 1)[0]);
          const data = source.data as { people?: { id: string; ref: string; relation: string }[]; tasks: Record<string, { by?: string }> } & Record<
            string,
            unknown
          >;
          data.people = names.map((n, i) => ({ id: `p${i}`, ref: `${n.first} ${n.last}`, relation: 'other' }));
          const firstTask = Object.values(data.tasks).find((t) => typeof t.by === 'string');
          const named = present(names[0]);
          if (firstTask) firstTask.by = `${named.first} ${named.last}`;
          const notes: string[] = [];
          const contacts: Record<string, string> = {};
          for (const [a, b, c, d] of placements) {
            const name = present(names[a % names.length]);
            const text = present(SETTINGS[b % SETTINGS.length])(present(VARIANTS[c % VARIANTS.length])(name));
            if (d % 3 === 0) notes.push(text);
            else if (d % 3 === 1) contacts[present(VARIANTS[c % VARIANTS.length])(name)] = text;
            else source.body += `\n${text}.\n`;
          }
          data['x-notes'] = notes;
          data['x-contacts'] = contacts;
          const result = redactCaseload(createRng(seed), [source], { asOf: AS_OF, places: [], schools: [], bankHolidays: [] });
          const words = wordsOf(texts(result).join('\n'));
          for (const n of names) for (const w of nameWords(`${n.first} ${n.last}`)) expect(words.has(w), `${w} of ${n.first} ${n.last}`).toBe(false);
          // and the check that runs before anything is written agrees
          expect(
            survivors(
              result.cases.map((c, i) => ({ path: String(i), text: caseFileText(c.data, c.body) })),
              result.known,
            ),
          ).toEqual([]);
        },
      ),
      { seed: 16, numRuns: 15 },
    );
  }, 180_000);

  const written = (body: string, data: Record<string, unknown> = {}) =>
    redactCaseload(
      createRng(4),
      [
        {
          id: 'RF-0099',
          data: {
            id: 'RF-0099',
            child: { ref: 'Child L', dob: '2015-08-09' },
            opened: '2026-03-02',
            people: [
              { id: 'mum', ref: 'Kayleigh Thompson-Baptiste' },
              { id: 'gran', ref: 'Mrs Patricia Gould' },
            ],
            ...data,
          },
          body,
        },
      ],
      { asOf: AS_OF, places: [], schools: [], bankHolidays: [] },
    );

  it('replaces both names after a title, and the initial standing alone', () => {
    const r = written('Mrs Patricia Gould visited. L (seen alone) said L’s room is cold. L. is 11. Mr Alun Vaughan-Rees came too.\n');
    const body = present(r.cases[0]).body;
    expect(wordsOf(body)).not.toContain('patricia');
    expect(wordsOf(body)).not.toContain('gould');
    expect(body).not.toMatch(/(?<![\p{L}.])L(?![\p{L}])/u);
    expect(body).toMatch(
      /^Mrs \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ visited\. (\p{Lu}) \(seen alone\) said \1’s room is cold\. \1\. is 11\. Mr \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+ came too\.$/mu,
    );
  });

  it('keeps one pseudonym per name word whatever its case, dash or possessive', () => {
    const body = present(written('kayleigh; KAYLEIGH; Thompson–Baptiste; THOMPSON-BAPTISTE; Gould’s; the Goulds\n').cases[0]).body.trim();
    const m = /^(\p{Ll}+); (\p{Lu}+); (\p{Lu}\p{Ll}+)–(\p{Lu}\p{Ll}+); (\p{Lu}+)-(\p{Lu}+); (\p{Lu}\p{Ll}+)’s; the (\p{Lu}\p{Ll}+)s$/u.exec(body);
    expect(m, body).not.toBeNull();
    expect(m![2]).toBe(present(m![1]).toUpperCase());
    expect(m![5]).toBe(present(m![3]).toUpperCase());
    expect(m![6]).toBe(present(m![4]).toUpperCase());
    expect(m![8]).toBe(m![7]);
  });

  it('replaces the case id in any letter case and with any separator', () => {
    const body = present(written('See rf-0099, RF 0099 and RF–0099.\n').cases[0]).body;
    expect(body.trim()).toBe('See RD-001, RD-001 and RD-001.');
  });

  it('replaces NHS numbers, UK phone numbers, street addresses, postcodes and email addresses, and leaves ordinary numbers', () => {
    const body = present(
      written(
        [
          'NHS 943 476 5919, 943-476-5919 and 9434765919.',
          'Phones +44 7700 900123, +44 (0)20 7946 0000, 07700 900 456, 0161 496 0000, (01632) 960000, 020-7946-0001.',
          'Lives at 14 Acacia Avenue, Flat 3, 22b Mill Lane and 7 St Ann’s Road; the Goulds moved to Foxglove Road.',
          'Postcodes M14 5AB, SW1A 1AA, b33 8th.',
          'Email kayleigh.tb@example.org or K_Gould+care@mail.example.co.uk.',
          '10 of 12 sessions attended; 2 weeks in a row; 3 children; case 12345.',
        ].join('\n'),
      ).cases[0],
    ).body;
    for (const gone of ['943', '7700', '7946', '496', '960000', 'Acacia', 'Mill', 'Ann', 'Foxglove', 'M14', '5AB', 'SW1A', 'b33', '@'])
      expect(body, gone).not.toContain(gone);
    expect(body).toContain('NHS [NHS number], [NHS number] and [NHS number].');
    expect(body).toContain('Lives at [street address], [street address] and [street address]; the ');
    expect(body).toContain('10 of 12 sessions attended; 2 weeks in a row; 3 children; case 12345.');
    expect(body.match(/\[phone number\]/g)).toHaveLength(6);
  });

  it('moves a dd/mm/yyyy birthday completely, every written form of a date by the same offset, and never a year written alone', () => {
    const r = written(
      [
        'Born 09/08/2015 (9/8/15); seen 2026-03-02, 2 March 2026, 2nd of March 2026, March 2nd, 2026, and on the 2nd of March.',
        'Children Act 1989 s.20; Farmer et al. 2011; Wade et al. (2011); since 2019.',
      ].join('\n'),
    );
    const dob = (present(r.cases[0]).data.child as { dob: string }).dob;
    const opened = present(r.cases[0]).data.opened as string;
    const offset = daysBetween(dob, '2015-08-09');
    expect(daysBetween(opened, '2026-03-02')).toBe(offset);
    const [y, m, d] = dob.split('-');
    const [oy, om, od] = opened.split('-').map(Number);
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][present(om) - 1];
    const ord = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
    const body = present(r.cases[0]).body;
    expect(body).toContain(
      `Born ${d}/${m}/${y} (${Number(d)}/${Number(m)}/${present(y).slice(2)}); seen ${opened}, ${od} ${month} ${oy}, ${ord(present(od))} of ${month} ${oy}, ${month} ${ord(present(od))}, ${oy}, and on the ${ord(present(od))} of ${month}.`,
    );
    expect(body).toContain('Children Act 1989 s.20; Farmer et al. 2011; Wade et al. (2011); since 2019.');
    expect(body).not.toMatch(/09\/08\/2015|9\/8\/15|2015|March 2026/);
  });

  it('takes names from name fields and a names map, and replaces them everywhere', () => {
    const r = redactCaseload(
      createRng(9),
      [
        {
          id: 'RF-1',
          data: { id: 'RF-1', child: { ref: 'Child L' }, 'x-carer': { 'full-name': 'Rhiannon Pryce' } },
          body: 'Liam Carter and rhiannon went out.\n',
        },
      ],
      { asOf: AS_OF, places: [], schools: [], bankHolidays: [], names: ['Child L', 'Liam Carter'] },
    );
    const words = wordsOf(texts(r).join('\n'));
    for (const w of ['liam', 'carter', 'rhiannon', 'pryce']) expect(words.has(w), w).toBe(false);
  });

  it('replaces a name that is also a word wherever the word is; "A" before a lower-case word is read as the word and listed for review', () => {
    const r = redactCaseload(
      createRng(6),
      [
        {
          id: 'RF-7',
          data: { id: 'RF-7', child: { ref: 'Child A' }, people: [{ id: 'mum', ref: 'Hope Marsh' }] },
          body: 'We hope Hope is well. A said no. A worker visited.\n',
        },
      ],
      { asOf: AS_OF, places: [], schools: [], bankHolidays: [] },
    );
    const body = present(r.cases[0]).body.trim();
    expect(wordsOf(body).has('hope')).toBe(false);
    // the limit, as documented: "A said no" cannot be told from "A worker visited", so both stay and both are listed
    expect(body).toMatch(/^We (\p{Ll}+) (\p{Lu}\p{Ll}+) is well\. A said no\. A worker visited\.$/u);
    const [, word, name] = /^We (\p{Ll}+) (\p{Lu}\p{Ll}+)/u.exec(body)!;
    expect(word).toBe(present(name).toLowerCase());
    const review = forReview([{ path: 'x.md', text: body }], r.pseudonyms, r.known);
    for (const text of ['A said', 'A worker'])
      expect(review).toContainEqual({ path: 'x.md', line: 1, text, why: "a one-letter word read as a word, though the letter is also someone's initial" });
  });

  it('replaces listed places and schools in any letter case, with or without accents, across line-wrapped spaces', () => {
    const r = redactCaseload(
      createRng(2),
      [{ id: 'RF-8', data: { id: 'RF-8' }, body: 'Moved to Llanfaír  Caereinion; LLANFAIR caereinion;\nSt Ninian\nacademy.\n' }],
      { asOf: AS_OF, places: ['Llanfaír Caereinion'], schools: ['St Ninian Academy'], bankHolidays: [] },
    );
    expect(present(r.cases[0]).body).toBe('Moved to Town 1; Town 1;\nSchool 1.\n');
  });

  it('lists, for a person to read, capitalised words it does not know and years left as written', () => {
    const r = written('Kayleigh met Bartholomew at the park in 2019.\n');
    const files = r.cases.map((c) => ({ path: 'cases/RD-001.md', text: caseFileText(c.data, c.body) }));
    const review = forReview(files, r.pseudonyms, r.known);
    expect(review.map((x) => x.text)).toEqual(['Bartholomew', '2019']);
  });
});

describe('redactCaseload: identifiers, dates and case ids written in unusual forms', () => {
  const one = (body: string, id = 'RF-0006') =>
    redactCaseload(
      createRng(7),
      [{ id, data: { id, child: { ref: 'Child L', dob: '2015-08-09' }, opened: '2026-03-03', people: [{ id: 'gran', ref: 'Mrs Patricia Gould' }] }, body }],
      { asOf: AS_OF, places: [], schools: [], bankHolidays: [] },
    );
  const check = (r: ReturnType<typeof one>, text: string) => survivors([{ path: 'x.md', text }], r.known);

  it('replaces NHS and phone numbers with any separators, postcodes spaced or dashed, streets ending in Way or Walk, and emails written to dodge a filter', () => {
    const body = present(
      one(
        [
          'NHS 943.476.5919, 943/476/5919 and 943 4765 919.',
          'Phones 0044 7700 900123, 07700.900.124, tel 7700 900125.',
          'Postcodes M14  5AB, m14-5ab.',
          'Lives on Acacia Way, near 12 Church Walk and Riverside Court.',
          'Email pat [at] example [dot] com or pat at example dot com; met at school.',
        ].join('\n'),
      ).cases[0],
    ).body;
    for (const gone of ['943', '4765', '7700', '900123', '900124', '900125', 'M14', 'm14', '5ab', 'Acacia', 'Church', 'Riverside', 'example', 'pat'])
      expect(body, gone).not.toContain(gone);
    expect(body).toContain('met at school.');
  });

  it('the final check finds a phone, NHS number or postcode of the originals in any other spacing', () => {
    const r = one('Call 07700 900123; NHS 943 476 5919; at M14 5AB.\n');
    expect(check(r, 'ring 7700 900 123 or +44-7700-900-123').filter((s) => s.kind === 'a phone, NHS or hospital number of the originals')).toHaveLength(2);
    expect(check(r, 'number 94-34-76-59-19').map((s) => s.kind)).toContain('a phone, NHS or hospital number of the originals');
    expect(check(r, 'postcode m 14 5 ab').map((s) => s.kind)).toContain('a postcode of the originals');
    expect(check(r, 'count 1234 5678, postcode M14 5AC')).toEqual([]);
  });

  it('the final check finds a phone number of the originals written with a letter O for a nought, and a National Insurance or hospital number of the originals written another way', () => {
    const r = one('Call 07700 900123; NI QQ 12 34 56 C; MRN 7654321; hospital no. K123456.\n');
    const kinds = (text: string) => check(r, text).map((s) => s.kind);
    expect(kinds('ring O77OO.9OO.123')).toContain('a phone, NHS or hospital number of the originals');
    expect(kinds('ni is qq/12/34/56')).toContain('a National Insurance number of the originals');
    expect(kinds('ref 765-4321')).toContain('a phone, NHS or hospital number of the originals');
    expect(kinds('see k 123 456')).toContain('a hospital number of the originals');
    expect(check(r, 'took 2 books, 10 boots')).toEqual([]);
  });

  it('moves dates written year first with any separator, compact, and with dashed month words', () => {
    const r = one('Seen 2026/03/03, 20260303, 2026.03.03, 2026.3.3 and 3-Mar-2026.\n');
    const opened = present(r.cases[0]).data.opened as string;
    const [y, m, d] = opened.split('-');
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
    expect(present(r.cases[0]).body).toBe(`Seen ${y}/${m}/${d}, ${y}${m}${d}, ${y}.${m}.${d}, ${y}.${Number(m)}.${Number(d)} and ${Number(d)}-${mon}-${y}.\n`);
  });

  it('the final check finds an original date in any of those forms', () => {
    const r = one('Seen 2026-03-03.\n');
    for (const form of ['2026/03/03', '20260303', '2026.03.03', '3-Mar-2026', '03/03/2026', '3 March 2026'])
      expect(
        check(r, `on ${form}`).map((s) => s.kind),
        form,
      ).toContain('an original date');
  });

  it('replaces the case id written with a slash, without leading zeros, or with its letters apart', () => {
    const body = present(one('See RF/0006, Rf-6, RF-006 and R F 0006; 6 visits.\n').cases[0]).body;
    expect(body.trim()).toBe('See RD-001, RD-001, RD-001 and RD-001; 6 visits.');
    const r = one('x\n');
    expect(check(r, 'see rf/6 and R F 0006').map((s) => s.kind)).toEqual(['case id RF-0006']);
  });
});

describe('redactCaseload: names learned after a title, and wider titles', () => {
  it('replaces a name found after a title everywhere in every case file, in any letter case', () => {
    const r = redactCaseload(
      createRng(7),
      [
        {
          id: 'RF-1',
          data: { id: 'RF-1', child: { ref: 'Child L' } },
          body: 'Mr Alun Vaughan-Rees visited. Later Alun said Rees’s van was outside. ALUN phoned; dr alun rees wrote.\n',
        },
        {
          id: 'RF-2',
          data: { id: 'RF-2', child: { ref: 'Child M' }, 'x-note': 'Vaughan called' },
          body: 'Councillor Bob Smith and Nurse Jane Doe met PC Okafor. Smith, Doe and Okafor agreed.\n',
        },
      ],
      { asOf: AS_OF, places: [], schools: [], bankHolidays: [] },
    );
    const all = texts(r).join('\n');
    for (const w of ['alun', 'vaughan', 'rees', 'bob', 'smith', 'jane', 'doe', 'okafor']) expect(wordsOf(all).has(w), w).toBe(false);
    expect(all).toMatch(/Councillor \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ and Nurse \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ met PC \p{Lu}\p{Ll}+\./u);
    expect(survivors([{ path: 'x.md', text: 'later ALUN and Okafor' }], r.known).map((s) => s.found)).toEqual(['ALUN', 'Okafor']);
  });
});
