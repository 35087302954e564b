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
  'Road', 'Rd', 'Street', 'St', 'Lane', 'Ln', 'Avenue', 'Ave', 'Close', 'Drive', 'Dr', 'Way', 'Crescent', 'Cres', 'Court', 'Ct', 'Place', 'Pl', 'Gardens', 'Gdns',
  'Grove', 'Terrace', 'Tce', 'Square', 'Sq', 'Hill', 'Row', 'Walk', 'Mews', 'Park', 'View', 'Rise', 'Parade', 'Green', 'Vale', 'Wharf', 'Gate', 'Mead', 'Meadow', 'Meadows',
  'Fields', 'Croft', 'Chase', 'Lea', 'Hollow', 'Yard', 'Passage', 'Boulevard', 'Broadway', 'Embankment', 'Quay', 'Heights', 'Villas', 'Cottages', 'Estate',
];
/** Street words that are a street even without a house number before them ("lives on Mill Lane"). */
const STRONG_STREET_WORDS = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Crescent', 'Terrace', 'Grove', 'Gardens', 'Mews', 'Boulevard'];
const STREET = `(?:${[...STREET_WORDS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const NAME_WORD = String.raw`[\p{L}\p{M}'’-]+`;

const startsUpper = (w: string) => /^\p{Lu}/u.test(w);

export function identifierRules(count: (kind: IdentifierKind) => void): TextRule[] {
  const placeholder = (kind: IdentifierKind) => (count(kind), PLACEHOLDERS[kind]);
  return [
    {
      source: String.raw`${BEFORE}[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}${AFTER}`,
      replace: () => placeholder('email addresses'),
    },
    {
      // 12 Acacia Avenue, Flat 3, 14a Mill Lane, 7 St Ann's Road
      source: String.raw`${BEFORE}(?:(?:flat|apartment|apt|unit)\s+\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+(?:${NAME_WORD}\s+){1,3}${STREET}${AFTER}`,
      replace: (m) => {
        const words = m.replace(/^(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+/i, '').split(/\s+/);
        const street = words[words.length - 1].replace(/\.$/, '');
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
      source: String.raw`${BEFORE}(?:GIR\s?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])\s?\d[ABD-HJLNP-UW-Z]{2})${AFTER}`,
      replace: () => placeholder('postcodes'),
    },
    {
      // +44 7700 900123, +44 (0)20 7946 0000, 07700 900123, 0161 496 0000, (01632) 960000, 020-7946-0000
      source: String.raw`(?<![\p{L}\p{N}+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)[1-37-9](?:\)?[\s-]?\d){8,9}${AFTER}`,
      replace: () => placeholder('phone numbers'),
    },
    {
      // NHS number: ten digits, often 3 3 4 with spaces or dashes
      source: String.raw`(?<![\p{L}\p{N}])\d{3}[\s-]?\d{3}[\s-]?\d{4}${AFTER}`,
      replace: () => placeholder('NHS numbers'),
    },
  ];
}
