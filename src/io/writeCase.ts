// The one write path: edits splice new text into the front matter at node ranges
// the loader found, so every untouched byte (comments, alignment, quoting, flow or
// block style, key order, blank lines, EOL, BOM, body) stays as it was. Each result
// is re-parsed and compared with the expected data before anyone may write it, and
// writes are atomic (temp file + rename) and refuse when the file changed on disk.
import {
  type Stats,
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { Document, isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadCase } from './loadCase.js';
import { parseCaseText, type LoadedCase } from '../core/parse/caseFile.js';

export type PathSegment = string | number;
export type CaseEdit = { op: 'set'; path: PathSegment[]; value: unknown } | { op: 'append'; path: PathSegment[]; value: unknown };

export class WriteConflictError extends Error {
  constructor(
    readonly filePath: string,
    message = `${filePath} changed on disk since it was read; nothing was written (run the command again)`,
  ) {
    super(message);
    this.name = 'WriteConflictError';
  }
}

/** The file may not or cannot be replaced as it stands (permission, owner, hard links, another writer): nothing was written. */
export class WriteRefusedError extends WriteConflictError {
  constructor(filePath: string, reason: string) {
    super(filePath, `${filePath}: ${reason}; nothing was written`);
    this.name = 'WriteRefusedError';
  }
}

type Coll = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;
type Splice = { start: number; end: number; text: string };
interface Slot {
  parent: Coll;
  pair?: Pair<unknown, unknown>;
  node: Node | null;
}
interface Layout {
  step: number;
  seqIndentless: boolean;
}

// ---------------------------------------------------------------- rendering

const SCALAR_OPTIONS = { version: '1.2', schema: 'core', lineWidth: 0, minContentWidth: 0, blockQuote: false, doubleQuotedAsJSON: true } as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isColl = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isEmptyColl = (v: unknown) => isColl(v) && Object.keys(v).length === 0;

/** One scalar on one line, quoted only when YAML needs it (in a flow collection `,[]{}` need quotes too). */
function scalarText(value: unknown, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'string' && inFlow) {
    const doc = new Document([value], SCALAR_OPTIONS);
    (doc.contents as YAMLSeq).flow = true;
    const text = doc.toString({ ...SCALAR_OPTIONS, flowCollectionPadding: false }).trim();
    if (text.startsWith('[') && text.endsWith(']') && !text.includes('\n')) return text.slice(1, -1);
  }
  const text = stringify(value, SCALAR_OPTIONS).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(value) : text;
}

/** Flow (one-line) text for any value: `{ a: 1 }`, `[a, b]` or a scalar. */
function flowText(value: unknown, inFlow: boolean, mapPad = true): string {
  if (Array.isArray(value)) return value.length ? `[${value.map((v) => flowText(v, true)).join(', ')}]` : '[]';
  if (isColl(value)) {
    const items = Object.entries(value).map(([k, v]) => `${scalarText(k, true)}: ${flowText(v, true)}`);
    if (!items.length) return '{}';
    return mapPad ? `{ ${items.join(', ')} }` : `{${items.join(', ')}}`;
  }
  return scalarText(value, inFlow);
}

function pairLines(key: string, value: unknown, indent: number, layout: Layout): string[] {
  const head = ' '.repeat(indent) + scalarText(key, false) + ':';
  if (!isColl(value) || isEmptyColl(value)) return [`${head} ${flowText(value, false)}`];
  const child = Array.isArray(value) ? indent + (layout.seqIndentless ? 0 : layout.step) : indent + layout.step;
  return [head, ...blockLines(value, child, layout)];
}

/** Block lines (with indentation) for a non-empty map or list; `inner` is the column of a list item's content relative to its dash. */
function blockLines(value: object, indent: number, layout: Layout, inner = 2): string[] {
  if (!Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => pairLines(k, v, indent, layout));
  return value.flatMap((item) => {
    if (!isColl(item) || isEmptyColl(item)) return [`${' '.repeat(indent)}- ${flowText(item, false)}`];
    const lines = blockLines(item, indent + inner, layout);
    lines[0] = ' '.repeat(indent) + '-' + ' '.repeat(inner - 1) + lines[0]!.slice(indent + inner); // a non-empty collection has at least one line
    return lines;
  });
}

/** Render a value alone: `flow` gives one line, `block` gives lines at `indent` joined by `eol`. */
export function renderValue(value: unknown, style: 'flow' | 'block', indent = 0, eol = '\n'): string {
  if (style === 'flow' || !isColl(value) || isEmptyColl(value)) return flowText(normalize(value), false);
  return blockLines(normalize(value) as object, indent, { step: 2, seqIndentless: false }).join(eol);
}

/** Plain data only; a Date becomes its day (`2026-01-02`) or ISO time, as case files write them. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // optional fields left undefined are simply not written, as JSON does
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, normalize(v)]),
    );
  }
  throw new Error(`cannot write a value of type ${typeof value} to a case file`);
}

// ---------------------------------------------------------------- text positions

class Text {
  constructor(
    readonly s: string,
    readonly eol: string,
  ) {}
  lineStart(pos: number): number {
    return this.s.lastIndexOf('\n', pos - 1) + 1;
  }
  /** End of the line's content (before `\r\n` or `\n`). */
  contentEnd(pos: number): number {
    const nl = this.s.indexOf('\n', pos);
    if (nl === -1) return this.s.length;
    return this.s[nl - 1] === '\r' ? nl - 1 : nl;
  }
  nextLine(pos: number): number {
    const nl = this.s.indexOf('\n', pos);
    return nl === -1 ? this.s.length : nl + 1;
  }
  col(pos: number): number {
    return pos - this.lineStart(pos);
  }
  lineIndent(pos: number): number {
    const start = this.lineStart(pos);
    return /^ */.exec(this.s.slice(start))![0].length;
  }
  /** Where to insert after an item ending at `end`: past its line and any comment lines indented at least `minIndent`. */
  afterItem(end: number, minIndent: number): number {
    let at = end > 0 && this.s[end - 1] === '\n' ? end : this.nextLine(end);
    for (let cur = at; cur < this.s.length; cur = this.nextLine(cur)) {
      const line = this.s.slice(cur, this.contentEnd(cur));
      if (line.trim() === '') continue;
      const indent = /^[ \t]*/.exec(line)![0].length;
      if (line[indent] !== '#' || indent < minIndent) break;
      at = this.nextLine(cur);
    }
    return at;
  }
  colonAfter(key: Node): number {
    const m = /^[ \t]*:/.exec(this.s.slice(key.range![1]));
    if (!m) throw new Error('unsupported YAML layout: a key without a plain `key:` form');
    return key.range![1] + m[0].length - 1;
  }
}

const rangeOf = (n: Node | null | undefined): [number, number] => {
  if (!n?.range) throw new Error('internal: node without a source range');
  return [n.range[0], n.range[1]];
};

/** Where a node's own text ends: a block collection's range runs on over trailing comments, and an empty value sits at its line's comment. */
function endOf(n: unknown, t: Text): number {
  if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length) {
    const last = n.items[n.items.length - 1];
    return endOf(isPair(last) ? (last.value ?? last.key) : last, t);
  }
  let [start, end] = rangeOf(n as Node);
  if (start === end) while (start > 0 && (t.s[start - 1] === ' ' || t.s[start - 1] === '\t')) end = --start;
  return end;
}

function detectLayout(root: Coll, t: Text): Layout {
  let step: number | undefined;
  let seqIndentless: boolean | undefined;
  const walk = (n: unknown) => {
    if (isMap(n)) {
      for (const p of n.items) {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        if (!k?.range) continue;
        if (!n.flow && isMap(v) && !v.flow && step === undefined) step = t.col(v.range![0]) - t.col(k.range[0]);
        if (!n.flow && isSeq(v) && !v.flow && seqIndentless === undefined) seqIndentless = t.col(v.range![0]) === t.col(k.range[0]);
        walk(v);
      }
    } else if (isSeq(n)) n.items.forEach(walk);
  };
  walk(root);
  return { step: step && step > 0 ? step : 2, seqIndentless: seqIndentless ?? false };
}

// ---------------------------------------------------------------- splices per edit

function replaceSlot(slot: Slot, value: unknown, t: Text, layout: Layout): Splice[] {
  const { parent, pair, node } = slot;
  const eol = t.eol;
  const keyNode = pair?.key as Node | undefined;
  const blockColl = (isMap(node) || isSeq(node)) && !node.flow;
  let start = node ? rangeOf(node)[0] : t.colonAfter(keyNode!) + 1;
  let end = node ? endOf(node, t) : start;
  if (node && start > end) start = end; // an empty value
  if (blockColl && t.s[end - 1] !== '\n') end = t.nextLine(end);
  const old = t.s.slice(start, end);
  const tail = old.endsWith('\n') ? eol : '';
  const inline = !isColl(value) || isEmptyColl(value) || parent.flow || ((isMap(node) || isSeq(node)) && node.flow);
  if (inline) {
    const pad = isMap(node) && node.flow ? t.s[start + 1] === ' ' : true;
    const text = flowText(value, Boolean(parent.flow), pad);
    if (blockColl && keyNode) {
      const colon = t.colonAfter(keyNode);
      if (!t.s.slice(colon + 1, start).includes('#')) return [{ start: colon + 1, end, text: ' ' + text + tail }];
    }
    if (blockColl) return [{ start, end, text: text + tail }];
    const lead = start > 0 && !/\s/.test(t.s.charAt(start - 1)) && start === end ? ' ' : '';
    // keep a trailing comment at its column when the value's length changes
    const ws = /^[ \t]*/.exec(t.s.slice(end))![0];
    if (!tail && ws && !ws.includes('\t') && t.s[end + ws.length] === '#') {
      const spaces = Math.max(1, ws.length + old.length - (lead + text).length);
      return [{ start, end: end + ws.length, text: lead + text + ' '.repeat(spaces) }];
    }
    return [{ start, end, text: lead + text + tail }];
  }
  if (!pair) {
    // a list item: `- a: 1` continues on the dash's line
    const indent = t.col(start);
    const lines = blockLines(value as object, indent, layout);
    return [{ start, end, text: lines.join(eol).slice(indent) + tail }];
  }
  const keyCol = t.col(keyNode!.range![0]);
  const indent = Array.isArray(value) ? (blockColl && isSeq(node) ? t.col(start) : keyCol + (layout.seqIndentless ? 0 : layout.step)) : keyCol + layout.step;
  const text = blockLines(value as object, indent, layout).join(eol);
  if (blockColl) return [{ start: t.lineStart(start), end, text: text + tail }];
  const colon = t.colonAfter(keyNode!);
  if (tail) return [{ start: colon + 1, end, text: eol + text + eol }];
  const lineEnd = t.contentEnd(end);
  return [
    { start: lineEnd, end: lineEnd, text: eol + text },
    { start: colon + 1, end, text: '' },
  ];
}

/** Add an item (already rendered) to a non-empty flow collection, following its spacing and line layout. */
function flowInsert(coll: Coll, item: string, t: Text): Splice[] {
  const items = coll.items as unknown[];
  const last = items[items.length - 1];
  const lastStart = rangeOf(isPair(last) ? (last.key as Node) : (last as Node))[0];
  const lastEnd = endOf(isPair(last) ? (last.value ?? last.key) : last, t);
  const close = rangeOf(coll)[1] - 1;
  if (!t.s.slice(lastEnd, close).includes('\n')) {
    let sep = ', ';
    if (items.length > 1) {
      const prev = items[items.length - 2];
      const prevEnd = endOf(isPair(prev) ? (prev.value ?? prev.key) : prev, t);
      if (t.s.slice(prevEnd, lastStart) === ',') sep = ',';
    }
    return [{ start: lastEnd, end: lastEnd, text: sep + item }];
  }
  const indent = ' '.repeat(t.lineIndent(lastStart));
  const comma = /^[ \t]*,/.exec(t.s.slice(lastEnd));
  if (comma) {
    const lineEnd = t.contentEnd(lastEnd + comma[0].length);
    return [{ start: lineEnd, end: lineEnd, text: t.eol + indent + item + ',' }];
  }
  const lineEnd = t.contentEnd(lastEnd);
  return [
    { start: lineEnd, end: lineEnd, text: t.eol + indent + item },
    { start: lastEnd, end: lastEnd, text: ',' },
  ];
}

function insertKey(map: YAMLMap<unknown, unknown>, key: string, value: unknown, t: Text, layout: Layout): Splice[] {
  if (map.flow) {
    const item = `${scalarText(key, true)}: ${flowText(value, true)}`;
    if (map.items.length) return flowInsert(map, item, t);
    const [start, end] = rangeOf(map);
    return [{ start, end, text: `{ ${item} }` }];
  }
  const indent = t.col(rangeOf(map)[0]);
  const last = map.items.at(-1);
  if (last === undefined) throw new Error('internal: a block map without entries');
  const at = t.afterItem(endOf(last.value ?? last.key, t), indent);
  const lead = at > 0 && t.s[at - 1] !== '\n' ? t.eol : '';
  return [{ start: at, end: at, text: lead + pairLines(key, value, indent, layout).join(t.eol) + t.eol }];
}

function appendItem(seq: YAMLSeq<unknown>, value: unknown, slot: Slot | undefined, t: Text, layout: Layout): Splice[] {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    if (last) return flowInsert(seq, flowText(value, true), t);
    const [start, end] = rangeOf(seq);
    return [{ start, end, text: `[${flowText(value, true)}]` }];
  }
  const indent = t.col(rangeOf(seq)[0]);
  let item: string;
  if ((isMap(last) || isSeq(last)) && last.flow && isColl(value)) {
    item = ' '.repeat(indent) + '- ' + flowText(value, true, t.s[rangeOf(last)[0] + 1] === ' ');
  } else if (isColl(value) && !isEmptyColl(value)) {
    const inner = isMap(last) || isSeq(last) ? t.col(rangeOf(last)[0]) - indent : 2;
    item = blockLines([value], indent, layout, inner > 0 ? inner : 2).join(t.eol);
  } else {
    item = `${' '.repeat(indent)}- ${flowText(value, false)}`;
  }
  // a list written at its key's column ends where a comment at that column starts
  const keyNode = slot?.pair?.key as Node | undefined;
  const indentless = keyNode !== undefined && t.col(keyNode.range![0]) === indent;
  const at = t.afterItem(endOf(last ?? seq, t), indentless ? indent + 1 : indent);
  const lead = at > 0 && t.s[at - 1] !== '\n' ? t.eol : '';
  return [{ start: at, end: at, text: lead + item + t.eol }];
}

/** Find the deepest existing node on `path`; `rest` is what does not exist yet. */
function resolve(root: Coll, path: readonly PathSegment[]): { slot?: Slot; rest: PathSegment[] } {
  let slot: Slot | undefined;
  for (let i = 0; i < path.length; i++) {
    const node: unknown = slot ? slot.node : root;
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { slot, rest: path.slice(i) };
      slot = { parent: node, pair, node: pair.value as Node | null };
    } else if (isSeq(node)) {
      if (typeof seg !== 'number' || !Number.isInteger(seg) || seg < 0 || seg >= node.items.length) {
        throw new Error(`path ${JSON.stringify(path)}: no list item ${JSON.stringify(seg)}`);
      }
      slot = { parent: node, node: node.items[seg] as Node };
    } else {
      return { slot, rest: path.slice(i) };
    }
  }
  return { slot, rest: [] };
}

function nest(keys: PathSegment[], value: unknown): unknown {
  if (keys.some((k) => typeof k !== 'string')) throw new Error(`cannot create list item ${JSON.stringify(keys)}: append to the list instead`);
  return keys.reduceRight<unknown>((v, k) => ({ [k]: v }), value);
}

function editSplices(root: Coll, data: unknown, edit: CaseEdit, t: Text): Splice[] {
  if (edit.path.length === 0) throw new Error('an edit needs a path');
  const layout = detectLayout(root, t);
  const { slot, rest } = resolve(root, edit.path);
  const target: unknown = slot ? slot.node : root;
  if (rest.length === 0) {
    const current = edit.path.reduce<unknown>((v, seg) => (v as Record<string, unknown>)[seg], data);
    if (edit.op === 'set') return isDeepStrictEqual(current, edit.value) ? [] : replaceSlot(slot!, edit.value, t, layout);
    if (isSeq(target)) return appendItem(target, edit.value, slot, t, layout);
    if (current === null) return replaceSlot(slot!, [edit.value], t, layout);
    throw new Error(`cannot append to ${JSON.stringify(edit.path)}: it is not a list`);
  }
  const value = nest(rest.slice(1), edit.op === 'set' ? edit.value : [edit.value]);
  if (typeof rest[0] !== 'string') throw new Error(`path ${JSON.stringify(edit.path)}: no list item ${rest[0]}`);
  if (isMap(target)) return insertKey(target, rest[0], value, t, layout);
  if (isSeq(target)) throw new Error(`path ${JSON.stringify(edit.path)}: ${JSON.stringify(rest[0])} is not a list index`);
  return replaceSlot(slot!, { [rest[0]]: value }, t, layout);
}

/** The same edits on plain data: what the re-parsed file must equal. */
function applyToData(data: unknown, edit: CaseEdit): void {
  const own = (o: Record<string, unknown>, k: PathSegment) => (Object.hasOwn(o, k) ? o[k] : undefined);
  let cur = data as Record<string, unknown>;
  const { path } = edit;
  for (const seg of path.slice(0, -1)) {
    if (!isColl(own(cur, seg))) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last === undefined) throw new Error('an edit needs a path');
  const existing = own(cur, last);
  if (edit.op === 'set') cur[last] = edit.value;
  else if (existing === undefined || existing === null) cur[last] = [edit.value];
  else (existing as unknown[]).push(edit.value);
}

function parse(text: string): LoadedCase {
  const loaded = parseCaseText({ filePath: '', stem: '', problems: [], locate: () => undefined }, text);
  if (loaded.problems.length > 0 || !loaded.split || !loaded.doc) {
    const first = loaded.problems[0];
    throw new Error(`the case file cannot be edited safely: ${first ? `${first.message} (line ${first.line})` : 'it did not parse'}`);
  }
  return loaded;
}

/** Pure: apply edits to the full file text (may include BOM/CRLF) and return the new text. */
export function applyEdits(text: string, edits: readonly CaseEdit[]): string {
  if (edits.length === 0) return text;
  const before = parse(text);
  const expected = structuredClone(before.data);
  let current = text;
  for (const raw of edits) {
    if (raw.path.some((seg) => FORBIDDEN_KEYS.has(String(seg)))) throw new Error(`the key ${JSON.stringify(raw.path)} is not allowed`);
    const edit = { ...raw, value: normalize(raw.value) } as CaseEdit;
    const loaded = parse(current);
    const split = loaded.split!;
    const t = new Text(split.frontMatter, split.eol);
    // applied from the end so offsets stay valid; at one offset, in the order listed (sort is stable)
    const splices = editSplices(loaded.doc!.contents as Coll, loaded.data, edit, t).sort((a, b) => b.start - a.start);
    let fm = split.frontMatter;
    for (const s of splices) fm = fm.slice(0, s.start) + s.text + fm.slice(s.end);
    const head = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    current = head + split.text.slice(0, split.frontMatterStart) + fm + split.text.slice(split.frontMatterEnd);
    applyToData(expected, edit);
  }
  if (current === text) return text;
  const after = parse(current);
  if (!isDeepStrictEqual(after.data, expected) || after.split!.body !== before.split!.body || after.split!.eol !== before.split!.eol) {
    throw new Error('internal: the edited front matter would not read back as intended; nothing was written');
  }
  return current;
}

// ---------------------------------------------------------------- writing

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const STALE_MS = 10 * 60 * 1000;
const TEMP_RE = /^\..+\.reunify-(\d+)-([0-9a-f]+)\.tmp$/;
// Temp names carry the writer's pid and a tag of its host, so a later write on the same
// host can tell a killed writer's leftovers from a write still in progress.
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

function tempPathFor(dir: string, name: string): string {
  return join(dir, `.${name}.reunify-${process.pid}-${HOST_TAG}${randomBytes(6).toString('hex')}.tmp`);
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readCurrent(target: string, loaded: LoadedCase): Buffer {
  const expected = loaded.bytes!;
  try {
    if (statSync(target).size !== expected.length) throw new WriteConflictError(loaded.filePath);
    const now = readFileSync(target);
    if (!now.equals(expected)) throw new WriteConflictError(loaded.filePath);
    return now;
  } catch (err) {
    if (err instanceof WriteConflictError) throw err;
    throw new WriteConflictError(loaded.filePath); // gone or unreadable since it was read
  }
}

function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    // ours and dead: left by a writer on this host that was killed mid-write; otherwise wait until it is old
    const tag = m[2]!; // TEMP_RE's groups are not optional
    const orphaned = tag.length === 20 && tag.startsWith(HOST_TAG) && pid !== process.pid && pid > 0 && processGone(pid);
    try {
      const p = join(dir, name);
      if (orphaned || Date.now() - statSync(p).mtimeMs > STALE_MS) unlinkSync(p);
    } catch {
      // another process may be cleaning up the same file
    }
  }
}

// ---------------------------------------------------------------- the case lock

/** How long a writer waits for another writer of the same case before giving up. */
export const LOCK_WAIT_MS = 60_000;
/** A lock older than this is taken to be left by a writer that died on another machine (one on this machine is recognised at once by its process id). */
export const LOCK_STALE_MS = 2 * 60_000;
const held = new Set<string>();

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.reunify-lock`);
}

function readLock(lock: string): { text: string; ageMs: number } | undefined {
  try {
    return { text: readFileSync(lock, 'utf8'), ageMs: Date.now() - statSync(lock).mtimeMs };
  } catch {
    return undefined;
  }
}

function lockIsStale(text: string, ageMs: number): boolean {
  const m = /^(\d+) ([0-9a-f]{8}) /.exec(text);
  if (m && m[2] === HOST_TAG) {
    const pid = Number(m[1]);
    // this process's own lock that is not held any more was left by a failed release
    if (pid === process.pid) return true;
    if (pid > 0 && processGone(pid)) return true;
  }
  return ageMs > LOCK_STALE_MS;
}

/** Move a stale lock aside and remove it, unless another writer replaced it meanwhile (then it is put back). */
function breakStaleLock(lock: string, seen: string): void {
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  try {
    if (readFileSync(aside, 'utf8') !== seen) linkSync(aside, lock);
  } catch {
    // a new lock is already there: theirs stands
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/** Remove a file of ours, trying twice (a shared drive may refuse once); gone already is fine. */
function removeQuietly(path: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      unlinkSync(path);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    }
  }
}

const EXCL_NOFOLLOW = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0);

function writeNewFile(path: string, text: string): void {
  const fd = openSync(path, EXCL_NOFOLLOW, 0o644);
  let open = true;
  try {
    writeSync(fd, text);
    open = false;
    closeSync(fd);
  } catch (err) {
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // the descriptor goes with the process
      }
    }
    removeQuietly(path);
    throw err;
  }
}

/** Create the lock with its content in one step (a complete temp file hard-linked to the lock's name); false if it exists. */
function createLock(lock: string): boolean {
  const text = `${process.pid} ${HOST_TAG} ${new Date().toISOString()}\n`;
  const temp = tempPathFor(dirname(lock), basename(lock));
  writeNewFile(temp, text);
  try {
    linkSync(temp, lock);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw err;
  } finally {
    removeQuietly(temp);
  }
  // no hard links on this file system (some shared drives): O_EXCL on the lock itself
  try {
    writeNewFile(lock, text);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function acquireLock(target: string, filePath: string): string {
  const lock = lockPathFor(target);
  const started = Date.now();
  for (;;) {
    try {
      if (createLock(lock)) return lock;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WriteRefusedError(filePath, 'you cannot write in its folder');
      throw err;
    }
    const seen = readLock(lock);
    if (seen && lockIsStale(seen.text, seen.ageMs)) {
      breakStaleLock(lock, seen.text);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new WriteRefusedError(filePath, `another reunify command is saving this case (lock file ${basename(lock)}); try again in a moment`);
    }
    sleep(20 + Math.floor(Math.random() * 30));
  }
}

/**
 * Run `fn` holding the case's lock: a file created with O_EXCL next to the case, so
 * two writers of one case (in any process, on any machine sharing the folder) never
 * read-check-write at the same time. Re-entrant within a process.
 */
export function withCaseLock<T>(filePath: string, fn: () => T): T {
  let target: string;
  try {
    target = realpathSync(filePath);
  } catch {
    throw new WriteConflictError(filePath);
  }
  if (held.has(target)) return fn();
  const lock = acquireLock(target, filePath);
  held.add(target);
  try {
    return fn();
  } finally {
    held.delete(target);
    removeQuietly(lock); // if it stays, the next writer recognises this process's leftover as stale
  }
}

/** Read the case, compute its new text and write it, all under the case's lock, so no concurrent update is lost. */
export function updateCaseFile(filePath: string, edit: (loaded: LoadedCase) => string): { changed: boolean } {
  return withCaseLock(filePath, () => {
    const loaded = loadCase(filePath);
    if (!loaded.bytes || loaded.problems.length > 0) throw new WriteRefusedError(filePath, 'the case file does not read cleanly');
    return writeCaseFile(loaded, edit(loaded));
  });
}

// ---------------------------------------------------------------- replacing a file

/** Refuse before writing anything when the file cannot be replaced as it is: no permission, read-only, or hard-linked. */
function checkReplaceable(target: string, filePath: string): Stats {
  const st = statSync(target);
  try {
    accessSync(target, fsConstants.W_OK);
  } catch {
    throw new WriteRefusedError(filePath, 'you do not have permission to change this file');
  }
  if ((st.mode & 0o222) === 0) throw new WriteRefusedError(filePath, 'the file is marked read-only');
  if (st.nlink > 1) throw new WriteRefusedError(filePath, `the file has ${st.nlink} hard links and saving would separate them`);
  return st;
}

/** Give the temp file the case's owner and group (so a save never changes who owns the record), or refuse. */
function keepOwner(fd: number, st: { uid: number; gid: number }, filePath: string): void {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return;
  if (st.uid === process.getuid() && st.gid === process.getgid!()) return;
  try {
    fchownSync(fd, st.uid, st.gid);
  } catch {
    throw new WriteRefusedError(filePath, `the file belongs to another user (uid ${st.uid}, gid ${st.gid}) and saving would make it yours`);
  }
}

function renameWithRetry(from: string, to: string, verify: () => void = () => {}): void {
  for (let attempt = 0; ; attempt++) {
    try {
      verify(); // immediately before every attempt: another writer may have landed during a wait
      renameSync(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // shared drives and virus scanners hold files open for a moment
      if (attempt >= 5 || !['EBUSY', 'EPERM', 'EACCES'].includes(code ?? '')) throw err;
      sleep(50 * 2 ** attempt);
    }
  }
}

/** Atomically write `newText` to the file if it differs from what `loaded` read. Returns whether anything was written. */
export function writeCaseFile(loaded: LoadedCase, newText: string, options: { dryRun?: boolean } = {}): { changed: boolean; diff?: string } {
  if (!loaded.bytes) throw new Error(`${loaded.filePath} was not read, so it cannot be written back`);
  const hadBom = loaded.bytes.subarray(0, 3).equals(BOM);
  const body = Buffer.from(newText.charCodeAt(0) === 0xfeff ? newText.slice(1) : newText, 'utf8');
  const out = hadBom ? Buffer.concat([BOM, body]) : body;
  // write through a symlink to the file it names, not over the link
  let target: string;
  try {
    target = realpathSync(loaded.filePath);
  } catch {
    throw new WriteConflictError(loaded.filePath);
  }
  if (options.dryRun) {
    const current = readCurrent(target, loaded);
    const changed = !current.equals(out);
    const name = loaded.filePath;
    const diff = changed ? createTwoFilesPatch(name, name, current.toString('utf8'), out.toString('utf8')) : '';
    return { changed, diff };
  }
  return withCaseLock(target, () => replaceFile(target, loaded, out));
}

function replaceFile(target: string, loaded: LoadedCase, out: Buffer): { changed: boolean } {
  const current = readCurrent(target, loaded);
  if (current.equals(out)) return { changed: false };
  const st = checkReplaceable(target, loaded.filePath);
  const dir = dirname(target);
  removeStaleTemps(dir);
  const mode = st.mode & 0o7777;
  const temp = tempPathFor(dir, basename(target));
  let fd: number | undefined;
  try {
    try {
      fd = openSync(temp, EXCL_NOFOLLOW, mode);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WriteRefusedError(loaded.filePath, 'you cannot write in its folder');
      throw err;
    }
    fchmodSync(fd, mode); // openSync's mode is filtered by the umask
    keepOwner(fd, st, loaded.filePath);
    for (let off = 0; off < out.length;) off += writeSync(fd, out, off, out.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameWithRetry(temp, target, () => readCurrent(target, loaded));
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
  try {
    const dirFd = openSync(dir, 'r');
    fsyncSync(dirFd);
    closeSync(dirFd);
  } catch {
    // not every platform can fsync a folder
  }
  return { changed: true };
}

export class CaseExistsError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath} already exists; nothing was written`);
    this.name = 'CaseExistsError';
  }
}

/**
 * Create a new case file atomically and never over another: the text goes to a temp
 * file, which is then hard-linked to the name (refused if the name exists, as `wx`
 * is) or, where the file system has no hard links, renamed after a last check.
 * `dryRun` returns the diff against nothing instead.
 */
export function createCaseFile(filePath: string, text: string, options: { dryRun?: boolean } = {}): { created: boolean; diff?: string } {
  if (existsSync(filePath)) throw new CaseExistsError(filePath);
  if (options.dryRun) return { created: false, diff: createTwoFilesPatch('/dev/null', filePath, '', text) };
  const dir = dirname(filePath);
  removeStaleTemps(dir);
  const temp = tempPathFor(dir, basename(filePath));
  const out = Buffer.from(text, 'utf8');
  const fd = openSync(temp, 'wx');
  try {
    for (let off = 0; off < out.length;) off += writeSync(fd, out, off, out.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    try {
      linkSync(temp, filePath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CaseExistsError(filePath);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw err;
      // no hard links here (some shared drives): the narrowest check-then-rename there is
      if (existsSync(filePath)) throw new CaseExistsError(filePath);
      renameWithRetry(temp, filePath);
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // renamed, or already gone
    }
  }
  try {
    const dirFd = openSync(dir, 'r');
    fsyncSync(dirFd);
    closeSync(dirFd);
  } catch {
    // not every platform can fsync a folder
  }
  return { created: true };
}
