// When things fall due: CLA reviews, visits in the first months home, and how long
// the current stage has been open. The timeliness rules and the caseload status
// view both read these, so a review is "overdue" in exactly one way.
import type { CaseData, Classification, Decision, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { addDays, addMonths, addWorkingDays, daysBetween, earliest, isAfter, latest, latestOnOrBefore } from '../text/dates.js';
import { COURT_TIMETABLE_WEEKS, TASKS_BY_STAGE, type StageNumber } from '../model/ids.js';

type Settings = Pick<ReunifyConfig, 'reviews' | 'bank_holidays'>;

/** Still looked after on `asOf`: under a care order a child placed at home stays looked after; under s20 a return ends it. */
export function isLookedAfter(data: CaseData, asOf: IsoDate): boolean {
  if (data.stage === 'closed' || data.child.legal_status === 'not_looked_after' || !data.child.looked_after_since) return false;
  const returned = data.return?.returned;
  if (data.stage === 5 && returned && !isAfter(returned, asOf)) return ['s31', 's38'].includes(data.child.legal_status);
  return true;
}

/**
 * The date care proceedings should end by: the `court.week_26` the court set, else 26 weeks
 * from the issue date. Undefined when neither is recorded.
 */
export function courtDeadline(data: CaseData): { date: IsoDate; basis: 'recorded' | 'derived' } | undefined {
  const court = data.court;
  if (court?.week_26) return { date: court.week_26, basis: 'recorded' };
  if (court?.issued) return { date: addDays(court.issued, COURT_TIMETABLE_WEEKS * 7), basis: 'derived' };
  return undefined;
}

/** CLA reviews of this care episode already held on `asOf` (planned later dates do not count yet), oldest first. */
export function claReviewsHeld(data: CaseData, asOf: IsoDate): IsoDate[] {
  const since = data.child.looked_after_since;
  if (!since) return [];
  return (data.cla_reviews ?? []).filter((d) => !isAfter(since, d) && !isAfter(d, asOf)).sort();
}

/** The next CLA review's due date and how it was worked out. */
export function nextClaReviewDue(data: CaseData, config: Settings, asOf: IsoDate): { due: IsoDate; basis: string; heldAny: boolean } {
  const { reviews, bank_holidays } = config;
  // only asked of a looked-after child, whose schema requires the date; the opening date stands in otherwise
  const since = data.child.looked_after_since ?? data.opened;
  const held = claReviewsHeld(data, asOf);
  const last = held.at(-1);
  if (last === undefined) {
    return {
      due: addWorkingDays(since, reviews.cla_first_working_days, bank_holidays),
      basis: `the first review is due within ${reviews.cla_first_working_days} working days of becoming looked after on ${since}`,
      heldAny: false,
    };
  }
  const months = held.length === 1 ? reviews.cla_second_months : reviews.cla_then_months;
  const which = held.length === 1 ? 'the second review is due' : 'reviews are due';
  return { due: addMonths(last, months), basis: `${which} within ${months} months of the review on ${last}`, heldAny: true };
}

export interface PostReturnWindow {
  returned: IsoDate;
  /** The window's last day: N months after the return, the as-of date or closure, whichever comes first. */
  end: IsoDate;
  weeks: number;
  months: number;
  /** Visits with the child seen alone inside the window, oldest first, with their index in `return.visits`. */
  seenAlone: { date: IsoDate; index: number }[];
}

/** The first months home, when the child should be seen alone every few weeks; undefined before the return. */
export function postReturnWindow(data: CaseData, config: Settings, asOf: IsoDate): PostReturnWindow | undefined {
  const returned = data.return?.returned;
  if (!returned || isAfter(returned, asOf)) return undefined;
  const { post_return_visit_weeks: weeks, post_return_visit_months: months } = config.reviews;
  const closedOn = data.stage === 'closed' ? (data.outcome?.date ?? returned) : undefined;
  const end = earliest([addMonths(returned, months), asOf, closedOn]) ?? asOf;
  const seenAlone = (data.return?.visits ?? [])
    .map((visit, index) => ({ date: visit.date, index, alone: visit.seen_alone === true }))
    .filter((v) => v.alone && !isAfter(returned, v.date) && !isAfter(v.date, end))
    .sort((a, b) => daysBetween(b.date, a.date))
    .map(({ date, index }) => ({ date, index }));
  return { returned, end, weeks, months, seenAlone };
}

/** When the next seen-alone visit falls due: N weeks after the last one (or the return). */
export function nextSeenAloneVisitDue(window: PostReturnWindow): { due: IsoDate; since: IsoDate } {
  const last = window.seenAlone.at(-1)?.date ?? window.returned;
  return { due: addDays(last, window.weeks * 7), since: last };
}

/** Whether a visit due on `due` still falls inside the first months home of an open case (later ones are not due under this rule). */
export function visitDueInWindow(data: CaseData, window: PostReturnWindow, due: IsoDate): boolean {
  return data.stage !== 'closed' && isAfter(addMonths(window.returned, window.months), due);
}

/** Overdue as the rule sees it: the window ran past the due date. */
export function visitOverdue(window: PostReturnWindow, due: IsoDate): boolean {
  return isAfter(window.end, due);
}

/** A decision counts once the manager has signed it off (design.md: unsigned, it is a proposal). */
function signedOffBy(decision: Decision, asOf: IsoDate): boolean {
  return decision.signed_off !== undefined && !isAfter(decision.signed_off.date, asOf);
}

/** The decision that stands on `asOf`: the latest signed-off one, at any decision point. */
export function standingDecision(data: CaseData, asOf: IsoDate): Decision | undefined {
  return latestOnOrBefore(data.decisions, asOf, (d) => signedOffBy(d, asOf))?.item;
}

/** The latest signed-off Decision 3 to extend_work on or before `asOf`: stage 3 work, then a new RC2, run again from it. */
export function latestExtension(data: CaseData, asOf: IsoDate): Decision | undefined {
  return latestOnOrBefore(data.decisions, asOf, (d) => d.point === 'rc2_d3' && d.outcome === 'extend_work' && signedOffBy(d, asOf))?.item;
}

/** When a stage began: when the previous stage's last task was done (its gate met), or a later extend_work decision. */
export function stageStart(data: CaseData, stage: StageNumber, asOf?: IsoDate): { date: IsoDate; from: string; extended?: true } {
  const start = previousStageDone(data, stage);
  // extend_work sends the case back to stage 3 goals and a new RC2 (docs/framework.md Stage 4): stages 3 and 4 run again from it
  const extension = asOf !== undefined && (stage === 3 || stage === 4) ? latestExtension(data, asOf) : undefined;
  if (extension && isAfter(extension.date, start.date)) return { date: extension.date, from: 'the extend_work decision (Decision 3)', extended: true };
  return start;
}

function previousStageDone(data: CaseData, stage: StageNumber): { date: IsoDate; from: string } {
  if (stage > 1) {
    const tasks = data.tasks;
    const done = latest(TASKS_BY_STAGE[(stage - 1) as StageNumber].map((task) => (Object.hasOwn(tasks, task) ? tasks[task]?.date : undefined)));
    if (done) return { date: done, from: `stage ${stage - 1} work finished` };
    // An unplanned return starts stage 5 without stage 4 work.
    if (stage === 5 && data.return?.returned) return { date: data.return.returned, from: 'the return home' };
  }
  return { date: data.opened, from: 'the case opened' };
}

export interface StageClock {
  stage: StageNumber;
  start: IsoDate;
  from: string;
  /** Days open on the as-of date. */
  days: number;
  /** The local timescale (timescales.stage_weeks) in weeks. */
  limitWeeks: number;
  /** How the limit is made up, when it is more than the stage's own timescale. */
  limitBasis?: string;
  /** Open longer than the timescale. */
  overdue: boolean;
}

/**
 * How long an open case's current stage has been open against its local timescale; undefined when closed,
 * when no timescale is set, or when the standing decision is no_return (the case has left the pathway until
 * a trigger reopens it, docs/framework.md Stage 2, so no stage is running).
 */
export function stageClock(data: CaseData, config: Pick<ReunifyConfig, 'timescales'>, asOf: IsoDate): StageClock | undefined {
  if (data.stage === 'closed') return undefined;
  if (standingDecision(data, asOf)?.outcome === 'no_return') return undefined;
  const stageWeeks = config.timescales.stage_weeks;
  const weeks = stageWeeks[String(data.stage)];
  if (weeks === undefined) return undefined;
  const start = stageStart(data, data.stage, asOf);
  let limitWeeks = weeks;
  let limitBasis: string | undefined;
  // At stage 4 with no stage 3 task dated since the extension, the time since it covers the extended stage 3 work too.
  const stage3Weeks = stageWeeks['3'];
  if (start.extended && data.stage === 4 && stage3Weeks !== undefined) {
    limitWeeks = stage3Weeks + weeks;
    limitBasis = `${stage3Weeks} for the extended stage 3 work and ${weeks} for stage 4`;
  }
  const days = daysBetween(start.date, asOf);
  return { stage: data.stage, start: start.date, from: start.from, days, limitWeeks, ...(limitBasis ? { limitBasis } : {}), overdue: days > limitWeeks * 7 };
}

/**
 * The next post-return review as the latest RC3 decision (on or before `asOf`) set it with
 * `next_review`, and how many days it is late on `asOf` (0 when not yet due, or when an RC3
 * classification was made on or after that date). Undefined when no RC3 decision sets one,
 * or the case is closed.
 */
export function nextPostReturnReview(data: CaseData, asOf: IsoDate): { date: IsoDate; late: number; decisionIndex: number } | undefined {
  if (data.stage === 'closed') return undefined;
  let found: { date: IsoDate; decided: IsoDate; decisionIndex: number } | undefined;
  (data.decisions ?? []).forEach((d, i) => {
    if (d.point !== 'rc3_post_return' || isAfter(d.date, asOf)) return;
    if (!found || !isAfter(found.decided, d.date)) found = d.next_review ? { date: d.next_review, decided: d.date, decisionIndex: i } : undefined;
  });
  if (!found) return undefined;
  const { date, decided, decisionIndex } = found;
  // a later RC3 (after the decision that set the date) is the review held
  const held = (data.classifications ?? []).some((c) => c.point === 'rc3_post_return' && isAfter(c.date, decided) && !isAfter(c.date, asOf));
  return { date, late: held || !isAfter(asOf, date) ? 0 : daysBetween(date, asOf), decisionIndex };
}

export interface Rc3AfterUnplannedReturn {
  returned: IsoDate;
  /** reviews.rc3_after_unplanned_return_days */
  days: number;
  due: IsoDate;
  /** Days past `due` on the as-of date (at least 1). */
  late: number;
  /** The latest RC3 recorded since the return without a sign-off by the as-of date, if any. */
  unsigned?: { record: Classification; index: number };
}

/**
 * An unplanned return whose post-return classification (rc3_post_return, signed off) is overdue on `asOf`,
 * or undefined. Rule timeliness/rc3-after-unplanned-return and the status view's reviews_due both read this.
 */
export function rc3AfterUnplannedReturnOverdue(data: CaseData, config: Pick<ReunifyConfig, 'reviews'>, asOf: IsoDate): Rc3AfterUnplannedReturn | undefined {
  const returned = data.return?.returned;
  if (data.stage === 'closed' || data.return?.unplanned !== true || !returned || isAfter(returned, asOf)) return undefined;
  const days = config.reviews.rc3_after_unplanned_return_days;
  const due = addDays(returned, days);
  if (!isAfter(asOf, due)) return undefined;
  // RC3 records made after the return and by the as-of date; a sign-off dated later had not happened yet
  const rc3 = (data.classifications ?? [])
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => record.point === 'rc3_post_return' && !isAfter(returned, record.date) && !isAfter(record.date, asOf));
  if (rc3.some(({ record }) => record.signed_off !== undefined && !isAfter(record.signed_off.date, asOf))) return undefined;
  const unsigned = rc3.reduce<(typeof rc3)[number] | undefined>((last, r) => (last && isAfter(last.record.date, r.record.date) ? last : r), undefined);
  return { returned, days, due, late: daysBetween(due, asOf), ...(unsigned ? { unsigned } : {}) };
}
