// Validators that `npm run build` precompiles into dist/core/model/ as Ajv standalone code
// (scripts/precompile-validators.mjs), so a command need not load Ajv's compiler and
// compile its schemas each time it starts (about 0.1 s for the config, 0.2 s for the
// case schemas, and again in every worker thread). Each module carries a fingerprint of
// the schemas it was built from: one that is missing, or was built from other schemas,
// is not used, and the schemas are compiled here instead.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** What a precompiled module is built from: named schemas, the Ajv options and formats. */
export interface SchemaSet {
  /** The module's file name in dist/core/model/. */
  module: string;
  schemas: Record<string, object>;
  options: Options;
  formats: string[];
}

export function fingerprintOf(set: SchemaSet): string {
  return createHash('sha256')
    .update(JSON.stringify([set.schemas, set.options, set.formats]))
    .digest('hex');
}

/** One validating function per named schema: precompiled when the build made them from this set, else compiled now. */
export function validatorsFor(set: SchemaSet): Record<string, ValidateFunction> {
  return precompiledValidators(set) ?? compileValidators(set);
}

export function precompiledValidators(set: SchemaSet): Record<string, ValidateFunction> | undefined {
  let built: Record<string, unknown>;
  try {
    built = require(`./${set.module}`) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (built.fingerprint !== fingerprintOf(set)) return undefined;
  return Object.fromEntries(Object.keys(set.schemas).map((name) => [name, built[name] as ValidateFunction]));
}

export function compileValidators(set: SchemaSet): Record<string, ValidateFunction> {
  const ajv = newAjv(set);
  return Object.fromEntries(Object.entries(set.schemas).map(([name, schema]) => [name, ajv.compile(schema)]));
}

/** An Ajv for the set, loaded only when something must be compiled; `source` keeps the code for the build script. */
export function newAjv(set: SchemaSet, source = false): Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...set.options, ...(source ? { code: { source: true } } : {}) });
  if (set.formats.length > 0) (require('ajv-formats') as { default: (ajv: Ajv, formats: string[]) => void }).default(ajv, set.formats);
  return ajv;
}
