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
import { statusPart, type StatusPart, type StatusPartOptions } from '../core/status/status.js';

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

/** One file as the status view takes it: its share of the view (null: the view's team or filter leaves it out), or why it is left out. */
export type StatusFile = { part: StatusPart | null } | { skip: string };

/** What a caseload worker is told: the settings, and for the status view what it asks of each case. */
export interface CaseloadWorkerSettings {
  config: ReunifyConfig;
  status?: StatusReading;
}

/** The status view's options apart from the config (the caseload's own). */
export type StatusReading = Omit<StatusPartOptions, 'config' | 'skipped'>;

/** Open one file of a caseload for a read-only view (fast parse wherever the screens allow it). */
export function openCaseloadFile(filePath: string, config: ReunifyConfig, validator: CaseValidator): CaseloadFile {
  const { data, problems } = openCase(filePath, config, { fast: true, validator });
  return data ? { data } : { skip: refusalReason(problems) };
}

/** Open one file and keep only its share of the status view. */
export function statusOfCaseloadFile(filePath: string, config: ReunifyConfig, validator: CaseValidator, status: StatusReading): StatusFile {
  const file = openCaseloadFile(filePath, config, validator);
  return 'skip' in file ? file : { part: statusPart({ id: file.data.id, data: file.data }, { ...status, config }) ?? null };
}

/** How a caseload's files are read, in this thread or a worker: each one's record, or for the status view only its share of the view. */
export function caseloadReader(config: ReunifyConfig, status: StatusReading | undefined): (filePath: string) => CaseloadFile | StatusFile {
  const validator = caseValidator(domainIdsOf(config));
  return status ? (f) => statusOfCaseloadFile(f, config, validator, status) : (f) => openCaseloadFile(f, config, validator);
}

/** The caseload's config and files. */
function locateCaseload(options: OpenCaseloadOptions) {
  const { config, configPath } = loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  const found = findCases(options.paths, {
    glob: config.cases,
    ignore: config.ignore,
    cwd: options.cwd,
    base: configPath === undefined ? undefined : dirname(configPath),
  });
  return { config, configPath, ...found };
}

/** Where the caseload is, what it holds, and each file read by caseloadReader (over worker threads for a big caseload). */
async function readCaseload<T extends CaseloadFile | StatusFile>(
  options: OpenCaseloadOptions,
  statusFor: ((config: ReunifyConfig) => StatusReading) | undefined,
): Promise<{ config: ReunifyConfig; configPath?: string; files: string[]; results: T[]; missing: string[]; unreadable: UnreadableFolder[] }> {
  const { config, configPath, files, missing, unreadable } = locateCaseload(options);
  const status = statusFor?.(config);
  let done = 0;
  const opened = (count: number) => options.onProgress?.((done += count), files.length);
  const workers = workersFor(files.length, options.workers, availableParallelism());
  let results: T[];
  if (workers > 1 && files.length > 1) {
    const { runInWorkers } = await import('./casePool.js');
    const settings: CaseloadWorkerSettings = { config, ...(status ? { status } : {}) };
    results = await runInWorkers<T>(new URL('./caseloadWorker.js', import.meta.url), files, settings, workers, opened);
  } else {
    // the reader a worker uses, with the same settings (a status reading gives StatusFile, else CaseloadFile)
    const read = caseloadReader(config, status) as (filePath: string) => T;
    results = files.map((f) => {
      const r = read(f);
      opened(1);
      return r;
    });
  }
  if (results.length !== files.length) throw new Error('internal: not one result per case file');
  return { config, configPath, files, results, missing, unreadable };
}

/**
 * With `keep: true`, every case keeps its file as read (careful parser, this thread),
 * for a command that writes a case back; otherwise the records only, spread over
 * worker threads for a big caseload.
 */
export async function openCaseload(options: OpenCaseloadOptions & { keep: true }): Promise<OpenedCaseload<CaseloadCase & { loaded: LoadedCase }>>;
export async function openCaseload(options: OpenCaseloadOptions & { keep?: false }): Promise<OpenedCaseload>;
export async function openCaseload(options: OpenCaseloadOptions & { keep?: boolean }): Promise<OpenedCaseload> {
  const cases: CaseloadCase[] = [];
  const skipped: OpenedCaseload['skipped'] = [];
  if (options.keep) {
    const { config, configPath, files, missing, unreadable } = locateCaseload(options);
    const validator = caseValidator(domainIdsOf(config));
    let done = 0;
    for (const filePath of files) {
      const { loaded, data, problems } = openCase(filePath, config, { validator });
      if (data) cases.push({ id: data.id, filePath, data, loaded });
      else skipped.push({ filePath, reason: refusalReason(problems) });
      options.onProgress?.(++done, files.length);
    }
    skipped.push(...unreadable.map(skippedFolder));
    return { config, configPath, cases, skipped, missing };
  }
  const { config, configPath, files, results, missing, unreadable } = await readCaseload<CaseloadFile>(options, undefined);
  results.forEach((r, i) => {
    const filePath = files[i]!;
    if ('skip' in r) skipped.push({ filePath, reason: r.skip });
    else cases.push({ id: r.data.id, filePath, data: r.data });
  });
  skipped.push(...unreadable.map(skippedFolder));
  return { config, configPath, cases, skipped, missing };
}

/** A caseload as the status view takes it: each case's share of the view, never the records themselves. */
export interface CaseloadStatus {
  config: ReunifyConfig;
  configPath?: string;
  /** The shares of the cases the view counts, in the caseload's order. */
  parts: StatusPart[];
  /** The files read and accepted, whether or not the view counts them. */
  read: string[];
  skipped: OpenedCaseload['skipped'];
  missing: string[];
}

/**
 * Open a caseload for the status view: each file is read, reduced to its share of the view
 * and let go (in worker threads for a big caseload), so memory does not grow with the
 * records. `statusFor` is told the caseload's config before any case is read (it may throw
 * a usage error, e.g. for a filter the config does not allow).
 */
export async function openCaseloadStatus(options: OpenCaseloadOptions, statusFor: (config: ReunifyConfig) => StatusReading): Promise<CaseloadStatus> {
  const { config, configPath, files, results, missing, unreadable } = await readCaseload<StatusFile>(options, statusFor);
  const parts: StatusPart[] = [];
  const skipped: OpenedCaseload['skipped'] = [];
  const read: string[] = [];
  results.forEach((r, i) => {
    if ('skip' in r) skipped.push({ filePath: files[i]!, reason: r.skip });
    else {
      read.push(files[i]!);
      if (r.part) parts.push(r.part);
    }
  });
  skipped.push(...unreadable.map(skippedFolder));
  return { config, configPath, parts, read, skipped, missing };
}

/** A folder discovery could not list, as a caseload command names it on stderr. */
function skippedFolder(u: UnreadableFolder): OpenedCaseload['skipped'][number] {
  const p = unreadableFolderProblem(u);
  return { filePath: u.folder, reason: `${p.ruleId}: ${p.message}`, folder: true };
}
