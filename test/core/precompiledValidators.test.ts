// `npm run build` precompiles the case validators (scripts/precompile-validators.mjs);
// the built commands use them. They must judge every record exactly as the schemas
// compiled at run time do, problem for problem.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/io/loadCase.js';
import { BASE_IDS } from '../../src/core/model/schemas.js';
import { CONFIG_SCHEMA_SET } from '../../src/core/model/config.js';
import { compileValidators, fingerprintOf } from '../../src/core/model/precompiled.js';
import { caseSchemaFunctions, caseSchemaSet, validatorFrom } from '../../src/core/model/validate.js';
// @ts-expect-error the built module, which looks for the precompiled code beside itself in dist/core/model/
import * as built from '../../dist/core/model/precompiled.js';
import { present } from '../present.js';

const precompiledValidators = built.precompiledValidators as typeof import('../../src/core/model/precompiled.js').precompiledValidators;
const caseSet = caseSchemaSet(BASE_IDS);
const functions = precompiledValidators(caseSet);
const precompiled = functions && caseSchemaFunctions(functions);
const atRunTime = validatorFrom(caseSchemaFunctions(compileValidators(caseSet)));

function records(dir: string): unknown[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => loadCase(join(dir, f)).data)
    .filter((d) => d !== undefined);
}

describe('precompiled case validators', () => {
  it('are built from the current schemas, for the case file and the config', () => {
    expect(precompiled).toBeDefined();
    expect(precompiledValidators(CONFIG_SCHEMA_SET)?.config).toBeTypeOf('function');
  });

  it('are not used for schemas they were not built from (local id additions)', () => {
    const withAddition = caseSchemaSet({ ...BASE_IDS, cohorts: [...BASE_IDS.cohorts, 'x-local'] });
    expect(fingerprintOf(withAddition)).not.toBe(fingerprintOf(caseSet));
    expect(precompiledValidators(withAddition)).toBeUndefined();
  });

  it('judge configs as the compiled config schema does', () => {
    const fast = present(precompiledValidators(CONFIG_SCHEMA_SET)!.config);
    const slow = present(compileValidators(CONFIG_SCHEMA_SET).config);
    for (const config of [{}, { as_of: '2026-01-01' }, { rules: { x: 'loud' } }, { timescales: { stage1_weeks: -1 } }, { unknown: 1 }, { cases: 5 }]) {
      expect([fast(config), fast.errors]).toEqual([slow(config), slow.errors]);
    }
  });

  it('judge the examples and the broken examples as the compiled schemas do', () => {
    const docs = [...records('examples/caseload'), ...records('examples/broken')];
    expect(docs.length).toBeGreaterThan(20);
    const fast = validatorFrom(precompiled!);
    for (const doc of docs) expect(fast.validate(doc)).toEqual(atRunTime.validate(doc));
    // and they do find problems: the broken examples are not all clean
    expect(docs.some((d) => atRunTime.validate(d).length > 0)).toBe(true);
  });

  it('judge damaged records as the compiled schemas do (property)', () => {
    const docs = records('examples/caseload') as Record<string, unknown>[];
    const fast = validatorFrom(precompiled!);
    const junk = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2026-02-30', 'done', 'rc1', 'x-note', 3),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    );
    const damaged = fc.tuple(fc.nat(docs.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(), junk), { minLength: 1, maxLength: 3 })).map(([i, edits]) => {
      const doc = structuredClone(present(docs[i]));
      for (const [a, b, value] of edits) {
        // replace a field, or a field of a field, with junk
        const keys = Object.keys(doc);
        const key = present(keys[a % keys.length]);
        const inner = doc[key];
        if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 0) {
          const innerKeys = Object.keys(inner);
          (inner as Record<string, unknown>)[present(innerKeys[b % innerKeys.length])] = value;
        } else doc[key] = value;
      }
      return doc;
    });
    let problems = 0;
    fc.assert(
      fc.property(damaged, (doc) => {
        const expected = atRunTime.validate(doc);
        problems += expected.length;
        expect(fast.validate(doc)).toEqual(expected);
      }),
      { numRuns: 400, seed: 9 },
    );
    expect(problems).toBeGreaterThan(400);
  });
});
