// The shape of the caseload status view (docs/framework.md §5.3): one key per metric id,
// plus cohorts, outcomes and the attention list. Built by buildStatus (status.ts);
// rendered by `reunify status` and the caseload report.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import type { DecisionPoint, DecisionRecordPoint, Level, Rag } from '../model/ids.js';
import type { Direction } from '../classify/reclassify.js';
import type { SignoffKind } from '../workflow/signoff.js';

export const METRIC_IDS = [
  'stage_counts',
  'not_considered',
  'overdue_tasks',
  'awaiting_signoff',
  'risk_mix',
  'overrides',
  'decisions_not_shared',
  'reviews_due',
  'goals_red',
  'goals_overdue',
  'home_goals_stale',
  'signed_by_recorder',
  'shared_before_signoff',
  'role_signoffs_missing',
  'post_return_alerts',
  'cost_exposure',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** A case as the status view reads it: its id and front matter the schema accepted. */
export interface StatusCase {
  id: string;
  data: CaseData;
}

/** One case named in a metric, with a short line built from ids and dates. */
export interface Exception {
  id: string;
  detail: string;
}

export interface StageCounts {
  open: number;
  closed: number;
  by_stage: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Open cases by the latest decision point with a decision recorded. */
  by_decision_point: Record<DecisionPoint | 'none', number>;
}

export interface NotConsidered {
  count: number;
  within_days: number;
  exceptions: (Exception & { cohorts: string[]; last_considered: IsoDate | null })[];
}

export interface OverdueTasks {
  /** Open tasks of stages open longer than their timescale. */
  count: number;
  cases: number;
  exceptions: (Exception & { stage: number; days_open: number; timescale_weeks: number; tasks: string[] })[];
}

export interface AwaitingSignoff {
  count: number;
  cases: number;
  by_kind: Record<SignoffKind, number>;
  exceptions: (Exception & { item: string; pointer: string; date: IsoDate; waiting_days: number })[];
}

export type Movement = Record<Direction, number>;

export interface RiskMix {
  /** Open cases by their latest level; `none` = not classified yet. */
  by_level: Record<Level | 'none', number>;
  movement: { rc1_to_rc2: Movement; rc2_to_rc3: Movement };
}

export interface Overrides {
  count: number;
  /** Classifications that carry a suggested level. */
  classifications: number;
  /** count / classifications, to 3 decimal places; null when there are none. */
  rate: number | null;
  by_category: Record<string, number>;
  exceptions: (Exception & { point: DecisionPoint; date: IsoDate; suggested: Level; level: Level; category: string | null })[];
}

export interface DecisionsNotShared {
  /** Decisions with a required party not told. */
  count: number;
  cases: number;
  exceptions: (Exception & { point: DecisionPoint; date: IsoDate; parties: string[] })[];
}

export type ReviewKind = 'cla' | 'post_return_visit' | 'rc3_post_return';

export interface ReviewsDue {
  within_days: number;
  overdue: number;
  due_soon: number;
  cla: { overdue: number; due_soon: number };
  post_return_visits: { overdue: number; due_soon: number };
  /** Unplanned returns with no signed-off rc3_post_return classification within reviews.rc3_after_unplanned_return_days of the return. */
  rc3_after_unplanned_return: { overdue: number; within_days: number };
  exceptions: (Exception & { review: ReviewKind; due: IsoDate; overdue: boolean })[];
}

export interface GoalsRed {
  /** Agreements with a red goal or a goal without a recent rating. */
  count: number;
  red: number;
  stale: number;
  stale_days: number;
  exceptions: (Exception & { red: string[]; stale: string[] })[];
}

export interface GoalsOverdue {
  /** Open cases with a goal whose `by` date has passed and whose latest rating is not green. */
  count: number;
  /** Goals counted. */
  goals: number;
  exceptions: (Exception & { goals: { goal: string; by: IsoDate; rag: Rag | null }[] })[];
}

export interface HomeGoalsStale {
  /** Children home (open, stage 5) with a goal not rated for more than stale_days. */
  count: number;
  stale_days: number;
  exceptions: (Exception & { goals: { goal: string; last_rated: IsoDate | null; days: number | null }[] })[];
}

export interface SignedByRecorder {
  /** Written assessments and classifications signed off by the person who recorded them. */
  count: number;
  cases: number;
  exceptions: (Exception & {
    kind: 'written_assessment' | 'classification';
    point: DecisionPoint | null;
    pointer: string;
    date: IsoDate;
    signed_off: IsoDate;
  })[];
}

export interface SharedBeforeSignoff {
  /** Decisions the family was told of before the decision was signed off. */
  count: number;
  cases: number;
  exceptions: (Exception & { point: DecisionPoint; date: IsoDate; signed_off: IsoDate | null; parties: { party: string; date: IsoDate }[] })[];
}

export interface RoleSignoffsMissing {
  /** [local] Further sign-offs (config additional_signoffs: a senior manager, a permanence panel) that decisions need and do not have. */
  count: number;
  cases: number;
  exceptions: (Exception & { point: DecisionRecordPoint; date: IsoDate; outcome: string; role: string; label: string })[];
}

export interface PostReturnAlerts {
  /** Children home now (open, stage 5, returned on or before the as-of date). */
  home: number;
  /** Of them, children with any alert. */
  count: number;
  missing_episode: number;
  new_household_adult: number;
  unplanned_return: number;
  exceptions: (Exception & {
    alerts: ('missing_episode' | 'new_household_adult' | 'unplanned_return')[];
    returned: IsoDate;
    /** Dates of missing episodes after the return. */
    missing_since_return: IsoDate[];
    /** The new_household_adult entry that stands, when it is an alert. */
    new_household_adult: string | null;
  })[];
}

export interface CostExposure {
  label: string;
  preset: string;
  source: string;
  year: number;
  currency: string;
  figures: { failed_return: number; support: number };
  /** Open stage-5 cases. */
  returns_in_progress: number;
  support_cost: number;
  /** Returns in progress at high or very_high, not classified at all, or without support in place. */
  at_risk: number;
  failed_return_cost_if_broken_down: number;
  exceptions: (Exception & { level: Level | null; without_support: boolean; unclassified: boolean; unplanned: boolean })[];
}

export interface Outcomes {
  home_now: number;
  at_home: number;
  stepped_down: number;
  not_returned: number;
  re_entered_care: number;
}

export interface AttentionCase {
  id: string;
  stage: number | 'closed';
  reasons: { metric: MetricId; text: string }[];
}

export interface StatusFilter {
  stage?: string[];
  level?: string[];
  cohort?: string[];
  legal_status?: string[];
  placement?: string[];
}

export interface StatusView {
  version: 1;
  as_of: IsoDate;
  organisation: string;
  scope: { cases: number; open: number; closed: number; skipped: number; team: string | null; filter: StatusFilter | null; shared: boolean };
  /** The cases that need action now, first in every output. */
  attention: AttentionCase[];
  stage_counts: StageCounts;
  not_considered: NotConsidered;
  overdue_tasks: OverdueTasks;
  awaiting_signoff: AwaitingSignoff;
  risk_mix: RiskMix;
  overrides: Overrides;
  decisions_not_shared: DecisionsNotShared;
  reviews_due: ReviewsDue;
  goals_red: GoalsRed;
  goals_overdue: GoalsOverdue;
  home_goals_stale: HomeGoalsStale;
  signed_by_recorder: SignedByRecorder;
  shared_before_signoff: SharedBeforeSignoff;
  role_signoffs_missing: RoleSignoffsMissing;
  post_return_alerts: PostReturnAlerts;
  cost_exposure: CostExposure;
  /** Open cases per cohort (a child may be in several). */
  cohorts: Record<string, number>;
  outcomes: Outcomes;
}
