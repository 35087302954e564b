// docs/case-file.md names every field the case schema allows, and its stage-gate list
// is the one the validator uses (run `npm run docs:gates` after changing a gate).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderStageGates, withStageGates } from '../../src/core/model/gateDocs.js';
import { exportedSchemas } from '../../src/core/model/schemas.js';
import { present } from '../present.js';

const page = readFileSync('docs/case-file.md', 'utf8');

interface Node { $ref?: string; properties?: Record<string, Node>; items?: Node }
const schema = exportedSchemas()['case.schema.json'] as Node & { definitions: Record<string, Node> };
const resolve = (n: Node | undefined): Node | undefined => (n?.$ref ? schema.definitions[n.$ref.split('/').pop()!] : n);
/** The fields of a record, or of the records in a list. */
const fieldsOf = (n: Node | undefined): string[] => Object.keys(resolve(n)?.properties ?? resolve(resolve(n)?.items)?.properties ?? {});

const rows = new Map([...page.matchAll(/^\| `([a-z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]));

describe('docs/case-file.md', () => {
  it.each(Object.entries(schema.properties!))('the front-matter table describes %s, naming each of its fields', (name, node) => {
    const row = rows.get(name);
    expect(row, `no row for ${name}`).toBeDefined();
    const named = new Set([...row!.matchAll(/`([^`]+)`/g)].flatMap((m) => present(m[1]).match(/[a-z_][a-z0-9_]*/g) ?? []));
    for (const field of fieldsOf(node)) expect(named.has(field), `${name}.${field} is not named`).toBe(true);
  });

  it('lists the stage gates exactly as the validator checks them', () => {
    expect(page).toBe(withStageGates(page));
    expect(page).toContain(renderStageGates());
  });
});
