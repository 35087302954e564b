// Positions for a front matter the fast path (js-yaml) read, without the careful
// parser: the fast reading itself runs with a listener that records where each node
// opened, and the recorded tree is matched against the data it built. Anything the
// matching cannot account for (an item js-yaml added without a node, a key without
// a value, a comment after an empty value) makes the locator step aside, and the
// careful parser gives the position instead. test/io/differential.test.ts proves
// both give the same offset for every path of every file the fast path reads.
import jsYaml from 'js-yaml';
import { fromPointer } from '../model/problem.js';

interface NodeMark {
  /** Where js-yaml was when it began to look for the node (before any separating space). */
  open: number;
  /** Where js-yaml was when it had read the node (-1 until then). */
  close: number;
  result: unknown;
  children: NodeMark[];
}

/** The children of a node that has none yet: most nodes are scalars, and an array each was much of the garbage a reading made. */
const NO_CHILDREN = Object.freeze([]) as unknown as NodeMark[];

/** Offsets of what a JSON pointer names, as the careful parser's `locateRange` gives them. */
export type FastLocator = (pointer: string) => number | undefined;

/** Records where each node js-yaml reads opened, for a locator over the same reading. */
export interface NodeRecorder {
  /** js-yaml's `listener` option. */
  listener(event: jsYaml.EventType, state: jsYaml.State): void;
  /** A locator for the text the listener heard being read, or undefined when the reading was not the plain way. */
  locator(yamlText: string): FastLocator | undefined;
  /**
   * From a reading that let a repeated key stand (js-yaml's `json` option: the last one
   * wins), the offset of every key written again in its map, in the order the careful
   * parser reports them: each map's repeats in turn, a map before the maps inside it.
   * `sound` judges each value a later repeat replaced, which the reading's data no longer
   * holds, at its depth (the top-level map is depth 1). Undefined when the marks cannot
   * account for every node, or a replaced value is not sound.
   */
  duplicateKeys(yamlText: string, sound: (value: unknown, depth: number) => boolean): number[] | undefined;
}

/**
 * A recorder to pass to js-yaml's reading of a front matter (the fast path's own, so
 * positions cost no second reading). It keeps one small mark per node.
 */
export function nodeRecorder(): NodeRecorder {
  const top: NodeMark = { open: 0, close: -1, result: undefined, children: [] };
  const stack: NodeMark[] = [top];
  let broken = false;
  return {
    listener(event, state) {
      if (broken) return;
      if (event === 'open') {
        const mark: NodeMark = { open: state.position, close: -1, result: undefined, children: NO_CHILDREN };
        const parent = stack.at(-1);
        // a node opened after the document closed: not the plain way
        if (parent === undefined) broken = true;
        else {
          if (parent.children === NO_CHILDREN) parent.children = [mark];
          else parent.children.push(mark);
          stack.push(mark);
        }
      } else {
        const mark = stack.pop();
        if (mark === undefined) broken = true;
        else {
          mark.result = state.result;
          mark.close = state.position;
        }
      }
    },
    locator(yamlText) {
      const root = !broken && top.children.length === 1 ? top.children[0] : undefined;
      if (!root) return undefined;
      const pairs: PairIndex = new Map();
      return (pointer) => locate(yamlText, root, pointer, pairs);
    },
    duplicateKeys(yamlText, sound) {
      const root = !broken && top.children.length === 1 ? top.children[0] : undefined;
      const found: number[] = [];
      return root && repeatedKeys(yamlText, root, 1, sound, found) ? found : undefined;
    },
  };
}

/** Adds to `found` the keys written again in `mark`'s maps (see NodeRecorder.duplicateKeys); false when the marks do not match the reading. */
function repeatedKeys(text: string, mark: NodeMark, depth: number, sound: (value: unknown, depth: number) => boolean, found: number[]): boolean {
  const node = settle(mark);
  const value = node.result;
  if (typeof value !== 'object' || value === null) return true;
  const children = node.children;
  if (Array.isArray(value)) {
    // an empty item has no node of its own: the careful parser places it
    if (children.length !== value.length) return false;
    return children.every((child, i) => same(settle(child).result, value[i]) && repeatedKeys(text, child, depth + 1, sound, found));
  }
  if (children.length % 2 !== 0) return false;
  // the pair each key was last written in: its value is the one the reading kept
  const last = new Map<string, number>();
  for (let k = 0; k < children.length; k += 2) {
    const key = children[k]!.result;
    if (typeof key === 'object' && key !== null) return false;
    // a key and the node after it are a pair only with a `:` between them: a flow-map key
    // written without one (`{k, j: 1}`) is null to js-yaml with no node of its own, and the
    // marks after it would pair one key with the next
    if (!colonBetween(text, children[k]!.close, children[k + 1]!.open)) return false;
    const name = String(key);
    if (last.has(name)) {
      const at = start(text, children[k]!);
      if (at === undefined) return false;
      found.push(at);
    }
    last.set(name, k);
  }
  if (last.size !== Object.keys(value).length) return false;
  for (const [name, k] of last) {
    if (!Object.prototype.hasOwnProperty.call(value, name) || !same(settle(children[k + 1]!).result, (value as Record<string, unknown>)[name])) return false;
  }
  for (let k = 0; k < children.length; k += 2) {
    const child = children[k + 1]!;
    if (last.get(String(children[k]!.result)) !== k && !sound(settle(child).result, depth + 1)) return false;
    if (!repeatedKeys(text, child, depth + 1, sound, found)) return false;
  }
  return true;
}

/** A locator for `yamlText` from a reading of its own, or undefined when js-yaml cannot read it the plain way. */
export function fastLocator(yamlText: string): FastLocator | undefined {
  const recorder = nodeRecorder();
  try {
    jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA, listener: recorder.listener });
  } catch {
    return undefined;
  }
  return recorder.locator(yamlText);
}

/**
 * js-yaml tries a block map at each node that might be one: when the first "key"
 * turns out to be the whole node (`- [a, b]`), the node's one child is that attempt.
 */
function settle(mark: NodeMark): NodeMark {
  let m = mark;
  // (a null written out on a later line, `key:` then `~` below it, is read the same way: an attempt holding the null)
  while (m.children.length === 1 && typeof m.result === 'object' && m.children[0]!.result === m.result) m = m.children[0]!; // just checked: one child
  return m;
}

/**
 * For each map mark a path has gone into: where each key's pair starts among its children (the
 * first pair of that key), or null when the marks do not pair up with the map's keys. Made once
 * per map: 20,000 problems on a 20,000-key map searched its keys once each (most of a minute).
 */
type PairIndex = Map<NodeMark, Map<string, number> | null>;

function pairsOf(node: NodeMark, value: object, pairs: PairIndex): Map<string, number> | null {
  let found = pairs.get(node);
  if (found === undefined) {
    found = null;
    if (node.children.length === Object.keys(value).length * 2) {
      found = new Map();
      for (let k = 0; k < node.children.length; k += 2) {
        const name = String(node.children[k]!.result);
        if (!found.has(name)) found.set(name, k);
      }
    }
    pairs.set(node, found);
  }
  return found;
}

function locate(text: string, root: NodeMark, pointer: string, pairs: PairIndex): number | undefined {
  let node = settle(root);
  let at = start(text, node);
  for (const segment of fromPointer(pointer)) {
    const value = node.result;
    if (typeof value !== 'object' || value === null) break;
    // the mark of the child the segment names (a list's items in order; a map's keys and values in pairs)
    let child: NodeMark | undefined;
    let key: NodeMark | undefined;
    if (Array.isArray(value)) {
      const items = node.children.length === value.length ? node.children : blockItems(text, at, node.children, value);
      if (!items) return undefined;
      if (/^\d+$/.test(segment)) child = items[Number(segment)];
    } else {
      const index = pairsOf(node, value, pairs);
      if (index === null) return undefined;
      const k = Object.prototype.hasOwnProperty.call(value, segment) ? index.get(segment) : undefined;
      if (k !== undefined) {
        key = node.children[k];
        child = node.children[k + 1];
      }
    }
    if (!child) break;
    const item = settle(child);
    if (!same(item.result, (value as Record<string, unknown>)[segment])) return undefined;
    node = item;
    at = start(text, item, key);
    if (at === undefined) return undefined;
  }
  return at;
}

/**
 * The items of a block list with empty items (`-` and nothing after it), which js-yaml
 * adds without a node: each item is found at its `-`, at the column of the first one,
 * and given the node that opened after it, or an empty mark there. Undefined when the
 * items and nodes cannot be matched one for one.
 */
function blockItems(text: string, from: number | undefined, children: readonly NodeMark[], value: readonly unknown[]): NodeMark[] | undefined {
  if (from === undefined || text.charCodeAt(from) !== DASH) return undefined;
  const firstLine = text.lastIndexOf('\n', from - 1) + 1;
  const column = from - firstLine;
  for (let j = firstLine; j < from; j++) if (text.charCodeAt(j) !== SPACE) return undefined;
  const dashes: number[] = [];
  for (let line = firstLine; dashes.length < value.length && line < text.length;) {
    let i = line;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    const eol = text.indexOf('\n', i);
    // blank and comment lines, and the lines inside an item (indented further), hold no item of this list
    if (c !== HASH && c !== LF && c !== CR && !Number.isNaN(c) && i - line <= column) {
      const after = text.charCodeAt(i + 1);
      if (i - line < column || c !== DASH || !(after === SPACE || after === LF || after === CR || Number.isNaN(after))) return undefined;
      dashes.push(i);
    }
    line = eol === -1 ? text.length : eol + 1;
  }
  if (dashes.length !== value.length) return undefined;
  const items: NodeMark[] = [];
  let next = 0;
  for (let k = 0; k < dashes.length; k++) {
    const child = children[next];
    const end = dashes[k + 1] ?? text.length;
    if (child && child.open > dashes[k]! && child.open < end) {
      items.push(child);
      next++;
    } else if (value[k] === null) {
      items.push({ open: dashes[k]! + 1, close: -1, result: null, children: NO_CHILDREN });
    } else return undefined;
  }
  return next === children.length ? items : undefined;
}

/**
 * Where the careful parser puts an empty value in a flow map: past the `:` after the key and
 * the spaces after it on that line (at a line break, a comment, or the `,` or bracket that
 * ends the entry). Undefined when no `:` follows the key before `end`.
 */
function emptyFlowValueAt(text: string, key: NodeMark, end: number): number | undefined {
  let i = key.close;
  if (i < 0) return undefined;
  while (i < end && text.charCodeAt(i) !== COLON) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== 9) return undefined;
    i++;
  }
  if (i >= end) return undefined;
  i++;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === 9) i++;
  return i;
}

/** Whether, from `from` (where a key's reading ended), the first thing past space, line breaks and comments is a `:` before `to`. */
function colonBetween(text: string, from: number, to: number): boolean {
  if (from < 0) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (c === HASH) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return false;
      i = eol;
    } else if (c !== SPACE && c !== 9 && c !== LF && c !== CR) return false;
  }
  return false;
}

const SPACE = 32;
const COLON = 58;
const HASH = 35;
const DASH = 45;
const LF = 10;
const CR = 13;

const same = (a: unknown, b: unknown) => Object.is(a, b) || (typeof a === 'object' && a !== null && a === b);

/**
 * Where the node's text begins: past the space, line breaks and comments js-yaml
 * skipped before it. An empty value is where the careful parser puts it, after the
 * spaces on its own line (at the comment, when one follows it there).
 */
function start(text: string, mark: NodeMark, key?: NodeMark): number | undefined {
  let i = mark.open;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (mark.result === null) {
    const c = text.charCodeAt(i);
    // nothing before the flow item closes: where the careful parser puts it, after the `:` and
    // the spaces on its line (js-yaml looked for the value past any line break and comment)
    if ((c === 44 || c === 125 || c === 93) && key) return emptyFlowValueAt(text, key, i);
    // the same on the key's line, or a null written out on this line
    if (c === 44 || c === 125 || c === 93 || c === 126 || c === 110 || c === 78) return i;
    // nothing before the line ends or a comment starts: empty (a null written out on a later line is its own node, see settle)
    if (c === 10 || c === 13 || c === 35 || Number.isNaN(c)) return nullOnLaterLine(text, i) ? undefined : i;
    return undefined;
  }
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return undefined;
      i = eol + 1;
    } else return Number.isNaN(c) ? undefined : i;
  }
}

/** Whether the next line with content holds only a written-out null (`key:` then `~` below it). */
function nullOnLaterLine(text: string, from: number): boolean {
  const rest = /\n[ \t]*(?:#[^\n]*)?(?:\r?\n[ \t]*(?:#[^\n]*)?)*(\S[^\n]*)?/y;
  const eol = text.indexOf('\n', from);
  rest.lastIndex = eol === -1 ? text.length : eol;
  const m = rest.exec(text);
  return m?.[1] !== undefined && /^(?:~|null|Null|NULL)[ \t]*(?:#.*)?\r?$/.test(m[1]);
}
