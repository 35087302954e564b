// Case text is untrusted on the way out: for a terminal, every control or format
// character is shown as a visible escape, never obeyed (SECURITY.md, "Output safety").
// C0/C1 controls and DEL, format characters (bidi overrides and isolates, zero-width
// characters, BOM) and the Unicode line and paragraph separators.
export const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/**
 * A case-derived string as it may be printed to a terminal: every control or
 * format character shown as a visible escape (`\x1b`, `\u202e`), so nothing in a
 * case file can move the cursor, recolour, clear the screen or reorder the line.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_CHAR, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
  });
}

/** Lines of text for a terminal: terminalText on everything but the line breaks and tabs that lay it out. */
export function terminalLines(s: string): string {
  return s
    .split(/(\r?\n|\t)/)
    .map((part, i) => (i % 2 === 1 ? part : terminalText(part)))
    .join('');
}
