// `check` end to end over files on disk: config → discovery → per-case phase
// (in this thread, or spread over worker threads, or taken from the cache) →
// caseload phase → results. Cases are dropped as soon as their result is known,
// so memory stays flat however big the caseload; one thread and no cache
// (`workers: 1`) is the reference the faster paths must equal.
import { availableParallelism } from 'node:os';
import { workersFor } from '../io/casePool.js';
import { resolve } from 'node:path';
import { caseCheckEnv, caseloadProblems, fileResult, type CaseCheckEnv } from '../core/rules/check.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { compareProblems, countProblems, summarise, type CheckResult, type FileResult, type SeveritySetting } from '../core/model/problem.js';
import { checkOneFile, toCheckable, type CaseOutcome } from '../io/checkFile.js';
import { unreadableFolderProblem, type SkippedFile, type UnreadableFolder } from '../io/findCases.js';
import { ConfigError, defaultConfig, unknownRuleProblems } from '../io/loadConfig.js';
import { loadCase } from '../io/loadCase.js';
import { selectCases } from '../io/selectCases.js';
import { notADate, parseIsoDate } from '../core/text/dates.js';
import { terminalText } from '../core/escape/terminal.js';
import { appEnv } from './env.js';
import { UsageError, today } from './shared.js';

export interface CheckRunOptions {
  paths: readonly string[];
  configPath?: string;
  /** The date the rules are relative to; without it, each config's `as_of`, else today. */
  asOf?: string;
  ruleSettings?: Record<string, SeveritySetting>;
  /** Known rule ids, to refuse unknown ones in the config's `rules`. */
  known?: Set<string>;
  cwd?: string;
}

export interface CheckOutcome {
  result: CheckResult;
  missing: string[];
  /** Files named on the command line and left out: `ignore` matched them (in `configPath`), or they are frozen copies. */
  skipped: (SkippedFile & { configPath?: string })[];
  /** The config of the first path given (for saying what was looked for when nothing matched). */
  configPath?: string;
  /** The config's `cases` glob, for saying what was looked for when nothing matched. */
  casesGlob: string;
}

export interface PreparedRun {
  config: ReunifyConfig;
  configPath?: string;
  /** The folder the config applies to (where the cache lives). */
  root: string;
  /** The files as this process reads them. */
  files: string[];
  /** The same files as results name them (relative to the run's `cwd`). */
  display: string[];
  /** Folders discovery could not list, each reported like an unreadable file (`at`: as this process reaches it). */
  unreadable: (UnreadableFolder & { at: string })[];
  asOf: string;
  env: CaseCheckEnv;
}

export interface PreparedRuns {
  /** One run per config that has files (or unreadable folders) to report; each is checked on its own, caseload rules included. */
  runs: PreparedRun[];
  missing: string[];
  skipped: CheckOutcome['skipped'];
  /** The first config found, for the message when nothing is found. */
  first: { config: ReunifyConfig; configPath?: string };
  asOf: string;
}

/** A config's `as_of`, else today. */
function asOfOf(config: ReunifyConfig, configPath: string | undefined): string {
  if (config.as_of === null || config.as_of === undefined) return today();
  const date = parseIsoDate(config.as_of);
  if (date === undefined) throw new UsageError(`${configPath ?? 'config'}: ${notADate('as_of', terminalText(config.as_of))}`);
  return date;
}

export function prepareRuns(options: CheckRunOptions): PreparedRuns {
  const selected = selectCases(options.paths, { configPath: options.configPath, cwd: options.cwd });
  for (const { config, configPath } of selected.groups) {
    if (options.known && configPath) {
      const unknown = Object.keys(config.rules).filter((id) => !options.known!.has(id));
      if (unknown.length > 0) {
        throw new ConfigError(configPath, unknownRuleProblems(configPath, unknown, options.known));
      }
    }
  }
  // findCases names files relative to options.cwd; loading, workers and the cache read from process.cwd()
  const cwd = resolve(options.cwd ?? process.cwd());
  const groups = selected.groups.filter((g) => g.files.length > 0 || g.unreadable.length > 0);
  const runs = groups.map((g): PreparedRun => {
    const asOf = options.asOf ?? asOfOf(g.config, g.configPath);
    const files = cwd === process.cwd() ? g.files : g.files.map((f) => resolve(cwd, f));
    const env = caseCheckEnv({ asOf, config: g.config, ruleSettings: options.ruleSettings });
    const unreadable = g.unreadable.map((u) => ({ ...u, at: resolve(cwd, u.folder) }));
    return { config: g.config, configPath: g.configPath, root: g.root, files, display: g.files, unreadable, asOf, env };
  });
  const dates = [...new Set(runs.map((r) => r.asOf))];
  if (dates.length > 1) {
    const which = runs.map((r) => `${r.configPath ?? 'no config'} (${r.asOf})`).join(', ');
    throw new UsageError(`the files given go by configs with different as-of dates: ${which}; check them in separate runs, or give --as-of`);
  }
  const first: PreparedRuns['first'] = selected.groups[0] ?? { config: defaultConfig() };
  return { runs, missing: selected.missing, skipped: selected.skipped, first, asOf: dates[0] ?? options.asOf ?? asOfOf(first.config, first.configPath) };
}

/** Add the caseload-wide problems (positioned by reading those few files again, the fast way) and the unreadable folders, and summarise. */
export function finishRun(run: PreparedRun, outcomes: readonly CaseOutcome[]): CheckResult {
  const extra = caseloadProblems(
    outcomes.map((o) => o.entry),
    run.env,
  );
  // one outcome per file, in the order of run.files and run.display
  const fileOf = (i: number) => {
    const file = run.files[i];
    const display = run.display[i];
    if (file === undefined || display === undefined) throw new Error(`internal: no file for case outcome ${i}`);
    return { file, display };
  };
  const results = outcomes.map((o, i) => {
    const more = extra.get(i);
    if (!more) return { ...o.result, filePath: fileOf(i).display };
    // the fast reading positions problems too (node positions from js-yaml); the careful
    // parser runs only where that reading is not to be trusted
    const loaded = loadCase(fileOf(i).file, { fast: true });
    const positioned = fileResult(toCheckable(loaded), more, run.env.settings).problems;
    const problems = [...o.result.problems, ...positioned].sort(compareProblems);
    return { ...o.result, filePath: fileOf(i).display, problems, ...countProblems(problems) };
  });
  if (run.unreadable.length > 0) {
    // each folder goes where its files would have been, so results stay in path order
    const at = new Map<FileResult, string>(results.map((r, i) => [r, resolve(fileOf(i).file)]));
    for (const u of run.unreadable) {
      const r = {
        ...fileResult({ filePath: u.folder, data: undefined, locate: () => undefined }, [unreadableFolderProblem(u)], run.env.settings),
        folder: true,
      };
      if (r.problems.length === 0) continue; // --rule file-unreadable=off
      at.set(r, u.at);
      results.push(r);
    }
    results.sort((a, b) => (at.get(a)! < at.get(b)! ? -1 : at.get(a)! > at.get(b)! ? 1 : 0));
  }
  return { results, summary: summarise(results), asOf: run.asOf };
}

export interface CheckCaseloadOptions extends CheckRunOptions {
  /** Worker threads: default one per core; 1 means none. */
  workers?: number;
  /** Keep per-case results between runs (a folder, or true for `<caseload>/.reunify-cache`). */
  cache?: string | boolean;
  /** How the cache tells a file is unchanged: size and time (default), or a hash of its bytes. */
  cacheStrategy?: 'metadata' | 'content';
  /** Hears how many files are done (cached ones included) of how many, per file or per batch of files. */
  onProgress?: (done: number, total: number) => void;
}

/** The check: each config's files on their own (cache first, then worker threads when there are many), then one result in path order. */
export async function checkCaseload(options: CheckCaseloadOptions): Promise<CheckOutcome & { checked: number }> {
  const prepared = prepareRuns(options);
  const total = prepared.runs.reduce((n, r) => n + r.files.length, 0);
  let finished = 0;
  const progress = (count: number) => options.onProgress?.((finished += count), total);
  // files taken from the cache are counted as done, and heard with the next file checked
  const cached = (count: number) => void (finished += count);
  const results: FileResult[] = [];
  let checked = 0;
  for (const run of prepared.runs) {
    const outcome = await checkRun(run, options, progress, cached);
    results.push(...outcome.result.results);
    checked += outcome.checked;
  }
  if (prepared.runs.length > 1) {
    const cwd = resolve(options.cwd ?? process.cwd());
    const key = (r: FileResult) => resolve(cwd, r.filePath);
    results.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  const result: CheckResult = { results, summary: summarise(results), asOf: prepared.asOf };
  return {
    result,
    missing: prepared.missing,
    skipped: prepared.skipped,
    configPath: prepared.first.configPath,
    casesGlob: prepared.first.config.cases,
    checked,
  };
}

async function checkRun(
  run: PreparedRun,
  options: CheckCaseloadOptions,
  progress: (count: number) => void,
  cached: (count: number) => void,
): Promise<{ result: CheckResult; checked: number }> {
  const outcomes: (CaseOutcome | undefined)[] = new Array(run.files.length);
  const cache = options.cache
    ? await import('../io/checkCache.js').then((m) =>
        m.openCheckCache(run, options.cache === true ? true : String(options.cache), options.ruleSettings, options.cacheStrategy, appEnv().vars.XDG_CACHE_HOME),
      )
    : undefined;
  const todo: { i: number; file: string }[] = [];
  run.files.forEach((f, i) => {
    const hit = cache?.lookup(f);
    if (hit) outcomes[i] = hit;
    else todo.push({ i, file: f });
  });
  cached(run.files.length - todo.length);
  // An explicit --workers is obeyed; otherwise threads are used only when they pay.
  const workers = workersFor(todo.length, options.workers, availableParallelism());
  if (workers > 1 && todo.length > 1) {
    const { runInWorkers } = await import('../io/casePool.js');
    const done = await runInWorkers<CaseOutcome>(
      new URL('../io/checkWorker.js', import.meta.url),
      todo.map(({ file }) => file),
      { asOf: run.asOf, config: run.config, ruleSettings: options.ruleSettings },
      workers,
      progress,
    );
    todo.forEach(({ i }, k) => (outcomes[i] = done[k]));
  } else {
    for (const { i, file } of todo) {
      outcomes[i] = checkOneFile(file, run.env);
      progress(1);
    }
  }
  if (cache) {
    for (const { i, file } of todo) cache.store(file, outcomes[i]!);
    cache.save();
  }
  return { result: finishRun(run, outcomes as CaseOutcome[]), checked: todo.length };
}
