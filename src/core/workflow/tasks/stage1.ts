// Stage 1 (assess): what each task records, and how the answers become edits.
import { CAPACITY_VALUES, FACTOR_STATUSES, FACTORS, RECOMMENDATIONS } from '../../model/ids.js';
import { taskOf } from '../stageProgress.js';
import { getIn, isBlank, list, question, type Answers, type Condition } from '../answers.js';
import { sectionHasContent } from '../body.js';
import { decisionOneEdits, decisionOneList } from './decisionPoint.js';
import { SECTION_HEADINGS } from '../../parse/sectionHeadings.js';
import {
  appendNew,
  describePerson,
  isParentOrCarer,
  itemsAt,
  newPersonIds,
  noteStep,
  notAfterToday,
  peopleList,
  statusSteps,
  taskFieldEdits,
  whenDone,
  whenRecording,
  type FlowCase,
  type FlowContext,
  type TaskFlow,
  type WorkflowEdit,
} from '../flow.js';

export const CASE_HISTORY_HEADINGS = SECTION_HEADINGS.caseHistory;

type AssessmentText = 'reason_for_care' | 'child_needs' | 'other_agencies' | 'what_must_change' | 'reasons';

/** A text of the written assessment's record (`assessment`), offered as it stands. */
function assessmentText(c: FlowCase, field: AssessmentText, message: string, when: Condition, required: boolean | Condition = false) {
  return question('text', ['assessment', field], message, { when, required, default: c.data.assessment?.[field] });
}

/** One `set` per answered text of the assessment record. */
function assessmentEdits(answers: Answers, fields: readonly AssessmentText[]): WorkflowEdit[] {
  return fields
    .filter((field) => !isBlank(getIn(answers, ['assessment', field])))
    .map((field) => ({ op: 'set' as const, path: ['assessment', field], value: getIn(answers, ['assessment', field]) }));
}

const HISTORY_COUNTS: [string, string][] = [
  ['entries_to_care', 'How many times has the child entered care, this time included?'],
  ['previous_returns', 'How many earlier returns home have there been?'],
  ['failed_returns', 'How many of those returns ended with the child back in care?'],
  ['parent_prior_removals', 'How many other children have been removed from these parents before?'],
  ['missing_episodes', 'How many missing episodes (not counting being away without authorisation)?'],
  ['away_without_authorisation', 'How many times away from placement without authorisation (whereabouts known; not counted as missing)?'],
];

const caseHistory: TaskFlow = {
  task: 'case_history',
  steps(c, ctx) {
    const done = whenDone('case_history');
    const history = (c.data.history ?? {}) as Record<string, number | undefined>;
    const hasParent = (c.data.people ?? []).some(isParentOrCarer);
    return [
      ...statusSteps(c, 'case_history', ctx),
      decisionOneList(c, ctx, whenRecording('case_history')),
      ...HISTORY_COUNTS.map(([field, message]) =>
        question('count', ['history', field], message, {
          when: whenRecording('case_history'),
          // episodes away without authorisation are recorded when known; files before the field have none
          required: field === 'away_without_authorisation' ? false : done,
          default: history[field],
          check:
            field === 'failed_returns'
              ? (v, _s, root) => {
                  const returns = getIn(root, ['history', 'previous_returns']);
                  return typeof returns === 'number' && Number(v) > returns ? `cannot be more than the ${returns} earlier returns` : undefined;
                }
              : undefined,
        }),
      ),
      peopleList(c, 'Add someone to the family network (the genogram)?', {
        when: whenRecording('case_history'),
        min: (root) => (done({}, root) && !hasParent ? 1 : 0),
        check: (items, root) =>
          done({}, root) && !hasParent && !items.some((p) => isParentOrCarer(p as never))
            ? 'the family network needs at least one parent or carer of the child (mother, father, parent, someone with parental responsibility, or a carer)'
            : undefined,
      }),
      question(
        'text',
        ['body', 'Case history'],
        'Chronology for "## Case history": entries to care, earlier returns, services offered and used, and the patterns in them',
        {
          when: whenRecording('case_history'),
          required: (_s, root) => done({}, root) && !sectionHasContent(c.body, CASE_HISTORY_HEADINGS),
        },
      ),
      assessmentText(
        c,
        'reason_for_care',
        'The reason for care, in plain words: why the child is looked after (or at the edge of care)',
        whenRecording('case_history'),
      ),
    ];
  },
  change(c, answers, ctx) {
    const history = getIn(answers, ['history']) as Answers | undefined;
    const edits: WorkflowEdit[] = HISTORY_COUNTS.filter(([field]) => !isBlank(history?.[field])).map(([field]) => ({
      op: 'set',
      path: ['history', field],
      value: history![field],
    }));
    edits.push(...appendNew(['people'], itemsAt(answers, ['people']), c.data.people));
    edits.push(...decisionOneEdits(c, answers, ctx));
    edits.push(...assessmentEdits(answers, ['reason_for_care']));
    edits.push(...taskFieldEdits('case_history', answers));
    const text = getIn(answers, ['body', 'Case history']);
    return { edits, sections: typeof text === 'string' ? [{ headings: CASE_HISTORY_HEADINGS, text }] : [] };
  },
};

const engagement: TaskFlow = {
  task: 'engagement',
  steps: (c, ctx) => [
    ...statusSteps(c, 'engagement', ctx),
    noteStep(
      'engagement',
      'How was the framework explained, who took part, and what barriers (language, disability, hostility) were there and how were they handled?',
      c,
      whenDone('engagement'),
    ),
  ],
  change: (_c, answers) => ({ edits: taskFieldEdits('engagement', answers), sections: [] }),
};

function dynamicFactors(ctx: FlowContext) {
  return [...FACTORS, ...(ctx.config.additions?.factors ?? [])].filter((f) => !f.static);
}

/** The people whose capacity to change matters: parents and those the child would return to. */
function parentsOf(c: FlowCase) {
  return (c.data.people ?? []).filter((p) => p.pr || p.returning_to || p.household);
}

const familyAssessment: TaskFlow = {
  task: 'family_assessment',
  steps(c, ctx) {
    const done = whenDone('family_assessment');
    const factors = dynamicFactors(ctx);
    const parents = parentsOf(c);
    const rated = new Set((c.data.capacity_to_change ?? []).map((e) => e.person));
    const unrated = parents.filter((p) => !rated.has(p.id));
    const none: Condition = (scope) => getIn(scope, ['status']) !== 'unknown';
    return [
      ...statusSteps(c, 'family_assessment', ctx),
      list(
        ['factors'],
        'factor',
        'Record a risk or protective factor?',
        [
          question('choice', ['id'], 'Which factor?', {
            required: true,
            choices: factors.map((f) => ({ value: f.id, name: `${f.id} (${f.kind}): ${f.meaning}` })),
          }),
          question('choice', ['person'], 'About which parent? (leave blank when it is about the household)', {
            when: (scope) => factors.find((f) => f.id === scope.id)?.about === 'parent' && parents.length > 0,
            choices: parents.map((p) => ({ value: p.id, name: describePerson(p) })),
          }),
          question('choice', ['status'], 'Status (unknown is not absent: it never counts as safety)', {
            required: true,
            choices: FACTOR_STATUSES.map((s) => ({ value: s, name: s })),
          }),
          question('text', ['evidence'], 'Evidence: what shows it, and where from', { required: none }),
          question('date', ['as_of'], 'Date of the evidence', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
        ],
        {
          when: whenRecording('family_assessment'),
          existing: (c.data.factors ?? []).map((f) => `${f.id}: ${f.status}${f.person ? ` (${f.person})` : ''}${f.as_of ? `, ${f.as_of}` : ''}`),
          min: (root) => (done({}, root) && (c.data.factors ?? []).length === 0 ? 1 : 0),
        },
      ),
      list(
        ['capacity_to_change'],
        'parent',
        'Record a parent’s capacity to change?',
        [
          question('choice', ['person'], 'Which parent?', { required: true, choices: parents.map((p) => ({ value: p.id, name: describePerson(p) })) }),
          question('choice', ['rating'], 'Capacity to change (not_assessed: not yet assessed, e.g. a parent not yet met)', {
            required: true,
            attests: true,
            choices: CAPACITY_VALUES.map((r) => ({ value: r, name: r })),
          }),
          question('text', ['evidence'], 'Evidence: acceptance, motivation, use of services, goals met and kept up', { required: true }),
          question('date', ['as_of'], 'Date of the evidence', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
        ],
        {
          when: (s, root) => whenRecording('family_assessment')(s, root) && parents.length > 0,
          existing: (c.data.capacity_to_change ?? []).map((e) => `${e.person}: ${e.rating}${e.as_of ? `, ${e.as_of}` : ''}`),
          // which parent is rated is theirs to say: the next unrated parent is offered at a prompt, never assumed without one
          itemOffers: (i) => (unrated[i] ? { person: unrated[i].id } : {}),
          min: (root) => (done({}, root) && rated.size === 0 ? 1 : 0),
        },
      ),
      list(
        ['assessment', 'parents'],
        'parent',
        'Record a parent’s strengths, risks and progress?',
        [
          question('choice', ['person'], 'Which parent?', { required: true, choices: parents.map((p) => ({ value: p.id, name: describePerson(p) })) }),
          question('text', ['strengths'], 'Their strengths as a parent'),
          question('text', ['risks'], 'The risks they pose or face'),
          question('text', ['progress'], 'Progress on the problems that led to care'),
        ],
        {
          when: (s, root) => whenRecording('family_assessment')(s, root) && parents.length > 0,
          existing: (c.data.assessment?.parents ?? []).map((p) => p.person),
        },
      ),
      assessmentText(c, 'child_needs', "The child's needs: health, development, education, emotions and identity", whenRecording('family_assessment')),
      assessmentText(
        c,
        'other_agencies',
        "Other agencies' information: what police, health, school and other services said, and when",
        whenRecording('family_assessment'),
      ),
      noteStep('family_assessment', 'Anything else about the family assessment (short note)', c),
    ];
  },
  change(c, answers) {
    return {
      edits: [
        ...appendNew(['factors'], itemsAt(answers, ['factors']), c.data.factors),
        ...appendNew(['capacity_to_change'], itemsAt(answers, ['capacity_to_change']), c.data.capacity_to_change),
        ...appendNew(['assessment', 'parents'], itemsAt(answers, ['assessment', 'parents']), c.data.assessment?.parents ?? undefined),
        ...assessmentEdits(answers, ['child_needs', 'other_agencies']),
        ...taskFieldEdits('family_assessment', answers),
      ],
      sections: [],
    };
  },
};

const safeAdult: TaskFlow = {
  task: 'safe_adult',
  steps(c, ctx) {
    const people = c.data.people ?? [];
    const current = taskOf(c.data, 'safe_adult')?.person ?? people.find((p) => p.safe_adult)?.id;
    const addPerson = peopleList(c, 'Add someone to the family network?', { viaPerson: true, max: 1, when: whenRecording('safe_adult') });
    return [
      ...statusSteps(c, 'safe_adult', ctx),
      addPerson,
      question('person', ['tasks', 'safe_adult', 'person'], "Who is the child's safe adult, someone they can tell if things go wrong at home?", {
        when: whenRecording('safe_adult'),
        required: whenDone('safe_adult'),
        default: current,
        choices: people.map((p) => ({ value: p.id, name: describePerson(p) })),
        addPerson,
        check: (v, _s, root) =>
          people.some((p) => p.id === v) || newPersonIds(root).includes(String(v))
            ? undefined
            : `${String(v)} is not a person id in people: add them to people first`,
      }),
      noteStep(
        'safe_adult',
        'Does the child agree, and how do they keep in touch? (If no one has been found yet, why not.)',
        c,
        (_s, root) => getIn(root, ['tasks', 'safe_adult', 'status']) === 'in_progress',
      ),
    ];
  },
  change(c, answers) {
    const people = c.data.people ?? [];
    const chosen = getIn(answers, ['tasks', 'safe_adult', 'person']);
    const added = itemsAt(answers, ['people']).map((p) => (p.id === chosen ? { ...p, safe_adult: true } : p));
    const edits: WorkflowEdit[] = appendNew(['people'], added, people);
    people.forEach((p, i) => {
      if (p.id === chosen && !p.safe_adult) edits.push({ op: 'set', path: ['people', i, 'safe_adult'], value: true });
      if (chosen !== undefined && p.id !== chosen && p.safe_adult) edits.push({ op: 'set', path: ['people', i, 'safe_adult'], value: false });
    });
    edits.push(...taskFieldEdits('safe_adult', answers, ['person']));
    return { edits, sections: [] };
  },
};

const RECOMMENDATION_NAMES: Record<string, string> = {
  return_with_support: 'return_with_support: plan the return, with a support package',
  return_if_goals_met: 'return_if_goals_met: return once the agreed goals are met',
  return_if_change_evidenced: 'return_if_change_evidenced: return only if change is shown in time; plan in parallel',
  no_return: 'no_return: plan alternative permanence and support family relationships',
};

const SIGNED_OFF_BY = 'Signed off by (the team manager, role and initials)';

const writtenAssessment: TaskFlow = {
  task: 'written_assessment',
  steps(c, ctx) {
    const entry = taskOf(c.data, 'written_assessment');
    const done = whenDone('written_assessment');
    const recording = whenRecording('written_assessment');
    // a sign-off covers the recommendation signed: a changed one is not assumed to be signed (docs/decisions.md)
    const unchanged = (root: Answers) => getIn(root, ['tasks', 'written_assessment', 'recommendation']) === entry?.recommendation;
    return [
      ...statusSteps(c, 'written_assessment', ctx),
      question('choice', ['tasks', 'written_assessment', 'recommendation'], 'The reasoned recommendation about return', {
        when: recording,
        required: done,
        attests: true,
        recorded: entry?.recommendation,
        choices: RECOMMENDATIONS.map((r) => ({ value: r, name: RECOMMENDATION_NAMES[r] ?? r })),
      }),
      // a manager signs off a complete assessment: `signoff` refuses one without what must change and other agencies
      assessmentText(c, 'what_must_change', 'What must change for a safe return', recording, false),
      assessmentText(c, 'reasons', 'The reasons for the recommendation', recording),
      assessmentText(c, 'other_agencies', "Other agencies' information: what police, health, school and other services said, and when", recording, false),
      // the sign-off is the team manager's act: recorded only when given (docs/decisions.md)
      question('text', ['tasks', 'written_assessment', 'signed_off', 'by'], SIGNED_OFF_BY, {
        when: recording,
        attests: true,
        offer: entry?.signed_off?.by ?? c.data.team.team_manager,
        check: (v, _s, root) => {
          const author = getIn(root, ['tasks', 'written_assessment', 'by']);
          return v === author || v === c.data.team.social_worker ? 'the team manager signs off, not the assessment’s author' : undefined;
        },
      }),
      question('date', ['tasks', 'written_assessment', 'signed_off', 'date'], 'Date of the sign-off', {
        when: (s, root) => recording(s, root) && !isBlank(getIn(root, ['tasks', 'written_assessment', 'signed_off', 'by'])),
        required: true,
        defaultFrom: (_s, root) => (unchanged(root) ? entry?.signed_off?.date : undefined),
        offerFrom: (_s, root) => (unchanged(root) ? entry?.signed_off?.date : undefined),
        offer: ctx.date,
        check: (v, _s, root) => {
          const written = getIn(root, ['tasks', 'written_assessment', 'date']);
          if (typeof written === 'string' && String(v) < written) return `must not be before the assessment is dated (${written})`;
          return notAfterToday(ctx)(v);
        },
      }),
    ];
  },
  change(c, answers) {
    const recordEdits = assessmentEdits(answers, ['what_must_change', 'reasons', 'other_agencies']);
    const taskEdits = taskFieldEdits('written_assessment', answers, ['recommendation', 'signed_off']);
    const edits = [...recordEdits, ...taskEdits];
    const entry = taskOf(c.data, 'written_assessment');
    const recommendation = getIn(answers, ['tasks', 'written_assessment', 'recommendation']);
    const signedNow = !isBlank(getIn(answers, ['tasks', 'written_assessment', 'signed_off', 'by']));
    if (!entry?.signed_off || isBlank(recommendation) || recommendation === entry.recommendation || signedNow) return { edits, sections: [] };
    // the sign-off was of another recommendation: it must not stay on this one, so the entry is
    // rewritten without it (the writer sets whole values) and the assessment waits for a new one
    const { signed_off: old, ...kept } = entry;
    const rewritten: Answers = { ...kept };
    for (const e of taskEdits) rewritten[String(e.path[2])] = e.value;
    return {
      edits: [...recordEdits, { op: 'set', path: ['tasks', 'written_assessment'], value: rewritten }],
      sections: [],
      notices: [
        `the sign-off by ${old.by} (${old.date}) was of the recommendation ${entry.recommendation ?? '(none)'}, not ${String(recommendation)}, so it was removed: ` +
          'the written assessment waits for the team manager to sign it off (reunify signoff)',
      ],
    };
  },
};

export const STAGE1_FLOWS: readonly TaskFlow[] = [caseHistory, engagement, familyAssessment, safeAdult, writtenAssessment];
