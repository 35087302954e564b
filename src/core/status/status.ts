// The practice lead's view of a caseload (docs/framework.md §5.3): one pure function from
// typed cases to a view model whose keys are the metric ids. `reunify status` and
// the caseload report render the same view. Exceptions name cases by id only, and
// every detail line is built from ids and dates, never from narrative in a case.
import { atStagePoint, type CaseData, type Classification, type IsoDate } from '../model/caseTypes.js';
import { domainIdsOf, type ReunifyConfig } from '../model/config.js';
import { costFigures } from './costs.js';
import { factorConcern } from '../classify/factorEntries.js';
import { counted } from '../text/plural.js';
import { classifiers } from '../classify/classificationRecord.js';
import { addDays, daysBetween, isAfter, latest } from '../text/dates.js';
import { lastRagUpdate, staleGoals } from '../workflow/goals.js';
import { DECISION_POINTS, LEGAL_STATUSES, LEVELS, PLACEMENTS, TASKS_BY_STAGE, type DecisionPoint, type Level } from '../model/ids.js';
import { directionOf, type Direction } from '../classify/reclassify.js';
import { latestAt } from '../rules/recordReaders.js';
import { FINISHED_TASK_STATUSES } from '../model/schemas.js';
import { unsharedDecisions } from '../workflow/sharing.js';
import { awaitingSignoff, compareSignoffItems, missingRoleSignoffs, sameSigner, type SignoffItem } from '../workflow/signoff.js';
import type {
  AttentionCase,
  AwaitingSignoff,
  CostExposure,
  DecisionsNotShared,
  GoalsOverdue,
  GoalsRed,
  HomeGoalsStale,
  MetricId,
  NotConsidered,
  Outcomes,
  OverdueTasks,
  Overrides,
  PostReturnAlerts,
  ReviewKind,
  ReviewsDue,
  SharedBeforeSignoff,
  RoleSignoffsMissing,
  SignedByRecorder,
  RiskMix,
  StageCounts,
  StatusCase,
  StatusFilter,
  StatusView,
} from './statusView.js';
import {
  isLookedAfter,
  nextClaReviewDue,
  nextSeenAloneVisitDue,
  postReturnWindow,
  rc3AfterUnplannedReturnOverdue,
  stageClock,
  visitDueInWindow,
  visitOverdue,
} from './timeliness.js';

export * from './statusView.js';
export { suppressSmallCounts, type SharedValue, type ShownStatusView } from './statusShare.js';

export interface StatusOptions {
  asOf: IsoDate;
  config: ReunifyConfig;
  /** Only cases whose social worker or team manager is this person. */
  team?: string;
  filter?: StatusFilter;
  /** Files left out because they could not be read or failed the schema. */
  skipped?: number;
}

// ---------------------------------------------------------------------------
// Selecting cases

export const FILTER_KEYS = ['stage', 'level', 'cohort', 'legal_status', 'placement'] as const;

/** Parse `stage=3,level=high` (repeatable; values of one key are alternatives, keys must all match). */
export function parseStatusFilter(specs: readonly string[], config: ReunifyConfig): { filter: StatusFilter } | { error: string } {
  const allowed: Record<(typeof FILTER_KEYS)[number], readonly string[]> = {
    stage: ['1', '2', '3', '4', '5', 'closed'],
    level: [...LEVELS, 'none'],
    cohort: domainIdsOf(config).cohorts,
    legal_status: LEGAL_STATUSES,
    placement: PLACEMENTS,
  };
  const filter: StatusFilter = {};
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      const m = /^\s*([a-z_]+)\s*=\s*([A-Za-z0-9_]+)\s*$/.exec(part);
      if (!m) return { error: `--filter takes key=value pairs separated by commas (keys: ${FILTER_KEYS.join(', ')}), got "${part}"` };
      const key = m[1] as (typeof FILTER_KEYS)[number];
      if (!(FILTER_KEYS as readonly string[]).includes(key)) return { error: `--filter: unknown key "${m[1]}" (keys: ${FILTER_KEYS.join(', ')})` };
      const value = m[2]!; // both groups of the pattern are not optional
      if (!allowed[key].includes(value)) return { error: `--filter ${key}: "${value}" is not one of ${allowed[key].join(', ')}` };
      if (!(filter[key] ??= []).includes(value)) filter[key]!.push(value);
    }
  }
  return { filter };
}

/** The case's social worker or team manager is this person (letter case, spaces and full stops do not matter). */
export function inTeam(data: CaseData, name: string): boolean {
  return [data.team.social_worker, data.team.team_manager].some((who) => who !== undefined && sameSigner(who, name));
}

/** The latest classification recorded by `asOf`, at any point. */
export function latestClassification(data: CaseData, asOf: IsoDate): Classification | undefined {
  const found = DECISION_POINTS.map((p) => latestAt(data.classifications, p, asOf)).filter((f) => f !== undefined);
  // the latest date wins; on a tie, the later entry in the file
  found.sort((a, b) => (a!.record.date < b!.record.date ? -1 : a!.record.date > b!.record.date ? 1 : a!.index - b!.index));
  return found.length > 0 ? found[found.length - 1]!.record : undefined;
}

function matches(c: StatusCase, options: StatusOptions): boolean {
  const { data } = c;
  if (options.team && !inTeam(data, options.team)) return false;
  const f = options.filter ?? {};
  if (f.stage && !f.stage.includes(String(data.stage))) return false;
  if (f.level && !f.level.includes(latestClassification(data, options.asOf)?.level ?? 'none')) return false;
  if (f.cohort && !(data.cohorts ?? []).some((x) => f.cohort!.includes(x))) return false;
  if (f.legal_status && !f.legal_status.includes(data.child.legal_status)) return false;
  if (f.placement && !f.placement.includes(data.child.placement ?? '')) return false;
  return true;
}

// ---------------------------------------------------------------------------
// One case's share of the view
//
// Every metric is worked out from each case's own record (statusPart), then the shares are
// added up (combineStatus). A big caseload can so be read one case at a time, in worker
// threads, and its records never held all at once; buildStatus does both steps for cases
// already read. The shares keep ids, dates and counts only, like the view.

const isOpen = (data: CaseData) => data.stage !== 'closed';
const isReturned = (data: CaseData, asOf: IsoDate) => data.return?.returned != null && !isAfter(data.return.returned, asOf);
const isHome = (data: CaseData, asOf: IsoDate) => data.stage === 5 && isReturned(data, asOf);
const count = <T>(items: readonly T[], keep: (item: T) => boolean) => items.reduce((n, item) => n + (keep(item) ? 1 : 0), 0);
const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const present = <T>(x: T | undefined): x is T => x !== undefined;

type Item<T extends { exceptions: readonly unknown[] }> = T['exceptions'][number];

/** One case's share of every metric, and what the charts of the HTML view need of it. */
export interface StatusPart {
  id: string;
  stage: CaseData['stage'];
  open: boolean;
  /** Open cases: the stage and the latest decision point with a decision. */
  stageCount?: { stage: keyof StageCounts['by_stage']; point: DecisionPoint | 'none' };
  notConsidered?: Item<NotConsidered>;
  overdueTasks?: Item<OverdueTasks>;
  awaiting: SignoffItem[];
  /** The latest level, for an open case; how the level moved between classification points. */
  risk: { level?: Level | 'none'; rc1_to_rc2?: Direction; rc2_to_rc3?: Direction };
  overrides: { classifications: number; exceptions: Overrides['exceptions'] };
  notShared: DecisionsNotShared['exceptions'];
  reviews: ReviewsDue['exceptions'];
  goalsRed?: Item<GoalsRed>;
  goalsOverdue?: Item<GoalsOverdue>;
  homeGoalsStale?: Item<HomeGoalsStale>;
  signedByRecorder: SignedByRecorder['exceptions'];
  sharedBeforeSignoff: SharedBeforeSignoff['exceptions'];
  roleSignoffsMissing: RoleSignoffsMissing['exceptions'];
  home: boolean;
  postReturn?: Item<PostReturnAlerts>;
  returnInProgress: boolean;
  cost?: Item<CostExposure>;
  /** Open cases: the cohorts, each once. */
  cohorts: string[];
  outcome: Record<keyof Outcomes, boolean>;
  /** With `charts`: the team manager, and the latest level on each of chartDates (null: not open then). */
  chart?: { team: string; levels: (Level | 'none' | null)[] };
}

export interface StatusPartOptions extends StatusOptions {
  /** Also work out what the HTML view's charts need. */
  charts?: boolean;
}

function stageCountOf(data: CaseData, asOf: IsoDate): StatusPart['stageCount'] {
  if (!isOpen(data)) return undefined;
  // counted by the decision points of the stages; Decision 1 (the start) is not one of them
  const decisions = (data.decisions ?? []).filter((d) => !isAfter(d.date, asOf)).filter(atStagePoint);
  const lastDate = latest(decisions.map((d) => d.date));
  const last = decisions.filter((d) => d.date === lastDate).pop();
  return { stage: String(data.stage) as keyof StageCounts['by_stage'], point: last?.point ?? 'none' };
}

/** The latest record on or before `asOf` that return home was considered: a cla_review trigger, or a written assessment's recommendation. */
function lastConsidered(data: CaseData, asOf: IsoDate): IsoDate | undefined {
  const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  const dates = [
    ...(data.triggers ?? []).filter((t) => t.type === 'cla_review').map((t) => t.date),
    wa?.status === 'done' && wa.recommendation ? wa.date : undefined,
  ];
  return latest(dates.filter((d) => d !== undefined && !isAfter(d, asOf)));
}

function notConsideredOf(id: string, data: CaseData, asOf: IsoDate, days: number): StatusPart['notConsidered'] {
  const cohorts = data.cohorts ?? [];
  if (!isOpen(data) || cohorts.length === 0) return undefined;
  // a child already home has had return considered: it happened
  if (isReturned(data, asOf)) return undefined;
  const classified = (data.classifications ?? []).some((c) => !isAfter(c.date, asOf));
  const decided = (data.decisions ?? []).some((d) => !isAfter(d.date, asOf));
  if (classified || decided) return undefined;
  const last = lastConsidered(data, asOf);
  if (last && daysBetween(last, asOf) <= days) return undefined;
  return {
    id,
    detail: `in ${cohorts.join(', ')}; no classification or decision, and ${last ? `nothing since ${last}` : 'no record'} that return home was considered`,
    cohorts: [...cohorts],
    last_considered: last ?? null,
  };
}

function overdueTasksOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['overdueTasks'] {
  const clock = stageClock(data, config, asOf);
  if (!clock?.overdue) return undefined;
  const tasks = TASKS_BY_STAGE[clock.stage].filter((t) => {
    const status = Object.hasOwn(data.tasks, t) ? data.tasks[t]?.status : undefined;
    return !(FINISHED_TASK_STATUSES as readonly string[]).includes(status ?? 'todo');
  });
  const over = clock.days - clock.limitWeeks * 7;
  return {
    id,
    detail: `stage ${clock.stage} open ${counted(clock.days, 'day')}, ${over} over its ${clock.limitWeeks}-week timescale; ${tasks.length > 0 ? `open: ${tasks.join(', ')}` : 'its tasks are finished: the next step is due'}`,
    stage: clock.stage,
    days_open: clock.days,
    timescale_weeks: clock.limitWeeks,
    tasks,
  };
}

function riskOf(data: CaseData, asOf: IsoDate): StatusPart['risk'] {
  const risk: StatusPart['risk'] = {};
  if (isOpen(data)) risk.level = latestClassification(data, asOf)?.level ?? 'none';
  const [rc1, rc2, rc3] = DECISION_POINTS.map((p) => latestAt(data.classifications, p, asOf)?.record);
  if (rc1 && rc2) risk.rc1_to_rc2 = directionOf(rc1.level, rc2.level);
  if (rc2 && rc3) risk.rc2_to_rc3 = directionOf(rc2.level, rc3.level);
  return risk;
}

function overridesOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['overrides'] {
  const exceptions: Overrides['exceptions'] = [];
  let classifications = 0;
  for (const c of data.classifications ?? []) {
    if (c.suggested === undefined || isAfter(c.date, asOf)) continue;
    classifications++;
    if (c.level === c.suggested) continue;
    const category = c.override_category ?? null;
    exceptions.push({
      id,
      detail: `${c.point} of ${c.date}: ${c.suggested} suggested, ${c.level} chosen (${category ?? 'no category'})`,
      point: c.point,
      date: c.date,
      suggested: c.suggested,
      level: c.level,
      category,
    });
  }
  return { classifications, exceptions };
}

function notSharedOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['notShared'] {
  const exceptions: DecisionsNotShared['exceptions'] = [];
  for (const { decision, missing } of unsharedDecisions(data, config, asOf)) {
    if (!atStagePoint(decision)) continue;
    const parties = missing.map((m) => m.party);
    exceptions.push({
      id,
      detail: `${decision.point} decision of ${decision.date} not shared with ${parties.join(', ')}`,
      point: decision.point,
      date: decision.date,
      parties,
    });
  }
  return exceptions;
}

function reviewsOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['reviews'] {
  const exceptions: ReviewsDue['exceptions'] = [];
  if (!isOpen(data)) return exceptions;
  const horizon = addDays(asOf, config.status.reviews_due_days);
  const add = (review: ReviewKind, due: IsoDate, overdue: boolean) => {
    const what =
      review === 'cla'
        ? 'CLA review'
        : review === 'post_return_visit'
          ? 'visit with the child seen alone'
          : 'post-return classification (rc3_post_return) after the unplanned return';
    const when = overdue ? `overdue by ${counted(daysBetween(due, asOf), 'day')} (due ${due})` : `due ${due}, in ${counted(daysBetween(asOf, due), 'day')}`;
    exceptions.push({ id, detail: `${what} ${when}`, review, due, overdue });
  };
  if (isLookedAfter(data, asOf)) {
    const { due } = nextClaReviewDue(data, config, asOf);
    if (isAfter(asOf, due)) add('cla', due, true);
    else if (!isAfter(due, horizon)) add('cla', due, false);
  }
  const window = postReturnWindow(data, config, asOf);
  if (window) {
    const { due } = nextSeenAloneVisitDue(window);
    if (visitDueInWindow(data, window, due)) {
      if (visitOverdue(window, due)) add('post_return_visit', due, true);
      else if (!isAfter(due, horizon)) add('post_return_visit', due, false);
    }
  }
  // overdue exactly when rule timeliness/rc3-after-unplanned-return warns
  const rc3 = rc3AfterUnplannedReturnOverdue(data, config, asOf);
  if (rc3) add('rc3_post_return', rc3.due, true);
  return exceptions;
}

function goalsRedOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['goalsRed'] {
  if (!isOpen(data) || !data.agreement) return undefined;
  const goals = data.agreement.goals ?? [];
  const red = goals.filter((g) => lastRagUpdate(g)?.rag === 'red').map((g, i) => g.id ?? `goal ${i + 1}`);
  const stale = staleGoals(data, config, asOf).map((s) => s.goal.id ?? `goal ${s.index + 1}`);
  if (red.length === 0 && stale.length === 0) return undefined;
  const parts = [
    red.length > 0 ? `red: ${red.join(', ')}` : '',
    stale.length > 0 ? `no rating for over ${counted(config.reviews.goal_rag_stale_days, 'day')}: ${stale.join(', ')}` : '',
  ];
  return { id, detail: parts.filter(Boolean).join('; '), red, stale };
}

function goalsOverdueOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['goalsOverdue'] {
  if (!isOpen(data) || !data.agreement) return undefined;
  const goals: Item<GoalsOverdue>['goals'] = [];
  (data.agreement.goals ?? []).forEach((g, i) => {
    if (!g.by || !isAfter(asOf, g.by)) return;
    const rag = lastRagUpdate(g, asOf)?.rag ?? null;
    if (rag !== 'green') goals.push({ goal: g.id ?? `goal ${i + 1}`, by: g.by, rag });
  });
  if (goals.length === 0) return undefined;
  return { id, detail: goals.map((g) => `${g.goal} due ${g.by}, ${g.rag ?? 'not rated'}`).join('; '), goals };
}

function homeGoalsStaleOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['homeGoalsStale'] {
  if (data.stage !== 5 || !data.agreement) return undefined;
  const staleDays = config.status.home_goal_stale_days;
  const goals: Item<HomeGoalsStale>['goals'] = [];
  (data.agreement.goals ?? []).forEach((g, i) => {
    const last = lastRagUpdate(g, asOf);
    // rated green with its date passed: the goal is met (as stage3/goal-rag-stale reads it)
    if (last?.rag === 'green' && !(g.by && isAfter(g.by, asOf))) return;
    const days = last ? daysBetween(last.date, asOf) : null;
    if (days === null || days > staleDays) goals.push({ goal: g.id ?? `goal ${i + 1}`, last_rated: last?.date ?? null, days });
  });
  if (goals.length === 0) return undefined;
  return {
    id,
    detail: goals.map((g) => (g.last_rated ? `${g.goal} last rated ${g.last_rated}, ${counted(g.days!, 'day')} ago` : `${g.goal} never rated`)).join('; '),
    goals,
  };
}

/** The one person who made a classification, or undefined when it was made by several together. */
function soleClassifier(by: Classification['by']): string | undefined {
  const names = classifiers(by);
  return names.length === 1 ? names[0] : undefined;
}

function signedByRecorderOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['signedByRecorder'] {
  const exceptions: SignedByRecorder['exceptions'] = [];
  const items: {
    kind: 'written_assessment' | 'classification';
    point: DecisionPoint | null;
    pointer: string;
    date?: IsoDate;
    by?: string;
    signed?: { by: string; date: IsoDate };
  }[] = [];
  const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  if (wa) items.push({ kind: 'written_assessment', point: null, pointer: '/tasks/written_assessment', date: wa.date, by: wa.by, signed: wa.signed_off });
  (data.classifications ?? []).forEach((c, i) =>
    // made together (RC2: manager and worker), a second person was in it: only a classification made alone can be self-signed
    items.push({ kind: 'classification', point: c.point, pointer: `/classifications/${i}`, date: c.date, by: soleClassifier(c.by), signed: c.signed_off }),
  );
  for (const it of items) {
    if (!it.by || !it.date || !it.signed || isAfter(it.signed.date, asOf) || !sameSigner(it.by, it.signed.by)) continue;
    const what = it.kind === 'written_assessment' ? 'written_assessment' : `classification:${it.point}`;
    exceptions.push({
      id,
      detail: `${what} of ${it.date} signed off on ${it.signed.date} by the person who recorded it`,
      kind: it.kind,
      point: it.point,
      pointer: it.pointer,
      date: it.date,
      signed_off: it.signed.date,
    });
  }
  return exceptions;
}

function roleSignoffsMissingOf(id: string, data: CaseData, config: ReunifyConfig, asOf: IsoDate): StatusPart['roleSignoffsMissing'] {
  // open cases: a closed case's sign-offs are a matter for audit, not for action now
  return (isOpen(data) ? missingRoleSignoffs(data, config, asOf) : []).map((m) => ({
    id,
    detail: `${m.point} decision of ${m.date} (${m.outcome}) needs a sign-off by ${m.label} (${m.role})`,
    point: m.point,
    date: m.date,
    outcome: m.outcome,
    role: m.role,
    label: m.label,
  }));
}

/** Parties that are professionals, not the family. */
const PROFESSIONAL_PARTIES = new Set(['iro', 'childrens_guardian', 'social_worker', 'team_manager']);

function sharedBeforeSignoffOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['sharedBeforeSignoff'] {
  const exceptions: SharedBeforeSignoff['exceptions'] = [];
  for (const decision of data.decisions ?? []) {
    if (!atStagePoint(decision) || isAfter(decision.date, asOf)) continue;
    const signed = decision.signed_off && !isAfter(decision.signed_off.date, asOf) ? decision.signed_off.date : null;
    // told on an earlier day than the sign-off (the same day cannot be put in order), or told with no sign-off yet
    const early = (decision.shared ?? [])
      .filter((r): r is typeof r & { date: IsoDate } => r.date !== undefined && !isAfter(r.date, asOf) && !PROFESSIONAL_PARTIES.has(r.party))
      .filter((r) => signed === null || isAfter(signed, r.date))
      .map((r) => ({ party: r.party, date: r.date }));
    if (early.length === 0) continue;
    exceptions.push({
      id,
      detail: `${decision.point} decision of ${decision.date} shared with ${early.map((e) => `${e.party} on ${e.date}`).join(', ')}, ${signed ? `signed off ${signed}` : 'not signed off'}`,
      point: decision.point,
      date: decision.date,
      signed_off: signed,
      parties: early,
    });
  }
  return exceptions;
}

function postReturnOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['postReturn'] {
  if (!isHome(data, asOf)) return undefined;
  const returned = data.return!.returned!;
  const alerts: Item<PostReturnAlerts>['alerts'] = [];
  const details: string[] = [];
  const missing = (data.triggers ?? []).filter((t) => t.type === 'missing_episode' && isAfter(t.date, returned) && !isAfter(t.date, asOf)).map((t) => t.date);
  if (missing.length > 0) {
    alerts.push('missing_episode');
    details.push(`missing since the return on ${missing.sort().join(', ')}`);
  }
  // the entries that stand on the as-of date, read as classify and supervise read them
  const adult = factorConcern(data, 'new_household_adult', asOf);
  if (adult !== undefined) {
    alerts.push('new_household_adult');
    details.push(`new_household_adult ${adult}`);
  }
  if (data.return?.unplanned === true) {
    alerts.push('unplanned_return');
    details.push(`unplanned return on ${returned}`);
  }
  if (alerts.length === 0) return undefined;
  return { id, detail: details.join('; '), alerts, returned, missing_since_return: missing, new_household_adult: adult ?? null };
}

export const COST_EXPOSURE_LABEL = 'Illustration only: an estimate from national average costs, not a forecast';

function hasSupport(data: CaseData): boolean {
  return (data.return?.support_package ?? []).some((s) => s.delivered !== 'not_delivered' && s.delivered !== 'ended');
}

function costOf(id: string, data: CaseData, asOf: IsoDate): StatusPart['cost'] {
  if (data.stage !== 5) return undefined;
  const level = latestClassification(data, asOf)?.level ?? null;
  const highRisk = level === 'high' || level === 'very_high';
  // a return never classified is not a safe one: missing information is never safety
  const unclassified = level === null;
  const withoutSupport = !hasSupport(data);
  if (!highRisk && !unclassified && !withoutSupport) return undefined;
  const why = [
    highRisk ? `latest level ${level}` : '',
    unclassified ? (data.return?.unplanned === true ? 'unplanned return not classified' : 'not classified') : '',
    withoutSupport ? 'no support in place' : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { id, detail: why, level, without_support: withoutSupport, unclassified, unplanned: data.return?.unplanned === true };
}

function outcomeOf(data: CaseData, asOf: IsoDate): StatusPart['outcome'] {
  const closedAs = (status: string) => data.stage === 'closed' && data.outcome?.status === status;
  const sd = data.return?.step_down;
  return {
    home_now: isHome(data, asOf),
    at_home: closedAs('at_home'),
    stepped_down: sd != null && !isAfter(sd.date, asOf),
    not_returned: closedAs('not_returned'),
    re_entered_care: closedAs('re_entered_care'),
  };
}

/** The dates the HTML view's risk chart shows: the end of each of the last six months, and the as-of date. */
export function chartDates(asOf: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [asOf];
  // the last day of the month before the earliest date so far
  for (let i = 0; i < 6; i++) dates.unshift(addDays(`${dates[0]!.slice(0, 8)}01`, -1));
  return dates;
}

/** Open on `date`: opened by then, and not closed by then. */
function openOn(data: CaseData, date: IsoDate): boolean {
  if (isAfter(data.opened, date)) return false;
  if (data.stage !== 'closed') return true;
  const closed = data.outcome?.date;
  return closed !== undefined && isAfter(closed, date);
}

function chartOf(data: CaseData, asOf: IsoDate): StatusPart['chart'] {
  return {
    team: data.team.team_manager?.trim() || 'No team manager named',
    levels: chartDates(asOf).map((date) => (openOn(data, date) ? (latestClassification(data, date)?.level ?? 'none') : null)),
  };
}

/** One case's share of the view, or undefined when the view's team or filter leaves it out. */
export function statusPart(c: StatusCase, options: StatusPartOptions): StatusPart | undefined {
  if (!matches(c, options)) return undefined;
  const { id, data } = c;
  const { asOf, config } = options;
  const part: StatusPart = {
    id,
    stage: data.stage,
    open: isOpen(data),
    stageCount: stageCountOf(data, asOf),
    notConsidered: notConsideredOf(id, data, asOf, config.status.not_considered_days),
    overdueTasks: overdueTasksOf(id, data, config, asOf),
    awaiting: awaitingSignoff(id, data, asOf),
    risk: riskOf(data, asOf),
    overrides: overridesOf(id, data, asOf),
    notShared: notSharedOf(id, data, config, asOf),
    reviews: reviewsOf(id, data, config, asOf),
    goalsRed: goalsRedOf(id, data, config, asOf),
    goalsOverdue: goalsOverdueOf(id, data, asOf),
    homeGoalsStale: homeGoalsStaleOf(id, data, config, asOf),
    signedByRecorder: signedByRecorderOf(id, data, asOf),
    sharedBeforeSignoff: sharedBeforeSignoffOf(id, data, asOf),
    roleSignoffsMissing: roleSignoffsMissingOf(id, data, config, asOf),
    home: isHome(data, asOf),
    postReturn: postReturnOf(id, data, asOf),
    returnInProgress: data.stage === 5,
    cost: costOf(id, data, asOf),
    cohorts: isOpen(data) ? [...new Set(data.cohorts ?? [])] : [],
    outcome: outcomeOf(data, asOf),
  };
  if (options.charts) part.chart = chartOf(data, asOf);
  return part;
}

// ---------------------------------------------------------------------------
// Adding up the shares

const casesNamed = (exceptions: readonly { id: string }[]) => new Set(exceptions.map((e) => e.id)).size;

function awaiting(parts: readonly StatusPart[]): AwaitingSignoff {
  const queue = parts.flatMap((p) => p.awaiting).sort(compareSignoffItems);
  const by_kind = zeros(['written_assessment', 'classification', 'decision'] as const);
  for (const item of queue) by_kind[item.kind]++;
  return {
    count: queue.length,
    cases: new Set(queue.map((q) => q.caseId)).size,
    by_kind,
    exceptions: queue.map((q) => ({
      id: q.caseId,
      detail: `${q.item} of ${q.date}, waiting ${counted(q.waitingDays, 'day')}`,
      item: q.item,
      pointer: q.pointer,
      date: q.date,
      waiting_days: q.waitingDays,
    })),
  };
}

function riskMix(parts: readonly StatusPart[]): RiskMix {
  const by_level = zeros([...LEVELS, 'none'] as const);
  const rc1_to_rc2 = zeros(['up', 'down', 'same'] as const);
  const rc2_to_rc3 = zeros(['up', 'down', 'same'] as const);
  for (const { risk } of parts) {
    if (risk.level !== undefined) by_level[risk.level]++;
    if (risk.rc1_to_rc2) rc1_to_rc2[risk.rc1_to_rc2]++;
    if (risk.rc2_to_rc3) rc2_to_rc3[risk.rc2_to_rc3]++;
  }
  return { by_level, movement: { rc1_to_rc2, rc2_to_rc3 } };
}

function overrides(parts: readonly StatusPart[], config: ReunifyConfig): Overrides {
  const by_category: Record<string, number> = { ...zeros(domainIdsOf(config).overrideCategories), none: 0 };
  const exceptions = parts.flatMap((p) => p.overrides.exceptions);
  for (const e of exceptions) by_category[e.category ?? 'none'] = (by_category[e.category ?? 'none'] ?? 0) + 1;
  const classifications = parts.reduce((n, p) => n + p.overrides.classifications, 0);
  const rate = classifications > 0 ? Math.round((exceptions.length / classifications) * 1000) / 1000 : null;
  return { count: exceptions.length, classifications, rate, by_category, exceptions };
}

function reviewsDue(parts: readonly StatusPart[], config: ReunifyConfig): ReviewsDue {
  const exceptions = parts.flatMap((p) => p.reviews);
  const tally = (review: ReviewKind) => ({
    overdue: count(exceptions, (e) => e.review === review && e.overdue),
    due_soon: count(exceptions, (e) => e.review === review && !e.overdue),
  });
  return {
    within_days: config.status.reviews_due_days,
    overdue: count(exceptions, (e) => e.overdue),
    due_soon: count(exceptions, (e) => !e.overdue),
    cla: tally('cla'),
    post_return_visits: tally('post_return_visit'),
    rc3_after_unplanned_return: { overdue: tally('rc3_post_return').overdue, within_days: config.reviews.rc3_after_unplanned_return_days },
    exceptions,
  };
}

function postReturnAlerts(parts: readonly StatusPart[]): PostReturnAlerts {
  const exceptions = parts.map((p) => p.postReturn).filter(present);
  const tally = (alert: Item<PostReturnAlerts>['alerts'][number]) => count(exceptions, (e) => e.alerts.includes(alert));
  return {
    home: count(parts, (p) => p.home),
    count: exceptions.length,
    missing_episode: tally('missing_episode'),
    new_household_adult: tally('new_household_adult'),
    unplanned_return: tally('unplanned_return'),
    exceptions,
  };
}

function costExposure(parts: readonly StatusPart[], config: ReunifyConfig): CostExposure {
  const figures = costFigures(config);
  const exceptions = parts.map((p) => p.cost).filter(present);
  const inProgress = count(parts, (p) => p.returnInProgress);
  return {
    label: COST_EXPOSURE_LABEL,
    preset: figures.preset,
    source: figures.source,
    year: figures.year,
    currency: figures.currency,
    figures: { failed_return: figures.failedReturn, support: figures.support },
    returns_in_progress: inProgress,
    support_cost: inProgress * figures.support,
    at_risk: exceptions.length,
    failed_return_cost_if_broken_down: exceptions.length * figures.failedReturn,
    exceptions,
  };
}

/** Open cases by stage and by the latest decision point with a decision. */
function stageCounts(parts: readonly StatusPart[]): StageCounts {
  const by_stage = zeros(['1', '2', '3', '4', '5'] as const);
  const by_decision_point = zeros([...DECISION_POINTS, 'none'] as const);
  for (const { stageCount } of parts) {
    if (!stageCount) continue;
    by_stage[stageCount.stage]++;
    by_decision_point[stageCount.point]++;
  }
  return { open: count(parts, (p) => p.open), closed: count(parts, (p) => !p.open), by_stage, by_decision_point };
}

function cohortCounts(parts: readonly StatusPart[], config: ReunifyConfig): Record<string, number> {
  const out = zeros(domainIdsOf(config).cohorts);
  for (const p of parts) for (const cohort of p.cohorts) out[cohort] = (out[cohort] ?? 0) + 1;
  return out;
}

function outcomes(parts: readonly StatusPart[]): Outcomes {
  const tally = (key: keyof Outcomes) => count(parts, (p) => p.outcome[key]);
  return {
    home_now: tally('home_now'),
    at_home: tally('at_home'),
    stepped_down: tally('stepped_down'),
    not_returned: tally('not_returned'),
    re_entered_care: tally('re_entered_care'),
  };
}

// Lower comes first: harm at home, then statutory lapses, then drift.
const PRIORITY: Record<MetricId, number> = {
  post_return_alerts: 1,
  reviews_due: 2,
  decisions_not_shared: 2,
  goals_red: 3,
  goals_overdue: 3,
  home_goals_stale: 3,
  shared_before_signoff: 3,
  role_signoffs_missing: 4,
  signed_by_recorder: 9,
  not_considered: 3,
  awaiting_signoff: 4,
  overdue_tasks: 4,
  stage_counts: 9,
  risk_mix: 9,
  overrides: 9,
  cost_exposure: 9,
};

function attention(view: Omit<StatusView, 'attention'>, parts: readonly StatusPart[], limit: number): AttentionCase[] {
  const byCase = new Map<string, AttentionCase>();
  const stageOf = new Map(parts.map((p) => [p.id, p.stage]));
  const add = (metric: MetricId, id: string, text: string) => {
    let entry = byCase.get(id);
    if (!entry) byCase.set(id, (entry = { id, stage: stageOf.get(id) ?? 'closed', reasons: [] }));
    entry.reasons.push({ metric, text });
  };
  for (const e of view.post_return_alerts.exceptions) add('post_return_alerts', e.id, e.detail);
  for (const e of view.reviews_due.exceptions) if (e.overdue) add('reviews_due', e.id, e.detail);
  for (const e of view.decisions_not_shared.exceptions) add('decisions_not_shared', e.id, e.detail);
  for (const e of view.goals_red.exceptions) add('goals_red', e.id, `goals ${e.detail}`);
  for (const e of view.goals_overdue.exceptions) add('goals_overdue', e.id, `goals past their date: ${e.detail}`);
  for (const e of view.home_goals_stale.exceptions) add('home_goals_stale', e.id, `goals at home not rated recently: ${e.detail}`);
  for (const e of view.shared_before_signoff.exceptions) add('shared_before_signoff', e.id, e.detail);
  for (const e of view.not_considered.exceptions) add('not_considered', e.id, e.detail);
  for (const e of view.awaiting_signoff.exceptions) add('awaiting_signoff', e.id, `awaiting sign-off: ${e.detail}`);
  for (const e of view.role_signoffs_missing.exceptions) add('role_signoffs_missing', e.id, e.detail);
  for (const e of view.overdue_tasks.exceptions) add('overdue_tasks', e.id, e.detail);
  const top = (a: AttentionCase) => Math.min(...a.reasons.map((r) => PRIORITY[r.metric]));
  for (const entry of byCase.values()) entry.reasons.sort((a, b) => PRIORITY[a.metric] - PRIORITY[b.metric]);
  return [...byCase.values()].sort((a, b) => top(a) - top(b) || b.reasons.length - a.reasons.length || a.id.localeCompare(b.id)).slice(0, limit);
}

/** The view from the shares of the cases it counts, in the caseload's order. Pure. */
export function combineStatus(parts: readonly StatusPart[], options: StatusOptions): StatusView {
  const { asOf, config } = options;
  const hasFilter = options.filter !== undefined && Object.keys(options.filter).length > 0;
  const notConsidered = parts.map((p) => p.notConsidered).filter(present);
  const overdue = parts.map((p) => p.overdueTasks).filter(present);
  const notShared = parts.flatMap((p) => p.notShared);
  const red = parts.map((p) => p.goalsRed).filter(present);
  const pastDate = parts.map((p) => p.goalsOverdue).filter(present);
  const homeStale = parts.map((p) => p.homeGoalsStale).filter(present);
  const selfSigned = parts.flatMap((p) => p.signedByRecorder);
  const sharedEarly = parts.flatMap((p) => p.sharedBeforeSignoff);
  const roleMissing = parts.flatMap((p) => p.roleSignoffsMissing);
  const view: Omit<StatusView, 'attention'> = {
    version: 1,
    as_of: asOf,
    organisation: config.organisation,
    scope: {
      cases: parts.length,
      open: count(parts, (p) => p.open),
      closed: count(parts, (p) => !p.open),
      skipped: options.skipped ?? 0,
      team: options.team ?? null,
      filter: hasFilter ? options.filter! : null,
      shared: false,
    },
    stage_counts: stageCounts(parts),
    not_considered: { count: notConsidered.length, within_days: config.status.not_considered_days, exceptions: notConsidered },
    overdue_tasks: { count: overdue.reduce((n, e) => n + e.tasks.length, 0), cases: overdue.length, exceptions: overdue },
    awaiting_signoff: awaiting(parts),
    risk_mix: riskMix(parts),
    overrides: overrides(parts, config),
    decisions_not_shared: { count: notShared.length, cases: casesNamed(notShared), exceptions: notShared },
    reviews_due: reviewsDue(parts, config),
    goals_red: {
      count: red.length,
      red: count(red, (e) => e.red.length > 0),
      stale: count(red, (e) => e.stale.length > 0),
      stale_days: config.reviews.goal_rag_stale_days,
      exceptions: red,
    },
    goals_overdue: { count: pastDate.length, goals: pastDate.reduce((n, e) => n + e.goals.length, 0), exceptions: pastDate },
    home_goals_stale: { count: homeStale.length, stale_days: config.status.home_goal_stale_days, exceptions: homeStale },
    signed_by_recorder: { count: selfSigned.length, cases: casesNamed(selfSigned), exceptions: selfSigned },
    shared_before_signoff: { count: sharedEarly.length, cases: casesNamed(sharedEarly), exceptions: sharedEarly },
    role_signoffs_missing: { count: roleMissing.length, cases: casesNamed(roleMissing), exceptions: roleMissing },
    post_return_alerts: postReturnAlerts(parts),
    cost_exposure: costExposure(parts, config),
    cohorts: cohortCounts(parts, config),
    outcomes: outcomes(parts),
  };
  // the attention list comes first, after the scope, so a reader of the JSON meets it first too
  const { version, as_of, organisation, scope, ...metrics } = view;
  return { version, as_of, organisation, scope, attention: attention(view, parts, config.status.attention_limit), ...metrics };
}

/** The caseload view on `asOf`. Pure: the same cases, date and settings always give the same view. */
export function buildStatus(all: readonly StatusCase[], options: StatusOptions): StatusView {
  return combineStatus(all.map((c) => statusPart(c, options)).filter(present), options);
}
