// JUnit XML for CI systems: one test suite per case file, one failing test case per
// error (warnings are passing test cases with a system-out note), one passing
// test case for a clean file. The class name is the file's path as a dotted name without
// `.md` (CI servers group by its dots and show its last part); test names are unique in a file.
import type { CheckResult } from '../../core/model/problem.js';
import { xmlText as escapeXml } from '../../core/escape/xml.js';

export { escapeXml };

/** `cases/team-a/RF-0001.md` → `cases.team-a.RF-0001`. */
export function junitClassName(filePath: string): string {
  return filePath
    .replace(/\.md$/i, '')
    .split(/[\\/]/)
    .filter((part) => part !== '' && part !== '.')
    .join('.');
}

export function formatJunit(result: CheckResult): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const { errors } = result.summary;
  const tests = result.results.reduce((n, f) => n + Math.max(1, f.problems.length), 0);
  out.push(`<testsuites name="reunify check" tests="${tests}" failures="${errors}">`);
  for (const f of result.results) {
    const name = escapeXml(f.filePath);
    const className = escapeXml(junitClassName(f.filePath));
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, f.problems.length)}" failures="${f.errorCount}">`);
    if (f.problems.length === 0) out.push(`    <testcase classname="${className}" name="case file is clean"/>`);
    const seen = new Map<string, number>();
    for (const p of f.problems) {
      const where = `${p.line ?? 0}:${p.column ?? 0}`;
      const plain = `${where} ${p.ruleId}`;
      const n = (seen.get(plain) ?? 0) + 1;
      seen.set(plain, n);
      const caseName = escapeXml(n === 1 ? plain : `${plain} (${n})`);
      const text = escapeXml(`${f.filePath}:${where} ${p.message}`);
      if (p.severity === 'error') {
        out.push(`    <testcase classname="${className}" name="${caseName}">`);
        out.push(`      <failure message="${escapeXml(p.message)}" type="${escapeXml(p.ruleId)}">${text}</failure>`);
        out.push('    </testcase>');
      } else {
        out.push(`    <testcase classname="${className}" name="${caseName}">`);
        out.push(`      <system-out>warning: ${text}</system-out>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
