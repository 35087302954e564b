// JSON that is safe to print or paste: the characters JSON.stringify leaves raw are
// written as \u escapes, and lone surrogates become U+FFFD.
const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

const BEYOND_ASCII = /[\u007f-\uffff]/;

/**
 * Serialised JSON with the characters JSON.stringify leaves raw (DEL, C1 controls,
 * bidi and zero-width characters, U+2028/2029) written as \u escapes: the same
 * data, but safe to `cat` to a terminal or paste into a web page.
 */
export function asciiSafeJson(json: string): string {
  // every character it rewrites is U+007F or above: most output has none, and a search
  // for one is several times faster than the Unicode-aware one below
  if (!BEYOND_ASCII.test(json)) return json;
  // C0 controls are already escaped inside strings; outside them, tabs and newlines are layout
  return json.replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${hex(c.charCodeAt(i), 4)}`;
    return out;
  });
}

/** Lone surrogates (which no UTF-8 output and no URI can carry) replaced by U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
