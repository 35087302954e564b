// Typed shape of a case file's front matter (design.md §3.1). Rules and views read
// these types only after the common schema has accepted the data.
import type { CapacityValue, RiskBasis, DecisionPoint, DecisionRecordPoint, FactorStatus, Level, Rag, StageValue, TaskStatus } from './ids.js';

export type IsoDate = string;

export interface SignOff {
  by: string;
  date: IsoDate;
  /** Frozen copies of the written product as signed off (see frozenRecords.ts). */
  frozen?: { path: string; sha256: string; made?: IsoDate }[];
}

/** A sign-off by a further role (a senior manager, a permanence panel), beside the team manager's. */
export interface RoleSignOff {
  role: string;
  by: string;
  date: IsoDate;
  note?: string;
}

export interface Person {
  id: string;
  ref: string;
  also_known_as?: string[];
  relation: string;
  pr?: boolean;
  household?: boolean;
  returning_to?: boolean;
  carer?: boolean;
  safe_adult?: boolean;
  protected_address?: boolean;
  risk_to?: { id: string; basis: RiskBasis }[];
  note?: string;
}

export interface TaskRecord {
  status: TaskStatus;
  date?: IsoDate;
  by?: string;
  reason?: string;
  signed_off?: SignOff;
  recommendation?: string;
  person?: string;
  note?: string;
  /** child_views: people the child agreed may read their views. */
  shared_with?: string[];
}

export interface FactorEntry {
  id: string;
  status: FactorStatus;
  evidence?: string;
  as_of?: IsoDate;
  person?: string;
}

export interface Classification {
  date: IsoDate;
  point: DecisionPoint;
  level: Level;
  suggested?: Level;
  /** Who classified: one person, or several classifying together (RC2: the manager and the worker). */
  by: string | string[];
  signed_off?: SignOff;
  override_category?: string;
  override_reason?: string;
  note?: string;
}

export interface SharingRecord {
  party: string;
  date?: IsoDate;
  method?: string;
  response?: string;
  summary?: string;
}

export interface Decision {
  date: IsoDate;
  point: DecisionRecordPoint;
  outcome: string;
  /** Who made the decision (required for Decision 1). */
  by?: string;
  reasons?: string;
  conditions?: string | string[];
  timescale?: string;
  parallel_plan?: string;
  signed_off?: SignOff;
  /** [local] Sign-offs beyond the team manager's, by role (config `additional_signoffs`). */
  additional_signoffs?: RoleSignOff[];
  shared?: SharingRecord[];
  /** One text as expressed, or one entry per party who disagrees. */
  disagreement?: string | PartyView[];
  /** rc3_post_return: when the next post-return review is. */
  next_review?: IsoDate;
  share_with?: string[];
}

/** One party's view, in their words where possible (a disagreement, a view of the transition plan). */
export interface PartyView {
  party: string;
  view: string;
}

/** A decision at one of the stages' decision points (RC1/D2, RC2/D3, RC3), not Decision 1. */
export function atStagePoint(d: Decision): d is Decision & { point: DecisionPoint } {
  return d.point !== 'd1_start';
}

export interface GoalProgress {
  date: IsoDate;
  rag: Rag;
  comment?: string;
}

export interface Goal {
  id: string;
  person?: string;
  share_with?: string[];
  goal?: string;
  steps?: string[];
  by?: IsoDate;
  support?: string;
  success?: string;
  progress?: GoalProgress[];
}

export interface Agreement {
  signed?: IsoDate;
  parents?: { person: string; strengths?: string; worries?: string }[];
  goals?: Goal[];
  non_negotiables?: string[];
  team_around_child?: string[];
  backup_plan?: string;
  /** When the agreement will be reviewed with the family. */
  review_dates?: IsoDate[];
}

/** The written assessment's content beyond factors, history and recommendation (stage 1). */
export interface AssessmentRecord {
  reason_for_care?: string;
  child_needs?: string;
  parents?: { person: string; strengths?: string; risks?: string; progress?: string }[];
  other_agencies?: string;
  what_must_change?: string;
  /** The reasons for the recommendation in tasks.written_assessment. */
  reasons?: string;
}

export interface TransitionRecord {
  agreed?: IsoDate;
  agreed_by?: string[];
  planned_return?: IsoDate;
  placement_approval?: { by: string; date: IsoDate; note?: string };
  warning_signs?: { sign: string; response: string }[];
  school?: string;
  health?: string;
  /** The parents' and carers' views of the plan. */
  views?: PartyView[];
}

export interface ReturnRecord {
  unplanned?: boolean;
  contact_phases?: { from: IsoDate; to?: IsoDate; pattern?: string; conditions?: string; note?: string }[];
  returned?: IsoDate;
  support_package?: { service: string; from?: IsoDate; to?: IsoDate; delivered?: string; note?: string }[];
  visits?: { date: IsoDate; seen_alone?: boolean; note?: string }[];
  step_down?: { date: IsoDate; to: string; note?: string } | null;
}

export interface CourtRecord {
  issued?: IsoDate;
  /** Recorded 26-week date; absent, it is `issued` + 26 weeks. */
  week_26?: IsoDate;
  hearings?: { date: IsoDate; type: string; outcome?: string; note?: string }[];
  final_order?: { date: IsoDate; order: string; note?: string };
}

export interface CaseData {
  reunify: 1;
  id: string;
  stage: StageValue;
  opened: IsoDate;
  fictional?: boolean;
  siblings?: string[];
  child: {
    ref: string;
    dob: IsoDate;
    /** Required while the child is looked after (any legal status but not_looked_after). */
    looked_after_since?: IsoDate;
    legal_status: string;
    proceedings?: string;
    placement?: string;
    placement_moves?: number;
    wants_to_return?: boolean;
  };
  cohorts?: string[];
  triggers?: { type: string; date: IsoDate; note?: string }[];
  cla_reviews?: IsoDate[];
  team: { social_worker: string; team_manager?: string; iro?: string };
  people?: Person[];
  history?: {
    entries_to_care?: number;
    previous_returns?: number;
    failed_returns?: number;
    parent_prior_removals?: number;
    missing_episodes?: number;
    /** Away from placement without authorisation (whereabouts known): not missing episodes. */
    away_without_authorisation?: number;
  };
  factors?: FactorEntry[];
  capacity_to_change?: { person: string; rating: CapacityValue; evidence?: string; as_of?: IsoDate }[];
  assessment?: AssessmentRecord | null;
  tasks: Record<string, TaskRecord>;
  classifications?: Classification[];
  decisions?: Decision[];
  agreement?: Agreement | null;
  transition?: TransitionRecord | null;
  return?: ReturnRecord | null;
  court?: CourtRecord | null;
  outcome?: { status: string; date: IsoDate; note?: string } | null;
  /** A worker's decisions that a family copy may show a field, as written, to named readers. */
  shareable?: ShareableField[];
  [key: `x-${string}`]: unknown;
}

/**
 * A worker's decision, recorded in the file, that family copies for `with` may show the
 * text at `path` as written, though it names someone else or speaks of their whereabouts
 * or health. Never made by default; never lifts `risk_to`, `protected_address`, or the
 * screen for addresses and other ways to find someone.
 */
export interface ShareableField {
  /** JSON pointer to a free-text field (or a list of texts) of the front matter, e.g. /agreement/backup_plan. */
  path: string;
  /** Readers (person ids, or child). */
  with: string[];
  by: string;
  date: IsoDate;
  note?: string;
}
