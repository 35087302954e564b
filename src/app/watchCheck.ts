// `check --watch`: check once, then re-check whenever a case file changes, printing
// only the files whose result changed. Unchanged files come from the cache, so a
// re-check costs what changed.
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { CheckResult, FileResult } from '../core/model/problem.js';
import { checkCaseload, type CheckCaseloadOptions } from './checkCaseload.js';

export interface WatchOptions extends CheckCaseloadOptions {
  /** Called with the first full result, then with each change (files whose result changed, and files gone). */
  report(change: { first: boolean; changed: FileResult[]; removed: string[]; result: CheckResult }): void;
  /** Wait this long after the last change event before re-checking. */
  debounceMs?: number;
}

function key(r: FileResult): string {
  return JSON.stringify(r.problems);
}

export async function watchCheck(options: WatchOptions): Promise<() => void> {
  const run = () => checkCaseload({ ...options, cache: options.cache ?? true });
  let previous = new Map<string, FileResult>();
  let timer: NodeJS.Timeout | undefined;
  // Watching starts before the first check, so a change made while it runs is not missed.
  let running = true;
  let again = false;
  const watchers: FSWatcher[] = [];
  for (const p of options.paths.length > 0 ? options.paths : ['.']) {
    watchers.push(
      watch(resolve(options.cwd ?? process.cwd(), p), { recursive: true }, (_event, name) => {
        if (name && /(^|[\\/])\.reunify-cache([\\/]|$)/.test(String(name))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), options.debounceMs ?? 150);
      }),
    );
  }

  let first;
  try {
    first = await run();
  } catch (err) {
    for (const w of watchers) w.close();
    throw err;
  }
  previous = new Map(first.result.results.map((r) => [r.filePath, r]));
  options.report({ first: true, changed: first.result.results, removed: [], result: first.result });
  running = false;
  if (again) {
    again = false;
    void recheck();
  }

  async function recheck(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const { result } = await run();
      const now = new Map(result.results.map((r) => [r.filePath, r]));
      const changed = result.results.filter((r) => previous.get(r.filePath) === undefined || key(previous.get(r.filePath)!) !== key(r));
      const removed = [...previous.keys()].filter((f) => !now.has(f));
      previous = now;
      if (changed.length > 0 || removed.length > 0) options.report({ first: false, changed, removed, result });
    } finally {
      running = false;
      if (again) {
        again = false;
        void recheck();
      }
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
