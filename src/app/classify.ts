// `reunify classify <case|dir>`: the suggested level with every contribution, the
// comparison with the baseline, the suggested decision; `--record` appends the
// classification (and decision) through the one writer.
import { appEnv } from './env.js';
import { dirname } from 'node:path';
import {
  EXIT,
  UsageError,
  cwd,
  makeColor,
  parseAsOf,
  writeErr,
  writeOut,
  type CommonOptions,
  flagPathsFromCwd,
  fromCwd,
  writeOutHuman,
  safeStrings,
} from './shared.js';
import type { Level } from '../core/model/ids.js';
import type { Problem } from '../core/model/problem.js';

export interface ClassifyFlags extends CommonOptions {
  format: 'text' | 'json';
  asOf?: string;
  record?: boolean;
  level?: Level;
  overrideCategory?: string;
  overrideReason?: string;
  by?: string;
  /** Others who classified together with `by` (RC2: the manager and the worker). */
  with?: string[];
  signedOffBy?: string;
  signedOffDate?: string;
  date?: string;
  decision?: string;
  reasons?: string;
  /** RC3: when the next post-return review is, written on the decision. */
  nextReview?: string;
  dryRun?: boolean;
}

function checkDate(flag: string, value: string | undefined): void {
  if (value === undefined) return;
  parseAsOf(value, flag);
}

function checkFlags(flags: ClassifyFlags): void {
  const recordOnly: [keyof ClassifyFlags, string][] = [
    ['level', '--level'],
    ['overrideCategory', '--override-category'],
    ['overrideReason', '--override-reason'],
    ['by', '--by'],
    ['with', '--with'],
    ['signedOffBy', '--signed-off-by'],
    ['signedOffDate', '--signed-off-date'],
    ['date', '--date'],
    ['decision', '--decision'],
    ['reasons', '--reasons'],
    ['nextReview', '--next-review'],
    ['dryRun', '--dry-run'],
  ];
  if (!flags.record) {
    const given = recordOnly.filter(([key]) => flags[key] !== undefined).map(([, name]) => name);
    if (given.length > 0) throw new UsageError(`${given.join(', ')} only with --record`);
    return;
  }
  if (!flags.level) throw new UsageError('--record needs --level (the level chosen)');
  if (!flags.by?.trim()) throw new UsageError('--record needs --by (who classified)');
  if (flags.signedOffDate && !flags.signedOffBy) throw new UsageError('--signed-off-date needs --signed-off-by');
  // a sign-off is the team manager's act, dated by them: the record date is not assumed for it (docs/decisions.md)
  if (flags.signedOffBy && !flags.signedOffDate)
    throw new UsageError('--signed-off-by needs --signed-off-date (the date the team manager signed it off; none is assumed)');
  if (flags.reasons !== undefined && !flags.decision) throw new UsageError('--reasons needs --decision');
  if (flags.nextReview !== undefined && !flags.decision) throw new UsageError('--next-review needs --decision (the post-return review decision it follows)');
  checkDate('--next-review', flags.nextReview);
  checkDate('--date', flags.date);
  checkDate('--signed-off-date', flags.signedOffDate);
}

function reportProblems(filePath: string, problems: readonly Problem[]): void {
  for (const p of problems) writeErr(`${filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message} (${p.ruleId})\n`);
}

export async function runClassifyCommand(target: string, flags: ClassifyFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  target = fromCwd(target);
  checkFlags(flags);
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [target], configPath: flags.config });
  const { statSync } = await import('node:fs');
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    writeErr(`reunify: ${target}: no such file or folder\n`);
    return EXIT.usage;
  }
  if (isDir && flags.record) throw new UsageError('--record takes one case file, not a folder');
  const { loadClassificationConfig } = await import('./classifyCase.js');
  const { config, configPath } = loadClassificationConfig({ configPath: flags.config, paths: [target] });
  const color = makeColor(undefined, flags.color);
  return isDir ? classifyFolder(target, flags, config, asOf, color, configPath) : classifyOne(target, flags, config, asOf, color, configPath);
}

type Config = import('../core/model/config.js').ReunifyConfig;
type Color = ReturnType<typeof makeColor>;

function viewOf(
  filePath: string,
  result: import('./classifyCase.js').ClassifiedCase,
  config: Config,
): import('../report/format/classification.js').ClassifiedView {
  return {
    filePath,
    suggestion: result.suggestion!,
    comparison: result.comparison!,
    ifPresent: result.ifPresent ?? [],
    oldEvidence: result.oldEvidence ?? [],
    evidenceMaxAgeDays: config.classification.evidence_max_age_days,
  };
}

async function classifyOne(
  filePath: string,
  flags: ClassifyFlags,
  config: Config,
  asOf: string,
  color: Color,
  configPath: string | undefined,
): Promise<number> {
  const { classifyCase } = await import('./classifyCase.js');
  const { formatClassificationText, classificationJson } = await import('../report/format/classification.js');
  const result = classifyCase(filePath, config, asOf, flags.level);
  if (!result.suggestion || !result.comparison || !result.data) {
    reportProblems(filePath, result.problems);
    writeErr(`reunify: ${filePath} could not be classified: fix the problems above first (reunify check ${filePath})\n`);
    return EXIT.problems;
  }
  const view = viewOf(filePath, result, config);
  let recorded: import('../report/format/classification.js').RecordedView | undefined;
  let diff: string | undefined;
  let kept: { frozen: string[]; skipped: string[] } | undefined;
  if (flags.record) {
    const outcome = await recordClassification(result, flags, config, asOf, configPath);
    if (typeof outcome === 'string') {
      writeErr(`reunify: ${filePath}: ${outcome}\n`);
      return EXIT.problems;
    }
    ({ recorded, diff, kept } = outcome);
  }
  const { relative } = await import('node:path');
  const copies = (kept?.frozen ?? []).map((target) => relative(cwd(), target) || target);
  if (flags.format === 'json') {
    writeOut(
      JSON.stringify(
        { version: 1, ...classificationJson(view, recorded), ...(flags.record ? { frozen_copies: copies } : {}), ...(diff !== undefined ? { diff } : {}) },
        null,
        2,
      ) + '\n',
    );
  } else if (!(flags.quiet && recorded?.written)) {
    writeOutHuman(formatClassificationText(safeStrings(view), safeStrings(config.labels.levels), color, safeStrings(recorded)), color);
    if (diff !== undefined) writeOutHuman(diff === '' ? 'No change.\n' : '\n' + diff);
    // as signoff --sign says it: the written record kept of the sign-off
    writeOutHuman(copies.map((p) => `  ${flags.dryRun ? 'would keep frozen copy' : 'frozen copy'}: ${p}\n`).join(''));
  }
  if (!flags.quiet) for (const s of kept?.skipped ?? []) writeErr(`reunify: no frozen copy of ${s}\n`);
  return EXIT.ok;
}

/** Validate and write the record; a string is why it was refused. */
async function recordClassification(
  result: import('./classifyCase.js').ClassifiedCase,
  flags: ClassifyFlags,
  config: Config,
  asOf: string,
  configPath: string | undefined,
): Promise<string | { recorded: import('../report/format/classification.js').RecordedView; diff?: string; kept: { frozen: string[]; skipped: string[] } }> {
  const { overrideProblems, outcomeProblem, classificationEntry, decisionEntry, tasksCompletedBy, byEntry } =
    await import('../core/classify/classificationRecord.js');
  const suggestion = result.suggestion!;
  const point = suggestion.point;
  if (!point) return `no decision point at stage ${suggestion.stage}: a classification is recorded from stage 2 to stage 5`;
  const level = flags.level!;
  const problems = overrideProblems(
    { level, suggested: suggestion.level, overrideCategory: flags.overrideCategory, overrideReason: flags.overrideReason },
    config,
  );
  const badOutcome = flags.decision !== undefined ? outcomeProblem(point, flags.decision) : undefined;
  if (badOutcome) problems.push(badOutcome);
  if (flags.nextReview !== undefined && point !== 'rc3_post_return')
    problems.push(`--next-review is for a post-return review decision (rc3_post_return), not ${point}`);
  if (problems.length > 0) return `nothing was recorded: ${problems.join('; ')}`;
  const date = flags.date ?? asOf;
  const by = flags.by!.trim();
  const together = byEntry([by, ...(flags.with ?? [])]);
  const signedOff = flags.signedOffBy && flags.signedOffDate ? { by: flags.signedOffBy, date: flags.signedOffDate } : undefined;
  const classification = classificationEntry({
    date,
    point,
    level,
    suggested: suggestion.level,
    by: together,
    signedOff,
    overrideCategory: flags.overrideCategory,
    overrideReason: flags.overrideReason,
  });
  const decision = flags.decision
    ? decisionEntry({ date, point, outcome: flags.decision, reasons: flags.reasons, nextReview: flags.nextReview, signedOff })
    : undefined;
  if (decision?.next_review !== undefined && decision.next_review <= date)
    return `nothing was recorded: --next-review ${decision.next_review} must be after the decision it follows (${date})`;
  const tasks = tasksCompletedBy(point, decision !== undefined);
  const { writeClassificationRecord } = await import('./classifyCase.js');
  const { WriteConflictError } = await import('../io/writeCase.js');
  const { OutputRefusedError } = await import('../io/outputFile.js');
  let written: { changed: boolean; diff?: string; frozen: string[]; skipped: string[] };
  try {
    // the decision is the team manager's: its task is theirs when they signed it off
    written = writeClassificationRecord(
      result.loaded,
      { classification, decision, tasks, date, by, decisionBy: decision && signedOff?.by },
      { dryRun: flags.dryRun, before: result.data!, config, configPath },
    );
  } catch (err) {
    if (err instanceof WriteConflictError) return 'the file changed on disk since it was read; nothing was written (run the command again)';
    if (err instanceof OutputRefusedError) return `${err.message}; nothing was written`;
    throw err;
  }
  const { override_reason: _reason, ...shown } = classification;
  return {
    recorded: {
      written: !flags.dryRun && written.changed,
      classification: { ...shown, suggested: suggestion.level },
      ...(decision ? { decision: { date: decision.date, point: decision.point, outcome: decision.outcome } } : {}),
      tasks,
    },
    ...(flags.dryRun ? { diff: written.diff ?? '' } : {}),
    kept: { frozen: written.frozen, skipped: written.skipped },
  };
}

async function classifyFolder(dir: string, flags: ClassifyFlags, config: Config, asOf: string, color: Color, configPath: string | undefined): Promise<number> {
  const { classifyCase } = await import('./classifyCase.js');
  const { findCases } = await import('../io/findCases.js');
  const { formatSummaryText, summaryJson } = await import('../report/format/classification.js');
  const { files, unreadable } = findCases([dir], {
    glob: config.cases,
    ignore: config.ignore,
    base: configPath === undefined ? undefined : dirname(configPath),
  });
  const rows: import('../report/format/classification.js').SummaryRow[] = [];
  const { caseloadProgress } = await import('./progress.js');
  const progress = caseloadProgress(appEnv());
  for (const filePath of files) {
    const result = classifyCase(filePath, config, asOf);
    progress.update(rows.length + 1, files.length);
    const data = result.loaded.data as { id?: unknown; stage?: unknown } | undefined;
    const caseId = typeof data?.id === 'string' ? data.id : undefined;
    if (data?.stage === 1 || data?.stage === 'closed') {
      rows.push({ filePath, caseId, skipped: data.stage === 1 ? 'stage 1: no classification yet' : 'closed' });
    } else if (result.suggestion && result.comparison) {
      rows.push({ filePath, caseId, view: viewOf(filePath, result, config) });
    } else {
      reportProblems(filePath, result.problems);
      rows.push({ filePath, caseId, failed: `${result.problems.length} reading or schema ${result.problems.length === 1 ? 'error' : 'errors'}` });
    }
  }
  progress.end();
  // a folder that could not be listed fails like an unreadable file: its cases were not classified
  const { unreadableFolderProblem } = await import('../io/findCases.js');
  for (const u of unreadable) {
    const problem = unreadableFolderProblem(u);
    reportProblems(u.folder, [problem]);
    rows.push({ filePath: u.folder, failed: problem.message });
  }
  const notice = config.classification.notice;
  if (flags.format === 'json') writeOut(JSON.stringify(summaryJson(rows, asOf, notice), null, 2) + '\n');
  else writeOutHuman(formatSummaryText(safeStrings(rows), asOf, safeStrings(config.labels.levels), color, safeStrings(notice)), color);
  return rows.some((r) => r.failed) ? EXIT.problems : EXIT.ok;
}
