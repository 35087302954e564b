// SARIF 2.1.0 for code-scanning annotations (one run, one result per problem). Each rule
// carries its help (the rule's docs page) and a helpUri to that page; file locations are
// relative to %SRCROOT%, the git repository root, so a run from a subfolder still resolves.
import { pathToFileURL } from 'node:url';
import type { CheckResult } from '../../core/model/problem.js';
import { renderRuleDoc } from '../../core/rules/ruleDocs.js';
import type { Rule } from '../../core/rules/types.js';
import { asciiSafeJson, wellFormed } from '../../core/escape/json.js';
import { rootRelative, type PathBase } from './paths.js';

/** A rule as SARIF describes it: practice rules have docs; built-in checks only a description. */
export interface RuleInfo {
  id: string;
  description: string;
  docs?: Rule['docs'];
  defaultSeverity?: Rule['defaultSeverity'];
  scope?: Rule['scope'];
}

export interface SarifOptions extends Partial<PathBase> {
  /** Where the rule pages are: a base URL ending in `/` under which `<rule id>.md` and `README.md` are found. */
  docsBase?: string;
}

function uriOf(filePath: string, base: PathBase): string {
  return rootRelative(filePath, base)
    .split('/')
    .map((part) => encodeURIComponent(wellFormed(part)))
    .join('/');
}

/** A folder as a SARIF base URI: a file: URL ending in `/`. */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function ruleHelp(rule: RuleInfo, docsBase: string) {
  if (rule.docs && rule.defaultSeverity && rule.scope) {
    const markdown = renderRuleDoc(rule as Rule).replace(/\n<!--[^]*?-->\n?$/, '\n');
    return {
      helpUri: `${docsBase}${rule.id}.md`,
      help: { text: `${rule.description}.\n\n${rule.docs.why}`, markdown },
    };
  }
  const text = `${rule.description}. A built-in check: reunify reads every case file, its YAML and its schema before any practice rule runs.`;
  return { helpUri: `${docsBase}README.md#built-in-checks`, help: { text, markdown: `${text}\n\nEvery built-in check is listed in the rules index.` } };
}

export function formatSarif(result: CheckResult, rules: readonly RuleInfo[], version: string, options: SarifOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const base: PathBase = { cwd, root: options.root ?? cwd };
  const docsBase = options.docsBase ?? 'https://github.com/reunify/reunify/blob/main/docs/rules/';
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
              ...ruleHelp(r, docsBase),
              defaultConfiguration: { level: (r.defaultSeverity ?? 'error') === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(base.root) } },
        results: result.results.flatMap((f) =>
          f.problems.map((p) => ({
            ruleId: p.ruleId,
            ...(index.has(p.ruleId) ? { ruleIndex: index.get(p.ruleId) } : {}),
            level: p.severity === 'error' ? 'error' : 'warning',
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(f.filePath, base), uriBaseId: '%SRCROOT%' },
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
