// Walks a workflow's steps at the terminal: each question pre-filled (except an
// attestation, which starts on "not answered"), each answer checked as it is given (the
// same checks an answers file gets), lists asked one item at a time. The answers come
// back in the case file's shape.
import {
  answerProblem,
  getIn,
  isBlank,
  isRequired,
  minItems,
  offerFor,
  parseAnswer,
  promptDefaultFor,
  setIn,
  type Answers,
  type ListStep,
  type Question,
  type Step,
} from '../core/workflow/answers.js';
import type { Asker } from './prompting.js';

const NEW_PERSON = '\u0000new';
const SKIP = '\u0000skip';
const OTHER = '\u0000other';

export async function askSteps(steps: readonly Step[], asker: Asker): Promise<Answers> {
  const root: Answers = {};
  await askInto(steps, root, root, asker, {});
  return root;
}

/** Pre-filled answers for one list item: its defaults, and what is offered at the prompt only. */
interface ItemPrefill {
  defaults?: Answers;
  offers?: Answers;
}

async function askInto(steps: readonly Step[], scope: Answers, root: Answers, asker: Asker, item: ItemPrefill): Promise<void> {
  for (const step of steps) {
    if (step.when && !step.when(scope, root)) continue;
    if (step.type === 'list') {
      if (!step.viaPerson) await askList(step, scope, root, asker);
      continue;
    }
    const value = await askQuestion(step, scope, root, asker, item);
    if (!isBlank(value)) setIn(scope, step.path, value);
  }
}

function asText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join('; ') : String(value);
}

function parsed(q: Question, raw: unknown): unknown {
  const result = parseAnswer(q, raw);
  return 'value' in result ? result.value : undefined;
}

async function askQuestion(q: Question, scope: Answers, root: Answers, asker: Asker, item: ItemPrefill): Promise<unknown> {
  if (q.attests) return askAttestation(q, scope, root, asker, offerFor(q, scope, root, item.offers));
  const fallback = promptDefaultFor(q, item.defaults, scope, root, item.offers);
  const required = isRequired(q, scope, root);
  switch (q.kind) {
    case 'yesno':
      // an optional yes/no with nothing pre-filled may stay unanswered: "no" is an answer too
      if (fallback === undefined && !required) return askYesNoOrBlank(q, asker);
      return asker.confirm({ message: q.message, default: fallback === true });
    case 'choice':
    case 'person':
      return askChoice(q, scope, root, asker, fallback, required);
    case 'choices': {
      const checked = new Set((fallback as string[] | undefined) ?? []);
      const values = await asker.checkbox({
        message: q.message,
        choices: (q.choices ?? []).map((c) => ({ ...c, checked: checked.has(c.value) })),
        validate: (v) => answerProblem(q, v, scope, root) ?? true,
      });
      return parsed(q, values);
    }
    default: {
      const text = await asker.input({
        message: q.message,
        default: asText(fallback),
        validate: (v) => answerProblem(q, v, scope, root) ?? true,
      });
      return parsed(q, text);
    }
  }
}

async function askChoice(q: Question, scope: Answers, root: Answers, asker: Asker, fallback: unknown, required: boolean): Promise<unknown> {
  const choices = [...(q.choices ?? [])];
  if (q.kind === 'person' && q.addPerson) choices.push({ value: NEW_PERSON, name: 'someone new: add them to the family network' });
  if (!required) choices.push({ value: SKIP, name: '(leave blank)' });
  if (choices.length === 0) return undefined;
  for (;;) {
    const chosen = await asker.select({ message: q.message, choices, default: typeof fallback === 'string' ? fallback : undefined });
    if (chosen === SKIP) return undefined;
    const value = chosen === NEW_PERSON ? await addPerson(q.addPerson!, root, asker) : chosen;
    const problem = answerProblem(q, value, scope, root);
    if (!problem) return value;
    asker.say(`  ${problem}`);
  }
}

/**
 * Someone's act or judgement (a sign-off, who agreed or was told, seen alone, a
 * recommendation, a level, a decision): nothing pre-filled or pre-selected. The cursor
 * starts on "not answered", which records nothing (or keeps what the case records); an
 * offer is a further choice marked "(suggested)", taken only when chosen.
 */
async function askAttestation(q: Question, scope: Answers, root: Answers, asker: Asker, offer: unknown): Promise<unknown> {
  const none = { value: SKIP, name: isBlank(q.recorded) ? '(not answered: record nothing)' : `(keep what is recorded: ${asText(q.recorded)})` };
  const suggested = (name: string) => `${name} (suggested)`;
  const offered = Array.isArray(offer) ? offer.map(String) : offer === undefined ? [] : [String(offer)];
  const pick = async (choices: { value: string; name: string }[]): Promise<string | undefined> => {
    for (;;) {
      const chosen = await asker.select({ message: q.message, choices: [none, ...choices], default: SKIP });
      if (chosen !== SKIP) return chosen;
      if (!isRequired(q, scope, root)) return undefined;
      asker.say('  an answer is needed: choose one');
    }
  };
  switch (q.kind) {
    case 'yesno': {
      const chosen = await pick([
        { value: 'yes', name: 'yes' },
        { value: 'no', name: 'no' },
      ]);
      return chosen === undefined ? undefined : chosen === 'yes';
    }
    case 'choice':
    case 'person':
      for (;;) {
        const value = await pick((q.choices ?? []).map((c) => (offered.includes(c.value) ? { ...c, name: suggested(c.name) } : c)));
        if (value === undefined) return undefined;
        const problem = answerProblem(q, value, scope, root);
        if (!problem) return value;
        asker.say(`  ${problem}`);
      }
    case 'choices': {
      const values = await asker.checkbox({
        message: `${q.message}${isBlank(q.recorded) ? '' : ` (recorded: ${asText(q.recorded)}; none ticked keeps it)`}`,
        choices: (q.choices ?? []).map((c) => ({ ...c, name: offered.includes(c.value) ? suggested(c.name) : c.name, checked: false })),
        validate: (v) => answerProblem(q, v, scope, root) ?? true,
      });
      return parsed(q, values);
    }
    default: {
      // text or a date: an offer is a choice of its own, anything else is typed with nothing pre-filled
      const chosen =
        offered.length > 0
          ? await pick([...offered.map((o) => ({ value: o, name: suggested(o) })), { value: OTHER, name: 'someone or something else: type it' }])
          : OTHER;
      if (chosen === undefined) return undefined;
      if (chosen !== OTHER) {
        const problem = answerProblem(q, chosen, scope, root);
        if (!problem) return parsed(q, chosen);
        asker.say(`  ${problem}`);
      }
      const recorded = isBlank(q.recorded) ? '' : ` (recorded: ${asText(q.recorded)}; Enter keeps it)`;
      const text = await asker.input({ message: `${q.message}${recorded}`, validate: (v) => answerProblem(q, v, scope, root) ?? true });
      return parsed(q, text);
    }
  }
}

async function askYesNoOrBlank(q: Question, asker: Asker): Promise<boolean | undefined> {
  const chosen = await asker.select({
    message: q.message,
    choices: [
      { value: 'yes', name: 'yes' },
      { value: 'no', name: 'no' },
      { value: SKIP, name: '(leave blank)' },
    ],
    default: SKIP,
  });
  return chosen === SKIP ? undefined : chosen === 'yes';
}

/** Ask for one new person and add them to the answers' people; their id is the answer. */
async function addPerson(step: ListStep, root: Answers, asker: Asker): Promise<string> {
  const people = (getIn(root, step.path) as Answers[] | undefined) ?? [];
  setIn(root, step.path, people);
  const person: Answers = {};
  people.push(person);
  await askInto(step.items, person, root, asker, {});
  return String(person.id);
}

async function askList(step: ListStep, scope: Answers, root: Answers, asker: Asker): Promise<void> {
  if (step.existing && step.existing.length > 0) asker.say(`Already recorded (${step.noun}s):\n${step.existing.map((e) => `  - ${e}`).join('\n')}`);
  const items: Answers[] = [];
  setIn(scope, step.path, items);
  const max = step.max ?? Infinity;
  for (let i = 0; items.length < max; i++) {
    if (items.length >= minItems(step, root)) {
      // a single item the step always needs is asked without a yes/no first
      if (!(await asker.confirm({ message: step.message, default: false }))) {
        const problem = step.check?.(items, root);
        if (!problem) break;
        asker.say(`  ${problem}`);
      }
    }
    const item: Answers = {};
    items.push(item);
    await askInto(step.items, item, root, asker, { defaults: step.itemDefaults?.(i, root), offers: step.itemOffers?.(i, root) });
  }
  if (items.length === 0) {
    const parent = getIn(scope, step.path.slice(0, -1));
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Answers)[step.path[step.path.length - 1] as string];
  }
}
