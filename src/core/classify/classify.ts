// Suggests a risk level (docs/framework.md §4.5) from a case's factors, history, capacity
// to change and goal progress, listing every contribution so a worker can redo the
// sum by hand. An aid to structured professional judgement: it never sets a level.
// Pure and synchronous; everything is "as of" a date, so entries dated later are
// left out (the same function gives the picture at an earlier classification).
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import type { ClassificationSettings, ReunifyConfig } from '../model/config.js';
import { isOlderThan, latestOnOrBefore } from '../text/dates.js';
import { standingEntries, type IndexedFactorEntry } from './factorEntries.js';
import {
  DECISION_POINT_OF_STAGE,
  FACTORS,
  LEVELS,
  CAPACITY_NOT_ASSESSED,
  type CapacityValue,
  type DecisionPoint,
  type FactorDefinition,
  type FactorKind,
  type FactorStatus,
  type Level,
  type Rag,
  type StageValue,
} from '../model/ids.js';

export type ContributionSource = 'entered' | 'derived from history' | 'derived from dob' | 'capacity to change' | 'goal progress';

/** One line of the explanation: `weight × fraction = points`. */
export interface Contribution {
  /** A factor id, or `capacity_to_change` / `goal_progress`. */
  factor: string;
  kind: FactorKind;
  status: FactorStatus;
  /** Signed: protective factors, good ratings and green goals take points off. */
  weight: number;
  /** 1 for present, the partly fraction, or 0 when it does not count. */
  fraction: number;
  points: number;
  source: ContributionSource;
  /** JSON pointer of the entry or field the contribution rests on (never its text). */
  evidence: string;
  /** Date of that evidence, where the file records one. */
  date?: IsoDate;
  static?: boolean;
  person?: string;
  rating?: CapacityValue;
  goal?: string;
  rag?: Rag;
  overdue?: boolean;
  /** Why it counts no points although recorded (superseded, counted once, …). */
  note?: string;
}

/** Something to find out: an unknown is never counted as absent. */
export interface Gap {
  factor: string;
  kind: FactorKind;
  evidence: string;
  source: ContributionSource;
  person?: string;
  goal?: string;
}

export interface ForcedFloor {
  factor: string;
  minLevel: Level;
  reason: string;
  evidence: string;
}

export interface Suggestion {
  caseId: string;
  stage: StageValue;
  asOf: IsoDate;
  /** The decision point the suggestion is for; none at stage 1 or once closed. */
  point?: DecisionPoint;
  score: number;
  /** Level from the score alone, before any forcing factor. */
  scoreLevel: Level;
  /** Suggested level: the score level, raised to any forcing factor's floor. */
  level: Level;
  forced: ForcedFloor[];
  contributions: Contribution[];
  gaps: Gap[];
  notes: string[];
  /** Default decision for the level at the point (config `decision_map`). */
  decision?: string;
  thresholds: ClassificationSettings['thresholds'];
  notice: string;
}

/** Decision point a stage's classification is for; stage 3 looks ahead to RC2. */
export function decisionPointOf(stage: StageValue): DecisionPoint | undefined {
  if (stage === 'closed') return undefined;
  return stage === 3 ? 'rc2_d3' : DECISION_POINT_OF_STAGE[stage];
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function levelForScore(score: number, thresholds: ClassificationSettings['thresholds']): Level {
  if (score >= thresholds.very_high) return 'very_high';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/** Factors worked out from `history`, `dob` and `return`, so never counted twice if also entered by hand. */
const DERIVED_STATIC = ['child_age_over_10', 'previous_failed_return', 'previous_child_removals', 'unplanned_return'] as const;

const STATUS_RANK: Record<FactorStatus, number> = { unknown: -1, absent: 0, partly: 1, present: 2 };

interface Context {
  data: CaseData;
  settings: ClassificationSettings;
  factors: Map<string, FactorDefinition>;
  asOf: IsoDate;
}

// three decimals absorb float noise from fractions such as 0.3; `+ 0` turns -0 into 0
const round = (n: number) => Math.round(n * 1000) / 1000 + 0;
const dated = (asOf: IsoDate) => (d: IsoDate | undefined) => d === undefined || d <= asOf;

function weightOf(ctx: Context, def: FactorDefinition): number {
  // an own key of the weights holds a number
  const w = Object.hasOwn(ctx.settings.weights, def.id) ? ctx.settings.weights[def.id]! : ctx.settings.added_factor_weight;
  return def.kind === 'protective' ? -w : w;
}

function fractionOf(ctx: Context, status: FactorStatus): number {
  if (status === 'present') return 1;
  if (status === 'partly') return ctx.settings.partly_fraction;
  return 0;
}

function factorLine(
  ctx: Context,
  def: FactorDefinition,
  status: FactorStatus,
  source: ContributionSource,
  evidence: string,
  extra: Partial<Contribution> = {},
): Contribution {
  const weight = weightOf(ctx, def);
  const fraction = extra.note ? 0 : fractionOf(ctx, status);
  return { factor: def.id, kind: def.kind, status, weight, fraction, points: round(weight * fraction), source, evidence, static: def.static, ...extra };
}

function gapOf(c: Contribution): Gap {
  return {
    factor: c.factor,
    kind: c.kind,
    evidence: c.evidence,
    source: c.source,
    ...(c.person ? { person: c.person } : {}),
    ...(c.goal ? { goal: c.goal } : {}),
  };
}

// ---------------------------------------------------------------- static factors

interface Derived {
  status: FactorStatus;
  evidence: string;
  source: ContributionSource;
}

function countStatus(n: number | undefined): FactorStatus {
  if (n === undefined) return 'unknown';
  return n > 0 ? 'present' : 'absent';
}

function derive(ctx: Context, factor: string): Derived {
  const { data } = ctx;
  switch (factor) {
    case 'previous_failed_return':
      return { status: countStatus(data.history?.failed_returns), evidence: '/history/failed_returns', source: 'derived from history' };
    case 'previous_child_removals':
      return { status: countStatus(data.history?.parent_prior_removals), evidence: '/history/parent_prior_removals', source: 'derived from history' };
    case 'missing_episodes':
      return { status: countStatus(data.history?.missing_episodes), evidence: '/history/missing_episodes', source: 'derived from history' };
    case 'unplanned_return':
      return data.return?.unplanned !== undefined
        ? { status: data.return.unplanned ? 'present' : 'absent', evidence: '/return/unplanned', source: 'derived from history' }
        : { status: 'absent', evidence: '/return', source: 'derived from history' };
    case 'child_age_over_10': {
      // the age that matters is the age on going home: actual, else planned, else today
      const returned = data.return?.returned && data.return.returned <= ctx.asOf ? data.return.returned : undefined;
      const planned = data.transition?.planned_return;
      const on = returned ?? planned ?? ctx.asOf;
      const evidence = returned ? '/return/returned' : planned ? '/transition/planned_return' : '/child/dob';
      return { status: isOlderThan(data.child.dob, 10, on) ? 'present' : 'absent', evidence, source: 'derived from dob' };
    }
    default:
      throw new Error(`internal: ${factor} is not derived`);
  }
}

// ---------------------------------------------------------------- entered factors

type Entered = IndexedFactorEntry;

const pointer = (index: number) => `/factors/${index}`;

const SUPERSEDED_NOTE = 'superseded by ';

/** An entry a later one for the same factor and person replaced: it counts no points and is never a gap. */
export function isSuperseded(c: Contribution): boolean {
  return c.note?.startsWith(SUPERSEDED_NOTE) ?? false;
}

/** Per person, the latest entry stands; the others are listed as superseded. */
function currentEntries(entries: Entered[]): { current: Entered[]; superseded: [Entered, Entered][] } {
  const current = standingEntries(entries);
  const standingFor = new Map(current.map((e) => [e.entry.person ?? '', e]));
  const people = [...new Set(entries.map((e) => e.entry.person ?? ''))];
  // listed person by person, oldest first (undated entries first; equal dates keep file order)
  const superseded = entries
    .filter((e) => !current.includes(e))
    .sort(
      (a, b) =>
        people.indexOf(a.entry.person ?? '') - people.indexOf(b.entry.person ?? '') ||
        (a.entry.as_of ?? '').localeCompare(b.entry.as_of ?? '') ||
        a.index - b.index,
    )
    .map((e): [Entered, Entered] => [e, standingFor.get(e.entry.person ?? '')!]);
  return { current, superseded };
}

function enteredLines(ctx: Context, def: FactorDefinition, entries: Entered[], derived: Derived | undefined): Contribution[] {
  const lines: Contribution[] = [];
  const line = (e: Entered, note?: string) =>
    factorLine(ctx, def, e.entry.status, 'entered', pointer(e.index), {
      ...(e.entry.as_of ? { date: e.entry.as_of } : {}),
      ...(e.entry.person ? { person: e.entry.person } : {}),
      ...(note ? { note } : {}),
    });
  const { current, superseded } = currentEntries(entries);
  for (const [old, newer] of superseded) lines.push(line(old, `${SUPERSEDED_NOTE}${pointer(newer.index)}`));
  if (derived && derived.status !== 'unknown') {
    lines.unshift(factorLine(ctx, def, derived.status, derived.source, derived.evidence));
    for (const e of current) lines.push(line(e, `counted once, from ${derived.evidence}`));
    return lines;
  }
  // one factor counts once, at its strongest status across the people it is recorded for
  const first = current[0];
  if (first === undefined) return lines;
  const counted = current.reduce((best, e) => (STATUS_RANK[e.entry.status] > STATUS_RANK[best.entry.status] ? e : best), first);
  for (const e of current) lines.push(e === counted ? line(e) : line(e, `counted once, at ${pointer(counted.index)}`));
  return lines;
}

function factorContributions(ctx: Context): { lines: Contribution[]; notes: string[] } {
  const notes: string[] = [];
  const byFactor = new Map<string, Entered[]>();
  let later = 0;
  (ctx.data.factors ?? []).forEach((entry, index) => {
    if (!dated(ctx.asOf)(entry.as_of)) {
      later++;
      return;
    }
    if (!ctx.factors.has(entry.id)) {
      notes.push(`${pointer(index)}: "${entry.id}" is not a known factor and was left out`);
      return;
    }
    byFactor.set(entry.id, [...(byFactor.get(entry.id) ?? []), { entry, index }]);
  });
  if (later > 0) notes.push(`${later} factor ${later === 1 ? 'entry is' : 'entries are'} dated after ${ctx.asOf} and left out`);

  const lines: Contribution[] = [];
  for (const def of ctx.factors.values()) {
    const entries = byFactor.get(def.id) ?? [];
    const isDerivedStatic = (DERIVED_STATIC as readonly string[]).includes(def.id);
    if (isDerivedStatic || (def.id === 'missing_episodes' && entries.length === 0)) {
      const derived = derive(ctx, def.id);
      if (entries.length === 0) lines.push(factorLine(ctx, def, derived.status, derived.source, derived.evidence));
      else lines.push(...enteredLines(ctx, def, entries, derived));
    } else if (entries.length > 0) {
      lines.push(...enteredLines(ctx, def, entries, undefined));
    }
  }
  return { lines, notes };
}

// ---------------------------------------------------------------- capacity and goals

function capacityContributions(ctx: Context): { lines: Contribution[]; gaps: Gap[] } {
  const people = ctx.data.people ?? [];
  const returningTo = people.filter((p) => p.returning_to).map((p) => p.id);
  // capacity matters for the parent the child would live with; with no one named, for every parent rated
  const counts = (person: string) => returningTo.length === 0 || returningTo.includes(person);
  const latestFor = new Map<string, number>();
  const entries = ctx.data.capacity_to_change ?? [];
  entries.forEach((e, i) => {
    if (!dated(ctx.asOf)(e.as_of)) return;
    const prev = latestFor.get(e.person);
    if (prev === undefined || (entries[prev]?.as_of ?? '') <= (e.as_of ?? '')) latestFor.set(e.person, i);
  });
  const lines: Contribution[] = [];
  entries.forEach((e, i) => {
    if (!dated(ctx.asOf)(e.as_of)) return;
    const notAssessed = e.rating === CAPACITY_NOT_ASSESSED;
    // not yet assessed is missing information: no points either way, never counted as safety
    const weight = e.rating === CAPACITY_NOT_ASSESSED ? 0 : ctx.settings.capacity_points[e.rating];
    const note =
      latestFor.get(e.person) !== i
        ? `${SUPERSEDED_NOTE}/capacity_to_change/${latestFor.get(e.person)}`
        : !counts(e.person)
          ? 'not a parent the child would return to'
          : notAssessed
            ? 'not yet assessed: counted as unknown'
            : undefined;
    const fraction = note ? 0 : 1;
    lines.push({
      factor: 'capacity_to_change',
      kind: weight < 0 ? 'protective' : 'risk',
      status: notAssessed ? 'unknown' : 'present',
      weight,
      fraction,
      points: round(weight * fraction),
      source: 'capacity to change',
      evidence: `/capacity_to_change/${i}`,
      person: e.person,
      rating: e.rating,
      ...(e.as_of ? { date: e.as_of } : {}),
      ...(note ? { note } : {}),
    });
  });
  // a parent the child would return to with no rating, or whose latest says not yet assessed
  const gapPeople = [
    ...returningTo.filter((person) => !latestFor.has(person)),
    ...[...latestFor].filter(([person, i]) => counts(person) && entries[i]?.rating === CAPACITY_NOT_ASSESSED).map(([person]) => person),
  ];
  const gaps: Gap[] = gapPeople.map((person) => ({
    factor: 'capacity_to_change',
    kind: 'risk',
    evidence: latestFor.has(person) ? `/capacity_to_change/${latestFor.get(person)}` : '/capacity_to_change',
    source: 'capacity to change',
    person,
  }));
  return { lines, gaps };
}

function goalContributions(ctx: Context): { lines: Contribution[]; gaps: Gap[] } {
  const lines: Contribution[] = [];
  const gaps: Gap[] = [];
  const goalPoints = ctx.settings.goal_points;
  (ctx.data.agreement?.goals ?? []).forEach((goal, g) => {
    const found = latestOnOrBefore(goal.progress, ctx.asOf);
    if (!found) {
      gaps.push({ factor: 'goal_progress', kind: 'risk', evidence: `/agreement/goals/${g}/progress`, source: 'goal progress', goal: goal.id });
      return;
    }
    const { item: latest, index: latestIndex } = found;
    const weight = goalPoints[latest.rag];
    const base = { factor: 'goal_progress', status: 'present' as const, fraction: 1, source: 'goal progress' as const, goal: goal.id, rag: latest.rag };
    lines.push({
      ...base,
      kind: weight < 0 ? 'protective' : 'risk',
      weight,
      points: weight,
      evidence: `/agreement/goals/${g}/progress/${latestIndex}`,
      date: latest.date,
    });
    if (goal.by !== undefined && goal.by < ctx.asOf && latest.rag !== 'green') {
      const overdue = goalPoints.overdue;
      lines.push({
        ...base,
        kind: overdue < 0 ? 'protective' : 'risk',
        weight: overdue,
        points: overdue,
        evidence: `/agreement/goals/${g}/by`,
        date: goal.by,
        overdue: true,
      });
    }
  });
  return { lines, gaps };
}

// ---------------------------------------------------------------- putting it together

export interface AssessOptions {
  /** Count the agreement goals' progress (from stage 4 on). */
  withGoals: boolean;
}

/** Every factor the case can be scored on: the framework's catalogue and local additions. */
export function factorCatalogue(config: ReunifyConfig): Map<string, FactorDefinition> {
  return new Map([...FACTORS, ...(config.additions?.factors ?? [])].map((f) => [f.id, f]));
}

/** The contributions, gaps and score as of a date (used for now and for the baseline). */
export function assess(
  data: CaseData,
  config: ReunifyConfig,
  asOf: IsoDate,
  options: AssessOptions,
): Pick<Suggestion, 'contributions' | 'gaps' | 'notes' | 'score'> {
  const ctx: Context = { data, settings: config.classification, factors: factorCatalogue(config), asOf };
  const factors = factorContributions(ctx);
  const capacity = capacityContributions(ctx);
  const goals = options.withGoals ? goalContributions(ctx) : { lines: [], gaps: [] };
  const contributions = [...factors.lines, ...capacity.lines, ...goals.lines];
  // an unknown a later entry has replaced is no longer missing information
  const gaps = [
    ...contributions.filter((c) => c.status === 'unknown' && c.factor !== 'capacity_to_change' && !isSuperseded(c)).map(gapOf),
    ...capacity.gaps,
    ...goals.gaps,
  ];
  const score = round(contributions.reduce((sum, c) => sum + c.points, 0));
  return { contributions, gaps, notes: factors.notes, score };
}

/** Goals count from stage 4, when the agreement has had time to show progress. */
export function goalsCountAt(stage: StageValue): boolean {
  return stage === 'closed' || stage >= 4;
}

export function classify(data: CaseData, config: ReunifyConfig, asOf: IsoDate): Suggestion {
  const settings = config.classification;
  const point = decisionPointOf(data.stage);
  const { contributions, gaps, notes, score } = assess(data, config, asOf, { withGoals: goalsCountAt(data.stage) });
  const scoreLevel = levelForScore(score, settings.thresholds);
  const forced: ForcedFloor[] = [];
  for (const rule of settings.forcing) {
    const hit = contributions.find((c) => c.factor === rule.factor && c.fraction > 0 && (c.status === 'present' || c.status === 'partly'));
    if (hit) forced.push({ factor: rule.factor, minLevel: rule.min_level, reason: rule.reason, evidence: hit.evidence });
  }
  const level = forced.reduce<Level>((lvl, f) => (levelRank(f.minLevel) > levelRank(lvl) ? f.minLevel : lvl), scoreLevel);
  const decision = point ? config.decision_map?.[point]?.[level] : undefined;
  return {
    caseId: data.id,
    stage: data.stage,
    asOf,
    ...(point ? { point } : {}),
    score,
    scoreLevel,
    level,
    forced,
    contributions,
    gaps,
    notes,
    ...(decision ? { decision } : {}),
    thresholds: settings.thresholds,
    notice: settings.notice,
  };
}

/** Classification settings that name unknown factors or thresholds out of order (config errors). */
export function classificationSettingProblems(config: ReunifyConfig): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const known = factorCatalogue(config);
  const settings = config.classification;
  for (const id of Object.keys(settings.weights)) {
    if (!known.has(id)) problems.push({ path: `/classification/weights/${id}`, message: `"${id}" is not a framework factor or a local addition` });
  }
  settings.forcing.forEach((f, i) => {
    if (!known.has(f.factor))
      problems.push({ path: `/classification/forcing/${i}/factor`, message: `"${f.factor}" is not a framework factor or a local addition` });
  });
  const { medium, high, very_high } = settings.thresholds;
  if (!(medium <= high && high <= very_high)) problems.push({ path: '/classification/thresholds', message: 'thresholds must rise: medium ≤ high ≤ very_high' });
  return problems;
}
