// The careful YAML reader: strict YAML 1.2 (core schema) with every value's position,
// refusing aliases, custom tags, forbidden and duplicate keys and deep nesting, and
// mapping a JSON pointer back to the source range it names.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CST, Document, Node, Pair, Scalar } from 'yaml';
import type { Problem } from '../model/problem.js';
import { fromPointer } from '../model/problem.js';
import { FORBIDDEN_KEYS, LIMITS, fileProblem, tooManyNodesAt } from './screen.js';

let yamlModule: typeof Yaml | undefined;
/** The careful parser, loaded the first time a file needs it (a check of clean files never does). */
function yamlPackage(): typeof Yaml {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
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
export function parseYamlText(yamlText: string, base: number, at: (offset: number) => { line: number; column: number }, what: string): ParsedYaml {
  const { Composer, Parser, YAMLParseError } = yamlPackage();
  let doc: Document.Parsed | undefined;
  let tokens: CST.Token[];
  const crowded = tooManyNodesAt(yamlText);
  if (crowded !== undefined) {
    const { line, column } = at(base + crowded);
    return {
      problems: [
        fileProblem(
          'yaml-too-many-nodes',
          `${what} holds more than ${LIMITS.maxNodes.toLocaleString('en-GB')} values (list items, keys, flow items); it is not read further`,
          line,
          column,
        ),
      ],
    };
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
  const { add, listed } = yamlProblemList(base, at, what);
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
  const problems = listed();
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

/**
 * The YAML problems of one text as the careful reading lists them: `add` takes each in the
 * order found (an offset into the text), keeps one per position and rule, and lists the
 * first MAX_YAML_PROBLEMS; `listed` closes the list with a line counting the rest. The fast
 * path's report of repeated keys (caseFile.ts) lists through it too, so both read alike.
 */
export function yamlProblemList(
  base: number,
  at: (offset: number) => { line: number; column: number },
  what: string,
): { add(offset: number, ruleId: string, message: string): void; listed(): Problem[] } {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let unlisted = 0;
  return {
    add(offset, ruleId, message) {
      const { line, column } = at(base + offset);
      const key = `${line}:${column}:${ruleId}`;
      if (seen.has(key)) return;
      seen.add(key);
      // a broken file can hold thousands of problems; the first few say what is wrong
      if (problems.length >= MAX_YAML_PROBLEMS) unlisted++;
      else problems.push({ ruleId, severity: 'error', message, line, column });
    },
    listed() {
      if (unlisted > 0) {
        const last = problems[problems.length - 1]!; // unlisted counts problems beyond those listed, so one is listed
        problems.push({ ...last, message: `${unlisted} more YAML problem${unlisted === 1 ? '' : 's'} in the ${what} not listed` });
        unlisted = 0;
      }
      return problems;
    },
  };
}

/** What a key written twice in one map is called, by either reading. */
export function duplicateKeyMessage(what: string): string {
  return `duplicate key in the ${what}: Map keys must be unique`;
}

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

/**
 * Every token of a CST with its collection depth, walked without recursion (not below
 * `limit` + 1), each handed to `visit` until it returns true; returns that token. (A
 * generator of [token, depth] pairs did this walk, at an object per token.)
 */
function findCstToken(tokens: readonly CST.Token[], visit: (token: CST.Token, depth: number) => boolean, limit = Infinity): CST.Token | undefined {
  const stack: (CST.Token | undefined)[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (stack.length > 0) {
    const token = stack.pop();
    const outer = depths.pop()!; // pushed with every token
    if (!token) continue;
    if (token.type === 'document') {
      stack.push(token.value);
      depths.push(outer);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const depth = outer + 1;
      if (visit(token, depth)) return token;
      if (depth > limit) continue;
      for (const item of token.items) {
        if ('key' in item) {
          stack.push(item.key ?? undefined);
          depths.push(depth);
        }
        stack.push(item.value);
        depths.push(depth);
      }
    } else if (visit(token, outer)) {
      return token;
    }
  }
  return undefined;
}

/** Offset of the first collection nested deeper than `limit` in a CST. */
function tooDeepAt(tokens: readonly CST.Token[], limit: number): number | undefined {
  return findCstToken(tokens, (_token, depth) => depth > limit, limit)?.offset;
}

/** Where the quoted scalar that runs out at `end` opened. */
function quoteOpenedAt(tokens: readonly CST.Token[], end: number): number | undefined {
  return findCstToken(
    tokens,
    (token) => (token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') && token.offset + token.source.length === end,
  )?.offset;
}

/** Where the unclosed `[` or `{` whose items run out at `end` opened: the innermost one around it not yet reported. */
function flowOpenedAt(tokens: readonly CST.Token[], end: number, open: '[' | '{', claimed: Set<number>): number | undefined {
  let found: number | undefined;
  findCstToken(tokens, (token) => {
    if (token.type !== 'flow-collection' || token.start.source !== open || token.end[0]?.source === (open === '[' ? ']' : '}')) return false;
    if (claimed.has(token.offset) || token.offset >= end || token.offset + yamlPackage().CST.stringify(token).length < end) return false;
    if (found === undefined || token.offset > found) found = token.offset;
    return false;
  });
  if (found !== undefined) claimed.add(found);
  return found;
}

function yamlMessage(code: string, message: string, what: string): string {
  // yaml's own messages may quote source text; keep only the first line, without any excerpt.
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAG_RESOLVE_FAILED') return 'custom YAML tags are not allowed: ' + first;
  if (code === 'RESOURCE_EXHAUSTION') return `${what} is nested too deeply to read`;
  return 'YAML syntax: ' + first;
}

/**
 * Aliases, forbidden keys, duplicate keys and excessive nesting are refused before any data
 * is built (unknown tags are already yaml warnings). One walk over the document, a node
 * before what it holds, each map's pairs and a pair's key before its value; the first node
 * nested too deep ends it. (yaml's own `visit` did this walk, building a frozen copy of the
 * path at every map, list and pair: a tenth of reading a broken front matter.)
 */
function checkStructure(doc: Document.Parsed, report: (offset: number, ruleId: string, message: string) => void, what: string): void {
  const { isAlias, isMap, isNode, isPair, isScalar, isSeq } = yamlPackage();
  const tooDeep = (node: Node) => report(node.range?.[0] ?? 0, 'yaml-too-deep', `${what} is nested more than ${LIMITS.maxNestingDepth} levels deep`);
  // `around`: the maps and lists the node is inside; false ends the walk
  const walk = (node: unknown, around: number): boolean => {
    if (isMap(node)) {
      // keys compared as the plain object will hold them: `1` and "1" are the same key there
      const keys = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key;
        if (!isScalar(k)) continue;
        const name = k.value === null || k.value === undefined ? '' : String(k.value);
        if (keys.has(name)) report(k.range?.[0] ?? 0, 'yaml-duplicate-key', duplicateKeyMessage(what));
        keys.add(name);
      }
      for (const pair of node.items) if (!walk(pair, around + 1)) return false;
      return true;
    }
    if (isSeq(node)) {
      // counted as the CST check counts, plus the maps a flow list makes of `[a: 1]`
      if (around + 1 > LIMITS.maxNestingDepth) {
        tooDeep(node);
        return false;
      }
      for (const item of node.items) if (!walk(item, around + 1)) return false;
      return true;
    }
    if (isPair(node)) {
      const k = node.key;
      if (isScalar(k) && typeof k.value === 'string' && FORBIDDEN_KEYS.has(k.value)) {
        report(k.range?.[0] ?? 0, 'yaml-forbidden-key', `the key "${k.value}" is not allowed`);
      } else if (k !== null && !isScalar(k)) {
        report((isNode(k) && k.range?.[0]) || 0, 'yaml-syntax', 'keys must be plain values, not lists or maps');
      }
      return walk(k, around) && walk(node.value, around);
    }
    if (isScalar(node) && around > LIMITS.maxNestingDepth) {
      tooDeep(node);
      return false;
    }
    if (isAlias(node)) report(node.range?.[0] ?? 0, 'yaml-alias', 'YAML aliases (*name) are not allowed in case files');
    return true;
  };
  walk(doc.contents, 0);
}

/** For each map of a document that is only read, its first pair of each key name (see locateRange). */
export type PairsByName = WeakMap<object, Map<string, Pair>>;

/**
 * Source range (offsets into the front matter) of the node a JSON pointer names.
 * A pointer to a missing key resolves to its nearest existing parent, so a
 * "required property" problem points at the map it belongs in. `pairs`, kept by a caller
 * that places many paths in a document it does not change, indexes each map's pairs the
 * first time a path goes into it (else every path searches the map: quadratic in a map
 * with thousands of problems).
 */
export function locateRange(doc: Document.Parsed, pointer: string, preferKey = false, pairs?: PairsByName): [number, number] | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let range = (node as Node | null)?.range;
  const named = (p: unknown): p is Pair => isPair(p) && isScalar(p.key);
  for (const segment of fromPointer(pointer)) {
    if (isMap(node)) {
      let pair: Pair | undefined;
      if (pairs) {
        let index = pairs.get(node);
        if (!index) {
          index = new Map();
          for (const p of node.items) {
            const name = named(p) ? String((p.key as Scalar).value) : undefined;
            if (name !== undefined && !index.has(name)) index.set(name, p);
          }
          pairs.set(node, index);
        }
        pair = index.get(segment);
      } else pair = node.items.find((p) => named(p) && String((p.key as Scalar).value) === segment) as Pair | undefined;
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
