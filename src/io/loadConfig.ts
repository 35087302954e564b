// Finds, reads and validates reunify.config.yaml, merged over the shipped defaults.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA_SET, additionProblems, impossibleConfigDates, mergeSettings, type ReunifyConfig } from '../core/model/config.js';
import { validatorsFor } from '../core/model/precompiled.js';
import { notADate } from '../core/text/dates.js';
import type { Problem } from '../core/model/problem.js';
import { lineStarts, positionAt } from '../core/parse/frontMatter.js';
import { decodeCaseBytes, tooManyNodesAt } from '../core/parse/screen.js';
import { fastParse } from '../core/parse/fastYaml.js';
import { locateRange, parseYamlText } from '../core/parse/strictYaml.js';
import { systemReason } from './systemReason.js';
import { readRegularFile } from './readRegularFile.js';
import { GlobError, globMatcher } from './glob.js';

export const CONFIG_FILE_NAME = 'reunify.config.yaml';
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CONFIG_PATH = join(PACKAGE_ROOT, 'config', 'default.yaml');

export class ConfigError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: Problem[],
  ) {
    super(`${filePath}: invalid configuration`);
  }
}

export interface LoadedConfig {
  config: ReunifyConfig;
  /** The user's file, when one was found or given. */
  configPath?: string;
  /** Folder the config applies to (its own folder, or the first path checked). */
  root: string;
}

let defaults: ReunifyConfig | undefined;
let configValidator: ValidateFunction | undefined;

export function defaultConfig(): ReunifyConfig {
  if (!defaults) {
    const { data, problems } = readYamlFile(DEFAULT_CONFIG_PATH);
    if (problems.length > 0) throw new ConfigError(DEFAULT_CONFIG_PATH, problems);
    defaults = data as ReunifyConfig;
  }
  return structuredClone(defaults);
}

/** `cases` and `ignore` patterns the matcher refuses (too many {…} alternatives); the schema bounds their length. */
function badGlobs(value: unknown): { pointer: string; reason: string }[] {
  const data = value as { cases?: unknown; ignore?: unknown } | undefined;
  const globs: [string, unknown][] = [
    ['/cases', data?.cases],
    ...(Array.isArray(data?.ignore) ? data.ignore.map((g, i): [string, unknown] => [`/ignore/${i}`, g]) : []),
  ];
  const out: { pointer: string; reason: string }[] = [];
  for (const [pointer, glob] of globs) {
    if (typeof glob !== 'string' || glob.length > 256) continue; // the schema says why
    try {
      globMatcher(glob);
    } catch (err) {
      if (!(err instanceof GlobError)) throw err;
      out.push({ pointer, reason: err.message });
    }
  }
  return out;
}

function readYamlFile(filePath: string): { data?: unknown; problems: Problem[]; text?: string } {
  const read = readRegularFile(filePath, Infinity);
  if ('refused' in read) return { problems: [{ ruleId: 'config', severity: 'error', message: 'not a regular file', line: 1, column: 1 }] };
  if ('failed' in read)
    return { problems: [{ ruleId: 'config', severity: 'error', message: `could not be read (${systemReason(read.failed)})`, line: 1, column: 1 }] };
  const bytes = read.bytes;
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const validate = (configValidator ??= validatorsFor(CONFIG_SCHEMA_SET).config);
  if (validate === undefined) throw new Error('internal: no config validator');
  // Most configs (the shipped defaults above all) are plain and valid: the fast reading
  // settles them; anything else is read carefully, for positions.
  const quick = tooManyNodesAt(text) === undefined ? fastParse(text) : undefined;
  if (quick !== undefined && validate(quick) && badGlobs(quick).length === 0 && impossibleConfigDates(quick).length === 0)
    return { data: quick, problems: [], text };
  const starts = lineStarts(text);
  const parsed = parseYamlText(text, 0, (o) => positionAt(starts, o), 'config file');
  if (parsed.problems[0]?.ruleId === 'front-matter-empty') return { data: {}, problems: [], text };
  if (parsed.problems.length > 0 || !parsed.doc) return { problems: parsed.problems, text };
  const doc = parsed.doc;
  const problems: Problem[] = [];
  const at = (pointer: string, preferKey = false) => positionAt(starts, locateRange(doc, pointer, preferKey)?.[0] ?? 0);
  for (const { pointer, reason } of badGlobs(parsed.data)) {
    problems.push({ ruleId: 'config', severity: 'error', message: `${pointer}: the pattern ${reason}`, path: pointer, ...at(pointer) });
  }
  for (const pointer of impossibleConfigDates(parsed.data)) {
    problems.push({ ruleId: 'config', severity: 'error', message: `${pointer}: ${notADate()}`, path: pointer, ...at(pointer) });
  }
  if (!validate(parsed.data) || problems.length > 0) {
    for (const e of validate(parsed.data) ? [] : (validate.errors ?? [])) {
      const pointer = e.instancePath;
      const where = e.keyword === 'additionalProperties' ? `${pointer}/${(e.params as { additionalProperty: string }).additionalProperty}` : pointer;
      const detail =
        e.keyword === 'additionalProperties'
          ? `unknown setting "${(e.params as { additionalProperty: string }).additionalProperty}"`
          : e.keyword === 'enum'
            ? `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
            : (e.message ?? 'is invalid');
      problems.push({
        ruleId: 'config',
        severity: 'error',
        message: `${pointer || '/'}: ${detail}`,
        path: where,
        ...at(where, e.keyword === 'additionalProperties'),
      });
    }
  }
  return { data: parsed.data, problems, text };
}

/** Walk up from `start` looking for reunify.config.yaml. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Load the config for a run. `--config FILE` wins; otherwise the nearest
 * reunify.config.yaml walking up from the first path given, then from the working
 * directory. Throws ConfigError (the command exits 2) when it is invalid.
 */
export function loadConfig(options: { configPath?: string; paths?: readonly string[]; cwd?: string } = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const first = options.paths?.[0];
  const configPath = options.configPath ? resolve(cwd, options.configPath) : ((first ? findConfigFile(resolve(cwd, first)) : undefined) ?? findConfigFile(cwd));
  const base = defaultConfig();
  if (!configPath) return { config: base, root: resolve(cwd, first ?? '.') };
  const { data, problems } = readYamlFile(configPath);
  if (problems.length > 0) throw new ConfigError(configPath, problems);
  const config = mergeSettings(base, data);
  const clashes = additionProblems(config);
  if (clashes.length > 0) {
    throw new ConfigError(
      configPath,
      clashes.map((c) => ({ ruleId: 'config', severity: 'error' as const, message: c.message, path: c.path, line: 1, column: 1 })),
    );
  }
  return { config, configPath, root: dirname(configPath) };
}

/** Edit distance (insert, delete, replace), for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    // prev and cur hold b.length + 1 entries: every index read here was written
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest of `known` to `given`, when it is close enough to be a slip (a third of its length at most, or the same last part). */
export function didYouMean(given: string, known: Iterable<string>): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const id of known) {
    const d = id.split('/').pop() === given.split('/').pop() ? 0.5 : distance(given.toLowerCase(), id.toLowerCase());
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(given.length / 3)) ? best.id : undefined;
}

/** Config problems for rule ids in `rules:` that no rule has, each at its key with the nearest known id. */
export function unknownRuleProblems(configPath: string, ids: readonly string[], known: ReadonlySet<string>): Problem[] {
  let at: (pointer: string) => { line: number; column: number } = () => ({ line: 1, column: 1 });
  // read a moment ago (as every file the tool did not write is read); if not now, the problems go at 1:1
  const read = readRegularFile(configPath, Infinity);
  if ('bytes' in read) {
    const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const starts = lineStarts(text);
    const parsed = parseYamlText(text, 0, (o) => positionAt(starts, o), 'config file');
    if (parsed.doc) {
      const doc = parsed.doc;
      at = (pointer) => {
        const range = locateRange(doc, pointer, true);
        return range ? positionAt(starts, range[0]) : { line: 1, column: 1 };
      };
    }
  }
  return ids.map((id) => {
    const pointer = `/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const near = didYouMean(id, known);
    return {
      ruleId: 'config',
      severity: 'error' as const,
      message: `/rules: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
      path: pointer,
      ...at(pointer),
    };
  });
}
