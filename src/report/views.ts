// View models for the written products (docs/framework.md §6): one complete object per
// report, every key present ("Not recorded" where the case has nothing), so that
// templates in strict mode can rely on them. Pure: the case, its body sections,
// the config and the as-of date in; plain data out.
import { atStagePoint, type CaseData, type Classification, type Decision, type Person, type SignOff, type TaskRecord } from '../core/model/caseTypes.js';
import { assess, classify, factorCatalogue, isSuperseded, type Contribution } from '../core/classify/classify.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { addDays, ageOn, isAfter, latest } from '../core/text/dates.js';
import { DECISION_POINTS, STAGES, type DecisionPoint } from '../core/model/ids.js';
import { compareWithBaseline, directionOf } from '../core/classify/reclassify.js';
import { recomputeSuggestion, whyDiffers } from '../core/classify/recomputed.js';
import { hasReached, STAGE_OF_POINT } from '../core/workflow/stageProgress.js';
import { hasText, latestAt } from '../core/rules/recordReaders.js';
import { classifiersText } from '../core/classify/classificationRecord.js';
import { requiredParties } from '../core/workflow/sharing.js';
import { requiredRoleSignoffs, roleLabel } from '../core/workflow/signoff.js';
import { nextPostReturnReview, rc3AfterUnplannedReturnOverdue } from '../core/status/timeliness.js';
import { textBlocks, type TextBlock } from './bodyText.js';
import type { BodySection } from './family.js';
import { GENOGRAM_KEY, layoutGenogram } from './genogram.js';
import { NOT_RECORDED, POINT_NAMES, POINT_SHORT, ageText, idWords, longDate } from './words.js';
import { headingIs } from '../core/parse/sectionHeadings.js';

export const REPORT_TYPES = ['assessment', 'decision', 'agreement', 'transition', 'review'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export interface ViewInput {
  data: CaseData;
  sections: readonly BodySection[];
  config: ReunifyConfig;
  asOf: string;
  /** Ref (or name) of the family reader the copy is for; '' for a professional copy. */
  readerRef: string;
  /** The report header's marking (config `report.marking`). */
  marking: string;
}

// ---------------------------------------------------------------- shared pieces

export interface HeaderView {
  title: string;
  caseId: string;
  organisation: string;
  hasOrganisation: boolean;
  marking: string;
  childRef: string;
  asOf: string;
  stage: string;
  stageName: string;
  socialWorker: string;
  teamManager: string;
  iro: string;
  isForFamily: boolean;
  preparedFor: string;
}

export interface PersonView {
  id: string;
  ref: string;
  relation: string;
  pr: boolean;
  household: boolean;
  /** What `household` means for this child now: the home they live in, or the home they would return to. */
  householdWords: string;
  showHousehold: boolean;
  returningTo: boolean;
  carer: boolean;
  safeAdult: boolean;
  note: string;
}

export interface SignOffView {
  isSignedOff: boolean;
  by: string;
  date: string;
}

export interface TaskView {
  status: string;
  isDone: boolean;
  date: string;
  by: string;
  reason: string;
  note: string;
  hasNote: boolean;
  signedOff: SignOffView;
}

export interface SectionView {
  isRecorded: boolean;
  blocks: TextBlock[];
}

export interface FactorRow {
  factor: string;
  meaning: string;
  kind: string;
  isStatic: boolean;
  status: string;
  evidence: string;
  asOf: string;
  person: string;
}

const text = (v: unknown): string => (typeof v === 'string' && v.trim() !== '' ? v : NOT_RECORDED);
const count = (v: number | undefined): string => (typeof v === 'number' ? String(v) : NOT_RECORDED);
const yesNo = (v: boolean | undefined): string => (v === true ? 'Yes' : v === false ? 'No' : NOT_RECORDED);

function header(input: ViewInput, title: string): HeaderView {
  const { data, config } = input;
  const stage = STAGES.find((s) => s.number === data.stage);
  return {
    title,
    caseId: data.id,
    organisation: typeof config.organisation === 'string' ? config.organisation : '',
    hasOrganisation: typeof config.organisation === 'string' && config.organisation.trim() !== '',
    marking: input.marking,
    childRef: data.child.ref,
    asOf: input.asOf,
    stage: String(data.stage),
    stageName: stage ? stage.name : 'Closed',
    socialWorker: text(data.team.social_worker),
    teamManager: text(data.team.team_manager),
    // an IRO reviews the plan of a looked-after child only
    iro: data.team.iro === undefined && data.child.legal_status === 'not_looked_after' ? 'Not applicable: not looked after' : text(data.team.iro),
    isForFamily: input.readerRef !== '',
    preparedFor: input.readerRef,
  };
}

function signOff(s: SignOff | undefined): SignOffView {
  return { isSignedOff: s !== undefined, by: text(s?.by), date: text(s?.date) };
}

/** One further sign-off of a decision by a role (config `additional_signoffs`): given, or awaited. */
export interface RoleSignOffView {
  /** The role in words, e.g. "permanence panel" (the config's label without a leading "the"). */
  role: string;
  isSignedOff: boolean;
  by: string;
  date: string;
  note: string;
  hasNote: boolean;
}

/**
 * The further sign-offs of a decision on `asOf`: each one the config asks for (given, or
 * awaited), then any other recorded, in the order recorded. Team products only: family
 * copies are built from their own allow-list, which has no sign-off names.
 */
function roleSignOffs(dec: Decision | undefined, config: ReunifyConfig, asOf: string): RoleSignOffView[] {
  if (!dec) return [];
  const given = (dec.additional_signoffs ?? []).filter((s) => !isAfter(s.date, asOf));
  const words = (label: string) => label.replace(/^the\s+/i, '');
  const rows: RoleSignOffView[] = [];
  const shown = new Set<number>();
  for (const rule of requiredRoleSignoffs(dec, config)) {
    const i = given.findIndex((s) => s.role === rule.role);
    const s = given[i];
    if (s) shown.add(i);
    rows.push({
      role: words(roleLabel(rule)),
      isSignedOff: s !== undefined,
      by: text(s?.by),
      date: text(s?.date),
      note: text(s?.note),
      hasNote: hasText(s?.note),
    });
  }
  given.forEach((s, i) => {
    if (shown.has(i)) return;
    const rule = (config.additional_signoffs ?? []).find((r) => r.role === s.role);
    rows.push({
      role: words(rule ? roleLabel(rule) : s.role.replace(/_/g, ' ')),
      isSignedOff: true,
      by: text(s.by),
      date: text(s.date),
      note: text(s.note),
      hasNote: hasText(s.note),
    });
  });
  return rows;
}

function task(data: CaseData, id: string): TaskView {
  const t: TaskRecord | undefined = Object.hasOwn(data.tasks, id) ? data.tasks[id] : undefined;
  return {
    status: t?.status ?? 'todo',
    isDone: t?.status === 'done',
    date: text(t?.date),
    by: text(t?.by),
    reason: text(t?.reason),
    note: text(t?.note),
    hasNote: hasText(t?.note),
    signedOff: signOff(t?.signed_off),
  };
}

function section(input: ViewInput, ...headings: string[]): SectionView {
  const found = input.sections.find((s) => headingIs(s.heading, headings) && s.content.trim() !== '');
  return { isRecorded: found !== undefined, blocks: found ? textBlocks(found.content) : [] };
}

/** A section the front matter records (the field), or else the body's section under one of the headings. */
function fieldOrSection(input: ViewInput, value: string | undefined, ...headings: string[]): SectionView {
  if (hasText(value)) return { isRecorded: true, blocks: textBlocks(value) };
  return headings.length > 0 ? section(input, ...headings) : { isRecorded: false, blocks: [] };
}

function person(data: CaseData, p: Person, asOf: string): PersonView {
  const atHome = childAtHome(data, asOf);
  const safeAdultId = Object.hasOwn(data.tasks, 'safe_adult') ? data.tasks.safe_adult?.person : undefined;
  return {
    id: p.id,
    ref: p.ref,
    relation: p.relation,
    pr: p.pr === true,
    household: p.household === true,
    // while the child is away, "household" is the home they would return to, which "the child would return to them" already says
    showHousehold: p.household === true && (atHome || p.returning_to !== true),
    householdWords: atHome ? "lives in the child's household" : 'lives in the home the child would return to',
    returningTo: p.returning_to === true,
    carer: p.carer === true,
    safeAdult: safeAdultId === p.id || p.safe_adult === true,
    note: text(p.note),
  };
}

/** A goal as the agreement numbers it ("Goal 2"), never its id. */
function goalName(data: CaseData, id: string | undefined): string {
  const i = (data.agreement?.goals ?? []).findIndex((g) => g.id === id);
  return i >= 0 ? `Goal ${i + 1}` : 'A goal';
}

function personById(data: CaseData, id: string): Person | undefined {
  return (data.people ?? []).find((p) => p.id === id);
}

/** A party in a sharing log or an agreement: a person's ref, the child, or a role. */
export function partyName(data: CaseData, party: string): string {
  const p = personById(data, party);
  if (p) return `${p.ref} (${idWords(p.relation).toLowerCase()})`;
  if (party === 'child') return `${data.child.ref} (the child)`;
  if (party === 'iro') return data.team.iro ? `${data.team.iro} (IRO)` : 'IRO';
  if (party === 'social_worker') return `${data.team.social_worker} (social worker)`;
  if (party === 'team_manager') return data.team.team_manager ? `${data.team.team_manager} (team manager)` : 'Team manager';
  return idWords(party);
}

/** A role worth adding after a party's name: not when the name already says it ("Child J (the child)", "IRO H.S. (IRO)"). */
function showRole(data: CaseData, party: string, role: string): boolean {
  return !partyName(data, party).toLowerCase().includes(`(${role.toLowerCase()})`);
}

/** The people whose per-parent records matter: PR holders, parents the child returns to, and anyone with a record. */
function parentsOf(data: CaseData): Person[] {
  const recorded = new Set([...(data.capacity_to_change ?? []).map((c) => c.person), ...(data.agreement?.parents ?? []).map((p) => p.person)]);
  return (data.people ?? []).filter((p) => p.pr === true || p.returning_to === true || recorded.has(p.id));
}

/** The child had gone home on or before the date. */
function returnedBy(data: CaseData, asOf: string): boolean {
  const returned = data.return?.returned;
  return returned !== undefined && returned !== null && returned <= asOf;
}

function childAtHome(data: CaseData, asOf?: string): boolean {
  return (asOf === undefined ? data.return?.returned != null : returnedBy(data, asOf)) || data.child.placement === 'parents';
}

/** A factor status as the product shows it: a fact that cannot apply yet says so. */
function statusOn(factor: string, status: string, data: CaseData, asOf: string): string {
  return factor === 'unplanned_return' && !returnedBy(data, asOf) ? 'not_applicable_yet' : status;
}

/** The legal status as it stands on the date: section 20 accommodation ends when the child goes home. */
function legalStatusOn(data: CaseData, asOf: string): string {
  const status = data.child.legal_status;
  if (status === 's20' && returnedBy(data, asOf)) return `Section 20 accommodation ended on the return home (${longDate(data.return!.returned!)})`;
  return idWords(status);
}

function childView(input: ViewInput) {
  const c = input.data.child;
  return {
    ref: c.ref,
    dob: c.dob,
    // a child who is not looked after (edge of care) has no looked-after date to show
    lookedAfterSince: c.looked_after_since ? longDate(c.looked_after_since) : c.legal_status === 'not_looked_after' ? 'Not looked after' : NOT_RECORDED,
    legalStatus: legalStatusOn(input.data, input.asOf),
    proceedings: text(c.proceedings),
    placement: text(c.placement),
    placementMoves:
      typeof c.placement_moves === 'number'
        ? c.placement_moves === 0
          ? 'no moves'
          : `${c.placement_moves} ${c.placement_moves === 1 ? 'move' : 'moves'}`
        : 'moves not recorded',
    // a baby or toddler cannot say: that is not a gap in the record
    wantsToReturn: c.wants_to_return === undefined && ageOn(c.dob, input.asOf) < 4 ? `Not applicable: ${c.ref} is too young to say` : yesNo(c.wants_to_return),
    cohorts: input.data.cohorts ?? [],
  };
}

// ---------------------------------------------------------------- factors

function describeDerived(c: Contribution, data: CaseData, asOf: string): string {
  const h = data.history ?? {};
  const n = (v: number | undefined, one: string, many: string) =>
    v === undefined ? 'Not recorded in the history' : `${v} ${v === 1 ? one : many} recorded in the history`;
  switch (c.factor) {
    case 'previous_failed_return':
      return n(h.failed_returns, 'failed return', 'failed returns');
    case 'previous_child_removals':
      return n(h.parent_prior_removals, 'earlier removal of another child', 'earlier removals of other children');
    case 'missing_episodes':
      return n(h.missing_episodes, 'missing episode', 'missing episodes');
    case 'unplanned_return':
      if (!returnedBy(data, asOf)) return 'The child has not returned home yet';
      return data.return?.unplanned === true ? 'The return was unplanned' : 'The return was planned';
    case 'child_age_over_10': {
      const on =
        c.evidence === '/return/returned' ? data.return!.returned! : c.evidence === '/transition/planned_return' ? data.transition!.planned_return! : asOf;
      const when = c.evidence === '/return/returned' ? 'going home' : c.evidence === '/transition/planned_return' ? 'the planned return' : longDate(on);
      return `Aged ${ageText(data.child.dob, on)} on ${when}`;
    }
    default:
      return NOT_RECORDED;
  }
}

/** The "As of" of a fact worked out rather than entered: the date it is worked out for, or where it comes from. */
function derivedAsOf(c: Contribution, data: CaseData, asOf: string): string {
  switch (c.factor) {
    case 'child_age_over_10':
      return c.evidence === '/return/returned' ? data.return!.returned! : c.evidence === '/transition/planned_return' ? data.transition!.planned_return! : asOf;
    case 'unplanned_return':
      return returnedBy(data, asOf) ? data.return!.returned! : 'Not applicable yet';
    default:
      return c.date ?? 'From the history';
  }
}

/** Every factor as it stands on a date: entries (latest per person) and the static factors derived from history. */
export function factorRows(data: CaseData, config: ReunifyConfig, asOf: string): FactorRow[] {
  const catalogue = factorCatalogue(config);
  const { contributions } = assess(data, config, asOf, { withGoals: false });
  return contributions
    .filter((c) => c.source !== 'capacity to change' && !isSuperseded(c))
    .map((c) => {
      const index = /^\/factors\/(\d+)$/.exec(c.evidence);
      const entry = index ? data.factors?.[Number(index[1])] : undefined;
      const def = catalogue.get(c.factor);
      const who = c.person ? personById(data, c.person) : undefined;
      return {
        factor: c.factor,
        meaning: def?.meaning ?? idWords(c.factor),
        kind: c.kind,
        isStatic: def?.static ?? false,
        status: statusOn(c.factor, c.status, data, asOf),
        evidence: entry ? text(entry.evidence) : describeDerived(c, data, asOf),
        asOf: entry ? (c.date ?? 'Undated') : derivedAsOf(c, data, asOf),
        person: who ? who.ref : (c.person ?? ''),
      };
    });
}

function factorTables(rows: FactorRow[]) {
  const risk = rows.filter((r) => r.kind === 'risk');
  const protective = rows.filter((r) => r.kind === 'protective');
  const unknown = rows.filter((r) => r.status === 'unknown');
  return { risk, protective, unknown, hasRisk: risk.length > 0, hasProtective: protective.length > 0, hasUnknown: unknown.length > 0 };
}

function capacityOf(data: CaseData, personId: string, asOf: string) {
  const entries = (data.capacity_to_change ?? []).filter((c) => c.person === personId && (c.as_of === undefined || c.as_of <= asOf));
  const last = entries.reduce<(typeof entries)[number] | undefined>((best, c) => (!best || (best.as_of ?? '') <= (c.as_of ?? '') ? c : best), undefined);
  return { isRecorded: last !== undefined, rating: last?.rating ?? NOT_RECORDED, evidence: text(last?.evidence), asOf: text(last?.as_of) };
}

// ---------------------------------------------------------------- availability

/** Why a report cannot be written for this case yet, or undefined when it can. */
export function unavailableReason(type: ReportType, data: CaseData, point?: DecisionPoint, asOf?: string): string | undefined {
  const where = data.stage === 'closed' ? 'closed' : `at stage ${data.stage}`;
  const closedWithoutReturn = data.stage === 'closed' && data.outcome?.status === 'not_returned';
  switch (type) {
    case 'assessment':
      return undefined;
    case 'decision': {
      if (point) {
        const found = latestAt(data.classifications, point, asOf) ?? latestAt(data.decisions, point, asOf);
        if (found) return undefined;
        return `${data.id} is ${where} and has no classification or decision at ${point} (${POINT_NAMES[point]}, stage ${STAGE_OF_POINT[point]})${asOf ? ` on or before ${asOf}` : ''}`;
      }
      return latestPoint(data, asOf)
        ? undefined
        : `${data.id} is ${where} and has no classification or decision yet: a decision record starts at stage 2 (Risk Classification 1)`;
    }
    case 'agreement':
      if (closedWithoutReturn) return `${data.id} closed without a return: it never reached the parental agreement (stage 3)`;
      return hasReached(data, 3) ? undefined : `${data.id} is ${where}: the parental agreement is stage 3 work`;
    case 'transition':
      if (closedWithoutReturn) return `${data.id} closed without a return: it never reached the transition plan (stage 4)`;
      return hasReached(data, 4) ? undefined : `${data.id} is ${where}: the transition plan is stage 4 work`;
    case 'review':
      if (closedWithoutReturn) return `${data.id} closed without a return: there is no return to review`;
      if (!hasReached(data, 5)) return `${data.id} is ${where}: post-return reviews are stage 5 work`;
      return data.return?.returned ? undefined : `${data.id} is ${where} but has no return date (return.returned): there is no return to review yet`;
  }
}

/** The decision point of the latest classification or decision (the later point on the same date). */
export function latestPoint(data: CaseData, asOf?: string): DecisionPoint | undefined {
  let best: { date: string; rank: number; point: DecisionPoint } | undefined;
  for (const r of [...(data.classifications ?? []), ...(data.decisions ?? []).filter(atStagePoint)]) {
    if (asOf !== undefined && r.date > asOf) continue;
    const rank = DECISION_POINTS.indexOf(r.point);
    if (!best || r.date > best.date || (r.date === best.date && rank > best.rank)) best = { date: r.date, rank, point: r.point };
  }
  return best?.point;
}

// ---------------------------------------------------------------- assessment (written_assessment)

function parentAssessment(p: { strengths?: string; risks?: string; progress?: string } | undefined) {
  return {
    isRecorded: p !== undefined && (hasText(p.strengths) || hasText(p.risks) || hasText(p.progress)),
    strengths: text(p?.strengths),
    risks: text(p?.risks),
    progress: text(p?.progress),
  };
}

export function assessmentView(input: ViewInput) {
  const { data, config, asOf } = input;
  const parents = parentsOf(data);
  const rows = factorRows(data, config, asOf);
  const safeAdultTask = task(data, 'safe_adult');
  const safeAdultId = Object.hasOwn(data.tasks, 'safe_adult') ? data.tasks.safe_adult?.person : undefined;
  const safeAdult = safeAdultId ? personById(data, safeAdultId) : undefined;
  const written = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  const history = data.history ?? {};
  const a = data.assessment ?? undefined;
  // while the written assessment is still being written, its conclusions are not missing: they are not written yet
  const notYet = 'Not written yet: the written assessment is not done.';
  const pending = (s: SectionView): SectionView => (s.isRecorded || written?.status === 'done' ? s : { isRecorded: true, blocks: textBlocks(notYet) });
  return {
    header: header(input, 'Written assessment'),
    reasonForCare: fieldOrSection(input, a?.reason_for_care, 'Reason for care', 'Reasons for care'),
    childNeeds: fieldOrSection(input, a?.child_needs, "Child's needs", 'Child’s needs', "The child's needs"),
    child: childView(input),
    history: {
      entriesToCare: count(history.entries_to_care),
      previousReturns: count(history.previous_returns),
      failedReturns: count(history.failed_returns),
      parentPriorRemovals: count(history.parent_prior_removals),
      missingEpisodes: count(history.missing_episodes),
    },
    caseHistory: section(input, 'Case history', 'Chronology', 'Analytical chronology'),
    analysis: section(input, 'Analysis'),
    childViews: section(input, "Child's views", 'Child’s views', 'Voice of the child'),
    otherAgencies: fieldOrSection(input, a?.other_agencies, 'Other agencies', "Other agencies' information"),
    whatMustChange: pending(fieldOrSection(input, a?.what_must_change, 'What must change', 'What must change for a safe return')),
    genogram: layoutGenogram(data.child, data.people ?? [], childAtHome(data, asOf)),
    genogramKey: GENOGRAM_KEY,
    people: (data.people ?? []).map((p) => person(data, p, asOf)),
    parents: parents.map((p) => ({
      person: person(data, p, asOf),
      assessment: parentAssessment(a?.parents?.find((x) => x.person === p.id)),
      capacity: capacityOf(data, p.id, asOf),
      factors: rows.filter((r) => r.person === p.ref),
      hasFactors: rows.some((r) => r.person === p.ref),
    })),
    factors: factorTables(rows),
    engagement: task(data, 'engagement'),
    familyAssessment: task(data, 'family_assessment'),
    safeAdult: {
      task: safeAdultTask,
      isNamed: safeAdult !== undefined,
      ref: safeAdult ? safeAdult.ref : NOT_RECORDED,
      relation: safeAdult ? safeAdult.relation : NOT_RECORDED,
      details: section(input, 'Safe adult'),
    },
    recommendation: {
      isRecorded: typeof written?.recommendation === 'string',
      outcome: text(written?.recommendation),
      notYet: written?.status === 'done' ? NOT_RECORDED : 'Not made yet: the written assessment is not done',
      reasons: pending(fieldOrSection(input, a?.reasons)),
    },
    signOff: {
      task: task(data, 'written_assessment'),
      isDraft: written?.status !== 'done' || written.signed_off === undefined,
      statusText: idWords(written?.status ?? 'todo').toLowerCase(),
    },
  };
}

// ---------------------------------------------------------------- decision record

function classificationAt(data: CaseData, point: DecisionPoint, asOf: string, decision?: Decision) {
  // the classification a decision rests on: the latest at its point, on or before the decision
  return latestAt(data.classifications, point, decision ? (decision.date < asOf ? decision.date : asOf) : asOf) ?? latestAt(data.classifications, point, asOf);
}

function explanationOf(input: ViewInput, point: DecisionPoint, on: string, c: { record: Classification; index: number } | undefined) {
  const { data, config } = input;
  const catalogue = factorCatalogue(config);
  // the engine's picture on the day, at this decision point
  const recomputation = c ? recomputeSuggestion(data, config, c.record) : undefined;
  const suggestion = recomputation?.suggestion ?? classify({ ...data, stage: STAGE_OF_POINT[point] }, config, on);
  const evidenceText = (pointer: string) => {
    const m = /^\/factors\/(\d+)$/.exec(pointer);
    if (m) return text(data.factors?.[Number(m[1])]?.evidence);
    const cap = /^\/capacity_to_change\/(\d+)$/.exec(pointer);
    if (cap) return text(data.capacity_to_change?.[Number(cap[1])]?.evidence);
    const goal = /^\/agreement\/goals\/(\d+)\/progress\/(\d+)$/.exec(pointer);
    if (goal) return text(data.agreement?.goals?.[Number(goal[1])]?.progress?.[Number(goal[2])]?.comment);
    return NOT_RECORDED;
  };
  const label = (factor: string) => catalogue.get(factor)?.meaning ?? idWords(factor);
  const ref = (id: string | undefined) => (id ? (personById(data, id)?.ref ?? id) : '');
  const earlier = c ? (data.classifications ?? []).slice(0, c.index) : [];
  const comparison = c ? compareWithBaseline({ ...data, classifications: earlier }, config, suggestion, c.record.level) : undefined;
  return {
    explanation: {
      asOf: on,
      // the level recorded with the classification is the record; a recomputation that differs is explained once
      hasRecorded: recomputation?.recorded !== undefined,
      recorded: recomputation?.recorded ?? NOT_RECORDED,
      differs: recomputation?.differs === true,
      whyDiffers: recomputation?.differs ? whyDiffers(recomputation) : '',
      score: suggestion.score,
      level: suggestion.level,
      scoreLevel: suggestion.scoreLevel,
      thresholds: suggestion.thresholds,
      notice: suggestion.notice,
      suggestedDecision: suggestion.decision ?? NOT_RECORDED,
      contributions: suggestion.contributions.map((x) => ({
        factor: x.factor,
        label:
          x.factor === 'capacity_to_change'
            ? `Capacity to change: ${ref(x.person)}`
            : x.factor === 'goal_progress'
              ? `${goalName(data, x.goal)}${x.overdue ? ' (past its date)' : ''}`
              : label(x.factor),
        kind: x.kind,
        status: x.rating ?? x.rag ?? statusOn(x.factor, x.status, data, on),
        weight: x.weight,
        fraction: x.fraction,
        points: x.points,
        source: x.source,
        evidence: x.evidence,
        evidenceText:
          x.source === 'entered' || x.source === 'capacity to change' || x.source === 'goal progress' ? evidenceText(x.evidence) : describeDerived(x, data, on),
        note: x.note ?? '',
        counts: x.fraction !== 0,
      })),
      gaps: suggestion.gaps.map((g) => ({
        factor: g.factor,
        label:
          g.factor === 'capacity_to_change'
            ? `Capacity to change: ${ref(g.person)}`
            : g.factor === 'goal_progress'
              ? `${goalName(data, g.goal)}: no progress rating`
              : label(g.factor),
      })),
      hasGaps: suggestion.gaps.length > 0,
      forced: suggestion.forced.map((f) => ({ factor: f.factor, label: label(f.factor), minLevel: f.minLevel, reason: f.reason })),
      hasForced: suggestion.forced.length > 0,
    },
    comparison: {
      isBaseline: comparison === undefined || comparison.latest === undefined,
      previous: comparison?.latest
        ? { isRecorded: true, point: POINT_SHORT[comparison.latest.point], date: comparison.latest.date, level: comparison.latest.level }
        : { isRecorded: false, point: NOT_RECORDED, date: NOT_RECORDED, level: NOT_RECORDED },
      direction: c && comparison?.latest ? directionOf(comparison.latest.level, c.record.level) : NOT_RECORDED,
      // the baseline row repeats the previous one when the previous round is RC1 itself
      previousIsBaseline: comparison?.latest !== undefined && comparison.rc1 !== undefined && comparison.latest.index === comparison.rc1.index,
      rc1: comparison?.rc1
        ? { isRecorded: true, date: comparison.rc1.date, level: comparison.rc1.level, direction: directionOf(comparison.rc1.level, c!.record.level) }
        : { isRecorded: false, date: NOT_RECORDED, level: NOT_RECORDED, direction: NOT_RECORDED },
      factorChanges: (comparison?.factorChanges ?? [])
        .filter((f) => f.change !== 'unchanged')
        // "new" only against an earlier entry; a factor with no entry then says so
        .map((f) => ({
          factor: f.factor,
          label: label(f.factor),
          hasBefore: f.before !== undefined,
          before: f.before ?? NOT_RECORDED,
          after: f.after,
          change: f.change,
          noEntryAt: comparison?.latest ? POINT_SHORT[comparison.latest.point] : 'RC1',
        })),
      goalsMet: (comparison?.goalsMet ?? []).map((g) => goalName(data, g)),
      goalsMissed: (comparison?.goalsMissed ?? []).map((g) => goalName(data, g)),
      flags: (comparison?.flags ?? []).map((f) => ({ id: f.id, message: f.message })),
      hasFlags: (comparison?.flags ?? []).length > 0,
      unknownsAtBaseline: comparison?.unknownsAtBaseline ?? 0,
      unknownsNow: comparison?.unknownsNow ?? suggestion.gaps.length,
    },
  };
}

const DISAGREES = /^\s*(disagree|oppose|object|does not agree|do not agree|doesn't agree|rejects)/i;

/**
 * Disagreement with a decision, party by party: what the decision records (one text, or
 * `{ party, view }` per party), and each sharing response that says the party disagrees
 * where the decision has nothing of its own for them. With none, it says whether everyone
 * told gave a response, so that "no one disagreed" is never said of people not asked.
 */
function disagreementOf(data: CaseData, recorded: Decision['disagreement'], shared: readonly { party: string; date?: string; response?: string }[]): string {
  const parts: string[] = [];
  const covered = new Set<string>();
  if (typeof recorded === 'string' && hasText(recorded)) parts.push(recorded.trim());
  if (Array.isArray(recorded)) {
    for (const d of recorded) {
      covered.add(d.party);
      parts.push(`${partyName(data, d.party)}: ${d.view.trim()}`);
    }
  }
  const fromLog = shared.filter((s) => !covered.has(s.party) && typeof s.response === 'string' && DISAGREES.test(s.response));
  if (fromLog.length > 0) parts.push(fromLog.map((s) => `${partyName(data, s.party)}: ${s.response!.trim()}`).join('; ') + ' (from the sharing log)');
  if (parts.length > 0) return parts.join('; ');
  const told = shared.filter((s) => s.date !== undefined);
  // nobody can disagree with a decision before they are told of it (a record signed off on the day it is made)
  if (told.length === 0) return 'Not applicable yet: no one has been told of the decision yet';
  const silent = told.filter((s) => !hasText(s.response));
  if (silent.length === 0) return 'None: no one told of the decision disagreed';
  return `None recorded; no response recorded from ${silent.map((s) => partyName(data, s.party)).join(', ')}`;
}

export function decisionView(input: ViewInput, requestedPoint?: DecisionPoint) {
  const { data, config, asOf } = input;
  const point = requestedPoint ?? latestPoint(data, asOf);
  if (!point) throw new Error(`internal: ${data.id} has no decision point to report`);
  // the latest round at the point: a classification after the latest decision starts a new round whose decision is still to come
  const latestDecision = latestAt(data.decisions, point, asOf);
  const latestClassification = latestAt(data.classifications, point, asOf);
  const newRound = latestDecision !== undefined && latestClassification !== undefined && latestClassification.record.date > latestDecision.record.date;
  const d = newRound ? undefined : latestDecision;
  const c = newRound ? latestClassification : classificationAt(data, point, asOf, d?.record);
  const on = c?.record.date ?? d!.record.date;
  const { explanation, comparison } = explanationOf(input, point, on, c);
  const cls = c?.record;
  const dec = d?.record;
  const required = requiredParties(data, config.sharing.required_parties);
  // who was told, as it stood on the report date: telling someone later is not yet in the record
  const shared = (dec?.shared ?? []).filter((s) => s.date === undefined || s.date <= asOf);
  const sharedParties = new Set(shared.filter((s) => s.date !== undefined).map((s) => s.party));
  const mapped = cls ? config.decision_map?.[point]?.[cls.level] : undefined;
  const conditions = dec?.conditions === undefined ? [] : Array.isArray(dec.conditions) ? dec.conditions : [dec.conditions];
  const noReturn = dec?.outcome === 'no_return';
  return {
    header: header(input, 'Decision record'),
    child: childView(input),
    point: { id: point, name: POINT_NAMES[point], stage: STAGE_OF_POINT[point] },
    classification: {
      isRecorded: cls !== undefined,
      date: text(cls?.date),
      level: cls?.level ?? NOT_RECORDED,
      suggested: cls?.suggested ?? NOT_RECORDED,
      by: text(classifiersText(cls?.by)),
      isOverride: cls?.suggested !== undefined && cls.suggested !== cls.level,
      overrideCategory: text(cls?.override_category),
      overrideReason: text(cls?.override_reason),
      signedOff: signOff(cls?.signed_off),
    },
    explanation,
    comparison,
    decision: {
      isRecorded: dec !== undefined,
      date: text(dec?.date),
      outcome: dec?.outcome ?? NOT_RECORDED,
      defaultOutcome: mapped ?? NOT_RECORDED,
      departsFromMap: dec !== undefined && mapped !== undefined && mapped !== dec.outcome,
      reasons: text(dec?.reasons),
      conditions,
      hasConditions: conditions.length > 0,
      // with no return home there is no return to set conditions or a timescale for
      noConditions: noReturn ? 'Not applicable: no return home.' : 'Not recorded.',
      timescale: noReturn && !hasText(dec?.timescale) ? 'Not applicable: no return home' : text(dec?.timescale),
      // a parallel plan runs beside a plan for return: with no return it does not apply
      // after the return home the back-up plan is the contingency: a parallel plan shows only when one is recorded
      showParallelPlan: (!noReturn && point !== 'rc3_post_return') || hasText(dec?.parallel_plan),
      parallelPlan: text(dec?.parallel_plan),
      disagreement: disagreementOf(data, dec?.disagreement, shared),
      showNextReview: point === 'rc3_post_return',
      nextReview: text(dec?.next_review),
      signedOff: signOff(dec?.signed_off),
      furtherSignOffs: roleSignOffs(dec, config, asOf),
    },
    sharing: {
      rows: [
        ...shared.map((s) => ({
          party: s.party,
          name: partyName(data, s.party),
          required: required.some((r) => r.party === s.party),
          date: text(s.date),
          method: text(s.method),
          response: text(s.response),
        })),
      ],
      missing: dec
        ? required
            .filter((r) => !sharedParties.has(r.party))
            .map((r) => ({ party: r.party, name: partyName(data, r.party), role: r.role, showRole: showRole(data, r.party, r.role) }))
        : [],
      hasMissing: dec !== undefined && required.some((r) => !sharedParties.has(r.party)),
    },
    supportIfNoReturn: {
      applies: noReturn,
      task: task(data, 'support_if_no_return'),
      details: section(input, 'Support if no return', 'Support where there is no return'),
    },
  };
}

// ---------------------------------------------------------------- parental agreement

function goalsView(data: CaseData) {
  return (data.agreement?.goals ?? []).map((g, i) => {
    const progress = [...(g.progress ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    const last = progress[progress.length - 1];
    return {
      id: g.id,
      name: `Goal ${i + 1}`,
      goal: text(g.goal),
      steps: g.steps ?? [],
      hasSteps: (g.steps ?? []).length > 0,
      by: text(g.by),
      support: text(g.support),
      success: text(g.success),
      progress: progress.map((p) => ({ date: p.date, rag: p.rag, comment: text(p.comment) })),
      hasProgress: progress.length > 0,
      latest: { isRecorded: last !== undefined, rag: last?.rag ?? NOT_RECORDED, date: last?.date ?? NOT_RECORDED, comment: text(last?.comment) },
    };
  });
}

/** The child went home, unplanned, on or before `asOf`: the plans made before a return could not be. */
function returnedUnplanned(data: CaseData, asOf: string): boolean {
  const r = data.return ?? undefined;
  return r?.unplanned === true && typeof r.returned === 'string' && r.returned <= asOf;
}

/**
 * What a part of the agreement reads when no agreement is written: not written yet (after an
 * unplanned return it is caught up afterwards, so it says why there was none before).
 */
function agreementUnwritten(data: CaseData, asOf: string): string {
  return returnedUnplanned(data, asOf)
    ? 'Not written yet: the return was unplanned, before any agreement was made.'
    : 'Not written yet: no agreement is recorded.';
}

export function agreementView(input: ViewInput) {
  const { data } = input;
  const a = data.agreement ?? undefined;
  const unplanned = returnedUnplanned(data, input.asOf);
  // a part of a written agreement that is empty is not recorded; a part of one never written is not written yet
  const missing = a === undefined ? agreementUnwritten(data, input.asOf) : 'Not recorded.';
  const rc1 = latestAt(data.decisions, 'rc1_d2', input.asOf)?.record;
  const rc1Conditions = rc1?.conditions === undefined ? [] : Array.isArray(rc1.conditions) ? rc1.conditions : [rc1.conditions];
  const parentIds = new Set([...(a?.parents ?? []).map((p) => p.person), ...parentsOf(data).map((p) => p.id)]);
  const signatories = (data.people ?? []).filter((p) => parentIds.has(p.id));
  return {
    header: header(input, 'Parental agreement'),
    child: childView(input),
    isRecorded: a !== undefined,
    notWrittenBanner: unplanned
      ? `No agreement was made before the return: it was unplanned (${data.child.ref} went home on ${longDate(data.return!.returned!)}).`
      : 'No agreement is recorded yet.',
    signed: a === undefined ? 'Not signed yet' : text(a.signed),
    missing,
    whatMustChange: {
      isRecorded: rc1 !== undefined,
      // the team's Decision 2 says what must change; an unplanned return can come before it
      missing: unplanned
        ? 'Not decided yet: the return was unplanned, before Decision 2 (RC1) was made.'
        : 'Not decided yet: there is no Decision 2 (RC1) yet.',
      outcome: rc1?.outcome ?? NOT_RECORDED,
      reasons: text(rc1?.reasons),
      conditions: rc1Conditions,
      hasConditions: rc1Conditions.length > 0,
    },
    parents: (a?.parents ?? []).map((p) => {
      const who = personById(data, p.person);
      return {
        person: who ? person(data, who, input.asOf) : { ...person(data, { id: p.person, ref: p.person, relation: 'parent' }, input.asOf) },
        strengths: text(p.strengths),
        worries: text(p.worries),
      };
    }),
    goals: goalsView(data),
    nonNegotiables: a?.non_negotiables ?? [],
    teamAroundChild: a?.team_around_child ?? [],
    backupPlan: a === undefined ? missing : text(a.backup_plan),
    childViews: section(input, "Child's views", 'Child’s views', 'Voice of the child'),
    // when the agreement itself is reviewed with the family (CLA reviews are another meeting)
    reviewDates: [...(a?.review_dates ?? [])].sort(),
    signatures: [
      ...signatories.map((p) => ({ name: p.ref, role: idWords(p.relation) })),
      { name: data.team.social_worker, role: 'Social worker' },
      { name: text(data.team.team_manager), role: 'Team manager' },
    ],
  };
}

// ---------------------------------------------------------------- transition plan

export function transitionView(input: ViewInput) {
  const { data, config, asOf } = input;
  const t = data.transition ?? undefined;
  const r = data.return ?? undefined;
  const d3 = latestAt(data.decisions, 'rc2_d3', asOf)?.record;
  const agreedBy = t?.agreed_by ?? [];
  const required = requiredParties(data, config.sharing.required_parties);
  // after an unplanned return no transition plan can be made: the move has happened
  const noPlan = t === undefined && returnedUnplanned(data, asOf);
  const a = data.agreement ?? undefined;
  return {
    header: header(input, 'Transition plan'),
    child: childView(input),
    isRecorded: t !== undefined,
    notWrittenBanner: noPlan
      ? `No transition plan: the return was unplanned (${data.child.ref} went home on ${longDate(data.return!.returned!)}).`
      : 'No transition plan is recorded yet.',
    agreed: t?.agreed ?? (noPlan ? 'Never agreed: the return was unplanned' : 'Not agreed yet'),
    plannedReturn: t?.planned_return ?? (noPlan ? 'None: the return was unplanned' : 'Not set yet'),
    returned: r?.returned ?? (r?.unplanned === true ? NOT_RECORDED : 'Not applicable yet'),
    agreedBy: agreedBy.map((p) => ({ party: p, name: partyName(data, p) })),
    notAgreedBy: t
      ? required
          .filter((p) => !agreedBy.includes(p.party))
          .map((p) => ({ party: p.party, name: partyName(data, p.party), role: p.role, showRole: showRole(data, p.party, p.role) }))
      : [],
    agreedByMissing: noPlan ? 'Nobody: the return was unplanned.' : t?.agreed === undefined ? 'Not agreed yet.' : 'Not recorded.',
    // a plan not yet started is not written yet, rather than missing parts; one an unplanned return overtook never was
    notWritten: noPlan
      ? 'No transition plan: the return was unplanned.'
      : t === undefined
        ? 'Not written yet: no transition plan is recorded.'
        : 'Not recorded.',
    // who does what comes from the agreement's team around the child
    teamMissing: a === undefined ? agreementUnwritten(data, asOf) : 'Not recorded.',
    decision: {
      isRecorded: d3 !== undefined,
      date: text(d3?.date),
      outcome: d3?.outcome ?? NOT_RECORDED,
      reasons: text(d3?.reasons),
      signedOff: signOff(d3?.signed_off),
    },
    contactPhases: (r?.contact_phases ?? []).map((p) => ({
      from: p.from,
      to: text(p.to),
      pattern: text(p.pattern),
      conditions: text(p.conditions),
      // how a step went cannot be said before it starts
      note: !hasText(p.note) && p.from > asOf ? 'Not applicable yet' : text(p.note),
    })),
    supportPackage: (r?.support_package ?? []).map((s) => ({
      service: s.service,
      from: text(s.from),
      to: text(s.to),
      delivered: s.delivered ?? NOT_RECORDED,
      note: text(s.note),
    })),
    teamAroundChild: data.agreement?.team_around_child ?? [],
    nonNegotiables: data.agreement?.non_negotiables ?? [],
    monitoring: { visitWeeks: config.reviews.post_return_visit_weeks, visitMonths: config.reviews.post_return_visit_months },
    contingency: a === undefined ? agreementUnwritten(data, asOf) : text(a.backup_plan),
    warningSigns: (t?.warning_signs ?? []).map((w) => ({ sign: w.sign, response: w.response })),
    school: t ? text(t.school) : noPlan ? 'No transition plan: the return was unplanned' : 'Not written yet',
    health: t ? text(t.health) : noPlan ? 'No transition plan: the return was unplanned' : 'Not written yet',
    views: (t?.views ?? []).map((v) => ({ party: v.party, name: partyName(data, v.party), view: v.view })),
    transitionTask: task(data, 'transition_plan'),
    readiness: task(data, 'readiness'),
    supportReview: task(data, 'support_review'),
    childViews: section(input, "Child's views", 'Child’s views', 'Voice of the child'),
  };
}

// ---------------------------------------------------------------- post-return review (monitoring)

export function reviewView(input: ViewInput) {
  const { data, config, asOf } = input;
  const r = data.return ?? {};
  const returned = r.returned ?? NOT_RECORDED;
  const classifications = [...(data.classifications ?? [])]
    .map((c, index) => ({ c, index }))
    .sort((a, b) => a.c.date.localeCompare(b.c.date) || a.index - b.index);
  const levels = classifications.map(({ c }, i) => ({
    date: c.date,
    point: c.point,
    pointName: POINT_NAMES[c.point],
    level: c.level,
    suggested: c.suggested ?? NOT_RECORDED,
    direction: i === 0 ? 'baseline' : directionOf(classifications[i - 1]!.c.level, c.level), // i > 0: the one before exists
  }));
  const rc3 = classifications.filter(({ c }) => c.point === 'rc3_post_return');
  const reviews = rc3.map(({ c }) => {
    const decision = (data.decisions ?? []).filter((d) => d.point === 'rc3_post_return' && d.date >= c.date).sort((a, b) => a.date.localeCompare(b.date))[0];
    return {
      date: c.date,
      level: c.level,
      suggested: c.suggested ?? NOT_RECORDED,
      signedOff: signOff(c.signed_off),
      outcome: decision?.outcome ?? NOT_RECORDED,
      reasons: text(decision?.reasons),
      hasReasons: hasText(decision?.reasons),
      decisionDate: text(decision?.date),
      hasNextReview: hasText(decision?.next_review),
      nextReview: text(decision?.next_review),
      // "Next review: …" follows the reasons as its own sentence
      nextReviewSep: hasText(decision?.reasons) && !/[.!?]\s*$/.test(decision.reasons) ? '. ' : ' ',
    };
  });
  const rc3Overdue = rc3AfterUnplannedReturnOverdue(data, config, asOf);
  const next = nextPostReturnReview(data, asOf);
  const visits = [...(r.visits ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const lastVisit = latest(visits.map((v) => v.date));
  const latestRc3 = rc3[rc3.length - 1]?.c;
  const latestRc3Decision = latestAt(data.decisions, 'rc3_post_return', asOf)?.record;
  const closedOn = data.stage === 'closed' ? data.outcome?.date : undefined;
  return {
    header: header(input, 'Post-return review'),
    child: childView(input),
    returned,
    unplanned: r.unplanned === true,
    period: { from: returned, to: closedOn ?? asOf },
    levels,
    reviews,
    hasReviews: reviews.length > 0,
    // what check and status already know: an RC3 overdue after an unplanned return, and the next review
    rc3Overdue: rc3Overdue
      ? {
          isOverdue: true,
          text: `The post-return classification (RC3) is overdue by ${rc3Overdue.late} ${rc3Overdue.late === 1 ? 'day' : 'days'}: after the unplanned return on ${longDate(rc3Overdue.returned)} it was due by ${longDate(rc3Overdue.due)}${rc3Overdue.unsigned ? `; the classification of ${longDate(rc3Overdue.unsigned.record.date)} is not yet signed off` : ''}.`,
        }
      : { isOverdue: false, text: '' },
    nextReview: next
      ? {
          isSet: true,
          date: next.date,
          isOverdue: next.late > 0,
          late: `${next.late} ${next.late === 1 ? 'day' : 'days'}`,
        }
      : {
          isSet: false,
          date: closedOn
            ? 'Not applicable: the case is closed'
            : rc3.length === 0
              ? 'Not set yet: no post-return review has been held'
              : latestRc3Decision?.outcome === 'step_down'
                ? 'Not applicable: the latest review decided to step down'
                : latestRc3Decision?.outcome === 'return_to_care'
                  ? 'Not applicable: the latest review decided on a return to care'
                  : NOT_RECORDED,
          isOverdue: false,
          late: '',
        },
    visits: visits.map((v) => ({ date: v.date, seenAlone: yesNo(v.seen_alone), note: text(v.note) })),
    visitCount: visits.length,
    seenAloneCount: visits.filter((v) => v.seen_alone === true).length,
    nextVisitDue: closedOn ? 'Not applicable: the case is closed' : lastVisit ? addDays(lastVisit, config.reviews.post_return_visit_weeks * 7) : NOT_RECORDED,
    goals: goalsView(data),
    support: (r.support_package ?? []).map((s) => ({
      service: s.service,
      from: text(s.from),
      to: text(s.to),
      delivered: s.delivered ?? NOT_RECORDED,
      note: text(s.note),
    })),
    triggers: (data.triggers ?? [])
      .filter((t) => r.returned !== undefined && t.date >= r.returned)
      .map((t) => ({ type: t.type, date: t.date, note: text(t.note), hasNote: hasText(t.note) })),
    stepDown: {
      isRecorded: r.step_down !== undefined && r.step_down !== null,
      date: text(r.step_down?.date),
      to: r.step_down?.to ?? NOT_RECORDED,
      note: text(r.step_down?.note),
      hasNote: hasText(r.step_down?.note),
      hasRecommendation: latestRc3Decision !== undefined,
      recommendation: latestRc3Decision?.outcome ?? NOT_RECORDED,
      recommendationReasons: text(latestRc3Decision?.reasons),
      hasRecommendationReasons: hasText(latestRc3Decision?.reasons),
      latestLevel: latestRc3?.level ?? NOT_RECORDED,
      mapped: (latestRc3 ? config.decision_map?.rc3_post_return?.[latestRc3.level] : undefined) ?? NOT_RECORDED,
    },
    outcome: {
      isRecorded: data.outcome != null,
      status: data.outcome?.status ?? NOT_RECORDED,
      date: text(data.outcome?.date),
      note: text(data.outcome?.note),
      hasNote: hasText(data.outcome?.note),
    },
    monitoringTask: task(data, 'monitoring'),
    childViews: section(input, "Child's views", 'Child’s views', 'Voice of the child'),
  };
}

/** The view model for a report type (the report must be available: see unavailableReason). */
export function buildView(type: ReportType, input: ViewInput, point?: DecisionPoint): object {
  switch (type) {
    case 'assessment':
      return assessmentView(input);
    case 'decision':
      return decisionView(input, point);
    case 'agreement':
      return agreementView(input);
    case 'transition':
      return transitionView(input);
    case 'review':
      return reviewView(input);
  }
}
