// A scripted terminal for the workflow's prompt flows: answers are taken in order,
// each checked with the prompt's own validation (a refused answer is recorded and the
// next one tried, as a person would retype), and every prompt is logged.
import { PromptInterrupted, type Asker } from '../../src/app/prompting.js';
import { present } from '../present.js';

/** Press Enter on the pre-filled answer. */
export const ENTER = Symbol('enter');
/** Press Ctrl-C. */
export const CTRL_C = Symbol('ctrl-c');

/** What one prompt showed: its kind, message, what Enter would take, and its choices. */
export interface Shown {
  kind: 'input' | 'select' | 'checkbox' | 'confirm';
  message: string;
  /** The pre-filled text, the choice the cursor starts on, the ticked choices, or the yes/no default. */
  initial: unknown;
  choices?: { value: string; name: string }[];
}

export type Reply =
  string | boolean | string[] | typeof ENTER | typeof CTRL_C | ((message: string) => string | boolean | string[] | typeof ENTER | typeof CTRL_C);

export interface Script {
  asker: Asker;
  /** Every prompt message, in order. */
  asked: string[];
  /** Every prompt as it was shown, in order. */
  shown: Shown[];
  /** Messages the validation refused an answer with. */
  refused: string[];
  said: string[];
  remaining(): number;
}

export function script(replies: Reply[]): Script {
  const queue = [...replies];
  const asked: string[] = [];
  const refused: string[] = [];
  const said: string[] = [];
  const shown: Shown[] = [];
  const next = (message: string): Exclude<Reply, (m: string) => unknown> => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`unscripted prompt: ${message}\nasked so far:\n${asked.join('\n')}`);
    let reply = queue.shift()!;
    if (typeof reply === 'function') reply = reply(message);
    if (reply === CTRL_C) throw new PromptInterrupted();
    return reply;
  };
  const asker: Asker = {
    async input(q) {
      shown.push({ kind: 'input', message: q.message, initial: q.default });
      for (;;) {
        const reply = next(q.message);
        const value = reply === ENTER ? (q.default ?? '') : String(reply);
        const ok = q.validate(value);
        if (ok === true) return value;
        refused.push(ok);
      }
    },
    async select(q) {
      // Inquirer starts the cursor on the default, else on the first choice
      shown.push({ kind: 'select', message: q.message, initial: q.default ?? q.choices[0]?.value, choices: q.choices });
      const reply = next(q.message);
      const value = reply === ENTER ? (q.default ?? present(q.choices[0]).value) : String(reply);
      if (!q.choices.some((c) => c.value === value)) throw new Error(`"${value}" is not a choice for: ${q.message}`);
      return value;
    },
    async checkbox(q) {
      shown.push({ kind: 'checkbox', message: q.message, initial: q.choices.filter((c) => c.checked).map((c) => c.value), choices: q.choices });
      for (;;) {
        const reply = next(q.message);
        const values = reply === ENTER ? q.choices.filter((c) => c.checked).map((c) => c.value) : (reply as string[]);
        const ok = q.validate(values);
        if (ok === true) return values;
        refused.push(ok);
      }
    },
    async confirm(q) {
      shown.push({ kind: 'confirm', message: q.message, initial: q.default });
      const reply = next(q.message);
      return reply === ENTER ? q.default : Boolean(reply);
    },
    say(text) {
      said.push(text);
    },
  };
  return { asker, asked, shown, refused, said, remaining: () => queue.length };
}

/** The value the person-question offers for "someone new". */
export const NEW_PERSON = '\u0000new';
/** The "not answered" / "(leave blank)" choice. */
export const NOT_ANSWERED = '\u0000skip';
/** The choice to type an answer other than the one suggested. */
export const SOMEONE_ELSE = '\u0000other';
