// UK identifiers found by their shape, whoever they belong to: email addresses,
// street addresses, postcodes, phone numbers and NHS numbers. Each is replaced by
// a placeholder that says what was there ("[phone number]"). Pure.
import { BEFORE, AFTER, type TextRule } from './engine.js';

export const IDENTIFIER_KINDS = ['email addresses', 'street addresses', 'postcodes', 'phone numbers', 'NHS numbers'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const PLACEHOLDERS: Record<IdentifierKind, string> = {
  'email addresses': '[email address]',
  'street addresses': '[street address]',
  postcodes: '[postcode]',
  'phone numbers': '[phone number]',
  'NHS numbers': '[NHS number]',
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
      source: String.raw`(?<![\p{L}\p{N}+])(?:(?:\+|00[\s./-]?)44[\s./-]?(?:\(0\)[\s./-]?)?|\(?0|(?<=(?:tel|phone|mobile|mob|call|ring|on)[.:]?\s{1,3}))[1-37-9](?:\)?[\s./-]?\d){8,9}${AFTER}`,
      replace: () => placeholder('phone numbers'),
    },
    {
      // NHS number: ten digits, often 3 3 4, with spaces, dashes, dots or slashes anywhere between them
      source: String.raw`(?<![\p{L}\p{N}])\d{3}(?:[\s./-]?\d{3}[\s./-]?\d{4}|[\s./-]?\d{4}[\s./-]?\d{3})${AFTER}`,
      replace: () => placeholder('NHS numbers'),
    },
  ];
  return rules.map((r) => ({ source: r.source, replace: (m, text, at) => ((found = m), r.replace(m, text, at)) }));
}

/** The digits of a phone or NHS number, whatever separates them: its last ten, so 07700 900123, +44 7700 900123 and 7700.900.123 agree. */
export function identifierDigits(found: string): string | undefined {
  const digits = found.replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : undefined;
}
