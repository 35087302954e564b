// The plain reader: a small YAML reader for the layouts case files are written in, which
// builds the data and each value's position in one pass over the text, with far less
// garbage than a general parser. It reads block maps and lists (compact `- key: value`
// items and lists at their key's column included), flow maps and lists (over several lines
// too, between entries), plain, quoted (over several lines too) and block (`|`, `>`)
// strings, comments and CRLF. Keys written twice in one map it lists, in the careful
// reader's order, when it reads everything else. Whatever else it meets (anchors, tags, a
// plain string over several lines, tabs, unusual escapes or indentation, keys that are not
// plain text, more values than the documented limit) it refuses, and the text goes to the
// fast js-yaml path and its screens (fastYaml.ts) or to the careful reader (strictYaml.ts).
// It never decides anything the careful reader would decide otherwise: where it reads a
// text, the careful reader reads the same data without a problem (or the same repeated
// keys and nothing else) and places every path at the same offset (test/io/plainYaml.test.ts,
// test/io/differential.test.ts and test/io/duplicateKeys.test.ts compare the two).
import { fromPointer } from '../model/problem.js';
import { FORBIDDEN_KEYS, tooManyNodesAt } from './screen.js';

/** What the plain reader read: the front matter's data, and where each path into it starts (as the careful reader's `locateRange` places it). */
export interface PlainReading {
  data: Record<string, unknown>;
  locate(pointer: string): number;
}

/**
 * A text written the plain way but for keys written twice in one map: where each repeated key
 * starts, in the order the careful reader reports them. That reader finds nothing else wrong
 * in such a text (everything else was read), and gives no data for it.
 */
export interface RepeatedKeys {
  repeatedKeys: number[];
}

/**
 * Reads `text` if it is written the plain way (see above); undefined otherwise, and then
 * nothing about the text is decided here.
 */
export function readPlainYaml(text: string): PlainReading | RepeatedKeys | undefined {
  // more values than the documented limit: the careful reader reports it (quick: a front matter
  // of under 25,000 characters is within the limit unread)
  if (UNREAD_CHARACTERS.test(text) || tooManyNodesAt(text) !== undefined) return undefined;
  const reader = new PlainReader(text);
  let data: Record<string, unknown>;
  try {
    data = reader.document();
  } catch (err) {
    if (err === REFUSED) return undefined;
    throw err;
  }
  if (reader.repeated.length > 0) return { repeatedKeys: repeatsInOrder(reader.repeated) };
  const { spots, rootAt } = reader;
  const places = new Map<object, Map<string, number>>();
  return { data, locate: (pointer) => locateIn(data, rootAt, spots, places, pointer) };
}

// Tabs (indentation or not, the two parsers' rules differ), control characters, a CR not
// before a LF, and the characters YAML treats specially (NEL, line and paragraph separators,
// byte order marks, non-characters): left to the other readers.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNREAD_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff]|\r(?!\n)/;

/** Thrown inside the reader when the text is not written the plain way (made once: no stack is taken each time). */
const REFUSED = new Error('not written the plain way');
function refuse(): never {
  throw REFUSED;
}

/** Maps and lists nested deeper than this are left to the other readers (case files nest five or six deep; the documented limit is 32). */
const MAX_DEPTH = 16;

const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMPERSAND = 38;
const SQUOTE = 39;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GREATER = 62;
const QUESTION = 63;
const AT = 64;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const BACKTICK = 96;
const OPEN_CURLY = 123;
const PIPE = 124;
const CLOSE_CURLY = 125;

/** Characters that cannot start a plain value or key (YAML's indicators; `-`, `?` and `:` are checked with what follows them). */
function isIndicator(c: number): boolean {
  return (
    c === HASH ||
    c === AMPERSAND ||
    c === STAR ||
    c === BANG ||
    c === PIPE ||
    c === GREATER ||
    c === SQUOTE ||
    c === DQUOTE ||
    c === PERCENT ||
    c === AT ||
    c === BACKTICK ||
    c === COMMA ||
    c === OPEN_SQUARE ||
    c === CLOSE_SQUARE ||
    c === OPEN_CURLY ||
    c === CLOSE_CURLY
  );
}

/** The characters the key and plain-value scans stop at: `:` `#` brackets, `,` and quotes (1; every other character below 128 is 0). */
const MARKS = new Uint8Array(128);
for (const c of [COLON, HASH, OPEN_SQUARE, CLOSE_SQUARE, OPEN_CURLY, CLOSE_CURLY, COMMA, DQUOTE, SQUOTE]) MARKS[c] = 1;

const isFlowEnd = (c: number) => c === COMMA || c === CLOSE_SQUARE || c === CLOSE_CURLY;

class PlainReader {
  /**
   * Keys written again in their map, as pairs: the map's place in the order the maps and lists
   * began (the careful reader's walk: a map's own repeats, then those of what it holds), and
   * the repeated key's offset.
   */
  readonly repeated: number[] = [];
  /** Each map's and list's value offsets, in the order of its keys (no key here is a number, so that is the order `Object.keys` gives) or items. */
  readonly spots = new Map<object, number[]>();
  rootAt = 0;
  /** The cursor. */
  private i = 0;
  /** The current line: where it starts, where its content ends (before any CR) and where its line break is (or the text's end). */
  private ls = 0;
  private le = 0;
  private nl = 0;

  constructor(private readonly text: string) {
    this.setLine(0);
  }

  private setLine(start: number): void {
    const text = this.text;
    this.ls = start;
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    this.nl = nl;
    this.le = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    this.i = start;
  }

  private nextLine(): void {
    this.setLine(this.nl + 1);
  }

  private atEnd(): boolean {
    return this.ls >= this.text.length;
  }

  /**
   * Moves to the next line with content from the current one (past blank and comment lines)
   * and returns its indentation, with the cursor there; -1 at the end of the text.
   */
  private content(): number {
    const text = this.text;
    for (; !this.atEnd(); this.nextLine()) {
      let j = this.ls;
      while (j < this.le && text.charCodeAt(j) === SPACE) j++;
      if (j === this.le) continue;
      const c = text.charCodeAt(j);
      if (c === HASH) continue;
      if (j === this.ls) {
        // a document marker or a directive: not in a front matter written the plain way
        if ((c === DASH || c === DOT) && text.startsWith(c === DASH ? '---' : '...', j)) refuse();
        if (c === PERCENT) refuse();
      }
      this.i = j;
      return j - this.ls;
    }
    return -1;
  }

  private skipSpaces(): void {
    while (this.i < this.le && this.text.charCodeAt(this.i) === SPACE) this.i++;
  }

  /** After a value on its line: only spaces, then the line's end or a comment; the cursor moves to the next line. */
  private endOfLine(): void {
    const before = this.i;
    this.skipSpaces();
    if (this.i < this.le && (this.text.charCodeAt(this.i) !== HASH || this.i === before)) refuse();
    this.nextLine();
  }

  document(): Record<string, unknown> {
    const indent = this.content();
    if (indent === -1 || this.isItem()) refuse();
    this.rootAt = this.i;
    const data = this.blockMap(indent, 1);
    if (this.content() !== -1) refuse();
    return data;
  }

  /** Whether the cursor is at a list item's dash (`-` before a space or the line's end). */
  private isItem(): boolean {
    const text = this.text;
    return text.charCodeAt(this.i) === DASH && (this.i + 1 === this.le || text.charCodeAt(this.i + 1) === SPACE);
  }

  /**
   * A block map whose first key is at the cursor, at column `indent` (or, for a compact map in a
   * list item, already read as `first`, the cursor past its `:`). Returns with the cursor on the
   * first line past it.
   */
  private blockMap(indent: number, depth: number, first?: string): Record<string, unknown> {
    if (depth > MAX_DEPTH) refuse();
    const map: Record<string, unknown> = {};
    const offsets: number[] = [];
    const seq = this.spots.size;
    this.spots.set(map, offsets);
    for (let read = first; ; read = undefined) {
      // (the first key cannot be a repeat, so where it starts is not needed)
      const keyAt = this.i;
      const key = read ?? this.key();
      if (Object.prototype.hasOwnProperty.call(map, key)) this.repeated.push(seq, keyAt);
      const value = this.blockValue(indent, depth, true);
      map[key] = value;
      offsets.push(this.valueAt);
      const next = this.content();
      if (next === -1 || next < indent) return map;
      if (next > indent || this.isItem()) refuse();
    }
  }

  /** A block list whose first dash is at the cursor, at column `indent`. */
  private blockList(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) refuse();
    const list: unknown[] = [];
    const offsets: number[] = [];
    this.spots.set(list, offsets);
    for (;;) {
      this.i++; // past the dash
      list.push(this.blockValue(indent, depth, false));
      offsets.push(this.valueAt);
      const next = this.content();
      if (next === -1 || next < indent) return list;
      if (next > indent) refuse();
      // a line at the list's column that is not an item ends a list written at its key's column
      if (!this.isItem()) return list;
    }
  }

  /** Where the value read last starts. */
  private valueAt = 0;

  /**
   * The value after a key's `:` or an item's `-` (the cursor just past it), in a block
   * collection at column `indent`. Leaves the cursor at the start of a line past the value.
   */
  private blockValue(indent: number, depth: number, inMap: boolean): unknown {
    const text = this.text;
    const indicatorEnd = this.i;
    this.skipSpaces();
    const c = this.i < this.le ? text.charCodeAt(this.i) : -1;
    if (c === -1 || (c === HASH && this.i > indicatorEnd)) {
      // nothing more on this line: a map or list on the lines below, or an empty value
      // (placed, as the careful reader places it, past the spaces on this line)
      const emptyAt = this.i;
      this.nextLine();
      const next = this.content();
      if (next > indent || (next === indent && inMap && this.isItem())) {
        const at = this.i;
        const value = this.isItem() ? this.blockList(next, depth + 1) : this.blockMap(next, depth + 1);
        this.valueAt = at;
        return value;
      }
      this.valueAt = emptyAt;
      return null;
    }
    const at = this.i;
    if (!inMap) {
      // a list item that is a map: `- key: value` (its column is the key's)
      const key = this.keyHere();
      if (key !== undefined) {
        const map = this.blockMap(at - this.ls, depth + 1, key);
        this.valueAt = at;
        return map;
      }
    }
    let value: unknown;
    if (c === PIPE || c === GREATER) {
      value = this.blockScalar(indent);
      this.valueAt = at;
      this.afterScalar(indent);
      return value;
    }
    if (c === DQUOTE || c === SQUOTE) {
      value = this.quoted(indent, false);
      this.endOfLine();
    } else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      value = this.flowCollection(depth + 1, indent);
      this.endOfLine();
    } else {
      value = this.plainScalar(false);
      this.nextLine();
    }
    this.valueAt = at;
    this.afterScalar(indent);
    return value;
  }

  /** After a value that ends on its line: a line below indented past the collection would continue it (a plain string over lines, or a mistake). */
  private afterScalar(indent: number): void {
    const next = this.content();
    if (next > indent) refuse();
  }

  /**
   * The key at the cursor (plain or quoted, then `:` and a space or the line's end), the cursor
   * then past its `:`; undefined, the cursor where it was, when no key starts there.
   */
  private keyHere(): string | undefined {
    const start = this.i;
    // a flow collection or a block string, not a key
    const c = this.text.charCodeAt(start);
    if (isIndicator(c) && c !== DQUOTE && c !== SQUOTE) return undefined;
    // most items are not keys: no `:` before a space or the line's end on this line, no key
    // (searched within the line: a search of the whole text from each item made a long list quadratic)
    let colon = start;
    while (colon < this.le && !(this.text.charCodeAt(colon) === COLON && (colon + 1 === this.le || this.text.charCodeAt(colon + 1) === SPACE))) colon++;
    if (colon === this.le) return undefined;
    try {
      return this.key();
    } catch (err) {
      if (err !== REFUSED) throw err;
      this.i = start;
      return undefined;
    }
  }

  /** A block map's key at the cursor, and its `:` (followed by a space or the line's end); the cursor ends past the `:`. */
  private key(): string {
    const text = this.text;
    const c = text.charCodeAt(this.i);
    let key: string;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted(-1, true);
      if (text.charCodeAt(this.i) !== COLON) refuse();
    } else {
      const start = this.i;
      if (isIndicator(c) || c === QUESTION || c === COLON || (c === DASH && !this.plainContinues(start + 1))) refuse();
      let j = start;
      for (; j < this.le; j++) {
        const d = text.charCodeAt(j);
        if (d >= 128 || MARKS[d] === 0) continue;
        if (d === COLON) {
          if (j + 1 === this.le || text.charCodeAt(j + 1) === SPACE) break;
        } else if (d !== HASH || text.charCodeAt(j - 1) === SPACE) refuse(); // a comment, a bracket, a comma or a quote
      }
      if (j === this.le) refuse();
      let end = j;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      key = text.slice(start, end);
      if (resolvesAsText(key) === false) refuse();
      this.i = j;
    }
    // yaml refuses a key whose `:` is more than 1024 characters from where the key starts
    if (this.i - this.ls >= 1000) refuse();
    if (FORBIDDEN_KEYS.has(key) || key === 'null' || INDEX_LIKE.test(key)) refuse();
    this.i++; // the colon
    if (this.i < this.le && text.charCodeAt(this.i) !== SPACE) refuse();
    return key;
  }

  /** Whether the character at `j` can continue a plain value begun with `-`, `?` or `:` (anything but a space or the line's end). */
  private plainContinues(j: number): boolean {
    return j < this.le && this.text.charCodeAt(j) !== SPACE;
  }

  /** A plain value in a block collection, to a comment or the line's end. */
  private plainScalar(inFlow: boolean): unknown {
    const text = this.text;
    const start = this.i;
    const c = text.charCodeAt(start);
    // `?` and `:` first are left to the other readers; `-` first only before more of the value (`-5`, `-x`)
    if (isIndicator(c) || c === QUESTION || c === COLON || (c === DASH && !(this.plainContinues(start + 1) && !isFlowEnd(text.charCodeAt(start + 1)))))
      refuse();
    let j = start;
    for (; j < this.le; j++) {
      const d = text.charCodeAt(j);
      if (d >= 128 || MARKS[d] === 0) continue;
      if (d === HASH) {
        if (text.charCodeAt(j - 1) === SPACE) break;
      } else if (d === COLON) {
        const after = j + 1 < this.le ? text.charCodeAt(j + 1) : SPACE;
        if (after === SPACE || (inFlow && isFlowEnd(after))) {
          if (inFlow) break;
          refuse();
        }
      } else if (d === COMMA) {
        if (inFlow) break;
      } else if (d !== DQUOTE && d !== SQUOTE) {
        // a bracket
        if (inFlow) break;
        refuse();
      }
    }
    let end = j;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    if (inFlow && j === this.le) refuse();
    this.i = j;
    return plainValue(text.slice(start, end));
  }

  /**
   * A quoted string at the cursor. Over several lines (not in a key, not inside brackets),
   * each line after the first must be indented past `indent`; lines are folded as YAML
   * folds them. The cursor ends just past the closing quote.
   */
  private quoted(indent: number, oneLine: boolean): string {
    const text = this.text;
    const quote = text.charCodeAt(this.i);
    let out = '';
    let j = this.i + 1;
    let from = j;
    for (;;) {
      for (; j < this.le; j++) {
        const d = text.charCodeAt(j);
        if (quote === SQUOTE && d === SQUOTE) {
          if (text.charCodeAt(j + 1) === SQUOTE) {
            out += text.slice(from, j + 1);
            j++;
            from = j + 1;
            continue;
          }
          this.i = j + 1;
          return out + text.slice(from, j);
        }
        if (quote === DQUOTE && d === DQUOTE) {
          this.i = j + 1;
          return out + text.slice(from, j);
        }
        if (quote === DQUOTE && d === BACKSLASH) {
          out += text.slice(from, j);
          j = this.escape(j, (s) => (out += s));
          from = j + 1;
        }
      }
      // the line ends inside the quotes: its trailing spaces go, and the line break folds
      if (oneLine || indent < 0) refuse();
      let end = this.le;
      while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
      out += text.slice(from, end);
      let empty = 0;
      for (;;) {
        if (this.nl >= text.length) refuse();
        this.nextLine();
        let k = this.ls;
        while (k < this.le && text.charCodeAt(k) === SPACE) k++;
        if (k < this.le) {
          if (k - this.ls <= indent) refuse();
          j = from = k;
          break;
        }
        empty++;
      }
      out += empty === 0 ? ' ' : '\n'.repeat(empty);
    }
  }

  /** The escape at `j` (a backslash) in a double-quoted string, given to `put`; returns the index of its last character. */
  private escape(j: number, put: (s: string) => void): number {
    const text = this.text;
    const e = text.charCodeAt(j + 1);
    if (j + 1 >= this.le) refuse();
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) {
      put(simple);
      return j + 1;
    }
    if (e === 117 /* u */) {
      const hex = text.slice(j + 2, j + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) refuse();
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) refuse();
      put(String.fromCharCode(code));
      return j + 5;
    }
    refuse();
  }

  /**
   * A literal (`|`) or folded (`>`) string at the cursor, with `-` or `+` after it at most,
   * whose lines are indented past `indent`. Folded lines indented further than the first
   * (kept as they are by YAML's rules) are left to the other readers.
   */
  private blockScalar(indent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(this.i) === GREATER;
    this.i++;
    const chomp = text.charCodeAt(this.i);
    const strip = chomp === DASH;
    const keep = chomp === PLUS;
    if (strip || keep) this.i++;
    this.endOfLine();
    let blockIndent = -1;
    let out = '';
    let lines = 0;
    let empty = 0;
    for (; !this.atEnd(); this.nextLine()) {
      let k = this.ls;
      while (k < this.le && text.charCodeAt(k) === SPACE) k++;
      const spaces = k - this.ls;
      if (k === this.le) {
        // an empty line; spaces past the indentation (or before it is known) would be content,
        // and one the text ends on, with no line break, does not count as yaml reads it
        if ((blockIndent < 0 ? spaces > 0 : spaces > blockIndent) || this.nl >= text.length) refuse();
        empty++;
        continue;
      }
      if (blockIndent < 0) {
        if (spaces <= indent) break;
        blockIndent = spaces;
      } else if (spaces < blockIndent) break;
      if (folded && spaces > blockIndent) refuse();
      // a line of content; the line break (and any empty lines) since the one before it
      if (this.nl >= text.length) refuse();
      if (lines === 0) out += '\n'.repeat(empty);
      else out += folded && empty === 0 ? ' ' : '\n'.repeat(folded ? empty : empty + 1);
      out += text.slice(this.ls + blockIndent, this.le);
      lines++;
      empty = 0;
    }
    if (lines === 0) refuse();
    if (keep) out += '\n'.repeat(empty + 1);
    else if (!strip) out += '\n';
    this.i = this.ls;
    return out;
  }

  /**
   * A flow list or map at the cursor, in a block collection at column `indent`. It may run over
   * lines between its entries (after an opening bracket or a comma, or before a comma or
   * closing bracket), each line indented past `indent`; an entry itself is on one line.
   * The cursor ends past its closing bracket.
   */
  private flowCollection(depth: number, indent: number): unknown[] | Record<string, unknown> {
    if (depth > MAX_DEPTH) refuse();
    const text = this.text;
    const isMap = text.charCodeAt(this.i) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const offsets: number[] = [];
    this.i++;
    this.flowSpace(indent);
    if (isMap) {
      const map: Record<string, unknown> = {};
      const seq = this.spots.size;
      this.spots.set(map, offsets);
      if (text.charCodeAt(this.i) === close) {
        this.i++;
        return map;
      }
      for (;;) {
        const keyAt = this.i;
        const c = text.charCodeAt(this.i);
        let key: string;
        if (c === DQUOTE || c === SQUOTE) key = this.quoted(-1, true);
        else {
          const k = this.plainScalar(true);
          if (typeof k !== 'string') refuse();
          key = k;
        }
        if (FORBIDDEN_KEYS.has(key) || key === 'null' || INDEX_LIKE.test(key)) refuse();
        if (Object.prototype.hasOwnProperty.call(map, key)) this.repeated.push(seq, keyAt);
        this.skipSpaces();
        if (text.charCodeAt(this.i) !== COLON) refuse();
        this.i++;
        if (this.i >= this.le || text.charCodeAt(this.i) !== SPACE) refuse();
        this.skipSpaces();
        const d = this.i < this.le ? text.charCodeAt(this.i) : -1;
        if (d === COMMA || d === close) {
          // an empty value: where the careful reader puts it, past the `:` and its spaces
          offsets.push(this.i);
          map[key] = null;
        } else {
          offsets.push(this.i);
          map[key] = this.flowNode(depth, indent);
        }
        if (this.flowNext(close, indent)) return map;
      }
    }
    const list: unknown[] = [];
    this.spots.set(list, offsets);
    if (text.charCodeAt(this.i) === close) {
      this.i++;
      return list;
    }
    for (;;) {
      offsets.push(this.i);
      list.push(this.flowNode(depth, indent));
      if (this.flowNext(close, indent)) return list;
    }
  }

  /** Past an entry of a flow collection: true at its closing bracket (the cursor past it), false after a comma (the cursor at the next entry). */
  private flowNext(close: number, indent: number): boolean {
    const text = this.text;
    this.flowSpace(indent);
    const c = this.i < this.le ? text.charCodeAt(this.i) : -1;
    if (c === close) {
      this.i++;
      return true;
    }
    if (c !== COMMA) refuse();
    this.i++;
    this.flowSpace(indent);
    // an empty entry or a trailing comma: left to the other readers
    if (isFlowEnd(text.charCodeAt(this.i))) refuse();
    return false;
  }

  /**
   * Past spaces inside brackets, and past the line's end (and any comment, blank lines and
   * comment lines) onto the next line, which must be indented past `indent`. The cursor ends
   * at the next thing written.
   */
  private flowSpace(indent: number): void {
    const text = this.text;
    for (;;) {
      this.skipSpaces();
      if (this.i < this.le && (text.charCodeAt(this.i) !== HASH || text.charCodeAt(this.i - 1) !== SPACE)) return;
      if (this.nl >= text.length) refuse();
      // the next line with something on it: a comment line or the next entry, each indented
      // past `indent` (yaml refuses a comment at the first column right after a flow map's value)
      for (this.nextLine(); ; this.nextLine()) {
        if (this.atEnd()) refuse();
        let j = this.ls;
        while (j < this.le && text.charCodeAt(j) === SPACE) j++;
        if (j === this.le) continue;
        if (j - this.ls <= indent) refuse();
        if (text.charCodeAt(j) === HASH) continue;
        this.i = j;
        break;
      }
    }
  }

  /** A value inside brackets, on the same line. */
  private flowNode(depth: number, indent: number): unknown {
    const c = this.text.charCodeAt(this.i);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(depth + 1, indent);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(-1, true);
    return this.plainScalar(true);
  }
}

/** Escapes with a one-character meaning that both readers give alike. */
const SIMPLE_ESCAPES = new Map<number, string>([
  [BACKSLASH, '\\'],
  [DQUOTE, '"'],
  [47, '/'],
  [110, '\n'],
  [116, '\t'],
  [114, '\r'],
]);

/** A key that is a whole number: a JavaScript object lists such keys first, which would change the order the offsets are kept in. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

// What YAML 1.2's core schema or js-yaml's could read as a number: the union of both readers'
// number forms, loosened (signs, bases, `_` anywhere, exponents, `.inf`, `.nan`). Text such as
// a date or the hex of a SHA-256 (`5fe6…`) is not among them.
const MAYBE_NUMBER =
  /^[-+]?(?:0[bB][01_]*|0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
const WHOLE_NUMBER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;

/** Whether a plain key reads as text (true), or as null, true/false or a number (false). */
function resolvesAsText(s: string): boolean {
  return typeof plainValue(s) === 'string';
}

/** A plain value as the core schema reads it; forms the two parsers could read differently are refused. */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if (s === '') return null;
  if (c === 126 /* ~ */ && s.length === 1) return null;
  if (c === 110 || c === 78) {
    if (s === 'null' || s === 'Null' || s === 'NULL') return null;
  } else if (c === 116 || c === 84) {
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  } else if (c === 102 || c === 70) {
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  } else if ((c >= 48 && c <= 57) || c === DASH || c === PLUS || c === DOT) {
    if (MAYBE_NUMBER.test(s)) {
      if (WHOLE_NUMBER.test(s) || DECIMAL.test(s)) return Number(s);
      refuse();
    }
  }
  return s;
}

/** The offset of what `pointer` names in `data`; a path that goes past what is there stops at the last value it reached (as `locateRange` does). */
function locateIn(
  data: Record<string, unknown>,
  rootAt: number,
  spots: Map<object, number[]>,
  places: Map<object, Map<string, number>>,
  pointer: string,
): number {
  let node: unknown = data;
  let at = rootAt;
  for (const segment of fromPointer(pointer)) {
    if (typeof node !== 'object' || node === null) break;
    const offsets = spots.get(node)!; // every map and list the reader made has its offsets
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment)) break;
      const index = Number(segment);
      if (index >= node.length) break;
      at = offsets[index]!;
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) break;
      at = placesIn(node, offsets, places).get(segment)!; // the map holds the key: so does its index
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return at;
}

/**
 * Each key's offset in a map, made the first time a path goes into the map (one problem per
 * key of a big map would otherwise search its keys once each). The offsets are in the order
 * of the keys, which is `for…in`'s (no key the reader accepts is a number).
 */
function placesIn(map: object, offsets: readonly number[], places: Map<object, Map<string, number>>): Map<string, number> {
  let found = places.get(map);
  if (!found) {
    found = new Map();
    let index = 0;
    for (const key in map) found.set(key, offsets[index++]!);
    places.set(map, found);
  }
  return found;
}

/** The repeated keys' offsets from (map, offset) pairs, ordered by map, then by offset. */
function repeatsInOrder(pairs: readonly number[]): number[] {
  const order: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) order.push(k);
  order.sort((a, b) => pairs[a]! - pairs[b]! || pairs[a + 1]! - pairs[b + 1]!);
  return order.map((k) => pairs[k + 1]!);
}
