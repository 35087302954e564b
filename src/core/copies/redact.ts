// Anonymised copies of case files for teaching (`reunify redact`). Every token of
// every name the tool knows (refs, the team, every `by`, name fields, a names map),
// case ids, listed places and schools, and UK identifiers found by their shape are
// replaced, consistently across files; dates move back by one offset. Pure: files
// are read and written in src/io. The parts live in src/core/copies/redact/: names.ts
// (what a name's tokens are and how they are matched), normalise.ts (look-alike and
// hidden letters read as plain ones before anything is matched), identifiers.ts,
// dates.ts, survival.ts (the check that nothing known is left) and engine.ts (one pass).
//
// The offset is the same for every case in one copy, so one as-of date (recorded in
// the copy's config) checks every case as the originals were checked, siblings keep
// their shared timeline, and it is larger than the span of every date copied, so no
// original date can reappear in the copy.
import type { IsoDate } from '../model/caseTypes.js';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../text/dates.js';
import type { Rng } from '../training/random.js';
import { dateCandidates, dateRules, datesIn, wholeDatesIn } from './redact/dates.js';
import { AFTER, BEFORE, caseIdKey, caseIdsSource, caseNumbersSource, escapeRegExp, textReplacer, type TextRule } from './redact/engine.js';
import { IDENTIFIER_KINDS, identifierDigits, identifierRules, type IdentifierKind } from './redact/identifiers.js';
import {
  ABBREVIATIONS,
  caseLike,
  foldWord,
  initialsKey,
  initialsPattern,
  endingsPattern,
  inflectedKeys,
  initialWords,
  knownPieces,
  NAME_ENDINGS,
  STEM_ENDINGS,
  nameTokens,
  POLICE_TITLES,
  ROLES,
  TITLES,
  wordPattern,
  type NameToken,
} from './redact/names.js';
import { clean, skeleton } from './redact/normalise.js';
import { placeNamesSource } from './redact/places.js';
import { isCommonWord, postcodeKey, type KnownValues } from './redact/survival.js';

export { survivors, forReview, type Survivor, type ReviewItem, type KnownValues } from './redact/survival.js';

export interface RedactSource {
  /** The case id (front matter `id`), or the file name stem when there is none. */
  id: string;
  /** Front matter as read (any shape: unknown fields are treated as free text). */
  data: Record<string, unknown>;
  body: string;
}

export interface RedactOptions {
  /** The date the originals are checked as of; the copy's is this minus the offset. */
  asOf: IsoDate;
  places: readonly string[];
  schools: readonly string[];
  /** Config dates that must move with the cases (bank holidays), so working days still fall the same way. */
  bankHolidays: readonly IsoDate[];
  /** Real names from a names map (refs and the names they stand for): every token is replaced too. */
  names?: readonly string[];
  /** Another try at the offset (0, the default, is the first): months differ in length, so a rule counted in months can fall a day differently after one offset and not after another. */
  attempt?: number;
}

export const REDACTION_CATEGORIES = [
  'case ids',
  "children's refs",
  "family members' refs",
  "professionals' initials",
  'person ids',
  'names in free text',
  'places',
  'schools',
  ...IDENTIFIER_KINDS,
  'dates in fields',
  'dates in free text',
  'months in free text',
] as const;
export type RedactionCategory = (typeof REDACTION_CATEGORIES)[number];

export interface RedactedCase {
  id: string;
  /** Index of the source case (never written anywhere). */
  source: number;
  data: Record<string, unknown>;
  body: string;
}

export interface RedactionResult {
  cases: RedactedCase[];
  /** The copy's as-of date (the originals' minus the offset). */
  asOf: IsoDate;
  bankHolidays: IsoDate[];
  counts: Record<RedactionCategory, number>;
  /** What the originals hold that must not be in the copy: for the survival check, never written. */
  known: KnownValues;
  /** Every pseudonym used, folded, so the review list can leave them out. */
  pseudonyms: Set<string>;
  /** Months left as written with a day or year next to them in a form not read ("March 24", "3rd of March twenty twenty-four"): for the review list. */
  leftAsWritten: Set<string>;
  /** Names and identifiers replaced in a text the copy adds (its report, its config), dates left alone. */
  prose(text: string): string;
}

/** Words that follow a title written in lower case and are not a name ("dr said", "mr and mrs"). */
const NOT_A_NAME = new Set(
  (
    'and or the of to in at on for with from by was is are has had have will would could should may might can did does do who which that then also a an ' +
    'said says told asked visited called phoned rang wrote came went saw met agreed reported noted advised confirmed not being be here there'
  ).split(' '),
);

/** Person ids that are roles, not names, and stay as they are. */
const ROLE_ID =
  /^(mum|dad|mother|father|parent|gran|granny|grandma|grandad|grandmother|grandfather|nan|aunt|uncle|partner|stepmum|stepdad|carer|carers|fc|kw|sibling|brother|sister|guardian|child|iro)\d*$/i;
/** Fields holding a person id from `people`. */
const PERSON_FIELDS = new Set(['person', 'party']);
const PERSON_LISTS = new Set(['agreed_by']);
/** Fields whose value is someone's ref or initials. */
const REF_FIELDS = new Set(['ref', 'by', 'social_worker', 'team_manager', 'iro']);
/** The words of a key: "x-name-at-birth" → x, name, at, birth; "knownAs" → known, as. */
const keyWords = (k: string) =>
  k
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
/** Words in a key that say its value is a name: `x-name`, `x-carer-name`, `x-name-at-birth`, `x-maiden`, `x-nickname`. */
const NAME_KEY_WORDS = new Set([
  'name',
  'names',
  'fullname',
  'firstname',
  'forename',
  'forenames',
  'givenname',
  'middlename',
  'surname',
  'surnames',
  'familyname',
  'lastname',
  'maidenname',
  'birthname',
  'nickname',
  'nicknames',
  'nick',
  'alias',
  'aliases',
  'aka',
  'maiden',
  'née',
  'nee',
  'called',
  'moniker',
  'handle',
  'username',
]);
/** Words in a local key that say it is about one person (`x-mum`, `x-partner`, `x-gp`): a value written as a name there is a name. */
const PERSON_KEY_WORDS = new Set([
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'parent',
  'parents',
  'partner',
  'carer',
  'carers',
  'gran',
  'granny',
  'grandma',
  'grandad',
  'grandmother',
  'grandfather',
  'nan',
  'nana',
  'aunt',
  'auntie',
  'uncle',
  'cousin',
  'sibling',
  'siblings',
  'brother',
  'sister',
  'son',
  'daughter',
  'child',
  'baby',
  'boyfriend',
  'girlfriend',
  'husband',
  'wife',
  'ex',
  'stepmum',
  'stepdad',
  'stepfather',
  'stepmother',
  'friend',
  'neighbour',
  'contact',
  'worker',
  'teacher',
  'gp',
  'doctor',
  'person',
  'who',
  'relative',
  'guardian',
  'advocate',
  'solicitor',
  'mentor',
  'keyworker',
  'sw',
  'iro',
  'manager',
  'officer',
  'nurse',
  'midwife',
  'therapist',
]);
/** A key whose value is a name, wherever it is: by one of its words, or as "known as", "goes by", "also known as", "name at birth". */
function isNameKey(k: string): boolean {
  const words = keyWords(k);
  const joined = ` ${words.join(' ')} `;
  return (
    words.some((w) => NAME_KEY_WORDS.has(w)) ||
    / (?:known as|goes by|go by|aka|also known|formerly known|born as|calls? (?:her|him|them)sel(?:f|ves)) /u.test(joined)
  );
}
const isPersonKey = (k: string) => keyWords(k).some((w) => PERSON_KEY_WORDS.has(w));
/** A value written as a name: one to four words, each capitalised (or a particle or an initial), no digits, no sentence. */
const NAME_LIKE = /^(?:(?:\p{Lu}[\p{L}\p{M}'’‐‑‒–—―-]*\.?|de|la|le|van|von|der|den|da|di|du|del|bin|ibn|al|el|ap)(?:\s+|$)){1,4}$/u;
/** Words that introduce a name: "née Jones", "formerly Jones", "also known as Kiki", "goes by 'kay'"; the name is group 1 (capitalised) or 2 (quoted). */
const NAME_CUE =
  /(?<![\p{L}])(?:née|nee|born|formerly|aka|a\.k\.a\.|known as|goes by|go by|calls (?:her|him|them)sel(?:f|ves)|nicknamed|maiden name(?: was| is)?|birth name(?: was| is)?)[ \t]+(?:(\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?)|["“‘']([\p{L}\p{M}'’ -]{2,30}?)["”’'])/gu;
/** What follows "born" and is no name: a day, a month, a time of year, a place word. */
const NOT_A_NAME_AFTER_CUE =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Autumn|Winter|Christmas|Easter|Early|Late|Prematurely|Premature|Abroad|Here|There|In|At|On|The|A|An)\b/iu;
/** A word in brackets or quotes between two capitalised words: Kayleigh "Kay" Smith, Kayleigh (Kiki) Smith. */
const BETWEEN_NAMES = /(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]+[("“‘'][ \t]*([\p{L}\p{M}'’-]{2,})[ \t]*[)"”’'][ \t]+(\p{Lu}[\p{L}\p{M}'’-]+)/gu;
/** Words that start a sentence and name no one: in a long value under a name key, only capitalised words other than these are taken as names. */
const NOT_NAME_WORDS = new Set(
  (
    'the a an and or but she he they we i it her his their our my this that these those at in on of to for with by from as is was are were has had ' +
    'known called also goes nickname prefers preferred calls likes mum dad mother father child school'
  ).split(' '),
);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every string in a case's data, in order (with `keys`, each map key just before its value). */
function eachString(v: unknown, visit: (text: string) => void, keys = false): void {
  if (typeof v === 'string') visit(v);
  else if (Array.isArray(v)) for (const x of v) eachString(x, visit, keys);
  else if (isRecord(v))
    for (const [k, x] of Object.entries(v)) {
      if (keys) visit(k);
      eachString(x, visit, keys);
    }
}

function realIsoDate(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) && fromDayNumber(toDayNumber(s)) === s;
}

// ---------------------------------------------------------------- the offset

/** Every date and month the sources mention, as a day range (years written alone never move, so they do not count). */
function dateSpan(sources: readonly RedactSource[], asOf: IsoDate, extra: readonly string[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const scan = (text: string) => {
    for (const d of datesIn(text, asOf)) {
      const n = toDayNumber(d);
      first = Math.min(first, n);
      last = Math.max(last, n + 31);
    }
  };
  for (const s of sources) {
    eachString(s.data, scan);
    scan(s.body);
  }
  extra.forEach(scan);
  return Number.isFinite(first) ? { first, last } : { first: 0, last: 0 };
}

/** Days to move back: whole weeks (weekdays, and so working days, stay the same), past the span of all dates plus a year. */
export function redactionOffset(rng: Rng, span: { first: number; last: number }): number {
  const least = span.last - span.first + 1000;
  return Math.ceil((least + 7 * rng.int(0, 260)) / 7) * 7;
}

// ---------------------------------------------------------------- pseudonyms

/** Letters for initials: not A or I (words in English), not O or X (read as a nought and as "unknown"). */
const LETTERS = [...'BCDEFGHJKLMNPQRSTUVWYZ'];
const WORDS = [
  'Ashdown',
  'Brackley',
  'Carrow',
  'Dunstan',
  'Elswick',
  'Fenby',
  'Garside',
  'Hathern',
  'Ilsley',
  'Jarrow',
  'Kelsall',
  'Lydney',
  'Marske',
  'Nettlebed',
  'Ormesby',
  'Pershore',
  'Quorndon',
  'Rillington',
  'Sawtry',
  'Tibshelf',
  'Uffculme',
  'Veryan',
  'Wrangle',
  'Yelvertoft',
  'Alnmouth',
  'Bampton',
  'Coldham',
  'Dalston',
  'Egremont',
  'Felbrigg',
  'Grassington',
  'Hayling',
  'Ickleton',
  'Kirkoswald',
  'Lamberhurst',
  'Malham',
  'Northleach',
  'Orford',
  'Painswick',
  'Ravenglass',
  'Selworthy',
  'Thaxted',
  'Ulverston',
  'Walberswick',
  'Amesbury',
  'Blakeney',
  'Castleton',
  'Dedham',
  'Eyam',
  'Fowey',
  'Goathland',
  'Haworth',
  'Keswick',
  'Lavenham',
  'Mevagissey',
  'Nayland',
  'Osmotherley',
  'Polperro',
  'Rosedale',
  'Staithes',
  'Tintagel',
  'Wensley',
  'Zennor',
];

class Pseudonyms {
  private readonly made = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly taken: Set<string>;
  private readonly letters: string[];
  private readonly words: string[];
  private readonly rng: Rng;
  private extra = 0;

  constructor(rng: Rng, originals: readonly NameToken[]) {
    this.rng = rng;
    this.taken = new Set(originals.map((t) => foldWord(t.key)));
    this.letters = rng.shuffle(LETTERS);
    this.words = rng.shuffle(WORDS);
  }

  private free(candidate: string): boolean {
    const key = foldWord(candidate);
    return !this.taken.has(key) && !this.used.has(key);
  }

  private claim(candidate: string): string {
    this.used.add(foldWord(candidate));
    return candidate;
  }

  /** Every pseudonym made, folded. */
  all(): Set<string> {
    return new Set([...this.made.values()].map((v) => foldWord(v.replace(/\./g, ''))));
  }

  letter(original: string): string {
    return this.remember(`initial:${original}`, () => {
      for (const l of this.letters) if (this.free(l)) return this.claim(l);
      for (const a of this.letters) for (const b of this.letters) if (this.free(a + b)) return this.claim(a + b);
      throw new Error('internal: no pseudonym letters left');
    });
  }

  /** "F1" → "K1": the letters as initials, the number kept. */
  code(original: string): string {
    return this.remember(`code:${original.toUpperCase()}`, () => {
      const [, letters, digits] = /^(\p{L}+)(\p{N}+)$/u.exec(original.toUpperCase())!;
      if (letters === undefined) throw new Error('internal: a code without letters');
      let candidate = [...letters].map((l) => this.letter(l)).join('') + digits;
      while (!this.free(candidate)) candidate = this.rng.pick(LETTERS) + candidate;
      return this.claim(candidate);
    });
  }

  /** "RM" → "KD", the same number of letters, written with dots or not by the caller. */
  initials(letters: string): string {
    return this.remember(`initials:${letters}`, () => {
      let candidate: string;
      // no letter where the original has it, so no part of the initials is kept, nor (while there are letters enough) a letter that is someone's initial
      for (let tries = 0; ; tries++) {
        candidate = Array.from({ length: letters.length }, () => this.rng.pick(LETTERS)).join('');
        const keeps = [...candidate].some((l, i) => l === letters[i] || (tries < 500 && this.taken.has(l.toLowerCase())));
        if (this.free(candidate) && !keeps) break;
      }
      return this.claim(candidate);
    });
  }

  word(original: string): string {
    return this.remember(`word:${foldWord(original)}`, () => {
      // not the original's first letter, so the pseudonym does not keep its initial
      const first = foldWord(original).charAt(0);
      const found = this.words.find((w) => this.free(w) && foldWord(w).charAt(0) !== first) ?? this.words.find((w) => this.free(w));
      if (found) return this.claim(found);
      let candidate: string;
      do candidate = `Person${++this.extra}`;
      while (!this.free(candidate));
      return this.claim(candidate);
    });
  }

  private remember(key: string, make: () => string): string {
    const known = this.made.get(key);
    if (known) return known;
    const made = make();
    this.made.set(key, made);
    return made;
  }
}

// ---------------------------------------------------------------- the run

export function redactCaseload(rng: Rng, sources: readonly RedactSource[], options: RedactOptions): RedactionResult {
  const counts = Object.fromEntries(REDACTION_CATEGORIES.map((c) => [c, 0])) as Record<RedactionCategory, number>;
  const count = (c: RedactionCategory) => void (counts[c] += 1);

  // what is known to identify someone, across every case in the copy
  const names = new Set<string>(options.names ?? []);
  const caseIds = new Set<string>();
  const personIds = new Set<string>();
  const addName = (v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') names.add(clean(v).trim());
    else if (Array.isArray(v)) v.forEach(addName);
  };
  // under a name key: a short value is a name, word for word ("kiki", "Kay"); a sentence gives its capitalised words
  const addNameValue = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(addNameValue);
    if (typeof v !== 'string') return;
    const text = clean(v).trim();
    const words = text.split(/\s+/u).filter((w) => w !== '');
    if (words.length <= 4 && !/[.!?;:]\s/u.test(text)) return addName(text);
    for (const w of words) {
      const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/['’]s$/u, '');
      if (/^\p{Lu}/u.test(bare) && !NOT_NAME_WORDS.has(bare.toLowerCase())) addName(bare);
    }
  };
  // a value written as a name, an age or note in brackets after it left out: "Niamh Pike", "Liam Pike (12)"
  const asName = (x: string) =>
    clean(x)
      .replace(/\s*\([^()]*\)\s*$/u, '')
      .trim();
  // words the originals also write in lower case, or that are common in case files: not a name when they stand in a list
  // (gathered only when a list in a local field has an item written as a name)
  let ordinary: Set<string> | undefined;
  const ordinaryWords = (): Set<string> => {
    if (ordinary) return ordinary;
    const found = new Set<string>();
    const add = (text: string): void => {
      for (const w of clean(text).match(/(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+/gu) ?? []) found.add(w);
    };
    for (const s of sources) {
      eachString(s.data, add, true);
      add(s.body);
    }
    return (ordinary = found);
  };
  /** A list item in a local field written as a full name: two to four capitalised words, none of them a word the originals write in lower case or a common one. */
  const listedName = (x: string) => {
    const words = asName(x).split(/\s+/u);
    return (
      words.length >= 2 && NAME_LIKE.test(asName(x)) && words.every((w) => /^\p{Lu}/u.test(w) && !isCommonWord(w) && !ordinaryWords().has(w.toLowerCase()))
    );
  };
  const collect = (v: unknown, local = false, listKey?: string): void => {
    if (Array.isArray(v)) {
      for (const x of v) {
        // in a local field's list: under a key about a person ("x-siblings: [Niamh Pike]") an item written as a name is one, under any other key an item written as a full name is
        if (typeof x === 'string' && local && listKey !== undefined && (isPersonKey(listKey) ? NAME_LIKE.test(asName(x)) : listedName(x))) addName(asName(x));
        else collect(x, local, listKey);
      }
    } else if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) {
        const inLocal = local || k.startsWith('x-');
        if (REF_FIELDS.has(k) && (typeof x === 'string' || Array.isArray(x))) addName(x);
        else if (isNameKey(k) && (typeof x === 'string' || Array.isArray(x))) addNameValue(x);
        else if (inLocal && isPersonKey(k) && typeof x === 'string' && NAME_LIKE.test(asName(x))) addName(asName(x));
        else {
          // a map under a name key ("x-names: { birth: Kayleigh Jones }"): every value in it is a name
          if (isNameKey(k) && isRecord(x)) Object.values(x).forEach(addNameValue);
          collect(x, inLocal, k);
        }
      }
    }
  };
  for (const s of sources) {
    caseIds.add(s.id);
    const d = s.data;
    if (Array.isArray(d.siblings)) for (const sib of d.siblings) if (typeof sib === 'string') caseIds.add(sib);
    if (isRecord(d.team)) Object.values(d.team).forEach(addName);
    if (Array.isArray(d.people)) {
      for (const p of d.people) {
        if (!isRecord(p) || typeof p.id !== 'string' || ROLE_ID.test(p.id)) continue;
        // an id that is the person's relation, or part of it ("youth" for a youth_worker), is a role, not a name
        if (
          typeof p.relation === 'string' &&
          p.relation
            .toLowerCase()
            .split(/[_\s-]+/)
            .includes(p.id.toLowerCase())
        )
          continue;
        personIds.add(p.id);
      }
    }
    collect(d);
  }
  // a word after a title is a name ("Mr Alun Vaughan-Rees"): known everywhere in the copy, in any case, not only after the title
  const titled = new RegExp(`${BEFORE}(?:${TITLES.join('|')})\\.?((?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’‐‑‒–—―-]*\\.?){1,4})`, 'gu');
  const titledOneCase = new RegExp(
    `${BEFORE}(mr|mrs|ms|mx|dr|prof|cllr|revd|hhj|MR|MRS|MS|MX|DR|PROF|CLLR|REVD|HHJ)\\.?((?:[ \\t]+[\\p{L}\\p{M}'’‐‑‒–—―-]+){1,2})`,
    'gu',
  );
  // "PC 1234 Evans": a police rank, a collar number, then the name
  const collared = new RegExp(`${BEFORE}(?:${POLICE_TITLES.join('|')})\\.?[ \\t]+\\d{1,6}((?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’‐‑‒–—―-]*\\.?){1,3})`, 'gu');
  const learn = (text: string) => {
    for (const m of [...clean(text).matchAll(titled), ...clean(text).matchAll(collared)]) {
      const words: string[] = [];
      // Group 1 is not optional: it holds the words after the title in every match.
      for (const raw of m[1]!.trim().split(/[ \t]+/u)) {
        // "Ms L's": the name is L, not "Ls"
        const w = raw.replace(/['’]s?$/u, '');
        if (w === '' || TITLES.includes(w.replace(/\.$/, ''))) break;
        words.push(w);
        if (w.endsWith('.') || w !== raw) break;
      }
      if (words.length > 0) names.add(words.join(' '));
    }
    // "dr alun rees", "MR ALUN REES": a short title in one letter case and the words after it in the same case
    for (const m of clean(text).matchAll(titledOneCase)) {
      // Groups 1 and 2 are not optional: the title and the words after it in every match.
      const upper = m[1] === m[1]!.toUpperCase();
      const words: string[] = [];
      for (const raw of m[2]!.trim().split(/[ \t]+/u)) {
        const w = raw.replace(/['’]s?$/u, '');
        const sameCase = upper ? w === w.toUpperCase() : w === w.toLowerCase();
        if (w === '' || !sameCase || NOT_A_NAME.has(w.toLowerCase()) || TITLES.some((t) => t.toLowerCase() === w.toLowerCase())) break;
        words.push(w);
        if (w !== raw) break;
      }
      if (words.length > 0) names.add(words.join(' '));
    }
    // a name after words that introduce one ("née Jones", "also known as Kiki", "goes by 'kay'"): capitalised, or in quotes
    for (const m of clean(text).matchAll(NAME_CUE)) {
      const name = (m[1] ?? m[2] ?? '').trim();
      if (name !== '' && !NOT_NAME_WORDS.has(name.toLowerCase()) && !NOT_A_NAME_AFTER_CUE.test(name)) names.add(name);
    }
    // a nickname in brackets or quotes between the words of a known name: Kayleigh "Kay" Smith, Kayleigh (Kiki) Smith
    nicknames.push(text);
  };
  const nicknames: string[] = [];
  const learnNicknames = () => {
    const knownWords = new Set(
      [...names]
        .flatMap((n) => nameTokens(n))
        .filter((t) => t.kind === 'word')
        .map((t) => t.key),
    );
    for (const text of nicknames)
      for (const m of clean(text).matchAll(BETWEEN_NAMES)) {
        // groups 1 to 3 are not optional
        if (knownWords.has(foldWord(m[1]!)) || knownWords.has(foldWord(m[3]!))) names.add(m[2]!);
      }
  };
  for (const s of sources) {
    learn(s.body);
    eachString(s.data, learn, true);
  }
  learnNicknames();
  // person ids that are names ("jane") are names in free text too
  for (const id of personIds) if (/^\p{L}{3,}$/u.test(id)) names.add(id);

  const tokens: NameToken[] = [];
  for (const n of names) for (const t of nameTokens(n)) if (!tokens.some((x) => x.kind === t.kind && x.key === t.key)) tokens.push(t);
  const of = (kind: NameToken['kind']) => tokens.filter((t) => t.kind === kind);
  const known: KnownValues = {
    words: new Map(of('word').map((t) => [t.key, t.text])),
    initials: new Set(of('initial').map((t) => t.key)),
    codes: new Set(of('code').map((t) => t.key)),
    initialsRuns: new Set(of('initials').map((t) => t.key)),
    initialWords: new Set([...names].flatMap(initialWords)),
    caseIds: [...caseIds],
    phrases: [...options.places, ...options.schools].filter((p) => p.trim() !== ''),
    dates: new Set(),
    identifiers: new Set(),
  };
  const pseudo = new Pseudonyms(rng.fork('names'), tokens);
  // every whole date the originals could be read to hold, in any form, for the check to find one left unmoved
  const rememberDates = (text: string) => {
    for (const d of wholeDatesIn(text, options.asOf)) known.dates.add(d);
    for (const d of dateCandidates(text)) known.dates.add(d);
  };
  // the word a known name writes just before a lone capital ("Child A", "Foster carers A")
  const wordsBeforeInitial = new Set<string>();
  for (const n of names) for (const m of n.matchAll(/(\p{L}+)\s+\p{Lu}(?![\p{L}\p{M}])/gu)) wordsBeforeInitial.add(m[1]!.toLowerCase());

  // new case ids, in an order that does not give away the original one
  const order = rng.fork('order').shuffle([...caseIds].sort());
  const width = Math.max(3, String(order.length).length);
  const caseKey = caseIdKey;
  const newCaseId = new Map(order.map((id, i) => [caseKey(id), `RD-${String(i + 1).padStart(width, '0')}`]));
  const newPersonId = new Map([...personIds].sort().map((id, i) => [id, `person${i + 1}`]));
  const places = new Map([...new Set(options.places.filter((p) => p.trim() !== ''))].map((p, i) => [foldWord(p.replace(/\s+/g, ' ')), `Town ${i + 1}`]));
  const schools = new Map([...new Set(options.schools.filter((p) => p.trim() !== ''))].map((p, i) => [foldWord(p.replace(/\s+/g, ' ')), `School ${i + 1}`]));
  const placeAlternatives = placeNamesSource([...options.places, ...options.schools]);

  const span = dateSpan(sources, options.asOf, [options.asOf]);
  const offset = redactionOffset(rng.fork(options.attempt ? `offset ${options.attempt}` : 'offset'), span);
  const shift = (date: IsoDate) => addDays(date, -offset);
  const months = Math.round(offset / 30.4375);

  // ---- one word of a name (after a title, or known), as its pseudonym
  const initialsText = (match: string, letters: string) => {
    const made = pseudo.initials(letters);
    // the new letters in the original's places, its dots, spaces and dashes kept: "Z T-B" → "Q R-S"
    let next = 0;
    const inPlace = match.replace(/\p{L}/gu, () => made[next++] ?? '');
    if (next === made.length) return inPlace;
    if (!match.includes('.')) return made;
    return [...made]
      .map((l) => `${l}.`)
      .join('')
      .slice(0, match.trimEnd().endsWith('.') ? undefined : -1);
  };
  const wordText = (word: string): string => {
    const possessive = /(['’]s|s['’]|['’])$/u.exec(word);
    const core = possessive ? word.slice(0, -possessive[0].length) : word;
    const rest = possessive ? possessive[0] : '';
    if (/^(?:\p{L}\.\s?){2,}$/u.test(core) || /^\p{L}\.(?:\p{L}\.?)+$/u.test(core)) return initialsText(core, initialsKey(core)) + rest;
    const parts = core.split(/([-‐‑‒–—―])/u);
    return (
      parts
        .map((part, i) => {
          if (i % 2 === 1 || part === '') return part;
          const bare = part.replace(/\.$/, '');
          const dot = part.endsWith('.') ? '.' : '';
          if (/^\p{L}$/u.test(bare)) return pseudo.letter(bare.toUpperCase()) + dot;
          if (/^\p{L}+\p{N}+$/u.test(bare)) return pseudo.code(bare) + dot;
          if (!/\p{L}/u.test(bare)) return part;
          return caseLike(bare, pseudo.word(bare)) + dot;
        })
        .join('') + rest
    );
  };

  const literal = (items: readonly string[]) => [...items].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
  const ifAny = (items: readonly string[], source: (alts: string) => string) => (items.length === 0 ? '' : source(literal(items)));
  const startsUpper = (w: string) => /^\p{Lu}/u.test(w);
  const ROLE_WORDS_AFTER_TITLE = new Set(['and', 'or', 'the', 'of', 'to', 'in', 'at', 'was', 'is', 'has', 'had', 'said']);

  const nameRules: TextRule[] = [
    {
      source: ifAny(caseIds.size === 0 ? [] : [caseIdsSource([...caseIds])], (alts) => `(?<![\\p{L}\\p{N}_-])(?:${alts})(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`),
      replace: (m) => {
        const id = newCaseId.get(caseKey(m));
        return id === undefined ? undefined : (count('case ids'), id);
      },
    },
    {
      // a case id's number without its letters: "case no. 0006", "file #6", "0006"
      source: caseNumbersSource([...caseIds]),
      replace: (m) => {
        const digits = /\p{N}+$/u.exec(m)?.[0] ?? '';
        const number = (d: string) => d.replace(/^0+(?=\d)/, '');
        const ids = [...caseIds].filter((id) => number(/(\p{N}+)\P{N}*$/u.exec(id)?.[1] ?? '') === number(digits));
        count('case ids');
        const id = ids.length === 1 ? newCaseId.get(caseKey(ids[0]!)) : undefined;
        return m.slice(0, m.length - digits.length) + (id ?? '[case id]');
      },
    },
    {
      source: placeAlternatives === undefined ? '' : `${BEFORE}(?:${placeAlternatives})${AFTER}`,
      replace: (m) => {
        const key = foldWord(m.replace(/\s+/g, ' '));
        if (places.has(key)) return (count('places'), places.get(key)!);
        if (schools.has(key)) return (count('schools'), schools.get(key)!);
        return undefined;
      },
    },
    {
      // a title and up to four capitalised words: every word is a name, known or not ("Mrs Patricia Gould")
      source: `${BEFORE}(?:${TITLES.join('|')})\\.?(?:[ \\t]+[\\p{L}\\p{M}\\p{N}'’.‐‑‒–—―-]+){1,4}`,
      replace: (m) => {
        const [title, ...rest] = m.split(/([ \t]+)/u).filter((x) => x !== '');
        if (title === undefined) throw new Error('internal: an empty title match');
        if (!startsUpper(title)) return undefined;
        // rest alternates space, word, space, word…; only the name's words are taken, the rest is looked at again
        let out = title;
        let consumed = title.length;
        let first = 0;
        // a police rank's collar number is kept, and the name after it taken: "PC 1234 Evans"
        if (POLICE_TITLES.includes(title.replace(/\.$/, '')) && /^\d{1,6}$/u.test(rest[1] ?? '') && rest.length >= 4) {
          out += rest[0]! + rest[1]!;
          consumed += rest[0]!.length + rest[1]!.length;
          first = 2;
        }
        const before = consumed;
        for (let i = first; i + 1 < rest.length; i += 2) {
          // Both indexes are below rest.length (the loop's condition).
          const space = rest[i]!;
          const word = rest[i + 1]!;
          if (!startsUpper(word) || ROLE_WORDS_AFTER_TITLE.has(word.toLowerCase()) || TITLES.includes(word.replace(/\.$/, ''))) break;
          // initials keep their dots; a word keeps the punctuation after it
          const [core, trail] = /^(?:\p{L}\.)+$/u.test(word) ? [word, ''] : /^(.*?)([.,;:]*)$/su.exec(word)!.slice(1);
          // Both groups of the pattern take part in every match.
          out += space + wordText(core!) + trail;
          consumed += space.length + word.length;
          if (trail !== '') break;
        }
        if (consumed === before) return undefined;
        count('names in free text');
        return { text: out, consumed };
      },
    },
    {
      // a role and initials, known or not: "SW J.P.", "IRO B.B."
      source: `${BEFORE}(?:${ROLES.join('|')})[ \\t]+(?:\\p{L}\\.[ \\t]?)+`,
      replace: (m) => {
        const [, role, space, initials] = /^(\S+)([ \t]+)(.*)$/u.exec(m)!;
        if (role === undefined || initials === undefined) throw new Error('internal: a role match without its groups');
        if (role !== role.toUpperCase() || initials !== initials.toUpperCase()) return undefined;
        const trailing = /[ \t]$/.test(initials) ? initials.slice(initials.trimEnd().length) : '';
        count('names in free text');
        return role + space + initialsText(initials.trimEnd(), initialsKey(initials)) + trailing;
      },
    },
    {
      // "Child L", "Child F2": a child's ref, known or not
      source: `${BEFORE}Child[ \\t]+\\p{Lu}{1,2}\\p{N}*${AFTER}`,
      replace: (m) => {
        const [, child, space, ref] = /^(\S+)([ \t]+)(\S+)$/u.exec(m)!;
        if (ref === undefined) throw new Error('internal: a child ref match without its groups');
        if (child !== 'Child' || ref !== ref.toUpperCase()) return undefined;
        count('names in free text');
        return child + space + wordText(ref);
      },
    },
    {
      source: ifAny(
        of('initials').map((t) => initialsPattern(t.text.replace(/[^\p{L}]/gu, ''))),
        (alts) => `${BEFORE}(?:${alts})(?!\\p{L})`,
      ),
      replace: (m) => {
        // with dots, each letter stands alone ("R.M.", "r. m."; "so." at the end of a sentence is a word), and "e.g." is an abbreviation;
        // without dots, initials are capitals ("ZTB", "Z T-B"), and initials that spell a role ("TM") are read as the role
        const dotted = m.includes('.') && !/\p{L}\p{M}*\p{L}/u.test(m);
        if (dotted && ABBREVIATIONS.has(m.replace(/\s/gu, ''))) return undefined;
        if (!dotted && (m !== m.toUpperCase() || ROLES.includes(m.replace(/\.$/u, '')))) return undefined;
        count('names in free text');
        return initialsText(m, initialsKey(m));
      },
    },
    {
      source: ifAny(
        of('code').map((t) => escapeRegExp(t.key)),
        (alts) => `${BEFORE}(?:${alts})${AFTER}`,
      ),
      replace: (m) => (m === m.toUpperCase() ? (count('names in free text'), pseudo.code(m)) : undefined),
    },
    {
      // known name words written together, in any letter case, or next to digits or underscores: "kayleighsmith", "kayleigh_smith",
      // "smith99", and a first initial on a later word of the same name ("ksmith", "k.smith", "k_smith"), as user names and email addresses are made
      source:
        of('word').length === 0
          ? ''
          : (() => {
              const alts = of('word')
                .sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1))
                .map((t) => wordPattern(t.text))
                .join('|');
              return `(?<![\\p{L}\\p{M}])(?:\\p{L}[._-]?)?(?:${alts})(?:_?(?:${alts}))*(?:e?s)?(?![\\p{L}\\p{M}])`;
            })(),
      replace: (m, text, at) => {
        const isKnown = (k: string) => known.words.has(k);
        const beside = /[\p{N}_]/u.test(text.charAt(at - 1)) || /[\p{N}_]/u.test(text.charAt(at + m.length));
        for (const suffix of ['', 's', 'es']) {
          if (suffix !== '' && !m.toLowerCase().endsWith(suffix)) continue;
          const body = m.slice(0, m.length - suffix.length);
          // a first initial and a later word of the same name
          const lead = /^(\p{L})([._-]?)(\p{L}.*)$/u.exec(body);
          if (lead && !body.includes('_', 2) && known.initialWords.has(foldWord(lead[1]! + lead[3]!)) && isKnown(foldWord(lead[3]!))) {
            const letter = lead[1]!;
            const newLetter = known.initials.has(letter.toUpperCase()) ? pseudo.letter(letter.toUpperCase()) : letter.toUpperCase();
            count('names in free text');
            return (
              (letter === letter.toLowerCase() ? newLetter.toLowerCase() : newLetter) +
              lead[2]! +
              caseLike(lead[3]!, pseudo.word(known.words.get(foldWord(lead[3]!))!)) +
              m.slice(body.length)
            );
          }
          const parts = body.split('_');
          const cut = parts.map((p) => (isKnown(foldWord(p)) ? [p] : knownPieces(p, isKnown)));
          if (cut.some((c) => c === undefined)) continue;
          const pieces = cut.flat() as string[];
          if (pieces.length < 2 && !beside) return undefined;
          count('names in free text');
          return cut.map((c) => c!.map((p) => caseLike(p, pseudo.word(known.words.get(foldWord(p))!))).join('')).join('_') + m.slice(body.length);
        }
        return undefined;
      },
    },
    {
      // a known name spelled out, a letter at a time: "K a y", "S.M.I.T.H.", "S-M-I-T-H"
      source: ifAny(
        of('word')
          .filter((t) => [...t.key].length >= 3)
          .map((t) => [...t.key].map((l) => wordPattern(l)).join('(?:[ \\t]+|\\.[ \\t]*|[‐‑‒–—―-])')),
        (alts) => `${BEFORE}(?:${alts})\\.?${AFTER}`,
      ),
      replace: (m) => {
        const letters = m.replace(/[^\p{L}\p{M}]/gu, '');
        const key = foldWord(letters);
        if (!known.words.has(key)) return undefined;
        const gap = /^\p{L}\p{M}*([^\p{L}\p{M}]+)/u.exec(m)?.[1] ?? ' ';
        const made = caseLike(letters, pseudo.word(known.words.get(key)!));
        count('names in free text');
        return [...made].join(gap) + (m.endsWith('.') && gap.startsWith('.') ? '.' : '');
      },
    },
    {
      // every known name word, in any letter case, with or without accents and apostrophes, possessive or plural
      // (longest first, so "Kay-leigh" is the one word Kayleigh, not Kay and a "leigh")
      source:
        of('word').length === 0
          ? ''
          : `${BEFORE}(?:${of('word')
              .sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1))
              .map((t) => wordPattern(t.text, !t.joined))
              .join('|')})(?:e?s|${endingsPattern(NAME_ENDINGS)})?${AFTER}`,
      replace: (m) => {
        const f = foldWord(m).replace(/[‐‑‒–—―-]/gu, '');
        // possessive or plural, or with a grammatical ending ("Kowalczyka", "Kowalczykowi"): the name replaced, the ending kept
        const key =
          [f, f.replace(/s$/, ''), f.replace(/es$/, '')].find((k) => known.words.has(k)) ??
          inflectedKeys(f, (k) => known.words.has(k)).find((k) => f.startsWith(k.key))?.key;
        if (key === undefined) return undefined;
        count('names in free text');
        const suffix = m.slice(m.length - (f.length - key.length));
        return caseLike(m.slice(0, m.length - suffix.length), pseudo.word(known.words.get(key)!)) + suffix;
      },
    },
    {
      // a known name whose last vowel a grammatical ending takes the place of ("Kowalska" → "Kowalskiej", "Kowalską"): the name replaced, the ending kept
      source: ifAny(
        of('word')
          .filter((t) => t.key.length >= 6 && /[aiy]$/u.test(t.key) && !t.joined)
          .map((t) => wordPattern(t.text.slice(0, -1))),
        (alts) => `${BEFORE}(?:${alts})(?:${endingsPattern(STEM_ENDINGS)})${AFTER}`,
      ),
      replace: (m) => {
        const f = foldWord(m);
        const found = inflectedKeys(f, (k) => known.words.has(k)).find((k) => !f.startsWith(k.key));
        if (found === undefined) return undefined;
        count('names in free text');
        const stem = m.slice(0, m.length - found.ending);
        return caseLike(stem, pseudo.word(known.words.get(found.key)!)) + m.slice(stem.length);
      },
    },
    {
      // a known name written into another word: "KayleighGould", "McGould"
      source: of('word').length === 0 ? '' : `${BEFORE}\\p{L}+(?:\\p{Lu}\\p{Ll}+)+${AFTER}`,
      replace: (m) => {
        const humps = m.split(/(?<=\p{Ll})(?=\p{Lu})/u);
        if (humps.length < 2 || !humps.some((h) => known.words.has(foldWord(h)))) return undefined;
        count('names in free text');
        return humps.map((h) => (known.words.has(foldWord(h)) ? caseLike(h, pseudo.word(known.words.get(foldWord(h))!)) : h)).join('');
      },
    },
    {
      // a known name written wholly in letters of another script that look like Latin ones ("Кау" in Cyrillic for Kay)
      source:
        of('word').length === 0
          ? ''
          : `${BEFORE}[\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Armenian}\\p{Script=Lisu}\\p{Script=Cherokee}\\p{M}]+${AFTER}`,
      replace: (m) => {
        const f = foldWord(skeleton(m));
        const key = [f, f.replace(/s$/, ''), f.replace(/es$/, '')].find((k) => known.words.has(k));
        if (key === undefined) return undefined;
        count('names in free text');
        return caseLike(skeleton(m), pseudo.word(known.words.get(key)!));
      },
    },
    {
      // an initial standing alone ("L (seen alone)"), in capitals, not part of dotted initials
      source: ifAny(
        of('initial').map((t) => escapeRegExp(t.key)),
        (alts) => `(?<![\\p{L}\\p{M}\\p{N}_.'’])(?:${alts})(?![\\p{L}\\p{M}\\p{N}_])(?!\\.[ \\t]?\\p{L}(?!\\p{L}))`,
      ),
      replace: (m, text, at) => {
        if (!known.initials.has(m)) return undefined;
        // "A" and "I" before a word in lower case are read as the words, and listed for review,
        // unless the word before is the one a known name puts before that letter ("Foster carers A")
        if ((m === 'A' || m === 'I') && /^\s+\p{Ll}/u.test(text.slice(at + 1))) {
          const before = /(\p{L}+)\s+$/u.exec(text.slice(0, at))?.[1]?.toLowerCase();
          if (before === undefined || !wordsBeforeInitial.has(before)) return undefined;
        }
        count('names in free text');
        return pseudo.letter(m);
      },
    },
  ];

  const leftAsWritten = new Set<string>();
  const dates = dateRules({
    asOf: options.asOf,
    left: (written) => void leftAsWritten.add(written),
    day: (iso) => (count('dates in free text'), shift(iso)),
    month: (ym) => (count('months in free text'), addMonths(`${ym}-01`, -months).slice(0, 7)),
    monthAlone: (i) => (count('months in free text'), (((i - months) % 12) + 12) % 12),
  });
  const ids = identifierRules((k: IdentifierKind, found: string) => {
    count(k);
    // what the originals hold, for the final check to find in any other form
    const key =
      k === 'postcodes'
        ? postcodeKey(found)
        : k === 'phone numbers' || k === 'NHS numbers'
          ? identifierDigits(found)
          : k === 'National Insurance numbers'
            ? postcodeKey(found).slice(0, 8)
            : k === 'hospital numbers' && postcodeKey(found).length >= 6
              ? postcodeKey(found)
              : undefined;
    if (key !== undefined) known.identifiers.add(key);
  });
  const redactText = textReplacer([...ids, ...dates.slice(0, -1), ...nameRules, ...dates.slice(-1)]);
  const proseText = textReplacer([...ids, ...nameRules]);

  const mapPerson = (v: string) => (newPersonId.has(v) ? (count('person ids'), newPersonId.get(v)!) : redactText(v));
  const refCategory = (path: readonly (string | number)[]): RedactionCategory => {
    const key = path[path.length - 1];
    if (key !== 'ref') return "professionals' initials";
    return path[0] === 'child' ? "children's refs" : path[0] === 'people' ? "family members' refs" : 'names in free text';
  };
  const walk = (v: unknown, path: readonly (string | number)[], local: boolean): unknown => {
    const key = path[path.length - 1];
    const parent = path[path.length - 2];
    if (typeof v === 'string') {
      const s = clean(v);
      rememberDates(s);
      if (realIsoDate(s)) return (count('dates in fields'), shift(s));
      if ((path.length === 1 && key === 'id') || (path.length === 2 && path[0] === 'siblings')) {
        const id = newCaseId.get(caseKey(s));
        if (id !== undefined) return (count('case ids'), id);
        return redactText(s);
      }
      if (REF_FIELDS.has(String(key))) {
        count(refCategory(path));
        return redactText(s);
      }
      if ((path[0] === 'people' && path.length === 3 && key === 'id') || PERSON_FIELDS.has(String(key)) || PERSON_LISTS.has(String(parent)))
        return mapPerson(s);
      return redactText(s);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], local));
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        // local fields are free text, keys included
        const inLocal = local || k.startsWith('x-');
        const newKey = inLocal ? redactText(clean(k)) : k;
        // defineProperty: a "__proto__" key stays plain data
        Object.defineProperty(out, newKey, { value: walk(x, [...path, k], inLocal), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return v;
  };

  const cases = sources
    .map((s, source) => {
      const body = clean(s.body);
      rememberDates(body);
      return { id: newCaseId.get(caseKey(s.id))!, source, data: walk(s.data, [], false) as Record<string, unknown>, body: redactText(body) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    cases,
    asOf: shift(options.asOf),
    bankHolidays: options.bankHolidays.filter(realIsoDate).map(shift),
    counts,
    known,
    pseudonyms: pseudo.all(),
    leftAsWritten,
    prose: (t) => proseText(t),
  };
}
