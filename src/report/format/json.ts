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
      yield (first ? '\n    ' : ',\n    ') + asciiSafeJson(fileJsonText(f));
      first = false;
    }
    yield '\n  ]';
  }
  yield ',\n  "summary": ' + asciiSafeJson(JSON.stringify(result.summary, null, 2).replace(/\n/g, '\n  ')) + '\n}\n';
}

/**
 * One file's entry as `JSON.stringify(entry, null, 2)` writes it, nested two levels down (every
 * line after the first indented four more spaces), written out field by field: a file's
 * entry was built as an object, stringified and re-indented, which cost more than anything
 * else in writing a result with problems (test/report/jsonFormat.test.ts compares the two).
 */
function fileJsonText(f: FileResult): string {
  let out =
    '{\n      "filePath": ' +
    JSON.stringify(f.filePath) +
    ',\n      "caseId": ' +
    jsonOrNull(f.caseId) +
    ',\n      "errorCount": ' +
    JSON.stringify(f.errorCount) +
    ',\n      "warningCount": ' +
    JSON.stringify(f.warningCount) +
    ',\n      "problems": ';
  if (f.problems.length === 0) return out + '[]\n    }';
  for (let i = 0; i < f.problems.length; i++) {
    const p = f.problems[i]!;
    out +=
      (i === 0 ? '[\n        {\n          "ruleId": ' : ',\n        {\n          "ruleId": ') +
      JSON.stringify(p.ruleId) +
      ',\n          "severity": ' +
      JSON.stringify(p.severity) +
      ',\n          "message": ' +
      JSON.stringify(p.message) +
      ',\n          "line": ' +
      jsonOrNull(p.line) +
      ',\n          "column": ' +
      jsonOrNull(p.column) +
      ',\n          "path": ' +
      jsonOrNull(p.path) +
      '\n        }';
  }
  return out + '\n      ]\n    }';
}

const jsonOrNull = (v: string | number | undefined): string => (v === undefined ? 'null' : JSON.stringify(v));
