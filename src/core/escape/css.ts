// A value as a quoted CSS string (for `content:` in print page margins): every character
// that is not a letter, digit or space becomes a CSS escape, so no value can close the
// string, the rule or the style element.
export function cssString(value: string): string {
  return `"${value.replace(/[^A-Za-z0-9 ]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
