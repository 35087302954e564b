// Machine-readable check output (docs/formats.md): ids, positions and rule
// messages only, never narrative text from a case.
import type { CheckResult, FileResult } from '../../core/model/problem.js';
import { asciiSafeJson } from '../../core/escape/json.js';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(result: CheckResult): string {
  return [...jsonChunks(result)].join('');
}

/**
 * The same text as formatJson, a file at a time: what `JSON.stringify(…, null, 2)`
 * of the whole result would write, without ever holding it all as one string (for a
 * big caseload that string, and its copies on the way out, were most of the memory).
 */
export function* jsonChunks(result: CheckResult): Generator<string> {
  const head = JSON.stringify({ version: JSON_FORMAT_VERSION, asOf: result.asOf }, null, 2);
  // the object so far, left open: `{ "version": 1, "asOf": "…"` then the files
  yield asciiSafeJson(head.slice(0, -2)) + ',\n  "files": [';
  if (result.results.length === 0) yield ']';
  else {
    let first = true;
    for (const f of result.results) {
      // a value nested two levels down: every line after its first indented four more spaces
      // (JSON text holds no raw newline inside a string, so each one is layout)
      yield (first ? '\n    ' : ',\n    ') + asciiSafeJson(JSON.stringify(fileJson(f), null, 2).replace(/\n/g, '\n    '));
      first = false;
    }
    yield '\n  ]';
  }
  yield ',\n  "summary": ' + asciiSafeJson(JSON.stringify(result.summary, null, 2).replace(/\n/g, '\n  ')) + '\n}\n';
}

function fileJson(f: FileResult) {
  return {
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
  };
}
