// SARIF 2.1.0 for code-scanning annotations (one run, one result per problem).
import { isAbsolute, relative } from 'node:path';
import type { CheckResult } from '../../core/model/problem.js';
import { asciiSafeJson, wellFormed } from '../../core/escape/json.js';

export interface RuleInfo {
  id: string;
  description: string;
}

function uriOf(filePath: string, cwd: string): string {
  const rel = isAbsolute(filePath) ? relative(cwd, filePath) : filePath;
  return rel.split(/[\\/]/).map((part) => encodeURIComponent(wellFormed(part))).join('/');
}

export function formatSarif(result: CheckResult, rules: readonly RuleInfo[], version: string, cwd = process.cwd()): string {
  const used = new Set(result.results.flatMap((f) => f.problems.map((p) => p.ruleId)));
  const driverRules = rules.filter((r) => used.has(r.id));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reunify',
            version,
            informationUri: 'https://github.com/reunify/reunify',
            rules: driverRules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: `https://github.com/reunify/reunify/blob/main/docs/rules/${r.id.replace(/\//g, '-')}.md`,
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
        results: result.results.flatMap((f) =>
          f.problems.map((p) => ({
            ruleId: p.ruleId,
            ...(index.has(p.ruleId) ? { ruleIndex: index.get(p.ruleId) } : {}),
            level: p.severity === 'error' ? 'error' : 'warning',
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(f.filePath, cwd), uriBaseId: '%SRCROOT%' },
                  region: { startLine: Math.max(1, p.line ?? 1), startColumn: Math.max(1, p.column ?? 1) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return asciiSafeJson(JSON.stringify(sarif, null, 2)) + '\n';
}
