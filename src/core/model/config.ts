// Local settings: the shape of reunify.config.yaml, its JSON schema, and merging a
// user's file over the shipped defaults (config/default.yaml). Pure: reading the
// files is src/io/loadConfig.ts.
import { CAPACITY_RATINGS, RAG, type CapacityRating, type Rag } from './ids.js';
import {
  DATE_PATTERN,
  DECISION_POINTS,
  FACTORS,
  COHORTS,
  TRIGGERS,
  OUTCOMES_BY_POINT,
  OUTCOMES_BY_DECISION_POINT,
  DECISION_RECORD_POINTS,
  OVERRIDE_CATEGORIES,
  LEVELS,
  type DecisionPoint,
  type DecisionRecordPoint,
  type FactorDefinition,
  type Level,
} from './ids.js';
import { parseIsoDate } from '../text/dates.js';
import type { SchemaSet } from './precompiled.js';
import type { SeveritySetting } from './problem.js';

export const CONFIG_SCHEMA_ID = 'https://reunify.dev/schemas/v1/config.schema.json';

export interface ReunifyConfig {
  organisation: string;
  cases: string;
  ignore: string[];
  rules: Record<string, SeveritySetting>;
  timescales: { stage_weeks: Record<string, number> };
  reviews: {
    cla_first_working_days: number;
    cla_second_months: number;
    cla_then_months: number;
    post_return_visit_weeks: number;
    post_return_visit_months: number;
    goal_rag_stale_days: number;
    /** Days after an unplanned return by which a signed-off post-return classification (rc3_post_return) is due. */
    rc3_after_unplanned_return_days: number;
  };
  bank_holidays: string[];
  sharing: { required_parties: string[] };
  leaving_care_age: number;
  /** Thresholds for the cohorts `check` works out from the file (rule case/cohorts-derived). */
  cohort_rules: { teen_age: number; placement_moves: number; parent_prior_removals: number };
  /**
   * [local] Decisions that need a sign-off beyond the team manager's (a senior manager, a
   * permanence panel): each names the role, the decision point and, optionally, the outcomes
   * it applies to (every outcome at the point when left out). Rule case/additional-signoffs.
   */
  additional_signoffs: AdditionalSignoffRule[];
  /** Default decision for each level, by decision point (docs/framework.md §4.6); a point left out has no default. */
  decision_map: Partial<Record<DecisionPoint, Partial<Record<Level, string>>>>;
  labels: { levels: Record<Level, string> };
  /** Written products (`reunify report`, docs/reports.md). */
  report: ReportSettings;
  /** The caseload view, `reunify status` (docs/status.md). */
  status: StatusSettings;
  /** Cost figures for `reunify costs` and the status view's cost_exposure (docs/costs.md). */
  costs: CostSettings;
  /** The date checks are relative to when --as-of is not given (training packs); null: today. */
  as_of: string | null;
  /** Place and school names `reunify redact` replaces in free text (docs/training.md). */
  redact: { places: string[]; schools: string[] };
  /** How `reunify classify` suggests a level (docs/classification.md). */
  classification: ClassificationSettings;
  additions: {
    factors: FactorDefinition[];
    cohorts: string[];
    triggers: string[];
    override_categories: string[];
  };
  /** Settings added by later features are kept as given. */
  [key: string]: unknown;
}

/** One decision the authority wants signed off by a further role (config `additional_signoffs`). */
export interface AdditionalSignoffRule {
  /** Role id as the case records it, e.g. senior_manager, permanence_panel. */
  role: string;
  /** The role in words, e.g. "the head of service"; else the id with spaces. */
  label?: string;
  point: DecisionRecordPoint;
  /** Outcomes at the point that need it; every outcome when left out. */
  outcomes?: string[];
}

export interface StatusSettings {
  /** Days without a record that return home was considered before a child in a cohort counts as not considered. */
  not_considered_days: number;
  /** Reviews and visits due within this many days are "due soon". */
  reviews_due_days: number;
  /** A goal of a child home (stage 5) not rated for more than this many days counts as not rated recently. */
  home_goal_stale_days: number;
  /** With --shared, counts 1..N-1 are shown as "<N" (and others as "[c]" to protect them); 0 turns it off. */
  suppress_below: number;
  /** Cases in the "attention first" list. */
  attention_limit: number;
}

/** Per-child cost figures from one published source. */
export interface CostPreset {
  failed_return: number;
  support: number;
  source: string;
  year: number;
}

export interface CostSettings {
  /** Name of the preset used unless --preset names another. */
  preset: string;
  presets: Record<string, CostPreset>;
  /** Share of returns expected to break down (0–1). */
  breakdown_rate: number;
  breakdown_source: string;
  /**
   * [local] An illustrative breakdown rate for each risk level (0–1), where the
   * authority has its own figures; a level left out, and an unclassified return, use
   * breakdown_rate.
   */
  breakdown_rate_by_level?: Partial<Record<Level, number>>;
  /** ISO 4217 currency code. */
  currency: string;
}

export interface ReportSettings {
  /** Protective marking printed in every report header, e.g. OFFICIAL-SENSITIVE. */
  marking: string;
  /** Folder of templates that replace shipped ones of the same file name (relative to the config file). */
  templates?: string;
  /** JSON-pointer-like paths (`*` for any key or index; `/body/<heading>` for a body section) left out of family copies (`--for`). */
  withhold_for_family: string[];
  /** Body sections (headings) a family copy may show to a reader it is not withheld from; `Analysis` never. */
  family_sections: string[];
}

/**
 * The weighting behind a suggested level: an aid to structured professional
 * judgement, not a validated actuarial instrument, and never a probability.
 */
export interface ClassificationSettings {
  /** Shown with every suggestion. */
  notice: string;
  /** Points a factor adds when present; protective factors take them off. */
  weights: Record<string, number>;
  /** Weight of a local factor addition that `weights` does not name. */
  added_factor_weight: number;
  /** Share of the weight a `partly` status counts. */
  partly_fraction: number;
  capacity_points: Record<CapacityRating, number>;
  goal_points: Record<Rag | 'overdue', number>;
  /** Lowest score of each level above low. */
  thresholds: Record<Exclude<Level, 'low'>, number>;
  /** A factor present or partly sets a floor under the suggested level. */
  forcing: { factor: string; min_level: Level; reason: string }[];
  /** Evidence dated more than this many days before the as-of date is flagged as old. */
  evidence_max_age_days: number;
}

const date = { type: 'string', pattern: DATE_PATTERN };
const id = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
/** A whole number from 0 to `max`: large enough for any local practice, small enough that dates built from it stay real dates. */
const upTo = (maximum: number) => ({ type: 'integer', minimum: 0, maximum });

const points = { type: 'number', minimum: -1000, maximum: 1000 };
const weight = { type: 'number', minimum: 0, maximum: 1000 };

const CLASSIFICATION_SCHEMA = {
  type: 'object',
  description: 'How a level is suggested: an aid to structured professional judgement, not a validated actuarial instrument, never a probability.',
  additionalProperties: false,
  properties: {
    notice: { type: 'string', minLength: 1, description: 'Shown with every suggestion.' },
    weights: {
      type: 'object',
      description: 'Weight per factor id (0 or more); protective factors subtract theirs.',
      propertyNames: id,
      additionalProperties: weight,
    },
    added_factor_weight: { ...weight, description: 'Weight of a local factor addition not named in weights.' },
    partly_fraction: { type: 'number', minimum: 0, maximum: 1, description: 'Share of the weight a partly status counts.' },
    capacity_points: { type: 'object', additionalProperties: false, properties: Object.fromEntries(CAPACITY_RATINGS.map((r) => [r, points])) },
    goal_points: { type: 'object', additionalProperties: false, properties: Object.fromEntries([...RAG, 'overdue'].map((r) => [r, points])) },
    thresholds: {
      type: 'object',
      description: 'Lowest score of each level above low; must rise from medium to very_high.',
      additionalProperties: false,
      properties: Object.fromEntries(LEVELS.slice(1).map((l) => [l, points])),
    },
    forcing: {
      type: 'array',
      description: 'Factors that, present or partly, set a floor under the suggested level.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['factor', 'min_level', 'reason'],
        properties: { factor: id, min_level: { enum: [...LEVELS] }, reason: { type: 'string', minLength: 1 } },
      },
    },
    evidence_max_age_days: {
      ...upTo(3660),
      description: 'Evidence dated more than this many days before the as-of date is flagged as old in reunify classify.',
    },
  },
} as const;

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
    cases: { type: 'string', minLength: 1, maxLength: 256, description: 'Glob for case files, relative to the caseload folder (at most 256 characters).' },
    ignore: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', minLength: 1, maxLength: 256 },
      description: 'Globs for markdown files that are not case files (at most 100, of 256 characters each).',
    },
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
          additionalProperties: { type: 'number', exclusiveMinimum: 0, maximum: 520 },
        },
      },
    },
    reviews: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cla_first_working_days: upTo(366),
        cla_second_months: upTo(120),
        cla_then_months: upTo(120),
        post_return_visit_weeks: upTo(520),
        post_return_visit_months: upTo(120),
        goal_rag_stale_days: upTo(3660),
        rc3_after_unplanned_return_days: upTo(3660),
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
    cohort_rules: {
      type: 'object',
      description: 'Thresholds for the cohorts check works out from the file (rule case/cohorts-derived).',
      additionalProperties: false,
      properties: {
        teen_age: { type: 'integer', minimum: 10, maximum: 18 },
        placement_moves: { type: 'integer', minimum: 1 },
        parent_prior_removals: { type: 'integer', minimum: 1 },
      },
    },
    additional_signoffs: {
      type: 'array',
      description:
        '[local] Decisions that need a sign-off beyond the team manager’s (a senior manager, a permanence panel): role, decision point, and the outcomes it applies to (all when left out).',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'point'],
        properties: {
          role: {
            type: 'string',
            pattern: '^[a-z][a-z0-9_]{0,63}$',
            description: 'Role id, as decisions[].additional_signoffs[].role records it, e.g. senior_manager',
          },
          label: { type: 'string', minLength: 1, maxLength: 200, description: 'The role in words, e.g. "the head of service"' },
          point: { enum: [...DECISION_RECORD_POINTS], description: 'Decision point: d1_start, rc1_d2, rc2_d3 or rc3_post_return' },
          outcomes: {
            type: 'array',
            uniqueItems: true,
            minItems: 1,
            items: { type: 'string' },
            description: 'Outcomes at the point that need it; all when left out',
          },
        },
        allOf: DECISION_RECORD_POINTS.map((point) => ({
          if: { required: ['point'], properties: { point: { const: point } } },
          then: { properties: { outcomes: { items: { enum: [...OUTCOMES_BY_DECISION_POINT[point]] } } } },
        })),
      },
    },
    decision_map: {
      type: 'object',
      description: 'Default decision for each risk level, by decision point; decisions that depart from it need reasons.',
      additionalProperties: false,
      properties: Object.fromEntries(
        DECISION_POINTS.map((point) => [
          point,
          { type: 'object', additionalProperties: false, properties: Object.fromEntries(LEVELS.map((l) => [l, { enum: [...OUTCOMES_BY_POINT[point]] }])) },
        ]),
      ),
    },
    classification: CLASSIFICATION_SCHEMA,
    status: {
      type: 'object',
      description: 'The caseload view, reunify status (docs/status.md).',
      additionalProperties: false,
      properties: {
        not_considered_days: {
          type: 'integer',
          minimum: 1,
          maximum: 3660,
          description: 'Days without a record that return home was considered before a child in a cohort counts as not considered.',
        },
        reviews_due_days: { ...upTo(3660), description: 'Reviews and visits due within this many days are listed as due soon.' },
        home_goal_stale_days: {
          type: 'integer',
          minimum: 1,
          maximum: 3660,
          description: 'A goal of a child home (stage 5) not rated for more than this many days is listed as not rated recently.',
        },
        suppress_below: {
          ...upTo(1000),
          description:
            'With --shared, counts from 1 to this number minus one are shown as "<N", and enough other counts as "[c]" that none can be worked out from totals; 0 turns it off.',
        },
        attention_limit: { ...upTo(10000), description: 'How many cases the attention-first list shows.' },
      },
    },
    costs: {
      type: 'object',
      description: 'Per-child cost figures for reunify costs and the status cost_exposure (docs/costs.md).',
      additionalProperties: false,
      properties: {
        preset: { type: 'string', minLength: 1, description: 'The preset used unless --preset names another; must be a key of presets.' },
        presets: {
          type: 'object',
          description: 'Named sets of figures, e.g. nspcc-2024, holmes-2014, or your own local figures.',
          propertyNames: { pattern: '^[a-z0-9][a-z0-9._-]*$' },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['failed_return', 'support', 'source', 'year'],
            properties: {
              failed_return: { type: 'number', exclusiveMinimum: 0, description: 'Average annual cost per child who re-enters care after a failed return.' },
              support: { type: 'number', exclusiveMinimum: 0, description: 'Average cost of supporting a child and family on return.' },
              source: { type: 'string', minLength: 1 },
              year: { type: 'integer', minimum: 1900, maximum: 2200 },
            },
          },
        },
        breakdown_rate: { type: 'number', minimum: 0, maximum: 1, description: 'Share of returns expected to break down.' },
        breakdown_source: { type: 'string', minLength: 1 },
        breakdown_rate_by_level: {
          type: 'object',
          description:
            '[local] Optional: an illustrative breakdown rate (0–1) for each risk level, from local figures; levels left out, and unclassified returns, use breakdown_rate.',
          additionalProperties: false,
          properties: Object.fromEntries(LEVELS.map((l) => [l, { type: 'number', minimum: 0, maximum: 1 }])),
        },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, e.g. GBP.' },
      },
    },
    report: {
      type: 'object',
      description: 'Written products (reunify report).',
      additionalProperties: false,
      properties: {
        marking: { type: 'string', description: 'Protective marking printed in every report header.' },
        templates: {
          type: 'string',
          minLength: 1,
          description: 'Folder of templates that replace shipped ones of the same file name, relative to the config file.',
        },
        withhold_for_family: {
          type: 'array',
          description:
            'Paths left out of family copies (--for): JSON pointers into the front matter with * for any key or index, or /body/<heading> for a body section.',
          items: { type: 'string', pattern: '^/' },
        },
        family_sections: {
          type: 'array',
          description:
            'Body sections (## headings) a family copy may show, each only to readers it names nobody to be kept from; Analysis is never shown, even if listed.',
          items: { type: 'string', minLength: 1 },
        },
      },
    },
    as_of: {
      type: ['string', 'null'],
      pattern: DATE_PATTERN,
      description:
        'The date checks are relative to when --as-of is not given, and the date new, task and advance record when --as-of (or --date) is not given (YYYY-MM-DD), so a training pack checks clean years later; null means today.',
    },
    redact: {
      type: 'object',
      description: 'Anonymised copies for teaching (reunify redact).',
      additionalProperties: false,
      properties: {
        places: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Place names to replace in free text.' },
        schools: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'School names to replace in free text.' },
      },
    },
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

/** How the config schema is compiled, and precompiled by `npm run build` (src/core/model/precompiled.ts). */
export const CONFIG_SCHEMA_SET: SchemaSet = {
  module: 'config-validator.cjs',
  schemas: { config: CONFIG_SCHEMA },
  options: { allErrors: true, strict: false },
  formats: [],
};

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
      if (base.includes(itemId))
        problems.push({
          path: `/additions/${name}/${i}`,
          message: `"${itemId}" is already a framework ${name.replace(/_/g, ' ').replace(/s$/, '')}; additions must be new ids`,
        });
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

/**
 * Settings written as dates that are not real ones (`bank_holidays: [2026-02-30]`): the
 * schema checks the shape, this the calendar, with the parser flags and answers use.
 */
export function impossibleConfigDates(value: unknown): string[] {
  const data = value as { bank_holidays?: unknown; as_of?: unknown } | undefined;
  const dates: [string, unknown][] = [
    ['/as_of', data?.as_of],
    ...(Array.isArray(data?.bank_holidays) ? data.bank_holidays.map((d, i): [string, unknown] => [`/bank_holidays/${i}`, d]) : []),
  ];
  return dates.filter(([, d]) => typeof d === 'string' && new RegExp(DATE_PATTERN).test(d) && parseIsoDate(d) === undefined).map(([pointer]) => pointer);
}
