// Reads a caseload folder for the caseload-wide commands (status, signoff, costs):
// config → discovery → load → common schema. A file that cannot be read or that
// the schema rejects is left out and counted, as `check` would report it; stage
// gates do not stop a case from being counted.
import type { CaseData } from '../core/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../core/config.js';
import { caseValidator } from '../core/validate.js';
import { findCases } from './findCases.js';
import { loadConfig } from './loadConfig.js';
import { loadCase, type LoadedCase } from './loadCase.js';

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
  /** Files left out, with the first reason (run `reunify check` for all of them). */
  skipped: { filePath: string; reason: string }[];
  /** Paths given that do not exist. */
  missing: string[];
}

export function loadCaseload(options: { paths: readonly string[]; configPath?: string; cwd?: string; config?: ReunifyConfig }): LoadedCaseload {
  const found = options.config ? { config: options.config, configPath: undefined } : loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  const { config } = found;
  const { files, missing } = findCases(options.paths, { glob: config.cases, ignore: config.ignore, cwd: options.cwd });
  const validator = caseValidator(domainIdsOf(config));
  const cases: CaseloadCase[] = [];
  const skipped: LoadedCaseload['skipped'] = [];
  for (const filePath of files) {
    const loaded = loadCase(filePath);
    const blocking = [...loaded.problems, ...(loaded.data !== undefined ? validator.validate(loaded.data) : [])].filter(
      (p) => p.severity === 'error' && p.ruleId !== 'stage-gate',
    );
    if (loaded.data === undefined || blocking.length > 0) {
      skipped.push({ filePath, reason: blocking[0] ? `${blocking[0].ruleId}: ${blocking[0].message}` : 'no front matter' });
      continue;
    }
    const data = loaded.data as CaseData;
    cases.push({ id: data.id, filePath, data, loaded });
  }
  return { config, configPath: found.configPath, cases, skipped, missing };
}
