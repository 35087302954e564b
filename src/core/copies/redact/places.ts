// The council's own place and school names (config `redact.places` and
// `redact.schools`) as one pattern, for both copies that leave the team: redaction
// replaces each with "Town 1" or "School 1", a family copy for a reader who poses a
// risk to someone withholds text naming one. Each name matches in any letter case,
// with or without accents (redact/names.ts `wordPattern`), its words apart by `gap`.
// Pure.
import { wordPattern } from './names.js';

/** Between the words of a place name in redaction: white space. */
export const PLACE_GAP = String.raw`\s+`;

/**
 * The alternatives for the listed names, longest pattern first (so "St Ninian Academy"
 * is tried before "St Ninian"), or undefined when the list names nothing. The caller
 * puts its own bounds around `(?:…)` of the result.
 */
export function placeNamesSource(names: readonly string[], gap: string = PLACE_GAP): string | undefined {
  const alternatives = names
    .filter((p) => p.trim() !== '')
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .map((w) => wordPattern(w))
        .join(gap),
    );
  if (alternatives.length === 0) return undefined;
  return [...alternatives].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
}
