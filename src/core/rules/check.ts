// The check pipeline over loaded cases: loader problems → schemas and stage gates
// → practice rules (per case, then caseload-wide) → severities from config and
// flags → positions. Pure: cases arrive already read.
import type { CaseData } from '../model/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../model/config.js';
import {
  compareProblems,
  countProblems,
  summarise,
  type CheckResult,
  type FileResult,
  type Problem,
  type Severity,
  type SeveritySetting,
} from '../model/problem.js';
import { RULES } from './index.js';
import type { CaseView, Rule, RuleContext } from './types.js';
import { caseValidator } from '../model/validate.js';

/** What the check pipeline needs of a loaded case (see src/core/parse/caseFile.ts). */
export interface CheckableCase {
  filePath: string;
  stem: string;
  data?: unknown;
  problems: Problem[];
  locate(pointer: string): { line: number; column: number } | undefined;
  sections(): { heading: string; content: string }[];
  /** The SHA-256 of a frozen copy the case names, or why it cannot be read (io supplies it). */
  frozenCopy?(path: string): { sha256: string } | { missing: string };
}

/** Checks that are not practice rules: reading, YAML and schema problems. */
export const BUILT_IN_CHECKS: readonly { id: string; description: string }[] = [
  { id: 'file-unreadable', description: 'The file, or a folder of the caseload, could not be read, or is not a regular file' },
  { id: 'file-empty', description: 'The file is empty' },
  { id: 'file-encoding', description: 'The file is binary, UTF-16 or not valid UTF-8' },
  { id: 'file-too-large', description: 'The file or its front matter is over the documented size limit' },
  { id: 'front-matter-missing', description: 'The file does not start with a --- front-matter fence' },
  { id: 'front-matter-unclosed', description: 'The front matter has no closing --- line' },
  { id: 'front-matter-language', description: 'The fence names a language other than YAML (e.g. ---js, which is never run)' },
  { id: 'front-matter-empty', description: 'The front matter holds nothing' },
  { id: 'front-matter-not-a-map', description: 'The front matter is a list or a single value, not a map' },
  { id: 'yaml-syntax', description: 'YAML syntax error' },
  { id: 'yaml-duplicate-key', description: 'The same key appears twice in one map' },
  { id: 'yaml-tag', description: 'A custom or language YAML tag (e.g. !!js/function) is used' },
  { id: 'yaml-alias', description: 'A YAML alias (*name) is used' },
  { id: 'yaml-forbidden-key', description: 'A key such as __proto__ or constructor is used' },
  { id: 'yaml-too-deep', description: 'The front matter is nested deeper than the documented limit' },
  { id: 'yaml-too-many-nodes', description: 'The front matter holds more values than the documented limit' },
  { id: 'schema', description: 'The front matter does not match the case-file schema (schemas/case.schema.json)' },
  { id: 'stage-gate', description: 'The case does not meet the gate of a stage it has reached (schemas/stage-N.schema.json)' },
];

export interface CheckOptions {
  asOf: string;
  config: ReunifyConfig;
  /** `--rule id=off|warn|error`, applied over config `rules`. */
  ruleSettings?: Record<string, SeveritySetting>;
}

/** `off` drops a problem and `warn` lowers it; `error` was already applied as the rule's default (see below). */
function severityFor(ruleId: string, natural: Severity, settings: Record<string, SeveritySetting>): Severity | 'off' {
  const setting = settings[ruleId];
  if (setting === 'off') return 'off';
  if (setting === 'warn') return 'warning';
  return natural;
}

/** Every rule and built-in check id, for validating `--rule` and config `rules`. */
export function knownRuleIds(): Set<string> {
  return new Set([...BUILT_IN_CHECKS.map((c) => c.id), ...RULES.map((r) => r.id)]);
}

/** What the per-case phase needs; built once per run (and once per worker). */
export interface CaseCheckEnv {
  ctx: RuleContext;
  settings: Record<string, SeveritySetting>;
  validator: ReturnType<typeof caseValidator>;
}

export function caseCheckEnv(options: CheckOptions): CaseCheckEnv {
  let validator: CaseCheckEnv['validator'] | undefined;
  return {
    ctx: { asOf: options.asOf, config: options.config },
    settings: { ...options.config.rules, ...options.ruleSettings },
    // Compiled on first use: the caseload phase and a fully cached run never need it.
    get validator() {
      return (validator ??= caseValidator(domainIdsOf(options.config)));
    },
  };
}

/** The slice of a case the caseload-wide rules read (small enough to send between threads). */
export interface CaseloadEntry {
  stem: string;
  data: Pick<CaseData, 'id' | 'siblings'>;
}

/**
 * Everything that can be said about one case on its own: reading, schema, gates
 * and per-case rules, not yet positioned.
 */
export function caseProblems(c: CheckableCase, env: CaseCheckEnv): { problems: Problem[]; entry?: CaseloadEntry } {
  const problems = [...c.problems];
  if (c.data === undefined) return { problems };
  const schemaProblems = env.validator.validate(c.data);
  problems.push(...schemaProblems);
  // Practice rules read only records the common schema accepted.
  if (schemaProblems.some((p) => p.ruleId === 'schema')) return { problems };
  const view: CaseView = {
    stem: c.stem,
    data: c.data as CaseData,
    sections: () => c.sections(),
    ...(c.frozenCopy ? { frozenCopy: (p: string) => c.frozenCopy!(p) } : {}),
  };
  for (const rule of RULES) {
    if (rule.scope !== 'case' || env.settings[rule.id] === 'off') continue;
    const severity = ruleSeverity(rule, env.settings);
    for (const p of rule.check(view, env.ctx)) problems.push({ ruleId: rule.id, severity: p.severity ?? severity, message: p.message, path: p.path });
  }
  return { problems, entry: { stem: c.stem, data: { id: view.data.id, siblings: view.data.siblings } } };
}

/** A severity a rule chose itself (e.g. a warning for gaps before an unplanned return) stands. */
function ruleSeverity(rule: Rule, settings: Record<string, SeveritySetting>): Severity {
  return settings[rule.id] === 'error' ? 'error' : rule.defaultSeverity;
}

/** Caseload-wide rules (duplicate ids, sibling links): problems per entry index. */
export function caseloadProblems(entries: readonly (CaseloadEntry | undefined)[], env: CaseCheckEnv): Map<number, Problem[]> {
  const present: CaseloadEntry[] = [];
  const index: number[] = [];
  entries.forEach((e, i) => {
    if (e) {
      present.push(e);
      index.push(i);
    }
  });
  const views = present.map((e) => ({ stem: e.stem, data: e.data as CaseData, sections: () => [] }));
  const out = new Map<number, Problem[]>();
  for (const rule of RULES) {
    if (rule.scope !== 'caseload' || env.settings[rule.id] === 'off') continue;
    const severity = ruleSeverity(rule, env.settings);
    for (const [v, problems] of rule.check(views, env.ctx)) {
      const at = index[v];
      if (at === undefined) continue; // a view the rule was not given: no case to put its problems on
      const list = out.get(at) ?? [];
      for (const p of problems) list.push({ ruleId: rule.id, severity: p.severity ?? severity, message: p.message, path: p.path });
      out.set(at, list);
    }
  }
  return out;
}

/** Apply severity settings, positions and order: the file's result as a user sees it. */
export function fileResult(
  c: Pick<CheckableCase, 'filePath' | 'data' | 'locate'>,
  found: readonly Problem[],
  settings: Record<string, SeveritySetting>,
): FileResult {
  const problems: Problem[] = [];
  for (const p of found) {
    const severity = severityFor(p.ruleId, p.severity, settings);
    if (severity === 'off') continue;
    const position = p.line === undefined && p.path !== undefined ? c.locate(positionPath(p, c.data)) : undefined;
    // written out rather than spread: problems come in many shapes, and spreading them cost
    // a microsecond each, more than placing them
    const placed: Problem = { ruleId: p.ruleId, severity, message: p.message };
    if (p.path !== undefined) placed.path = p.path;
    const line = position ? position.line : p.line;
    const column = position ? position.column : p.column;
    if (line !== undefined) placed.line = line;
    if (column !== undefined) placed.column = column;
    if (p.endLine !== undefined) placed.endLine = p.endLine;
    if (p.endColumn !== undefined) placed.endColumn = p.endColumn;
    problems.push(placed);
  }
  problems.sort(compareProblems);
  const data = c.data as { id?: unknown } | undefined;
  const { errorCount, warningCount } = countProblems(problems);
  return { filePath: c.filePath, caseId: typeof data?.id === 'string' ? data.id : undefined, problems, errorCount, warningCount };
}

/** The whole check in one thread (src/app/checkCaseload.ts may spread the per-case phase over workers). */
export function checkCases(cases: readonly CheckableCase[], options: CheckOptions): CheckResult {
  const env = caseCheckEnv(options);
  const perCase = cases.map((c) => caseProblems(c, env));
  const caseload = caseloadProblems(
    perCase.map((r) => r.entry),
    env,
  );
  // perCase holds one result per case, in order
  const results = cases.map((c, i) => fileResult(c, [...perCase[i]!.problems, ...(caseload.get(i) ?? [])], env.settings));
  return { results, summary: summarise(results), asOf: options.asOf };
}

/** A stage gate asking for a record the file has no key for points at the `stage:` that claims it. */
function positionPath(p: Problem, data: unknown): string {
  if (p.ruleId !== 'stage-gate' || !p.path) return p.path ?? '';
  const top = p.path.split('/')[1];
  return typeof data === 'object' && data !== null && top !== undefined && Object.prototype.hasOwnProperty.call(data, top) ? p.path : '/stage';
}
