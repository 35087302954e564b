// Anonymised copies of case files for teaching (`reunify redact`): case ids, the
// child's and everyone's refs, the team's initials, names in free text, listed
// places and schools, all replaced consistently across files with pseudonyms; all
// dates moved back by one offset. Pure: files are read and written in src/io.
//
// The offset is the same for every case in one copy, so one as-of date (recorded in
// the copy's config) checks every case as the originals were checked, siblings keep
// their shared timeline, and it is larger than the span of every date copied, so no
// original date, month or year can reappear in the copy.
import type { IsoDate } from './caseTypes.js';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './dates.js';
import { longDate, monthYear, parseLongDate, MONTH_NAMES } from './dateText.js';
import type { Rng } from './random.js';

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
  'dates in fields',
  'dates in free text',
  'months and years in free text',
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
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTHS = MONTH_NAMES.join('|');
const TITLES = 'Mr|Mrs|Ms|Miss|Mx|Dr|Master';
/** Role words that, before initials, name a professional: "SW J.P.", "TM A.O.", "IRO B.B.". */
const ROLES = 'SW|TM|IRO|FSW|DSL|HV|GP|PA|CG';
/** Person ids that are roles, not names, and stay as they are. */
const ROLE_ID = /^(mum|dad|mother|father|parent|gran|granny|grandma|grandad|grandmother|grandfather|nan|aunt|uncle|partner|stepmum|stepdad|carer|carers|fc|kw|sibling|brother|sister|guardian|child|iro)\d*$/i;
/** Fields holding a person id from `people`. */
const PERSON_FIELDS = new Set(['person', 'party']);
const PERSON_LISTS = new Set(['agreed_by']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function realIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && fromDayNumber(toDayNumber(s)) === s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- the offset

/** Every date, month and year the sources mention, as a day range. */
function dateSpan(sources: readonly RedactSource[], extra: readonly string[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const see = (from: number, to: number) => {
    first = Math.min(first, from);
    last = Math.max(last, to);
  };
  const scan = (text: string) => {
    for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) if (realIsoDate(m[0])) see(toDayNumber(m[0]), toDayNumber(m[0]));
    for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) see(toDayNumber(`${m[1]}-01-01`), toDayNumber(`${m[1]}-12-31`));
  };
  const walk = (v: unknown) => {
    if (typeof v === 'string') scan(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v)) Object.values(v).forEach(walk);
  };
  for (const s of sources) {
    walk(s.data);
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

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWYZ';
const SURNAMES = ['Ashdown', 'Brackley', 'Carrow', 'Dunstan', 'Elswick', 'Fenby', 'Garside', 'Hathern', 'Ilsley', 'Jarrow', 'Kelsall', 'Lydney', 'Marske', 'Nettlebed', 'Ormesby', 'Pershore', 'Quorndon', 'Rillington', 'Sawtry', 'Tibshelf', 'Uffculme', 'Veryan', 'Wrangle', 'Yelvertoft'];

class Pseudonyms {
  private readonly tokens = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly taken: Set<string>;
  private readonly letters: string[];
  private readonly surnames: string[];
  private readonly rng: Rng;
  private next = { place: 0, school: 0, person: 0 };

  constructor(rng: Rng, originals: Set<string>) {
    this.rng = rng;
    this.taken = new Set([...originals].map((t) => t.toLowerCase()));
    this.letters = rng.shuffle([...LETTERS]);
    this.surnames = rng.shuffle(SURNAMES);
  }

  private free(candidate: string): boolean {
    const key = candidate.toLowerCase();
    return !this.taken.has(key) && !this.used.has(key);
  }

  private claim(candidate: string): string {
    this.used.add(candidate.toLowerCase());
    return candidate;
  }

  private letter(): string {
    for (const l of this.letters) if (this.free(l)) return this.claim(l);
    for (const a of this.letters) for (const b of this.letters) if (this.free(a + b)) return this.claim(a + b);
    throw new Error('internal: no pseudonym letters left');
  }

  /** The pseudonym of one identifying token (a letter, "F1", initials "J.P.", a surname), the same every time. */
  token(original: string): string {
    const key = original;
    const known = this.tokens.get(key);
    if (known) return known;
    let made: string;
    const withDigits = /^([A-Za-z]+)(\d+)$/.exec(original);
    if (/^[A-Z]$/.test(original)) made = this.letter();
    else if (withDigits) {
      let candidate = `${this.token(withDigits[1])}${withDigits[2]}`;
      while (!this.free(candidate)) candidate = `${this.letter()}${withDigits[2]}`;
      made = this.claim(candidate);
    } else if (/^([A-Za-z]\.\s?)+$/.test(original)) {
      const count = (original.match(/[A-Za-z]/g) ?? []).length;
      let candidate: string;
      do candidate = Array.from({ length: count }, () => `${this.rng.pick([...LETTERS])}.`).join('');
      while (!this.free(candidate));
      made = this.claim(candidate);
    } else {
      made = this.surnames.find((s) => this.free(s)) ?? `Person${this.next.person + 1}`;
      if (made.startsWith('Person')) this.next.person++;
      this.claim(made);
    }
    this.tokens.set(key, made);
    return made;
  }

  place(kind: 'place' | 'school'): string {
    const n = ++this.next[kind];
    return kind === 'place' ? `Town ${String.fromCharCode(64 + ((n - 1) % 26) + 1)}${n > 26 ? Math.ceil(n / 26) : ''}` : `School ${n}`;
  }
}

/** A ref as a prefix and its identifying last token: "Ms A" → ["Ms ", "A"]; "Foster carers C" → ["Foster carers ", "C"]. */
function splitRef(ref: string): { prefix: string; token: string } | undefined {
  const m = /^(.*?)([A-Z][A-Za-z'’-]*\d*|\d+|(?:[A-Za-z]\.\s?)+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { prefix: m[1], token: m[2].trim() };
}

// ---------------------------------------------------------------- the run

export function redactCaseload(rng: Rng, sources: readonly RedactSource[], options: RedactOptions): RedactionResult {
  const counts = Object.fromEntries(REDACTION_CATEGORIES.map((c) => [c, 0])) as Record<RedactionCategory, number>;
  const count = (c: RedactionCategory, n = 1) => (counts[c] += n);

  // what is known to identify someone, across every case in the copy
  const refs = new Map<string, RedactionCategory>();
  const caseIds = new Set<string>();
  const personIds = new Set<string>();
  const addRef = (v: unknown, category: RedactionCategory) => {
    if (typeof v === 'string' && v.trim() !== '' && !refs.has(v.trim())) refs.set(v.trim(), category);
  };
  const collectBy = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collectBy);
    else if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'by' || k === 'social_worker' || k === 'team_manager' || k === 'iro') && typeof x === 'string') addRef(x, "professionals' initials");
        else collectBy(x);
      }
    }
  };
  for (const s of sources) {
    caseIds.add(s.id);
    const d = s.data;
    if (Array.isArray(d.siblings)) for (const sib of d.siblings) if (typeof sib === 'string') caseIds.add(sib);
    if (isRecord(d.child)) addRef(d.child.ref, "children's refs");
    if (Array.isArray(d.people)) {
      for (const p of d.people) {
        if (!isRecord(p)) continue;
        addRef(p.ref, "family members' refs");
        if (typeof p.id === 'string' && !ROLE_ID.test(p.id)) personIds.add(p.id);
      }
    }
    collectBy(d);
  }
  const tokens = new Set<string>();
  for (const ref of refs.keys()) {
    const split = splitRef(ref);
    if (split) tokens.add(split.token);
  }
  const names = new Pseudonyms(rng.fork('names'), tokens);

  // new case ids, in an order that does not give away the original one
  const order = rng.fork('order').shuffle([...caseIds].sort());
  const width = Math.max(3, String(order.length).length);
  const newCaseId = new Map(order.map((id, i) => [id, `RD-${String(i + 1).padStart(width, '0')}`]));
  const newPersonId = new Map([...personIds].sort().map((id, i) => [id, `person${i + 1}`]));
  const refMap = new Map<string, string>();
  for (const [ref] of refs) {
    const split = splitRef(ref);
    refMap.set(ref, split ? `${split.prefix}${names.token(split.token)}` : `Person ${refMap.size + 1}`);
  }
  const places = [...new Set(options.places.filter((p) => p.trim() !== ''))].map((p) => [p, names.place('place')] as const);
  const schools = [...new Set(options.schools.filter((p) => p.trim() !== ''))].map((p) => [p, names.place('school')] as const);

  const span = dateSpan(sources, [options.asOf, ...options.places, ...options.schools]);
  const offset = redactionOffset(rng.fork('offset'), span);
  const shift = (date: IsoDate) => addDays(date, -offset);
  const months = Math.round(offset / 30.4375);
  const years = Math.round(offset / 365.25);

  // one pass over the text, so nothing replaced is looked at again
  const literal = (items: readonly string[]) => items.filter((s) => s !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join('|') || '(?!)';
  const bareTokens = [...tokens].filter((t) => t.length >= 2);
  const pattern = new RegExp(
    [
      `(?<caseid>(?<![\\w-])(?:${literal([...caseIds])})(?![\\w-]))`,
      `(?<place>\\b(?:${literal(places.map(([p]) => p))})\\b)`,
      `(?<school>\\b(?:${literal(schools.map(([p]) => p))})\\b)`,
      `(?<ref>(?<![\\w.])(?:${literal([...refs.keys()])})(?![\\w]))`,
      `(?<titled>\\b(?:${TITLES})\\.?\\s+(?:[A-Z][A-Za-z'’-]*\\d*|(?:[A-Z]\\.\\s?)+))`,
      `(?<role>\\b(?:${ROLES})\\s+(?:[A-Z]\\.\\s?)+)`,
      `(?<childref>\\bChild\\s+[A-Z][A-Za-z]*\\d*\\b)`,
      `(?<token>(?<![\\w.])(?:${literal(bareTokens)})(?![\\w]))`,
      `(?<iso>\\b\\d{4}-\\d{2}-\\d{2}\\b)`,
      `(?<long>\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}) \\d{4}\\b)`,
      `(?<month>\\b(?:${MONTHS}) (?:1[89]\\d\\d|20\\d\\d)\\b)`,
      `(?<ym>\\b(?:1[89]\\d\\d|20\\d\\d)-(?:0[1-9]|1[0-2])\\b)`,
      `(?<year>\\b(?:1[89]\\d\\d|20\\d\\d)\\b)`,
      // a month named alone ("the October review"); "May" only where it cannot be the verb
      `(?<bare>\\b(?:${MONTHS.replace('|May', '')})\\b|(?<=\\b(?:in|of|since|until|by|from|early|late|mid|end of|last|next) )May\\b)`,
    ].join('|'),
    'g',
  );
  const titledToken = (text: string): string => {
    const m = /^(.*?\s+)(\S.*)$/.exec(text)!;
    return `${m[1]}${names.token(m[2].trim())}`;
  };
  const redactText = (text: string): string =>
    text.replace(pattern, (match, ...args) => {
      const g = args[args.length - 1] as Record<string, string | undefined>;
      if (g.caseid) return count('case ids'), newCaseId.get(match)!;
      if (g.place) return count('places'), places.find(([p]) => p === match)![1];
      if (g.school) return count('schools'), schools.find(([p]) => p === match)![1];
      if (g.ref || g.token) {
        count('names in free text');
        return g.ref ? refMap.get(match)! : names.token(match);
      }
      if (g.titled || g.role || g.childref) return count('names in free text'), titledToken(match);
      if (g.iso) {
        if (!realIsoDate(match)) return match;
        count('dates in free text');
        return shift(match);
      }
      if (g.long) {
        const iso = parseLongDate(match);
        if (!iso) return match;
        count('dates in free text');
        return longDate(shift(iso));
      }
      count('months and years in free text');
      if (g.month) {
        const [name, year] = match.split(' ');
        const month = MONTH_NAMES.findIndex((n) => n === name) + 1;
        return monthYear(addMonths(`${year}-${String(month).padStart(2, '0')}-01`, -months));
      }
      if (g.ym) return addMonths(`${match}-01`, -months).slice(0, 7);
      if (g.bare) return MONTH_NAMES[(((MONTH_NAMES.findIndex((n) => n === match) - months) % 12) + 12) % 12];
      return String(Number(match) - years);
    });

  const mapPerson = (v: string) => (newPersonId.has(v) ? (count('person ids'), newPersonId.get(v)!) : redactText(v));
  const walk = (v: unknown, path: readonly (string | number)[]): unknown => {
    const key = path[path.length - 1];
    const parent = path[path.length - 2];
    if (typeof v === 'string') {
      if (realIsoDate(v)) return count('dates in fields'), shift(v);
      if (path.length === 1 && key === 'id') return count('case ids'), newCaseId.get(v) ?? redactText(v);
      if (path.length === 2 && path[0] === 'siblings') return count('case ids'), newCaseId.get(v) ?? redactText(v);
      const trimmed = v.trim();
      if ((key === 'ref' || key === 'by' || key === 'social_worker' || key === 'team_manager' || key === 'iro') && refMap.has(trimmed)) {
        count(key === 'ref' ? refs.get(trimmed)! : "professionals' initials");
        return refMap.get(trimmed)!;
      }
      if ((path[0] === 'people' && path.length === 3 && key === 'id') || PERSON_FIELDS.has(String(key)) || PERSON_LISTS.has(String(parent))) return mapPerson(v);
      return redactText(v);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      // defineProperty: a "__proto__" key stays plain data
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: walk(x, [...path, k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };

  const cases = sources
    .map((s, source) => ({ id: newCaseId.get(s.id)!, source, data: walk(s.data, []) as Record<string, unknown>, body: redactText(s.body) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { cases, asOf: shift(options.asOf), bankHolidays: options.bankHolidays.filter(realIsoDate).map(shift), counts };
}
