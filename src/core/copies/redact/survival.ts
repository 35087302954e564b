// The last check before an anonymised copy is written, independent of how the
// replacing was done: every file of the copy is cut into tokens and each is compared,
// case-insensitively and with accents, apostrophes and invisible characters removed,
// with everything the originals are known to hold. It also joins a word broken across
// a line break, which the replacing does not. And the list of what a person must read
// before the copy is shared: capitalised words the tool could not place. Pure.
import { dateCandidates, MONTH_WORD, YEAR_WORDS } from './dates.js';
import { caseIdSource, caseNumberSource, textReplacer } from './engine.js';
import { identifierRules, PLACEHOLDERS, type IdentifierKind } from './identifiers.js';
import { ABBREVIATIONS, foldWord, inflectedKeys, initialsKey, knownPieceCount, ROLES, TITLES } from './names.js';
import { clean, skeleton, withoutInvisible } from './normalise.js';
import { MONTH_NAMES } from '../../text/dateText.js';

export interface KnownValues {
  /** Folded name words ("gould", "oneill") → a form as written, to name it. */
  words: Map<string, string>;
  /** Single capital letters that are someone's initial. */
  initials: Set<string>;
  /** Letter-and-number codes of refs, in capitals ("F1"). */
  codes: Set<string>;
  /** Initials of two or more letters, as capitals without dots ("RM"). */
  initialsRuns: Set<string>;
  /** A first initial written onto a later word of the same name, folded ("ksmith"). */
  initialWords: Set<string>;
  caseIds: string[];
  /** Places and schools. */
  phrases: string[];
  /** Whole dates written in the originals (ISO). */
  dates: Set<string>;
  /** Phone and NHS numbers of the originals as their last ten digits, postcodes in capitals without spaces. */
  identifiers: Set<string>;
}

/** A postcode whatever its spacing, dashes or letter case: "m14-5ab" → "M145AB". */
export function postcodeKey(found: string): string {
  return found.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

export interface Survivor {
  path: string;
  line: number;
  /** What survived, as found. */
  found: string;
  kind: string;
}

const ONE: Record<IdentifierKind, string> = {
  'email addresses': 'an email address',
  'street addresses': 'a street address',
  postcodes: 'a postcode',
  'phone numbers': 'a phone number',
  'NHS numbers': 'an NHS number',
  'National Insurance numbers': 'a National Insurance number',
  'hospital numbers': 'a hospital number',
};

let identifierSink: IdentifierKind[] = [];
const findIdentifiers = textReplacer(identifierRules((k) => identifierSink.push(k)));

/** What the copy puts in place of something: never itself a survivor ("[street address]", "Town 2", a new case id). */
const OWN_WORDS = new RegExp(
  `${Object.values(PLACEHOLDERS)
    .map((p) => p.replace(/[[\]]/g, '\\$&'))
    .join('|')}|(?<![\\p{L}\\p{N}])(?:Town \\d+|School \\d+|RD-\\d+)(?![\\p{L}\\p{N}])`,
  'gu',
);

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ‘`][\p{L}\p{M}\p{N}]+)*/gu;
/** Single letters written together as initials: "P.G.", "P. G.", "Z T-B", "P.O-G.". */
const RUN = /(?<![\p{L}\p{M}\p{N}])\p{L}(?![\p{L}\p{M}])\.?(?:(?:\s|[‐‑-])?\p{L}(?![\p{L}\p{M}])\.?)+/gu;

function idPattern(id: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${caseIdSource(id)}(?![\\p{L}\\p{N}])`, 'iu');
}

function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function wordHit(token: string, known: KnownValues): string | undefined {
  const folded = foldWord(token);
  // as written, and with every look-alike letter read as Latin ("Кау" is Kay)
  const candidates = new Set([folded, foldWord(skeleton(token)), ...token.split(/['’ʼ‘`]/u).map(foldWord)]);
  for (const c of [...candidates]) {
    if (c.endsWith('s')) candidates.add(c.slice(0, -1));
    if (c.endsWith('es')) candidates.add(c.slice(0, -2));
  }
  for (const c of candidates) if (c.length >= 2 && known.words.has(c)) return c;
  // with a grammatical ending ("Kowalczyka", "Kowalskiej")
  for (const c of candidates) {
    const inflected = inflectedKeys(c, (k) => known.words.has(k))[0];
    if (inflected) return inflected.key;
  }
  return undefined;
}

/** Everything known that is still in the copy; empty when the copy may be written. */
export function survivors(files: readonly { path: string; text: string }[], known: KnownValues): Survivor[] {
  const out: Survivor[] = [];
  const ids = known.caseIds.map((id) => ({ id, re: idPattern(id), number: caseNumberSource(id) === '' ? undefined : new RegExp(caseNumberSource(id), 'iu') }));
  const phrases = known.phrases.filter((p) => p.trim() !== '').map((p) => ({ p, re: phrasePattern(p) }));
  for (const file of files) {
    const lines = clean(file.text).split(/\r?\n/);
    lines.forEach((raw, i) => {
      const at = (found: string, kind: string) => out.push({ path: file.path, line: i + 1, found, kind });
      const line = raw
        .replace(OWN_WORDS, (w) => ' '.repeat(w.length))
        .replace(RUN, (run) => {
          // undotted, only capitals are initials ("PG", "Z T-B"), and a role ("TM") is the role
          if (!run.includes('.') && (run !== run.toUpperCase() || ROLES.includes(run))) return run;
          // "e.g.", "a.m.": abbreviations, not initials
          if (ABBREVIATIONS.has(run.replace(/\s/gu, ''))) return run;
          const letters = initialsKey(run);
          if (known.initialsRuns.has(letters)) at(run.trim(), 'initials the tool knows');
          else if (letters.length >= 3 && known.words.has(letters.toLowerCase())) at(run.trim(), 'a name the tool knows, spelled out');
          // other initials (the copy's own) are not read letter by letter
          else if (!run.includes('.') && !/[\s‐‑-]/u.test(run)) return run;
          return ' '.repeat(run.length);
        });
      for (const m of line.matchAll(TOKEN)) {
        const t = m[0];
        const after = line.slice(m.index! + t.length);
        if (/^\p{Lu}$/u.test(t)) {
          const article = (t === 'A' || t === 'I') && /^\s+\p{Ll}/u.test(after);
          if (known.initials.has(t) && !article) at(t, "a known person's initial");
          continue;
        }
        const possessive = /^(\p{Lu})['’ʼ]s$/u.exec(t);
        if (possessive) {
          if (known.initials.has(possessive[1]!)) at(t, "a known person's initial"); // group 1 is not optional
          continue;
        }
        if (t === t.toUpperCase() && known.codes.has(t)) at(t, 'a ref the tool knows');
        else if (t === t.toUpperCase() && known.initialsRuns.has(t) && !ROLES.includes(t)) at(t, 'initials the tool knows');
        else if (wordHit(t, known)) at(t, 'a name the tool knows');
      }
      // a name split by dashes ("Kay-leigh", "G-o-u-l-d") or written into another word ("ThompsonBaptiste", "KayleighGould")
      for (const m of line.matchAll(/[\p{L}\p{M}]+(?:[‐‑‒–—―-][\p{L}\p{M}]+)+/gu)) {
        const parts = m[0].split(/[‐‑‒–—―-]/u);
        let hit: string | undefined;
        for (let a = 0; a < parts.length && !hit; a++)
          for (let b = a + 2; b <= parts.length && !hit; b++)
            if (wordHit(parts.slice(a, b).join(''), known) && !parts.slice(a, b).some((p) => wordHit(p, known))) hit = parts.slice(a, b).join('-');
        if (hit) at(hit, 'a name the tool knows, split by dashes');
      }
      for (const m of line.matchAll(TOKEN)) {
        const humps = m[0].split(/(?<=\p{Ll})(?=\p{Lu})/u);
        if (humps.length > 1 && !wordHit(m[0], known) && humps.some((h) => wordHit(h, known))) {
          at(m[0], 'a name the tool knows, joined to another word');
          continue;
        }
        // letters beside digits ("smith99"), known words written together ("kayleighsmith"), a first initial on a later word of the name ("ksmith")
        const runs = /\p{N}/u.test(m[0]) ? (m[0].match(/[\p{L}\p{M}]+/gu) ?? []) : [m[0]];
        for (const letters of runs) {
          if (letters !== m[0] && wordHit(letters, known)) at(m[0], 'a name the tool knows, next to digits');
          else if (letters.length >= 4 && !wordHit(letters, known)) {
            const folded = foldWord(skeleton(letters));
            if (known.initialWords.has(folded) || (folded.length >= 6 && knownPieceCount(folded, (k) => known.words.has(k)) >= 2))
              at(m[0], 'a name the tool knows, joined to another word');
          }
        }
      }
      // a name cut by a mark inside it that a reader reads past ("Smi\\th", "Kay.leigh", "Smi|th")
      for (const m of line.matchAll(/[\p{L}\p{M}]+(?:[.\\*_~`·/|+][\p{L}\p{M}]+)+/gu)) {
        const parts = m[0].split(/[.\\*_~`·/|+]/u);
        for (let a = 0; a + 1 < parts.length; a++) {
          const joined = parts[a]! + parts[a + 1]!;
          if (foldWord(joined).length >= 4 && known.words.has(foldWord(joined)) && !wordHit(parts[a]!, known) && !wordHit(parts[a + 1]!, known))
            at(m[0], 'a name the tool knows, cut by a mark');
        }
      }
      // a first initial on a later word of the name, with a dot, dash or underscore between ("k.smith", "k_smith")
      for (const m of line.matchAll(/(?<![\p{L}\p{M}\p{N}])(\p{L})[._‐‑-]([\p{L}\p{M}]+)/gu))
        if (known.initialWords.has(foldWord(m[1]! + m[2]!))) at(m[0], 'a known initial and name written together');
      // a word broken across a line break ("Whit-" / "lock")
      const tail = /(\p{L}+)-?\s*$/u.exec(line);
      const head = /^[\s>|#*-]*(\p{Ll}\p{L}*)/u.exec(withoutInvisible(lines[i + 1] ?? ''));
      if (tail && head) {
        // Group 1 of each pattern is not optional: it holds the word in every match.
        const [tailWord, headWord] = [tail[1]!, head[1]!];
        const joined = tailWord + headWord;
        if (wordHit(joined, known) && !wordHit(tailWord, known) && !wordHit(headWord, known))
          at(`${tailWord}…${headWord}`, 'a name the tool knows, broken across a line');
      }
      for (const { id, re, number } of ids) {
        if (re.test(line)) at(re.exec(line)![0], `case id ${id}`);
        else if (number?.test(line)) at(number.exec(line)![0], `the number of case id ${id}`);
      }
      for (const { re } of phrases) if (re.test(line)) at(re.exec(line)![0], 'a place or school');
      for (const d of dateCandidates(line)) if (known.dates.has(d)) at(d, 'an original date');
      // a phone, NHS or hospital number of the originals in any other spacing ("tel 7700.900.123", a letter O for a nought), a postcode or National Insurance number written any way
      for (const run of line.matchAll(/[\dOo](?:[^\p{L}\p{N}\n]{0,3}[\dOo])+/gu)) {
        if (!/\d/.test(run[0])) continue;
        const digits = run[0].replace(/[Oo]/g, '0').replace(/\D/g, '');
        for (const key of known.identifiers) if (/^\d+$/.test(key) && digits.includes(key)) at(run[0], 'a phone, NHS or hospital number of the originals');
      }
      const squeezed = line.replace(/[\s./-]+/g, '').toUpperCase();
      for (const key of known.identifiers)
        if (/\p{L}/u.test(key) && squeezed.includes(key))
          at(
            key,
            /^\p{L}{2}\d{6}$/u.test(key)
              ? 'a National Insurance number of the originals'
              : /^\p{L}{1,2}\d/u.test(key) && /\p{L}{2}$/u.test(key)
                ? 'a postcode of the originals'
                : 'a hospital number of the originals',
          );
      const kinds: IdentifierKind[] = [];
      identifierSink = kinds;
      findIdentifiers(line);
      for (const k of kinds) at(PLACEHOLDERS[k].slice(1, -1), `${ONE[k]} left in place`);
    });
  }
  return out;
}

export interface ReviewItem {
  path: string;
  line: number;
  text: string;
  why: string;
}

/** A year not part of a date: not after a month ("June 2004", moved as a month) nor in 2026-03. */
const YEAR_ALONE = new RegExp(`(?<![\\p{L}\\p{N}/.-])(?<!${MONTH_WORD}\\s+)(?<!\\d(?:st|nd|rd|th|d)?,?\\s+)(19\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}]|-\\d)`, 'giu');

/** A year in words, or two digits after an apostrophe, not part of a date that was moved: never moved. */
const YEAR_IN_WORDS = new RegExp(`(?<![\\p{L}\\p{M}])${YEAR_WORDS}`, 'giu');
const SHORT_YEAR_ALONE = new RegExp(`(?<!${MONTH_WORD}\\s*|\\d(?:st|nd|rd|th|d)?\\s+)['‘’ʼ]\\d{2}(?![\\p{L}\\p{N}])`, 'giu');

/** Two numbers that may be a day and a month without a year ("03/03"), not part of a longer date. */
const DAY_MONTH_NUMBERS = /(?<![\p{N}/.-])\d{1,2}\/\d{1,2}(?![\p{N}]|[/.-]\d)/gu;

/** Capitalised words that are common in case files and name no one. */
const COMMON = new Set(
  [
    ...TITLES,
    ...ROLES,
    ...MONTH_NAMES,
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
    'Child',
    'Children',
    'Act',
    'Court',
    'Family',
    'Families',
    'Analysis',
    'Plan',
    'Review',
    'Reviews',
    'Council',
    'Police',
    'School',
    'Town',
    'Primary',
    'Academy',
    'Services',
    'Service',
    'Team',
    'Framework',
    'Reunification',
    'Practice',
    'English',
    'British',
    'Christmas',
    'Easter',
    'Eid',
    'Diwali',
    'Section',
    'Stage',
    'Decision',
    'Agreement',
    'Assessment',
    'Safety',
    'Order',
    'Orders',
    'Care',
    'Local',
    'Authority',
    'Independent',
    'Reviewing',
    'Officer',
    'Social',
    'Worker',
    'Health',
    'Hospital',
    'Education',
    'Personal',
    'Domestic',
    'Abuse',
    'Recovery',
    'Programme',
    'Support',
    'Early',
    'Help',
    'Protection',
    'Conference',
    'Meeting',
    'Looked',
    'After',
    'Virtual',
    'Head',
    'Designated',
    'Teacher',
    'Nurse',
    'Visitor',
    'Youth',
    'Offending',
    'Substance',
    'Misuse',
    'Mental',
    'Adult',
    'Adults',
    'Housing',
    'Benefit',
    'Universal',
    'Credit',
    'Kinship',
    'Foster',
    'Carer',
    'Carers',
    'Special',
    'Guardianship',
    'Interim',
    'Supervision',
    'Non',
    'Molestation',
    'Anonymised',
    'Withheld',
    'Redaction',
    'Report',
    'Replaced',
    'Case',
    'Cases',
    'Goal',
    'Goals',
    'Step',
    'Steps',
    'Progress',
    'Views',
    'History',
    'Next',
  ].map((w) => w.toLowerCase()),
);

/** A capitalised word common in case files that names no one ("Review", "Police", a month, a title). */
export function isCommonWord(word: string): boolean {
  const l = word.toLowerCase();
  return COMMON.has(l) || COMMON.has(l.replace(/s$/, ''));
}

/**
 * What a person must read before the copy is shared: capitalised words inside a
 * sentence that are neither a pseudonym nor a common word (they may be names the tool
 * does not know), "A" or "I" read as a word where it is also someone's initial, and
 * years written alone, which are never moved.
 */
export function forReview(
  files: readonly { path: string; text: string }[],
  pseudonyms: ReadonlySet<string>,
  known: KnownValues,
  leftAsWritten: ReadonlySet<string> = new Set(),
): ReviewItem[] {
  const out: ReviewItem[] = [];
  const seen = new Set<string>();
  // a capitalised word also written in lower case somewhere in the copy is an ordinary word
  const lower = new Set(files.flatMap((f) => f.text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+/gu) ?? []));
  const once = (item: ReviewItem) => {
    const key = `${item.why}\u0000${item.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const file of files) {
    file.text.split(/\r?\n/).forEach((line, i) => {
      // the copy's own placeholders ("[National Insurance number]") are not words to read
      const words = line.replace(OWN_WORDS, (w) => w.replace(/\p{Lu}/gu, (c) => c.toLowerCase()));
      for (const m of words.matchAll(/(?<=[\p{Ll}\]][,;]? +)\p{Lu}\p{Ll}[\p{L}\p{M}'’‐‑‒–—―-]+/gu)) {
        const w = m[0].replace(/['’]s?$/u, '');
        const ordinary = (part: string) => {
          const l = part.toLowerCase();
          const one = l.replace(/s$/, '');
          return (
            part === '' ||
            COMMON.has(l) ||
            COMMON.has(one) ||
            pseudonyms.has(foldWord(part)) ||
            pseudonyms.has(foldWord(one)) ||
            lower.has(l) ||
            lower.has(one) ||
            // a pseudonym with the grammatical ending of the name it replaced ("Ashdowna")
            inflectedKeys(foldWord(part), (k) => pseudonyms.has(k)).length > 0
          );
        };
        if (w.split(/[‐‑‒–—―-]/u).every(ordinary)) continue;
        once({ path: file.path, line: i + 1, text: w, why: 'a capitalised word the tool does not know: it may be a name' });
      }
      for (const m of line.matchAll(/(?<![\p{L}\p{N}.])([AI])(?=\s+\p{Ll})/gu)) {
        if (known.initials.has(m[1]!))
          once({
            path: file.path,
            line: i + 1,
            text: `${m[1]} ${line.slice(m.index! + 2).split(/\s+/)[0] ?? ''}`.trim(),
            why: "a one-letter word read as a word, though the letter is also someone's initial",
          });
      }
      for (const m of line.matchAll(YEAR_IN_WORDS))
        once({
          path: file.path,
          line: i + 1,
          text: m[0],
          why: 'a year written in words, left as written (and any date it ends): check it does not date an event in the case',
        });
      for (const m of line.matchAll(SHORT_YEAR_ALONE))
        once({ path: file.path, line: i + 1, text: m[0], why: 'a year written alone, left as written: check it does not date an event in the case' });
      for (const m of line.matchAll(DAY_MONTH_NUMBERS)) {
        const [d, mo] = m[0].split('/').map(Number);
        if (d! >= 1 && d! <= 31 && mo! >= 1 && mo! <= 12)
          once({
            path: file.path,
            line: i + 1,
            text: m[0],
            why: 'numbers that may be a day and month without a year, left as written: move it by hand if it is a date',
          });
      }
      for (const written of leftAsWritten)
        if (line.includes(written))
          once({
            path: file.path,
            line: i + 1,
            text: written,
            why: 'a month with a day or year next to it in a form the tool does not read, left as written: move it by hand',
          });
      for (const m of line.matchAll(YEAR_ALONE)) {
        // YEAR_ALONE's one group is not optional: it holds the year in every match.
        once({ path: file.path, line: i + 1, text: m[1]!, why: 'a year written alone, left as written: check it does not date an event in the case' });
      }
    });
  }
  return out;
}
