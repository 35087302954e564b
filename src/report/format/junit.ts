// JUnit XML for CI systems: one test suite per case file, one failing test case per
// error (warnings are passing test cases with a system-out note), one passing
// test case for a clean file.
import type { CheckResult } from '../../core/model/problem.js';
import { xmlText as escapeXml } from '../../core/escape/xml.js';

export { escapeXml };

export function formatJunit(result: CheckResult): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const { errors } = result.summary;
  const tests = result.results.reduce((n, f) => n + Math.max(1, f.problems.length), 0);
  out.push(`<testsuites name="reunify check" tests="${tests}" failures="${errors}">`);
  for (const f of result.results) {
    const name = escapeXml(f.filePath);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, f.problems.length)}" failures="${f.errorCount}">`);
    if (f.problems.length === 0) out.push(`    <testcase classname="${name}" name="case file is clean"/>`);
    for (const p of f.problems) {
      const where = `${p.line ?? 0}:${p.column ?? 0}`;
      const caseName = escapeXml(`${where} ${p.ruleId}`);
      const text = escapeXml(`${f.filePath}:${where} ${p.message}`);
      if (p.severity === 'error') {
        out.push(`    <testcase classname="${name}" name="${caseName}">`);
        out.push(`      <failure message="${escapeXml(p.message)}" type="${escapeXml(p.ruleId)}">${text}</failure>`);
        out.push('    </testcase>');
      } else {
        out.push(`    <testcase classname="${name}" name="${caseName}">`);
        out.push(`      <system-out>warning: ${text}</system-out>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
