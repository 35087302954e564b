// What `classify` does with a case: open it (reading or schema errors stop it, as a
// suggestion built on a record the schema rejects could mislead), suggest a level and
// compare it with the baseline; and, with --record, write the classification (and
// decision) into the file through the one writer, appending to `classifications` /
// `decisions` and marking the tasks done, every other byte kept.
import { classificationSettingProblems, classify, type Suggestion } from '../core/classify/classify.js';
import type { CaseData, Classification, Decision, IsoDate } from '../core/model/caseTypes.js';
import type { ReunifyConfig } from '../core/model/config.js';
import type { Level } from '../core/model/ids.js';
import type { Problem } from '../core/model/problem.js';
import { compareWithBaseline, type BaselineComparison } from '../core/classify/reclassify.js';
import { levelsIfPresent, oldEvidence, type IfPresent } from '../core/classify/whatIf.js';
import { ConfigError, loadConfig } from '../io/loadConfig.js';
import type { LoadedCase } from '../core/parse/caseFile.js';
import { openCase } from '../io/openCase.js';
import { applyEdits, writeCaseFile, type CaseEdit } from '../io/writeCase.js';
import { freezeNewSignoffs, writeWithFrozenCopies } from './freeze.js';

export interface ClassifiedCase {
  filePath: string;
  loaded: LoadedCase;
  data?: CaseData;
  /** Reading and schema errors that stopped the classification. */
  problems: Problem[];
  suggestion?: Suggestion;
  comparison?: BaselineComparison;
  /** For each unknown factor, the level the case would be suggested if it were present. */
  ifPresent?: IfPresent[];
  /** Evidence pointers of counted contributions older than `classification.evidence_max_age_days`. */
  oldEvidence?: string[];
}

/** Open one case and classify it, or say why it cannot be. */
export function classifyCase(filePath: string, config: ReunifyConfig, asOf: string, proposed?: Level): ClassifiedCase {
  const { loaded, data, problems } = openCase(filePath, config);
  if (!data) return { filePath, loaded, problems };
  const suggestion = classify(data, config, asOf);
  const comparison = compareWithBaseline(data, config, suggestion, proposed);
  const ifPresent = levelsIfPresent(data, config, asOf, suggestion.gaps);
  const old = oldEvidence(suggestion.contributions, asOf, config.classification.evidence_max_age_days);
  return { filePath, loaded, data, problems: [], suggestion, comparison, ifPresent, oldEvidence: old };
}

/** The config, refused when its classification settings cannot be used. */
export function loadClassificationConfig(options: { configPath?: string; paths: readonly string[]; cwd?: string }): {
  config: ReunifyConfig;
  configPath?: string;
} {
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

export interface ClassificationRecord {
  classification: Classification;
  decision?: Decision;
  /** Task ids to mark done on the record's date by its author. */
  tasks: string[];
  date: IsoDate;
  by: string;
  /** Who the decision task is marked done by, when not the author: the decision is the team manager's. */
  decisionBy?: string;
}

export function recordEdits(record: ClassificationRecord): CaseEdit[] {
  const edits: CaseEdit[] = [{ op: 'append', path: ['classifications'], value: record.classification }];
  if (record.decision) edits.push({ op: 'append', path: ['decisions'], value: record.decision });
  for (const task of record.tasks) {
    // field by field, so a task's other fields (sign-off, note) stay as they are
    edits.push({ op: 'set', path: ['tasks', task, 'status'], value: 'done' });
    edits.push({ op: 'set', path: ['tasks', task, 'date'], value: record.date });
    edits.push({ op: 'set', path: ['tasks', task, 'by'], value: task === 'decision' && record.decisionBy ? record.decisionBy : record.by });
  }
  return edits;
}

/**
 * Apply the record to the text that was read and write it atomically (refused if the file changed since); `dryRun` returns the diff instead.
 * A sign-off the record carries keeps its frozen copies, as `signoff --sign` keeps them (`frozen` lists them, `skipped` says which could not be kept).
 */
export function writeClassificationRecord(
  loaded: LoadedCase,
  record: ClassificationRecord,
  options: { dryRun?: boolean; before: CaseData; config: ReunifyConfig; configPath?: string },
): { changed: boolean; diff?: string; frozen: string[]; skipped: string[] } {
  if (!loaded.bytes) throw new Error(`${loaded.filePath} was not read, so it cannot be written`);
  const text = loaded.bytes.toString('utf8');
  const plan = freezeNewSignoffs({
    filePath: loaded.filePath,
    stem: loaded.stem,
    before: options.before,
    text: applyEdits(text, recordEdits(record)),
    config: options.config,
    configPath: options.configPath,
  });
  const written = writeWithFrozenCopies(plan, options.dryRun, () => writeCaseFile(loaded, plan.text, { dryRun: options.dryRun }));
  return { ...written, frozen: plan.planned.map((c) => c.target), skipped: plan.skipped };
}
