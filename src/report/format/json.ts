// Machine-readable check output (docs/formats.md): ids, positions and rule
// messages only, never narrative text from a case.
import type { CheckResult } from '../../core/model/problem.js';
import { asciiSafeJson } from '../../core/escape/json.js';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(result: CheckResult): string {
  const json = JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      asOf: result.asOf,
      files: result.results.map((f) => ({
        filePath: f.filePath,
        caseId: f.caseId ?? null,
        errorCount: f.errorCount,
        warningCount: f.warningCount,
        problems: f.problems.map((p) => ({
          ruleId: p.ruleId,
          severity: p.severity,
          message: p.message,
          line: p.line ?? null,
          column: p.column ?? null,
          path: p.path ?? null,
        })),
      })),
      summary: result.summary,
    },
    null,
    2,
  );
  // case ids and file names may hold bidi or C1 characters JSON.stringify leaves raw
  return asciiSafeJson(json) + '\n';
}
