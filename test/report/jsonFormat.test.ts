import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiSafeJson } from '../../src/core/escape/json.js';
import { summarise, type CheckResult, type FileResult } from '../../src/core/model/problem.js';
import { JSON_FORMAT_VERSION, formatJson, jsonChunks } from '../../src/report/format/json.js';

/** The whole result as one JSON.stringify, as `check --format json` wrote it before it wrote a file at a time. */
function inOnePiece(result: CheckResult): string {
  const files = result.results.map((f) => ({
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
  }));
  return asciiSafeJson(JSON.stringify({ version: JSON_FORMAT_VERSION, asOf: result.asOf, files, summary: result.summary }, null, 2)) + '\n';
}

// text with newlines, quotes, backslashes, controls, bidi and lone surrogates: everything JSON must escape
const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '"', '\\', '\u0007', '\u202e', '\u2028', '\ud800', 'é', '{', ']') });
const problem = fc.record(
  {
    ruleId: fc.constantFrom('schema', 'yaml-syntax', 'stage1/assessment-essentials'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    message: text,
    line: fc.nat(),
    column: fc.nat(),
    path: text,
  },
  { requiredKeys: ['ruleId', 'severity', 'message'] },
);
const fileResult: fc.Arbitrary<FileResult> = fc
  .record({ filePath: text, caseId: fc.option(text, { nil: undefined }), problems: fc.array(problem, { maxLength: 4 }) })
  .map((f) => ({
    ...f,
    errorCount: f.problems.filter((p) => p.severity === 'error').length,
    warningCount: f.problems.filter((p) => p.severity === 'warning').length,
  }));

describe('check --format json, written a file at a time', () => {
  it('is byte for byte what one JSON.stringify of the whole result gives, with no files, one or many', () => {
    fc.assert(
      fc.property(fc.array(fileResult, { maxLength: 6 }), text, (results, asOf) => {
        const result: CheckResult = { results, summary: summarise(results), asOf };
        expect(formatJson(result)).toBe(inOnePiece(result));
        expect([...jsonChunks(result)]).toHaveLength(results.length === 0 ? 3 : results.length + 3);
      }),
      { numRuns: 300 },
    );
  });
});
