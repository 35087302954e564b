// What every task flow shares: the case as a flow sees it, the change a flow makes
// (writer edits plus body text), and the status questions every task begins with.
import type { CaseData, IsoDate, Person } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { isAfter } from '../text/dates.js';
import { ROLE_PARTIES, TASK_LABELS, type TaskStatus } from '../model/ids.js';
import { taskOf } from './stageProgress.js';
import {
  getIn,
  isBlank,
  isPlainObject,
  list,
  question,
  type AnswerPath,
  type Answers,
  type Condition,
  type ListStep,
  type Question,
  type Step,
} from './answers.js';
import type { SectionText } from './body.js';

/** The case as a flow reads it: front matter that passed the common schema, and the markdown body. */
export interface FlowCase {
  data: CaseData;
  body: string;
}

export interface FlowContext {
  /** Today, or `--as-of` (`--date`): the default for every date recorded, and the latest date accepted. */
  date: IsoDate;
  config: ReunifyConfig;
}

/** One writer edit (src/io/writeCase.ts CaseEdit has the same shape). */
export type WorkflowEdit = { op: 'set' | 'append'; path: (string | number)[]; value: unknown };

export interface WorkflowChange {
  edits: WorkflowEdit[];
  sections: SectionText[];
  /** What the user must be told about the change, e.g. a sign-off dropped because what was signed changed. */
  notices?: string[];
}

export interface TaskFlow {
  task: string;
  /** Why the task cannot be recorded yet (e.g. the decision before its classification), if it cannot. */
  blocked?(c: FlowCase, ctx: FlowContext): string | undefined;
  /** What the task records, in order, pre-filled from the case. */
  steps(c: FlowCase, ctx: FlowContext): Step[];
  /** The writer edits for checked answers (see resolveAnswers). */
  change(c: FlowCase, answers: Answers, ctx: FlowContext): WorkflowChange;
}

// ---------------------------------------------------------------- conditions

const statusOf = (root: Answers, task: string) => getIn(root, ['tasks', task, 'status']);
export const whenDone =
  (task: string): Condition =>
  (_scope, root) =>
    statusOf(root, task) === 'done';
/** The task's record is asked for unless the task is marked not applicable. */
export const whenRecording =
  (task: string): Condition =>
  (_scope, root) =>
    statusOf(root, task) !== 'not_applicable';

// ---------------------------------------------------------------- status questions

const STATUS_CHOICES = [
  { value: 'done', name: 'done: record it now' },
  { value: 'in_progress', name: 'in progress: record what is known so far' },
  { value: 'not_applicable', name: 'not applicable, or not possible: give the reason' },
];

export function notAfterToday(ctx: FlowContext): (value: unknown) => string | undefined {
  return (value) => (isAfter(String(value), ctx.date) ? `must not be after ${ctx.date} (today, or --as-of): record things once they have happened` : undefined);
}

/**
 * Where the task stands, then (when done) when and by whom. An ongoing task (monitoring)
 * stays in progress by default; any other task is offered as done unless already finished.
 * `by` is the social worker unless given.
 *
 * A manager's task (`options.by`: a decision, a reclassification, stepping down) is the
 * manager's act, so until the case records it nothing about it is pre-filled: whether it is
 * done and who did it attest (docs/decisions.md). The recorded team manager is offered at a
 * prompt as a choice to make, and an answers file must say both. Once recorded, what the
 * case holds is shown as it stands.
 */
export function statusSteps(c: FlowCase, task: string, ctx: FlowContext, options: { ongoing?: boolean; by?: string } = {}): Question[] {
  const entry = taskOf(c.data, task);
  const finished: (TaskStatus | undefined)[] = ['done', 'not_applicable'];
  const managers = options.by !== undefined;
  const status = finished.includes(entry?.status) ? entry?.status : managers ? undefined : options.ongoing ? 'in_progress' : 'done';
  const by = entry?.by ?? (managers ? undefined : c.data.team.social_worker);
  const base = ['tasks', task];
  return [
    question('choice', [...base, 'status'], `${TASK_LABELS[task]}: where does it stand?`, {
      choices: STATUS_CHOICES,
      required: true,
      ...(status === undefined ? { attests: true } : { default: status }),
    }),
    question('text', [...base, 'reason'], 'Why does it not apply, or why can it not be done?', {
      when: (_s, root) => statusOf(root, task) === 'not_applicable',
      required: true,
      default: entry?.reason,
    }),
    question('date', [...base, 'date'], 'Date it was done', {
      when: whenDone(task),
      required: true,
      default: entry?.date ?? ctx.date,
      check: (v) => (isAfter(c.data.opened, String(v)) ? `must not be before the case was opened (${c.data.opened})` : notAfterToday(ctx)(v)),
    }),
    question('text', [...base, 'by'], 'Done by (role and initials)', {
      when: whenDone(task),
      required: true,
      ...(by === undefined ? { attests: true, offer: options.by } : { default: by }),
    }),
  ];
}

/** A task's own fields (status, date, by, reason, note, …): one `set` per answered field. */
export function taskFieldEdits(task: string, answers: Answers, fields: readonly string[] = []): WorkflowEdit[] {
  const given = getIn(answers, ['tasks', task]);
  if (!isPlainObject(given)) return [];
  return ['status', 'date', 'by', 'reason', ...fields, 'note']
    .filter((field) => !isBlank(given[field]))
    .map((field) => ({ op: 'set' as const, path: ['tasks', task, field], value: given[field] }));
}

export function noteStep(task: string, message: string, c: FlowCase, required: boolean | Condition = false): Question {
  return question('text', ['tasks', task, 'note'], message, { when: whenRecording(task), required, default: taskOf(c.data, task)?.note });
}

// ---------------------------------------------------------------- records

/** Drop blank optional fields and `false` flags, so a record holds only what was said. */
export function compact(item: Answers): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(item)) {
    if (isBlank(value) || value === false) continue;
    out[key] = isPlainObject(value) ? compact(value) : value;
  }
  return out;
}

/** The answered items of a list, compacted. */
export function itemsAt(answers: Answers, path: AnswerPath): Answers[] {
  const items = getIn(answers, path);
  return Array.isArray(items) ? items.filter(isPlainObject).map(compact) : [];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Append each item the list does not already hold, so running the same answers twice adds nothing. */
export function appendNew(path: (string | number)[], items: readonly Answers[], existing: readonly unknown[] | undefined): WorkflowEdit[] {
  return items.filter((item) => !(existing ?? []).some((e) => sameJson(e, item))).map((value) => ({ op: 'append' as const, path, value }));
}

// ---------------------------------------------------------------- people

const PERSON_ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const PARENT_RELATIONS = ['mother', 'father', 'parent'];

export function isParentOrCarer(p: Pick<Person, 'relation' | 'pr' | 'carer'>): boolean {
  const relation = String(p.relation ?? '')
    .trim()
    .toLowerCase();
  return p.pr === true || p.carer === true || PARENT_RELATIONS.includes(relation) || relation.startsWith('step_');
}

export function describePerson(p: Person): string {
  const flags = [
    p.pr && 'PR',
    p.household && 'in the household',
    p.returning_to && 'child returns to them',
    p.carer && 'carer',
    p.safe_adult && 'safe adult',
  ].filter(Boolean);
  return `${p.id}: ${p.ref} (${p.relation}${flags.length ? `; ${flags.join(', ')}` : ''})`;
}

/** Person ids given so far in this run's answers. */
export function newPersonIds(root: Answers): string[] {
  return itemsAt(root, ['people']).map((p) => String(p.id));
}

/** The questions for one person of the family network. */
export function personSteps(c: FlowCase): Step[] {
  const taken = (c.data.people ?? []).map((p) => p.id.toLowerCase());
  return [
    question('text', ['id'], 'Short id for them, used elsewhere in the file (e.g. mum, dad, gran)', {
      required: true,
      check: (v, scope, root) => {
        const id = String(v);
        if (!PERSON_ID.test(id)) return 'use a letter, then letters, digits, _ or - (e.g. mum, gran, fc)';
        if ((ROLE_PARTIES as readonly string[]).includes(id)) return `${id} is a role, not a person id`;
        const added = (getIn(root, ['people']) as unknown[] | undefined) ?? [];
        const clash = taken.includes(id.toLowerCase()) || added.some((p) => p !== scope && isPlainObject(p) && String(p.id).toLowerCase() === id.toLowerCase());
        return clash ? `${id} is already in the family network` : undefined;
      },
    }),
    question('text', ['ref'], 'Initials or a pseudonym (never a full name), e.g. "Ms A"', { required: true }),
    question('text', ['relation'], 'Relation to the child (e.g. mother, father, maternal_grandmother, foster_carer)', { required: true }),
    question('yesno', ['pr'], 'Do they have parental responsibility?', { default: false }),
    question('yesno', ['household'], 'Do they live in the household the child would return to?', { default: false }),
    question('yesno', ['returning_to'], 'Is the child to return to them?', { default: false }),
    question('yesno', ['carer'], "Are they (or were they) the child's carer in care?", { default: false }),
  ];
}

export function peopleList(c: FlowCase, message: string, options: Partial<ListStep> = {}): ListStep {
  return list(['people'], 'person', message, personSteps(c), { existing: (c.data.people ?? []).map(describePerson), ...options });
}
