// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues that
// merge requests show on the changed lines, on every GitLab tier.
import { createHash } from 'node:crypto';
import type { CheckResult } from '../../core/model/problem.js';
import { asciiSafeJson, wellFormed } from '../../core/escape/json.js';
import { rootRelative, type PathBase } from './paths.js';

export function formatGitlab(result: CheckResult, base: PathBase): string {
  const seen = new Map<string, number>();
  const issues = result.results.flatMap((f) => {
    const path = wellFormed(rootRelative(f.filePath, base));
    return f.problems.map((p) => {
      // Stable while the problem stays: no line number in it, so an edit above does not make
      // it "new"; identical problems in one file are told apart by their order.
      const key = [path, p.ruleId, p.message].join('\0');
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return {
        description: p.message,
        check_name: p.ruleId,
        fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
        severity: p.severity === 'error' ? 'major' : 'minor',
        location: { path, lines: { begin: Math.max(1, p.line ?? 1) } },
      };
    });
  });
  return asciiSafeJson(JSON.stringify(issues, null, 2)) + '\n';
}
