// Rewrites docs/rules/ from the rules' metadata (run after `npm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RULES } from '../dist/core/rules/index.js';
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from '../dist/core/rules/ruleDocs.js';

for (const rule of RULES) {
  const path = ruleDocPath(rule.id);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderRuleDoc(rule));
}
writeFileSync('docs/rules/README.md', renderRuleIndex(RULES));
console.log(`wrote ${RULES.length} rule pages and docs/rules/README.md`);
