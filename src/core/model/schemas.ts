// JSON Schemas (draft-07) for case files, built from the id lists in ids.ts: the
// common shape of the front matter, and one gate per stage — what a case must hold
// to be at that stage. `npm run schemas` writes them to schemas/; a test keeps the
// shipped files equal to what this module builds.
import {
  CAPACITY_VALUES,
  CASE_ID_PATTERN,
  COHORTS,
  DATE_PATTERN,
  DECISION_POINTS,
  DECISION_RECORD_POINTS,
  D1_POINT,
  FACTORS,
  FACTOR_STATUSES,
  FINAL_ORDERS,
  FORMAT_VERSION,
  HEARING_TYPES,
  LEGAL_STATUSES,
  LEVELS,
  OUTCOME_STATUSES,
  OUTCOMES_BY_DECISION_POINT,
  OVERRIDE_CATEGORIES,
  PLACEMENTS,
  PROCEEDINGS,
  RAG,
  RECOMMENDATIONS,
  RISK_BASES,
  ROLE_PARTIES,
  STAGES,
  STEP_DOWN_TO,
  SUPPORT_DELIVERY,
  TASK_IDS,
  TASK_LABELS,
  TASK_STATUSES,
  TASKS_BY_STAGE,
  TRIGGERS,
  type FactorDefinition,
  type StageNumber,
  type TaskStatus,
} from './ids.js';
import { toPointer } from './problem.js';
import { FROZEN_PATH_PATTERN } from '../workflow/frozenRecords.js';

/** Base id lists plus a local config's additions (factors, cohorts, triggers, override categories). */
export interface DomainIds {
  factors: FactorDefinition[];
  cohorts: string[];
  triggers: string[];
  overrideCategories: string[];
}

export const BASE_IDS: DomainIds = {
  factors: [...FACTORS],
  cohorts: [...COHORTS],
  triggers: [...TRIGGERS],
  overrideCategories: [...OVERRIDE_CATEGORIES],
};

/** Stable `$id` prefix of every shipped schema. */
export const SCHEMA_BASE = 'https://reunify.dev/schemas/v1/';

export const STAGE_NUMBERS: readonly StageNumber[] = STAGES.map((s) => s.number);
export const STAGE_VALUES: readonly (StageNumber | 'closed')[] = [...STAGE_NUMBERS, 'closed'];

/** Task statuses that let a case move past the task's stage. */
export const FINISHED_TASK_STATUSES = ['done', 'not_applicable'] as const satisfies readonly TaskStatus[];

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

type Schema = { [keyword: string]: unknown };

// ---------------------------------------------------------------------------
// Building blocks

const text = (description: string): Schema => ({ type: 'string', description });
const flag = (description: string): Schema => ({ type: 'boolean', description });
const count = (description: string): Schema => ({ type: 'integer', minimum: 0, description });
const choice = (values: readonly (string | number)[], description: string): Schema => ({ enum: [...values], description });
const date = (description: string): Schema => ({ type: 'string', format: 'date', pattern: DATE_PATTERN, description });
const listOf = (items: Schema, description: string, extra: Schema = {}): Schema => ({ type: 'array', description, items, ...extra });
const ref = (definition: string, description: string): Schema => ({ $ref: `#/definitions/${definition}`, description });
/** Readers of family copies (`report --for`): person ids from `people`, or `child`. */
const readers = (description: string): Schema => listOf({ type: 'string', minLength: 1 }, description, { uniqueItems: true });

/** A record we define: known fields only. */
function record(description: string, properties: Schema, required: string[] = [], nullable = false): Schema {
  return {
    type: nullable ? ['object', 'null'] : 'object',
    description,
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

/** The validator appends a schema node's `$comment` to its messages ("… when status is done"). */
const withCondition = (condition: string, schema: Schema): Schema => ({ $comment: condition, ...schema });

const fieldIs = (field: string, value: string): Schema => ({ required: [field], properties: { [field]: { const: value } } });

// ---------------------------------------------------------------------------
// The common case shape (design.md §3.1)

function definitions(ids: DomainIds): Schema {
  return {
    signed_off: record(
      "A manager's sign-off: one shape everywhere",
      {
        by: text('Who signed off (role and initials)'),
        date: date('When it was signed off'),
        frozen: listOf(
          record(
            'A frozen copy of the written product as signed off, and the SHA-256 of its bytes',
            {
              path: {
                type: 'string',
                pattern: FROZEN_PATH_PATTERN,
                description: 'Where the copy is, relative to the folder of the case file, e.g. ../records/RF-0001/decision-rc1_d2-2026-10-28.md',
              },
              sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the copy, 64 lowercase hex digits' },
              made: date('When the copy was made, if later than the sign-off (`signoff --freeze`): the product as the file read that day'),
            },
            ['path', 'sha256'],
          ),
          'The frozen copies written when it was signed off (Markdown and HTML); a signed-off record never changes afterwards',
          { maxItems: 20 },
        ),
      },
      ['by', 'date'],
    ),
    task: {
      ...record(
        'Where one task stands; the content lives in the records (classifications, decisions, agreement, …)',
        {
          status: choice(TASK_STATUSES, 'todo, in_progress, done, or not_applicable (with a reason)'),
          date: date('When the task was done'),
          by: text('Who did it'),
          reason: text('Why the task does not apply or could not be done'),
          signed_off: ref('signed_off', 'Manager sign-off, e.g. of the written assessment'),
          recommendation: choice(RECOMMENDATIONS, 'The written assessment’s recommendation about return'),
          person: text('A person id from `people`, e.g. the safe adult'),
          note: text('Short note'),
          shared_with: readers(
            "child_views only: the people (ids) the child has agreed may read their views; a family copy for anyone else never shows the child's words",
          ),
        },
        ['status'],
      ),
      allOf: [
        { if: fieldIs('status', 'done'), then: withCondition('when status is done', { required: ['date', 'by'] }) },
        { if: fieldIs('status', 'not_applicable'), then: withCondition('when status is not_applicable', { required: ['reason'] }) },
      ],
    },
    child: {
      ...record(
        'The child: pseudonym or initials only, never a full name',
        {
          ref: text('Pseudonym or initials, e.g. "Child A"'),
          dob: date('Date of birth'),
          looked_after_since: date('Date the child became looked after (this episode); required unless legal_status is not_looked_after'),
          legal_status: choice(LEGAL_STATUSES, 'Legal basis of care: s20, s31, s38, not_looked_after or other'),
          proceedings: choice(PROCEEDINGS, 'Court stage: none, pre_proceedings or care_proceedings'),
          placement: choice(PLACEMENTS, 'Where the child lives now'),
          placement_moves: count('Number of placement moves in this episode'),
          wants_to_return: flag('The child says they want to go home'),
        },
        ['ref', 'dob', 'legal_status'],
      ),
      // an edge-of-care child has no looked-after date to give; any other legal status means the child is looked after
      allOf: [
        {
          if: { required: ['legal_status'], properties: { legal_status: { not: { const: 'not_looked_after' } } } },
          then: withCondition('while the child is looked after (legal_status other than not_looked_after)', { required: ['looked_after_since'] }),
        },
      ],
    },
    team: record(
      'Professionals around the case (roles and initials)',
      Object.fromEntries(ROLE_PARTIES.filter((role) => role !== 'child').map((role) => [role, text(`The ${role.replace(/_/g, ' ')}`)])),
      ['social_worker'],
    ),
    person: record(
      'A member of the family network: genogram, sharing, safe adult, who the child returns to',
      {
        id: text('Short id used elsewhere in the file (e.g. "mum"); must be unique'),
        ref: text('Pseudonym or initials, e.g. "Ms A"'),
        also_known_as: listOf(
          text('A name or nickname'),
          'Other names the file uses for this person (a first name, a nickname): family copies treat text using them as naming this person, and redact replaces them',
        ),
        relation: text('Relation to the child, e.g. mother, maternal_grandmother, foster_carer'),
        pr: flag('Has parental responsibility'),
        household: flag('Lives in the household the child would return to'),
        returning_to: flag('The child is to return to this person'),
        carer: flag('Is (or was) the child’s carer in care'),
        safe_adult: flag('Is the child’s safe adult'),
        protected_address: flag('Address must never appear in shared outputs'),
        risk_to: listOf(
          record(
            'One person this person poses a risk to',
            {
              id: text('Person id from `people` (or child) at risk from this person'),
              basis: choice(RISK_BASES, 'What the risk rests on: court_order, safety_plan, marac or other'),
            },
            ['id', 'basis'],
          ),
          'People this person poses a risk to: their family copies leave out everything about them and refuse products they are not a party to',
        ),
        note: text('Short note'),
      },
      ['id', 'ref', 'relation'],
    ),
    history: record('Counts from the case history; static risk factors are derived from them and the date of birth', {
      entries_to_care: count('Times the child has entered care, this time included'),
      previous_returns: count('Earlier returns home'),
      failed_returns: count('Earlier returns that ended in re-entry to care'),
      parent_prior_removals: count('Other children removed from these parents before'),
      missing_episodes: count('Missing episodes (not counting being away without authorisation)'),
      away_without_authorisation: count('Episodes of being away from placement without authorisation (whereabouts known), counted apart from missing episodes'),
    }),
    factor: record(
      'A dynamic risk or protective factor with its evidence (docs/framework.md §4.2)',
      {
        id: choice(
          ids.factors.map((f) => f.id),
          'Factor id from the catalogue (or a local addition)',
        ),
        status: choice(FACTOR_STATUSES, 'present, partly, absent or unknown; unknown never counts as safety'),
        evidence: text('What shows it, and where from'),
        as_of: date('Date of the evidence'),
        person: text('Person id, when the factor is about one parent'),
      },
      ['id', 'status'],
    ),
    capacity: record(
      "One parent's capacity to change (docs/framework.md §4.3)",
      {
        person: text('Person id of the parent'),
        rating: choice(CAPACITY_VALUES, 'demonstrated, emerging, limited, not_shown, or not_assessed (not yet assessed: counted as unknown, never as safety)'),
        evidence: text('What shows it'),
        as_of: date('Date of the evidence'),
      },
      ['person', 'rating'],
    ),
    trigger: record(
      'A trigger point that starts or revisits the framework (docs/framework.md §5.1)',
      {
        type: choice(ids.triggers, 'Trigger id'),
        date: date('When it happened or was held'),
        note: text('Short note'),
      },
      ['type', 'date'],
    ),
    classification: record(
      'A risk classification (append-only): RC1 at stage 2, RC2 at stage 4, RC3 after the return',
      {
        date: date('Date of the classification'),
        point: choice(DECISION_POINTS, 'Decision point: rc1_d2, rc2_d3 or rc3_post_return'),
        level: choice(LEVELS, 'Chosen level'),
        suggested: choice(LEVELS, 'Level suggested by the factor weighting'),
        by: {
          type: ['string', 'array'],
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
          description:
            'Who classified (role and initials): one person, or a list of the people who classified together (RC2: the team manager and the social worker)',
        },
        signed_off: ref('signed_off', 'Team manager sign-off'),
        override_category: choice(ids.overrideCategories, 'Why the chosen level differs from the suggestion'),
        override_reason: text('The reasoning for the override'),
        note: text('Short note'),
      },
      ['date', 'point', 'level', 'by'],
    ),
    sharing: record(
      'Record of telling one party about a decision',
      {
        party: text('Person id from `people`, or child, iro, childrens_guardian, …'),
        date: date('When it was shared'),
        method: text('How: visit, meeting, letter, phone, email, …'),
        response: text('How they responded, in their words where possible'),
        summary: text('What this party was told, in the words used with them: the reasons their family copy shows'),
      },
      ['party'],
    ),
    decision: {
      ...record(
        'A decision (append-only); its outcome ids depend on the decision point',
        {
          date: date('Date of the decision'),
          point: choice(DECISION_RECORD_POINTS, 'Decision point: d1_start (Decision 1), rc1_d2, rc2_d3 or rc3_post_return'),
          outcome: text('Decision id, valid for the point (docs/framework.md §4.6)'),
          by: text('Who made the decision (role and initials); required for Decision 1'),
          reasons: text('Reasons for the decision'),
          conditions: { type: ['string', 'array'], items: { type: 'string' }, description: 'Conditions attached to the decision' },
          timescale: text('Timescale for the conditions or next step'),
          parallel_plan: text('Alternative permanence plan running alongside'),
          signed_off: ref('signed_off', 'Decision-maker sign-off'),
          additional_signoffs: listOf(
            record(
              'A sign-off by a further role, beside the team manager’s',
              {
                role: {
                  type: 'string',
                  pattern: '^[a-z][a-z0-9_]{0,63}$',
                  description: 'Role id from the config’s additional_signoffs, e.g. senior_manager, permanence_panel',
                },
                by: text('Who signed off for that role (role and initials, or the panel and its chair)'),
                date: date('When they signed it off'),
                note: text('Short note, e.g. the panel’s reference'),
              },
              ['role', 'by', 'date'],
            ),
            '[local] Sign-offs beyond the team manager’s that the config’s additional_signoffs asks for (a senior manager, a permanence panel)',
            { maxItems: 20 },
          ),
          shared: listOf(ref('sharing', 'One party told'), 'Who was told, when and how'),
          disagreement: {
            type: ['string', 'array'],
            items: record(
              "One party's disagreement with the decision",
              {
                party: text('Person id from `people`, or child, iro, childrens_guardian, …'),
                view: text('What they disagree with, in their words where possible'),
              },
              ['party', 'view'],
            ),
            description:
              'Any disagreement from the child, parents or IRO: a list of { party, view }, one per party who disagrees (or one text, as expressed); when absent, sharing responses that say they disagree are shown',
          },
          next_review: date('rc3_post_return: the date of the next post-return review'),
          share_with: readers('People (ids) whose family copy may show the reasons and conditions even where they name someone else'),
        },
        ['date', 'point', 'outcome'],
      ),
      allOf: [
        ...DECISION_RECORD_POINTS.map((point) => ({
          if: fieldIs('point', point),
          then: { properties: { outcome: withCondition(`when point is ${point}`, { enum: [...OUTCOMES_BY_DECISION_POINT[point]] }) } },
        })),
        // Decision 1 says who decided and why, whichever way it goes
        { if: fieldIs('point', D1_POINT), then: withCondition(`when point is ${D1_POINT}`, { required: ['by', 'reasons'] }) },
      ],
    },
    goal: record(
      'One SMART goal of the parental agreement',
      {
        id: text('Short goal id, e.g. g1'),
        person: text('Person id of the parent whose goal this is: it is in their family copy'),
        share_with: readers('Other people (ids) whose family copy may show this goal, or the owner where its text names someone else'),
        goal: text('What must change, in plain words'),
        steps: listOf({ type: 'string' }, 'Steps towards the goal'),
        by: date('When it should be met'),
        support: text('Who helps'),
        success: text('What counts as success'),
        progress: listOf(
          record('A RAG update', { date: date('Date of the update'), rag: choice(RAG, 'red, amber or green'), comment: text('Comment') }, ['date', 'rag']),
          'RAG updates, oldest first',
        ),
      },
      ['id'],
    ),
    agreement: record(
      'The written parental agreement (stage 3)',
      {
        signed: date('When the agreement was signed'),
        parents: listOf(
          record('One parent in the agreement', { person: text('Person id'), strengths: text('Strengths'), worries: text('Worries') }, ['person']),
          'Strengths and worries per parent',
        ),
        goals: listOf(ref('goal', 'A goal'), 'Goals, each SMART'),
        non_negotiables: listOf({ type: 'string' }, 'Non-negotiable conditions'),
        team_around_child: listOf({ type: 'string' }, 'Professionals and carers in the team around the child'),
        backup_plan: text('What happens if goals are missed or the return breaks down'),
        review_dates: listOf(date('A review date'), 'When the agreement will be reviewed with the family, held or planned'),
      },
      [],
      true,
    ),
    transition: record(
      'The transition (reunification) plan (stage 4)',
      {
        agreed: date('When the plan was agreed'),
        agreed_by: listOf({ type: 'string' }, 'Parties who agreed it (person ids or roles)'),
        planned_return: date('Planned date of the move home'),
        placement_approval: record(
          'Approval of placing the child with their parents under a care order (final or interim), given before the move',
          {
            by: text('Who approved (role and initials), e.g. the nominated officer'),
            date: date('When it was approved'),
            note: text('Short note, e.g. conditions of the approval'),
          },
          ['by', 'date'],
        ),
        warning_signs: listOf(
          record(
            'A sign that the return is going wrong, and the response agreed for it',
            { sign: text('What would show things are going wrong'), response: text('What will be done, and by whom, if it is seen') },
            ['sign', 'response'],
          ),
          'Warning signs with the responses agreed for them',
        ),
        school: text('School or nursery arrangements for the move home: which school, transport, who the school will tell'),
        health: text('Health arrangements for the move home: GP registration, health visitor or school nurse, appointments'),
        views: listOf(
          record(
            "One party's view of the plan",
            {
              party: text('Person id from `people` (a parent or carer), or child, iro, …'),
              view: text('Their view of the plan, in their words where possible'),
            },
            ['party', 'view'],
          ),
          "The parents' and carers' views of the plan",
        ),
      },
      [],
      true,
    ),
    assessment: record(
      'The written assessment (stage 1): what it says beyond the factors, the case history and the recommendation',
      {
        reason_for_care: text('Why the child is looked after (or at the edge of care), stated in plain words'),
        child_needs: text("The child's needs: health, development, education, emotional needs and identity, and what caring for them asks of a parent"),
        parents: listOf(
          record(
            "One parent's assessment at stage 1",
            {
              person: text('Person id of the parent'),
              strengths: text("The parent's strengths"),
              risks: text('The risks this parent poses or faces'),
              progress: text('Progress on the problems that led to care'),
            },
            ['person'],
          ),
          'Strengths, risks and progress, per parent',
        ),
        other_agencies: text("Other agencies' information: police, health, school, adult services, with the date each was asked"),
        what_must_change: text('What must change for a safe return'),
        reasons: text("The reasons for the written assessment's recommendation"),
      },
      [],
      true,
    ),
    return: record(
      'The return home and what followed (stage 5)',
      {
        unplanned: flag('True when the return was not planned (e.g. a parent ended s20): gaps before stage 5 become warnings'),
        contact_phases: listOf(
          record(
            'One step of increasing contact',
            {
              from: date('Start'),
              to: date('End'),
              pattern: text('E.g. day visits at weekends'),
              conditions: text('Conditions for moving on'),
              note: text('How it went'),
            },
            ['from'],
          ),
          'Phased contact up to the transfer of care',
        ),
        returned: date('Date the child went home'),
        support_package: listOf(
          record(
            'One service in the support package',
            {
              service: text('The service'),
              from: date('Start'),
              to: date('End'),
              delivered: choice(SUPPORT_DELIVERY, 'on_track, partly, not_delivered or ended'),
              note: text('Short note'),
            },
            ['service'],
          ),
          'Services planned, and whether delivered',
        ),
        visits: listOf(
          record('A monitoring visit', { date: date('Date of the visit'), seen_alone: flag('The child was seen alone'), note: text('Short note') }, ['date']),
          'Monitoring visits after the return',
        ),
        step_down: record(
          'Step down to a lower level of intervention, once risk is lower and stable',
          { date: date('Date of the step down'), to: choice(STEP_DOWN_TO, 'cin, early_help, universal or order_discharged'), note: text('Short note') },
          ['date', 'to'],
          true,
        ),
      },
      [],
      true,
    ),
    court: record(
      'Care proceedings: the issue date, the 26-week date, hearings and the final order',
      {
        issued: date('When the application was issued: the 26 weeks count from it'),
        week_26: date('The date the court set for the end of proceedings; when absent, it is worked out as issued + 26 weeks'),
        hearings: listOf(
          record(
            'One hearing, held or listed',
            {
              date: date('Date of the hearing'),
              type: choice(HEARING_TYPES, 'cmh (case management), irh (issues resolution), final or other'),
              outcome: text('What the court decided or directed; left out while the hearing is only listed'),
              note: text('Short note'),
            },
            ['date', 'type'],
          ),
          'Hearings, oldest first',
        ),
        final_order: record(
          'The order that ended the proceedings',
          {
            date: date('Date of the order'),
            order: choice(
              FINAL_ORDERS,
              'care_order, supervision_order, child_arrangements_order, special_guardianship_order, placement_order, no_order or other',
            ),
            note: text('Short note'),
          },
          ['date', 'order'],
        ),
      },
      [],
      true,
    ),
    shareable: record(
      'A worker’s decision that family copies for the readers named may show one field as written, though it names someone else or speaks of their whereabouts or health',
      {
        path: {
          type: 'string',
          pattern: '^(/[^/]+)+$',
          description: 'JSON pointer to a free-text field of the front matter, or a list of texts, e.g. /agreement/backup_plan',
        },
        with: { ...readers('The readers (person ids, or child) whose family copy may show it as written'), minItems: 1 },
        by: text('Who decided (role and initials)'),
        date: date('When they decided'),
        note: text('Why it may be shared'),
      },
      ['path', 'with', 'by', 'date'],
    ),
    outcome: record(
      'How the case ended, once closed',
      { status: choice(OUTCOME_STATUSES, 'at_home, re_entered_care or not_returned'), date: date('Date of closure'), note: text('Short note') },
      ['status', 'date'],
      true,
    ),
  };
}

function commonSchema(ids: DomainIds): Schema {
  return {
    $schema: DRAFT_07,
    $id: `${SCHEMA_BASE}case.schema.json`,
    title: 'reunify case file',
    description: `Front matter of a case file (format version ${FORMAT_VERSION}): one child, the structured record of their return-home work`,
    type: 'object',
    additionalProperties: false,
    patternProperties: { '^x-': { description: 'Local extension: any value, not checked' } },
    required: ['reunify', 'id', 'stage', 'opened', 'child', 'team', 'tasks'],
    properties: {
      reunify: { const: FORMAT_VERSION, description: 'Case file format version' },
      id: { type: 'string', pattern: CASE_ID_PATTERN, description: 'Case id: letters, digits, . _ -; equals the file name without .md' },
      stage: choice(STAGE_VALUES, 'Current stage, 1–5, or "closed"'),
      opened: date('When the reunification work started (Decision 1)'),
      fictional: flag('True for training and example material'),
      siblings: listOf({ type: 'string', pattern: CASE_ID_PATTERN }, 'Case ids of siblings (each child has their own file)', { uniqueItems: true }),
      child: ref('child', 'The child'),
      cohorts: listOf(choice(ids.cohorts, 'Cohort id'), 'Cohorts to consider for return home (docs/framework.md §5.2)', { uniqueItems: true }),
      triggers: listOf(ref('trigger', 'A trigger'), 'Trigger points (docs/framework.md §5.1)'),
      cla_reviews: listOf(date('Date of a CLA review'), 'Looked-after review dates, held or planned'),
      team: ref('team', 'The team around the case'),
      people: listOf(ref('person', 'A person'), 'Family network'),
      history: ref('history', 'Case history counts'),
      factors: listOf(ref('factor', 'A factor'), 'Dynamic risk and protective factors'),
      capacity_to_change: listOf(ref('capacity', 'One parent'), 'Capacity to change, per parent'),
      assessment: ref('assessment', 'The written assessment (stage 1)'),
      tasks: {
        type: 'object',
        description: 'Status of every task of every stage reached, keyed by task id',
        propertyNames: { enum: [...TASK_IDS] },
        additionalProperties: ref('task', 'One task'),
      },
      classifications: listOf(ref('classification', 'A classification'), 'Risk classifications, append-only'),
      decisions: listOf(ref('decision', 'A decision'), 'Decisions, append-only'),
      agreement: ref('agreement', 'Parental agreement'),
      transition: ref('transition', 'Transition plan'),
      return: ref('return', 'The return home'),
      court: ref('court', 'Care proceedings'),
      outcome: ref('outcome', 'Outcome when closed'),
      shareable: listOf(
        ref('shareable', 'One field, shareable with named readers'),
        'Fields a worker has decided family copies may show, as written, to the readers named (nothing is shareable unless listed here)',
      ),
    },
    definitions: definitions(ids),
  };
}

// ---------------------------------------------------------------------------
// Stage gates (design.md §3.2, docs/framework.md §3)

/** One thing a case must have to be at a stage; unmet, it is one problem. */
export interface GateRequirement {
  /** Practice words completing "to be at stage N: …"; also the schema's description. */
  need: string;
  /** JSON pointer the problem points at. */
  path: string;
  schema: Schema;
}

const label = (task: string) => `${task} (${TASK_LABELS[task]})`;
const UNLESS_UNPLANNED = ', unless the return was unplanned';

const UNPLANNED_RETURN: Schema = {
  required: ['return'],
  properties: { return: { type: 'object', required: ['unplanned'], properties: { unplanned: { const: true } } } },
};

function unlessUnplanned(requirement: GateRequirement): GateRequirement {
  return { ...requirement, need: requirement.need + UNLESS_UNPLANNED, schema: { if: UNPLANNED_RETURN, else: requirement.schema } };
}

function taskHasEntry(task: string): GateRequirement {
  return {
    need: `task ${label(task)} needs an entry in tasks`,
    path: toPointer(['tasks', task]),
    schema: { properties: { tasks: { required: [task] } } },
  };
}

function taskFinished(stage: StageNumber, task: string): GateRequirement {
  return {
    need: `stage ${stage} task ${label(task)} must be done or not_applicable`,
    path: toPointer(['tasks', task, 'status']),
    schema: { properties: { tasks: { properties: { [task]: { properties: { status: { enum: [...FINISHED_TASK_STATUSES] } } } } } } },
  };
}

function writtenAssessmentHas(field: string, need: string): GateRequirement {
  return {
    need,
    path: toPointer(['tasks', 'written_assessment', field]),
    schema: { properties: { tasks: { properties: { written_assessment: { if: fieldIs('status', 'done'), then: { required: [field] } } } } } },
  };
}

/** A list (classifications, decisions) holding a signed-off record at a decision point. */
function signedOffRecord(list: string, point: string, need: string, more: Schema = {}, moreRequired: string[] = []): GateRequirement {
  const item = {
    type: 'object',
    required: ['point', 'signed_off', ...moreRequired],
    properties: { point: { const: point }, signed_off: { type: 'object' }, ...more },
  };
  return { need, path: toPointer([list]), schema: { required: [list], properties: { [list]: { contains: item } } } };
}

function recordPresent(field: string, need: string): GateRequirement {
  return { need, path: toPointer([field]), schema: { required: [field], properties: { [field]: { type: 'object' } } } };
}

function agreementHas(field: string, need: string, fieldSchema: Schema = {}): GateRequirement {
  return {
    need,
    path: toPointer(['agreement', field]),
    schema: { properties: { agreement: { required: [field], properties: { [field]: fieldSchema } } } },
  };
}

const finishedTasksOf = (stage: StageNumber) => TASKS_BY_STAGE[stage].map((task) => taskFinished(stage, task));
const entriesFor = (stage: StageNumber) => TASKS_BY_STAGE[stage].map(taskHasEntry);

/** The requirements of each stage's gate, in schema order (`allOf` index = requirement index). */
export function stageGates(): Record<StageNumber, GateRequirement[]> {
  return {
    1: entriesFor(1),
    2: [
      ...finishedTasksOf(1),
      writtenAssessmentHas('recommendation', 'the written assessment needs its recommendation about return'),
      writtenAssessmentHas('signed_off', "the written assessment needs the team manager's sign-off"),
      ...entriesFor(2),
    ],
    3: [
      signedOffRecord('classifications', 'rc1_d2', 'an RC1 classification (point rc1_d2) with sign-off is needed'),
      signedOffRecord(
        'decisions',
        'rc1_d2',
        'an RC1 decision (point rc1_d2) with sign-off and an outcome other than no_return is needed',
        { outcome: { not: { const: 'no_return' } } },
        ['outcome'],
      ),
      ...finishedTasksOf(2),
      ...entriesFor(3),
    ],
    4: [
      recordPresent('agreement', 'a written parental agreement (agreement) is needed'),
      agreementHas('signed', 'the parental agreement needs the date it was signed'),
      agreementHas('goals', 'the parental agreement needs at least one goal', { minItems: 1 }),
      ...finishedTasksOf(3),
      ...entriesFor(4),
    ],
    5: [
      unlessUnplanned(
        signedOffRecord(
          'decisions',
          'rc2_d3',
          'a Decision 3 (point rc2_d3) of proceed_to_return with sign-off is needed',
          { outcome: { const: 'proceed_to_return' } },
          ['outcome'],
        ),
      ),
      unlessUnplanned(recordPresent('transition', 'a transition plan (transition) is needed')),
      ...finishedTasksOf(4).map(unlessUnplanned),
      ...entriesFor(5),
    ],
  };
}

/** Built once: the validator maps a failing `allOf` index back to its requirement. */
export const STAGE_GATES: Readonly<Record<StageNumber, readonly GateRequirement[]>> = stageGates();

function stageSchema(stage: StageNumber, requirements: readonly GateRequirement[]): Schema {
  const { id, name } = STAGES[stage - 1]!; // STAGES lists stages 1 to 5 in order
  return {
    $schema: DRAFT_07,
    $id: `${SCHEMA_BASE}stage-${stage}.schema.json`,
    title: `reunify gate into stage ${stage} (${id})`,
    description:
      `What a case needs to be at stage ${stage}: ${name}. A case at stage N is checked against stage-1 … stage-N;` +
      ' a closed case against all five (stages 1–2 if it closed with outcome not_returned). Types are checked by case.schema.json.',
    allOf: requirements.map((r) => ({ description: r.need, ...r.schema })),
  };
}

// ---------------------------------------------------------------------------

export function buildCaseSchemas(ids: DomainIds): { common: object; stages: Record<StageNumber, object> } {
  const gates = stageGates();
  return {
    common: commonSchema(ids),
    stages: {
      1: stageSchema(1, gates[1]),
      2: stageSchema(2, gates[2]),
      3: stageSchema(3, gates[3]),
      4: stageSchema(4, gates[4]),
      5: stageSchema(5, gates[5]),
    },
  };
}

/** File name → schema, as shipped in schemas/ and exported by `reunify schema`. */
export function exportedSchemas(ids: DomainIds = BASE_IDS): Record<string, object> {
  const { common, stages } = buildCaseSchemas(ids);
  const files: Record<string, object> = { 'case.schema.json': common };
  for (const stage of STAGE_NUMBERS) files[`stage-${stage}.schema.json`] = stages[stage];
  return files;
}
