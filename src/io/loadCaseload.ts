// Reads a caseload folder for the caseload-wide commands (status, signoff, costs):
// config → discovery → load → common schema. A file that cannot be read or that
// the schema rejects is left out and counted, as `check` would report it, and so is
// a folder that cannot be listed; stage gates do not stop a case from being counted.
import type { CaseData } from '../core/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../core/config.js';
import { caseValidator } from '../core/validate.js';
import { findCases, unreadableFolderProblem, type UnreadableFolder } from './findCases.js';
import { loadConfig } from './loadConfig.js';
import { availableParallelism } from 'node:os';
import { workersFor } from './casePool.js';
import type { LoadedCase } from './loadCase.js';
import { loadValidCase } from './loadValidCase.js';
import type { Problem } from '../core/problem.js';
import type { CaseValidator } from '../core/validate.js';

export interface CaseloadCase {
  id: string;
  filePath: string;
  data: CaseData;
  loaded: LoadedCase;
}

export interface LoadedCaseload {
  config: ReunifyConfig;
  configPath?: string;
  cases: CaseloadCase[];
  /** Files left out, with the first reason (run `reunify check` for all of them), then folders that could not be read (`folder: true`). */
  skipped: { filePath: string; reason: string; folder?: boolean }[];
  /** Paths given that do not exist. */
  missing: string[];
}

export function loadCaseload(options: { paths: readonly string[]; configPath?: string; cwd?: string; config?: ReunifyConfig }): LoadedCaseload {
  const found = options.config ? { config: options.config, configPath: undefined } : loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  const { config } = found;
  const { files, missing, unreadable } = findCases(options.paths, { glob: config.cases, ignore: config.ignore, cwd: options.cwd });
  const validator = caseValidator(domainIdsOf(config));
  const cases: CaseloadCase[] = [];
  const skipped: LoadedCaseload['skipped'] = [];
  for (const filePath of files) {
    const { loaded, data, problems } = loadValidCase(filePath, config, { validator });
    if (!data) {
      skipped.push({ filePath, reason: blockingReason(problems) });
      continue;
    }
    cases.push({ id: data.id, filePath, data, loaded });
  }
  skipped.push(...unreadable.map(skippedFolder));
  return { config, configPath: found.configPath, cases, skipped, missing };
}

/** A folder discovery could not list, as a caseload command names it on stderr. */
function skippedFolder(u: UnreadableFolder): LoadedCaseload['skipped'][number] {
  const p = unreadableFolderProblem(u);
  return { filePath: u.folder, reason: `${p.ruleId}: ${p.message}`, folder: true };
}

/** Why a file cannot be counted (a reading or schema error; stage gates do not stop it), or undefined. */
function blockingReason(problems: readonly Problem[]): string {
  return problems[0] ? `${problems[0].ruleId}: ${problems[0].message}` : 'no front matter';
}

/** One file as the caseload-wide commands see it: its record, or why it is left out. */
export type CaseloadFile = { data: CaseData } | { skip: string };

/** Read and judge one file (fast parse; the careful parser decides whenever something looks wrong). */
export function readCaseloadFile(filePath: string, config: ReunifyConfig, validator: CaseValidator): CaseloadFile {
  const { data, problems } = loadValidCase(filePath, config, { fast: true, validator });
  return data ? { data } : { skip: blockingReason(problems) };
}

/** Below this many files, worker threads cost more than they save. */

/**
 * The records of a caseload for read-only views (status, costs, the caseload
 * report): like loadCaseload, but without keeping file contents, and spread over
 * worker threads for big caseloads.
 */
export async function readCaseloadRecords(options: { paths: readonly string[]; configPath?: string; cwd?: string; workers?: number }): Promise<Omit<LoadedCaseload, 'cases'> & { cases: { id: string; filePath: string; data: CaseData }[] }> {
  const { config, configPath } = loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  const { files, missing, unreadable } = findCases(options.paths, { glob: config.cases, ignore: config.ignore, cwd: options.cwd });
  const workers = workersFor(files.length, options.workers, availableParallelism());
  let read: CaseloadFile[];
  if (workers > 1 && files.length > 1) {
    const { runInWorkers } = await import('./casePool.js');
    read = await runInWorkers<CaseloadFile>(new URL('./caseloadWorker.js', import.meta.url), files, { config }, workers);
  } else {
    const validator = caseValidator(domainIdsOf(config));
    read = files.map((f) => readCaseloadFile(f, config, validator));
  }
  const cases: { id: string; filePath: string; data: CaseData }[] = [];
  const skipped: LoadedCaseload['skipped'] = [];
  read.forEach((r, i) => {
    if ('skip' in r) skipped.push({ filePath: files[i], reason: r.skip });
    else cases.push({ id: r.data.id, filePath: files[i], data: r.data });
  });
  skipped.push(...unreadable.map(skippedFolder));
  return { config, configPath, cases, skipped, missing };
}
