// `reunify status [dir]`: the practice lead's view of a caseload, keyed by the
// metric ids of docs/framework.md §5.3 (docs/status.md).
import { appEnv } from './env.js';
import {
  EXIT,
  UsageError,
  makeColor,
  noCaseFiles,
  writeErr,
  writeOut,
  type CommonOptions,
  flagPathsFromCwd,
  fromCwd,
  writeOutHuman,
  safeStrings,
  textWidth,
} from './shared.js';
import type { StatusFilter } from '../core/status/statusView.js';

export interface StatusFlags extends CommonOptions {
  workers?: string;
  format: 'table' | 'json' | 'csv' | 'md' | 'html';
  asOf?: string;
  filter: string[];
  team?: string;
  shared?: boolean;
  allowEmpty?: boolean;
}

export async function runStatusCommand(dir: string, flags: StatusFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  const typed = dir;
  dir = fromCwd(dir);
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [dir], configPath: flags.config });
  if (flags.team !== undefined && flags.team.trim() === '') throw new UsageError('--team needs a name, e.g. --team "TM A.O."');
  const { existsSync, statSync } = await import('node:fs');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    writeErr(`reunify: ${dir}: no such folder\n`);
    return EXIT.usage;
  }
  const { openCaseloadStatus } = await import('../io/openCaseload.js');
  const { combineStatus, parseStatusFilter, suppressSmallCounts } = await import('../core/status/status.js');
  const { costSettingProblem } = await import('../core/status/costs.js');
  let workers: number | undefined;
  if (flags.workers !== undefined) {
    workers = Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers takes a whole number of 1 or more, got "${flags.workers}"`);
  }
  const team = flags.team?.trim();
  // a shared view hides small counts and names no one: its charts would show what it hides
  const charts = flags.format === 'html' && !flags.shared;
  let filter: StatusFilter | undefined;
  const { withCaseloadProgress } = await import('./progress.js');
  const caseload = await withCaseloadProgress(appEnv(), (onProgress) =>
    openCaseloadStatus({ paths: [dir], configPath: flags.config, workers, onProgress }, (config) => {
      // the settings and the filter are checked before any case is read
      const costProblem = costSettingProblem(config);
      if (costProblem) throw new UsageError(`config costs.preset: ${costProblem}`);
      const parsed = parseStatusFilter(flags.filter, config);
      if ('error' in parsed) throw new UsageError(parsed.error);
      filter = Object.keys(parsed.filter).length > 0 ? parsed.filter : undefined;
      return { asOf, team, filter, charts };
    }),
  );
  if (caseload.read.length === 0 && caseload.skipped.length === 0 && !flags.allowEmpty) {
    writeErr(noCaseFiles([typed], caseload.config.cases, caseload.configPath));
    return EXIT.usage;
  }
  if (!flags.quiet) {
    for (const s of caseload.skipped) writeErr(`reunify: ${s.filePath}: left out (${s.reason})\n`);
  }
  const view = combineStatus(caseload.parts, { asOf, config: caseload.config, team, filter, skipped: caseload.skipped.length });
  const shown = flags.shared ? suppressSmallCounts(view, caseload.config.status.suppress_below) : view;
  if (flags.format === 'json') {
    writeOut(JSON.stringify(shown, null, 2) + '\n');
    return EXIT.ok;
  }
  const { statusSections } = await import('../report/statusSections.js');
  const layout = statusSections(shown, caseload.config.labels.levels, caseload.config.report.marking);
  switch (flags.format) {
    case 'csv': {
      const { formatStatusCsv } = await import('../report/format/statusCsv.js');
      writeOutHuman(formatStatusCsv(layout, asOf));
      break;
    }
    case 'md': {
      const { formatStatusMarkdown } = await import('../report/statusMarkdown.js');
      writeOutHuman(formatStatusMarkdown(layout));
      break;
    }
    case 'html': {
      const { formatStatusHtml } = await import('../report/statusHtml.js');
      const { statusCharts } = await import('../core/status/statusCharts.js');
      // a shared view hides small counts and names no one: its charts would show what it hides
      const shownCharts = charts ? { data: statusCharts(caseload.parts, view, asOf), levels: caseload.config.labels.levels } : undefined;
      writeOutHuman(formatStatusHtml(layout, shownCharts));
      break;
    }
    default: {
      const { formatStatusTable } = await import('../report/format/statusTable.js');
      {
        const color = makeColor(undefined, flags.color);
        writeOutHuman(formatStatusTable(safeStrings(layout), color, textWidth()), color);
      }
    }
  }
  return EXIT.ok;
}
