// The fast YAML reader: js-yaml for the plain front matter most case files hold, and
// the screens that send anything the two parsers could read differently to the
// careful reader (strictYaml.ts) instead.
import jsYaml from 'js-yaml';
import { nodeRecorder } from './fastLocate.js';
import { FORBIDDEN_KEYS, LIMITS } from './screen.js';

// Anchors, aliases, tags and complex keys go to the careful parser: js-yaml shares
// aliased nodes and resolves tags differently, and the careful parser reports them.
// (Written with the indicator first and the look back after it, so the search jumps from one `&*!?` to the next.)
export const NEEDS_CAREFUL_PARSE = /[&*!](?<=(?:^|[\s[{,:])[&*!])\S|\?(?<=^\s*\?)(?:\s|$)/m;
// A list or map used as a key: js-yaml turns it into text ("a,b", "[object Object]"), yaml refuses it.
const COLLECTION_KEY = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(?:\[[^\n]*\]|\{[^\n]*\})[ \t]*:(?:[ \t]|$)/m;
// What COLLECTION_KEY needs somewhere, found much faster: a closing bracket before a key's colon.
const CLOSED_BEFORE_COLON = /[\]}][ \t]*:(?:[ \t]|$)/m;
// What the two parsers read differently: js-yaml takes 0b11 and +0x1 as numbers, +.5 and 1e400 as text,
// -0 as 0, and a bare `- -` item as the start of the list that follows it.
// Each branch starts with what it must find and looks back for the rest, so the search skips ahead:
// (?:^|[\s[{,:])[-+]?0b101, 0o17 or 0x1f as a whole value (not the hex of a SHA-256 that starts 0b…)  |  (?:^|[\s[{,:])[-+]\.\d  |  (?:^|[\s[{,:])-0+ at a value's end  |  a whole number with an
// exponent of three digits or more (1e400; not the hex of a SHA-256, which holds such runs)  |  a line `- -`
export const PARSERS_DIFFER =
  /0(?:[bB][01_]*|[oO][0-7_]*|[xX][\dA-Fa-f_]*)(?=[\s,\]}:]|$)(?<=(?:^|[\s[{,:])[-+]?0(?:[bB][01_]*|[oO][0-7_]*|[xX][\dA-Fa-f_]*))|\.\d(?<=(?:^|[\s[{,:])[-+]\.\d)|-0+(?=[\s,\]}]|$)(?<=(?:^|[\s[{,:])-0+)|[eE][-+]?\d{3}(?=\d*(?:[\s,\]}:]|$))(?<=(?:^|[\s[{,:])[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d{3})|-[ \t]*$(?<=^[ \t]*-[ \t]+-[ \t]*)/m;

/**
 * Whether a `:` stands 1,000 characters or more into its line. yaml refuses an implicit key
 * whose `:` comes more than 1024 characters after the key starts; js-yaml has no such limit.
 * yaml counts from the end of what came before the key, so the line break before it counts
 * too: with CRLF a `:` 1,023 characters into its line is already refused (found by review).
 * A key starts on the line of its `:`, so the distance is the `:`'s column and a line break;
 * 1,000 leaves room to spare. Only lines that long are searched (a regular expression
 * anchored at each line's start cost as much as all the other screens together).
 */
export function colonFarIntoLine(text: string): boolean {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > KEY_COLUMN_LIMIT) {
      const colon = text.indexOf(':', start + KEY_COLUMN_LIMIT);
      if (colon !== -1 && colon < end) return true;
    }
    start = end + 1;
  }
  return false;
}

const KEY_COLUMN_LIMIT = 1000;

// A list item with nothing after its `-` (a comment at most), found from the dash by looking back to the line's start.
const EMPTY_ITEM = /-(?=(?:[ \t]+(?:#[^\n]*)?)?\r?$)(?<=^[ \t]*(?:-[ \t]+)*-)/gm;

/**
 * Whether a list ends with an empty item (`-` alone) and an item of an outer list follows
 * it: js-yaml takes that outer item into the inner list (`- - x` / `  -` / `- y` reads as
 * [[x, null, y]], not [[x, null], y]). Measured by differential fuzzing of hand-written
 * nested lists; an empty item followed by anything else reads the same in both parsers.
 */
export function emptyItemThenOuterItem(text: string): boolean {
  EMPTY_ITEM.lastIndex = 0;
  for (let m = EMPTY_ITEM.exec(text); m !== null; m = EMPTY_ITEM.exec(text)) {
    const column = m.index - (text.lastIndexOf('\n', m.index) + 1);
    // the next line with content, past blank lines and comment lines
    for (let from = text.indexOf('\n', m.index) + 1; from > 0 && from < text.length; from = text.indexOf('\n', from) + 1) {
      let i = from;
      while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === HASH) continue;
      const after = text.charCodeAt(i + 1);
      if (c === DASH && i - from < column && (Number.isNaN(after) || after === SPACE || after === TAB || after === LF || after === CR)) return true;
      break;
    }
  }
  return false;
}

/**
 * Layouts js-yaml reads leniently where yaml refuses them (or reads them otherwise):
 * a lone CR, a comment glued to a closing quote or bracket (or, inside brackets, to an
 * opening bracket, a comma or a colon), a list or map where a flow map's key goes, and a quoted scalar or
 * flow collection running over lines that are not indented past the line it opened
 * on. A small scan over quotes, brackets, comments and block scalars; it may step
 * aside for a file yaml would accept, never the other way round.
 */
export function layoutDiffers(text: string): boolean {
  for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 1)) {
    if (text.charCodeAt(cr + 1) !== LF) return true;
  }
  let quote = 0;
  // for each bracket still open, whether it opened a map (so their number is how deep inside
  // brackets the scan is); and whether the next node there is a key
  const open: boolean[] = [];
  let keyNext = false;
  let openIndent = -1;
  let blockIndent = -1;
  // one pass over the text, line by line, without cutting it into strings
  for (let from = 0; from <= text.length;) {
    let next = text.indexOf('\n', from);
    if (next === -1) next = text.length;
    const end = next > from && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    const start = from;
    from = next + 1;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === SPACE) indent++;
    const blank = isBlank(text, start + indent, end);
    if (blockIndent >= 0) {
      if (blank || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const continuing = quote !== 0 || open.length > 0;
    if (continuing && !blank && indent <= openIndent) return true;
    let canStart = !continuing || open.length > 0;
    let closed = false;
    for (let j = start + (continuing && quote ? 0 : indent); j < end; j++) {
      // Most of a front matter is the inside of values: run over it to the next character
      // that can change the state (the branches below would pass every other one by).
      if (quote === DQUOTE) j = skipTo(text, j, end, DQUOTE, BACKSLASH);
      else if (quote === SQUOTE) j = skipTo(text, j, end, SQUOTE, SQUOTE);
      else if (open.length === 0 && !canStart && !closed) j = skipTo(text, j, end, COLON, HASH);
      else if (open.length > 0 && !canStart && !closed) j = skipToFlowMark(text, j, end);
      if (j >= end) break;
      const c = text.charCodeAt(j);
      if (quote === DQUOTE) {
        if (c === BACKSLASH) j++;
        else if (c === DQUOTE) {
          quote = 0;
          closed = true;
        }
        continue;
      }
      if (quote === SQUOTE) {
        if (c === SQUOTE && j + 1 < end && text.charCodeAt(j + 1) === SQUOTE) j++;
        else if (c === SQUOTE) {
          quote = 0;
          closed = true;
        }
        continue;
      }
      if (c === HASH) {
        if (closed) return true;
        if (j === start) break;
        const before = text.charCodeAt(j - 1);
        if (before === SPACE || before === TAB) break;
        // glued to a flow indicator (`[#`, `{#`, `,#`, `":#`): a comment to js-yaml, an error to yaml
        if (open.length > 0 && (before === OPEN_SQUARE || before === OPEN_CURLY || before === COMMA || before === COLON)) return true;
      }
      closed = false;
      if (c === SPACE || c === TAB) continue;
      const after = j + 1 < end ? text.charCodeAt(j + 1) : -1;
      if (canStart && (c === DQUOTE || c === SQUOTE)) {
        quote = c;
        keyNext = false;
        if (open.length === 0) openIndent = indent;
      } else if (canStart && (c === OPEN_SQUARE || c === OPEN_CURLY)) {
        // a list or map where a flow map's key goes (`{[a]}`): js-yaml makes text of it, yaml refuses it
        if (keyNext) return true;
        if (open.length === 0) openIndent = indent;
        open.push(c === OPEN_CURLY);
        keyNext = c === OPEN_CURLY;
      } else if (open.length > 0 && (c === CLOSE_SQUARE || c === CLOSE_CURLY)) {
        open.pop();
        closed = true;
        canStart = false;
        keyNext = false;
      } else if (open.length > 0 && c === COMMA) {
        canStart = true;
        keyNext = open[open.length - 1] === true;
      } else if (c === COLON && (open.length > 0 || after === -1 || after === SPACE || after === TAB)) {
        canStart = true;
        keyNext = false;
      } else if ((c === DASH || c === QUESTION) && canStart && (after === -1 || after === SPACE)) {
        canStart = true;
      } else if (canStart && open.length === 0 && (c === PIPE || c === GREATER)) {
        blockIndent = indent;
        break;
      } else {
        canStart = false;
        keyNext = false;
      }
    }
  }
  return false;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34; // "
const HASH = 35; // #
const SQUOTE = 39; // '
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const GREATER = 62; // >
const QUESTION = 63;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const PIPE = 124;
const CLOSE_CURLY = 125;

/** The first index from `from` (up to `to`) holding `a` or `b`. */
function skipTo(text: string, from: number, to: number, a: number, b: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === a || c === b) break;
    i++;
  }
  return i;
}

/** The first index from `from` (up to `to`) holding what can end a plain value inside brackets: `,` `:` `]` `}` or `#`. */
function skipToFlowMark(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === COLON || c === CLOSE_SQUARE || c === CLOSE_CURLY || c === HASH) break;
    i++;
  }
  return i;
}

/** Whether text[from, to) is only white space (as `trim` counts it). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text.charAt(i))) return false;
  }
  return true;
}

/**
 * The fast path (js-yaml's core schema, which matches YAML 1.2 core for what case
 * files hold). Returns undefined whenever the careful parser must decide: anything
 * unusual, anything js-yaml rejects, forbidden keys or deep nesting. `listener` hears
 * js-yaml's reading (fastLocate.ts records positions from it).
 */
export function fastParse(yamlText: string, listener?: jsYaml.LoadOptions['listener']): Record<string, unknown> | undefined {
  const reading = fastRead(yamlText, listener);
  return 'data' in reading ? reading.data : undefined;
}

/** What the fast path read, or why it left the text to the careful parser (`duplicate-key`: js-yaml met a key written twice in one map). */
export type FastReading = { data: Record<string, unknown> } | { refused: 'screened' | 'duplicate-key' | 'unread' };

/** fastParse, saying why when it steps aside. */
export function fastRead(yamlText: string, listener?: jsYaml.LoadOptions['listener']): FastReading {
  if (
    NEEDS_CAREFUL_PARSE.test(yamlText) ||
    PARSERS_DIFFER.test(yamlText) ||
    (CLOSED_BEFORE_COLON.test(yamlText) && COLLECTION_KEY.test(yamlText)) ||
    layoutDiffers(yamlText) ||
    emptyItemThenOuterItem(yamlText) ||
    colonFarIntoLine(yamlText)
  ) {
    return { refused: 'screened' };
  }
  let data: unknown;
  try {
    data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA, json: false, ...(listener ? { listener } : {}) });
  } catch (err) {
    return { refused: err instanceof jsYaml.YAMLException && err.reason === 'duplicated mapping key' ? 'duplicate-key' : 'unread' };
  }
  return plainMap(data) ? { data } : { refused: 'unread' };
}

/**
 * Where the keys written twice in one map are, for a text the screens passed and js-yaml
 * refused only for a repeated key (fastRead said `duplicate-key`): js-yaml reads it again
 * letting each repeat stand, and the offsets come in the order the careful parser reports
 * them (fastLocate.ts). With repeats allowed, the two parsers read such a text alike (the
 * screens' promise), so those keys are all the careful parser would find wrong; the values
 * a repeat replaced are judged as the data is. Undefined whenever the careful parser must
 * decide (another error further on, a value that is not plain, nodes the marks cannot
 * account for). test/io/duplicateKeys.test.ts compares both readings.
 */
export function duplicateKeysAt(yamlText: string): number[] | undefined {
  const recorder = nodeRecorder();
  let data: unknown;
  try {
    data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA, json: true, listener: recorder.listener });
  } catch {
    return undefined;
  }
  if (!plainMap(data)) return undefined;
  const found = recorder.duplicateKeys(yamlText, plainAndShallow);
  return found !== undefined && found.length > 0 ? found : undefined;
}

/** A front matter both parsers read alike: a map, of plain keys and values, not too deep. */
function plainMap(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && plainAndShallow(data, 1);
}

function plainAndShallow(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > LIMITS.maxNestingDepth) return false;
  if (Array.isArray(value)) return value.every((v) => plainAndShallow(v, depth + 1));
  // (for…in, not Object.keys: no array made for every map; js-yaml's maps are plain objects with no inherited keys)
  for (const key in value) {
    // a null key (`~:`) is "null" to js-yaml but "" to yaml
    if (FORBIDDEN_KEYS.has(key) || key === 'null' || key === '[object Object]') return false;
    if (!plainAndShallow((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
