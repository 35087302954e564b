// The one loader every command uses: read a case file safely, split it, parse the
// front matter as strict YAML 1.2 (core schema) with positions, and map any
// JSON-pointer path back to the line and column an editor shows.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem } from '../core/problem.js';
import { fromPointer } from '../core/problem.js';
import { FrontMatterError, lineStarts, positionAt, splitCase, type SplitCase } from './frontMatter.js';

/** Documented limits (docs/limits.md): bigger inputs get one clear error instead of exhausting memory. */
export const LIMITS = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFrontMatterBytes: 1024 * 1024,
  maxNestingDepth: 32,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
    try {
      const st = statSync(filePath);
      if (!st.isFile()) {
        loaded.problems.push(fileProblem('file-unreadable', 'not a regular file'));
        return loaded;
      }
      if (st.size > LIMITS.maxFileBytes) {
        loaded.problems.push(fileProblem('file-too-large', `file is larger than the ${LIMITS.maxFileBytes / 1024 / 1024} MiB limit for a case file`));
        return loaded;
      }
      bytes = readFileSync(filePath);
      loaded.stat = { size: st.size, mtimeMs: st.mtimeMs };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      loaded.problems.push(fileProblem('file-unreadable', `file could not be read (${code})`));
      return loaded;
    }
  }
  loaded.bytes = bytes;
  if (bytes.length > LIMITS.maxFileBytes) {
    loaded.problems.push(fileProblem('file-too-large', `file is larger than the ${LIMITS.maxFileBytes / 1024 / 1024} MiB limit for a case file`));
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
  const careful = () => parseYamlText(split.frontMatter, split.frontMatterStart, at, 'front matter');
  const quick = fast ? fastParse(split.frontMatter) : undefined;
  if (quick !== undefined) {
    loaded.data = quick;
    loaded.parser = 'fast';
    let checked: ParsedYaml | undefined;
    const ensure = () => (checked ??= careful());
    loaded.locate = (pointer: string) => {
      const doc = ensure().doc;
      const range = doc ? locateRange(doc, pointer) : undefined;
      return at(split.frontMatterStart + (range ? range[0] : 0));
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
const NEEDS_CAREFUL_PARSE = /(?:^|[\s[{,:])[&*!][^\s]|^\s*\?(?:\s|$)/m;

/**
 * The fast path (js-yaml's core schema, which matches YAML 1.2 core for what case
 * files hold). Returns undefined whenever the careful parser must decide: anything
 * unusual, anything js-yaml rejects, forbidden keys or deep nesting.
 */
export function fastParse(yamlText: string): Record<string, unknown> | undefined {
  if (NEEDS_CAREFUL_PARSE.test(yamlText)) return undefined;
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
    if (FORBIDDEN_KEYS.has(key)) return false;
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
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlText, {
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      strict: true,
      prettyErrors: false,
      merge: false,
      stringKeys: false,
    });
  } catch (err) {
    const message = err instanceof RangeError ? `${what} is nested too deeply to read` : `${what} could not be parsed`;
    const { line, column } = at(base);
    return { problems: [fileProblem('yaml-syntax', message, line, column)] };
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (offset: number, ruleId: string, message: string) => {
    const { line, column } = at(base + offset);
    const key = `${line}:${column}:${ruleId}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ ruleId, severity: 'error', message, line, column });
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const ruleId = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'yaml-tag' : 'yaml-syntax';
    add(e.pos?.[0] ?? 0, ruleId, yamlMessage(e.code, e.message, what));
  }
  if (doc.errors.length === 0) checkStructure(doc, add);
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

function yamlMessage(code: string, message: string, what: string): string {
  // yaml's own messages may quote source text; keep only the first line, without any excerpt.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `duplicate key in the ${what}: ` + first;
  if (code === 'TAG_RESOLVE_FAILED') return 'custom YAML tags are not allowed: ' + first;
  return 'YAML syntax: ' + first;
}

/** Aliases, forbidden keys and excessive nesting are refused before any data is built (unknown tags are already yaml warnings). */
function checkStructure(doc: Document.Parsed, report: (offset: number, ruleId: string, message: string) => void): void {
  let reported = 0;
  visit(doc, {
    Alias(_key, node) {
      if (reported++ < 20) report(node.range?.[0] ?? 0, 'yaml-alias', 'YAML aliases (*name) are not allowed in case files');
      return visit.SKIP;
    },
    Node(_key, node, path) {
      let depth = 0;
      for (const p of path) if (isMap(p) || isSeq(p)) depth++;
      if (depth > LIMITS.maxNestingDepth) {
        if (reported++ < 20) report(node.range?.[0] ?? 0, 'yaml-too-deep', `front matter is nested more than ${LIMITS.maxNestingDepth} levels deep`);
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_key, pair) {
      const k = pair.key;
      if (isScalar(k) && typeof k.value === 'string' && FORBIDDEN_KEYS.has(k.value)) {
        if (reported++ < 20) report(k.range?.[0] ?? 0, 'yaml-forbidden-key', `the key "${k.value}" is not allowed`);
      } else if (k !== null && !isScalar(k)) {
        if (reported++ < 20) report((isNode(k) && k.range?.[0]) || 0, 'yaml-syntax', 'keys must be plain values, not lists or maps');
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

/** `## Heading` sections of a markdown body, in order. */
export function bodySections(body: string): { heading: string; content: string }[] {
  const sections: { heading: string; content: string }[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let fence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (m && !line.startsWith('###')) {
      if (current) sections.push({ heading: current.heading, content: current.lines.join('\n').trim() });
      current = { heading: m[1], lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) sections.push({ heading: current.heading, content: current.lines.join('\n').trim() });
  return sections;
}
