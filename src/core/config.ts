// Local settings: the shape of reunify.config.yaml, its JSON schema, and merging a
// user's file over the shipped defaults (config/default.yaml). Pure: reading the
// files is src/io/loadConfig.ts.
import { DATE_PATTERN, FACTORS, COHORTS, TRIGGERS, OVERRIDE_CATEGORIES, LEVELS, type FactorDefinition, type Level } from './ids.js';
import type { SeveritySetting } from './problem.js';

export const CONFIG_SCHEMA_ID = 'https://reunify.dev/schemas/v1/config.schema.json';

export interface ReunifyConfig {
  organisation: string;
  cases: string;
  rules: Record<string, SeveritySetting>;
  timescales: { stage_weeks: Record<string, number> };
  reviews: {
    cla_first_working_days: number;
    cla_second_months: number;
    cla_then_months: number;
    post_return_visit_weeks: number;
    post_return_visit_months: number;
    goal_rag_stale_days: number;
  };
  bank_holidays: string[];
  sharing: { required_parties: string[] };
  leaving_care_age: number;
  labels: { levels: Record<Level, string> };
  additions: {
    factors: FactorDefinition[];
    cohorts: string[];
    triggers: string[];
    override_categories: string[];
  };
  /** Settings added by later features are kept as given. */
  [key: string]: unknown;
}

const date = { type: 'string', pattern: DATE_PATTERN };
const id = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
const positiveInt = { type: 'integer', minimum: 0 };

/** JSON schema (draft-07) for reunify.config.yaml. Every setting is optional. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CONFIG_SCHEMA_ID,
  title: 'reunify.config.yaml',
  description: 'Local settings for a reunify caseload folder. Every setting is optional; unnamed ones keep the shipped defaults.',
  type: 'object',
  additionalProperties: false,
  properties: {
    organisation: { type: 'string', description: 'Name of the local authority, shown in report headers.' },
    cases: { type: 'string', minLength: 1, description: 'Glob for case files, relative to the caseload folder.' },
    rules: {
      type: 'object',
      description: 'Rule severities by rule id.',
      additionalProperties: { enum: ['off', 'warn', 'error'] },
    },
    timescales: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stage_weeks: {
          type: 'object',
          description: 'Weeks a stage may stay open before a warning.',
          propertyNames: { enum: ['1', '2', '3', '4', '5'] },
          additionalProperties: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    reviews: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cla_first_working_days: positiveInt,
        cla_second_months: positiveInt,
        cla_then_months: positiveInt,
        post_return_visit_weeks: positiveInt,
        post_return_visit_months: positiveInt,
        goal_rag_stale_days: positiveInt,
      },
    },
    bank_holidays: { type: 'array', items: date, description: 'Dates skipped when counting working days.' },
    sharing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required_parties: {
          type: 'array',
          uniqueItems: true,
          items: { enum: ['child', 'parents_with_pr', 'carers', 'iro', 'guardian_in_proceedings'] },
        },
      },
    },
    leaving_care_age: { type: 'integer', minimum: 10, maximum: 18 },
    labels: {
      type: 'object',
      additionalProperties: false,
      properties: {
        levels: { type: 'object', additionalProperties: false, properties: Object.fromEntries(LEVELS.map((l) => [l, { type: 'string', minLength: 1 }])) },
      },
    },
    additions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        factors: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'kind', 'about', 'static', 'meaning', 'source'],
            properties: {
              id,
              kind: { enum: ['risk', 'protective'] },
              about: { enum: ['child', 'parent', 'household', 'practice'] },
              static: { type: 'boolean' },
              meaning: { type: 'string' },
              source: { type: 'string' },
            },
          },
        },
        cohorts: { type: 'array', items: id, uniqueItems: true },
        triggers: { type: 'array', items: id, uniqueItems: true },
        override_categories: { type: 'array', items: id, uniqueItems: true },
      },
    },
  },
  patternProperties: { '^x-': {} },
} as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Maps merge key by key; lists and single values in `over` replace those in `base`. */
export function mergeSettings<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    const value = Object.prototype.hasOwnProperty.call(base, key) ? mergeSettings(base[key], over[key]) : over[key];
    // defineProperty, not assignment: a "__proto__" key stays plain data.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

/** Local additions that are already base ids, or clash with each other, are config errors. */
export function additionProblems(config: ReunifyConfig): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const lists: [keyof ReunifyConfig['additions'], readonly string[]][] = [
    ['factors', FACTORS.map((f) => f.id)],
    ['cohorts', COHORTS],
    ['triggers', TRIGGERS],
    ['override_categories', OVERRIDE_CATEGORIES],
  ];
  for (const [name, base] of lists) {
    const added = config.additions[name] as (string | FactorDefinition)[];
    added.forEach((item, i) => {
      const itemId = typeof item === 'string' ? item : item.id;
      if (base.includes(itemId)) problems.push({ path: `/additions/${name}/${i}`, message: `"${itemId}" is already a framework ${name.replace(/_/g, ' ').replace(/s$/, '')}; additions must be new ids` });
    });
  }
  return problems;
}

/** Domain id lists extended with a config's local additions (see schemas.ts DomainIds). */
export function domainIdsOf(config: ReunifyConfig): { factors: FactorDefinition[]; cohorts: string[]; triggers: string[]; overrideCategories: string[] } {
  return {
    factors: [...FACTORS, ...config.additions.factors],
    cohorts: [...COHORTS, ...config.additions.cohorts],
    triggers: [...TRIGGERS, ...config.additions.triggers],
    overrideCategories: [...OVERRIDE_CATEGORIES, ...config.additions.override_categories],
  };
}
