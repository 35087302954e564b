// Leaks an attack review found in `reunify redact`, each with a fixture written for it:
// names given in local fields whose keys name a person, names written together or
// beside digits, dates with the year in words or in two digits, the case id written
// as a number, look-alike and invisible characters, initials standing alone. The copy
// is read token by token (letters apart from digits and marks, look-alikes read as
// the Latin letters they look like): either nothing known is left, or the check before
// writing names what is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFileText } from '../../src/core/model/caseText.js';
import { addDays, daysBetween } from '../../src/core/text/dates.js';
import { createRng } from '../../src/core/training/random.js';
import { forReview, redactCaseload, survivors, type RedactSource } from '../../src/core/copies/redact.js';
import { present } from '../present.js';

const AS_OF = '2026-11-01';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Look-alike letters the test reads as Latin, written out here rather than taken from the code under test. */
const LOOKS_LIKE: Record<string, string> = { а: 'a', е: 'e', о: 'o', і: 'i', с: 'c', р: 'p', у: 'y', к: 'k', К: 'K', ᴋ: 'k', ᴀ: 'a', ʏ: 'y' };
/** Lower case, accents, invisible characters and compatibility forms off, look-alikes read as Latin. */
const fold = (s: string) =>
  [...s.normalize('NFKC').replace(/[\p{Cf}\u00ad]/gu, '')]
    .map((c) => LOOKS_LIKE[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/gu, '')
    .toLowerCase();
/** Every run of letters in a text, folded: digits, underscores, dots and dashes all cut words. */
const lettersOf = (text: string) =>
  new Set(
    fold(text)
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );

const run = (sources: RedactSource[], seed = 7) => redactCaseload(createRng(seed), sources, { asOf: AS_OF, places: [], schools: [], bankHolidays: [] });
const copyText = (r: ReturnType<typeof run>) => r.cases.map((c) => caseFileText(c.data, c.body)).join('\n');
const leftIn = (r: ReturnType<typeof run>, text: string) => survivors([{ path: 'x.md', text }], r.known);
const body = (r: ReturnType<typeof run>) => present(r.cases[0], 'the copy').body;

/** Kayleigh Smith, with the names she was born with and goes by given only in local fields. */
function mother(bodyText: string, extra: Record<string, unknown> = {}): RedactSource {
  return {
    id: 'RF-0006',
    data: {
      id: 'RF-0006',
      child: { ref: 'Child L' },
      opened: '2024-03-03',
      people: [
        { id: 'mum', ref: 'Kayleigh Smith', relation: 'mother', 'x-name-at-birth': 'Kayleigh Jones', 'x-goes-by': 'Kay', 'x-nickname': 'Kiki' },
        { id: 'dad', ref: 'Dad', relation: 'father', 'x-mum': 'lives nearby' },
      ],
      'x-maiden': 'Brennan',
      'x-dad': 'Darren Pike',
      'x-family': { 'x-called-by-friends': 'Gigi' },
      ...extra,
    },
    body: bodyText,
  };
}
const KNOWN = ['kayleigh', 'smith', 'jones', 'kay', 'kiki', 'brennan', 'darren', 'pike', 'gigi'];

describe('redact: names given in local fields whose keys name a person', () => {
  it('replaces x-name-at-birth, x-goes-by, x-nickname, x-maiden, x-dad values everywhere, in any case, and feeds them to the check', () => {
    const r = run([mother('Jones came with KAY and kiki; Brennan’s sister; DARREN PIKE and Gigi. The dad lives nearby.\n')]);
    const text = copyText(r);
    const letters = lettersOf(text);
    for (const w of KNOWN) expect(letters.has(w), `${w} in\n${text}`).toBe(false);
    // the check before writing knows them too
    for (const w of ['Jones', 'KAY', 'kiki', 'Brennan', 'Pike', 'gigi'])
      expect(
        leftIn(r, `seen ${w} today`).map((s) => s.kind),
        w,
      ).toContain('a name the tool knows');
    // a local field about a person whose value is not written as a name adds no name
    expect(body(r)).toContain('The dad lives nearby.');
  });
});

describe('redact: names introduced in the text', () => {
  it('learns a name after née, formerly, also known as or goes by, and a nickname in brackets or quotes inside a known name', () => {
    const r = run([
      mother(
        'Mum, née Okafor, says OKAFOR is her family. Kayleigh "Bee" Smith; bee came. Darren (Daz) Pike; DAZ rang. She goes by \'tink\' and tink is fine. He was born Tuesday.\n',
      ),
    ]);
    const letters = lettersOf(body(r));
    for (const w of ['okafor', 'bee', 'daz', 'tink']) expect(letters.has(w), `${w} in ${body(r)}`).toBe(false);
    expect(body(r)).toContain('He was born Tuesday.');
  });
});

describe('redact: known names written together, beside digits or as user names', () => {
  const FORMS = [
    'kayleighsmith',
    'KayleighSmith',
    'kayleigh.smith',
    'kayleigh_smith',
    'k.smith',
    'k_smith',
    'ksmith',
    'KSmith',
    'smith1990',
    'kay99',
    '@kiki_x',
    'facebook.com/kayleigh.smith.5',
    'kayleighjones',
  ];

  it('leaves no run of letters that is a known name, nor a first initial on a later word of the name', () => {
    const r = run([mother(FORMS.map((f) => `- ${f}`).join('\n') + '\n')]);
    const text = copyText(r);
    const letters = lettersOf(text);
    for (const w of [...KNOWN, 'kayleighsmith', 'ksmith', 'kayleighjones']) expect(letters.has(w), `${w} in\n${text}`).toBe(false);
    expect(leftIn(r, text)).toEqual([]);
  });

  it('the check before writing finds each of those forms left in a copy', () => {
    const r = run([mother('x\n')]);
    for (const form of FORMS) expect(leftIn(r, `seen ${form} today`).length, form).toBeGreaterThan(0);
    // ordinary words that share letters with a name are not read as one
    expect(leftIn(r, 'a blacksmith, a kayak and the smithy')).toEqual([]);
  });
});

describe('redact: the case id written as a number', () => {
  it('replaces RF#0006, RF # 6, RF 0006, rf-0006, case no. 0006, case 0006, file #6 and 0006, and not a count after "case"', () => {
    const r = run([mother('See RF#0006, RF # 6, RF 0006, rf-0006, case no. 0006, Case No 6, case 0006, file #6 and 0006; in case 6 people come.\n')]);
    expect(body(r).trim()).toBe(
      'See RD-001, RD-001, RD-001, RD-001, case no. RD-001, Case No RD-001, case RD-001, file #RD-001 and RD-001; in case 6 people come.',
    );
    for (const form of ['RF#0006', 'case no. 6', 'ref: 0006', '0006', 'rf # 0006'])
      expect(
        leftIn(r, `see ${form} now`).map((s) => s.kind),
        form,
      ).toContainEqual(expect.stringMatching(/case id RF-0006/));
    expect(leftIn(r, 'in case 6 people come; 6 visits')).toEqual([]);
  });
});

describe('redact: look-alike and invisible characters', () => {
  // Cyrillic а, е, о, і, с, у, К inside Latin names; full-width; mathematical bold; small capitals; zero-width joiner,
  // zero-width space and soft hyphen inside; a character reference; Markdown marks inside the word; an accent added;
  // a stray combining mark on every letter; a name wholly in Cyrillic look-alikes
  const ATTACKS = [
    'Kаyleigh',
    'Smіth',
    'Jоnеs',
    'Ｋａｙｌｅｉｇｈ',
    'ＳＭＩＴＨ',
    '𝐒𝐦𝐢𝐭𝐡',
    'ᴋᴀʏ',
    'Kay\u200dleigh',
    'Sm\u200bith',
    'Bren\u00adnan',
    '&#75;ayleigh',
    '**Smi**th',
    'Kàyleigh',
    'K\u0336a\u0336y\u0336',
    'Кау',
    'Ki\u034fki',
  ];

  it('reads them as the letters they look like, replaces the name, and leaves nothing for the check', () => {
    const r = run([mother(ATTACKS.map((a) => `- ${a} said.`).join('\n') + '\n')]);
    const text = copyText(r);
    const letters = lettersOf(text);
    for (const w of KNOWN) expect(letters.has(w), `${w} in\n${text}`).toBe(false);
    expect(text).not.toMatch(/[\p{Script=Cyrillic}\u200b-\u200d\u00ad\uff00-\uffef]|&#/u);
    expect(leftIn(r, text)).toEqual([]);
    // each line is the pseudonym and "said": the copy reads as plain text
    for (const line of body(r).trim().split('\n')) expect(line).toMatch(/^- (?:\**)?[\p{L}]+(?:\**)? said\.$/u);
  });

  it('the check before writing finds each of them left in a copy', () => {
    const r = run([mother('x\n')]);
    for (const a of ATTACKS) expect(leftIn(r, `seen ${a} today`).length, a).toBeGreaterThan(0);
    expect(leftIn(r, 'Smi\\th and Jon.es').map((s) => s.kind)).toEqual(['a name the tool knows, cut by a mark', 'a name the tool knows, cut by a mark']);
  });
});

describe('redact: initials of known people standing alone or with dots', () => {
  it('replaces K.S., K S, Ms K., K.J., KJ, Ms. K. S. and (K), and spelled-out names', () => {
    const r = run([
      mother('K.S. said; K S agreed; Ms K. rang; K.J. (her birth name); KJ; Ms. K. S.; (K) was there; S M I T H; S.M.I.T.H.; k-a-y-l-e-i-g-h.\n'),
    ]);
    const b = body(r);
    const parts = b.trim().split('; ');
    const [initials, spelled] = [parts.slice(0, 7).join('; '), parts.slice(7).join('; ')];
    // no K, S or J standing alone where the initials were; the new letters are the same for the same person
    expect(initials).not.toMatch(/(?<![\p{L}])[KSJ](?![\p{L}])/u);
    expect(initials).toMatch(
      /^(\p{Lu})\.(\p{Lu})\. said; \1 \2 agreed; Ms (\p{Lu})\. rang; (\p{Lu})\.(\p{Lu})\. \(her birth name\); \4\5; Ms\. \3\. \p{Lu}\.; \(\3\) was there$/u,
    );
    // spelled out, a letter at a time: no known name in the letters squeezed together
    for (const name of ['smith', 'kayleigh']) expect(spelled.replace(/[^\p{L}]/gu, '').toLowerCase()).not.toContain(name);
    expect(leftIn(r, b)).toEqual([]);
    for (const form of ['K.S.', 'K. J.', 'S M I T H', 'S.M.I.T.H.']) expect(leftIn(r, `seen ${form} today`).length, form).toBeGreaterThan(0);
  });
});

describe('redact: dates with the year in words or in two digits, and partial dates', () => {
  it('moves "March the 3rd", "3rd of March 2024", "March \'24" and "03/2024" by the one offset', () => {
    const r = run([mother("Seen March the 3rd; 3rd of March 2024; March '24; 03/2024.\n")]);
    const opened = present(r.cases[0]).data.opened as string;
    const offset = daysBetween(opened, '2024-03-03');
    const moved = addDays('2024-03-03', -offset);
    const yearless = addDays('2026-03-03', -offset);
    const ord = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
    const d = Number(moved.slice(8, 10));
    const month = (iso: string) => present(MONTHS[Number(iso.slice(5, 7)) - 1]);
    // months in whole months: the same count for both
    const months = Math.round(offset / 30.4375);
    const monthMoved = new Date(Date.UTC(2024, 2 - months, 1)).toISOString().slice(0, 7);
    expect(body(r).trim()).toBe(
      `Seen ${month(yearless)} the ${ord(Number(yearless.slice(8, 10)))}; ${ord(d)} of ${month(moved)} ${moved.slice(0, 4)}; ${month(monthMoved + '-01')} '${monthMoved.slice(2, 4)}; ${monthMoved.slice(5, 7)}/${monthMoved.slice(0, 4)}.`,
    );
  });

  it('never half-moves a date whose year is in words, and lists every year in words, year in two digits and month it left for a person to read', () => {
    const text = "On the third of March twenty twenty-four; March twenty twenty-four; in two thousand and twenty-four; in '24; on March 24; on 03/03.\n";
    const r = run([mother(text)]);
    // left whole: no day or month moved with its year left behind
    expect(body(r)).toBe(text);
    const files = r.cases.map((c) => ({ path: 'cases/RD-001.md', text: caseFileText(c.data, c.body) }));
    const review = forReview(files, r.pseudonyms, r.known, r.leftAsWritten).map((x) => `${x.text} | ${x.why}`);
    for (const listed of [
      /^twenty twenty-four \| a year written in words/,
      /^two thousand and twenty-four \| a year written in words/,
      /^'24 \| a year written alone/,
      /^third of March twenty twenty-four \| a month with a day or year next to it/,
      /^March 24 \| a month with a day or year next to it/,
      /^03\/03 \| numbers that may be a day and month/,
    ])
      expect(review, String(listed)).toContainEqual(expect.stringMatching(listed));
  });
});

// ---------------------------------------------------------------- random names, random person keys, random disguises

const SYLLABLES = [
  'ka',
  'zo',
  'bri',
  'ain',
  'dar',
  'ren',
  'whit',
  'lock',
  'gou',
  'thom',
  'son',
  'rhi',
  'ann',
  'pry',
  'niamh',
  'dyl',
  'wyn',
  'ola',
  'ade',
  'yemi',
  'kasz',
];
const NOT_NAMES = new Set(['town', 'school', 'street', 'person', 'child', 'may', 'june', 'march', 'august', 'case', 'file']);
const nameWord = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 })
  .map((p) => p.join(''))
  .filter((w) => w.length >= 4 && !NOT_NAMES.has(w))
  .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const PERSON_KEYS = ['x-name-at-birth', 'x-goes-by', 'x-nickname', 'x-maiden', 'x-known-as', 'x-aka', 'x-previous-name', 'x-dad', 'x-partner'];
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', i: 'і', c: 'с', y: 'у', p: 'р' };
const DISGUISES: ((first: string, last: string) => string)[] = [
  (f) => f.toLowerCase(),
  (f, l) => `${f}${l}`.toLowerCase(),
  (f, l) => `${f.toLowerCase()}.${l.toLowerCase()}`,
  (f, l) => `${f.charAt(0).toLowerCase()}${l.toLowerCase()}`,
  (f) => `${f.toLowerCase()}1990`,
  (f) => [...f].map((c, i) => (i === 1 ? (CYRILLIC[c] ?? c) : c)).join(''),
  (f) => `${f.slice(0, 2)}\u200b${f.slice(2)}`,
  (f) => `${f.slice(0, 2)}\u00ad${f.slice(2)}`,
  (f) => f.normalize('NFKC').replace(/[A-Za-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)),
  (f, l) => `${f.charAt(0)}.${l.charAt(0)}.`,
  (f) => [...f.toUpperCase()].join(' '),
  (f) => `**${f.slice(0, 2)}**${f.slice(2)}`,
];

describe('redact: random names given under random person keys, in random disguises (property)', () => {
  it('either no run of letters of a known name survives, or the check before writing names what did', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.record({ first: nameWord, last: nameWord, key: fc.constantFrom(...PERSON_KEYS) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 10 }),
        (seed, people, placements) => {
          const lines = placements.map(([a, b]) => {
            const p = present(people[a % people.length]);
            return `Seen ${present(DISGUISES[b % DISGUISES.length])(p.first, p.last)} today.`;
          });
          const source: RedactSource = {
            id: 'RF-0042',
            data: {
              id: 'RF-0042',
              child: { ref: 'Child M' },
              people: people.map((p, i) => ({ id: `p${i}`, ref: 'Friend', relation: 'friend', [p.key]: `${p.first} ${p.last}` })),
            },
            body: lines.join('\n') + '\n',
          };
          const r = run([source], seed);
          const text = copyText(r);
          const letters = lettersOf(text);
          // each placed name's letters squeezed together, so a name spelled out or cut by marks is found too
          const squeezed = [...body(r).matchAll(/^Seen (.*) today\.$/gmu)].map((m) => fold(present(m[1], 'a placed name')).replace(/[^\p{L}]/gu, ''));
          const left = people
            .flatMap((p) => [p.first, p.last].map((w) => w.toLowerCase()))
            .filter((w) => letters.has(w) || squeezed.some((s) => s.includes(w)));
          const found = leftIn(r, text);
          expect(left.length === 0 || found.length > 0, `${left.join(', ')} left in\n${text}`).toBe(true);
          // these disguises are all undone by the replacing: nothing is left for the check
          expect(left, text).toEqual([]);
        },
      ),
      { seed: 1616, numRuns: 25 },
    );
  }, 240_000);
});

describe('other names a person goes by (people[].also_known_as)', () => {
  it('are replaced wherever they are written, and in the field itself', () => {
    const r = run([
      {
        id: 'RF-0007',
        data: { id: 'RF-0007', child: { ref: 'Child M' }, people: [{ id: 'mum', ref: 'Ms M', also_known_as: ['Roisin', 'Ro-Ro'], relation: 'mother' }] },
        body: "Roisin came to the review; the children call her Ro-Ro. ROISIN's sister came too.\n",
      },
    ]);
    const text = copyText(r);
    const letters = lettersOf(text);
    for (const word of ['roisin', 'ro']) expect(letters.has(word), `${word} in\n${text}`).toBe(false);
    expect(leftIn(r, text)).toEqual([]);
  });
});

describe('postcodes split by any dash or a dot', () => {
  it('are replaced as a spaced one is', () => {
    const r = run([{ id: 'RF-0008', data: { id: 'RF-0008', child: { ref: 'Child N' } }, body: 'Postcode LS6 2AB; also LS6‑2AB, LS6–2AB and ls6.2ab.\n' }]);
    const text = copyText(r);
    expect(text).not.toMatch(/ls6|2ab/i);
    expect(text.match(/\[postcode\]/g)).toHaveLength(4);
  });
});
