// docs/rules/<id>.md are generated from each rule's metadata, so the docs and the
// code cannot drift (a test compares them; `npm run docs:rules` rewrites them).
import { BUILT_IN_CHECKS } from './check.js';
import type { Rule } from './types.js';

export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function renderRuleDoc(rule: Rule): string {
  const scope = rule.scope === 'caseload' ? 'the whole caseload' : 'each case';
  return `# \`${rule.id}\`

${rule.description}.

- Default severity: **${rule.defaultSeverity}**
- Checks: ${scope}
- Turn off or change: \`reunify check --rule ${rule.id}=off|warn|error\`, or in \`reunify.config.yaml\`:
  \`rules: { ${rule.id}: warn }\`

## Why it matters

${rule.docs.why}

## Fails

\`\`\`yaml
${rule.docs.fails.trimEnd()}
\`\`\`

## Passes

\`\`\`yaml
${rule.docs.passes.trimEnd()}
\`\`\`

<!-- Generated from src/core/rules by \`npm run docs:rules\`; edit the rule's docs there. -->
`;
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    '`reunify check` runs built-in checks (reading, YAML, schemas) and then the practice rules',
    'below, in this order. Every severity can be changed with `--rule id=off|warn|error` or',
    'the `rules` map in `reunify.config.yaml`.',
    '',
    '## Built-in checks',
    '',
    '| id | default | what it reports |',
    '|---|---|---|',
    ...BUILT_IN_CHECKS.map((c) => `| \`${c.id}\` | error | ${c.description} |`),
    '',
    '## Practice rules',
    '',
    '| id | default | what it checks |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.defaultSeverity} | ${r.description} |`),
    '',
    '<!-- Generated from src/core/rules by `npm run docs:rules`. -->',
    '',
  ];
  return lines.join('\n');
}
