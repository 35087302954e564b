import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_VALUES,
  COHORTS,
  DECISION_POINTS,
  DECISION_RECORD_POINTS,
  D1_OUTCOMES,
  FINAL_ORDERS,
  HEARING_TYPES,
  OUTCOMES_BY_DECISION_POINT,
  FACTOR_IDS,
  FACTOR_STATUSES,
  LEGAL_STATUSES,
  LEVELS,
  OUTCOME_STATUSES,
  OUTCOMES_BY_POINT,
  OVERRIDE_CATEGORIES,
  PLACEMENTS,
  PROCEEDINGS,
  RAG,
  RISK_BASES,
  STAGES,
  STEP_DOWN_TO,
  SUPPORT_DELIVERY,
  TASK_IDS,
  TASK_STATUSES,
  TASKS_BY_STAGE,
  TRIGGERS,
  type FactorDefinition,
} from '../../src/core/model/ids.js';
import { fromPointer } from '../../src/core/model/problem.js';
import { BASE_IDS, FINISHED_TASK_STATUSES, SCHEMA_BASE, STAGE_GATES, exportedSchemas, type DomainIds } from '../../src/core/model/schemas.js';
import { present } from '../present.js';

const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);
const FILES = ['case.schema.json', 'stage-1.schema.json', 'stage-2.schema.json', 'stage-3.schema.json', 'stage-4.schema.json', 'stage-5.schema.json'];

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function at(schema: object, pointer: string): unknown {
  let node: unknown = schema;
  for (const segment of fromPointer(pointer)) node = isNode(node) || Array.isArray(node) ? (node as Node)[segment] : undefined;
  return node;
}

/** Every `enum` in a schema, with the JSON pointer of the schema node holding it. */
function enumsIn(node: unknown, path = ''): { path: string; values: unknown[] }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => enumsIn(item, `${path}/${i}`));
  if (!isNode(node)) return [];
  const own = Array.isArray(node.enum) ? [{ path, values: node.enum }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => (key === 'enum' ? [] : enumsIn(value, `${path}/${key}`)))];
}

function keysIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(keysIn);
  if (!isNode(node)) return [];
  return Object.keys(node).flatMap((key) => [key, ...keysIn(node[key])]);
}

const schemas = exportedSchemas();
const common = present(schemas['case.schema.json']);

describe('shipped schemas', () => {
  it('exports the case schema and five stage gates', () => {
    expect(Object.keys(schemas)).toEqual(FILES);
  });

  it.each(FILES)('schemas/%s is exactly what exportedSchemas() builds (npm run schemas)', (file) => {
    const shipped = readFileSync(new URL(file, SCHEMAS_DIR), 'utf8');
    expect(shipped).toBe(JSON.stringify(schemas[file], null, 2) + '\n');
  });

  it('ships no other generated case schema (config.schema.json belongs to the config code)', () => {
    const shipped = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json') && f !== 'config.schema.json');
    expect(shipped.sort()).toEqual([...FILES].sort());
  });

  it.each(FILES)('%s is draft-07 with a stable $id, a title and a description', (file) => {
    const schema = schemas[file] as Node;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(`${SCHEMA_BASE}${file}`);
    expect(schema.$id).toBe(`https://reunify.dev/schemas/v1/${file}`);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it.each(FILES)('%s compiles under Ajv strict mode (no unknown keywords or formats)', (file) => {
    const ajv = new Ajv({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
    addFormatsPlugin.default(ajv, ['date']);
    expect(() => ajv.compile(present(schemas[file], file))).not.toThrow();
  });

  it('describes every field of the case schema, for editors', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (!isNode(node)) return;
      if (isNode(node.properties)) {
        for (const [name, field] of Object.entries(node.properties)) {
          if (!(isNode(field) && typeof field.description === 'string')) undescribed.push(`${path}/properties/${name}`);
        }
      }
      // if/then branches only narrow fields the record itself describes.
      for (const [key, value] of Object.entries(node)) if (!['if', 'then', 'else'].includes(key)) walk(value, `${path}/${key}`);
    };
    walk(common, '');
    expect(undescribed).toEqual([]);
  });

  it('holds no __proto__, constructor or prototype keys', () => {
    for (const schema of Object.values(schemas)) {
      expect(keysIn(schema).filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))).toEqual([]);
      expect(Object.getPrototypeOf(schema)).toBe(Object.prototype);
    }
  });
});

describe('enums come from ids.ts', () => {
  const KNOWN_LISTS: Record<string, readonly unknown[]> = {
    TASK_IDS,
    TASK_STATUSES,
    LEVELS,
    DECISION_POINTS,
    DECISION_RECORD_POINTS,
    D1_OUTCOMES,
    FINAL_ORDERS,
    HEARING_TYPES,
    LEGAL_STATUSES,
    PROCEEDINGS,
    PLACEMENTS,
    COHORTS,
    TRIGGERS,
    OVERRIDE_CATEGORIES,
    FACTOR_IDS,
    FACTOR_STATUSES,
    CAPACITY_VALUES,
    RAG,
    SUPPORT_DELIVERY,
    STEP_DOWN_TO,
    OUTCOME_STATUSES,
    RISK_BASES,
    ...Object.fromEntries(DECISION_POINTS.map((p) => [`OUTCOMES_BY_POINT.${p}`, OUTCOMES_BY_POINT[p]])),
    'stage values': [...STAGES.map((s) => s.number), 'closed'],
    'finished task statuses': FINISHED_TASK_STATUSES,
  };

  it('lets a gate accept only statuses that exist', () => {
    for (const status of FINISHED_TASK_STATUSES) expect(TASK_STATUSES).toContain(status);
  });

  it('every enum in every schema equals one of the lists in ids.ts', () => {
    const found = Object.entries(schemas).flatMap(([file, schema]) => enumsIn(schema).map((e) => ({ ...e, file })));
    expect(found.length).toBeGreaterThan(20);
    const stray = found.filter((e) => !Object.values(KNOWN_LISTS).some((list) => JSON.stringify(list) === JSON.stringify(e.values)));
    expect(stray).toEqual([]);
  });

  it('every list in ids.ts appears in the schemas', () => {
    const found = Object.values(schemas).flatMap((schema) => enumsIn(schema).map((e) => JSON.stringify(e.values)));
    const missing = Object.entries(KNOWN_LISTS)
      .filter(([, list]) => !found.includes(JSON.stringify(list)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it.each([
    ['/properties/tasks/propertyNames/enum', TASK_IDS],
    ['/definitions/task/properties/status/enum', TASK_STATUSES],
    ['/definitions/task/properties/recommendation/enum', OUTCOMES_BY_POINT.rc1_d2],
    ['/definitions/factor/properties/id/enum', FACTOR_IDS],
    ['/definitions/factor/properties/status/enum', FACTOR_STATUSES],
    ['/properties/cohorts/items/enum', COHORTS],
    ['/definitions/trigger/properties/type/enum', TRIGGERS],
    ['/definitions/classification/properties/level/enum', LEVELS],
    ['/definitions/classification/properties/suggested/enum', LEVELS],
    ['/definitions/classification/properties/point/enum', DECISION_POINTS],
    ['/definitions/classification/properties/override_category/enum', OVERRIDE_CATEGORIES],
    ['/definitions/decision/properties/point/enum', DECISION_RECORD_POINTS],
    ['/definitions/child/properties/legal_status/enum', LEGAL_STATUSES],
    ['/definitions/child/properties/proceedings/enum', PROCEEDINGS],
    ['/definitions/child/properties/placement/enum', PLACEMENTS],
    ['/definitions/capacity/properties/rating/enum', CAPACITY_VALUES],
    ['/definitions/goal/properties/progress/items/properties/rag/enum', RAG],
    ['/definitions/return/properties/support_package/items/properties/delivered/enum', SUPPORT_DELIVERY],
    ['/definitions/return/properties/step_down/properties/to/enum', STEP_DOWN_TO],
    ['/definitions/outcome/properties/status/enum', OUTCOME_STATUSES],
  ] as const)('case schema %s equals its list', (pointer, list) => {
    expect(at(common, pointer)).toEqual([...list]);
  });

  it('gives each decision point its own outcomes, and covers every point', () => {
    const branches = at(common, '/definitions/decision/allOf') as Node[];
    const outcomeBranches = branches.filter((b) => at(b, '/then/properties/outcome/enum') !== undefined);
    const byPoint = Object.fromEntries(outcomeBranches.map((b) => [at(b, '/if/properties/point/const'), at(b, '/then/properties/outcome/enum')]));
    expect(byPoint).toEqual(Object.fromEntries(DECISION_RECORD_POINTS.map((p) => [p, [...OUTCOMES_BY_DECISION_POINT[p]]])));
  });

  it('builds each gate from the stage task lists', () => {
    for (const stage of STAGES.map((s) => s.number)) {
      const gate = schemas[`stage-${stage}.schema.json`] as Node;
      const entries = (gate.allOf as Node[]).flatMap((r) => (at(r, '/properties/tasks/required') as string[] | undefined) ?? []);
      expect(entries).toEqual([...TASKS_BY_STAGE[stage]]);
    }
  });

  it("describes each gate requirement with the validator's words", () => {
    for (const stage of STAGES.map((s) => s.number)) {
      const gate = schemas[`stage-${stage}.schema.json`] as Node;
      expect((gate.allOf as Node[]).map((r) => r.description)).toEqual(STAGE_GATES[stage].map((r) => r.need));
    }
  });
});

describe('local additions', () => {
  const extraFactor: FactorDefinition = {
    id: 'local_housing_instability',
    kind: 'risk',
    about: 'household',
    static: false,
    meaning: 'Fictional local factor',
    source: 'Local',
  };
  const extended: DomainIds = {
    factors: [...BASE_IDS.factors, extraFactor],
    cohorts: [...BASE_IDS.cohorts, 'local_unaccompanied'],
    triggers: [...BASE_IDS.triggers, 'local_panel'],
    overrideCategories: [...BASE_IDS.overrideCategories, 'local_court_direction'],
  };
  const local = exportedSchemas(extended)['case.schema.json'];

  it.each([
    ['/definitions/factor/properties/id/enum', [...FACTOR_IDS, 'local_housing_instability']],
    ['/properties/cohorts/items/enum', [...COHORTS, 'local_unaccompanied']],
    ['/definitions/trigger/properties/type/enum', [...TRIGGERS, 'local_panel']],
    ['/definitions/classification/properties/override_category/enum', [...OVERRIDE_CATEGORIES, 'local_court_direction']],
  ])('extend %s', (pointer, list) => {
    expect(at(present(local), pointer)).toEqual(list);
    expect(at(common, pointer)).toEqual(list.slice(0, -1));
  });

  it('leave the base ids and the default export untouched', () => {
    expect(BASE_IDS.factors.map((f) => f.id)).toEqual([...FACTOR_IDS]);
    expect(exportedSchemas()).toEqual(schemas);
  });
});
