// Runs `classify` over files on disk: config → discovery → load → schema → suggestion
// and baseline comparison. A case with reading or schema errors is not classified:
// a suggestion built on a record the schema rejects could mislead.
import { classificationSettingProblems, classify, type Suggestion } from '../core/classify.js';
import type { CaseData } from '../core/caseTypes.js';
import type { ReunifyConfig } from '../core/config.js';
import type { Level } from '../core/ids.js';
import type { Problem } from '../core/problem.js';
import { compareWithBaseline, type BaselineComparison } from '../core/reclassify.js';
import { findCases, type FoundCases } from './findCases.js';
import { ConfigError, loadConfig } from './loadConfig.js';
import type { LoadedCase } from './loadCase.js';
import { loadValidCase } from './loadValidCase.js';

export interface ClassifiedCase {
  filePath: string;
  loaded: LoadedCase;
  data?: CaseData;
  /** Reading and schema errors that stopped the classification. */
  problems: Problem[];
  suggestion?: Suggestion;
  comparison?: BaselineComparison;
}

/** Load one case and classify it, or say why it cannot be. */
export function classifyCase(filePath: string, config: ReunifyConfig, asOf: string, proposed?: Level): ClassifiedCase {
  const { loaded, data, problems } = loadValidCase(filePath, config);
  if (!data) return { filePath, loaded, problems };
  const suggestion = classify(data, config, asOf);
  const comparison = compareWithBaseline(data, config, suggestion, proposed);
  return { filePath, loaded, data, problems: [], suggestion, comparison };
}

export function loadClassificationConfig(options: { configPath?: string; paths: readonly string[]; cwd?: string }): { config: ReunifyConfig; configPath?: string } {
  const { config, configPath } = loadConfig(options);
  const problems = classificationSettingProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(
      configPath ?? 'config/default.yaml',
      problems.map((p) => ({ ruleId: 'config', severity: 'error' as const, message: `${p.path}: ${p.message}`, path: p.path, line: 1, column: 1 })),
    );
  }
  return { config, configPath };
}

export function findCaseFiles(paths: readonly string[], config: ReunifyConfig, cwd?: string): FoundCases {
  return findCases(paths, { glob: config.cases, cwd, ignore: config.ignore });
}
