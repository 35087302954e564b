// A scripted terminal for the workflow's prompt flows: answers are taken in order,
// each checked with the prompt's own validation (a refused answer is recorded and the
// next one tried, as a person would retype), and every prompt is logged.
import { PromptInterrupted, type Asker } from '../../src/app/prompting.js';

/** Press Enter on the pre-filled answer. */
export const ENTER = Symbol('enter');
/** Press Ctrl-C. */
export const CTRL_C = Symbol('ctrl-c');

export type Reply = string | boolean | string[] | typeof ENTER | typeof CTRL_C | ((message: string) => string | boolean | string[] | typeof ENTER);

export interface Script {
  asker: Asker;
  /** Every prompt message, in order. */
  asked: string[];
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
      for (;;) {
        const reply = next(q.message);
        const value = reply === ENTER ? (q.default ?? '') : String(reply);
        const ok = q.validate(value);
        if (ok === true) return value;
        refused.push(ok);
      }
    },
    async select(q) {
      const reply = next(q.message);
      const value = reply === ENTER ? (q.default ?? q.choices[0].value) : String(reply);
      if (value !== '\u0000new' && value !== '\u0000skip' && !q.choices.some((c) => c.value === value)) throw new Error(`"${value}" is not a choice for: ${q.message}`);
      return value;
    },
    async checkbox(q) {
      for (;;) {
        const reply = next(q.message);
        const values = reply === ENTER ? q.choices.filter((c) => c.checked).map((c) => c.value) : (reply as string[]);
        const ok = q.validate(values);
        if (ok === true) return values;
        refused.push(ok);
      }
    },
    async confirm(q) {
      const reply = next(q.message);
      return reply === ENTER ? q.default : Boolean(reply);
    },
    say(text) {
      said.push(text);
    },
  };
  return { asker, asked, refused, said, remaining: () => queue.length };
}

/** The value the person-question offers for "someone new". */
export const NEW_PERSON = '\u0000new';
