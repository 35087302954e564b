// `reunify report --caseload [dir]`: the status view (src/core/status/status.ts, the one
// `reunify status` shows) rendered through the report templates for a practice lead.
import { appEnv } from './env.js';
import { EXIT, UsageError, writeErr } from './shared.js';
import { writeReport } from './report.js';

export interface CaseloadFlags {
  to: 'md' | 'html';
  out?: string;
  force?: boolean;
  quiet?: boolean;
  config?: string;
  templates?: string;
  shared?: boolean;
}

export async function runCaseloadReport(dir: string, flags: CaseloadFlags, asOf: string): Promise<number> {
  const { existsSync, statSync } = await import('node:fs');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    writeErr(`reunify: ${dir}: no such folder\n`);
    return EXIT.usage;
  }
  const { openCaseloadStatus } = await import('../io/openCaseload.js');
  const { combineStatus, suppressSmallCounts } = await import('../core/status/status.js');
  const { costSettingProblem } = await import('../core/status/costs.js');
  const { statusSections } = await import('../report/statusSections.js');
  const { caseloadView } = await import('../report/caseloadView.js');
  const { renderReport, TemplateError } = await import('../report/render.js');
  const { SHIPPED_TEMPLATES, templatesDirOf } = await import('../io/runReport.js');
  const { withCaseloadProgress } = await import('./progress.js');
  const caseload = await withCaseloadProgress(appEnv(), (onProgress) =>
    openCaseloadStatus({ paths: [dir], configPath: flags.config, onProgress }, (config) => {
      const costProblem = costSettingProblem(config);
      if (costProblem) throw new UsageError(`config costs.preset: ${costProblem}`);
      return { asOf };
    }),
  );
  if (!flags.quiet) for (const s of caseload.skipped) writeErr(`reunify: ${s.filePath}: left out (${s.reason})\n`);
  const status = combineStatus(caseload.parts, { asOf, config: caseload.config, skipped: caseload.skipped.length });
  const shown = flags.shared ? suppressSmallCounts(status, caseload.config.status.suppress_below) : status;
  const view = caseloadView(statusSections(shown, caseload.config.labels.levels, caseload.config.report.marking), caseload.config, asOf, flags.shared === true);
  let text: string;
  try {
    text = renderReport('caseload', flags.to, view, {
      shippedDir: SHIPPED_TEMPLATES,
      overrideDir: templatesDirOf(flags.templates, caseload.config, caseload.configPath),
      levelLabels: caseload.config.labels.levels,
    });
  } catch (err) {
    if (err instanceof TemplateError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  return writeReport(text, `caseload-${asOf}.${flags.to}`, flags, caseload.read);
}
