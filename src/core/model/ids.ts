// The one base definition of every id list in the practice domain (docs/framework.md).
// Schemas, rules, prompts and reports all read these; a test checks the shipped
// schemas agree with them. Local configuration may add factors, cohorts, triggers
// and override categories, never remove or rename these.

export const FORMAT_VERSION = 1;

export const STAGES = [
  { number: 1, id: 'assess', name: 'Assessment of risk, protective factors and capacity to change' },
  { number: 2, id: 'decide', name: 'Risk classification and decision' },
  { number: 3, id: 'agree', name: 'Parental agreement, goals and support' },
  { number: 4, id: 'prepare', name: 'Reclassification, decision and planning' },
  { number: 5, id: 'return_home', name: 'Return home, support and monitoring' },
] as const;

export type StageNumber = 1 | 2 | 3 | 4 | 5;
export type StageValue = StageNumber | 'closed';

export const TASKS_BY_STAGE: Record<StageNumber, readonly string[]> = {
  1: ['case_history', 'engagement', 'family_assessment', 'safe_adult', 'written_assessment'],
  2: ['classification', 'decision', 'decision_shared', 'support_if_no_return'],
  3: ['child_views', 'agreement', 'relationships', 'team_around_child', 'backup_plan'],
  4: ['reclassification', 'support_review', 'transition_plan', 'readiness'],
  5: ['contact_plan', 'support_package', 'monitoring', 'step_down'],
};

export const TASK_IDS: readonly string[] = Object.values(TASKS_BY_STAGE).flat();

export const TASK_LABELS: Record<string, string> = {
  case_history: 'Analytical case history with genogram',
  engagement: 'Engage the child and family',
  family_assessment: 'Assessment done with the family',
  safe_adult: 'Identify a safe adult',
  written_assessment: 'Written assessment with a recommendation about return',
  classification: 'Categorise risk',
  decision: 'Link the level to a decision',
  decision_shared: 'Share the decision with everyone involved',
  support_if_no_return: 'Offer support where return is not possible',
  child_views: 'Voice of the child',
  agreement: 'Written parental agreement with SMART goals',
  relationships: 'Build relationships that support change',
  team_around_child: 'Team around the child',
  backup_plan: 'Shared back-up plan',
  reclassification: 'Regrade risk on current evidence',
  support_review: 'Revise the support plan',
  transition_plan: 'Agree the transition (reunification) plan',
  readiness: 'Prepare everyone',
  contact_plan: 'Phased, increasing contact up to transfer of care',
  support_package: 'Manage the support package',
  monitoring: 'Monitor risk and progress',
  step_down: 'Step down once risk can be re-categorised',
};

export function stageOfTask(task: string): StageNumber | undefined {
  for (const [stage, tasks] of Object.entries(TASKS_BY_STAGE)) {
    if (tasks.includes(task)) return Number(stage) as StageNumber;
  }
  return undefined;
}

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type Level = (typeof LEVELS)[number];

export const DECISION_POINTS = ['rc1_d2', 'rc2_d3', 'rc3_post_return'] as const;
export type DecisionPoint = (typeof DECISION_POINTS)[number];

/** The decision point whose classification and decision belong to each stage. */
export const DECISION_POINT_OF_STAGE: Partial<Record<StageNumber, DecisionPoint>> = {
  2: 'rc1_d2',
  4: 'rc2_d3',
  5: 'rc3_post_return',
};

export const OUTCOMES_BY_POINT: Record<DecisionPoint, readonly string[]> = {
  rc1_d2: ['return_with_support', 'return_if_goals_met', 'return_if_change_evidenced', 'no_return'],
  rc2_d3: ['proceed_to_return', 'extend_work', 'no_return'],
  rc3_post_return: ['continue', 'increase_support', 'step_down', 'return_to_care'],
};

export const RECOMMENDATIONS = OUTCOMES_BY_POINT.rc1_d2;

/**
 * Decision 1: whether to begin a reunification assessment. A decision only (no risk
 * classification belongs to it), so it is a point of `decisions[]` and not of `classifications[]`.
 */
export const D1_POINT = 'd1_start';
export const D1_OUTCOMES = ['begin_assessment', 'not_pursued'] as const;
/** Every point a `decisions[]` entry may name: Decision 1, then the three classification points. */
export const DECISION_RECORD_POINTS = [D1_POINT, ...DECISION_POINTS] as const;
export type DecisionRecordPoint = (typeof DECISION_RECORD_POINTS)[number];
export const OUTCOMES_BY_DECISION_POINT: Record<DecisionRecordPoint, readonly string[]> = { [D1_POINT]: D1_OUTCOMES, ...OUTCOMES_BY_POINT };

export const LEGAL_STATUSES = ['s20', 's31', 's38', 'not_looked_after', 'other'] as const;
export const PROCEEDINGS = ['none', 'pre_proceedings', 'care_proceedings'] as const;
export const PLACEMENTS = ['foster', 'kinship', 'residential', 'parents', 'other'] as const;

/** Care proceedings: the kinds of hearing, the orders that end them, and the statutory timetable (Children Act 1989 s32). */
export const HEARING_TYPES = ['cmh', 'irh', 'final', 'other'] as const;
export const FINAL_ORDERS = [
  'care_order',
  'supervision_order',
  'child_arrangements_order',
  'special_guardianship_order',
  'placement_order',
  'no_order',
  'other',
] as const;
export const COURT_TIMETABLE_WEEKS = 26;
/** Legal statuses under which placing the child with parents needs a recorded approval first (a care order, final or interim). */
export const CARE_ORDER_STATUSES = ['s31', 's38'] as const;

export const COHORTS = [
  'teen_future_care_leaver',
  'wants_to_return',
  'placement_at_risk',
  'placement_with_parents',
  's20_placement',
  'edge_of_care',
  'pre_proceedings',
  'parent_prior_removals',
  'placement_disruptions',
] as const;

export const TRIGGERS = ['cla_review', 'updated_assessment', 'behaviour_change', 'missing_episode', 'leaving_care_age', 's20_ending'] as const;

export const OVERRIDE_CATEGORIES = [
  'single_severe_concern',
  'strong_protective_context',
  'information_not_captured',
  'child_specific_vulnerability',
  'other',
] as const;

export const FACTOR_STATUSES = ['present', 'partly', 'absent', 'unknown'] as const;
export type FactorStatus = (typeof FACTOR_STATUSES)[number];

export const CAPACITY_RATINGS = ['demonstrated', 'emerging', 'limited', 'not_shown'] as const;
export type CapacityRating = (typeof CAPACITY_RATINGS)[number];
/** Capacity not yet assessed (a parent not yet met): recorded as such, counted as unknown, never as safety. */
export const CAPACITY_NOT_ASSESSED = 'not_assessed';
/** What `capacity_to_change[].rating` may hold: a rating, or not yet assessed. */
export const CAPACITY_VALUES = [...CAPACITY_RATINGS, CAPACITY_NOT_ASSESSED] as const;
export type CapacityValue = (typeof CAPACITY_VALUES)[number];

export const RAG = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG)[number];

export const SUPPORT_DELIVERY = ['on_track', 'partly', 'not_delivered', 'ended'] as const;
export const STEP_DOWN_TO = ['cin', 'early_help', 'universal', 'order_discharged'] as const;
export const OUTCOME_STATUSES = ['at_home', 're_entered_care', 'not_returned'] as const;
/** What a risk one person poses to another rests on (`people[].risk_to[].basis`). */
export const RISK_BASES = ['court_order', 'safety_plan', 'marac', 'other'] as const;
export type RiskBasis = (typeof RISK_BASES)[number];

export type FactorKind = 'risk' | 'protective';
export type FactorAbout = 'child' | 'parent' | 'household' | 'practice';

export interface FactorDefinition {
  id: string;
  kind: FactorKind;
  about: FactorAbout;
  static: boolean;
  meaning: string;
  source: string;
}

/** docs/framework.md §4.2. */
export const FACTORS: readonly FactorDefinition[] = [
  {
    id: 'child_age_over_10',
    kind: 'risk',
    about: 'child',
    static: true,
    meaning: 'Child is over 10 when going home',
    source: 'Farmer et al. 2011; Wade et al. 2011',
  },
  {
    id: 'previous_failed_return',
    kind: 'risk',
    about: 'child',
    static: true,
    meaning: 'One or more earlier returns ended in re-entry',
    source: 'Farmer et al. 2011; Wade et al. 2011',
  },
  {
    id: 'child_behaviour_difficulties',
    kind: 'risk',
    about: 'child',
    static: false,
    meaning: 'Behaviour problems or emotional difficulties that put strain on the home',
    source: 'Farmer et al. 2011; Biehal 2006',
  },
  { id: 'missing_episodes', kind: 'risk', about: 'child', static: false, meaning: 'Child has gone missing from placement or home', source: 'Reviews' },
  {
    id: 'parental_substance_misuse',
    kind: 'risk',
    about: 'parent',
    static: false,
    meaning: 'Drug or alcohol misuse by a parent',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'domestic_abuse',
    kind: 'risk',
    about: 'household',
    static: false,
    meaning: 'Domestic abuse in the household, including by a partner who comes back',
    source: 'Farmer et al. 2011; reviews',
  },
  {
    id: 'parental_mental_health',
    kind: 'risk',
    about: 'parent',
    static: false,
    meaning: 'Mental ill-health that affects care and is untreated or unstable',
    source: 'Reviews',
  },
  {
    id: 'problems_unaddressed',
    kind: 'risk',
    about: 'parent',
    static: false,
    meaning: 'The difficulties that led to care have not been tackled, or are hidden from professionals',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'parental_ambivalence',
    kind: 'risk',
    about: 'parent',
    static: false,
    meaning: 'Parent is unsure or divided about having the child back',
    source: 'Farmer et al. 2011; Biehal 2006',
  },
  {
    id: 'parental_isolation',
    kind: 'risk',
    about: 'parent',
    static: false,
    meaning: 'Parent has little support from family, friends or community',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'new_household_adult',
    kind: 'risk',
    about: 'household',
    static: false,
    meaning: 'A new partner or other adult has joined the household and has not been assessed',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'previous_child_removals',
    kind: 'risk',
    about: 'parent',
    static: true,
    meaning: 'Other children were removed from this parent before',
    source: 'Reviews',
  },
  {
    id: 'unplanned_return',
    kind: 'risk',
    about: 'practice',
    static: true,
    meaning: 'Return brought about by the child or parent, not planned by the council',
    source: 'Farmer et al. 2011; Biehal 2006',
  },
  {
    id: 'poor_assessment_planning',
    kind: 'risk',
    about: 'practice',
    static: false,
    meaning: 'Return goes ahead without thorough assessment and planning',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'insufficient_services',
    kind: 'risk',
    about: 'practice',
    static: false,
    meaning: 'Too few, or the wrong, services for child and parents before and after return',
    source: 'Farmer et al. 2011; Wade et al. 2011',
  },
  {
    id: 'household_change',
    kind: 'protective',
    about: 'household',
    static: false,
    meaning: 'The source of harm is removed, e.g. the abusive adult has left',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'sustained_parental_change',
    kind: 'protective',
    about: 'parent',
    static: false,
    meaning: 'Change confirmed by others and kept up over time, not just promised',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'clear_conditions',
    kind: 'protective',
    about: 'practice',
    static: false,
    meaning: 'Clear, non-negotiable conditions agreed with parents before return',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'phased_return',
    kind: 'protective',
    about: 'practice',
    static: false,
    meaning: 'Gradual return with contact increasing step by step',
    source: 'Farmer et al. 2011; Biehal 2006',
  },
  {
    id: 'specialist_services',
    kind: 'protective',
    about: 'practice',
    static: false,
    meaning: 'Specialist help matched to need, e.g. substance misuse treatment',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'extended_family_support',
    kind: 'protective',
    about: 'household',
    static: false,
    meaning: 'Wider family or network actively supports the family',
    source: 'Farmer et al. 2011; reviews',
  },
  {
    id: 'carer_continuity',
    kind: 'protective',
    about: 'practice',
    static: false,
    meaning: 'Foster or residential carers stay in touch and help after return',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'child_views_heard',
    kind: 'protective',
    about: 'child',
    static: false,
    meaning: "Child's wishes and feelings have been sought and taken into account",
    source: 'Reviews; framework',
  },
  {
    id: 'consistent_social_worker',
    kind: 'protective',
    about: 'practice',
    static: false,
    meaning: 'The same social worker throughout the return',
    source: 'Farmer et al. 2011',
  },
  {
    id: 'safe_adult_in_place',
    kind: 'protective',
    about: 'child',
    static: false,
    meaning: 'Child has a trusted adult to tell if things go wrong',
    source: 'Framework practice (not an outcome finding)',
  },
];

export const FACTOR_IDS: readonly string[] = FACTORS.map((f) => f.id);

/** Parties that are not people in the case's `people` list. */
export const ROLE_PARTIES = ['child', 'iro', 'childrens_guardian', 'social_worker', 'team_manager'] as const;

/** Pattern for case ids (design.md §3.1). */
export const CASE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
