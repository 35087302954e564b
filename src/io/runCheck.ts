// Runs `check` end to end over files on disk: config → discovery → load → check.
import { checkCases, type CheckableCase } from '../core/check.js';
import type { CheckResult, SeveritySetting } from '../core/problem.js';
import { findCases } from './findCases.js';
import { ConfigError, loadConfig } from './loadConfig.js';
import { bodySections, loadCase, type LoadedCase } from './loadCase.js';

export interface RunCheckOptions {
  paths: readonly string[];
  configPath?: string;
  asOf: string;
  ruleSettings?: Record<string, SeveritySetting>;
  /** Known rule ids, to refuse unknown ones in the config's `rules`. */
  known?: Set<string>;
  cwd?: string;
}

export function toCheckable(loaded: LoadedCase): CheckableCase {
  const split = loaded.split;
  return {
    filePath: loaded.filePath,
    stem: loaded.stem,
    data: loaded.data,
    problems: loaded.problems,
    locate: (pointer) => loaded.locate(pointer),
    verify: loaded.verify ? () => loaded.verify!() : undefined,
    sections: () => (split ? bodySections(split.body) : []),
  };
}

export function runCheck(options: RunCheckOptions): { result: CheckResult; missing: string[]; configPath?: string } {
  const { config, configPath } = loadConfig({ configPath: options.configPath, paths: options.paths, cwd: options.cwd });
  if (options.known && configPath) {
    const unknown = Object.keys(config.rules).filter((id) => !options.known!.has(id));
    if (unknown.length > 0) {
      throw new ConfigError(configPath, unknown.map((id) => ({ ruleId: 'config', severity: 'error' as const, message: `/rules: unknown rule "${id}"`, line: 1, column: 1 })));
    }
  }
  const { files, missing } = findCases(options.paths, { glob: config.cases, ignore: config.ignore, cwd: options.cwd });
  const cases = files.map((f) => toCheckable(loadCase(f, { fast: true })));
  const result = checkCases(cases, { asOf: options.asOf, config, ruleSettings: options.ruleSettings });
  return { result, missing, configPath };
}
