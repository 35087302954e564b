import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from '../../src/core/rules/ruleDocs.js';

function mdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? mdFiles(p) : p.endsWith('.md') && name !== 'README.md' ? [p] : [];
  });
}

describe('docs/rules are generated from the rules (run `npm run docs:rules` after changing a rule)', () => {
  it.each(RULES.map((r) => [r.id, r]))('%s has an up-to-date page', (_id, rule) => {
    const path = ruleDocPath(rule.id);
    expect(existsSync(path), `${path} is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(renderRuleDoc(rule));
  });

  it('the index lists every rule', () => {
    expect(readFileSync('docs/rules/README.md', 'utf8')).toBe(renderRuleIndex(RULES));
  });

  it('has no page for a rule that no longer exists', () => {
    const expected = new Set(RULES.map((r) => ruleDocPath(r.id)));
    expect(mdFiles('docs/rules').filter((p) => !expected.has(p))).toEqual([]);
  });

  it('rule ids are unique and name their group folder', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+\/[a-z0-9-]+$/);
  });
});

describe('schemas/config.schema.json', () => {
  it('is the config schema the code validates with (rewrite it with `reunify schema --out schemas`)', async () => {
    const { CONFIG_SCHEMA } = await import('../../src/core/model/config.js');
    expect(readFileSync('schemas/config.schema.json', 'utf8')).toBe(JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
  });
});
