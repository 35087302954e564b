// The one way to open a caseload for the caseload-wide commands (status, costs,
// signoff, the caseload report): config → discovery → every file opened with
// openCase. A file that cannot be read or that the schema rejects is left out with
// its first reason (as `check` would report it), and so is a folder that cannot be
// listed; stage gates do not stop a case from being counted. Big caseloads are read
// over worker threads, unless the cases' file contents are to be kept.
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { CaseData } from '../core/model/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../core/model/config.js';
import { caseValidator, type CaseValidator } from '../core/model/validate.js';
import { workersFor } from './casePool.js';
import { findCases, unreadableFolderProblem, type UnreadableFolder } from './findCases.js';
import type { LoadedCase } from '../core/parse/caseFile.js';
import { loadConfig } from './loadConfig.js';
import { openCase, refusalReason } from './openCase.js';

export interface CaseloadCase {
  id: string;
  filePath: string;
  data: CaseData;
  /** The file as read (with `keep: true`, for commands that write the case back). */
  loaded?: LoadedCase;
}

export interface OpenedCaseload<C extends CaseloadCase = CaseloadCase> {
  config: ReunifyConfig;
  configPath?: string;
  cases: C[];
  /** Files left out, with the first reason (run `reunify check` for all of them), then folders that could not be read (`folder: true`). */
  skipped: { filePath: string; reason: string; folder?: boolean }[];
  /** Paths given that do not exist. */
  missing: string[];
}

export interface OpenCaseloadOptions {
  paths: readonly string[];
  configPath?: string;
  cwd?: string;
  /** Worker threads: default one per core for a big caseload (casePool's threshold); 1 means none. */
  workers?: number;
  /** Told how many files are open so far, of how many, as the files are read (for a progress line). */
  onProgress?: (done: number, total: number) => void;
}

/** One file as a caseload worker sends it back: its record, or why it is left out. */
export type CaseloadFile = { data: CaseData } | { skip: string };

/** Open one file of a caseload for a read-only view (fast parse wherever the screens allow it). */
export function openCaseloadFile(filePath: string, config: ReunifyConfig, validator: CaseValidator): CaseloadFile {
  const { data, problems } = openCase(filePath, config, { fast: true, validator });
  return data ? { data } : { skip: refusalReason(problems) };
}

/**
 * With `keep: true`, every case keeps its file as read (careful parser, this thread),
 * for a command that writes a case back; otherwise the records only, spread over
 * worker threads for a big caseload.
 */
export async function openCaseload(options: OpenCaseloadOptions & { keep: true }): Promise<OpenedCaseload<CaseloadCase & { loaded: LoadedCase }>>;
export async function openCaseload(options: OpenCaseloadOptions & { keep?: false }): Promise<OpenedCaseload>;
export async function openCaseload(options: OpenCaseloadOptions & { keep?: boolean }): Promise<OpenedCaseload> {
  const { config, configPath } = loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  const { files, missing, unreadable } = findCases(options.paths, {
    glob: config.cases,
    ignore: config.ignore,
    cwd: options.cwd,
    base: configPath === undefined ? undefined : dirname(configPath),
  });
  const cases: CaseloadCase[] = [];
  const skipped: OpenedCaseload['skipped'] = [];
  let done = 0;
  const opened = (count: number) => options.onProgress?.((done += count), files.length);
  if (options.keep) {
    const validator = caseValidator(domainIdsOf(config));
    for (const filePath of files) {
      const { loaded, data, problems } = openCase(filePath, config, { validator });
      if (data) cases.push({ id: data.id, filePath, data, loaded });
      else skipped.push({ filePath, reason: refusalReason(problems) });
      opened(1);
    }
  } else {
    const workers = workersFor(files.length, options.workers, availableParallelism());
    let read: CaseloadFile[];
    if (workers > 1 && files.length > 1) {
      const { runInWorkers } = await import('./casePool.js');
      read = await runInWorkers<CaseloadFile>(new URL('./caseloadWorker.js', import.meta.url), files, { config }, workers, opened);
    } else {
      const validator = caseValidator(domainIdsOf(config));
      read = files.map((f) => {
        const file = openCaseloadFile(f, config, validator);
        opened(1);
        return file;
      });
    }
    read.forEach((r, i) => {
      const filePath = files[i];
      if (filePath === undefined) throw new Error('internal: more results than case files'); // one result per file, in order
      if ('skip' in r) skipped.push({ filePath, reason: r.skip });
      else cases.push({ id: r.data.id, filePath, data: r.data });
    });
  }
  skipped.push(...unreadable.map(skippedFolder));
  return { config, configPath, cases, skipped, missing };
}

/** A folder discovery could not list, as a caseload command names it on stderr. */
function skippedFolder(u: UnreadableFolder): OpenedCaseload['skipped'][number] {
  const p = unreadableFolderProblem(u);
  return { filePath: u.folder, reason: `${p.ruleId}: ${p.message}`, folder: true };
}
