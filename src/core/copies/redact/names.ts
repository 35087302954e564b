// Names the tool knows, broken into the tokens that identify someone, and how each
// token is matched in text: in any letter case, with or without its accents and
// apostrophes, with a possessive or plural ending, on either side of a hyphen or
// dash. Pure.

/** Titles: kept, and what follows them is a name even when the tool does not know it. */
export const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master', 'Sir', 'Dame', 'Prof', 'Professor', 'Rev', 'Revd', 'Reverend', 'Lady', 'Lord', 'Councillor', 'Cllr', 'Nurse',
  'Sister', 'Father', 'Brother', 'Canon', 'Pastor', 'Imam', 'Rabbi', 'PC', 'DC', 'DS', 'DI', 'Sgt', 'Sergeant', 'Inspector', 'Judge', 'HHJ',
];
/** Role words that, before initials, name a professional: "SW J.P.", "TM A.O.", "IRO B.B.". */
export const ROLES = ['SW', 'TM', 'IRO', 'FSW', 'DSL', 'HV', 'GP', 'PA', 'CG', 'SSW', 'ASW', 'PO', 'YOT', 'CAMHS'];
/** Words in a ref that say what someone is, not who: kept as they are. */
const ROLE_WORDS = new Set(
  [
    'child', 'children', 'baby', 'foster', 'carer', 'carers', 'family', 'sibling', 'siblings', 'brother', 'sister', 'half-brother', 'half-sister',
    'mum', 'mom', 'dad', 'mother', 'father', 'parent', 'parents', 'gran', 'granny', 'grandma', 'grandad', 'grandmother', 'grandfather', 'grandparents', 'nan', 'nana',
    'aunt', 'auntie', 'aunty', 'uncle', 'cousin', 'partner', 'stepmum', 'stepdad', 'step-mum', 'step-dad', 'maternal', 'paternal', 'kinship', 'connected', 'person',
    'and', '&', 'of', 'the', 'social', 'worker', 'team', 'manager', 'residential', 'unit', 'home', 'staff', 'key', 'keyworker', 'guardian', 'school', 'teacher',
    'head', 'nurse', 'health', 'visitor', 'officer', 'police', 'reviewing', 'independent', 'support', 'lead', 'designated', 'safeguarding',
    'youth', 'work', 'therapist', 'mentor', 'counsellor', 'friend', 'neighbour', 'coach', 'leader', 'coordinator', 'practitioner', 'advocate', 'solicitor',
    'doctor', 'midwife', 'paediatrician', 'psychologist', 'psychiatrist', 'consultant', 'adviser', 'advisor', 'assistant', 'deputy', 'senior', 'family-support',
    'volunteer', 'pastor', 'vicar', 'priest', 'imam', 'rabbi', 'step', 'half', 'great', 'godparent', 'godmother', 'godfather', 'birth', 'former', 'new', 'ex',
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
}

/** Lower case, accents and apostrophes removed: "Zoë" → "zoe", "O’Neill" → "oneill". */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(new RegExp(`[${APOSTROPHES}]`, 'gu'), '')
    .toLowerCase();
}

const stripPunctuation = (s: string) => s.replace(/^[\s"“”([{,;:]+|[\s"“”)\]},;:!?]+$/gu, '');

/** The tokens of one name or ref that identify someone: "Mrs Patricia Gould" → Patricia, Gould; "Child F1" → F1; "SW R.M." → R.M. */
export function nameTokens(name: string): NameToken[] {
  const out: NameToken[] = [];
  const add = (kind: NameTokenKind, text: string, key: string) => {
    if (!out.some((t) => t.kind === kind && t.key === key)) out.push({ kind, text, key });
  };
  const word = (w: string) => {
    if (/^\p{L}$/u.test(w)) {
      if (/^\p{Lu}$/u.test(w)) add('initial', w, w);
      return;
    }
    if (!/\p{L}/u.test(w) || /^\p{N}+$/u.test(w)) return;
    if (/^\p{L}+\p{N}+$/u.test(w)) return add('code', w, w.toUpperCase());
    if (ROLE_WORDS.has(w.toLowerCase()) || PARTICLES.has(w)) return;
    const folded = foldWord(w);
    if (folded.length >= 2) add('word', w, folded);
    // O'Neill is also written Neill; D'Arcy, Arcy
    const parts = w.split(new RegExp(`[${APOSTROPHES}]`, 'u')).filter((p) => p.length >= 2 && p !== w);
    for (const p of parts) if (!ROLE_WORDS.has(p.toLowerCase())) add('word', p, foldWord(p));
  };
  for (const raw of name.normalize('NFC').split(/\s+/u)) {
    const piece = stripPunctuation(raw);
    if (piece === '') continue;
    if (/^(?:\p{L}\.\s?){2,}$/u.test(piece) || /^\p{L}\.(?:\p{L}\.?)+$/u.test(piece)) {
      const letters = piece.replace(/[.\s]/g, '').toUpperCase();
      add('initials', piece, letters);
      continue;
    }
    const bare = piece.replace(/\.$/, '');
    if (ROLE_WORDS.has(bare.toLowerCase())) continue;
    for (const part of bare.split(DASHES)) if (part !== '') word(part);
  }
  return out;
}

/** A pattern for one word token: any letter case, accents optional, apostrophes optional or any kind. */
export function wordPattern(token: string): string {
  let out = '';
  for (const ch of token.normalize('NFC')) {
    if (APOSTROPHES.includes(ch)) {
      out += `[${APOSTROPHES}]?`;
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    out += base !== ch && base !== '' ? `(?:${esc(ch)}|${esc(base)})` : esc(ch);
  }
  return out;
}

/** A pattern for initials "R.M.": with or without dots and spaces. */
export function initialsPattern(letters: string): string {
  return [...letters].map((l) => `${l}\\.?`).join('\\s?');
}

/** Letter case of the original carried to the pseudonym: GOULD → ASHDOWN, gould → ashdown. */
export function caseLike(original: string, pseudonym: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return pseudonym.toUpperCase();
  if (letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return pseudonym.toLowerCase();
  return pseudonym;
}
