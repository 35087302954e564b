// Validates case front matter against the common schema and the stage gates, and
// turns Ajv's errors into short problems with JSON-pointer paths. Messages name
// fields and allowed ids only, never a value from the case.
import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CASE_ID_PATTERN, DATE_PATTERN, type StageNumber } from './ids.js';
import { DATE_WRITTEN } from '../text/dates.js';
import { validatorsFor, type SchemaSet } from './precompiled.js';
import { toPointer, type Problem, type Severity } from './problem.js';
import { BASE_IDS, STAGE_GATES, STAGE_NUMBERS, buildCaseSchemas, type DomainIds } from './schemas.js';

export interface CaseValidator {
  /** Common schema problems, then the gates of every stage the case has reached. */
  validate(data: unknown): Problem[];
  /** One stage's gate alone, e.g. to see whether a case may advance to it. */
  checkGate(data: unknown, stage: StageNumber): Problem[];
}

/** Gates into these stages only warn when the return was unplanned (design.md §3.2). */
export const RELAXED_WHEN_UNPLANNED: readonly StageNumber[] = [2, 3, 4];

const validators = new Map<string, CaseValidator>();

/** The validator for these ids, compiled once per distinct set of ids. */
export function caseValidator(ids: DomainIds = BASE_IDS): CaseValidator {
  const key = createHash('sha256').update(JSON.stringify(ids)).digest('hex');
  let validator = validators.get(key);
  if (!validator) {
    validator = compileValidator(ids);
    validators.set(key, validator);
  }
  return validator;
}

/** One validating function per schema: the common shape and each stage gate. */
export interface CaseSchemaFunctions {
  common: ValidateFunction;
  gates: Map<StageNumber, ValidateFunction>;
}

/** The case schemas for these ids, named as the precompiled module exports them, and how they are compiled. */
export function caseSchemaSet(ids: DomainIds): SchemaSet {
  const { common, stages } = buildCaseSchemas(ids);
  const schemas: Record<string, object> = { common };
  for (const stage of STAGE_NUMBERS) schemas[`stage${stage}`] = stages[stage];
  // verbose: errors carry their schema node's $comment
  return { module: 'case-validators.cjs', schemas, options: { allErrors: true, strict: false, $data: false, verbose: true }, formats: ['date'] };
}

export function caseSchemaFunctions(functions: Record<string, ValidateFunction>): CaseSchemaFunctions {
  const named = (name: string): ValidateFunction => {
    const fn = functions[name];
    if (fn === undefined) throw new Error(`internal: no case validator "${name}"`);
    return fn;
  };
  return { common: named('common'), gates: new Map(STAGE_NUMBERS.map((stage) => [stage, named(`stage${stage}`)])) };
}

function compileValidator(ids: DomainIds): CaseValidator {
  return validatorFrom(caseSchemaFunctions(validatorsFor(caseSchemaSet(ids))));
}

/** Problems, in the words design.md asks for, from the validating functions. */
export function validatorFrom({ common: checkCommon, gates }: CaseSchemaFunctions): CaseValidator {
  const gateProblems = (data: unknown, stage: StageNumber): Problem[] => {
    const check = gates.get(stage)!;
    if (check(data)) return [];
    const severity: Severity = isUnplannedReturn(data) && RELAXED_WHEN_UNPLANNED.includes(stage) ? 'warning' : 'error';
    return unmetRequirements(check.errors ?? []).map((index) => {
      const requirement = STAGE_GATES[stage][index];
      // each allOf entry of a stage's schema is built from the requirement at the same index
      if (requirement === undefined) throw new Error(`internal: stage ${stage} has no requirement ${index}`);
      return { ruleId: 'stage-gate', severity, message: `to be at stage ${stage}: ${requirement.need}`, path: requirement.path };
    });
  };

  return {
    validate(data) {
      const problems = checkCommon(data) ? [] : schemaProblems(checkCommon.errors ?? []);
      for (const stage of gatedStages(data)) problems.push(...gateProblems(data, stage));
      return problems;
    },
    checkGate: gateProblems,
  };
}

// ---------------------------------------------------------------------------
// Which gates apply

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function isUnplannedReturn(data: unknown): boolean {
  return isRecord(data) && isRecord(data.return) && data.return.unplanned === true;
}

/**
 * Stages whose gates a case must pass: 1..N at stage N; all five once closed,
 * except a case closed without a return, which never needed stages 3–5.
 */
export function gatedStages(data: unknown): StageNumber[] {
  if (!isRecord(data)) return [];
  const { stage } = data;
  if (stage === 'closed') {
    const notReturned = isRecord(data.outcome) && data.outcome.status === 'not_returned';
    return notReturned ? STAGE_NUMBERS.slice(0, 2) : [...STAGE_NUMBERS];
  }
  return STAGE_NUMBERS.includes(stage as StageNumber) ? STAGE_NUMBERS.slice(0, stage as StageNumber) : [];
}

/** Indexes of the gate's `allOf` requirements with any error under them: one problem each. */
function unmetRequirements(errors: readonly ErrorObject[]): number[] {
  const unmet = new Set<number>();
  for (const e of errors) {
    const match = /^#\/allOf\/(\d+)\//.exec(e.schemaPath);
    if (match) unmet.add(Number(match[1]));
  }
  return [...unmet].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// Common schema errors → problems

const DATE_MESSAGE = DATE_WRITTEN;
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  null: 'empty (null)',
};

function schemaProblems(errors: readonly ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const described = describeError(e);
    if (!described) continue;
    const message = withCondition(described.message, e);
    // A bad date fails both `format` and `pattern`: report it once.
    const key = `${described.path}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ ruleId: 'schema', severity: 'error', message, path: described.path });
  }
  return problems;
}

function describeError(e: ErrorObject): { path: string; message: string } | undefined {
  const at = (message: string, path = e.instancePath) => ({ path, message });
  const child = (key: unknown) => e.instancePath + toPointer([String(key)]);
  const params = e.params as Record<string, unknown>;
  // An error inside `propertyNames` is about a key (e.g. an unknown task id), not a value.
  if (e.propertyName !== undefined && e.keyword !== 'propertyNames') {
    return e.keyword === 'enum'
      ? at(`unknown key; must be one of: ${list(params.allowedValues)}`, child(e.propertyName))
      : at('is not an allowed key', child(e.propertyName));
  }
  switch (e.keyword) {
    case 'propertyNames':
    case 'if':
      return undefined; // the error beneath says what is wrong
    case 'required':
      return at(`"${String(params.missingProperty)}" is required`, child(params.missingProperty));
    case 'additionalProperties':
      return at(
        e.instancePath === '' ? 'unknown field: not part of the case file format (local extensions start with x-)' : 'unknown field: not part of this record',
        child(params.additionalProperty),
      );
    case 'enum':
      return at(`must be one of: ${list(params.allowedValues)}`);
    case 'const':
      return at(`must be ${String(params.allowedValue)}`);
    case 'type':
      return at(
        `must be ${String(params.type)
          .split(',')
          .map((t) => TYPE_WORDS[t] ?? t)
          .join(' or ')}`,
      );
    case 'format':
      return at(params.format === 'date' ? DATE_MESSAGE : `must be a valid ${String(params.format)}`);
    case 'pattern':
      return at(patternMessage(String(params.pattern)));
    case 'minimum':
      return at(`must be ${String(params.limit)} or more`);
    case 'maximum':
      return at(`must be ${String(params.limit)} or less`);
    case 'minItems':
      return at(`must list at least ${String(params.limit)}`);
    case 'uniqueItems':
      return at('repeats an earlier entry of the list', child(params.i));
    default:
      return at(e.message ?? 'is not valid');
  }
}

/** Adds the `$comment` of a conditional branch: '"date" is required when status is done', 'when point is rc2_d3, must be one of: …'. */
function withCondition(message: string, e: ErrorObject): string {
  const condition = (e.parentSchema as { $comment?: unknown } | undefined)?.$comment;
  if (typeof condition !== 'string') return message;
  return e.keyword === 'required' ? `${message} ${condition}` : `${condition}, ${message}`;
}

function patternMessage(pattern: string): string {
  if (pattern === DATE_PATTERN) return DATE_MESSAGE;
  if (pattern === CASE_ID_PATTERN) return 'must start with a letter or digit and use only letters, digits, ".", "_" or "-" (64 at most)';
  return 'does not have the expected form';
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}
