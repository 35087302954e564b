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
import { findCases, unreadableFolderProblem, type UnreadableFolder } from '../io/findCases.js';
import { ConfigError, loadConfig, unknownRuleProblems } from '../io/loadConfig.js';
import { loadCase } from '../io/loadCase.js';
import { appEnv } from './env.js';

export interface CheckRunOptions {
  paths: readonly string[];
  configPath?: string;
  asOf?: string;
  ruleSettings?: Record<string, SeveritySetting>;
  /** Known rule ids, to refuse unknown ones in the config's `rules`. */
  known?: Set<string>;
  cwd?: string;
}

export interface CheckOutcome {
  result: CheckResult;
  missing: string[];
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
  missing: string[];
  /** Folders discovery could not list, each reported like an unreadable file (`at`: as this process reaches it). */
  unreadable: (UnreadableFolder & { at: string })[];
  asOf: string;
  env: CaseCheckEnv;
}

export function prepareRun(options: CheckRunOptions & { asOf: string }): PreparedRun {
  const { config, configPath, root } = loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  if (options.known && configPath) {
    const unknown = Object.keys(config.rules).filter((id) => !options.known!.has(id));
    if (unknown.length > 0) {
      throw new ConfigError(configPath, unknownRuleProblems(configPath, unknown, options.known));
    }
  }
  const found = findCases(options.paths, { glob: config.cases, ignore: config.ignore, cwd: options.cwd });
  // findCases names files relative to options.cwd; loading, workers and the cache read from process.cwd()
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = cwd === process.cwd() ? found.files : found.files.map((f) => resolve(cwd, f));
  const env = caseCheckEnv({ asOf: options.asOf, config, ruleSettings: options.ruleSettings });
  const unreadable = found.unreadable.map((u) => ({ ...u, at: resolve(cwd, u.folder) }));
  return { config, configPath, root, files, display: found.files, missing: found.missing, unreadable, asOf: options.asOf, env };
}

/** Add the caseload-wide problems (positioned by reading those few files again) and the unreadable folders, and summarise. */
export function finishRun(run: PreparedRun, outcomes: readonly CaseOutcome[]): CheckResult {
  const extra = caseloadProblems(outcomes.map((o) => o.entry), run.env);
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
    const loaded = loadCase(fileOf(i).file);
    const positioned = fileResult(toCheckable(loaded), more, run.env.settings).problems;
    const problems = [...o.result.problems, ...positioned].sort(compareProblems);
    return { ...o.result, filePath: fileOf(i).display, problems, ...countProblems(problems) };
  });
  if (run.unreadable.length > 0) {
    // each folder goes where its files would have been, so results stay in path order
    const at = new Map<FileResult, string>(results.map((r, i) => [r, resolve(fileOf(i).file)]));
    for (const u of run.unreadable) {
      const r = { ...fileResult({ filePath: u.folder, data: undefined, locate: () => undefined }, [unreadableFolderProblem(u)], run.env.settings), folder: true };
      if (r.problems.length === 0) continue; // --rule file-unreadable=off
      at.set(r, u.at);
      results.push(r);
    }
    results.sort((a, b) => (at.get(a)! < at.get(b)! ? -1 : at.get(a)! > at.get(b)! ? 1 : 0));
  }
  return { results, summary: summarise(results), asOf: run.asOf };
}

export interface CheckCaseloadOptions extends CheckRunOptions {
  asOf: string;
  /** Worker threads: default one per core; 1 means none. */
  workers?: number;
  /** Keep per-case results between runs (a folder, or true for `<caseload>/.reunify-cache`). */
  cache?: string | boolean;
  /** How the cache tells a file is unchanged: size and time (default), or a hash of its bytes. */
  cacheStrategy?: 'metadata' | 'content';
  /** Hears how many files are done (cached ones included) of how many, per file or per batch of files. */
  onProgress?: (done: number, total: number) => void;
}

/** The check: cache first, then the remaining files over worker threads when there are many. */
export async function checkCaseload(options: CheckCaseloadOptions): Promise<CheckOutcome & { checked: number }> {
  const run = prepareRun(options);
  const outcomes: (CaseOutcome | undefined)[] = new Array(run.files.length);
  const cache = options.cache ? await import('../io/checkCache.js').then((m) => m.openCheckCache(run, options.cache === true ? true : String(options.cache), options.ruleSettings, options.cacheStrategy, appEnv().vars.XDG_CACHE_HOME)) : undefined;
  const todo: { i: number; file: string }[] = [];
  run.files.forEach((f, i) => {
    const hit = cache?.lookup(f);
    if (hit) outcomes[i] = hit;
    else todo.push({ i, file: f });
  });
  let finished = run.files.length - todo.length;
  const progress = (count: number) => options.onProgress?.((finished += count), run.files.length);
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
  return { result: finishRun(run, outcomes as CaseOutcome[]), missing: run.missing, configPath: run.configPath, casesGlob: run.config.cases, checked: todo.length };
}
