// One pass over a text with a list of rules, so nothing replaced is looked at again.
// The rules are tried in order at the leftmost place any of them matches; a rule may
// decline a match (return undefined), and then the next rule is tried at the same
// place, so declining never hides what another rule would have found there.

export interface TextRule {
  /** A regular expression source, matched with the flags `iu` (no named groups). */
  source: string;
  /**
   * The replacement, or undefined to decline. `at` is the match's offset in `text`.
   * A rule that uses only the start of its match says how much (`consumed`); the rest is looked at again.
   */
  replace(match: string, text: string, at: number): string | { text: string; consumed: number } | undefined;
}

export function textReplacer(rules: readonly TextRule[]): (text: string) => string {
  const live = rules.filter((r) => r.source !== '');
  if (live.length === 0) return (text) => text;
  // One pattern per rule, each searched on its own: a union of all of them is several times
  // slower to compile and to run, and the leftmost match of any rule is the least of theirs.
  const patterns = live.map((r) => compiled(r.source));
  return (text: string) => {
    // each rule's leftmost match at or after where it was last searched from (null: none there)
    const next: (RegExpExecArray | null | undefined)[] = live.map(() => undefined);
    const nextAt = (i: number, pos: number): RegExpExecArray | null => {
      const known = next[i];
      if (known === null || (known !== undefined && known.index >= pos)) return known;
      const re = patterns[i]!;
      re.lastIndex = pos;
      return (next[i] = re.exec(text));
    };
    let out = '';
    let pos = 0;
    while (pos < text.length) {
      let at = -1;
      for (let i = 0; i < live.length; i++) {
        const m = nextAt(i, pos);
        if (m !== null && (at === -1 || m.index < at)) at = m.index;
      }
      if (at === -1) break;
      let done = false;
      for (let i = 0; i < live.length && !done; i++) {
        // a rule's leftmost match is at `at` only when it matches there at all
        const m = next[i];
        if (!m || m.index !== at || m[0] === '') continue;
        const replaced = live[i]!.replace(m[0], text, at);
        if (replaced === undefined) continue;
        const [by, length] = typeof replaced === 'string' ? [replaced, m[0].length] : [replaced.text, replaced.consumed];
        out += text.slice(pos, at) + by;
        pos = at + Math.max(1, length);
        done = true;
      }
      if (!done) {
        // nothing accepted here: keep one character (a whole code point) and look on
        const step = String.fromCodePoint(text.codePointAt(at)!).length;
        out += text.slice(pos, at + step);
        pos = at + step;
      }
    }
    return out + text.slice(pos);
  };
}

// Compiled patterns, kept by source: the same rules (identifiers, dates) are built for every
// copy, and compiling a large case-insensitive Unicode pattern costs more than running it.
const COMPILED = new Map<string, RegExp>();
const COMPILED_LIMIT = 512;
function compiled(source: string): RegExp {
  let re = COMPILED.get(source);
  if (re === undefined) {
    if (COMPILED.size >= COMPILED_LIMIT) COMPILED.clear();
    re = new RegExp(source, 'giu');
    COMPILED.set(source, re);
  }
  return re;
}

/** Letters, marks, digits and underscore: what a name or id must not touch on either side. */
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;
export const BEFORE = `(?<!${WORD_CHAR})`;
export const AFTER = `(?!${WORD_CHAR})`;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case id in any form people write it: "RF-0006", "rf 0006", "RF/0006", "Rf-6",
 * "RF-006", "R F 0006", "RF#0006", "RF # 0006", "RF: 0006", "RF no. 0006": any separator,
 * letters apart or together, leading zeros or not.
 */
export function caseIdSource(id: string): string {
  const { lead, number } = caseIdPieces(id);
  return lead + number;
}

/** A case id's pattern in two: all but its last number, and that number ("" when it ends in letters). */
function caseIdPieces(id: string): { lead: string; number: string } {
  const parts = id.match(/[\p{L}\p{N}]+/gu) ?? [id];
  const part = (p: string) => (/^\p{N}+$/u.test(p) ? `0*${escapeRegExp(p.replace(/^0+(?=\d)/, ''))}` : [...p].map(escapeRegExp).join('[ .]?'));
  const last = parts[parts.length - 1]!; // match gives at least one part, or the id itself is the one
  if (parts.length < 2 || !/^\p{N}+$/u.test(last)) return { lead: parts.map(part).join(CASE_ID_SEPARATOR), number: '' };
  return { lead: `${parts.slice(0, -1).map(part).join(CASE_ID_SEPARATOR)}${CASE_ID_SEPARATOR}0*`, number: escapeRegExp(last.replace(/^0+(?=\d)/, '')) };
}

/**
 * `caseIdSource` for several case ids at once, as alternatives, longest first, ids that
 * differ only in their last number sharing the rest ("RF-0006", "RF-0012" →
 * `R[ .]?F…0*(?:12|6)`). Followed by a check that no letter or digit comes next, a match
 * ends only where the id's number ends, so at any place at most one of the numbers can match.
 */
export function caseIdsSource(ids: readonly string[]): string {
  const longestFirst = [...new Set(ids)].sort((a, b) => {
    const [x, y] = [caseIdSource(a), caseIdSource(b)];
    return y.length - x.length || (x < y ? -1 : x > y ? 1 : 0);
  });
  const numbers = new Map<string, string[]>();
  for (const id of longestFirst) {
    const { lead, number } = caseIdPieces(id);
    const key = number === '' ? `whole ${lead}` : lead;
    const list = numbers.get(key) ?? [];
    if (!list.includes(number)) list.push(number);
    numbers.set(key, list);
  }
  return [...numbers]
    .map(([key, list]) => (key.startsWith('whole ') ? key.slice(6) : list.length === 1 ? key + list[0]! : `${key}(?:${list.join('|')})`))
    .join('|');
}
const CASE_ID_SEPARATOR = String.raw`(?:\s*(?:[#№:]|no\.?|nr\.?|num(?:ber)?\.?)\s*|[-‐‑‒–—_./\s])?`;

/** Words after which a number is a case id: "case no. 0006", "file #6", "ref: 0006", "case 0006". */
const CASE_WORD = String.raw`(?:case|file|ref|reference|referral|record|id)`;
const NUMBER_MARK = String.raw`\s*(?:no\.?|nr\.?|num(?:ber)?\.?|#|№|:)\s*`;

/**
 * The number of a case id written without its letters: after a case word and a number
 * mark in any padding ("case no. 6", "file #0006", "ref: 6"), after a case word alone when
 * it cannot be a count ("case 0006"; "case 1234" for RF-1234, not "case 6"), or alone with
 * the id's own leading zeros ("0006"). The number is the match's last digits.
 */
export function caseNumberSource(id: string): string {
  return caseNumbersSource([id]);
}

/**
 * `caseNumberSource` for several case ids at once, the case words written once for all
 * their numbers: a match ends only where its digits end, so at any place at most one
 * number can match, whichever order they are tried in.
 */
export function caseNumbersSource(ids: readonly string[]): string {
  const plain = new Set<string>();
  const alone = new Set<string>();
  for (const id of ids) {
    const digits = /(\p{N}+)\P{N}*$/u.exec(id)?.[1];
    if (digits === undefined) continue;
    plain.add(escapeRegExp(digits.replace(/^0+(?=\d)/, '')));
    if (digits.length >= 3 && /^0/.test(digits)) alone.add(escapeRegExp(digits));
  }
  if (plain.size === 0) return '';
  const any = (numbers: readonly string[]) => `(?:${numbers.join('|')})`;
  const long = [...plain].filter((n) => n.length >= 3);
  const short = [...plain].filter((n) => n.length < 3);
  const forms = [`${CASE_WORD}${NUMBER_MARK}0*${any([...plain])}`];
  if (long.length > 0) forms.push(`${CASE_WORD}\\s+0*${any(long)}`);
  if (short.length > 0) forms.push(`${CASE_WORD}\\s+0+${any(short)}`);
  const alones = alone.size > 0 ? `|(?<![\\p{L}\\p{N}.,/:-])${any([...alone])}` : '';
  return `(?:(?<![\\p{L}\\p{N}])(?:${forms.join('|')})${alones})(?![\\p{N}]|[.,/:-]\\p{N})`;
}

/** What every form of a case id comes to: letters in lower case, numbers without leading zeros ("rf6"). */
export function caseIdKey(id: string): string {
  // letters and numbers apart, so "rf0006" comes to the same as "RF-0006"
  return (id.match(/\p{L}+|\p{N}+/gu) ?? [])
    .map((p) => (/^\p{N}+$/u.test(p) ? p.replace(/^0+(?=\d)/, '') : p))
    .join('')
    .toLowerCase();
}
