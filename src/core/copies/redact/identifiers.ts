// UK identifiers found by their shape, whoever they belong to: email addresses,
// street addresses, postcodes, phone numbers, NHS numbers, National Insurance numbers
// and hospital numbers. Each is replaced by a placeholder that says what was there
// ("[phone number]"). In a phone or NHS number a letter O stands for a nought
// ("O7700 9OO123"). Pure.
import { BEFORE, AFTER, type TextRule } from './engine.js';

export const IDENTIFIER_KINDS = [
  'email addresses',
  'street addresses',
  'postcodes',
  'phone numbers',
  'NHS numbers',
  'National Insurance numbers',
  'hospital numbers',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const PLACEHOLDERS: Record<IdentifierKind, string> = {
  'email addresses': '[email address]',
  'street addresses': '[street address]',
  postcodes: '[postcode]',
  'phone numbers': '[phone number]',
  'NHS numbers': '[NHS number]',
  'National Insurance numbers': '[National Insurance number]',
  'hospital numbers': '[hospital number]',
};

/** Street words that end a street name. */
const STREET_WORDS = [
  'Road',
  'Rd',
  'Street',
  'St',
  'Lane',
  'Ln',
  'Avenue',
  'Ave',
  'Close',
  'Drive',
  'Dr',
  'Way',
  'Crescent',
  'Cres',
  'Court',
  'Ct',
  'Place',
  'Pl',
  'Gardens',
  'Gdns',
  'Grove',
  'Terrace',
  'Tce',
  'Square',
  'Sq',
  'Hill',
  'Row',
  'Walk',
  'Mews',
  'Park',
  'View',
  'Rise',
  'Parade',
  'Green',
  'Vale',
  'Wharf',
  'Gate',
  'Mead',
  'Meadow',
  'Meadows',
  'Fields',
  'Croft',
  'Chase',
  'Lea',
  'Hollow',
  'Yard',
  'Passage',
  'Boulevard',
  'Broadway',
  'Embankment',
  'Quay',
  'Heights',
  'Villas',
  'Cottages',
  'Estate',
];
/** Street words that are a street even without a house number before them ("lives on Mill Lane"). */
const STRONG_STREET_WORDS = [
  'Road',
  'Street',
  'Lane',
  'Avenue',
  'Close',
  'Drive',
  'Crescent',
  'Terrace',
  'Grove',
  'Gardens',
  'Mews',
  'Boulevard',
  'Way',
  'Walk',
  'Row',
  'Place',
  'Court',
  'Hill',
  'Square',
  'Green',
  'Rise',
  'Vale',
  'Parade',
];
const STREET = `(?:${[...STREET_WORDS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const NAME_WORD = String.raw`[\p{L}\p{M}'’-]+`;

const startsUpper = (w: string) => /^\p{Lu}/u.test(w);
/** A digit, or a letter O written for a nought. */
const D = '[\\dOo]';
/** Letters O for noughts: no more of them than real digits, so a run of letters is not read as a number. */
const fewOs = (m: string) => (m.match(/[Oo]/g) ?? []).length <= (m.match(/\d/g) ?? []).length;
/** Words before a hospital number: "MRN 1234567", "hospital no. K123456", "hospital number: 1234567", "patient ID 7654321". */
const HOSPITAL_CUE = String.raw`(?:MRN|hospital\s*(?:no\.?|nr\.?|number|num\.?|#|id|ref)|patient\s*(?:no\.?|number|id)|unit\s*(?:no\.?|number)|case\s*notes?\s*(?:no\.?|number))`;

export function identifierRules(count: (kind: IdentifierKind, found: string) => void): TextRule[] {
  let found = '';
  const placeholder = (kind: IdentifierKind) => (count(kind, found), PLACEHOLDERS[kind]);
  const rules: TextRule[] = [
    {
      source: String.raw`${BEFORE}[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}${AFTER}`,
      replace: () => placeholder('email addresses'),
    },
    {
      // written to dodge a filter: "pat [at] example [dot] com", "pat at example dot com"
      source: String.raw`${BEFORE}[\p{L}\p{N}._%+'-]+\s*(?:[[(]\s*at\s*[\])]|\s(?:at|AT)\s)\s*[\p{L}\p{N}-]+(?:(?:\s*[[(]\s*dot\s*[\])]\s*|\s+(?:dot|DOT)\s+|\.)[\p{L}\p{N}-]+)+${AFTER}`,
      replace: (m) => (/dot|\.\p{L}{2,}$/iu.test(m) || /[[(]\s*at/iu.test(m) ? placeholder('email addresses') : undefined),
    },
    {
      // 12 Acacia Avenue, Flat 3, 14a Mill Lane, 7 St Ann's Road
      source: String.raw`${BEFORE}(?:(?:flat|apartment|apt|unit)\s+\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+(?:${NAME_WORD}\s+){1,3}${STREET}${AFTER}`,
      replace: (m) => {
        const words = m.replace(/^(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+/i, '').split(/\s+/);
        // split always gives at least one part.
        const street = words.at(-1)!.replace(/\.$/, '');
        const name = words.slice(0, -1);
        // "2 weeks in a row" is not an address: the street's name is capitalised, or its street word is unmistakable
        const capitalised = name.every(startsUpper) && startsUpper(street);
        const strong = STRONG_STREET_WORDS.some((s) => s.toLowerCase() === street.toLowerCase()) && name.length <= 2;
        return capitalised || strong ? placeholder('street addresses') : undefined;
      },
    },
    {
      // a street named without a number: capitalised words and an unmistakable street word
      source: String.raw`${BEFORE}(?:\p{Lu}${NAME_WORD}\s+){1,3}(?:${STRONG_STREET_WORDS.join('|')})${AFTER}`,
      replace: (m) => (m.split(/\s+/).every(startsUpper) ? placeholder('street addresses') : undefined),
    },
    {
      // spaced, or split by any dash or a dot ("LS6 2AB", "LS6-2AB", "LS6‑2AB", "ls6.2ab")
      source: String.raw`${BEFORE}(?:GIR(?:\s+|[-‐‑‒–—.])?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])(?:\s+|[-‐‑‒–—.])?\d[ABD-HJLNP-UW-Z]{2})${AFTER}`,
      replace: () => placeholder('postcodes'),
    },
    {
      // +44 7700 900123, 0044 7700 900123, +44 (0)20 7946 0000, 07700 900123, 07700.900.123, 0161 496 0000, (01632) 960000, 020-7946-0000, tel 7700 900123
      // and with a letter O for a nought: 077OO 9OO 123, O7700 900123
      source: String.raw`(?<![\p{L}\p{N}+])(?:(?:\+|[0Oo]{2}[\s./-]?)44[\s./-]?(?:\([0Oo]\)[\s./-]?)?|\(?[0Oo]|(?<=(?:tel|phone|mobile|mob|call|ring|on)[.:]?\s{1,3}))[1-37-9](?:\)?[\s./-]?${D}){8,9}${AFTER}`,
      replace: (m) => (fewOs(m) ? placeholder('phone numbers') : undefined),
    },
    {
      // NHS number: ten digits, often 3 3 4, with spaces, dashes, dots or slashes anywhere between them (a letter O for a nought too)
      source: String.raw`(?<![\p{L}\p{N}])${D}{3}(?:[\s./-]?${D}{3}[\s./-]?${D}{4}|[\s./-]?${D}{4}[\s./-]?${D}{3})${AFTER}`,
      replace: (m) => (fewOs(m) ? placeholder('NHS numbers') : undefined),
    },
    {
      // National Insurance number: two letters, six digits (in pairs or not), and a letter A to D: QQ 12 34 56 C, QQ123456C, qq-12-34-56-c
      source: String.raw`${BEFORE}\p{L}{2}(?:[\s.-]?\d{2}){3}(?:[\s.-]?[A-D])?${AFTER}`,
      replace: (m, text, at) => {
        const letters = m.slice(0, 2);
        if (!/^[A-Z]{2}$/i.test(letters)) return undefined;
        // in capitals, or after words that say what it is ("NI number qq123456c")
        const cued = /(?:national\s+insurance|\bNI\b|\bNINO\b)[\s\p{P}]*(?:no\.?|number|num\.?)?[\s:#.]*$/iu.test(text.slice(Math.max(0, at - 40), at));
        return letters === letters.toUpperCase() || cued ? placeholder('National Insurance numbers') : undefined;
      },
    },
    {
      // a hospital number after the words that name it: MRN 1234567, Hospital no. K123456, hospital number: RX1 234 567
      source: String.raw`(?<![\p{L}\p{N}])${HOSPITAL_CUE}[\s:#.]*\p{L}{0,3}\d+(?:[\s/-]?\d+)*\p{L}?${AFTER}`,
      replace: (m) => {
        const cue = new RegExp(`^${HOSPITAL_CUE}[\\s:#.]*`, 'iu').exec(m)?.[0] ?? '';
        const number = m.slice(cue.length);
        // at least five digits, and not a word: "MRN unknown" is no number
        if ((number.match(/\d/g) ?? []).length < 5) return undefined;
        found = number;
        return `${cue}${placeholder('hospital numbers')}`;
      },
    },
  ];
  return rules.map((r) => ({ source: r.source, replace: (m, text, at) => ((found = m), r.replace(m, text, at)) }));
}

/** The digits of a phone or NHS number, whatever separates them: its last ten, so 07700 900123, +44 7700 900123, 7700.900.123 and O77OO 900123 agree. */
export function identifierDigits(found: string): string | undefined {
  const digits = found.replace(/[Oo]/g, '0').replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : undefined;
}
