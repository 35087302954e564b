// Who may read what in a family copy (`report --for`). A family copy is built by
// allow-list: a reader is entitled to their own records, to what a worker has
// marked as shared with them, and to the decisions they were told about; nothing
// else. Text that names someone the reader poses a risk to (`people[].risk_to`)
// never reaches them, whatever it is marked. Pure: the case in, answers out.
import type { CaseData, Decision, Person } from '../model/caseTypes.js';
import { DECISION_POINTS, type DecisionPoint } from '../model/ids.js';
import MarkdownIt from 'markdown-it';
import { identifierRules } from './redact/identifiers.js';
import { escapeRegExp, textReplacer } from './redact/engine.js';
import { skeleton } from './redact/normalise.js';
import { placeNamesSource } from './redact/places.js';
import { latestAt } from '../rules/recordReaders.js';

export type FamilyProduct = 'assessment' | 'decision' | 'agreement' | 'transition' | 'review';

export class ReaderError extends Error {}

export interface Reader {
  /** A person id from `people`, or `child`. */
  id: string;
  person?: Person;
  /** Ids of the people (or `child`) this reader poses a risk to. */
  riskTo: Set<string>;
  /** Local place and school names (config `redact.places` and `redact.schools`): to a reader with `riskTo`, text naming one says where someone is. */
  places: readonly string[];
  /** Texts a worker has marked shareable with this reader (`shareable`): shown as written, within the limits of `mayShow`. */
  cleared: ReadonlySet<string>;
}

/** The reader a copy is for, or a ReaderError naming the ids the case knows. */
export function readerOf(data: CaseData, id: string, places: readonly string[] = []): Reader {
  const people = data.people ?? [];
  const person = people.find((p) => p.id === id);
  if (!person && id !== 'child') {
    const known = ['child', ...people.map((p) => p.id)].join(', ');
    throw new ReaderError(`--for must be "child" or a person id in the case (${known}), got "${id}"`);
  }
  return { id, person, riskTo: new Set((person?.risk_to ?? []).map((r) => r.id)), places, cleared: clearedFor(data, id) };
}

/** The texts at the paths the case's `shareable` list marks as shareable with this reader: a string, or each string of a list. */
export function clearedFor(data: CaseData, readerId: string): Set<string> {
  const out = new Set<string>();
  for (const entry of data.shareable ?? []) {
    if (!Array.isArray(entry.with) || !entry.with.includes(readerId) || typeof entry.path !== 'string') continue;
    let node: unknown = data;
    for (const key of entry.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))) {
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    for (const text of typeof node === 'string' ? [node] : Array.isArray(node) ? node : []) if (typeof text === 'string' && text.trim() !== '') out.add(text);
  }
  return out;
}

const KIN_WORDS: [RegExp, string[]][] = [
  [/grandmother|grandma|^gran$/, ['grandmother', 'gran', 'granny', 'grandma', 'nan', 'nana', 'nanna']],
  [/grandfather|grandad|grandpa/, ['grandfather', 'grandad', 'granddad', 'grandpa', 'grampa']],
  [/stepmother/, ['stepmother', 'stepmum']],
  [/stepfather/, ['stepfather', 'stepdad']],
  [
    /(^|_)mother$/,
    ['mother', 'mum', 'mummy', 'mam', 'mom', 'mommy', 'mama', 'mammy', 'ma', 'wife', 'ex-wife', 'partner', 'ex-partner', 'girlfriend', 'ex-girlfriend', 'ex'],
  ],
  [/(^|_)father$/, ['father', 'dad', 'daddy', 'pa', 'papa', 'husband', 'ex-husband', 'partner', 'ex-partner', 'boyfriend', 'ex-boyfriend', 'ex']],
  [/partner/, ['partner', 'ex-partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'ex']],
  [/aunt/, ['aunt', 'auntie', 'aunty']],
  [/uncle/, ['uncle']],
];

/**
 * Text as a reader would read it: compatibility forms folded (full-width letters, a
 * no-break space), accents and other combining marks taken off, invisible format
 * characters (zero-width spaces, joiners, soft hyphens) taken out, and Cyrillic, Greek,
 * Armenian, Lisu and Cherokee letters that look Latin read as Latin (the one table, in
 * redact/normalise.ts: the Greek digamma Ϝ is F).
 */
export function normalise(text: string): string {
  return skeleton(
    text
      .normalize('NFKD')
      .replace(/\p{Mn}/gu, '')
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, ''),
  );
}

// A family copy is read rendered: its HTML form shows a body's inline Markdown as HTML,
// and a Markdown copy is opened in a viewer that does the same (and may pass raw HTML
// through). So `Ms&nbsp;F`, `M&#115; F`, `**Ms** F`, `Ms\_F`, `[Ms F](#)` and
// `M<b>s</b> F` all read "Ms F", and are screened as that.
const INLINE = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).disable(['image']);
const INLINE_RAW_HTML = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).disable(['image']);
/** What a reader sees of rendered inline HTML: the tags gone, the characters markdown-it escapes read back. */
const seen = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const readingsCache = new Map<string, string[]>();

/**
 * Every way a text may be read, normalised: as written (a plain viewer), as the
 * rendered copy shows it (entities decoded; emphasis, escapes and code marks gone; the
 * text of a link kept), and with raw HTML tags taken out. A screen passes a text only
 * when it passes every reading.
 */
export function readings(text: string): string[] {
  const known = readingsCache.get(text);
  if (known) return known;
  const out = [...new Set([text, seen(INLINE.renderInline(text)), seen(INLINE_RAW_HTML.renderInline(text))].map(normalise))];
  if (readingsCache.size > 5000) readingsCache.clear();
  readingsCache.set(text, out);
  return out;
}

/** Words that may name a person in free text: their ref, their relation, and the everyday words for it. */
export function namingWords(p: Person): string[] {
  const relation = p.relation.toLowerCase();
  const words = new Set<string>([p.ref.trim(), relation.replace(/_/g, ' ')]);
  const last = relation.split('_').pop();
  if (last && last.length > 2) words.add(last);
  for (const [pattern, kin] of KIN_WORDS) if (pattern.test(relation)) for (const k of kin) words.add(k);
  // other names the file uses for them ("Kerry", "Kez"): each names them too, whole and word by word
  for (const name of p.also_known_as ?? []) {
    words.add(name.trim());
    for (const w of name.split(/[\s,;/]+/)) if ([...w].length >= 2 && /^\p{Lu}/u.test(w)) words.add(w);
  }
  return [...words].filter((w) => w !== '');
}

// ---------------------------------------------------------------- words for a relative
// "Your sister", "her daughter", "his nephew": words that say who someone is to someone
// else. Relations are recorded to the child (`maternal_aunt`), so who is whose sister
// or daughter is worked out from them. Such a word names every person in the case who
// is that relative of the child or of someone recorded in `people` (a paternal aunt is
// the father's sister; the mother is the daughter of a recorded maternal grandmother).
// One exception, for the reader: a word that, said to the reader, means the child
// ("son" or "daughter" to a parent, "grandson" to a grandparent, "niece" to an aunt) is
// read as the child, unless the person is that relative of the reader too (a sister of
// the child is also the mother's daughter) or is protected from the reader (`risk_to`,
// `protected_address`): then every reading counts.

/** Where a relation puts someone in the family around the child. */
interface Kin {
  kind: 'parent' | 'parent_partner' | 'grandparent' | 'aunt_uncle' | 'sibling' | 'cousin';
  side?: 'maternal' | 'paternal';
  female?: boolean;
}

/** A relation to the child as a place in the family, or undefined (a carer, a friend, a worker). */
function kinOf(relation: string): Kin | undefined {
  const r = relation.toLowerCase().replace(/[\s-]+/g, '_');
  if (/great/.test(r)) return undefined;
  const side = /^(maternal|mothers?)_/.test(r) ? 'maternal' : /^(paternal|fathers?)_/.test(r) ? 'paternal' : undefined;
  const female = /(mother|mum|aunt|auntie|aunty|sister|grandma|gran|nan|daughter|niece)$/.test(r)
    ? true
    : /(father|dad|uncle|brother|grandpa|grandad|son|nephew)$/.test(r)
      ? false
      : undefined;
  if (/^(birth_)?(mother|mum)$/.test(r)) return { kind: 'parent', side: 'maternal', female: true };
  if (/^(birth_)?(father|dad)$/.test(r)) return { kind: 'parent', side: 'paternal', female: false };
  if (/^(birth_)?parent$/.test(r)) return { kind: 'parent' };
  if (/^step_?mother$/.test(r)) return { kind: 'parent_partner', side: 'paternal', female: true };
  if (/^step_?father$/.test(r)) return { kind: 'parent_partner', side: 'maternal', female: false };
  if (/(^|_)partner$/.test(r)) return { kind: 'parent_partner', side };
  if (/(^|_)grand(mother|father|parent|ma|pa|ad|dad)$/.test(r)) return { kind: 'grandparent', side, female };
  if (/(^|_)(aunt|auntie|aunty|uncle)$/.test(r)) return { kind: 'aunt_uncle', side, female };
  if (/(^|_)(half_|step_)?(sibling|brother|sister)$/.test(r)) return { kind: 'sibling', female };
  if (/(^|_)cousin$/.test(r)) return { kind: 'cousin', side };
  return undefined;
}

const PARTNER_WORDS = ['partner', 'ex-partner', 'husband', 'ex-husband', 'wife', 'ex-wife', 'boyfriend', 'girlfriend', 'ex'];
/** The words for a relative, by whether they are a woman (true), a man (false) or not known (both). */
const byGender = (female: boolean | undefined, women: string[], men: string[], either: string[] = []) =>
  female === true ? [...women, ...either] : female === false ? [...men, ...either] : [...women, ...men, ...either];

/** The words for what `target` is to `anchor` (the child when `anchor` is undefined), among those above. */
function relativeWords(anchor: Kin | undefined, target: Kin): string[] {
  const same = (a: Kin, b: Kin) => a.side === undefined || b.side === undefined || a.side === b.side;
  const sibling = () => byGender(target.female, ['sister'], ['brother'], ['sibling']);
  const child = () => byGender(target.female, ['daughter'], ['son']);
  if (anchor === undefined) return target.kind === 'sibling' ? sibling() : [];
  switch (anchor.kind) {
    case 'parent':
      if (target.kind === 'sibling') return [...child(), ...byGender(target.female, ['stepdaughter'], ['stepson'])];
      if (target.kind === 'parent_partner' && same(anchor, target)) return PARTNER_WORDS;
      if (target.kind === 'aunt_uncle') return same(anchor, target) ? sibling() : byGender(target.female, ['sister-in-law'], ['brother-in-law']);
      if (target.kind === 'cousin' && same(anchor, target)) return byGender(target.female, ['niece'], ['nephew']);
      return [];
    case 'parent_partner':
      if (target.kind === 'sibling') return [...child(), ...byGender(target.female, ['stepdaughter'], ['stepson'])];
      if (target.kind === 'parent' && same(anchor, target)) return PARTNER_WORDS;
      return [];
    case 'grandparent':
      if ((target.kind === 'parent' || target.kind === 'aunt_uncle') && same(anchor, target)) return child();
      if (target.kind === 'parent_partner' && same(anchor, target)) return byGender(target.female, ['daughter-in-law'], ['son-in-law']);
      if (target.kind === 'sibling' || (target.kind === 'cousin' && same(anchor, target)))
        return byGender(target.female, ['granddaughter'], ['grandson'], ['grandchild']);
      return [];
    case 'aunt_uncle':
      if ((target.kind === 'parent' || target.kind === 'aunt_uncle') && same(anchor, target)) return sibling();
      if (target.kind === 'sibling') return byGender(target.female, ['niece'], ['nephew']);
      if (target.kind === 'cousin' && same(anchor, target)) return child();
      return [];
    case 'sibling':
      return target.kind === 'sibling' ? sibling() : [];
    case 'cousin':
      return [];
  }
}

/** Words for a relative that name this person: what they are to the child or to anyone recorded in the case. */
function relativeWordsFor(data: CaseData, p: Person): Set<string> {
  const target = kinOf(p.relation);
  const out = new Set<string>();
  if (!target) return out;
  for (const w of relativeWords(undefined, target)) out.add(w);
  for (const other of data.people ?? []) {
    if (other === p || other.id === p.id) continue;
    const anchor = kinOf(other.relation);
    if (anchor) for (const w of relativeWords(anchor, target)) out.add(w);
  }
  return out;
}

/** The words that, said to this reader, mean the child ("son" to a parent). */
function childWordsFor(reader: Reader): Set<string> {
  const kin = reader.person ? kinOf(reader.person.relation) : undefined;
  return new Set(kin ? relativeWords(kin, { kind: 'sibling' }) : []);
}

/** Words for a relative that name this person in a copy for this reader (see above). */
export function relativeWordsIn(data: CaseData, p: Person, reader?: Reader): string[] {
  const words = relativeWordsFor(data, p);
  if (!reader || reader.riskTo.has(p.id) || p.protected_address === true) return [...words];
  const readerKin = reader.person ? kinOf(reader.person.relation) : undefined;
  const target = kinOf(p.relation);
  const toReader = new Set(readerKin && target ? relativeWords(readerKin, target) : []);
  const child = childWordsFor(reader);
  return [...words].filter((w) => !child.has(w) || toReader.has(w));
}

const FEMALE_TITLES = ['mrs', 'ms', 'miss', 'mx', 'm/s'];
const MALE_TITLES = ['mr', 'mx'];
/** Between a title and a name, or the parts of a name: nothing, or spaces, punctuation and Markdown marks ("Ms. F", "MsF", "Ms_F", "**Ms** F" read as written). */
const JOIN = String.raw`[\s._/‐‑–—*~\x60\\[\]|#^"'’<>():,;-]*`;
const SPACE = String.raw`[\s._‐‑–—*~\x60\\[\]|#^"'’<>():,;-]+`;

/** A pattern for one naming word: a title may be any of its kind, followed by the name however it is joined. */
function wordPattern(word: string): string {
  const parts = normalise(word)
    .split(/[\s.]+/)
    .filter((x) => x !== '');
  const title = parts[0]?.toLowerCase();
  const titles =
    title === undefined
      ? undefined
      : ['mrs', 'ms', 'miss', 'm/s'].includes(title)
        ? FEMALE_TITLES
        : title === 'mr'
          ? MALE_TITLES
          : title === 'mx'
            ? [...new Set([...FEMALE_TITLES, ...MALE_TITLES])]
            : undefined;
  // a title's letters may be spaced or dotted apart ("M s K", "M.s. K")
  if (titles && parts.length > 1)
    return `(?:${titles.map((t) => [...t].map(escapeRegExp).join('[\\s.]?')).join('|')})${JOIN}${parts.slice(1).map(escapeRegExp).join(JOIN)}`;
  return parts.map((x) => escapeRegExp(x).replace(/\\?[-‐‑–—]+/g, SPACE)).join(SPACE);
}

const namePatterns = new WeakMap<Person, Map<string, RegExp>>();

/**
 * Does this text name the person, by ref or relation, in any letter case, spelling or
 * joining, with plurals and possessives? Given the case, also by a word for a relative
 * ("sister", "daughter": see `relativeWordsIn`), read for `reader` when one is given.
 */
export function names(text: string, p: Person, within?: { data: CaseData; reader?: Reader }): boolean {
  const key = within === undefined ? '' : `for ${within.reader?.id ?? ''}`;
  let byReader = namePatterns.get(p);
  if (!byReader) namePatterns.set(p, (byReader = new Map()));
  let re = byReader.get(key);
  if (!re) {
    const words = [...new Set([...namingWords(p), ...(within ? relativeWordsIn(within.data, p, within.reader) : [])])];
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(wordPattern).join('|')})(?:['’]?s)?(?![\\p{L}\\p{N}])`, 'iu');
    byReader.set(key, re);
  }
  return readings(text).some((r) => re.test(r));
}

/** People other than the reader named in a text. */
export function othersNamed(data: CaseData, reader: Reader, text: string): Person[] {
  return (data.people ?? []).filter((p) => p.id !== reader.id && names(text, p, { data, reader }));
}

/** Does a text name someone the reader poses a risk to (or whose address is protected from others)? */
export function namesProtected(data: CaseData, reader: Reader, text: string): boolean {
  return othersNamed(data, reader, text).some((p) => reader.riskTo.has(p.id) || p.protected_address === true);
}

/**
 * May this text be shown to the reader? Never when it names someone protected from
 * the reader, holds an address, phone number, email, web address or any other way to
 * find someone (whoever's it is); to a reader who poses a risk to someone, never when
 * it says where anyone is or who reported what. Past that: a text a worker marked
 * shareable with the reader (`shareable`) is shown as written; other text is not when
 * it speaks of someone by "she" or "he" with where they are or their health; `owned`
 * (the reader's own record, or one a worker marked as shared with them) is shown
 * unless it names another adult with their whereabouts or health; other text only
 * when it names nobody else. `about`, the person whose record the text is in, counts as
 * named when it is someone else: "Moved to Harrogate" in another parent's goal marked
 * for the reader is withheld though it names no one, and nothing of the record of
 * someone protected from the reader is shown. Every screen reads the text as a reader
 * would (see `readings`).
 */
export function mayShow(data: CaseData, reader: Reader, text: string, owned: boolean, about?: string): boolean {
  // a field of someone else's record (a goal of theirs marked for the reader) is about them, whether it names them or not
  const owner = about === undefined || about === reader.id ? undefined : (data.people ?? []).find((p) => p.id === about);
  if (owner && (reader.riskTo.has(owner.id) || owner.protected_address === true)) return false;
  if (namesProtected(data, reader, text)) return false;
  if (placeIn(text) !== undefined) return false;
  const read = readings(text);
  const whereabouts = read.some((r) => WHEREABOUTS.test(r));
  const health = read.some((r) => HEALTH.test(r));
  // a reader who poses a risk to someone: nothing that could say where anyone is or who reported what
  if (reader.riskTo.size > 0 && whereaboutsIn(text, reader.places) !== undefined) return false;
  // a text a worker marked shareable with this reader: shown as written, whoever else it names and whatever it says of them
  if (reader.cleared.has(text)) return true;
  // "she has moved", "he is on tablets": about someone, and not shown to be the reader
  if ((whereabouts || health) && read.some((r) => THIRD_PERSON.test(r))) return false;
  const others = othersNamed(data, reader, text);
  if ((others.length > 0 || owner !== undefined) && (whereabouts || health)) return false;
  if (reader.id !== 'child' && reader.riskTo.has('child') && /\S/.test(text)) return owned;
  return owned || others.length === 0;
}

let identifierFound: string | undefined;
const IDENTIFIER_SCAN = textReplacer(identifierRules((_kind, found) => void (identifierFound ??= found)));

/** A web address: it can carry anything (a map search for a street, a social-media profile), so it is never read for what it holds. */
const URL =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S+|(?<![\p{L}\p{N}@.])(?:[\p{L}\p{N}-]+\.)+(?:com|org|net|uk|gl|ly|io|me|app|co|info|gov|nhs|page|link|to)(?:\/\S*)?(?![\p{L}\p{N}])/iu;

/** Ten digits or more, however they are spaced or dotted: a phone or NHS number ("0 7 7 0 0 9 0 0 1 2 3"). */
const DIGITS = /(?<![\p{L}\p{N}])\+?\d(?:[\s./()‐‑–—-]{0,3}\d){9,}(?!\p{N})/u;
/** Letters written for digits among digits ("077OO 9OO l23"), read as the digits. */
const asDigits = (t: string) =>
  t.replace(/(?<=[\dOoIl|][\s./-]?)[Oo]|[Oo](?=[\s./-]?[\dOo])|(?<=\d[\s./-]?)[Il|]|[Il|](?=[\s./-]?\d)/g, (c) => (/[Oo]/.test(c) ? '0' : '1'));

/** The first address, postcode, phone number, email, NHS number or web address in any reading of a text, also written with `+`, `_` or `%20` between its words. */
function identifierIn(text: string): string | undefined {
  for (const t of readings(text)) {
    const m = URL.exec(t) ?? DIGITS.exec(t) ?? DIGITS.exec(asDigits(t));
    if (m) return m[0];
    for (const x of [t, t.replace(/%20|[+_]/g, ' ')]) {
      identifierFound = undefined;
      IDENTIFIER_SCAN(x);
      if (identifierFound !== undefined) return identifierFound;
    }
  }
  return undefined;
}

/**
 * Does a text hold an address, postcode, phone number, email or NHS number (the
 * shapes redaction looks for), also when written with `+`, `_` or `%20` between its
 * words, with entities or Markdown in it, or a web address?
 */
export const holdsIdentifier = (text: string): boolean => identifierIn(text) !== undefined;

/**
 * Other ways a text can say where someone is: a flat, unit or house number; a
 * what3words address; a latitude and longitude or a grid reference; a workplace; a
 * refuge, an IDVA, a MARAC, a safe house.
 */
const PLACE_WORDS = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?:flat|apartment|apt|unit|room|house|block|no\.?|number|plot|pitch|berth)\s*#?\d{1,4}[a-z]?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:flat|apartment|apt|unit|room|house|block|number|plot)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)(?![\p{L}\p{N}])`,
    String.raw`\/\/\/\s*\p{L}+\.\p{L}+\.\p{L}+`,
    String.raw`(?<![\p{L}\p{N}.@])\p{Ll}{3,}\.\p{Ll}{3,}\.\p{Ll}{3,}(?![\p{L}\p{N}]|\.\p{L})`,
    String.raw`(?<![\p{L}\p{N}])(?:w3w|what\s?3\s?words|what\s?three\s?words)(?![\p{L}\p{N}])`,
    String.raw`-?\d{1,3}\.\d{2,}\s*°?\s*[NSns]?(?:\s*[,;/]\s*|\s+)-?\d{1,3}\.\d{2,}`,
    String.raw`\d{1,3}\s*°\s*\d{1,2}`,
    String.raw`\d{1,3}(?:\.\d+)?\s*°\s*[NSEW](?![\p{L}])`,
    String.raw`(?<![\p{L}\p{N}])(?:lat(?:itude)?|long(?:itude)?|lng|co-?ordinates?|grid\s*ref(?:erence)?s?|sat\s*-?nav|gps|geo-?tag\w*|(?:live|current|shared?)\s+location|dropped\s+a\s+pin|plus\s*code)(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:works?|working|worked|job|jobs|employed|employment|shifts?|volunteers?|volunteering)\s+(?:at|for|in|on)(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:workplace|employer|place\s+of\s+work|(?:at|to|from|near|outside|by|into|round)\s+(?:her|his|their)\s+(?:work|job|office|shop|salon|gym|(?:mum|dad|parent|family|friend|sister|brother|nan|gran)['’]?s?))(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:refuges?|idvas?|isvas?|marac|mappa|safe\s*-?house|women['’]?s\s+aid|sanctuary\s+scheme|(?:temporary|emergency)\s+accommodation|hostels?|shelter)(?![\p{L}\p{N}])`,
  ].join('|'),
  'iu',
);
/** An Ordnance Survey grid reference ("SE 2960 3340"), written in capitals. */
const GRID_REF = /(?<![\p{L}\p{N}])[HNOST][A-HJ-Z]\s?\d{3,5}\s?\d{3,5}(?![\p{L}\p{N}])/u;

/** The first identifier (`holdsIdentifier`) or other way to find someone (`PLACE_WORDS`) in any reading of a text: never in a family copy. */
export function placeIn(text: string): string | undefined {
  const found = identifierIn(text);
  if (found !== undefined) return found;
  for (const r of readings(text)) {
    const m = PLACE_WORDS.exec(r) ?? GRID_REF.exec(r);
    if (m) return m[0];
  }
  return undefined;
}

/** Does a text hold an identifier or any other way to find someone? */
export const holdsPlace = (text: string): boolean => placeIn(text) !== undefined;

/** What in a text could tell a reader who poses a risk to someone where anyone is, or who reported what (`placeIn`, and words such as "moved", "police", "statement", "nursery"). */
export function whereaboutsIn(text: string, places: readonly string[] = []): string | undefined {
  const found = placeIn(text);
  if (found !== undefined) return found;
  const local = localPlaces(places);
  for (const r of readings(text)) {
    const m = WHEREABOUTS.exec(r) ?? REPORTED.exec(r) ?? PLACES_TO_FIND.exec(r) ?? local?.exec(r);
    if (m) return m[0];
  }
  return undefined;
}

const localPlacePatterns = new Map<string, RegExp | undefined>();
/** One pattern for the council's own place and school names (the one redaction uses, redact/places.ts), read as the screens read text: folded, any letter case, the words apart by any gap. */
function localPlaces(places: readonly string[]): RegExp | undefined {
  const key = places.join('\n');
  if (!localPlacePatterns.has(key)) {
    const alternatives = placeNamesSource(places.map(normalise), String.raw`[\s._‐‑–—-]+`);
    localPlacePatterns.set(key, alternatives === undefined ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu'));
  }
  return localPlacePatterns.get(key);
}

/** Words about where someone is or where they moved. */
const WHEREABOUTS =
  /(?<![\p{L}\p{N}])(?:mov(?:e|ed|es|ing)|relocat\w*|tenancy|address(?:es)?|flat|refuge|hostel|whereabouts|postcode|phone|mobile|number|email|e-mail|lives|living|new home|new house|street|road|estate)(?![\p{L}\p{N}])/iu;

/** Words that say someone told the authorities something about someone. */
const REPORTED =
  /(?<![\p{L}\p{N}])(?:police|report(?:s|ed|ing)?|injunction|non-molestation|999|911|raised\s+(?:a\s+)?concerns?|concerns?\s+(?:were|was)\s+raised|referr(?:al|als|ed)|safeguarding|incidents?|witness\w*|disclos\w*|alleg\w*|statements?|complain\w*|contacted|called|rang|phoned|told\s+(?:us|the|police|social)|clare['’]?s\s+law|dvp[no]s?|mash|lado|evidence\s+against|pressed\s+charges)(?![\p{L}\p{N}])/iu;

/** Places and times where someone can be found (the school and its runs, a day of the week, a time of day), for a reader who poses a risk to someone. */
const PLACES_TO_FIND =
  /(?<![\p{L}\p{N}])(?:schools?|school\s+runs?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\d{1,2}[.:]\d{2}|\d{1,2}\s?(?:am|pm)|nursery|college|gym|church|mosque|temple|gurdwara|surgery|hospital|clinic|supermarket|pub|town|village|city|area|nearby|near|next\s+door)(?![\p{L}\p{N}])/iu;

/** Words about someone's health. */
const HEALTH =
  /(?<![\p{L}\p{N}])(?:health|mental|anxi\w*|depress\w*|counsell?\w*|therap\w*|medic\w*|tablets?|pills?|diagnos\w*|hospital\w*|gp|doctor|nurse|midwife|pregnan\w*|miscarr\w*|drugs?|alcohol\w*|drink\w*|rehab\w*|detox\w*|methadone|overdos\w*|self-?harm\w*|suicid\w*|psychiatr\w*|psycholog\w*|nerves|illness|ill|unwell|poorly|sick\w*|crisis|breakdown|admitted|disab\w*|camhs|sectioned|relaps\w*|in\s+recovery|recovering|cancer|hiv|condition)(?![\p{L}\p{N}])/iu;

/** He or she: text about a third person (not "they", which a worker writes of a family). */
const THIRD_PERSON = /(?<![\p{L}\p{N}])(?:she|he|her|hers|herself|him|his|himself)(?![\p{L}\p{N}])/iu;

/**
 * The refs a family copy would print (the case id, the child's ref, each person's ref,
 * the team's) that themselves hold something it must not show: an address, postcode,
 * phone number or other way to find someone (`placeIn`), or a name the file lists for
 * someone (`also_known_as`), read as a reader reads them (entities decoded). A copy
 * prints such a ref as "Withheld from this copy".
 */
export function unsafeRefs(data: CaseData): Set<string> {
  const known = (data.people ?? []).flatMap((p) =>
    (p.also_known_as ?? []).flatMap((name) => [name.trim(), ...name.split(/[\s,;/]+/).filter((w) => [...w].length >= 2 && /^\p{Lu}/u.test(w))]),
  );
  const aka = known.filter((w) => w !== '').map(wordPattern);
  const named = aka.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${aka.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  const refs = [data.id, data.child?.ref, ...(data.people ?? []).map((p) => p.ref), ...Object.values(data.team ?? {})];
  return new Set(
    refs.filter(
      (ref): ref is string =>
        typeof ref === 'string' && ref.trim() !== '' && (placeIn(ref) !== undefined || (named !== undefined && readings(ref).some((r) => named.test(r)))),
    ),
  );
}

/** Is the reader listed in a `share_with` / `shared_with` list? */
export const sharedWith = (list: readonly string[] | undefined, reader: Reader): boolean => (list ?? []).includes(reader.id);

/** Was the reader told of this decision: a dated entry for them in its sharing log (on or before `asOf`)? */
export function wasTold(d: Decision, readerId: string, asOf?: string): boolean {
  return (d.shared ?? []).some((s) => s.party === readerId && s.date !== undefined && (asOf === undefined || s.date <= asOf));
}

/** The decision in force at each point on `asOf` (the latest recorded there), latest first (the later point first on the same date). */
export function decisionsInForce(data: CaseData, asOf?: string): { point: DecisionPoint; decision: Decision }[] {
  return DECISION_POINTS.flatMap((point) => {
    const found = latestAt(data.decisions, point, asOf);
    return found ? [{ point, decision: found.record }] : [];
  }).sort((a, b) => b.decision.date.localeCompare(a.decision.date) || DECISION_POINTS.indexOf(b.point) - DECISION_POINTS.indexOf(a.point));
}

/** The points whose decision in force the reader was told of, latest first. */
export function toldPoints(data: CaseData, readerId: string, asOf?: string): DecisionPoint[] {
  return decisionsInForce(data, asOf)
    .filter(({ decision }) => wasTold(decision, readerId, asOf))
    .map(({ point }) => point);
}

/**
 * The decision point a family copy of the decision record is about when no
 * `--point` is given: the latest point whose decision the reader was told of,
 * never simply the latest point (that decision may not have been shared with them).
 */
export function toldPoint(data: CaseData, readerId: string, asOf?: string): DecisionPoint | undefined {
  return toldPoints(data, readerId, asOf)[0];
}

/** Why a family copy of the decision record has no point to show by default: the reader was told of no decision. */
export function noToldDecision(data: CaseData, reader: Reader, asOf: string): string {
  const inForce = decisionsInForce(data, asOf);
  const head = `no family copy of this decision record for ${reader.id}: ${reader.id} was not told of any decision on or before ${asOf} (no dated entry for ${reader.id} in decisions[].shared)`;
  if (inForce.length === 0) return `${head}; the case records no decision yet`;
  const points = inForce
    .map(({ point }) => point)
    .reverse()
    .join(', ');
  return reader.riskTo.size > 0
    ? `${head}; decisions are recorded at ${points}`
    : `${head}; decisions are recorded at ${points}: give --point to make a copy of one of them`;
}

/** The people a product is between: those who sign or agree it, or were told it (for a decision, the one in force at the point on `asOf`). */
export function partiesOf(product: FamilyProduct, data: CaseData, point?: DecisionPoint, asOf?: string): Set<string> {
  const people = data.people ?? [];
  switch (product) {
    case 'assessment':
      return new Set([
        ...people.filter((p) => p.pr === true || p.returning_to === true).map((p) => p.id),
        ...(data.capacity_to_change ?? []).map((c) => c.person),
      ]);
    case 'decision': {
      const decisions =
        point === undefined ? (data.decisions ?? []) : [latestAt(data.decisions, point, asOf)?.record].filter((d): d is Decision => d !== undefined);
      return new Set(
        decisions.flatMap((d) => (d.shared ?? []).filter((s) => s.date !== undefined && (asOf === undefined || s.date <= asOf)).map((s) => s.party)),
      );
    }
    case 'agreement':
      return new Set((data.agreement?.parents ?? []).map((p) => p.person));
    case 'transition':
      return new Set([...(data.transition?.agreed_by ?? []), ...people.filter((p) => p.returning_to === true).map((p) => p.id)]);
    case 'review':
      return new Set(people.filter((p) => p.returning_to === true || p.household === true).map((p) => p.id));
  }
}

const PRODUCT_WORDS: Record<FamilyProduct, string> = {
  assessment: 'the written assessment',
  decision: 'this decision record',
  agreement: 'the parental agreement',
  transition: 'the transition plan',
  review: 'the post-return review',
};

/**
 * Why no copy of this product may be made for this reader, or undefined. A
 * person recorded as posing a risk to someone gets a copy only of what they are a
 * party to: anything else about the household could tell them where it is and
 * what it does.
 */
export function refusal(product: FamilyProduct, data: CaseData, reader: Reader, point?: DecisionPoint, asOf?: string): string | undefined {
  if (reader.riskTo.size === 0 || !reader.person) return undefined;
  if (partiesOf(product, data, point, asOf).has(reader.id)) return undefined;
  const refused = `no family copy of ${PRODUCT_WORDS[product]}${point ? ` at ${point}` : ''} for ${reader.id}: the case records that ${reader.id} poses a risk to someone in it (people[].risk_to) and ${reader.id} is not a party to ${PRODUCT_WORDS[product]}`;
  if (product !== 'decision') return refused;
  const told = toldPoints(data, reader.id, asOf);
  return told.length > 0
    ? `${refused}; ${reader.id} was told of the decision at ${[...told].reverse().join(', ')}: give --point ${told[0]}`
    : `${refused}; ${reader.id} was not told of any decision`;
}

/** Is a goal the reader's own: recorded against them, or the only parent of the agreement when it names no owner? */
export function ownsGoal(data: CaseData, reader: Reader, goal: { person?: string }): boolean {
  if (goal.person !== undefined) return goal.person === reader.id;
  const parents = data.agreement?.parents ?? [];
  return parents.length === 1 && parents[0]?.person === reader.id;
}

/** A free-text field a family copy would show its reader as theirs (or marked for them). */
export interface OwnedText {
  path: string;
  text: string;
}

/**
 * The free-text fields of the front matter that a family copy for this reader
 * shows as the reader's own or as marked for them (the copy still leaves out any
 * that name someone the reader poses a risk to).
 */
export function ownedTexts(data: CaseData, reader: Reader): OwnedText[] {
  const out: OwnedText[] = [];
  const add = (path: string, text: string | undefined) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ path, text });
  };
  (data.agreement?.parents ?? []).forEach((p, i) => {
    if (p.person !== reader.id) return;
    add(`/agreement/parents/${i}/strengths`, p.strengths);
    add(`/agreement/parents/${i}/worries`, p.worries);
  });
  (data.capacity_to_change ?? []).forEach((c, i) => {
    if (c.person === reader.id) add(`/capacity_to_change/${i}/evidence`, c.evidence);
  });
  (data.agreement?.goals ?? []).forEach((g, i) => {
    if (!ownsGoal(data, reader, g) && !sharedWith(g.share_with, reader)) return;
    add(`/agreement/goals/${i}/goal`, g.goal);
    (g.steps ?? []).forEach((s, j) => add(`/agreement/goals/${i}/steps/${j}`, s));
    add(`/agreement/goals/${i}/support`, g.support);
    add(`/agreement/goals/${i}/success`, g.success);
    (g.progress ?? []).forEach((p, j) => add(`/agreement/goals/${i}/progress/${j}/comment`, p.comment));
  });
  (data.decisions ?? []).forEach((d, i) => {
    (d.shared ?? []).forEach((s, j) => {
      if (s.party === reader.id) add(`/decisions/${i}/shared/${j}/summary`, s.summary);
    });
    if (!sharedWith(d.share_with, reader)) return;
    add(`/decisions/${i}/reasons`, d.reasons);
    const conditions = d.conditions === undefined ? [] : Array.isArray(d.conditions) ? d.conditions : [d.conditions];
    if (Array.isArray(d.conditions)) conditions.forEach((c, j) => add(`/decisions/${i}/conditions/${j}`, c));
    else add(`/decisions/${i}/conditions`, conditions[0]);
  });
  if ((data.agreement?.parents ?? []).some((p) => p.person === reader.id)) {
    (data.agreement?.non_negotiables ?? []).forEach((n, i) => add(`/agreement/non_negotiables/${i}`, n));
    add('/agreement/backup_plan', data.agreement?.backup_plan ?? undefined);
  }
  return out;
}

/** People whose name must not travel: a protected address, or someone another person poses a risk to. */
export function protectedPeople(data: CaseData): Person[] {
  const atRisk = new Set((data.people ?? []).flatMap((p) => (p.risk_to ?? []).map((r) => r.id)));
  return (data.people ?? []).filter((p) => p.protected_address === true || atRisk.has(p.id));
}
