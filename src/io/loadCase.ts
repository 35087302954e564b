// The one loader every command uses: read a case file safely, split it, parse the
// front matter as strict YAML 1.2 (core schema) with positions, and map any
// JSON-pointer path back to the line and column an editor shows.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CST, Document, Node } from 'yaml';
import type { Problem } from '../core/problem.js';
import { fromPointer } from '../core/problem.js';
import { fastLocator, type FastLocator } from '../core/parse/fastLocate.js';
import { FrontMatterError, lineStarts, positionAt, splitCase, type SplitCase } from '../core/parse/frontMatter.js';
import { systemReason } from './systemReason.js';

/** Documented limits (docs/limits.md): bigger inputs get one clear error instead of exhausting memory. */
export const LIMITS = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFrontMatterBytes: 1024 * 1024,
  maxNestingDepth: 32,
  /** List items, map entries and flow items in one front matter (or config / answers file). */
  maxNodes: 50_000,
} as const;

/**
 * Where the front matter passes `LIMITS.maxNodes` values, found by one pass over the
 * text before any parser runs (so a 1 MiB `x: [1,1,1,…]` costs milliseconds, not
 * seconds and hundreds of MB): every line that is not blank or a comment, and every
 * item of a flow collection (`,` inside `[ ]` or `{ }`, outside quotes and comments)
 * counts, so the count is never below the number of values. Undefined within the limit.
 */
export function tooManyNodesAt(text: string, limit: number = LIMITS.maxNodes): number | undefined {
  let count = 0;
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      continue;
    }
    if (lineStart) {
      // a block entry: `- item` or `key:` (indentation skipped)
      let j = i;
      while (text.charCodeAt(j) === 32) j++;
      const d = text.charCodeAt(j);
      if (d !== 35 && d !== 10 && !Number.isNaN(d)) {
        if (++count > limit) return j;
      }
      lineStart = false;
      i = j - 1;
      continue;
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      // a comment runs to the end of the line
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
    } else if (c === 34 || c === 39) {
      // a quoted scalar only where one can start; skip to its closing quote
      const prev = i > 0 ? text.charAt(i - 1) : '\n';
      if (!/[\s,[{:-]/.test(prev)) continue;
      for (i++; i < text.length; i++) {
        const q = text.charCodeAt(i);
        if (c === 34 && q === 92) i++;
        else if (q === c) {
          if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
          else break;
        }
      }
    } else if ((c === 91 || c === 123) && (depth > 0 || /[\s:-]/.test(text[i - 1] ?? ' '))) {
      // a flow collection opens only where a value starts (`x[1]` in plain text does not);
      // its depth is the nesting limit's business, its items are counted at their commas
      depth++;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 44 && depth > 0) {
      if (++count > limit) return i;
    }
  }
  return undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let yamlModule: typeof Yaml | undefined;
/** The careful parser, loaded the first time a file needs it (a check of clean files never does). */
function yamlPackage(): typeof Yaml {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

export interface LoadedCase {
  filePath: string;
  /** File name without `.md`: a case's id must equal it. */
  stem: string;
  split?: SplitCase;
  doc?: Document.Parsed;
  /** The front matter as plain data, when it parsed without errors. */
  data?: unknown;
  /** Problems found while reading and parsing, already positioned. */
  problems: Problem[];
  /** Size and modification time of what was read, for conflict detection and caching. */
  stat?: { size: number; mtimeMs: number };
  /** The raw bytes read (kept so a writer can refuse when the file has changed since). */
  bytes?: Buffer;
  /** Line and column for a JSON pointer into the front matter. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /** Which parser produced `data`: the fast js-yaml path, or the careful `yaml` one with positions. */
  parser?: 'fast' | 'careful';
  /**
   * For a fast-parsed case: parse carefully too and, if the careful parser disagrees
   * (other data, or a problem), take its result. Returns true when `data` or
   * `problems` changed. The careful result always wins.
   */
  verify?(): boolean;
}

export interface LoadOptions {
  /** Already-read bytes (e.g. from a worker or a test); otherwise the file is read. */
  bytes?: Buffer;
  /** Try the fast parser first; positions are then worked out only when asked for. */
  fast?: boolean;
}

function fileProblem(ruleId: string, message: string, line = 1, column = 1): Problem {
  return { ruleId, severity: 'error', message, line, column };
}

/** Decode bytes as UTF-8, refusing binary data, UTF-16 and invalid sequences with a clear message. */
export function decodeCaseBytes(bytes: Buffer): { text: string } | { problem: Problem } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { problem: fileProblem('file-encoding', 'file is UTF-16; save case files as UTF-8') };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { problem: fileProblem('file-encoding', 'file contains NUL bytes: it looks binary, not a markdown case file') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: fileProblem('file-encoding', 'file is not valid UTF-8') };
  }
}

const tooLarge = () => fileProblem('file-too-large', `file is larger than the ${LIMITS.maxFileBytes / 1024 / 1024} MiB limit for a case file`);

/**
 * Read at most the size limit through one descriptor: opened non-blocking (a FIFO
 * swapped in after discovery cannot hang us), checked to be a regular file on that
 * same descriptor, and never read past the limit even if the file grows meanwhile.
 */
function readCaseBytes(filePath: string): { bytes: Buffer; stat: { size: number; mtimeMs: number } } | { problem: Problem } {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: fileProblem('file-unreadable', 'not a regular file') };
    if (st.size > LIMITS.maxFileBytes) return { problem: tooLarge() };
    let buffer = Buffer.alloc(st.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > LIMITS.maxFileBytes) return { problem: tooLarge() };
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, LIMITS.maxFileBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { bytes: buffer.subarray(0, length), stat: { size: st.size, mtimeMs: st.mtimeMs } };
  } catch (err) {
    return { problem: fileProblem('file-unreadable', `file could not be read (${systemReason(err)})`) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function loadCase(filePath: string, options: LoadOptions = {}): LoadedCase {
  const ext = extname(filePath);
  const loaded: LoadedCase = {
    filePath,
    stem: basename(filePath, ext),
    problems: [],
    locate: () => undefined,
  };
  let bytes = options.bytes;
  if (!bytes) {
    const read = readCaseBytes(filePath);
    if ('problem' in read) {
      loaded.problems.push(read.problem);
      return loaded;
    }
    bytes = read.bytes;
    loaded.stat = read.stat;
  }
  loaded.bytes = bytes;
  if (bytes.length > LIMITS.maxFileBytes) {
    loaded.problems.push(tooLarge());
    return loaded;
  }
  if (bytes.length === 0) {
    loaded.problems.push(fileProblem('file-empty', 'file is empty: a case file needs YAML front matter'));
    return loaded;
  }
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) {
    loaded.problems.push(decoded.problem);
    return loaded;
  }
  return parseCaseText(loaded, decoded.text, options.fast);
}

/** Parse an already-decoded case text into `loaded` (exported for in-memory use by the writer and tests). */
export function parseCaseText(loaded: LoadedCase, decoded: string, fast = false): LoadedCase {
  let split: SplitCase;
  const bomless = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  let starts: number[] | undefined;
  const getStarts = () => (starts ??= lineStarts(bomless));
  const at = (offset: number) => positionAt(getStarts(), offset);
  try {
    split = splitCase(decoded);
  } catch (err) {
    if (err instanceof FrontMatterError) {
      const { line, column } = at(err.offset);
      loaded.problems.push(fileProblem(err.ruleId, err.message, line, column));
      return loaded;
    }
    throw err;
  }
  loaded.split = split;
  if (split.frontMatter.length > LIMITS.maxFrontMatterBytes) {
    loaded.problems.push(fileProblem('file-too-large', `front matter is larger than the ${LIMITS.maxFrontMatterBytes / 1024} KiB limit`));
    return loaded;
  }
  const crowded = tooManyNodesAt(split.frontMatter);
  if (crowded !== undefined) {
    const { line, column } = at(split.frontMatterStart + crowded);
    loaded.problems.push(fileProblem('yaml-too-many-nodes', `front matter holds more than ${LIMITS.maxNodes.toLocaleString('en-GB')} values (list items, keys, flow items); it is not read further`, line, column));
    return loaded;
  }
  const careful = () => parseYamlText(split.frontMatter, split.frontMatterStart, at, 'front matter');
  const quick = fast ? fastParse(split.frontMatter) : undefined;
  if (quick !== undefined) {
    loaded.data = quick;
    loaded.parser = 'fast';
    let checked: ParsedYaml | undefined;
    const ensure = () => (checked ??= careful());
    let locator: FastLocator | null | undefined;
    loaded.locate = (pointer: string) => {
      // js-yaml's own reading places most paths; the careful parser places the rest, and all once it has run
      let offset: number | undefined;
      if (!checked) {
        locator ??= fastLocator(split.frontMatter) ?? null;
        offset = locator?.(pointer);
      }
      if (offset === undefined) {
        const doc = ensure().doc;
        offset = (doc ? locateRange(doc, pointer)?.[0] : undefined) ?? 0;
      }
      return at(split.frontMatterStart + offset);
    };
    loaded.verify = () => {
      if (loaded.parser === 'careful') return false;
      const result = ensure();
      loaded.parser = 'careful';
      loaded.doc = result.doc;
      if (result.problems.length === 0 && isDeepStrictEqual(result.data, quick)) return false;
      loaded.problems.push(...result.problems);
      loaded.data = result.problems.length === 0 ? result.data : undefined;
      return true;
    };
    return loaded;
  }
  loaded.parser = 'careful';
  const parsed = careful();
  if (parsed.doc) {
    const doc = parsed.doc;
    loaded.doc = doc;
    loaded.locate = (pointer: string) => {
      const range = locateRange(doc, pointer);
      return at(split.frontMatterStart + (range ? range[0] : 0));
    };
  }
  loaded.problems.push(...parsed.problems);
  if (parsed.problems.length === 0) loaded.data = parsed.data;
  return loaded;
}

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
// (?:^|[\s[{,:])[-+]?0[bBoOxX]  |  (?:^|[\s[{,:])[-+]\.\d  |  (?:^|[\s[{,:])-0+ at a value's end  |  \d[eE][-+]?\d{3}  |  a line `- -`
export const PARSERS_DIFFER =
  /0[bBoOxX](?<=(?:^|[\s[{,:])[-+]?0[bBoOxX])|\.\d(?<=(?:^|[\s[{,:])[-+]\.\d)|-0+(?=[\s,\]}]|$)(?<=(?:^|[\s[{,:])-0+)|[eE][-+]?\d{3}(?<=\d[eE][-+]?\d{3})|-[ \t]*$(?<=^[ \t]*-[ \t]+-[ \t]*)/m;

/**
 * Layouts js-yaml reads leniently where yaml refuses them (or reads them otherwise):
 * a lone CR, a comment glued to a closing quote or bracket, and a quoted scalar or
 * flow collection running over lines that are not indented past the line it opened
 * on. A small scan over quotes, brackets, comments and block scalars; it may step
 * aside for a file yaml would accept, never the other way round.
 */
export function layoutDiffers(text: string): boolean {
  if (/\r(?!\n)/.test(text)) return true;
  let quote = 0;
  let depth = 0;
  let openIndent = -1;
  let blockIndent = -1;
  // one pass over the text, line by line, without cutting it into strings
  for (let from = 0; from <= text.length; ) {
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
    const continuing = quote !== 0 || depth > 0;
    if (continuing && !blank && indent <= openIndent) return true;
    let canStart = !continuing || depth > 0;
    let closed = false;
    for (let j = start + (continuing && quote ? 0 : indent); j < end; j++) {
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
      }
      closed = false;
      if (c === SPACE || c === TAB) continue;
      const after = j + 1 < end ? text.charCodeAt(j + 1) : -1;
      if (canStart && (c === DQUOTE || c === SQUOTE)) {
        quote = c;
        if (depth === 0) openIndent = indent;
      } else if (canStart && (c === OPEN_SQUARE || c === OPEN_CURLY)) {
        if (depth++ === 0) openIndent = indent;
      } else if (depth > 0 && (c === CLOSE_SQUARE || c === CLOSE_CURLY)) {
        depth--;
        closed = true;
        canStart = false;
      } else if (depth > 0 && c === COMMA) {
        canStart = true;
      } else if (c === COLON && (depth > 0 || after === -1 || after === SPACE || after === TAB)) {
        canStart = true;
      } else if ((c === DASH || c === QUESTION) && canStart && (after === -1 || after === SPACE)) {
        canStart = true;
      } else if (canStart && depth === 0 && (c === PIPE || c === GREATER)) {
        blockIndent = indent;
        break;
      } else {
        canStart = false;
      }
    }
  }
  return false;
}

const TAB = 9;
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
 * unusual, anything js-yaml rejects, forbidden keys or deep nesting.
 */
export function fastParse(yamlText: string): Record<string, unknown> | undefined {
  if (NEEDS_CAREFUL_PARSE.test(yamlText) || PARSERS_DIFFER.test(yamlText) || (CLOSED_BEFORE_COLON.test(yamlText) && COLLECTION_KEY.test(yamlText)) || layoutDiffers(yamlText)) {
    return undefined;
  }
  let data: unknown;
  try {
    data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return plainAndShallow(data, 1) ? (data as Record<string, unknown>) : undefined;
}

function plainAndShallow(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > LIMITS.maxNestingDepth) return false;
  if (Array.isArray(value)) return value.every((v) => plainAndShallow(v, depth + 1));
  for (const key of Object.keys(value)) {
    // a null key (`~:`) is "null" to js-yaml but "" to yaml
    if (FORBIDDEN_KEYS.has(key) || key === 'null' || key === '[object Object]') return false;
    if (!plainAndShallow((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

export interface ParsedYaml {
  doc?: Document.Parsed;
  data?: unknown;
  problems: Problem[];
}

/**
 * Parse YAML text strictly (YAML 1.2 core schema, unique keys, no aliases, no
 * custom tags, no forbidden keys, bounded nesting). `base` is the offset of the
 * text inside the file and `at` maps file offsets to positions. `what` names the
 * text in messages ("front matter", "config file").
 */
export function parseYamlText(
  yamlText: string,
  base: number,
  at: (offset: number) => { line: number; column: number },
  what: string,
): ParsedYaml {
  const { Composer, Parser, YAMLParseError } = yamlPackage();
  let doc: Document.Parsed | undefined;
  let tokens: CST.Token[];
  const crowded = tooManyNodesAt(yamlText);
  if (crowded !== undefined) {
    const { line, column } = at(base + crowded);
    return { problems: [fileProblem('yaml-too-many-nodes', `${what} holds more than ${LIMITS.maxNodes.toLocaleString('en-GB')} values (list items, keys, flow items); it is not read further`, line, column)] };
  }
  try {
    // The CST parser is iterative: nesting is measured there, before the recursive composer could run out of stack.
    tokens = [...new Parser().parse(yamlText)];
    const deep = tooDeepAt(tokens, LIMITS.maxNestingDepth);
    if (deep !== undefined) {
      const { line, column } = at(base + deep);
      return { problems: [fileProblem('yaml-too-deep', `${what} is nested more than ${LIMITS.maxNestingDepth} levels deep`, line, column)] };
    }
    for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, yamlText.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
  } catch (err) {
    const message = err instanceof RangeError ? `${what} is nested too deeply to read` : `${what} could not be parsed`;
    const { line, column } = at(base);
    return { problems: [fileProblem(err instanceof RangeError ? 'yaml-too-deep' : 'yaml-syntax', message, line, column)] };
  }
  if (!doc) return { problems: [fileProblem('front-matter-empty', `${what} is empty`, at(base).line, 1)] };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let unlisted = 0;
  const add = (offset: number, ruleId: string, message: string) => {
    const { line, column } = at(base + offset);
    const key = `${line}:${column}:${ruleId}`;
    if (seen.has(key)) return;
    seen.add(key);
    // a broken file can hold thousands of problems; the first few say what is wrong
    if (problems.length >= MAX_YAML_PROBLEMS) unlisted++;
    else problems.push({ ruleId, severity: 'error', message, line, column });
  };
  const claimed = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const ruleId = e.code === 'TAG_RESOLVE_FAILED' ? 'yaml-tag' : e.code === 'RESOURCE_EXHAUSTION' ? 'yaml-too-deep' : 'yaml-syntax';
    let offset = e.pos?.[0] ?? 0;
    // yaml reports an unclosed quote where the text ran out; the opening quote is what to fix
    if (e.code === 'MISSING_CHAR' && e.message.includes('quote')) offset = quoteOpenedAt(tokens, offset) ?? offset;
    // likewise an unclosed [ or {, which yaml notices only where the collection ends (usually the next line)
    const flow = /^Flow (sequence|map)\b.* end with a [\]}]$/.exec(e.message);
    if (flow) offset = flowOpenedAt(tokens, offset, flow[1] === 'map' ? '{' : '[', claimed) ?? offset;
    add(offset, ruleId, yamlMessage(e.code, e.message, what));
  }
  checkStructure(doc, add, what);
  if (unlisted > 0) {
    const last = problems.at(-1)!; // a problem goes unlisted only once the list is full
    problems.push({ ...last, message: `${unlisted} more YAML problem${unlisted === 1 ? '' : 's'} in the ${what} not listed` });
  }
  if (problems.length > 0) return { doc, problems };
  const data = doc.toJS({ maxAliasCount: 0 });
  if (data === null || data === undefined) {
    return { doc, problems: [fileProblem('front-matter-empty', `${what} is empty`, at(base).line, 1)] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const { line, column } = at(base + (doc.contents?.range?.[0] ?? 0));
    return { doc, problems: [fileProblem('front-matter-not-a-map', `${what} must be a map of keys to values, not a list or a single value`, line, column)] };
  }
  return { doc, data, problems };
}

const MAX_YAML_PROBLEMS = 20;

// uniqueKeys is checked in checkStructure: yaml's own check compares every pair with every other (minutes for a 1 MiB map).
// resolveKnownTags: false turns the YAML 1.1 types (!!binary, !!set, !!omap, !!pairs, !!timestamp) into unknown-tag errors.
const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  merge: false,
  stringKeys: false,
  resolveKnownTags: false,
} as const;

/** Every token of a CST with its collection depth, walked without recursion (stopping below `limit` + 1). */
function* cstTokens(tokens: readonly CST.Token[], limit = Infinity): Generator<[CST.Token, number]> {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, outer] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, outer]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const depth = outer + 1;
      yield [token, depth];
      if (depth > limit) continue;
      for (const item of token.items) {
        if ('key' in item) stack.push([item.key ?? undefined, depth]);
        stack.push([item.value, depth]);
      }
    } else {
      yield [token, outer];
    }
  }
}

/** Offset of the first collection nested deeper than `limit` in a CST. */
function tooDeepAt(tokens: readonly CST.Token[], limit: number): number | undefined {
  for (const [token, depth] of cstTokens(tokens, limit)) if (depth > limit) return token.offset;
  return undefined;
}

/** Where the quoted scalar that runs out at `end` opened. */
function quoteOpenedAt(tokens: readonly CST.Token[], end: number): number | undefined {
  for (const [token] of cstTokens(tokens)) {
    if ((token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') && token.offset + token.source.length === end) return token.offset;
  }
  return undefined;
}

/** Where the unclosed `[` or `{` whose items run out at `end` opened: the innermost one around it not yet reported. */
function flowOpenedAt(tokens: readonly CST.Token[], end: number, open: '[' | '{', claimed: Set<number>): number | undefined {
  let found: number | undefined;
  for (const [token] of cstTokens(tokens)) {
    if (token.type !== 'flow-collection' || token.start.source !== open || token.end[0]?.source === (open === '[' ? ']' : '}')) continue;
    if (claimed.has(token.offset) || token.offset >= end || token.offset + yamlPackage().CST.stringify(token).length < end) continue;
    if (found === undefined || token.offset > found) found = token.offset;
  }
  if (found !== undefined) claimed.add(found);
  return found;
}

function yamlMessage(code: string, message: string, what: string): string {
  // yaml's own messages may quote source text; keep only the first line, without any excerpt.
  // split gives at least one part
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAG_RESOLVE_FAILED') return 'custom YAML tags are not allowed: ' + first;
  if (code === 'RESOURCE_EXHAUSTION') return `${what} is nested too deeply to read`;
  return 'YAML syntax: ' + first;
}

/** Aliases, forbidden keys, duplicate keys and excessive nesting are refused before any data is built (unknown tags are already yaml warnings). */
function checkStructure(doc: Document.Parsed, report: (offset: number, ruleId: string, message: string) => void, what: string): void {
  const { isMap, isNode, isScalar, isSeq, visit } = yamlPackage();
  visit(doc, {
    Alias(_key, node) {
      report(node.range?.[0] ?? 0, 'yaml-alias', 'YAML aliases (*name) are not allowed in case files');
      return visit.SKIP;
    },
    Node(_key, node, path) {
      // counted as the CST check counts, plus the maps a flow list makes of `[a: 1]`
      let depth = isMap(node) || isSeq(node) ? 1 : 0;
      for (const p of path) if (isMap(p) || isSeq(p)) depth++;
      if (depth > LIMITS.maxNestingDepth) {
        report(node.range?.[0] ?? 0, 'yaml-too-deep', `${what} is nested more than ${LIMITS.maxNestingDepth} levels deep`);
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_key, map) {
      // keys compared as the plain object will hold them: `1` and "1" are the same key there
      const keys = new Set<string>();
      for (const pair of map.items) {
        const k = pair.key;
        if (!isScalar(k)) continue;
        const name = k.value === null || k.value === undefined ? '' : String(k.value);
        if (keys.has(name)) report(k.range?.[0] ?? 0, 'yaml-duplicate-key', `duplicate key in the ${what}: Map keys must be unique`);
        keys.add(name);
      }
    },
    Pair(_key, pair) {
      const k = pair.key;
      if (isScalar(k) && typeof k.value === 'string' && FORBIDDEN_KEYS.has(k.value)) {
        report(k.range?.[0] ?? 0, 'yaml-forbidden-key', `the key "${k.value}" is not allowed`);
      } else if (k !== null && !isScalar(k)) {
        report((isNode(k) && k.range?.[0]) || 0, 'yaml-syntax', 'keys must be plain values, not lists or maps');
      }
    },
  });
}

/**
 * Source range (offsets into the front matter) of the node a JSON pointer names.
 * A pointer to a missing key resolves to its nearest existing parent, so a
 * "required property" problem points at the map it belongs in.
 */
export function locateRange(doc: Document.Parsed, pointer: string, preferKey = false): [number, number] | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let range = (node as Node | null)?.range;
  for (const segment of fromPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      if (preferKey || !valueNode || !valueNode.range) {
        range = keyNode.range;
        if (!valueNode) break;
      } else {
        range = valueNode.range;
      }
      node = valueNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item || !/^\d+$/.test(segment)) break;
      range = item.range ?? range;
      node = item;
    } else {
      break;
    }
  }
  return range ? [range[0], range[1]] : undefined;
}

/**
 * `## Heading` sections of a markdown body, in order (headings inside ``` or ~~~ fences
 * do not count). HTML comments are left out of the content: they are prompts for the
 * writer (`reunify new` puts one under each heading), not part of the record, so a
 * section holding only its prompt is empty.
 */
export function bodySections(body: string): { heading: string; content: string }[] {
  const sections: { heading: string; content: string }[] = [];
  let current: { heading: string; from: number } | undefined;
  const close = (to: number) => {
    if (!current) return;
    const text = body.slice(current.from, to);
    const lines = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
    sections.push({ heading: current.heading, content: (lines.includes('<!--') ? withoutComments(lines) : lines).trim() });
  };
  let fence = false;
  // line by line, looking closer only at lines that could open a fence or a heading
  for (let from = 0; from <= body.length; ) {
    let next = body.indexOf('\n', from);
    if (next === -1) next = body.length;
    const c = body.charCodeAt(from);
    if ((c === 96 || c === 126) && /^(```|~~~)/.test(body.slice(from, from + 3))) fence = !fence;
    else if (c === HASH && !fence) {
      const line = body.slice(from, next > from && body.charCodeAt(next - 1) === CR ? next - 1 : next);
      const m = /^##\s+(.+?)\s*#*\s*$/.exec(line);
      if (m && !line.startsWith('###')) {
        close(from);
        current = { heading: m[1]!, from: next + 1 }; // group 1 is not optional
      }
    }
    from = next + 1;
  }
  close(body.length);
  return sections;
}

/** Markdown text without its `<!-- … -->` comments, except inside ``` or ~~~ fences. */
function withoutComments(text: string): string {
  const out: string[] = [];
  let fence = false;
  let comment = false;
  for (const line of text.split('\n')) {
    if (!comment && /^(```|~~~)/.test(line)) fence = !fence;
    if (fence || (!comment && !line.includes('<!--'))) {
      out.push(line);
      continue;
    }
    let kept = '';
    let rest = line;
    while (rest !== '') {
      if (comment) {
        const end = rest.indexOf('-->');
        rest = end === -1 ? '' : rest.slice(end + 3);
        comment = end === -1;
      } else {
        const start = rest.indexOf('<!--');
        kept += start === -1 ? rest : rest.slice(0, start);
        rest = start === -1 ? '' : rest.slice(start + 4);
        comment = start !== -1;
      }
    }
    out.push(kept);
  }
  return out.join('\n');
}
