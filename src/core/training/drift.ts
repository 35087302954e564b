// The manager-monitoring scenario: a small caseload of generated cases, some of which
// carry drift of the kinds `reunify status` reports (a stage stalled past its timescale,
// an assessment waiting for sign-off, a decision not shared, a visit missed after the
// return…), planted coherently: each drifting case is a generated case as it was some
// weeks ago with nothing recorded since, or with one record changed the way practice
// drifts. Every case is checked as it is made: the case is coherent, and `status` finds
// in it exactly the drift planted (and nothing in a case left clean). Pure.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import type { StageValue } from '../model/ids.js';
import { statusPart, type MetricId } from '../status/status.js';
import { nextClaReviewDue, isLookedAfter } from '../status/timeliness.js';
import { addDays, ageOn, daysBetween, isAfter } from '../text/dates.js';
import { counted } from '../text/plural.js';
import { caseViolations, narrativeSentences } from './coherence.js';
import { generateCase, type GeneratedCase, type PackMemory } from './generate.js';
import type { Rng } from './random.js';

/** The metrics of `reunify status` that name a case needing a manager's action: what a monitoring key reads. */
export const MONITORED_METRICS = [
  'post_return_alerts',
  'reviews_due',
  'decisions_not_shared',
  'shared_before_signoff',
  'goals_red',
  'goals_overdue',
  'home_goals_stale',
  'not_considered',
  'awaiting_signoff',
  'role_signoffs_missing',
  'overdue_tasks',
  'signed_by_recorder',
  'cost_exposure',
] as const satisfies readonly MetricId[];

export type MonitoredMetric = (typeof MONITORED_METRICS)[number];

/** One thing `status` reports of a case: the metric and its line, built from ids and dates. */
export interface Finding {
  metric: MonitoredMetric;
  detail: string;
}

/** What `reunify status` reports of one case, metric by metric (reviews due soon included), in the order of MONITORED_METRICS. */
export function caseFindings(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): Finding[] {
  const part = statusPart({ id, data }, { asOf, config });
  if (!part) return [];
  const one = (metric: MonitoredMetric, item: { detail: string } | undefined) => (item ? [{ metric, detail: item.detail }] : []);
  const many = (metric: MonitoredMetric, items: readonly { detail: string }[]) => items.map((item) => ({ metric, detail: item.detail }));
  const byMetric: Record<MonitoredMetric, Finding[]> = {
    post_return_alerts: one('post_return_alerts', part.postReturn),
    reviews_due: many('reviews_due', part.reviews),
    decisions_not_shared: many('decisions_not_shared', part.notShared),
    shared_before_signoff: many('shared_before_signoff', part.sharedBeforeSignoff),
    goals_red: one('goals_red', part.goalsRed),
    goals_overdue: one('goals_overdue', part.goalsOverdue),
    home_goals_stale: one('home_goals_stale', part.homeGoalsStale),
    not_considered: one('not_considered', part.notConsidered),
    awaiting_signoff: part.awaiting.map((a) => ({
      metric: 'awaiting_signoff' as const,
      detail: `${a.item} of ${a.date}, waiting ${counted(a.waitingDays, 'day')}`,
    })),
    role_signoffs_missing: many('role_signoffs_missing', part.roleSignoffsMissing),
    overdue_tasks: one('overdue_tasks', part.overdueTasks),
    signed_by_recorder: many('signed_by_recorder', part.signedByRecorder),
    cost_exposure: one('cost_exposure', part.cost),
  };
  return MONITORED_METRICS.flatMap((m) => byMetric[m]);
}

/** The metrics a case's findings name, each once, in the order of MONITORED_METRICS. */
export const metricsOf = (findings: readonly Finding[]): MonitoredMetric[] => MONITORED_METRICS.filter((m) => findings.some((f) => f.metric === m));

/** A way drift is planted: the stage of the case, how long ago its records stop, what is changed, and what `status` then finds. */
export interface Recipe {
  /** The drift, by the metric that finds it first. */
  kind: MonitoredMetric;
  stage: StageValue;
  /** Days before the exercise date that the case's records stop (0: they run to the exercise date). */
  lag: [number, number];
  /** Every metric `status` finds in the case once the drift is planted. */
  finds: MonitoredMetric[];
  /** Change the case; false when this case cannot carry the drift (another is tried). */
  plant?(data: CaseData, rng: Rng, asOf: IsoDate): boolean;
}

const familyParty = (data: CaseData) => (party: string) => party === 'child' || (data.people ?? []).some((p) => p.id === party && (p.pr || p.returning_to));

/** The drift a monitoring pack plants, one kind a case, in the order a pack takes them before it is shuffled. */
export const RECIPES: readonly Recipe[] = [
  {
    // stage 1 work stalled: the assessment tasks open weeks past the 8-week timescale (CLA reviews kept up)
    kind: 'overdue_tasks',
    stage: 1,
    lag: [60, 100],
    finds: ['overdue_tasks'],
  },
  {
    // an assessment written and waiting for the manager's sign-off
    kind: 'awaiting_signoff',
    stage: 2,
    lag: [3, 10],
    finds: ['awaiting_signoff'],
    plant(data) {
      const wa = data.tasks.written_assessment;
      if ((data.classifications ?? []).length > 0 || wa?.status !== 'done' || !wa.signed_off) return false;
      delete wa.signed_off;
      return true;
    },
  },
  {
    // Decision 2 made, signed off and told to the others, but one of the family never told
    kind: 'decisions_not_shared',
    stage: 3,
    lag: [0, 0],
    finds: ['decisions_not_shared'],
    plant(data, rng) {
      const decision = (data.decisions ?? []).find((d) => d.point === 'rc1_d2');
      const shared = decision?.shared ?? [];
      const family = shared.filter((s) => familyParty(data)(s.party));
      if (!decision || family.length === 0) return false;
      const dropped = rng.pick(family);
      decision.shared = shared.filter((s) => s !== dropped);
      return true;
    },
  },
  {
    // Decision 2 told to the family before the manager had signed it off
    kind: 'shared_before_signoff',
    stage: 3,
    lag: [0, 0],
    finds: ['shared_before_signoff'],
    plant(data, rng) {
      const decision = (data.decisions ?? []).find((d) => d.point === 'rc1_d2');
      const signed = decision?.signed_off;
      const told = (decision?.shared ?? []).filter((s) => s.date !== undefined && familyParty(data)(s.party));
      if (!decision || !signed || told.length === 0) return false;
      // told on the day of the decision; signed off two to four days after the first of the family was told
      const first = told.reduce((a, b) => (a.date! <= b.date! ? a : b));
      first.date = decision.date;
      const later = addDays(decision.date, rng.int(2, 4));
      if (isAfter(later, signed.date)) signed.date = later;
      return told.every((s) => !isAfter(s.date!, addDays(decision.date, 30)));
    },
  },
  {
    // the written assessment signed off by the social worker who wrote it
    kind: 'signed_by_recorder',
    stage: 3,
    lag: [0, 0],
    finds: ['signed_by_recorder'],
    plant(data) {
      const wa = data.tasks.written_assessment;
      if (wa?.status !== 'done' || !wa.signed_off || !wa.by) return false;
      wa.signed_off = { ...wa.signed_off, by: wa.by };
      return true;
    },
  },
  {
    // the agreement's goals not rated for over eight weeks: the work has gone quiet
    kind: 'goals_red',
    stage: 3,
    lag: [60, 90],
    finds: ['goals_red'],
  },
  {
    // a goal's date passed while it is still amber, and nobody has changed the plan
    kind: 'goals_overdue',
    stage: 3,
    lag: [0, 0],
    finds: ['goals_overdue'],
    plant(data, rng, asOf) {
      const signed = data.agreement?.signed;
      const goals = data.agreement?.goals ?? [];
      const amber = goals.filter((g) => g.progress?.at(-1)?.rag === 'amber');
      if (!signed || amber.length === 0) return false;
      const goal = rng.pick(amber);
      const last = goal.progress!.at(-1)!.date;
      // due after the last rating and at least a week before the exercise date
      const span = daysBetween(last, asOf) - 8;
      if (span < 1 || daysBetween(signed, last) < 28) return false;
      goal.by = addDays(last, rng.int(1, span));
      return true;
    },
  },
  {
    // at home, and no visit with the child seen alone for over six weeks
    kind: 'reviews_due',
    stage: 5,
    lag: [0, 0],
    finds: ['reviews_due'],
    plant(data, rng, asOf) {
      const r = data.return;
      if (!r?.returned || r.unplanned || daysBetween(r.returned, asOf) > 160 || daysBetween(r.returned, asOf) < 70) return false;
      const cut = addDays(asOf, -rng.int(50, 60));
      const kept = (r.visits ?? []).filter((v) => !isAfter(v.date, cut));
      if (kept.length === 0) return false;
      r.visits = kept;
      return true;
    },
  },
  {
    // at home, and the child has gone missing since the return
    kind: 'post_return_alerts',
    stage: 5,
    lag: [0, 0],
    finds: ['post_return_alerts'],
    plant(data, rng, asOf) {
      const returned = data.return?.returned;
      if (!returned || data.return?.unplanned || ageOn(data.child.dob, asOf) < 12) return false;
      const span = daysBetween(returned, asOf) - 10;
      if (span < 1) return false;
      const date = addDays(returned, 7 + rng.int(0, span - 1));
      data.triggers = [
        ...(data.triggers ?? []),
        { type: 'missing_episode', date, note: 'Missing overnight after an argument at home; found by the police; return interview held' },
      ];
      data.triggers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      if (data.history) data.history.missing_episodes = (data.history.missing_episodes ?? 0) + 1;
      return true;
    },
  },
  {
    // at home with none of the support package started
    kind: 'cost_exposure',
    stage: 5,
    lag: [0, 0],
    finds: ['cost_exposure'],
    plant(data) {
      const support = data.return?.support_package ?? [];
      if (support.length === 0 || data.return?.unplanned) return false;
      for (const s of support) s.delivered = 'not_delivered';
      return true;
    },
  },
  {
    // in a cohort, still at stage 1 after more than six months with no record that return home was considered
    kind: 'not_considered',
    stage: 1,
    lag: [200, 260],
    finds: ['not_considered', 'overdue_tasks'],
    plant(data) {
      return (data.cohorts ?? []).length > 0;
    },
  },
];

/** The stages clean cases take in turn. */
const CLEAN_STAGES: readonly StageValue[] = [2, 4, 'closed', 3, 5, 1];

/**
 * CLA reviews held on time after a case's records stop: the statutory reviews went on
 * while the reunification work stalled (so what status finds is the drift, not a missed review).
 */
function keepClaReviews(data: CaseData, rng: Rng, config: ReunifyConfig, from: IsoDate, asOf: IsoDate): void {
  const horizon = addDays(asOf, config.status.reviews_due_days);
  const reviews = (data.cla_reviews ?? []).filter((d) => !isAfter(d, from));
  data.cla_reviews = reviews;
  for (let i = 0; i < 12 && isLookedAfter(data, asOf); i++) {
    const { due } = nextClaReviewDue(data, config, asOf);
    if (isAfter(due, horizon)) break;
    const held = isAfter(due, asOf) ? addDays(asOf, -rng.int(1, 5)) : addDays(due, -rng.int(0, 10));
    const last = reviews.at(-1);
    if (last !== undefined && !isAfter(held, last)) break;
    reviews.push(held);
  }
}

export interface MonitoringCase extends GeneratedCase {
  /** The drift planted, by the metrics that find it; empty for a clean case. */
  planted: MonitoredMetric[];
}

export interface MonitoringOptions {
  id: string;
  asOf: IsoDate;
  config: ReunifyConfig;
  memory: PackMemory;
  /** The narrative sentences of the pack's cases so far: a trial case that repeats one is not kept. */
  told: Set<string>;
  source: string;
  /** The drift to plant, or undefined for a clean case. */
  recipe?: Recipe;
  /** For a clean case: its stage. */
  stage?: StageValue;
}

const ATTEMPTS = 300;

/** A case of a monitoring pack: generated, drift planted, and checked that `status` finds exactly that (or nothing). */
export function monitoringCase(rng: Rng, options: MonitoringOptions): MonitoringCase {
  const { id, asOf, config, recipe } = options;
  const stage = recipe?.stage ?? options.stage ?? 2;
  const want = recipe?.finds ?? [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const r = rng.fork(`attempt ${attempt}`);
    const lag = recipe ? r.int(recipe.lag[0], recipe.lag[1]) : 0;
    const then = addDays(asOf, -lag);
    // a trial case uses a copy of the pack's memory: only the case kept counts as told
    const memory: PackMemory = { letters: new Set(options.memory.letters), texts: new Set(options.memory.texts) };
    const g = generateCase(r.fork('case'), { stage, id, asOf: then, config, memory, source: options.source });
    // a story, view or background the pack has told already (a big pack runs out of untold ones: after 40 attempts, one may be told again)
    const sentences = narrativeSentences(g);
    if (attempt < 40 && sentences.some((t) => options.told.has(t))) continue;
    const data = structuredClone(g.data);
    // the case as it stood: nothing for status to find
    if (caseFindings(id, data, config, then).length > 0) continue;
    if (recipe?.plant && !recipe.plant(data, r.fork('plant'), asOf)) continue;
    if (lag > 0) keepClaReviews(data, r.fork('reviews'), config, then, asOf);
    const found = metricsOf(caseFindings(id, data, config, asOf));
    if (found.join() !== want.join()) continue;
    const made = { ...g, data };
    if (caseViolations(made, asOf).length > 0) continue;
    for (const t of sentences) options.told.add(t);
    for (const letter of memory.letters) options.memory.letters.add(letter);
    for (const text of memory.texts) options.memory.texts.add(text);
    return { ...made, openWork: [], planted: [...want] };
  }
  throw new Error(`no ${recipe ? `case with ${recipe.kind} drift` : 'clean case'} at stage ${stage} in ${ATTEMPTS} attempts (${id})`);
}

/** The smallest monitoring pack: six kinds of drift and two clean cases. */
export const MONITORING_MIN_CASES = 8;

/** Which cases of a monitoring pack carry which drift: about one case in four is clean, and the kinds are taken in a seeded order. */
export function monitoringPlan(rng: Rng, count: number): ({ recipe: Recipe } | { stage: StageValue })[] {
  const clean = Math.max(2, Math.round(count / 4));
  const kinds = rng.fork('kinds').shuffle(RECIPES);
  const slots: ({ recipe: Recipe } | { stage: StageValue })[] = [
    ...Array.from({ length: count - clean }, (_, i) => ({ recipe: kinds[i % kinds.length]! })),
    ...Array.from({ length: clean }, (_, i) => ({ stage: CLEAN_STAGES[i % CLEAN_STAGES.length]! })),
  ];
  return rng.fork('order').shuffle(slots);
}
