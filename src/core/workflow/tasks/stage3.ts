// Stage 3 (agree): the child's views, the parental agreement with SMART goals,
// relationships, the team around the child and the back-up plan.
import { isAfter, notADate, parseIsoDate } from '../../text/dates.js';
import { getIn, isBlank, list, question, type Answers } from '../answers.js';
import { sectionHasContent } from '../body.js';
import {
  appendNew,
  describePerson,
  itemsAt,
  noteStep,
  notAfterToday,
  statusSteps,
  taskFieldEdits,
  whenDone,
  whenRecording,
  type FlowCase,
  type TaskFlow,
  type WorkflowEdit,
} from '../flow.js';
import { describeGoal, ratingEdits, ratingList } from './goals.js';
import { SECTION_HEADINGS } from '../../parse/sectionHeadings.js';

export const CHILD_VIEWS_HEADINGS = SECTION_HEADINGS.childViews;

const childViews: TaskFlow = {
  task: 'child_views',
  steps: (c, ctx) => [
    ...statusSteps(c, 'child_views', ctx),
    question('text', ['body', "Child's views"], `The child's wishes, feelings and worries, in their own words where possible (for "## Child's views")`, {
      when: whenRecording('child_views'),
      required: (_s, root) => whenDone('child_views')({}, root) && !sectionHasContent(c.body, CHILD_VIEWS_HEADINGS),
    }),
    noteStep('child_views', 'How were the views gathered, and was the child seen alone?', c),
  ],
  change(_c, answers) {
    const text = getIn(answers, ['body', "Child's views"]);
    return { edits: taskFieldEdits('child_views', answers), sections: typeof text === 'string' ? [{ headings: CHILD_VIEWS_HEADINGS, text }] : [] };
  },
};

/** g1, g2, …: the first free id after every goal so far (the item being asked is already in `given`, without an id). */
function nextGoalId(existing: readonly string[], given: readonly Answers[]): string {
  const taken = new Set([...existing, ...given.map((g) => String(g.id))]);
  const fresh = given.filter((g) => g.id === undefined || !existing.includes(String(g.id))).length;
  let n = existing.length + Math.max(fresh, 1);
  while (taken.has(`g${n}`)) n++;
  return `g${n}`;
}

/** Set a field of the agreement when the answer differs from what the file holds. */
function agreementSet(c: FlowCase, answers: Answers, field: string): WorkflowEdit[] {
  const value = getIn(answers, ['agreement', field]);
  if (isBlank(value)) return [];
  return JSON.stringify(value) === JSON.stringify(getIn(c.data.agreement ?? {}, [field])) ? [] : [{ op: 'set', path: ['agreement', field], value }];
}

/** Review dates must be dates, and none before the agreement is signed. */
function reviewDatesProblem(signedDate: (root: Answers) => string | undefined) {
  return (value: unknown, _scope: Answers, root: Answers): string | undefined => {
    const dates = Array.isArray(value) ? value.map(String) : [];
    const wrong = dates.filter((d) => parseIsoDate(d) === undefined);
    if (wrong.length > 0) return `${wrong.join(', ')}: ${notADate()}`;
    const signed = signedDate(root);
    const early = signed ? dates.filter((d) => isAfter(signed, d)) : [];
    return early.length > 0 ? `${early.join(', ')}: must not be before the agreement is signed (${signed})` : undefined;
  };
}

/** The review dates given, added to those recorded (each once, in date order). */
function reviewDateEdits(recorded: readonly string[] | undefined, given: unknown): WorkflowEdit[] {
  if (!Array.isArray(given) || given.length === 0) return [];
  const all = [...new Set([...(recorded ?? []), ...given.map(String)])].sort();
  return JSON.stringify(all) === JSON.stringify(recorded ?? []) ? [] : [{ op: 'set', path: ['agreement', 'review_dates'], value: all }];
}

const agreement: TaskFlow = {
  task: 'agreement',
  steps(c, ctx) {
    const done = whenDone('agreement');
    const existing = c.data.agreement ?? {};
    const goals = existing.goals ?? [];
    const parents = (c.data.people ?? []).filter((p) => p.pr || p.returning_to);
    const inAgreement = new Set((existing.parents ?? []).map((p) => p.person));
    const toAdd = parents.filter((p) => !inAgreement.has(p.id));
    const isExisting = (id: unknown) => goals.some((g) => g.id === id);
    const isNew = (scope: Answers) => !isExisting(scope.id);
    const signedDate = (root: Answers) => (getIn(root, ['agreement', 'signed']) as string | undefined) ?? existing.signed;
    return [
      ...statusSteps(c, 'agreement', ctx),
      question('date', ['agreement', 'signed'], 'Date the agreement was signed by the parents and the worker', {
        when: whenRecording('agreement'),
        required: done,
        // the parents' and the worker's act: kept as recorded, never dated for them
        attests: true,
        recorded: existing.signed,
        check: notAfterToday(ctx),
      }),
      list(
        ['agreement', 'parents'],
        'parent',
        'Add a parent to the agreement (their strengths and the worries)?',
        [
          question('choice', ['person'], 'Which parent?', { required: true, choices: parents.map((p) => ({ value: p.id, name: describePerson(p) })) }),
          question('text', ['strengths'], 'Their strengths, in plain words', { required: true }),
          question('text', ['worries'], 'The worries, in plain words', { required: true }),
        ],
        {
          when: (s, root) => whenRecording('agreement')(s, root) && parents.length > 0,
          existing: (existing.parents ?? []).map((p) => p.person),
          // which parent an entry is about is theirs to say: the next parent not yet in it is offered at a prompt, never assumed without one
          itemOffers: (i) => (toAdd[i] ? { person: toAdd[i].id } : {}),
        },
      ),
      list(
        ['agreement', 'goals'],
        'goal',
        goals.length > 0 ? 'Add a goal, or a red/amber/green rating for one?' : 'Add a goal?',
        [
          question('text', ['id'], goals.length > 0 ? `Goal id: a new one, or ${goals.map((g) => g.id).join(', ')} to rate it` : 'Goal id', {
            required: true,
            check: (v, scope, root) =>
              !isExisting(v) && ((getIn(root, ['agreement', 'goals']) as Answers[] | undefined) ?? []).some((g) => g !== scope && g.id === v)
                ? `${String(v)} is already a goal id`
                : undefined,
          }),
          question('text', ['goal'], 'Specific: what must change, in plain words the parents will read', { when: isNew, required: true }),
          question('lines', ['steps'], 'Steps towards it, separated by ";"', { when: isNew, required: true }),
          question('date', ['by'], 'Time-bound: the date it should be met by', {
            when: isNew,
            required: true,
            check: (v, _s, root) => {
              const signed = signedDate(root);
              return signed && isAfter(signed, String(v)) ? `must not be before the agreement is signed (${signed})` : undefined;
            },
          }),
          question('text', ['support'], 'Achievable: who helps', { when: isNew, required: true }),
          question('text', ['success'], 'Measurable: what counts as success', { when: isNew, required: true }),
          // several ratings at once are fine: a new goal may come with its ratings so far (an
          // agreement recorded after its first review), and the same answers run again must pass
          ratingList(ctx, { when: (scope) => isExisting(scope.id), max: undefined }),
          ratingList(ctx, { when: isNew, min: 0, max: undefined }),
        ],
        {
          when: whenRecording('agreement'),
          existing: goals.map(describeGoal),
          min: (root) => (done({}, root) && goals.length === 0 ? 1 : 0),
          itemDefaults: (_i, root) => ({
            id: nextGoalId(
              goals.map((g) => g.id),
              itemsAt(root, ['agreement', 'goals']),
            ),
          }),
        },
      ),
      question('lines', ['agreement', 'non_negotiables'], 'Non-negotiable conditions, separated by ";" (optional)', {
        when: whenRecording('agreement'),
        default: existing.non_negotiables,
      }),
      // when the agreement is reviewed with the family: nothing assumed, the dates given are added to any recorded
      question(
        'lines',
        ['agreement', 'review_dates'],
        `When the agreement will be reviewed with the family: dates (YYYY-MM-DD) separated by ";"${
          (existing.review_dates ?? []).length > 0 ? ` (recorded: ${(existing.review_dates ?? []).join(', ')}; dates given are added)` : ''
        } (optional)`,
        { when: whenRecording('agreement'), check: reviewDatesProblem(signedDate) },
      ),
    ];
  },
  change(c, answers) {
    const existing = c.data.agreement ?? {};
    const goals = existing.goals ?? [];
    const given = itemsAt(answers, ['agreement', 'goals']);
    const added = given.filter((g) => !goals.some((e) => e.id === g.id));
    return {
      edits: [
        ...agreementSet(c, answers, 'signed'),
        ...appendNew(['agreement', 'parents'], itemsAt(answers, ['agreement', 'parents']), existing.parents),
        ...appendNew(['agreement', 'goals'], added, goals),
        ...ratingEdits(goals, given),
        ...agreementSet(c, answers, 'non_negotiables'),
        ...reviewDateEdits(existing.review_dates, getIn(answers, ['agreement', 'review_dates'])),
        ...taskFieldEdits('agreement', answers),
      ],
      sections: [],
    };
  },
};

const relationships: TaskFlow = {
  task: 'relationships',
  steps: (c, ctx) => [
    ...statusSteps(c, 'relationships', ctx),
    noteStep('relationships', 'Who will help the parents change (relatives, friends, community, key worker), and how?', c, whenDone('relationships')),
  ],
  change: (_c, answers) => ({ edits: taskFieldEdits('relationships', answers), sections: [] }),
};

const teamAroundChild: TaskFlow = {
  task: 'team_around_child',
  steps: (c, ctx) => [
    ...statusSteps(c, 'team_around_child', ctx),
    question('lines', ['agreement', 'team_around_child'], 'The professionals and carers in the team around the child, with their roles, separated by ";"', {
      when: whenRecording('team_around_child'),
      required: whenDone('team_around_child'),
      default: c.data.agreement?.team_around_child,
    }),
    noteStep('team_around_child', 'Their commitments and the meeting schedule (optional)', c),
  ],
  change: (c, answers) => ({ edits: [...agreementSet(c, answers, 'team_around_child'), ...taskFieldEdits('team_around_child', answers)], sections: [] }),
};

const backupPlan: TaskFlow = {
  task: 'backup_plan',
  steps: (c, ctx) => [
    ...statusSteps(c, 'backup_plan', ctx),
    question('text', ['agreement', 'backup_plan'], 'What happens if goals are missed or the return breaks down, including any parallel plan', {
      when: whenRecording('backup_plan'),
      required: whenDone('backup_plan'),
      default: c.data.agreement?.backup_plan,
    }),
    noteStep('backup_plan', 'How does the family know the plan? (optional)', c),
  ],
  change: (c, answers) => ({ edits: [...agreementSet(c, answers, 'backup_plan'), ...taskFieldEdits('backup_plan', answers)], sections: [] }),
};

export const STAGE3_FLOWS: readonly TaskFlow[] = [childViews, agreement, relationships, teamAroundChild, backupPlan];
