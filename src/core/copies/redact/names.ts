// Names the tool knows, broken into the tokens that identify someone, and how each
// token is matched in text: in any letter case, with or without its accents and
// apostrophes, with a possessive or plural ending, on either side of a hyphen or
// dash. Pure.

/** Titles: kept, and what follows them is a name even when the tool does not know it. */
export const TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Master',
  'Sir',
  'Dame',
  'Prof',
  'Professor',
  'Rev',
  'Revd',
  'Reverend',
  'Lady',
  'Lord',
  'Councillor',
  'Cllr',
  'Nurse',
  'Sister',
  'Father',
  'Brother',
  'Canon',
  'Pastor',
  'Imam',
  'Rabbi',
  'PC',
  'PCSO',
  'DC',
  'DS',
  'DI',
  'DCI',
  'Sgt',
  'Sergeant',
  'Inspector',
  'Constable',
  'Supt',
  'Judge',
  'HHJ',
];
/** Police ranks, which may have a collar number between them and the name: "PC 1234 Evans". */
export const POLICE_TITLES = ['PC', 'PCSO', 'DC', 'DS', 'DI', 'DCI', 'Sgt', 'Sergeant', 'Inspector', 'Constable', 'Supt'];
/** Abbreviations written like initials, in lower case, left as they are even where the letters are someone's initials (in capitals they are initials). */
export const ABBREVIATIONS = new Set([
  'e.g.',
  'i.e.',
  'a.m.',
  'p.m.',
  'n.b.',
  'c.f.',
  'o.k.',
  'q.v.',
  'v.s.',
  'a.k.a.',
  'r.i.p.',
  'p.s.',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'n.b',
]);
/** Role words that, before initials, name a professional: "SW J.P.", "TM A.O.", "IRO B.B.". */
export const ROLES = ['SW', 'TM', 'IRO', 'FSW', 'DSL', 'HV', 'GP', 'PA', 'CG', 'SSW', 'ASW', 'PO', 'YOT', 'CAMHS'];
/** Words in a ref that say what someone is, not who: kept as they are. */
const ROLE_WORDS = new Set(
  [
    'child',
    'children',
    'baby',
    'foster',
    'carer',
    'carers',
    'family',
    'sibling',
    'siblings',
    'brother',
    'sister',
    'half-brother',
    'half-sister',
    'mum',
    'mom',
    'dad',
    'mother',
    'father',
    'parent',
    'parents',
    'gran',
    'granny',
    'grandma',
    'grandad',
    'grandmother',
    'grandfather',
    'grandparents',
    'nan',
    'nana',
    'aunt',
    'auntie',
    'aunty',
    'uncle',
    'cousin',
    'partner',
    'stepmum',
    'stepdad',
    'step-mum',
    'step-dad',
    'maternal',
    'paternal',
    'kinship',
    'connected',
    'person',
    'and',
    '&',
    'of',
    'the',
    'social',
    'worker',
    'team',
    'manager',
    'residential',
    'unit',
    'home',
    'staff',
    'key',
    'keyworker',
    'guardian',
    'school',
    'teacher',
    'head',
    'year',
    'form',
    'tutor',
    'class',
    'pastoral',
    'senco',
    'nurse',
    'health',
    'visitor',
    'officer',
    'police',
    'reviewing',
    'independent',
    'support',
    'lead',
    'designated',
    'safeguarding',
    'youth',
    'work',
    'therapist',
    'mentor',
    'counsellor',
    'friend',
    'neighbour',
    'coach',
    'leader',
    'coordinator',
    'practitioner',
    'advocate',
    'solicitor',
    'doctor',
    'midwife',
    'paediatrician',
    'psychologist',
    'psychiatrist',
    'consultant',
    'adviser',
    'advisor',
    'assistant',
    'deputy',
    'senior',
    'family-support',
    'volunteer',
    'pastor',
    'vicar',
    'priest',
    'imam',
    'rabbi',
    'step',
    'half',
    'great',
    'godparent',
    'godmother',
    'godfather',
    'birth',
    'former',
    'new',
    'ex',
  ].concat([...TITLES, ...ROLES].map((t) => t.toLowerCase())),
);
/** Lower-case particles of a surname ("de la Cruz"): not a name alone. */
const PARTICLES = new Set(['de', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'bin', 'ibn', 'al', 'el', 'ap']);
const APOSTROPHES = "'’ʼ‘`";
const DASHES = /[-‐‑‒–—―]/u;

export type NameTokenKind = 'word' | 'initial' | 'code' | 'initials';
export interface NameToken {
  kind: NameTokenKind;
  /** As written: "Gould", "L", "F1", "R.M.", "O'Neill". */
  text: string;
  /** The form every variant of the token folds to ("gould", "L", "F1", "RM", "oneill"). */
  key: string;
  /** The parts of a hyphenated name written together ("ThompsonBaptiste"): matched only as written together. */
  joined?: boolean;
}

/** Lower case, accents and apostrophes removed: "Zoë" → "zoe", "O’Neill" → "oneill". */
export function foldWord(word: string): string {
  return baseLetters(word.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(new RegExp(`[${APOSTROPHES}]`, 'gu'), '')
    .toLowerCase();
}

/** Letters that carry their accent without a combining mark, as they are written without it: "Łukasz" is also "Lukasz". */
const PLAIN: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
};
function baseLetters(s: string): string {
  // every letter the class matches is a key of PLAIN
  return s.replace(/[łŁøØđĐðÐıħĦŀĿßæÆœŒþÞ]/gu, (c) => PLAIN[c]!);
}

const stripPunctuation = (s: string) => s.replace(/^[\s"“”([{,;:]+|[\s"“”)\]},;:!?]+$/gu, '');

/** The tokens of one name or ref that identify someone: "Mrs Patricia Gould" → Patricia, Gould; "Child F1" → F1; "SW R.M." → R.M. */
export function nameTokens(name: string): NameToken[] {
  const out: NameToken[] = [];
  const add = (kind: NameTokenKind, text: string, key: string) => {
    if (!out.some((t) => t.kind === kind && t.key === key)) out.push({ kind, text, key });
  };
  const word = (w: string): boolean => {
    if (/^\p{L}$/u.test(w)) {
      if (/^\p{Lu}$/u.test(w)) add('initial', w, w);
      return false;
    }
    if (!/\p{L}/u.test(w) || /^\p{N}+$/u.test(w)) return false;
    if (/^\p{L}+\p{N}+$/u.test(w)) return (add('code', w, w.toUpperCase()), false);
    if (ROLE_WORDS.has(w.toLowerCase()) || PARTICLES.has(w)) return false;
    const folded = foldWord(w);
    if (folded.length >= 2) add('word', w, folded);
    // O'Neill is also written Neill; D'Arcy, Arcy
    const parts = w.split(new RegExp(`[${APOSTROPHES}]`, 'u')).filter((p) => p.length >= 2 && p !== w);
    for (const p of parts) if (!ROLE_WORDS.has(p.toLowerCase())) add('word', p, foldWord(p));
    return folded.length >= 2;
  };
  // the first letter of each name word ("Zoë Thompson-Baptiste": Z T), and of each part of it (Z T B), for initials
  const wordLetters: string[] = [];
  const partLetters: string[] = [];
  for (const raw of name.normalize('NFC').split(/\s+/u)) {
    const piece = stripPunctuation(raw);
    if (piece === '') continue;
    if (/^(?:\p{L}\.\s?){2,}$/u.test(piece) || /^\p{L}\.(?:\p{L}\.?)+$/u.test(piece)) {
      add('initials', piece, initialsKey(piece));
      continue;
    }
    const bare = piece.replace(/\.$/, '');
    if (ROLE_WORDS.has(bare.toLowerCase())) continue;
    const parts = bare.split(DASHES).filter((p) => p !== '');
    const named = parts.filter((part) => word(part));
    // a name as written with lower-case letters; "RM" is someone's initials, not a name word with an initial of its own
    if (named.length === 0 || !/\p{Ll}/u.test(bare)) continue;
    const initial = (w: string) => String.fromCodePoint(w.normalize('NFC').codePointAt(0)!).toUpperCase();
    wordLetters.push(initial(named[0]!)); // named has a word: checked above
    partLetters.push(...named.map(initial));
    // "Thompson-Baptiste" is also written "ThompsonBaptiste"
    if (named.length > 1 && !out.some((t) => t.kind === 'word' && t.key === foldWord(named.join(''))))
      out.push({ kind: 'word', text: named.join(''), key: foldWord(named.join('')), joined: true });
  }
  if (wordLetters[0] !== undefined && /^\p{Lu}$/u.test(wordLetters[0])) {
    // a first name's initial standing alone ("K." for Kay), and a full name's initials ("PG", "P.G.", "ZTB", "Z T-B", "ZB")
    add('initial', wordLetters[0], wordLetters[0]);
    // the first name and the last part of the surname too ("Patricia O'Neill-Gould": PG)
    const firstAndLast = partLetters.length > 2 ? [partLetters[0]!, partLetters[partLetters.length - 1]!] : []; // in range: more than two letters
    for (const letters of [wordLetters, partLetters, firstAndLast])
      if (letters.length >= 2 && letters.every((l) => /^\p{Lu}$/u.test(l))) add('initials', letters.join('.') + '.', initialsKey(letters.join('')));
  }
  return out;
}

/**
 * Grammatical endings a name takes in other languages, written after it unchanged (Polish, Czech, Slovak,
 * Russian: Kowalczyka, Kowalczykowi, Kowalczykiem, Kowalczyków, Nováka, Ivanovu). Only after a known name
 * word of four letters or more. Endings that make common English words of names (-y, -ie, -i, -ow without
 * its accent) are left out.
 */
export const NAME_ENDINGS = [
  'owie',
  'owi',
  'ovi',
  'iem',
  'em',
  'om',
  'ów',
  'ami',
  'ach',
  'ego',
  'emu',
  'ym',
  'im',
  'ej',
  'owa',
  'owej',
  'ową',
  'ová',
  'ovu',
  'ovou',
  'ui',
  'ą',
  'ę',
  'a',
  'u',
  'e',
];
/** Endings that take the place of a name's last vowel (Kowalska → Kowalskiej, Kowalską; Kowalski → Kowalskim), after a stem of five letters or more. */
export const STEM_ENDINGS = ['iej', 'ej', 'iego', 'ego', 'iemu', 'emu', 'ich', 'ych', 'im', 'ym', 'ą', 'ę', 'a', 'e', 'u', 'y', 'i', 'o'];
/** The last letters of a known name word a stem ending can take the place of. */
const STEM_VOWELS = ['a', 'i', 'y'];
const foldedEndings = (endings: readonly string[]) => [...new Set(endings.map((e) => foldWord(e)))];
const FOLDED_NAME_ENDINGS = foldedEndings(NAME_ENDINGS);
const FOLDED_STEM_ENDINGS = foldedEndings(STEM_ENDINGS);

/** Endings as a pattern, as written (an accented ending only with its accent), longest first. */
export function endingsPattern(endings: readonly string[]): string {
  return [...endings]
    .sort((a, b) => b.length - a.length)
    .map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/**
 * The known name words a folded word may be, with a grammatical ending taken off ("kowalczykowi" → kowalczyk;
 * "kowalskiej" → kowalska), each with the length of the ending as folded.
 */
export function inflectedKeys(folded: string, isKnown: (key: string) => boolean): { key: string; ending: number }[] {
  const out: { key: string; ending: number }[] = [];
  for (const e of FOLDED_NAME_ENDINGS) {
    const stem = folded.slice(0, -e.length);
    if (folded.endsWith(e) && stem.length >= 4 && isKnown(stem)) out.push({ key: stem, ending: e.length });
  }
  for (const e of FOLDED_STEM_ENDINGS) {
    const stem = folded.slice(0, -e.length);
    if (!folded.endsWith(e) || stem.length < 5) continue;
    for (const v of STEM_VOWELS) if (stem + v !== folded && isKnown(stem + v)) out.push({ key: stem + v, ending: e.length });
  }
  return out;
}

/** Every Latin letter with an accent, by the plain letter it folds to ("a" → "àáâãäåāăą…"), so a name matches with an accent added or taken away. */
const ACCENTED = (() => {
  const out = new Map<string, string>();
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!/\p{L}/u.test(ch)) continue;
      const folded = foldWord(ch);
      if (folded.length === 1 && folded !== ch) out.set(folded, (out.get(folded) ?? '') + ch);
    }
  }
  return out;
})();

/**
 * A pattern for one word token: any letter case, any accent on any letter or none
 * ("Kàyleigh", a stray combining mark), apostrophes optional or any kind; `split` lets a
 * dash fall between any two letters ("Kay-leigh").
 */
export function wordPattern(token: string, split = false): string {
  let out = '';
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  for (const ch of token.normalize('NFC')) {
    if (split && out !== '') out += '[‐‑‒–—―-]?';
    if (APOSTROPHES.includes(ch)) {
      out += `[${APOSTROPHES}]?`;
      continue;
    }
    if (/\p{M}/u.test(ch)) continue;
    const folded = foldWord(ch);
    const variants = folded.length === 1 ? ACCENTED.get(folded) : undefined;
    if (variants !== undefined) out += `[${esc(ch)}${esc(folded)}${esc(folded.toUpperCase())}${esc(variants)}]\\p{M}*`;
    else {
      const base = baseLetters(ch.normalize('NFD').replace(/\p{M}/gu, ''));
      out += (base !== ch && base !== '' ? `(?:${esc(ch)}|${esc(base)})` : esc(ch)) + '\\p{M}*';
    }
  }
  return out;
}

/** What initials come to, however written: capitals without accents ("Ł.W." → "LW"). */
export function initialsKey(letters: string): string {
  return foldWord(letters.replace(/[^\p{L}\p{M}]/gu, '')).toUpperCase();
}

/** A pattern for initials "R.M.", "Ł.W.": with or without dots, spaces, dashes and accents. */
export function initialsPattern(letters: string): string {
  return [...letters.normalize('NFC')].map((l) => `${wordPattern(l)}\\.?`).join('(?:\\s|[‐‑-])?');
}

/** Letter case of the original carried to the pseudonym: GOULD → ASHDOWN, gould → ashdown. */
export function caseLike(original: string, pseudonym: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return pseudonym.toUpperCase();
  if (letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return pseudonym.toLowerCase();
  return pseudonym;
}

/**
 * A run of letters cut into known name words ("kayleighsmith" → kayleigh, smith), each
 * of three letters or more, as written; undefined when it cannot be cut so.
 */
export function knownPieces(letters: string, isKnown: (folded: string) => boolean): string[] | undefined {
  const chars = [...letters];
  const best: (string[] | undefined)[] = Array.from({ length: chars.length + 1 }, () => undefined);
  best[0] = [];
  for (let i = 3; i <= chars.length; i++) {
    for (let j = 0; j <= i - 3; j++) {
      const before = best[j];
      const piece = chars.slice(j, i).join('');
      if (before !== undefined && isKnown(foldWord(piece))) {
        best[i] = [...before, piece];
        break;
      }
    }
  }
  return best[chars.length];
}

/** How many known name words (three letters or more each) a folded run of letters cuts into, or 0 when it cannot be cut so. */
export function knownPieceCount(folded: string, isKnown: (folded: string) => boolean): number {
  const best = new Array<number>(folded.length + 1).fill(0);
  best[0] = -1;
  for (let i = 3; i <= folded.length; i++) {
    for (let j = 0; j <= i - 3; j++) {
      if (best[j] !== 0 && isKnown(folded.slice(j, i))) {
        best[i] = Math.max(1, best[j]! + 1);
        break;
      }
    }
  }
  return Math.max(0, best[folded.length]!);
}

/** A name's first initial written onto each later word of it ("Kayleigh Smith" → "ksmith"), folded: how user names and email addresses are made. */
export function initialWords(name: string): string[] {
  const words = name
    .normalize('NFC')
    .split(/[\s‐‑‒–—―-]+/u)
    .map(stripPunctuation)
    .filter((w) => /\p{L}{2,}/u.test(w) && !ROLE_WORDS.has(w.toLowerCase()) && !PARTICLES.has(w));
  const first = words[0];
  if (first === undefined || words.length < 2) return [];
  const letter = foldWord(String.fromCodePoint(first.codePointAt(0)!));
  return words
    .slice(1)
    .map((w) => letter + foldWord(w))
    .filter((k) => k.length >= 4);
}
