// Fictional cases at stage 3 and stage 5 that pass every timeliness, stage 3–5 and
// trigger rule as of AS_OF (2026-11-01); tables spread their own changes over them.
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { stage1Case } from './harness.js';

/** A body with the child's views recorded, as cases past stage 3 need. */
export const BODY_WITH_VIEWS =
  "## Case history\n\nChronology of entries to care and earlier returns.\n\n## Child's views\n\nWants to go home; worries about the shouting.\n";

const signed = (date: string) => ({ by: 'TM T.M.', date });

/** Stage 3: agreement signed 2026-09-10 with one SMART goal rated 2026-10-08; backup plan still in progress. */
export function stage3Case(): CaseData {
  const base = stage1Case();
  return {
    ...base,
    stage: 3,
    opened: '2026-05-04',
    child: { ...base.child, dob: '2018-03-02', looked_after_since: '2026-04-20' },
    people: [...(base.people ?? []), { id: 'gran', ref: 'Mrs T', relation: 'maternal_grandmother' }],
    cla_reviews: ['2026-05-14', '2026-08-12'],
    history: { entries_to_care: 1, previous_returns: 0, failed_returns: 0, parent_prior_removals: 0, missing_episodes: 0 },
    factors: [{ id: 'parental_substance_misuse', status: 'partly', evidence: 'Tests mostly clear', as_of: '2026-08-15' }],
    tasks: {
      case_history: { status: 'done', date: '2026-05-20', by: 'SW T.T.' },
      engagement: { status: 'done', date: '2026-05-22', by: 'SW T.T.' },
      family_assessment: { status: 'done', date: '2026-06-10', by: 'SW T.T.' },
      safe_adult: { status: 'done', date: '2026-06-05', by: 'SW T.T.', person: 'gran' },
      written_assessment: { status: 'done', date: '2026-06-20', by: 'SW T.T.', signed_off: signed('2026-06-22'), recommendation: 'return_if_goals_met' },
      classification: { status: 'done', date: '2026-08-20', by: 'SW T.T.' },
      decision: { status: 'done', date: '2026-08-24', by: 'TM T.M.' },
      decision_shared: { status: 'done', date: '2026-08-28', by: 'SW T.T.' },
      support_if_no_return: { status: 'not_applicable', reason: 'Working towards return' },
      child_views: { status: 'done', date: '2026-09-05', by: 'SW T.T.' },
      agreement: { status: 'done', date: '2026-09-10', by: 'SW T.T.' },
      relationships: { status: 'in_progress' },
      team_around_child: { status: 'done', date: '2026-09-10', by: 'SW T.T.' },
      backup_plan: { status: 'in_progress' },
    },
    classifications: [{ date: '2026-08-20', point: 'rc1_d2', level: 'medium', suggested: 'medium', by: 'SW T.T.', signed_off: signed('2026-08-21') }],
    decisions: [
      {
        date: '2026-08-24',
        point: 'rc1_d2',
        outcome: 'return_if_goals_met',
        reasons: 'Goals first',
        signed_off: signed('2026-08-24'),
        shared: [
          { party: 'child', date: '2026-08-28' },
          { party: 'mum', date: '2026-08-28' },
          { party: 'fc', date: '2026-08-28' },
          { party: 'iro', date: '2026-08-28' },
        ],
      },
    ],
    agreement: {
      signed: '2026-09-10',
      parents: [{ person: 'mum', strengths: 'Warm', worries: 'Drinking' }],
      goals: [
        {
          id: 'g1',
          goal: 'Ms T stays alcohol-free, shown by monthly tests',
          steps: ['Weekly alcohol service sessions', 'Monthly hair-strand test'],
          by: '2027-01-15',
          support: 'Alcohol service key worker',
          success: 'Three clear tests in a row',
          progress: [{ date: '2026-10-08', rag: 'amber', comment: 'One missed session' }],
        },
      ],
      non_negotiables: ['No drinking during family time'],
      review_dates: ['2026-12-10'],
      team_around_child: ['School DSL', 'Health visitor'],
    },
  };
}

/** Stage 5 (s20): planned return on 2026-04-01, regraded low after it on 2026-09-28, not yet stepped down. */
export function stage5Case(): CaseData {
  const base = stage3Case();
  return {
    ...base,
    stage: 5,
    opened: '2025-09-01',
    child: { ...base.child, dob: '2014-04-30', looked_after_since: '2025-08-18' },
    people: [
      { id: 'mum', ref: 'Ms A', relation: 'mother', pr: true, household: true, returning_to: true },
      { id: 'dad', ref: 'Mr A', relation: 'father', pr: true, household: false },
      { id: 'gran', ref: 'Mrs A', relation: 'maternal_grandmother' },
      { id: 'fc', ref: 'Foster carers C', relation: 'foster_carer', carer: true },
    ],
    triggers: [{ type: 'cla_review', date: '2025-09-12' }],
    cla_reviews: ['2025-09-12', '2025-12-10', '2026-03-20', '2026-09-18'],
    history: { entries_to_care: 2, previous_returns: 1, failed_returns: 1, parent_prior_removals: 0, missing_episodes: 0 },
    factors: [
      { id: 'parental_substance_misuse', status: 'partly', evidence: 'Tests mostly clear', as_of: '2026-02-01' },
      { id: 'previous_failed_return', status: 'present' },
      { id: 'child_age_over_10', status: 'present' },
    ],
    tasks: {
      case_history: { status: 'done', date: '2025-09-20', by: 'SW J.P.' },
      engagement: { status: 'done', date: '2025-09-22', by: 'SW J.P.' },
      family_assessment: { status: 'done', date: '2025-10-10', by: 'SW J.P.' },
      safe_adult: { status: 'done', date: '2025-10-05', by: 'SW J.P.', person: 'gran' },
      written_assessment: { status: 'done', date: '2025-10-20', by: 'SW J.P.', signed_off: signed('2025-10-22'), recommendation: 'return_if_change_evidenced' },
      classification: { status: 'done', date: '2025-10-28', by: 'SW J.P.' },
      decision: { status: 'done', date: '2025-10-30', by: 'TM A.O.' },
      decision_shared: { status: 'done', date: '2025-11-03', by: 'SW J.P.' },
      support_if_no_return: { status: 'not_applicable', reason: 'Working towards return' },
      child_views: { status: 'done', date: '2025-11-10', by: 'SW J.P.' },
      agreement: { status: 'done', date: '2025-11-20', by: 'SW J.P.' },
      relationships: { status: 'done', date: '2025-11-25', by: 'SW J.P.' },
      team_around_child: { status: 'done', date: '2025-11-25', by: 'SW J.P.' },
      backup_plan: { status: 'done', date: '2025-11-25', by: 'SW J.P.' },
      reclassification: { status: 'done', date: '2026-02-20', by: 'TM A.O.' },
      support_review: { status: 'done', date: '2026-02-25', by: 'SW J.P.' },
      transition_plan: { status: 'done', date: '2026-03-01', by: 'SW J.P.' },
      readiness: { status: 'done', date: '2026-03-05', by: 'SW J.P.' },
      contact_plan: { status: 'done', date: '2026-03-06', by: 'SW J.P.' },
      support_package: { status: 'in_progress' },
      monitoring: { status: 'in_progress' },
      step_down: { status: 'todo' },
    },
    classifications: [
      {
        date: '2025-10-28',
        point: 'rc1_d2',
        level: 'high',
        suggested: 'medium',
        by: 'SW J.P.',
        signed_off: signed('2025-10-29'),
        override_category: 'single_severe_concern',
        override_reason: 'See analysis',
      },
      { date: '2026-02-20', point: 'rc2_d3', level: 'medium', suggested: 'medium', by: 'TM A.O.', signed_off: signed('2026-02-20') },
      { date: '2026-09-28', point: 'rc3_post_return', level: 'low', suggested: 'low', by: 'SW J.P.', signed_off: signed('2026-09-29') },
    ],
    decisions: [
      { date: '2025-10-30', point: 'rc1_d2', outcome: 'return_if_change_evidenced', reasons: 'See analysis', signed_off: signed('2025-10-30') },
      { date: '2026-02-22', point: 'rc2_d3', outcome: 'proceed_to_return', reasons: 'Goals met', signed_off: signed('2026-02-22') },
      { date: '2026-09-29', point: 'rc3_post_return', outcome: 'continue', next_review: '2026-12-28', signed_off: signed('2026-09-29') },
    ],
    agreement: {
      signed: '2025-11-20',
      parents: [{ person: 'mum', strengths: 'Warm', worries: 'Drinking' }],
      goals: [
        {
          id: 'g1',
          goal: 'Ms A stays alcohol-free, shown by monthly tests',
          steps: ['Weekly alcohol service sessions'],
          by: '2026-02-01',
          support: 'Alcohol service key worker',
          success: 'Three clear tests in a row',
          progress: [
            { date: '2025-12-20', rag: 'amber' },
            { date: '2026-02-01', rag: 'green' },
          ],
        },
      ],
      team_around_child: ['School DSL', 'GP', 'Alcohol service'],
      backup_plan: 'Review meeting within a week; kinship care with gran',
      review_dates: ['2025-12-20', '2026-02-01'],
    },
    transition: {
      agreed: '2026-03-01',
      agreed_by: ['child', 'mum', 'fc', 'iro'],
      planned_return: '2026-04-01',
      warning_signs: [{ sign: 'Ms A misses a test', response: 'Key worker tells the social worker the same day' }],
      school: 'Same school; the DSL checks in weekly',
      health: 'Same GP',
      views: [{ party: 'mum', view: 'Ready' }],
    },
    return: {
      unplanned: false,
      contact_phases: [
        { from: '2026-03-06', to: '2026-03-20', pattern: 'Day visits at weekends' },
        { from: '2026-03-21', to: '2026-03-31', pattern: 'Two overnights a week' },
      ],
      returned: '2026-04-01',
      support_package: [{ service: 'Family support worker', from: '2026-04-01', to: '2026-10-01', delivered: 'on_track' }],
      visits: [
        { date: '2026-04-29', seen_alone: true },
        { date: '2026-06-05', seen_alone: true },
        { date: '2026-07-15', seen_alone: true },
        { date: '2026-08-20', seen_alone: true },
        { date: '2026-09-25', seen_alone: true },
      ],
      step_down: null,
    },
    outcome: null,
  };
}
