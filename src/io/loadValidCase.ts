// Commands that act on one case (classify, report) and the caseload views refuse a
// case whose record cannot be trusted: reading errors and schema errors stop them;
// stage gates do not. One function decides that for all of them.
import type { CaseData } from '../core/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../core/config.js';
import { compareProblems, type Problem } from '../core/problem.js';
import { caseValidator, type CaseValidator } from '../core/validate.js';
import { loadCase, type LoadedCase, type LoadOptions } from './loadCase.js';

export interface ValidCase {
  loaded: LoadedCase;
  /** The record, when nothing stops it being used. */
  data?: CaseData;
  /** The reading or schema errors that stop it, positioned and in line order. */
  problems: Problem[];
}

/** `validator` may be passed in by callers that judge many files with one. */
export function loadValidCase(filePath: string, config: ReunifyConfig, options: LoadOptions & { validator?: CaseValidator } = {}): ValidCase {
  const loaded = loadCase(filePath, options);
  const validator = options.validator ?? caseValidator(domainIdsOf(config));
  const judge = (): ValidCase => {
    const blocking = (problems: Problem[]) =>
      problems
        .filter((p) => p.severity === 'error' && p.ruleId !== 'stage-gate')
        .map((p) => (p.line === undefined && p.path !== undefined ? { ...p, ...loaded.locate(p.path) } : p))
        .sort(compareProblems);
    const problems = blocking(loaded.problems);
    if (problems.length > 0 || loaded.data === undefined) return { loaded, problems };
    const schemaProblems = blocking(validator.validate(loaded.data));
    if (schemaProblems.length > 0) return { loaded, problems: schemaProblems };
    return { loaded, data: loaded.data as CaseData, problems: [] };
  };
  const first = judge();
  // A fast reading that looks wrong is confirmed by the careful parser first.
  return first.problems.length > 0 && loaded.verify?.() ? judge() : first;
}
