// The one way to open a case file for use: read it (careful parser, or the fast one
// wherever the screens say the two read the same), then judge it with
// the schema. A case whose record cannot be trusted — a reading error or a schema
// error — is refused with those problems, positioned and in line order; stage gates
// do not stop a case being used (`reunify check` reports them).
import type { CaseData } from '../core/model/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../core/model/config.js';
import { compareProblems, type Problem } from '../core/model/problem.js';
import { caseValidator, type CaseValidator } from '../core/model/validate.js';
import { bodySections } from '../core/parse/bodySections.js';
import { loadCase } from './loadCase.js';
import type { LoadedCase } from '../core/parse/caseFile.js';

export type CaseSection = { heading: string; content: string };

export interface OpenCaseOptions {
  /** Read with the fast parser first (the caseload views); default: the careful one. */
  fast?: boolean;
  /** One validator for many files (the caseload opens every file with one). */
  validator?: CaseValidator;
  /** Cut the narrative body into its sections (a report reads them). */
  sections?: boolean;
}

export interface OpenedCase {
  filePath: string;
  loaded: LoadedCase;
  /** The record, when nothing stops it being used. */
  data?: CaseData;
  /** The reading or schema errors that stop it (empty when `data` is there). */
  problems: Problem[];
  /** What stopped it: the file could not be read as a case, or the schema rejects the record. */
  refused?: 'reading' | 'schema';
  /** The body's sections (with `sections: true`; empty when the case is refused). */
  sections?: CaseSection[];
}

export function openCase(filePath: string, config: ReunifyConfig, options: OpenCaseOptions & { sections: true }): OpenedCase & { sections: CaseSection[] };
export function openCase(filePath: string, config: ReunifyConfig, options?: OpenCaseOptions): OpenedCase;
export function openCase(filePath: string, config: ReunifyConfig, options: OpenCaseOptions = {}): OpenedCase {
  const loaded = loadCase(filePath, { fast: options.fast });
  const validator = options.validator ?? caseValidator(domainIdsOf(config));
  const refuse = (refused: 'reading' | 'schema', problems: Problem[]): OpenedCase => ({
    filePath,
    loaded,
    problems,
    refused,
    ...(options.sections ? { sections: [] } : {}),
  });
  const blocking = (problems: Problem[]) =>
    problems
      .filter((p) => p.severity === 'error' && p.ruleId !== 'stage-gate')
      .map((p) => (p.line === undefined && p.path !== undefined ? { ...p, ...loaded.locate(p.path) } : p))
      .sort(compareProblems);
  const problems = blocking(loaded.problems);
  if (problems.length > 0 || loaded.data === undefined) return refuse('reading', problems);
  const schemaProblems = blocking(validator.validate(loaded.data));
  if (schemaProblems.length > 0) return refuse('schema', schemaProblems);
  const opened: OpenedCase = { filePath, loaded, data: loaded.data as CaseData, problems: [] };
  if (options.sections) opened.sections = bodySections(loaded.split?.body ?? '');
  return opened;
}

/** Why a refused case is left out, in one line: its first problem. */
export function refusalReason(problems: readonly Problem[]): string {
  return problems[0] ? `${problems[0].ruleId}: ${problems[0].message}` : 'no front matter';
}
