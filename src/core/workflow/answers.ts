// The questions a workflow step asks, and how answers (typed at a prompt, or read
// from an answers file written in the case file's own shape) are checked and
// completed with defaults. Pure: the prompts themselves live in src/cli.
import { parseDocument, visit, type Document } from 'yaml';
import { notADate, parseIsoDate } from '../text/dates.js';

export type Answers = { [key: string]: unknown };
export type AnswerPath = readonly (string | number)[];

export type QuestionKind = 'text' | 'date' | 'count' | 'yesno' | 'choice' | 'choices' | 'lines' | 'person';

export interface Choice {
  value: string;
  name: string;
}

/** `scope` is the object a step's path is relative to (the item, inside a list); `root` holds every answer so far. */
export type Condition = (scope: Answers, root: Answers) => boolean;

export interface Question {
  type: 'question';
  kind: QuestionKind;
  /** Where the answer sits, in the case file's shape: also where an answers file gives it. */
  path: AnswerPath;
  message: string;
  choices?: readonly Choice[];
  required?: boolean | Condition;
  /** Pre-filled answer: what the case already holds, or a sensible default. Never used when the question `attests`. */
  default?: unknown;
  /** A pre-filled answer that depends on earlier answers (e.g. the decision the chosen level maps to); wins over `default`. */
  defaultFrom?: (scope: Answers, root: Answers) => unknown;
  /**
   * Pre-filled at a prompt only, instead of `default`: someone else's act (the team
   * manager's sign-off, who agreed a plan) is offered to the person answering, who sees it
   * and accepts, changes or clears it, but is never filled in without a terminal.
   */
  offer?: unknown;
  /** An offer that depends on earlier answers; wins over `offer`, and like it is used at a prompt only. */
  offerFrom?: (scope: Answers, root: Answers) => unknown;
  /**
   * Someone's act or professional judgement: a sign-off, who agreed, who was told, whether
   * the child was seen alone, a recommendation, a level, a decision outcome, an override.
   * Recorded only when given: never filled in from a default, never pre-filled or
   * pre-selected at a prompt. An offer (the recorded manager, the suggested level) is shown
   * at a prompt as a choice to make explicitly, below "not answered", where the cursor starts.
   */
  attests?: boolean;
  /**
   * For a question that `attests`: what the case already records. It is shown at a prompt,
   * and an empty answer keeps it as it is (it counts as the required answer); it is never
   * written again or anywhere else by the empty answer.
   */
  recorded?: unknown;
  when?: Condition;
  /** A further check of a well-formed answer: a message when it is refused. */
  check?: (value: unknown, scope: Answers, root: Answers) => string | undefined;
  /** Kind `person`: the list a new person is added to when the answer is someone not yet in `people`. */
  addPerson?: ListStep;
}

export interface ListStep {
  type: 'list';
  path: AnswerPath;
  /** What one item is, e.g. "person", "goal". */
  noun: string;
  /** Asked before each further item: "Add someone to the family network?" */
  message: string;
  items: readonly Step[];
  /** Items the case already holds, one line each, shown before asking for more. */
  existing?: readonly string[];
  /** Fewest new items this time. */
  min?: number | ((root: Answers) => number);
  max?: number;
  when?: Condition;
  /** Pre-filled answers for the n-th new item (0-based). */
  itemDefaults?: (index: number, root: Answers) => Answers;
  /**
   * Offered for the n-th new item at a prompt only (like a question's `offer`): who was
   * told of a decision is theirs to say, so the next party still to be told is pre-selected
   * at a terminal but never filled in without one.
   */
  itemOffers?: (index: number, root: Answers) => Answers;
  check?: (items: readonly Answers[], root: Answers) => string | undefined;
  /** Filled only through a person question that adds someone new, never asked on its own. */
  viaPerson?: boolean;
}

export type Step = Question | ListStep;

// ---------------------------------------------------------------- building steps

type QuestionOptions = Omit<Question, 'type' | 'kind' | 'path' | 'message'>;

export function question(kind: QuestionKind, path: AnswerPath, message: string, options: QuestionOptions = {}): Question {
  return { type: 'question', kind, path, message, ...options };
}

export function list(
  path: AnswerPath,
  noun: string,
  message: string,
  items: readonly Step[],
  options: Omit<ListStep, 'type' | 'path' | 'noun' | 'message' | 'items'> = {},
): ListStep {
  return { type: 'list', path, noun, message, items, ...options };
}

// ---------------------------------------------------------------- plain-data helpers

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(from: unknown, path: AnswerPath): unknown {
  let cur = from;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isPlainObject(cur) && Object.hasOwn(cur, seg)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

export function setIn(into: Answers, path: AnswerPath, value: unknown): void {
  let cur: Answers | unknown[] = into;
  path.forEach((seg, i) => {
    if (FORBIDDEN.has(String(seg))) throw new Error(`the key ${String(seg)} is not allowed`);
    const record = cur as Record<string | number, unknown>;
    if (i === path.length - 1) {
      record[seg] = value;
      return;
    }
    const next = record[seg];
    if (!isPlainObject(next) && !Array.isArray(next)) record[seg] = typeof path[i + 1] === 'number' ? [] : {};
    cur = record[seg] as Answers | unknown[];
  });
}

export function deleteIn(from: Answers, path: AnswerPath): void {
  const parent = getIn(from, path.slice(0, -1));
  if (isPlainObject(parent)) delete parent[path[path.length - 1] as string];
}

/** Nothing given: missing, null, blank text or an empty list. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** `tasks.safe_adult.person`, `people[1].ref`: how answers are named in messages. */
export function answerName(path: AnswerPath): string {
  return path.reduce<string>((name, seg) => (typeof seg === 'number' ? `${name}[${seg}]` : name ? `${name}.${seg}` : seg), '');
}

// ---------------------------------------------------------------- given text

const YAML_NULL = /^(?:~|null|Null|NULL)?$/;

/**
 * The data of a parsed answers document with every plain scalar kept as the text that
 * was written (`0x10`, `1e3`, `yes`, `2026-01-02` stay text; an empty value or `null`
 * is nothing), so a text answer is stored as given; each question's kind then reads
 * the text (a count, a date, yes/no) in `parseAnswer`. Aliases are refused (throws).
 */
export function answersAsText(doc: Document): unknown {
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== 'PLAIN' || typeof node.value === 'string') return;
      const source = (node as { source?: string }).source ?? String(node.value);
      node.value = YAML_NULL.test(source) ? null : source;
    },
  });
  return doc.toJS({ maxAliasCount: 0 });
}

/**
 * The value of one `--set path=value`: the text exactly as given (`&Co visited`, `0x10`,
 * `#1 …`), except a value written as a YAML flow list or map (`[a, b]`, `{ ref: A }`),
 * which is read as one, its items kept as text in the same way.
 */
export function setFlagValue(text: string): { value: unknown } | { error: string } {
  if (!/^\s*[[{]/.test(text)) return { value: text };
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { error: 'the value starts like a YAML list or map but is not one' };
  try {
    return { value: answersAsText(doc) ?? '' };
  } catch {
    return { error: 'aliases are not allowed' };
  }
}

// ---------------------------------------------------------------- one answer

export type Parsed = { value: unknown } | { error: string };

const YES = ['yes', 'y', 'true'];
const NO = ['no', 'n', 'false'];

/** Turn a typed-in or file-given answer into the value the case file stores, or say why it cannot be. */
export function parseAnswer(q: Question, raw: unknown): Parsed {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  switch (q.kind) {
    case 'text':
    case 'person':
      return text === undefined ? { error: 'must be text' } : { value: text };
    case 'date':
      return text !== undefined && parseIsoDate(text) !== undefined ? { value: text } : { error: notADate() };
    case 'count':
      return text !== undefined && /^\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { value: Number(text) }
        : { error: 'must be a whole number, 0 or more' };
    case 'yesno':
      if (typeof raw === 'boolean') return { value: raw };
      if (text !== undefined && YES.includes(text.toLowerCase())) return { value: true };
      if (text !== undefined && NO.includes(text.toLowerCase())) return { value: false };
      return { error: 'must be yes or no (true or false)' };
    case 'choice': {
      const values = (q.choices ?? []).map((c) => c.value);
      return text !== undefined && values.includes(text) ? { value: text } : { error: `must be one of: ${values.join(', ')}` };
    }
    case 'choices': {
      const values = (q.choices ?? []).map((c) => c.value);
      const given = Array.isArray(raw) ? raw : text !== undefined ? text.split(/\s*,\s*/) : undefined;
      if (!given) return { error: 'must be a list' };
      const wrong = given.filter((v) => typeof v !== 'string' || !values.includes(v));
      if (wrong.length > 0) return { error: `${wrong.map(String).join(', ')}: not one of ${values.join(', ')}` };
      return { value: [...new Set(given as string[])] };
    }
    case 'lines': {
      const given = Array.isArray(raw) ? raw : text !== undefined ? text.split(/\s*[;\n]\s*/) : undefined;
      if (!given || given.some((v) => typeof v !== 'string')) return { error: 'must be a list of text' };
      return { value: (given as string[]).map((v) => v.trim()).filter((v) => v !== '') };
    }
  }
}

/** Whether an answer must be given: never for an attestation the case already records, which an empty answer keeps. */
export function isRequired(q: Question, scope: Answers, root: Answers): boolean {
  if (q.attests && !isBlank(q.recorded)) return false;
  return typeof q.required === 'function' ? q.required(scope, root) : q.required === true;
}

/** The pre-filled answer for a question: an item default, else the question's own, if it is still valid; none for an attestation. */
export function defaultFor(q: Question, itemDefaults: Answers | undefined, scope: Answers, root: Answers): unknown {
  if (q.attests) return undefined;
  const given = itemDefaults !== undefined ? getIn(itemDefaults, q.path) : undefined;
  const derived = given === undefined ? q.defaultFrom?.(scope, root) : undefined;
  const value = given !== undefined ? given : derived !== undefined ? derived : q.default;
  if (isBlank(value)) return undefined;
  const parsed = parseAnswer(q, value);
  return 'value' in parsed ? parsed.value : undefined;
}

/** What is offered at a prompt: the item's offer, else the question's offer (from earlier answers, else its own), if it is valid. */
export function offerFor(q: Question, scope: Answers, root: Answers, itemOffers?: Answers): unknown {
  for (const offer of [itemOffers !== undefined ? getIn(itemOffers, q.path) : undefined, q.offerFrom?.(scope, root), q.offer]) {
    if (isBlank(offer)) continue;
    const parsed = parseAnswer(q, offer);
    if ('value' in parsed) return parsed.value;
  }
  return undefined;
}

/**
 * What a prompt shows pre-filled: the offer, else the default. Nothing for a question that
 * `attests`: its offer is a choice to make explicitly (see offerFor), never pre-filled.
 */
export function promptDefaultFor(q: Question, itemDefaults: Answers | undefined, scope: Answers, root: Answers, itemOffers?: Answers): unknown {
  if (q.attests) return undefined;
  return offerFor(q, scope, root, itemOffers) ?? defaultFor(q, itemDefaults, scope, root);
}

/** Check one answer as it is given: undefined when it is accepted. */
export function answerProblem(q: Question, raw: unknown, scope: Answers, root: Answers): string | undefined {
  if (isBlank(raw)) return isRequired(q, scope, root) ? 'an answer is needed' : undefined;
  const parsed = parseAnswer(q, raw);
  if ('error' in parsed) return parsed.error;
  if (isBlank(parsed.value)) return isRequired(q, scope, root) ? 'an answer is needed' : undefined;
  return q.check?.(parsed.value, scope, root);
}

export function minItems(step: ListStep, root: Answers): number {
  return typeof step.min === 'function' ? step.min(root) : (step.min ?? 0);
}

// ---------------------------------------------------------------- a whole set of answers

export interface Resolved {
  /** The answers, checked, with defaults filled in; questions that did not apply are left out. */
  answers: Answers;
  /** Names of required answers not given, e.g. `tasks.safe_adult.person`. */
  missing: string[];
  /** `name: why`, for answers given but refused. */
  invalid: string[];
}

/** Check given answers against the steps, in order, filling in defaults: what a non-interactive run records. */
export function resolveAnswers(steps: readonly Step[], given: Answers): Resolved {
  const out: Resolved = { answers: {}, missing: [], invalid: [] };
  resolveInto(steps, given, out.answers, out.answers, [], undefined, out);
  return out;
}

function resolveInto(
  steps: readonly Step[],
  given: Answers,
  scope: Answers,
  root: Answers,
  prefix: AnswerPath,
  itemDefaults: Answers | undefined,
  out: Resolved,
): void {
  for (const step of steps) {
    if (step.when && !step.when(scope, root)) continue;
    const name = answerName([...prefix, ...step.path]);
    const raw = getIn(given, step.path);
    if (step.type === 'list') {
      resolveList(step, raw, scope, root, [...prefix, ...step.path], out);
      continue;
    }
    // an answer given blank (`--set path=`, `path: ""`) stays blank: the pre-filled answer does not replace it
    let value: unknown = raw === undefined ? defaultFor(step, itemDefaults, scope, root) : undefined;
    if (!isBlank(raw)) {
      const parsed = parseAnswer(step, raw);
      if ('error' in parsed) {
        out.invalid.push(`${name}: ${parsed.error}`);
        continue;
      }
      value = parsed.value;
    }
    if (isBlank(value)) {
      if (isRequired(step, scope, root)) out.missing.push(name);
      continue;
    }
    const problem = step.check?.(value, scope, root);
    if (problem) {
      out.invalid.push(`${name}: ${problem}`);
      continue;
    }
    setIn(scope, step.path, value);
  }
}

const plural = (noun: string) => (noun === 'person' ? 'people' : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

function resolveList(step: ListStep, raw: unknown, scope: Answers, root: Answers, at: AnswerPath, out: Resolved): void {
  const name = answerName(at);
  if (!isBlank(raw) && !Array.isArray(raw)) {
    out.invalid.push(`${name}: must be a list`);
    return;
  }
  const items: Answers[] = [];
  setIn(scope, step.path, items);
  ((raw as unknown[] | undefined) ?? []).forEach((rawItem, i) => {
    if (!isPlainObject(rawItem)) {
      out.invalid.push(`${answerName([...at, i])}: must be a map of fields`);
      return;
    }
    const item: Answers = {};
    items.push(item);
    resolveInto(step.items, rawItem, item, root, [...at, i], step.itemDefaults?.(i, root), out);
  });
  const min = minItems(step, root);
  if (items.length < min) out.missing.push(`${name} (${min === 1 ? `at least one ${step.noun}` : `${min} ${plural(step.noun)}, ${items.length} given`})`);
  if (step.max !== undefined && items.length > step.max)
    out.invalid.push(`${name}: at most ${step.max === 1 ? `one ${step.noun}` : `${step.max} ${plural(step.noun)}`} at a time`);
  const problem = step.check?.(items, root);
  if (problem) out.invalid.push(`${name}: ${problem}`);
  if (items.length === 0) deleteIn(scope, step.path);
}

// ---------------------------------------------------------------- where answers may be given

type PathMatch = 'answer' | 'inside' | undefined;

function matchStep(step: Step, path: AnswerPath): PathMatch {
  const own = step.path;
  for (let i = 0; i < Math.min(own.length, path.length); i++) if (own[i] !== path[i]) return undefined;
  if (path.length < own.length) return 'inside';
  if (step.type === 'question') {
    if (path.length === own.length) return 'answer';
    // one item of a list answer (`cohorts.0`), which the question reads as the list it is
    return (step.kind === 'choices' || step.kind === 'lines') && path.length === own.length + 1 && typeof path[own.length] === 'number' ? 'answer' : undefined;
  }
  if (path.length === own.length) return 'inside';
  if (typeof path[own.length] !== 'number') return undefined;
  const rest = path.slice(own.length + 1);
  return rest.length === 0 ? 'inside' : matchSteps(step.items, rest);
}

/** Where a path leads among the steps: to one answer, to a map or list that holds answers, or to nothing asked. */
function matchSteps(steps: readonly Step[], path: AnswerPath): PathMatch {
  let found: PathMatch;
  for (const step of steps) {
    for (const s of step.type === 'question' && step.addPerson ? [step, step.addPerson] : [step]) {
      const m = matchStep(s, path);
      if (m === 'answer') return m;
      found ??= m;
    }
  }
  return found;
}

/**
 * The places in a value given at `path` (e.g. by `--set path=value`) that no question of
 * the steps asks for, whether or not it applies this time: a map or list given is looked
 * into, so `--set 'tasks.x={status: done, notes: y}'` names `tasks.x.notes`.
 */
export function unaskedPaths(steps: readonly Step[], path: AnswerPath, value: unknown): AnswerPath[] {
  const match = matchSteps(steps, path);
  if (match === 'answer') return [];
  if (match === 'inside' && isPlainObject(value)) return Object.entries(value).flatMap(([key, v]) => unaskedPaths(steps, [...path, key], v));
  if (match === 'inside' && Array.isArray(value)) return value.flatMap((v, i) => unaskedPaths(steps, [...path, i], v));
  return [path];
}

/** Every answer the steps can ask for, as `--set` names them: `tasks.monitoring.status`, `return.visits.<n>.date`. */
export function answerPaths(steps: readonly Step[], prefix: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const step of steps) {
    const at = [...prefix, ...step.path.map(String)];
    if (step.type === 'list') for (const p of answerPaths(step.items, [...at, '<n>'])) out.add(p);
    else {
      out.add(at.join('.'));
      if (step.addPerson) for (const p of answerPaths([step.addPerson], prefix)) out.add(p);
    }
  }
  return [...out];
}
