// `reunify status [dir]`: the practice lead's view of a caseload, keyed by the
// metric ids of framework.md §5.3 (docs/status.md).
import { Command, Option } from 'commander';
import { EXIT, UsageError, makeColor, writeErr, writeOut, type CommonOptions } from './shared.js';

interface StatusFlags extends CommonOptions {
  workers?: string;
  format: 'table' | 'json' | 'csv' | 'md' | 'html';
  asOf?: string;
  filter: string[];
  team?: string;
  shared?: boolean;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('caseload view for managers: stages, overdue work, sign-off, risk mix, sharing, reviews, goals, alerts, costs')
    .argument('[dir]', 'caseload folder (default: the current folder)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'md', 'html']).default('table'))
    .option('--as-of <date>', 'date the view is for (YYYY-MM-DD; default: the config\'s as_of, else today)')
    .option('--filter <key=value,…>', 'only cases matching: stage, level, cohort, legal_status, placement (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--team <name>', 'only cases with this social worker or team manager, e.g. "TM A.O."')
    .option('--shared', 'for sharing beyond the team: hide counts below status.suppress_below and list no cases')
    .option('--workers <n>', 'worker threads for big caseloads (default: one per core; 1 = none)')
    .option('-q, --quiet', 'no note on stderr about files left out')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
JSON keys are the metric ids of framework.md §5.3; docs/status.md defines each one.
cost_exposure is an illustration from national averages, not a forecast.

Examples:
  $ reunify status examples/caseload --as-of 2026-11-01
  $ reunify status cases/ --team "TM A.O." --filter stage=3,level=high
  $ reunify status cases/ --format html --shared > caseload-2026-11.html`,
    )
    .action(async (dir: string, flags: StatusFlags) => {
      process.exitCode = await runStatusCommand(dir, flags);
    });
}

async function runStatusCommand(dir: string, flags: StatusFlags): Promise<number> {
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [dir], configPath: flags.config });
  if (flags.team !== undefined && flags.team.trim() === '') throw new UsageError('--team needs a name, e.g. --team "TM A.O."');
  const { existsSync, statSync } = await import('node:fs');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    writeErr(`reunify: ${dir}: no such folder\n`);
    return EXIT.usage;
  }
  const { readCaseloadRecords } = await import('../io/loadCaseload.js');
  const { buildStatus, parseStatusFilter, suppressSmallCounts } = await import('../core/status.js');
  const { costSettingProblem } = await import('../core/costs.js');
  let workers: number | undefined;
  if (flags.workers !== undefined) {
    workers = Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers takes a whole number of 1 or more, got "${flags.workers}"`);
  }
  const caseload = await readCaseloadRecords({ paths: [dir], configPath: flags.config, workers });
  const costProblem = costSettingProblem(caseload.config);
  if (costProblem) throw new UsageError(`config costs.preset: ${costProblem}`);
  const parsed = parseStatusFilter(flags.filter, caseload.config);
  if ('error' in parsed) throw new UsageError(parsed.error);
  if (!flags.quiet) {
    for (const s of caseload.skipped) writeErr(`reunify: ${s.filePath}: left out (${s.reason})\n`);
  }
  const view = buildStatus(caseload.cases, {
    asOf,
    config: caseload.config,
    team: flags.team?.trim(),
    filter: Object.keys(parsed.filter).length > 0 ? parsed.filter : undefined,
    skipped: caseload.skipped.length,
  });
  const shown = flags.shared ? suppressSmallCounts(view, caseload.config.status.suppress_below) : view;
  if (flags.format === 'json') {
    writeOut(JSON.stringify(shown, null, 2) + '\n');
    return EXIT.ok;
  }
  const { statusSections } = await import('../report/statusSections.js');
  const layout = statusSections(shown, caseload.config.labels.levels, caseload.config.report.marking);
  switch (flags.format) {
    case 'csv': {
      const { formatStatusCsv } = await import('./format/statusCsv.js');
      writeOut(formatStatusCsv(layout, asOf));
      break;
    }
    case 'md': {
      const { formatStatusMarkdown } = await import('../report/statusMarkdown.js');
      writeOut(formatStatusMarkdown(layout));
      break;
    }
    case 'html': {
      const { formatStatusHtml } = await import('../report/statusHtml.js');
      writeOut(formatStatusHtml(layout));
      break;
    }
    default: {
      const { formatStatusTable } = await import('./format/statusTable.js');
      writeOut(formatStatusTable(layout, makeColor(process.stdout, flags.color)));
    }
  }
  return EXIT.ok;
}
