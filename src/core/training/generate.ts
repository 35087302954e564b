// Generates one fictional case file, reproducibly from a seeded generator: a family,
// a pathway through the five stages up to the stage asked for, and the records a
// careful team would have kept, so `reunify check` finds nothing to report against
// the shipped default settings. Used by `reunify scaffold exercise` and by the
// benchmark caseload. Pure: no I/O, no clock, no Math.random.
import type { CaseData, Classification, Decision, FactorEntry, Goal, IsoDate, Person, SharingRecord, TaskRecord } from '../model/caseTypes.js';
import { classify, levelRank } from '../classify/classify.js';
import type { ReunifyConfig } from '../model/config.js';
import { addDays, addMonths, addWorkingDays, ageOn, daysBetween } from '../text/dates.js';
import {
  FACTORS,
  LEVELS,
  TASKS_BY_STAGE,
  type CapacityRating,
  type CapacityValue,
  type DecisionPoint,
  type FactorStatus,
  type Level,
  type Rag,
  type StageNumber,
  type StageValue,
} from '../model/ids.js';
import type { Rng } from './random.js';
import {
  CAPACITY_EVIDENCE,
  CARE_REASONS,
  CARE_REASON_IDS,
  FACTOR_EVIDENCE,
  GOALS,
  NON_NEGOTIABLES,
  OVERRIDE_REASONS,
  REASON_EVIDENCE,
  REASON_SERVICES,
  SERVICES,
  STRENGTHS,
  WORRIES,
  CONCERNS,
  fill,
  fits,
  schoolKind,
  wordingText,
  type CareReasonId,
  type Concern,
  type GoalText,
  type TextContext,
  type Wording,
} from './generateText.js';
import { caseBody } from './generateBody.js';
import { deriveCohorts } from '../rules/case/cohorts-derived.js';

export type Scenario = 'classification' | 'reclassification' | 'return-home' | 'cohorts' | 'monitoring';
export type ClosedOutcome = 'at_home' | 're_entered_care' | 'not_returned';

export interface GenerateOptions {
  stage: StageValue;
  id: string;
  /** The date the case is "now": nothing that has happened is dated later. */
  asOf: IsoDate;
  /** Shapes the open work at the current stage for an exercise (see docs/training.md). */
  scenario?: Scenario;
  /** For a closed case; otherwise chosen at random. */
  outcome?: ClosedOutcome;
  /**
   * The settings the case follows (decision map, review timescales, bank holidays, cohort
   * thresholds): the shipped defaults (config/default.yaml) merged with any local config.
   */
  config: ReunifyConfig;
  /** Recorded levels carry the engine's suggestion (and overrides where they differ); false: levels follow the plan alone. */
  suggest?: boolean;
  /** Named in the body's first line, e.g. "seed 7". */
  source?: string;
  /** Shared by the cases of one pack, so no two families share a letter or a story. */
  memory?: PackMemory;
  /**
   * For an exercise with a config: the level the evidence at the open decision should lead to,
   * so a pack practises every outcome (no return, more time, more support, return to care).
   */
  keyLevel?: Level;
}

/** What the cases of one pack have used so far: family letters and narrative wordings. */
export interface PackMemory {
  letters: Set<string>;
  texts: Set<string>;
}

export const newPackMemory = (): PackMemory => ({ letters: new Set(), texts: new Set() });

export interface GeneratedCase {
  data: CaseData;
  body: string;
  /** What is left for participants at the current stage, e.g. ["classification"]. */
  openWork: string[];
  /** Why the child came into care. */
  reason: CareReasonId;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTVWY';
const CONCERN_FACTORS: readonly string[] = CONCERNS;
const SECONDARY_RISKS = [
  'parental_isolation',
  'parental_ambivalence',
  'child_behaviour_difficulties',
  'parental_mental_health',
  'domestic_abuse',
  'parental_substance_misuse',
  'insufficient_services',
  'poor_assessment_planning',
];
const STATUS_ORDER: readonly FactorStatus[] = ['absent', 'partly', 'present'];
const isStatic = new Map(FACTORS.map((f) => [f.id, f.static]));
const kindOf = new Map(FACTORS.map((f) => [f.id, f.kind]));

/** Realistic case files have 1.5–7.5 KiB of front matter; longer histories lose optional detail first (with room for long ids). */
export const MAX_FRONT_MATTER_BYTES = 7400;

const byteLength = (text: string) => new TextEncoder().encode(text).length;
const YAML_PER_JSON = 1.01;

/** Drop optional narrative detail, oldest first, until the front matter fits; every record a rule needs stays. */
function fitSize(data: CaseData, max: number, decisionMap: Record<DecisionPoint, Partial<Record<Level, string>>>): CaseData {
  // YAML of these records runs 0.95–1.01 times their JSON size: the JSON size scaled by the upper
  // bound is a safe measure, and far cheaper than writing the YAML after every step. The JSON is
  // '{', each field's '"key":value' joined by ',', and '}': each field is measured once, and again
  // only after a step that changes it (the whole record written out again after every step was
  // most of the generator's time)
  const record = data as unknown as Record<string, unknown>;
  const fieldBytes = new Map<string, number>();
  const measure = (key: string) => {
    const json: string | undefined = JSON.stringify(record[key]);
    if (json === undefined) fieldBytes.delete(key);
    else fieldBytes.set(key, byteLength(`${JSON.stringify(key)}:${json}`));
  };
  Object.keys(record).forEach(measure);
  const size = () => {
    let bytes = 2 + Math.max(0, fieldBytes.size - 1);
    for (const n of fieldBytes.values()) bytes += n;
    return bytes * YAML_PER_JSON;
  };
  if (size() <= max) return data;
  const steps: [(keyof CaseData)[], () => void][] = [
    [['return'], () => data.return?.visits?.forEach((v) => delete v.note)],
    [['agreement'], () => data.agreement?.goals?.forEach((g) => g.progress?.slice(0, -1).forEach((p) => delete p.comment))],
    [
      ['factors'],
      () => {
        const latest = new Map<string, FactorEntry>();
        for (const f of data.factors ?? []) latest.set(f.id, f);
        for (const f of data.factors ?? []) if (latest.get(f.id) !== f) delete f.evidence;
      },
    ],
    [['capacity_to_change'], () => data.capacity_to_change?.slice(0, -1).forEach((c) => delete c.evidence)],
    [['return'], () => data.return?.support_package?.splice(2)],
    // once home, only each goal's first and latest ratings matter to the record (the latest is what every regrade read)
    [['agreement'], () => data.agreement?.goals?.forEach((g) => g.progress && g.progress.length > 2 && g.progress.splice(1, g.progress.length - 2))],
    [['triggers'], () => data.triggers?.forEach((t) => delete t.note)],
    [['decisions'], () => data.decisions?.forEach((d) => d.shared?.forEach((s) => delete s.method))],
    [['return'], () => data.return?.contact_phases?.forEach((p) => delete p.pattern)],
    [['agreement'], () => data.agreement && delete data.agreement.parents],
    [['outcome'], () => data.outcome && delete data.outcome.note],
    [['people'], () => data.people?.forEach((p) => (['pr', 'household'] as const).forEach((k) => p[k] === false && delete p[k]))],
    // reviews long before the work began are history the rules no longer read
    [['cla_reviews'], () => data.cla_reviews && data.cla_reviews.length > 6 && data.cla_reviews.splice(0, data.cla_reviews.length - 6)],
    [
      ['factors', 'capacity_to_change'],
      () => {
        for (const f of data.factors ?? []) delete f.evidence;
        for (const c of data.capacity_to_change ?? []) delete c.evidence;
      },
    ],
    [['agreement'], () => data.agreement?.goals?.forEach((g) => g.steps?.splice(1))],
    [['agreement'], () => data.agreement?.team_around_child?.splice(3)],
    [
      ['return'],
      () => {
        const returned = data.return?.returned;
        const visits = data.return?.visits;
        if (returned && visits) data.return!.visits = visits.filter((v, i) => v.date <= addMonths(returned, 6) || i === visits.length - 1);
      },
    ],
    [['return'], () => data.return?.support_package?.forEach((s) => delete s.delivered)],
    [['decisions'], () => data.decisions?.forEach((d) => delete d.parallel_plan)],
    [['return'], () => data.return?.step_down && delete data.return.step_down.note],
    // after the first six months home the rule asks for no set visit rhythm: keep every other visit
    [
      ['return'],
      () => {
        const visits = data.return?.visits;
        const returned = data.return?.returned;
        if (!visits || !returned) return;
        const late = addMonths(returned, 6);
        let n = 0;
        data.return!.visits = visits.filter((v, i) => v.date <= late || i === visits.length - 1 || n++ % 2 === 0);
      },
    ],
    // reasons are optional where the decision follows the level's default (rule stage2/decision-matches-level); a Decision 3 keeps them
    [
      ['decisions'],
      () =>
        data.decisions?.forEach((d) => {
          const level = [...(data.classifications ?? [])].reverse().find((c) => c.point === d.point && c.date <= d.date)?.level;
          if (d.point !== 'rc2_d3' && d.point !== 'd1_start' && level && decisionMap[d.point][level] === d.outcome) delete d.reasons;
        }),
    ],
  ];
  for (const [fields, step] of steps) {
    step();
    for (const field of fields) measure(field);
    if (size() <= max) break;
  }
  return data;
}

// ---------------------------------------------------------------- the family

export interface Family {
  child: string;
  childInitial: string;
  returningTo: Person;
  otherParent: Person;
  relative: Person;
  carer?: Person;
  partner?: Person;
  safeAdult: Person;
  people: Person[];
  team: { social_worker: string; team_manager: string; iro: string };
  school: number;
  town: number;
}

function initials(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const s = `${rng.pick([...LETTERS])}.${rng.pick([...LETTERS])}.`;
    if (!taken.has(s)) {
      taken.add(s);
      return s;
    }
  }
}

type Placement = 'foster' | 'kinship' | 'residential';

/** Letters for a family's names: single letters first, then pairs once a pack has used every one. */
function familyLetter(rng: Rng, memory: PackMemory | undefined): string {
  const singles = [...LETTERS].filter((l) => !memory?.letters.has(l));
  let letter = singles.length > 0 ? rng.pick(singles) : '';
  while (letter === '') {
    const pair = `${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}`;
    if (!memory?.letters.has(pair)) letter = pair;
  }
  memory?.letters.add(letter);
  return letter;
}

function makeFamily(rng: Rng, placement: Placement, withPartner: boolean, memory?: PackMemory): Family {
  const l = familyLetter(rng, memory);
  const [l2, l3, l4, l5] = rng.sample(
    [...LETTERS].filter((x) => x !== l),
    4,
  );
  const toDad = rng.chance(0.3);
  const mum: Person = { id: 'mum', ref: `Ms ${l}`, relation: 'mother', pr: true, household: !toDad };
  const dadLetter = rng.chance(0.5) ? l : l2;
  const dad: Person = { id: 'dad', ref: `Mr ${dadLetter}`, relation: 'father', pr: toDad || rng.chance(0.7), household: toDad };
  const returningTo = toDad ? dad : mum;
  returningTo.returning_to = true;
  const otherParent = toDad ? mum : dad;
  const relative: Person = rng.chance(0.6)
    ? { id: 'gran', ref: `Mrs ${toDad ? dadLetter : l}`, relation: toDad ? 'paternal_grandmother' : 'maternal_grandmother' }
    : { id: 'aunt', ref: `Ms ${l4}`, relation: toDad ? 'paternal_aunt' : 'maternal_aunt' };
  const people: Person[] = [mum, dad];
  let partner: Person | undefined;
  if (withPartner) {
    partner = { id: 'partner', ref: `Mr ${l3}`, relation: toDad ? 'fathers_partner' : 'mothers_partner', household: true };
    if (toDad) partner.ref = `Ms ${l3}`;
    people.push(partner);
  }
  people.push(relative);
  let carer: Person | undefined;
  if (placement === 'kinship') {
    relative.carer = true;
  } else if (placement === 'foster') {
    carer = { id: 'fc', ref: `Foster carers ${l5}`, relation: 'foster_carer', carer: true };
  } else {
    carer = { id: 'kw', ref: `Key worker ${l5}`, relation: 'residential_key_worker', carer: true };
  }
  if (carer) people.push(carer);
  const safeAdult = !carer || rng.chance(0.7) ? relative : carer;
  safeAdult.safe_adult = true;
  const taken = new Set<string>();
  return {
    child: `Child ${l}`,
    childInitial: l,
    returningTo,
    otherParent,
    relative,
    carer,
    partner,
    safeAdult,
    people,
    team: { social_worker: `SW ${initials(rng, taken)}`, team_manager: `TM ${initials(rng, taken)}`, iro: `IRO ${initials(rng, taken)}` },
    school: rng.int(0, 1000),
    town: rng.int(0, 1000),
  };
}

// ---------------------------------------------------------------- the plan (days after opening)

interface PointPlan {
  point: DecisionPoint;
  day: number;
  signDay: number;
  decisionDay: number;
  decisionSignDay: number;
  shareDays: number[];
  /** Levels the pathway needs (e.g. low or medium to proceed home). */
  allowed: Level[];
  /** Level wanted when there is no engine to ask. */
  intended: Level;
  outcome?: string;
  /** Regraded without a decision (after an unplanned return). */
  noDecision?: boolean;
}

interface Plan {
  now: number;
  stage1: Record<'engagement' | 'case_history' | 'safe_adult' | 'family_assessment' | 'written_assessment', number> & { waSign: number };
  rc1?: PointPlan;
  stage2Shared?: number;
  noReturn?: { supportDone: number };
  /** `regradeReviews`: how many of the reviews came before the regrade (the rest are during stage 4). */
  stage3?: {
    child_views: number;
    agreement: number;
    team_around_child: number;
    backup_plan: number;
    relationships: number;
    reviews: number[];
    regradeReviews: number;
    goalBy: number[];
  };
  rc2?: PointPlan;
  stage4?: { support_review: number; transition_plan: number; planned: number; readiness: number; phases: [number, number][] };
  unplanned?: { day: number };
  stage5?: { returned: number; services: { from: number; to: number }[]; visits: number[]; stepDown?: number; end?: number };
  rc3: PointPlan[];
  closedOn?: number;
}

function point(rng: Rng, p: DecisionPoint, day: number, parties: number, allowed: Level[], intended: Level, outcome?: string): PointPlan {
  const signDay = day + rng.int(0, 2);
  const decisionDay = signDay + rng.int(0, 3);
  const decisionSignDay = decisionDay + rng.int(0, 1);
  const last = decisionDay + rng.int(2, 7);
  const shareDays = Array.from({ length: parties }, (_, i) => (i === 0 ? last : decisionDay + rng.int(1, last - decisionDay)));
  return { point: p, day, signDay, decisionDay, decisionSignDay, shareDays, allowed, intended, ...(outcome ? { outcome } : {}) };
}

const shareEnd = (p: PointPlan) => Math.max(...p.shareDays);

/** Visits with the child seen alone: every 2–5 weeks in the first six months home, then every 5–8 weeks. */
function visitsFrom(rng: Rng, returned: number, end: number): number[] {
  const out: number[] = [];
  for (let d = returned + rng.int(3, 14); d <= end; d += d - returned < 190 ? rng.int(14, 38) : rng.int(35, 56)) out.push(d);
  return out;
}

/** Every `gap` days from `start` while not after `end`. */
function every(rng: Rng, start: number, end: number, gap: [number, number]): number[] {
  const out: number[] = [];
  for (let d = start; d <= end; d += rng.int(gap[0], gap[1])) out.push(d);
  return out;
}

// ---------------------------------------------------------------- one case

interface Profile {
  severity: Level;
  concern: Concern;
  risks: string[];
  protective: string[];
  unknowns: string[];
  capacity: CapacityRating;
}

function makeProfile(
  rng: Rng,
  target: StageValue,
  family: Family,
  scenario: Scenario | undefined,
  teen: boolean,
  missing: number,
  reason: CareReasonId,
  youngest: number,
): Profile {
  const severity: Level =
    target === 1 || target === 2
      ? rng.weighted<Level>([
          ['low', 0.15],
          ['medium', 0.4],
          ['high', 0.35],
          ['very_high', 0.1],
        ])
      : rng.weighted<Level>([
          ['low', 0.25],
          ['medium', 0.5],
          ['high', 0.25],
        ]);
  const concern = CARE_REASONS[reason].concern;
  const later = target === 'closed' || target >= 4;
  const secondary = rng.sample(
    SECONDARY_RISKS.filter((f) => f !== concern && (f !== 'child_behaviour_difficulties' || teen || (youngest >= 2 && rng.chance(0.5)))),
    later ? 1 : rng.int(1, scenario === 'classification' ? 3 : 2),
  );
  const risks = [concern, ...secondary];
  if (family.partner) risks.push('new_household_adult');
  if (missing > 0) risks.push('missing_episodes');
  const protectivePool = [
    'extended_family_support',
    'specialist_services',
    'child_views_heard',
    'consistent_social_worker',
    'safe_adult_in_place',
    'sustained_parental_change',
  ];
  // the factor means the source of harm has left the household
  if (concern === 'domestic_abuse' || reason === 'sexual_abuse') protectivePool.push('household_change', 'household_change');
  if (family.carer) protectivePool.push('carer_continuity');
  const protective = [...new Set(rng.sample(protectivePool, later ? 2 : rng.int(2, target === 1 || target === 2 ? 4 : 3)))];
  const unknownPool = ['new_household_adult', 'parental_mental_health', 'domestic_abuse', 'parental_substance_misuse'].filter((f) => !risks.includes(f));
  const unknowns = rng.sample(unknownPool, scenario === 'classification' ? rng.int(1, 2) : rng.int(0, 1));
  const capacity: CapacityRating = (
    {
      low: () => rng.pick<CapacityRating>(['emerging', 'demonstrated']),
      medium: () => rng.pick<CapacityRating>(['emerging', 'emerging', 'limited']),
      high: () => rng.pick<CapacityRating>(['limited', 'emerging']),
      very_high: () => rng.pick<CapacityRating>(['not_shown', 'limited']),
    } as const
  )[severity]();
  return { severity, concern, risks, protective, unknowns, capacity };
}

function baselineStatus(rng: Rng, profile: Profile, factor: string): FactorStatus {
  const s = profile.severity;
  if (profile.unknowns.includes(factor)) return 'unknown';
  // history records the episodes, so the factor is at least partly there
  if (factor === 'missing_episodes') return rng.pick<FactorStatus>(['present', 'partly']);
  if (kindOf.get(factor) === 'protective') {
    const table: Record<Level, [FactorStatus, number][]> = {
      low: [
        ['present', 0.7],
        ['partly', 0.3],
      ],
      medium: [
        ['present', 0.45],
        ['partly', 0.45],
        ['absent', 0.1],
      ],
      high: [
        ['present', 0.2],
        ['partly', 0.5],
        ['absent', 0.3],
      ],
      very_high: [
        ['partly', 0.4],
        ['absent', 0.6],
      ],
    };
    return rng.weighted(table[s]);
  }
  if (factor === profile.concern) {
    const table: Record<Level, [FactorStatus, number][]> = {
      low: [
        ['partly', 0.7],
        ['absent', 0.3],
      ],
      medium: [
        ['partly', 0.6],
        ['present', 0.4],
      ],
      high: [
        ['present', 0.8],
        ['partly', 0.2],
      ],
      very_high: [['present', 1]],
    };
    return rng.weighted(table[s]);
  }
  const table: Record<Level, [FactorStatus, number][]> = {
    low: [
      ['absent', 0.6],
      ['partly', 0.4],
    ],
    medium: [
      ['partly', 0.5],
      ['absent', 0.3],
      ['present', 0.2],
    ],
    high: [
      ['present', 0.5],
      ['partly', 0.4],
      ['absent', 0.1],
    ],
    very_high: [
      ['present', 0.8],
      ['partly', 0.2],
    ],
  };
  return rng.weighted(table[s]);
}

function betterStatus(kind: 'risk' | 'protective', status: FactorStatus): FactorStatus {
  if (status === 'unknown') return kind === 'risk' ? 'partly' : 'partly';
  const i = STATUS_ORDER.indexOf(status);
  // The index is clamped to 0..2, within STATUS_ORDER's three statuses.
  return STATUS_ORDER[kind === 'risk' ? Math.max(0, i - 1) : Math.min(2, i + 1)]!;
}

function worseStatus(kind: 'risk' | 'protective', status: FactorStatus): FactorStatus {
  if (status === 'unknown') return kind === 'risk' ? 'present' : 'absent';
  const i = STATUS_ORDER.indexOf(status);
  // The index is clamped to 0..2, within STATUS_ORDER's three statuses.
  return STATUS_ORDER[kind === 'risk' ? Math.min(2, i + 1) : Math.max(0, i - 1)]!;
}

function betterCapacity(r: CapacityRating): CapacityRating {
  return ({ not_shown: 'limited', limited: 'emerging', emerging: 'demonstrated', demonstrated: 'demonstrated' } as const)[r];
}

/** Generate one fictional case at a stage, as of a date. */
export function generateCase(rng: Rng, options: GenerateOptions): GeneratedCase {
  return new CaseBuilder(rng, options).build();
}

class CaseBuilder {
  private readonly rng: Rng;
  private readonly opts: GenerateOptions;
  private readonly target: StageValue;
  private readonly outcome?: ClosedOutcome;
  private readonly scenario?: Scenario;
  private readonly decisionMap: Record<DecisionPoint, Partial<Record<Level, string>>>;
  private readonly suggesting: boolean;
  private family!: Family;
  private profile!: Profile;
  private plan!: Plan;
  private opened!: IsoDate;
  private legal!: 's20' | 's31' | 's38';
  private placement!: Placement;
  private teen!: boolean;
  private reason!: CareReasonId;
  /** Youngest and oldest age (years, as of the exercise date) the child may be. */
  private band!: [number, number];
  private dob!: IsoDate;
  private missing = 0;
  private familyFailedReturns = 0;
  private factorEntries: (FactorEntry & { order: number })[] = [];
  /** The date of the latest evidence participants weigh at the open decision. */
  private openEvidenceOn?: IsoDate;
  private capacity: NonNullable<CaseData['capacity_to_change']> = [];
  private openWork: string[] = [];

  constructor(rng: Rng, opts: GenerateOptions) {
    this.rng = rng;
    this.opts = opts;
    this.scenario = opts.scenario;
    this.target = opts.stage;
    if (opts.stage === 'closed')
      this.outcome =
        opts.outcome ??
        rng.weighted<ClosedOutcome>([
          ['at_home', 0.5],
          ['re_entered_care', 0.25],
          ['not_returned', 0.25],
        ]);
    this.decisionMap = { rc1_d2: {}, rc2_d3: {}, rc3_post_return: {}, ...opts.config.decision_map };
    this.suggesting = opts.suggest !== false;
  }

  private D(day: number): IsoDate {
    return addDays(this.opened, day);
  }

  private get stageNumber(): number {
    return this.target === 'closed' ? 6 : this.target;
  }

  private get returnsHome(): boolean {
    return this.stageNumber >= 5 && this.outcome !== 'not_returned';
  }

  build(): GeneratedCase {
    const rng = this.rng;
    const cohortsScenario = this.scenario === 'cohorts';
    // interim orders last the 26 weeks of proceedings, so later stages run under a final care order
    const early = this.target !== 'closed' && this.target <= 3;
    this.legal = rng.weighted<'s20' | 's31' | 's38'>([
      ['s20', 0.38],
      ['s31', early ? 0.37 : 0.62],
      ['s38', early ? 0.25 : 0],
    ]);
    this.teen = rng.chance(cohortsScenario ? 0.45 : 0.25);
    this.band = this.teen
      ? [14, this.target === 1 || this.target === 2 ? 15 : 17]
      : rng.weighted<[number, number]>([
          [[0, 2], 0.15],
          [[3, 4], 0.15],
          [[5, 10], 0.4],
          [[11, 13], 0.3],
        ]);
    this.reason = this.chooseReason(rng.fork('reason'));
    this.placement =
      this.teen && rng.chance(0.3)
        ? 'residential'
        : rng.weighted<Placement>([
            ['foster', 0.65],
            ['kinship', 0.35],
          ]);
    if (this.teen && (this.reason === 'exploitation' || rng.chance(cohortsScenario ? 0.6 : 0.35))) this.missing = rng.int(1, 4);
    this.family = makeFamily(rng.fork('family'), this.placement, rng.chance(0.2), this.opts.memory);
    this.profile = makeProfile(rng.fork('profile'), this.target, this.family, this.scenario, this.teen, this.missing, this.reason, this.band[0]);
    this.plan = this.makePlan(rng.fork('plan'));
    this.opened = addDays(this.opts.asOf, -this.plan.now);
    // an interim order runs to the final hearing: after about 40 weeks in care the court has made a final order
    if (this.legal === 's38' && this.plan.now > 240) this.legal = 's31';
    const data = this.emit(rng.fork('records'));
    const body = caseBody(rng.fork('body'), data, this.family, {
      reason: this.reason,
      source: this.opts.source,
      asOf: this.opts.asOf,
      legalInCare: this.legal,
      pick: (r, pool, at) => this.pickText(r, pool, at),
      pickPair: (r, first, second, at) => this.pickPair(r, first, second, at, ' '),
      context: (at) => this.context(at),
    });
    return { data, body, openWork: this.openWork, reason: this.reason };
  }

  /** A reason for care that fits the child's age, preferring one whose stories the pack has not told yet. */
  private chooseReason(rng: Rng): CareReasonId {
    const [lo, hi] = this.band;
    const fitting = CARE_REASON_IDS.filter((id) => CARE_REASONS[id].minAge <= lo && (CARE_REASONS[id].maxAge ?? 99) >= hi);
    const memory = this.opts.memory;
    const fresh = fitting.filter((id) => !memory || CARE_REASONS[id].stories.some((t) => typeof t === 'string' && !memory.texts.has(t)));
    const pool = fresh.length > 0 ? fresh : fitting;
    // teenagers come into care for their own reasons too
    return rng.weighted(pool.map((id) => [id, CARE_REASONS[id].weight * (lo >= 12 && CARE_REASONS[id].minAge >= 12 ? 2 : 1)] as [CareReasonId, number]));
  }

  /** What is true of the case on a date, for choosing wordings that fit it. */
  private context(at: IsoDate): TextContext {
    return {
      age: this.dob ? Math.max(0, ageOn(this.dob, at)) : this.band[0],
      partner: this.family?.partner !== undefined,
      failedReturn: this.familyFailedReturns > 0,
      kinship: this.placement === 'kinship',
    };
  }

  /** A wording that fits the case on a date; narrative wordings the pack has used already are chosen last. */
  private pickText(rng: Rng, pool: readonly Wording[], at: IsoDate, remember = true): string | undefined {
    const ctx = this.context(at);
    const fitting = pool.filter((w) => fits(w, ctx)).map(wordingText);
    if (fitting.length === 0) return undefined;
    const memory = remember ? this.opts.memory : undefined;
    const fresh = memory ? fitting.filter((t) => !memory.texts.has(t)) : fitting;
    const text = rng.pick(fresh.length > 0 ? fresh : fitting);
    memory?.texts.add(text);
    return text;
  }

  // ---------------------------------------------------------------- planning

  private parties(): number {
    const people = this.family.people.filter((p) => p.pr || p.carer).length;
    return 2 + people + (this.legal === 's38' ? 1 : 0);
  }

  private makePlan(rng: Rng): Plan {
    const target = this.target;
    const scenario = this.scenario;
    const engagement = rng.int(2, 10);
    const case_history = rng.int(10, 28);
    const safe_adult = rng.int(7, 30);
    const family_assessment = rng.int(20, 42);
    const written_assessment = Math.max(family_assessment, case_history) + rng.int(3, 12);
    const waSign = written_assessment + rng.int(1, 3);
    const plan: Plan = { now: 0, stage1: { engagement, case_history, safe_adult, family_assessment, written_assessment, waSign }, rc3: [] };
    if (target === 1) {
      plan.now = rng.int(7, 54);
      return plan;
    }
    const parties = this.parties();
    const notReturned = this.outcome === 'not_returned';
    const stage2Variant =
      target === 2
        ? scenario === 'classification'
          ? 'todo'
          : rng.weighted<'todo' | 'classified' | 'decided'>([
              ['todo', 0.3],
              ['classified', 0.3],
              ['decided', 0.4],
            ])
        : 'done';
    const rc1Allowed: Level[] = notReturned ? ['high', 'very_high'] : target === 2 ? [...LEVELS] : ['low', 'medium', 'high'];
    const rc1Intended: Level = notReturned ? 'very_high' : this.profile.severity === 'very_high' && target !== 2 ? 'high' : this.profile.severity;
    plan.rc1 = point(rng, 'rc1_d2', waSign + rng.int(1, 5), parties, rc1Allowed, rc1Intended, notReturned ? 'no_return' : undefined);
    plan.stage2Shared = shareEnd(plan.rc1);
    if (target === 2) {
      const rc1 = plan.rc1;
      if (stage2Variant === 'todo') {
        plan.now = waSign + rng.int(1, 12);
        plan.rc1 = undefined;
        this.openWork.push('classification', 'decision');
      } else if (stage2Variant === 'classified') {
        plan.now = Math.max(rc1.signDay, rc1.day) + rng.int(0, 2);
        rc1.decisionDay = plan.now + 1;
        this.openWork.push('decision');
      } else {
        plan.now = rc1.decisionSignDay + rng.int(1, 4);
        this.openWork.push('decision_shared');
      }
      return plan;
    }
    if (notReturned) {
      const supportDone = plan.stage2Shared + rng.int(14, 42);
      plan.noReturn = { supportDone };
      plan.closedOn = supportDone + rng.int(7, 60);
      plan.now = plan.closedOn + rng.int(0, 150);
      return plan;
    }
    // Stage 3: agreement and goals
    const s2 = plan.stage2Shared;
    const agreement = s2 + rng.int(10, 28);
    const firstReview = agreement + rng.int(21, 28);
    const stage3 = {
      child_views: s2 + rng.int(3, 14),
      agreement,
      team_around_child: agreement + rng.int(3, 14),
      backup_plan: agreement + rng.int(5, 21),
      relationships: agreement + rng.int(7, 21),
      reviews: [] as number[],
      regradeReviews: 0,
      goalBy: [] as number[],
    };
    plan.stage3 = stage3;
    const goals =
      this.stageNumber >= 6
        ? 2
        : this.stageNumber === 5
          ? rng.weighted([
              [2, 0.7],
              [3, 0.3],
            ])
          : rng.int(2, this.stageNumber >= 4 ? 3 : 4);
    stage3.goalBy = Array.from({ length: goals }, () => agreement + rng.int(84, 150));
    if (target === 3) {
      plan.now = s2 + rng.int(14, 140);
      stage3.reviews = every(rng, firstReview, plan.now, [28, 49]);
      stage3.regradeReviews = stage3.reviews.length;
      return plan;
    }
    const rounds = rng.int(2, 3);
    const gap: [number, number] = scenario === 'reclassification' ? [28, 35] : [28, 42];
    stage3.reviews = [firstReview];
    let s3 = firstReview;
    for (let i = 1; i < rounds; i++) {
      s3 += rng.int(gap[0], gap[1]);
      stage3.reviews.push(s3);
    }
    stage3.regradeReviews = rounds;
    // goals were set to be met by the time the work is regraded
    stage3.goalBy = stage3.goalBy.map(() => Math.max(agreement + 42, s3 + rng.int(-14, 21)));
    stage3.relationships = Math.max(stage3.relationships, stage3.team_around_child, stage3.backup_plan, s3);
    // An unplanned return: a parent ends s20 once the agreement work is in place
    const unplanned =
      this.legal === 's20' &&
      this.stageNumber >= 5 &&
      this.outcome !== 're_entered_care' &&
      rng.chance(scenario === 'cohorts' ? 0.35 : 0.08) &&
      scenario !== 'return-home';
    if (unplanned) {
      const day = stage3.relationships + rng.int(3, 20);
      plan.unplanned = { day };
      plan.rc2 = { ...point(rng, 'rc2_d3', day + rng.int(2, 10), 1, ['low', 'medium', 'high'], 'medium'), noDecision: true };
      plan.stage4 = { support_review: plan.rc2.day + rng.int(1, 5), transition_plan: -1, planned: day, readiness: -1, phases: [] };
      return this.planStage5(rng, plan, day);
    }
    const rc2 = point(rng, 'rc2_d3', s3 + rng.int(3, 14), parties, ['low', 'medium'], rng.pick<Level>(['low', 'medium', 'medium']), 'proceed_to_return');
    const transition_plan = rc2.decisionDay + rng.int(2, 8);
    // phased contact builds over six to twelve weeks, from day visits to overnights, before the move home
    const firstPhase = transition_plan + rng.int(1, 3);
    // (shorter in the return-home exercise, so the first months home fall within one CLA review cycle)
    const planned = firstPhase + (scenario === 'return-home' ? rng.int(42, 56) : rng.int(42, 84));
    const phaseCount = rng.int(2, 3);
    const span = planned - firstPhase;
    const phases: [number, number][] = [];
    for (let i = 0; i < phaseCount; i++) {
      const from = firstPhase + Math.floor((span * i) / phaseCount);
      const to = firstPhase + Math.floor((span * (i + 1)) / phaseCount) - 1;
      if (to >= from) phases.push([from, to]);
    }
    const stage4 = {
      support_review: rc2.day + rng.int(2, 10),
      transition_plan,
      planned,
      readiness: Math.max(transition_plan, planned - rng.int(3, 7)),
      phases,
    };
    plan.stage4 = stage4;
    plan.rc2 = rc2;
    if (target === 4) {
      if (scenario === 'reclassification') {
        plan.now = s3 + rng.int(3, 20);
        plan.rc2 = undefined;
        this.openWork.push('reclassification', 'Decision 3 (rc2_d3)');
      } else {
        plan.now = Math.min(s3 + 55, Math.max(rc2.signDay, rng.int(rc2.signDay, stage4.readiness - 1)));
      }
      stage3.reviews.push(...every(rng, s3 + rng.int(28, 42), plan.now, [28, 42]));
      return plan;
    }
    return this.planStage5(rng, plan, planned + rng.int(0, 2));
  }

  private planStage5(rng: Rng, plan: Plan, returned: number): Plan {
    const parties = this.parties();
    const services = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
      from: i === 0 ? returned - rng.int(0, 3) : returned + rng.int(0, 30),
      to: returned + rng.int(190, 365),
    }));
    const stage5: NonNullable<Plan['stage5']> = { returned, services, visits: [] };
    plan.stage5 = stage5;
    // after an unplanned return risk is classified promptly (rule timeliness/rc3-after-unplanned-return), after the catch-up RC2
    const firstRc3 = plan.unplanned && plan.rc2 ? plan.rc2.signDay + rng.int(2, 6) : returned + rng.int(75, 110);
    if (this.target === 5) {
      if (this.scenario === 'return-home') {
        plan.now = returned + rng.int(63, 100);
        this.openWork.push('Post-return review (rc3_post_return)');
      } else {
        plan.now = returned + rng.int(21, 210);
        // before the first post-return review the latest level is RC2's: keep within one CLA review cycle of it
        if (plan.now < firstRc3 + 10 && plan.rc2) plan.now = Math.min(plan.now, plan.rc2.day + 165);
        let day = firstRc3;
        while (day <= plan.now - 10 && plan.rc3.length < 1) {
          plan.rc3.push(point(rng, 'rc3_post_return', day, parties, ['low', 'medium'], rng.pick<Level>(['low', 'medium']), 'continue'));
          day += rng.int(120, 170);
        }
      }
      stage5.visits = visitsFrom(rng, returned, plan.now);
      return plan;
    }
    // closed
    if (this.outcome === 're_entered_care') {
      const breakdown = returned + rng.int(30, 220);
      plan.rc3.push(point(rng, 'rc3_post_return', breakdown + rng.int(0, 3), parties, ['high', 'very_high'], 'very_high', 'return_to_care'));
      stage5.end = breakdown;
      // The breakdown review was pushed just above.
      plan.closedOn = shareEnd(plan.rc3.at(-1)!) + rng.int(0, 5);
      stage5.visits = every(rng, returned + rng.int(3, 14), plan.closedOn, [14, 38]);
      for (const s of services) s.to = Math.max(s.from, plan.closedOn);
    } else {
      if (plan.unplanned) plan.rc3.push(point(rng, 'rc3_post_return', firstRc3, parties, ['low', 'medium'], 'medium', 'continue'));
      const second = Math.max(firstRc3 + rng.int(90, 150), returned + rng.int(160, 200));
      const last = point(rng, 'rc3_post_return', second, parties, ['low', 'medium'], 'low', 'step_down');
      plan.rc3.push(last);
      stage5.stepDown = last.decisionSignDay + rng.int(7, 28);
      plan.closedOn = stage5.stepDown + rng.int(14, 90);
      stage5.visits = visitsFrom(rng, returned, plan.closedOn);
    }
    plan.now = plan.closedOn + rng.int(0, 150);
    return plan;
  }

  // ---------------------------------------------------------------- emitting records

  private emit(rng: Rng): CaseData {
    const { plan, family, target } = this;
    const now = plan.now;
    const asOf = this.opts.asOf;
    const at = (day: number) => this.D(day);
    const sw = family.team.social_worker;
    const tm = family.team.team_manager;
    const returned = plan.stage5 ? at(plan.stage5.returned) : undefined;
    const home = returned !== undefined && this.returnsHome;

    // the child
    const minAgeDays = now + 40;
    const band = this.band;
    const lo = Math.max(band[0] * 365 + 1, minAgeDays);
    const hi = Math.max(lo, (band[1] + 1) * 365 - 2);
    const dob = addDays(asOf, -rng.int(lo, hi));
    this.dob = dob;
    const beforeOpening = daysBetween(dob, this.opened) - 1;
    // an interim care order lasts only until the final hearing, so the child came into care recently
    const longest = this.legal === 's38' ? Math.max(7, 280 - now) : 900;
    const lookedAfterSince = addDays(this.opened, -rng.int(7, Math.max(7, Math.min(longest, beforeOpening))));
    const age = ageOn(dob, asOf);
    // each earlier return took time: a toddler cannot have been home and back twice
    const failed = Math.min(
      rng.weighted<number>([
        [0, 0.6],
        [1, 0.3],
        [2, 0.1],
      ]),
      Math.floor(daysBetween(dob, lookedAfterSince) / 548),
    );
    this.familyFailedReturns = failed;
    const history = {
      entries_to_care: 1 + failed,
      previous_returns: failed,
      failed_returns: failed,
      parent_prior_removals: rng.weighted<number>([
        [0, 0.8],
        [1, 0.15],
        [2, 0.05],
      ]),
      missing_episodes: this.missing,
    };
    const wantsToReturn = age >= 5 ? rng.chance(0.75) : undefined;
    const placementNow = home && this.outcome !== 're_entered_care' ? 'parents' : this.placement;
    // accommodation under s20 ends when the child goes home; a care order continues
    const legalNow = placementNow === 'parents' && this.legal === 's20' ? 'not_looked_after' : this.legal;
    const child: CaseData['child'] = {
      ref: family.child,
      dob,
      looked_after_since: lookedAfterSince,
      legal_status: legalNow,
      proceedings: this.legal === 's38' ? 'care_proceedings' : this.legal === 's20' && rng.chance(0.3) ? 'pre_proceedings' : 'none',
      placement: placementNow,
      placement_moves: this.teen ? rng.int(1, 5) : rng.int(0, 3),
      ...(wantsToReturn !== undefined ? { wants_to_return: wantsToReturn } : {}),
    };

    // tasks
    const tasks: Record<string, TaskRecord> = {};
    const s1 = plan.stage1;
    const status = (day: number): TaskRecord =>
      day <= now ? { status: 'done', date: at(day), by: sw } : day - now <= 14 ? { status: 'in_progress' } : { status: 'todo' };
    tasks.case_history = status(s1.case_history);
    tasks.engagement = status(s1.engagement);
    tasks.family_assessment = status(s1.family_assessment);
    tasks.safe_adult = status(s1.safe_adult);
    if (tasks.safe_adult.status === 'done') tasks.safe_adult.person = family.safeAdult.id;
    tasks.written_assessment =
      s1.waSign <= now
        ? { status: 'done', date: at(s1.written_assessment), by: sw, signed_off: { by: tm, date: at(s1.waSign) }, recommendation: 'return_if_goals_met' }
        : s1.written_assessment - now <= 21
          ? { status: 'in_progress' }
          : { status: 'todo' };
    if (target === 1) this.openWork.push(...TASKS_BY_STAGE[1].filter((t) => tasks[t]?.status !== 'done'));

    // evidence: factors and capacity, as gathered in the family assessment
    const evidenceDay = Math.min(s1.family_assessment - rng.int(0, 6), now);
    this.openEvidenceOn = at(evidenceDay);
    const values = this.textValues();
    this.capacity.push(this.capacityEntry(rng, family.returningTo.id, this.profile.capacity, at(evidenceDay), values));
    for (const f of [...this.profile.risks, ...this.profile.unknowns, ...this.profile.protective]) {
      this.addFactor(rng, f, baselineStatus(rng, this.profile, f), at(evidenceDay), values);
    }
    if (family.otherParent.pr && rng.chance(0.6)) {
      const other = rng.pick<CapacityRating>(['not_shown', 'limited', 'emerging']);
      this.capacity.push(this.capacityEntry(rng, family.otherParent.id, other, at(evidenceDay), { ...values, parent: family.otherParent.ref }));
    }

    const data: CaseData = {
      reunify: 1,
      id: this.opts.id,
      fictional: true,
      stage: target,
      opened: this.opened,
      child,
      cohorts: [],
      triggers: [],
      cla_reviews: [],
      team: { ...family.team },
      people: family.people.map((p) => ({ ...p })),
      history,
      factors: [],
      capacity_to_change: this.capacity,
      tasks,
    };

    const classifications: Classification[] = [];
    const decisions: Decision[] = [];
    const pointsToRecord: PointPlan[] = [];

    // Stage 2
    if (plan.rc1 || target === 2) {
      for (const t of TASKS_BY_STAGE[2]) tasks[t] = { status: 'todo' };
    }
    if (plan.rc1) {
      const rc1 = plan.rc1;
      tasks.classification = { status: 'done', date: at(rc1.day), by: sw };
      if (rc1.decisionDay <= now) {
        tasks.decision = { status: 'done', date: at(rc1.decisionDay), by: tm };
        tasks.decision_shared = shareEnd(rc1) <= now ? { status: 'done', date: at(shareEnd(rc1)), by: sw } : { status: 'in_progress' };
      } else {
        tasks.decision = { status: 'in_progress' };
      }
      pointsToRecord.push(rc1);
    }

    // Stage 3
    const s3 = plan.stage3;
    if (s3) {
      tasks.support_if_no_return = { status: 'not_applicable', reason: 'The decision is to work towards return' };
      tasks.child_views = status(s3.child_views);
      tasks.agreement = status(s3.agreement);
      tasks.relationships = status(s3.relationships);
      tasks.team_around_child = status(s3.team_around_child);
      tasks.backup_plan = status(s3.backup_plan);
      if (target === 3) this.openWork.push(...TASKS_BY_STAGE[3].filter((t) => tasks[t]?.status !== 'done'));
      if (s3.agreement <= now) {
        const goals = this.goals(
          rng,
          s3.agreement,
          s3.goalBy,
          s3.reviews.filter((d) => d <= now),
          s3.regradeReviews,
          values,
        );
        data.agreement = {
          signed: at(s3.agreement),
          parents: [
            { person: family.returningTo.id, strengths: this.strengths(rng, at(s3.agreement), values), worries: this.worries(rng, at(s3.agreement), values) },
          ],
          goals,
          non_negotiables: this.nonNegotiables(rng, values),
          team_around_child: this.teamAroundChild(rng, at(s3.agreement)),
          review_dates: [at(s3.agreement + 42), at(s3.agreement + 84)],
          backup_plan: fill(
            rng.pick([
              'If goals are missed or the return breaks down, {child} stays with {carer} and {relative} is assessed as a parallel plan; the family know this',
              'If things go wrong {child} returns to {carer} and the plan is reviewed within five working days; the family helped write it',
            ]),
            values,
          ),
        };
      }
    } else if (plan.noReturn) {
      tasks.support_if_no_return = { status: 'done', date: at(plan.noReturn.supportDone), by: sw };
    } else if (plan.rc1 && tasks.decision?.status === 'done') {
      tasks.support_if_no_return = { status: 'not_applicable', reason: 'The decision is to work towards return' };
    }
    // (a no_return decision at stage 2 is settled once the level is known, below)

    // Stage 4
    const s4 = plan.stage4;
    if (s4 && this.stageNumber >= 4) {
      for (const t of TASKS_BY_STAGE[4]) tasks[t] = { status: 'todo' };
      if (plan.rc2) {
        tasks.reclassification = plan.rc2.day <= now ? { status: 'done', date: at(plan.rc2.day), by: tm } : { status: 'in_progress' };
        if (plan.rc2.day <= now) pointsToRecord.push(plan.rc2);
      }
      if (plan.unplanned) {
        tasks.support_review = status(s4.support_review);
        tasks.transition_plan = { status: 'not_applicable', reason: `Unplanned return: the parent ended s20 accommodation on ${at(plan.unplanned.day)}` };
        tasks.readiness = { status: 'not_applicable', reason: 'Unplanned return: no planned move to prepare for' };
      } else {
        tasks.support_review = status(s4.support_review);
        tasks.transition_plan = status(s4.transition_plan);
        tasks.readiness = status(s4.readiness);
        if (s4.transition_plan <= now) {
          const values = this.valuesAt(at(s4.planned), this.textValues());
          data.transition = {
            agreed: at(s4.transition_plan),
            agreed_by: this.agreedBy(),
            planned_return: at(s4.planned),
            warning_signs: [{ sign: fill('{parent} misses support', values), response: 'Social worker visits within two working days' }],
            school: fill('{professional} told of the move date', values),
            health: fill('{health} kept on', values),
            views: [{ party: family.returningTo.id, view: 'Ready' }],
          };
        }
      }
      if (target === 4) {
        if (this.scenario === 'reclassification') tasks.support_review = s4.support_review <= now ? { status: 'in_progress' } : { status: 'todo' };
        if (this.scenario === 'reclassification' && tasks.transition_plan.status !== 'todo') tasks.transition_plan = { status: 'todo' };
        if (this.scenario === 'reclassification') delete data.transition;
        if (this.scenario === 'reclassification') tasks.readiness = { status: 'todo' };
        this.openWork.push(...TASKS_BY_STAGE[4].filter((t) => tasks[t]?.status !== 'done' && !this.openWork.includes(t)));
      }
      // fresh evidence before the regrade (and for participants to regrade from)
      const regradeDay = plan.rc2 ? plan.rc2.day - rng.int(1, 6) : Math.min(now, s3!.reviews.at(-1)! + rng.int(0, 5));
      this.improveFactors(rng, at(Math.min(regradeDay, now)), 0.4, values);
      const regradeOn = at(Math.min(regradeDay, now));
      this.openEvidenceOn = regradeOn;
      const better = betterCapacity(this.profile.capacity);
      // change is not "demonstrated" while the concern that led to care is still present
      const rating = better === 'demonstrated' && this.concernPresent(regradeOn) ? 'emerging' : better;
      this.capacity.push(this.capacityEntry(rng, family.returningTo.id, rating, regradeOn, values));
    }

    // Stage 5
    const s5 = plan.stage5;
    if (s5 && this.returnsHome) {
      for (const t of TASKS_BY_STAGE[5]) tasks[t] = { status: 'todo' };
      const closed = target === 'closed';
      const phases = (s4?.phases ?? []).map(([from, to]) => ({ from: at(from), to: at(to), pattern: '' }));
      const patterns = ['Day visits at weekends', 'Overnight stays at weekends', 'Two overnights a week', 'Long weekends and school-week overnights'];
      // The index is clamped to the last pattern.
      phases.forEach((p, i) => (p.pattern = patterns[Math.min(i + (phases.length === 2 ? 1 : 0), patterns.length - 1)]!));
      const firstPhase = phases[0];
      tasks.contact_plan =
        firstPhase !== undefined
          ? { status: 'done', date: firstPhase.from, by: sw }
          : { status: 'not_applicable', reason: 'Unplanned return: there was no phased contact' };
      const endDay = closed ? plan.closedOn! : now;
      tasks.support_package = closed ? { status: 'done', date: at(endDay), by: sw } : { status: 'in_progress' };
      tasks.monitoring = closed ? { status: 'done', date: at(endDay), by: sw } : { status: 'in_progress' };
      tasks.step_down =
        s5.stepDown !== undefined && s5.stepDown <= now
          ? { status: 'done', date: at(s5.stepDown), by: tm }
          : this.outcome === 're_entered_care'
            ? { status: 'not_applicable', reason: 'The return broke down before step down' }
            : { status: 'todo' };
      if (target === 5) this.openWork.push(...TASKS_BY_STAGE[5].filter((t) => tasks[t]?.status !== 'done' && !this.openWork.includes(t)));
      const homeCtx = this.context(at(s5.returned));
      const serviceNames = rng.sample(
        [...new Set([...REASON_SERVICES[this.reason], ...SERVICES.filter((w) => fits(w, homeCtx)).map(wordingText)])],
        s5.services.length,
      );
      data.return = {
        unplanned: plan.unplanned !== undefined,
        ...(phases.length > 0 ? { contact_phases: phases } : {}),
        returned: at(s5.returned),
        // The name pool holds at least three names (two general services and the reason's own) and a return has one to three services.
        support_package: s5.services.map((s, i) => ({
          service: serviceNames[i]!,
          from: at(s.from),
          to: at(s.to),
          delivered: closed
            ? 'ended'
            : s.from <= now
              ? rng.weighted([
                  ['on_track', 0.8],
                  ['partly', 0.2],
                ])
              : 'on_track',
        })),
        visits: s5.visits.map((d, i) => ({ date: at(d), seen_alone: true, ...(i % 3 === 0 ? { note: this.visitNote(rng, at(d), values) } : {}) })),
        step_down:
          s5.stepDown !== undefined && s5.stepDown <= now
            ? { date: at(s5.stepDown), to: 'cin', note: 'Goals carried into the child in need plan; follow-up review in six months' }
            : null,
      };
      // evidence after the return, before each post-return review
      for (const rc3 of plan.rc3) {
        const day = rc3.day - rng.int(1, 6);
        if (rc3.outcome === 'return_to_care') {
          this.capacity.push(this.capacityEntry(rng, family.returningTo.id, 'limited', at(day), values));
          this.worsenFactors(rng, at(day), values);
        } else this.improveFactors(rng, at(day), 0.25, values);
        pointsToRecord.push(rc3);
      }
      if (plan.unplanned) {
        // data.return was set just above, with one support entry per service (at least one).
        data.return!.support_package![0]!.from = at(s5.returned + rng.int(0, 7));
        this.improveFactors(rng, at(Math.min(now, plan.rc2!.day - 1)), 0.3, values);
      }
    }

    if (target === 'closed') {
      data.outcome = {
        status: this.outcome!,
        date: at(plan.closedOn!),
        note: {
          at_home: 'Stepped down to a child in need plan; closed after the follow-up review',
          re_entered_care: 'The return broke down; back in care with a plan for alternative permanence',
          not_returned: 'Alternative permanence plan in place; family time continues',
        }[this.outcome!],
      };
    }

    // records: levels from the engine (when a config is given), decisions, sharing
    data.factors = this.sortedFactors();
    for (const p of pointsToRecord) {
      const { classification, decision } = this.recordPoint(rng, data, p, values);
      classifications.push(classification);
      if (decision) decisions.push(decision);
      data.classifications = classifications;
      data.decisions = decisions;
      data.factors = this.sortedFactors();
    }
    if (decisions.some((d) => d.point === 'rc1_d2' && d.outcome === 'no_return') && tasks.support_if_no_return?.status === 'not_applicable') {
      tasks.support_if_no_return = { status: 'in_progress' };
    }
    if (classifications.length > 0) data.classifications = classifications;
    else delete data.classifications;
    if (decisions.length > 0) data.decisions = decisions;
    else delete data.decisions;

    if (tasks.written_assessment.status === 'done' && plan.rc1)
      tasks.written_assessment.recommendation = this.recommendation(classifications[0]?.level ?? this.profile.severity);
    else if (tasks.written_assessment.status === 'done') tasks.written_assessment.recommendation = this.recommendation(this.profile.severity);
    // what a manager needs before signing the assessment off (fixed words: the seeded draws stay as they were)
    if (tasks.written_assessment.status === 'done') {
      const values = this.textValues();
      data.assessment = {
        other_agencies: 'Police, health and education asked; replies in the case history',
        what_must_change: fill('{parent} makes the agreed changes and keeps them up', values),
      };
    }

    this.addCalendar(rng, data);
    const key = this.opts.keyLevel;
    if (key && this.suggesting && this.scenario && this.scenario !== 'cohorts') {
      // after a return, participants weigh what the latest visits found
      const on = this.scenario === 'return-home' ? at(Math.max(plan.stage5?.returned ?? now, now - rng.int(1, 7))) : this.openEvidenceOn;
      if (on) this.steerTo(rng, data, key, on, values);
    }
    return fitSize(this.ordered(data), MAX_FRONT_MATTER_BYTES, this.decisionMap);
  }

  private recommendation(level: Level): string {
    return this.mappedDecision('rc1_d2', level);
  }

  /** The config's decision for a level at a point (a merged config has one for every level). */
  private mappedDecision(point: DecisionPoint, level: Level): string {
    const decision = this.decisionMap[point][level];
    if (decision === undefined) throw new Error(`the config's decision_map has no decision for ${level} at ${point}`);
    return decision;
  }

  private textValues(): Record<string, string> {
    const f = this.family;
    return {
      parent: f.returningTo.ref,
      child: f.child,
      relative: f.relative.ref,
      carer: f.carer?.ref ?? f.relative.ref,
      other: f.otherParent.ref,
      safe: f.safeAdult.ref,
      mumdad: f.returningTo.relation === 'father' ? 'dad' : 'mum',
    };
  }

  /** Words that depend on the child's age on a date: who sees the family, and who helps with health. */
  private valuesAt(at: IsoDate, values: Record<string, string>): Record<string, string> {
    const age = this.context(at).age;
    const school = schoolKind(age);
    return {
      ...values,
      professional:
        age < 3 ? 'the health visitor' : age < 5 ? 'the nursery and the health visitor' : school === 'Academy' ? 'the school and the GP' : 'the school',
      health: age < 5 ? 'the health visitor' : 'the school nurse',
      healthWorker: age < 5 ? 'Health visitor' : 'School nurse',
    };
  }

  /** The wordings for a factor at a status (problems_unaddressed in the words of the reason for care). */
  private evidencePool(id: string, status: FactorStatus): readonly Wording[] {
    if (id === 'problems_unaddressed') return status === 'unknown' ? [] : (REASON_EVIDENCE[this.reason]?.[status] ?? []);
    return FACTOR_EVIDENCE[id]?.[status] ?? [];
  }

  /** Is any of the concerns that bring children into care (drink or drugs, domestic abuse, mental health, the reason for care) present on a date? */
  private concernPresent(on: IsoDate): boolean {
    const current = this.currentFactors(on);
    return CONCERN_FACTORS.some((id) => current.get(id)?.status === 'present');
  }

  /** The latest capacity-to-change rating of the parent the child would return to, on a date. */
  private capacityOn(on: IsoDate): CapacityValue | undefined {
    const mine = this.capacity.filter((c) => c.person === this.family.returningTo.id && (c.as_of ?? '') <= on);
    return mine[mine.length - 1]?.rating;
  }

  /**
   * A status that agrees with the rest of the case on that date: lasting change is not
   * confirmed while the concern that led to care is present or the parent shows no change,
   * and a status is only used where a wording fits (a baby does not choose a safe adult).
   */
  private coherentStatus(id: string, status: FactorStatus, on: IsoDate): FactorStatus {
    if (id === 'sustained_parental_change') {
      const concern = this.concernPresent(on);
      const capacity = this.capacityOn(on);
      if (status === 'present' && (concern || capacity === 'limited' || capacity === 'not_shown')) status = 'partly';
      if (status === 'partly' && capacity === 'not_shown') status = 'absent';
    }
    const ctx = this.context(on);
    const has = (st: FactorStatus) => this.evidencePool(id, st).some((w) => fits(w, ctx));
    if (!FACTOR_EVIDENCE[id] && id !== 'problems_unaddressed') return status;
    if (has(status) || status === 'unknown') return status;
    const order: FactorStatus[] = kindOf.get(id) === 'protective' ? ['partly', 'present', 'absent'] : ['partly', 'absent', 'present'];
    return order.find(has) ?? status;
  }

  private evidenceText(rng: Rng, id: string, status: FactorStatus, asOf: IsoDate, values: Record<string, string>): string | undefined {
    // in a pack, a wording another family has not had yet, where there is one
    const text = this.pickText(rng, this.evidencePool(id, status), asOf);
    return text === undefined ? undefined : fill(text, this.valuesAt(asOf, values));
  }

  private addFactor(rng: Rng, id: string, wanted: FactorStatus, asOf: IsoDate, values: Record<string, string>): void {
    const status = this.coherentStatus(id, wanted, asOf);
    const evidence = this.evidenceText(rng, id, status, asOf, values);
    const entry: FactorEntry & { order: number } = { id, status, ...(evidence ? { evidence } : {}), as_of: asOf, order: this.factorEntries.length };
    this.factorEntries.push(entry);
  }

  /** The latest entry per factor (no per-person entries are generated). */
  private currentFactors(onOrBefore: IsoDate): Map<string, FactorEntry & { order: number }> {
    const current = new Map<string, FactorEntry & { order: number }>();
    for (const e of this.factorEntries) {
      if (e.as_of! > onOrBefore) continue;
      const prev = current.get(e.id);
      if (!prev || prev.as_of! <= e.as_of!) current.set(e.id, e);
    }
    return current;
  }

  private improveFactors(rng: Rng, asOf: IsoDate, p: number, values: Record<string, string>): void {
    for (const [id, e] of this.currentFactors(asOf)) {
      if (isStatic.get(id) || !rng.chance(p)) continue;
      const kind = kindOf.get(id) ?? 'risk';
      const next = this.coherentStatus(id, betterStatus(kind, e.status), asOf);
      if (next === e.status) continue;
      this.addFactor(rng, id, next, asOf, values);
    }
  }

  private worsenFactors(rng: Rng, asOf: IsoDate, values: Record<string, string>): void {
    const current = this.currentFactors(asOf);
    const concern = current.get(this.profile.concern);
    this.addFactor(rng, this.profile.concern, 'present', asOf, values);
    if (!concern) return;
    for (const [id, e] of current) {
      if (id === this.profile.concern || isStatic.get(id)) continue;
      // lasting change cannot stand beside the concern's return
      if (!rng.chance(0.4) && !(id === 'sustained_parental_change' && e.status === 'present')) continue;
      const next = this.coherentStatus(id, worseStatus(kindOf.get(id) ?? 'risk', e.status), asOf);
      if (next !== e.status) this.addFactor(rng, id, next, asOf, values);
    }
  }

  /** Nudge the evidence on the date of a classification one step better (the engine is asked again after). */
  private steerDown(rng: Rng, on: IsoDate, values: Record<string, string>): boolean {
    const current = [...this.currentFactors(on).values()].filter(
      (e) => !isStatic.get(e.id) && e.status !== 'unknown' && this.coherentStatus(e.id, betterStatus(kindOf.get(e.id) ?? 'risk', e.status), on) !== e.status,
    );
    const risks = current.filter((e) => kindOf.get(e.id) === 'risk' && e.status !== 'absent');
    const protective = current.filter((e) => kindOf.get(e.id) === 'protective' && e.status !== 'present');
    const choice = risks.length > 0 ? rng.pick(risks) : protective.length > 0 ? rng.pick(protective) : undefined;
    if (!choice) return false;
    const kind = kindOf.get(choice.id) ?? 'risk';
    const next = this.coherentStatus(choice.id, betterStatus(kind, choice.status), on);
    if (choice.as_of === on) {
      choice.status = next;
      const text = this.evidenceText(rng, choice.id, next, on, values);
      if (text) choice.evidence = text;
      else delete choice.evidence;
    } else {
      this.addFactor(rng, choice.id, next, on, values);
    }
    return true;
  }

  /** Move the evidence on one date, a step at a time, until the engine suggests the level wanted (or no step is left). */
  private steerTo(rng: Rng, data: CaseData, target: Level, on: IsoDate, values: Record<string, string>): void {
    const config = this.opts.config;
    const ask = () => {
      data.factors = this.sortedFactors();
      return classify(data, config, this.opts.asOf).level;
    };
    let level = ask();
    if (levelRank(target) > levelRank(level) && levelRank(target) >= 2) {
      // strain shows in what the parent manages, too
      const capacity = this.capacityOn(on);
      if (capacity === 'demonstrated' || capacity === 'emerging') {
        this.setCapacity(rng, 'limited', on, values);
        // lasting change is not confirmed while capacity to change is limited
        if (this.currentFactors(on).get('sustained_parental_change')?.status === 'present')
          this.setFactor(rng, 'sustained_parental_change', 'partly', on, values);
        level = ask();
      }
    }
    for (let i = 0; i < 24 && level !== target; i++) {
      const moved = levelRank(level) > levelRank(target) ? this.steerDown(rng, on, values) : this.steerUp(rng, on, values);
      if (!moved) break;
      level = ask();
    }
  }

  /** Nudge the evidence on a date one step worse: a risk more present, a protective factor weaker, or a new risk seen. */
  private steerUp(rng: Rng, on: IsoDate, values: Record<string, string>): boolean {
    const current = this.currentFactors(on);
    const movable = [...current.values()].filter(
      (e) =>
        !isStatic.get(e.id) &&
        e.id !== 'missing_episodes' &&
        e.status !== 'unknown' &&
        this.coherentStatus(e.id, worseStatus(kindOf.get(e.id) ?? 'risk', e.status), on) !== e.status,
    );
    const fresh = [this.profile.concern, ...SECONDARY_RISKS].filter(
      (id) => !current.has(id) && !(id === 'child_behaviour_difficulties' && this.context(on).age < 2),
    );
    if (movable.length === 0 && fresh.length === 0) return false;
    if (movable.length === 0 || (fresh.length > 0 && rng.chance(0.25))) {
      this.setFactor(rng, rng.pick(fresh), 'partly', on, values);
      return true;
    }
    const choice = rng.pick(movable);
    const next = this.coherentStatus(choice.id, worseStatus(kindOf.get(choice.id) ?? 'risk', choice.status), on);
    this.setFactor(rng, choice.id, next, on, values);
    // lasting change does not stand beside a concern now present
    if (CONCERN_FACTORS.includes(choice.id) && next === 'present') {
      const change = this.currentFactors(on).get('sustained_parental_change');
      if (change?.status === 'present') this.setFactor(rng, 'sustained_parental_change', 'partly', on, values);
      if (this.capacityOn(on) === 'demonstrated') this.setCapacity(rng, 'emerging', on, values);
    }
    return true;
  }

  /** Record a factor's status on a date: the entry of that date changes, or a new entry is added. */
  private setFactor(rng: Rng, id: string, wanted: FactorStatus, on: IsoDate, values: Record<string, string>): void {
    const entry = this.currentFactors(on).get(id);
    if (entry && entry.as_of === on) {
      entry.status = this.coherentStatus(id, wanted, on);
      const text = this.evidenceText(rng, id, entry.status, on, values);
      if (text) entry.evidence = text;
      else delete entry.evidence;
    } else {
      this.addFactor(rng, id, wanted, on, values);
    }
  }

  /** Record the returning parent's capacity to change on a date, replacing a rating of the same date. */
  private setCapacity(rng: Rng, rating: CapacityRating, on: IsoDate, values: Record<string, string>): void {
    const person = this.family.returningTo.id;
    const i = this.capacity.findIndex((c) => c.person === person && c.as_of === on);
    const entry = this.capacityEntry(rng, person, rating, on, values);
    if (i >= 0) this.capacity[i] = entry;
    else this.capacity.push(entry);
  }

  private sortedFactors(): FactorEntry[] {
    return [...this.factorEntries].sort((a, b) => (a.as_of! < b.as_of! ? -1 : a.as_of! > b.as_of! ? 1 : a.order - b.order)).map(({ order: _order, ...e }) => e);
  }

  private capacityEntry(rng: Rng, person: string, rating: CapacityRating, asOf: IsoDate, values: Record<string, string>) {
    return { person, rating, evidence: fill(rng.pick(CAPACITY_EVIDENCE[rating]), this.valuesAt(asOf, values)), as_of: asOf };
  }

  /** Where each goal stands at the regrade: mostly met for a case going home, a mix for participants to weigh. */
  private goalFinals(rng: Rng, n: number): number[] {
    if (this.stageNumber >= 5 || (this.stageNumber === 4 && this.scenario !== 'reclassification'))
      return Array.from({ length: n }, () =>
        rng.weighted([
          [2, 0.8],
          [1, 0.2],
        ]),
      );
    if (this.stageNumber === 4) return rng.shuffle([2, rng.pick([0, 1]), ...Array.from({ length: n - 2 }, () => rng.pick([0, 1, 2, 2]))]);
    return Array.from({ length: n }, () =>
      rng.weighted([
        [0, 0.15],
        [1, 0.45],
        [2, 0.4],
      ]),
    );
  }

  private goals(rng: Rng, agreed: number, by: number[], reviews: number[], regradeReviews: number, values: Record<string, string>): Goal[] {
    const ctx = this.context(this.D(agreed));
    const fitting = (list: readonly GoalText[]) => list.filter((g) => !g.when || g.when(ctx));
    const own = fitting(GOALS[this.reason] ?? []);
    const pools = [...own, ...rng.sample(fitting([...(GOALS.school ?? []), ...(GOALS.parenting ?? [])]), 2)];
    const chosen = [...rng.sample(own, Math.min(2, by.length - 1)), ...rng.sample(pools, by.length)];
    values = this.valuesAt(this.D(agreed), values);
    const unique = [...new Map(chosen.map((g) => [g.goal, g])).values()].slice(0, by.length);
    const finals = this.goalFinals(rng, unique.length);
    return unique.map((g, i) => {
      // goalFinals gives at least one final rating per goal.
      const final = finals[i]!;
      const start = Math.min(
        final,
        rng.weighted([
          [0, 0.35],
          [1, 0.65],
        ]),
      );
      const n = Math.max(1, regradeReviews);
      let rag = start;
      const progress = reviews.map((day, j) => {
        if (j < n) rag = start + Math.round(((final - start) * j) / Math.max(1, n - 1));
        else if (rag < 2 && rng.chance(0.5)) rag++;
        // rag stays within 0..2: it moves from start (0..final) towards final (0..2) and only rises while below 2.
        const r: Rag = (['red', 'amber', 'green'] as const)[rag]!;
        return { date: this.D(day), rag: r, comment: rng.pick(g.comments[r]) };
      });
      return {
        id: `g${i + 1}`,
        goal: fill(g.goal, values),
        steps: g.steps.map((s) => fill(s, values)),
        // unique is cut to by.length above.
        by: this.D(Math.max(by[i]!, agreed + 28)),
        support: fill(g.support, values),
        success: g.success,
        progress,
      };
    });
  }

  private strengths(rng: Rng, on: IsoDate, values: Record<string, string>): string {
    return fill(this.pickPair(rng, STRENGTHS[0], STRENGTHS[1], on, '; '), values);
  }

  private worries(rng: Rng, on: IsoDate, values: Record<string, string>): string {
    return fill(this.pickPair(rng, CARE_REASONS[this.reason].worries, WORRIES, on, '; '), values);
  }

  /** Two halves of a sentence, the whole not yet used in the pack where the pools allow. */
  pickPair(rng: Rng, first: readonly Wording[], second: readonly Wording[], at: IsoDate, joint: string): string {
    const memory = this.opts.memory;
    const ctx = this.context(at);
    const seconds = second.filter((w) => fits(w, ctx)).map(wordingText);
    const firsts = first.filter((w) => fits(w, ctx)).map(wordingText);
    // a first half that still has an unused pairing, where there is one
    const open = memory ? firsts.filter((x) => seconds.some((y) => !memory.texts.has(`${x}${joint}${y}`))) : firsts;
    const a = rng.pick(open.length > 0 ? open : firsts);
    const fresh = memory ? seconds.filter((b) => !memory.texts.has(`${a}${joint}${b}`)) : seconds;
    const b = rng.pick(fresh.length > 0 ? fresh : seconds);
    memory?.texts.add(`${a}${joint}${b}`);
    return `${a}${joint}${b}`;
  }

  private nonNegotiables(rng: Rng, values: Record<string, string>): string[] {
    const pool = [...(NON_NEGOTIABLES[this.reason] ?? [])];
    if (this.family.partner) pool.push(...(NON_NEGOTIABLES.new_household_adult ?? []));
    return rng.sample(pool, rng.int(1, Math.min(2, pool.length))).map((t) => fill(t, values));
  }

  /** Who works with the child: school or nursery and health by age, the carers, a service for the reason for care. */
  private teamAroundChild(rng: Rng, on: IsoDate): string[] {
    const f = this.family;
    const age = this.context(on).age;
    const team = age < 3 ? ['Health visitor', 'GP'] : age < 5 ? ['Nursery key person', 'Health visitor', 'GP'] : ['School DSL', 'GP'];
    if (f.carer) team.push(f.carer.ref);
    team.push(rng.pick(REASON_SERVICES[this.reason]));
    return [...new Set(team)];
  }

  private agreedBy(): string[] {
    const f = this.family;
    const parties = ['child'];
    for (const p of f.people) if (p.pr && (p.returning_to || p.household)) parties.push(p.id);
    for (const p of f.people) if (p.carer) parties.push(p.id);
    parties.push('iro');
    return [...new Set(parties)];
  }

  private sharingParties(): { party: string; method: string }[] {
    const f = this.family;
    const parties = [{ party: 'child', method: 'visit' }];
    for (const p of f.people) if (p.pr) parties.push({ party: p.id, method: p.returning_to ? 'meeting' : 'letter' });
    for (const p of f.people) if (p.carer && !parties.some((q) => q.party === p.id)) parties.push({ party: p.id, method: 'phone' });
    parties.push({ party: 'iro', method: 'email' });
    if (this.legal === 's38') parties.push({ party: 'childrens_guardian', method: 'email' });
    return parties;
  }

  private visitNote(rng: Rng, on: IsoDate, values: Record<string, string>): string {
    const pool: Wording[] = [
      { text: 'Settled; {child} showed the visitor their room', when: (c) => c.age >= 3 },
      { text: 'Seen alone at school; no worries raised', when: (c) => c.age >= 5 },
      'Calm morning routine; {parent} relaxed',
      { text: '{child} talked about friends and football', when: (c) => c.age >= 6 },
      { text: 'Some tension about bedtimes, handled well', when: (c) => c.age >= 2 },
      '{relative} visiting; the afternoon relaxed',
      { text: 'Feeding and nappy routine calm; {child} settled with {parent}', when: (c) => c.age < 2 },
      { text: 'Observed play; {child} babbling and reaching for {parent}', when: (c) => c.age < 2 },
    ];
    return fill(this.pickText(rng, pool, on, false)!, values);
  }

  /** Record one classification and its decision, asking the engine for the suggestion as of that date. */
  private recordPoint(rng: Rng, data: CaseData, p: PointPlan, values: Record<string, string>): { classification: Classification; decision?: Decision } {
    const now = this.plan.now;
    const date = this.D(p.day);
    const stageOfPoint: Record<DecisionPoint, StageNumber> = { rc1_d2: 2, rc2_d3: 4, rc3_post_return: 5 };
    const config = this.opts.config;
    const lowest = p.allowed[0];
    const highest = p.allowed.at(-1);
    if (lowest === undefined || highest === undefined) throw new Error(`No levels allowed at ${p.point}`);
    let suggested: Level | undefined;
    if (this.suggesting) {
      const ask = () => classify({ ...data, factors: this.sortedFactors(), stage: stageOfPoint[p.point] }, config, date).level;
      suggested = ask();
      // nudge the evidence towards the pathway's range a few times before overriding
      for (let i = 0; i < 4 && levelRank(suggested) > levelRank(highest) && p.point !== 'rc1_d2'; i++) {
        if (!this.steerDown(rng, date, values)) break;
        suggested = ask();
      }
    }
    let level: Level;
    if (suggested === undefined) level = p.intended;
    else if (p.allowed.includes(suggested)) level = suggested;
    else level = levelRank(suggested) > levelRank(highest) ? highest : lowest;
    // RC2 is classified by the team manager and the worker side by side (docs/case-file.md): both are named
    const { social_worker, team_manager } = this.family.team;
    const by = p.point === 'rc2_d3' ? [social_worker, team_manager] : social_worker;
    const classification: Classification = { date, point: p.point, level, ...(suggested ? { suggested } : {}), by };
    if (p.signDay <= now) classification.signed_off = { by: this.family.team.team_manager, date: this.D(p.signDay) };
    if (suggested && suggested !== level) {
      const category =
        levelRank(level) > levelRank(suggested)
          ? rng.pick(['single_severe_concern', 'child_specific_vulnerability'])
          : rng.pick(['strong_protective_context', 'information_not_captured']);
      classification.override_category = category;
      classification.override_reason = this.overrideReason(rng, p, category, values);
    }
    if (p.decisionDay > now || p.noDecision) return { classification };
    const outcome = p.outcome ?? this.mappedDecision(p.point, level);
    const decision: Decision = { date: this.D(p.decisionDay), point: p.point, outcome, reasons: this.reasons(rng, p.point, outcome, level, values) };
    if (outcome === 'return_if_change_evidenced') decision.parallel_plan = fill('Kinship assessment of {relative} alongside the work with {parent}', values);
    if (outcome === 'no_return') decision.parallel_plan = 'Long-term fostering with family time';
    if (p.point === 'rc3_post_return' && (outcome === 'continue' || outcome === 'increase_support'))
      decision.next_review = this.D(Math.max(p.decisionDay + 56, now + 14)); // the next review is still to come, or held (a later RC3)
    if (p.decisionSignDay <= now) decision.signed_off = { by: this.family.team.team_manager, date: this.D(p.decisionSignDay) };
    const shared: SharingRecord[] = [];
    const parties = this.sharingParties();
    parties.forEach(({ party, method }, i) => {
      const day = p.shareDays[i % p.shareDays.length] ?? p.decisionDay + 1;
      // how each party was told matters most for Decision 2; later records keep the dates (as design.md §3.1 does)
      if (day <= now) shared.push({ party, date: this.D(day), ...(p.point === 'rc1_d2' ? { method } : {}) });
    });
    if (shared.length > 0) decision.shared = shared;
    return { classification, decision };
  }

  private overrideReason(rng: Rng, p: PointPlan, category: string, values: Record<string, string>): string {
    if (p.outcome === 'return_to_care')
      return fill('The return has broken down: new evidence at home since the last review outweighs the factor count', values);
    const wordings = OVERRIDE_REASONS[category];
    const first = wordings?.[0];
    if (wordings === undefined || first === undefined) throw new Error(`No override wording for ${category}`);
    return fill(this.pickText(rng, wordings, this.D(p.day), false) ?? wordingText(first), values);
  }

  private reasons(rng: Rng, p: DecisionPoint, outcome: string, level: Level, values: Record<string, string>): string {
    const words: Record<string, string[]> = {
      return_with_support: ['The problems that led to care are largely resolved; {parent} engages well; support will be in place from day one'],
      return_if_goals_met: [
        'Concerns remain but {parent} is willing and able to change; return once the agreed goals are met',
        'Change looks achievable with clear goals and support',
      ],
      return_if_change_evidenced: ["Serious concerns remain; return only if {parent} shows lasting change within {child}'s timescales, with a parallel plan"],
      no_return: ["{parent} cannot make the changes needed within {child}'s timescales; plan alternative permanence and keep family time"],
      proceed_to_return: [
        'Goals met or on track; network and services in place; {child} ready to go home',
        'Risk regraded on current evidence; the transition can start',
      ],
      extend_work: ['More time needed on the goals before a return'],
      continue: ['The return is going well; keep the support and visits as planned'],
      increase_support: ['Early signs of strain; more support for the evenings and weekends'],
      step_down: ['Risk low and stable for several months; step down to a child in need plan'],
      return_to_care: ['The return has broken down and {child} is not safe at home'],
    };
    return fill(rng.pick(words[outcome] ?? [`Level ${level} at ${p}`]), values);
  }

  // ---------------------------------------------------------------- calendar: reviews, triggers, cohorts

  private addCalendar(rng: Rng, data: CaseData): void {
    const asOf = this.opts.asOf;
    const config = this.opts.config;
    const reviews = config.reviews;
    const holidays = config.bank_holidays ?? [];
    const since = data.child.looked_after_since ?? data.opened;
    const returned = data.return?.returned;
    const closed = data.stage === 'closed';
    const stillLookedAfter = !closed && !(returned && this.legal === 's20');
    const classifiedOn = (data.classifications ?? [])
      .map((c) => c.date)
      .sort()
      .pop();
    const reachedThree = this.stageNumber >= 3 && this.outcome !== 'not_returned';
    // reviews held after the latest classification would call for another (rule triggers/reclassify-after-review)
    const limits = [asOf];
    if (returned && this.legal === 's20') limits.push(returned);
    if (closed) limits.push(data.outcome!.date);
    if (reachedThree && !closed && classifiedOn) limits.push(classifiedOn);
    const limit = limits.sort()[0] ?? asOf; // limits holds asOf, so the earliest is always there
    const held: IsoDate[] = [];
    let next = addWorkingDays(since, rng.int(8, Math.max(8, reviews.cla_first_working_days - 1)), holidays);
    if (next <= limit) {
      held.push(next);
      next = addDays(next, rng.int(42, 84));
      while (next <= limit) {
        held.push(next);
        next = addDays(next, rng.int(120, 175));
      }
    }
    // Used only once a review is held (held.length > 0).
    const dueAfter = (list: IsoDate[]) => addMonths(list.at(-1)!, list.length === 1 ? reviews.cla_second_months : reviews.cla_then_months);
    if (stillLookedAfter && held.length > 0 && dueAfter(held) < asOf) {
      const extra = addDays(limit, -rng.int(0, 5));
      if (extra > held.at(-1)!) held.push(extra);
    }
    const planned = stillLookedAfter && held.length > 0 ? addDays(dueAfter(held), -rng.int(0, 14)) : undefined;
    data.cla_reviews = planned && planned > asOf ? [...held, planned] : held;

    // triggers: what brought the case to the framework, and events since
    const triggers: { type: string; date: IsoDate; note?: string }[] = [];
    const heldBeforeOpening = held.filter((d) => d <= data.opened);
    const lastHeldBeforeOpening = heldBeforeOpening.at(-1);
    if (lastHeldBeforeOpening !== undefined) triggers.push({ type: 'cla_review', date: lastHeldBeforeOpening, note: 'Return home considered at the review' });
    else triggers.push({ type: 'updated_assessment', date: addDays(data.opened, -rng.int(1, 20)) });
    const cohortsScenario = this.scenario === 'cohorts';
    const eventLimit = reachedThree && !closed && classifiedOn ? classifiedOn : asOf;
    const between = (from: IsoDate, to: IsoDate): IsoDate | undefined => {
      const span = daysBetween(from, to);
      return span >= 1 ? addDays(from, rng.int(0, span - 1)) : undefined;
    };
    const windowStart = since > addDays(data.opened, -180) ? since : addDays(data.opened, -180);
    if (this.missing > 0) {
      const d = between(windowStart, eventLimit);
      if (d) triggers.push({ type: 'missing_episode', date: d, note: 'Found the next morning; return interview held' });
    }
    if ((cohortsScenario || rng.chance(0.2)) && this.profile.risks.includes('child_behaviour_difficulties')) {
      const d = between(windowStart, eventLimit);
      if (d) triggers.push({ type: 'behaviour_change', date: d, note: 'Outbursts after family time reported by the carers' });
    }
    const sixteen = addMonths(data.child.dob, 16 * 12);
    if (sixteen <= asOf && sixteen >= data.opened) triggers.push({ type: 'leaving_care_age', date: sixteen });
    if (this.plan.unplanned) triggers.push({ type: 's20_ending', date: this.D(this.plan.unplanned.day), note: 'The parent ended the s20 arrangement' });
    triggers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    data.triggers = triggers;

    // a child under a care order goes home only once the placement with parents is approved
    if (data.transition?.agreed && (data.child.legal_status === 's31' || data.child.legal_status === 's38') && !data.transition.placement_approval) {
      data.transition.placement_approval = { by: this.family.team.team_manager, date: data.transition.agreed };
    }
    // cohorts (docs/framework.md §5.2): every cohort the file itself shows, by the same test
    // `check` applies (case/cohorts-derived); placement at risk has no field to show it, so it is drawn
    const inCare = !returned || data.outcome?.status === 're_entered_care';
    const derived = deriveCohorts(data, config, asOf);
    const cohorts: string[] = Object.entries(derived)
      .filter(([, f]) => f?.in === true)
      .map(([id]) => id);
    if ((cohortsScenario ? rng.chance(0.3) : rng.chance(0.08)) && inCare) cohorts.push('placement_at_risk');
    data.cohorts = cohorts;
  }

  /** Stable key order, as design.md §3.1 lists it. */
  private ordered(data: CaseData): CaseData {
    const order = [
      'reunify',
      'id',
      'fictional',
      'stage',
      'opened',
      'siblings',
      'child',
      'cohorts',
      'triggers',
      'cla_reviews',
      'team',
      'people',
      'history',
      'factors',
      'capacity_to_change',
      'assessment',
      'tasks',
      'classifications',
      'decisions',
      'agreement',
      'transition',
      'return',
      'outcome',
    ];
    const out: Record<string, unknown> = {};
    for (const key of order)
      if (Object.hasOwn(data, key) && (data as unknown as Record<string, unknown>)[key] !== undefined)
        out[key] = (data as unknown as Record<string, unknown>)[key];
    const tasks: Record<string, TaskRecord | undefined> = {};
    for (const stage of [1, 2, 3, 4, 5] as const) for (const t of TASKS_BY_STAGE[stage]) if (Object.hasOwn(data.tasks, t)) tasks[t] = data.tasks[t];
    out.tasks = tasks;
    if (Array.isArray(out.cohorts) && out.cohorts.length === 0) delete out.cohorts;
    return out as unknown as CaseData;
  }
}
