// docs/config.md documents every setting of config/default.yaml, with the shipped
// default wherever it shows one in `code`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_SCHEMA } from '../../src/core/model/config.js';
import { present } from '../present.js';

const defaults = parse(readFileSync('config/default.yaml', 'utf8')) as Record<string, unknown>;
const doc = readFileSync('docs/config.md', 'utf8');

interface Row { path: string; shown?: string }
const rows: Row[] = [...doc.matchAll(/^\| `([a-z_][\w.-]*)` \| (.+?) \| .+ \|$/gm)].map((m) => ({
  path: present(m[1]),
  shown: /^`[^`]*`$/.test(present(m[2])) ? present(m[2]).slice(1, -1) : undefined,
}));

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every setting that holds a value: scalars, lists and empty maps. */
function leaves(value: unknown, path: string[] = []): string[] {
  if (isMap(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path.join('.')];
}

function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (isMap(v) ? v[k] : undefined), root);
}

/** Settings the schema accepts that the default file leaves unset. */
function inSchema(path: string): boolean {
  let node = CONFIG_SCHEMA as { properties?: Record<string, unknown> } | undefined;
  for (const key of path.split('.')) node = node?.properties?.[key] as typeof node;
  return node !== undefined;
}

describe('docs/config.md', () => {
  it('has a row for every setting in config/default.yaml (or for the map holding it)', () => {
    const documented = new Set(rows.map((r) => r.path));
    const missing = leaves(defaults).filter((leaf) => !leaf.split('.').some((_, i, parts) => documented.has(parts.slice(0, i + 1).join('.'))));
    expect(missing).toEqual([]);
  });

  it.each(rows.filter((r) => r.shown !== undefined).map((r) => [r.path, r.shown!]))('%s shows the shipped default %s', (path, shown) => {
    expect(parse(shown)).toEqual(at(defaults, path));
  });

  it('a default written in words is for a list or map, or a setting left unset', () => {
    for (const r of rows.filter((x) => x.shown === undefined)) {
      const value = at(defaults, r.path);
      expect(value === undefined ? inSchema(r.path) : typeof value === 'object', r.path).toBe(true);
    }
  });

  it('documents no setting that does not exist', () => {
    expect(rows.filter((r) => at(defaults, r.path) === undefined && !inSchema(r.path)).map((r) => r.path)).toEqual([]);
  });

  it('finds the tables it checks', () => {
    expect(rows.length).toBeGreaterThan(80);
  });
});
