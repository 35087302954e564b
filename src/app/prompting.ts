// Prompting: whether a command may ask at all, the small interface the workflow
// asks through (so tests can script the answers), and its Inquirer version. This is
// the only module that imports @inquirer/prompts, and only when a prompt is shown.
import { appEnv } from './env.js';
import { UsageError, terminalText, writeErr } from './shared.js';

export interface AskChoice {
  value: string;
  name: string;
}

/** What a workflow needs from a terminal. Prompts go to stderr; Ctrl-C throws PromptInterrupted. */
export interface Asker {
  input(q: { message: string; default?: string; validate: (value: string) => string | true }): Promise<string>;
  select(q: { message: string; choices: AskChoice[]; default?: string }): Promise<string>;
  checkbox(q: { message: string; choices: (AskChoice & { checked: boolean })[]; validate: (values: string[]) => string | true }): Promise<string[]>;
  confirm(q: { message: string; default: boolean }): Promise<boolean>;
  /** A line for the person answering (what is already recorded, why an answer was refused). */
  say(text: string): void;
}

/** The person at the terminal pressed Ctrl-C: nothing is written. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}

export interface InputFlags {
  /** false with --no-input */
  input?: boolean;
  answers?: string;
}

/** `CI` set to anything but an empty string, 0 or false. */
function inCi(): boolean {
  const ci = appEnv().vars.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Prompts only on a terminal, and never with --no-input, --answers or CI set: nothing may wait for input that cannot come. */
export function mayPrompt(flags: InputFlags): boolean {
  return flags.input !== false && flags.answers === undefined && !inCi() && appEnv().stdinIsTTY;
}

/** How to answer without a terminal, for messages. */
export const NON_INTERACTIVE_HINT =
  'give them in an answers file (--answers FILE, same field names as the case file; see docs/workflow.md) or with --set path=value, or run the command in a terminal';

export async function inquirerAsker(): Promise<Asker> {
  const prompts = await import('@inquirer/prompts');
  const context = { output: appEnv().stderr.stream ?? process.stderr, clearPromptOnDone: false };
  const interrupted = (err: unknown): never => {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new PromptInterrupted();
    throw err;
  };
  return {
    input: (q) => prompts.input({ message: terminalText(q.message), default: q.default, validate: q.validate }, context).catch(interrupted),
    select: (q) =>
      prompts
        .select(
          { message: terminalText(q.message), choices: q.choices.map((c) => ({ ...c, name: terminalText(c.name) })), default: q.default, pageSize: 12 },
          context,
        )
        .catch(interrupted),
    checkbox: (q) =>
      prompts
        .checkbox(
          {
            message: terminalText(q.message),
            choices: q.choices.map((c) => ({ ...c, name: terminalText(c.name) })),
            validate: (items) => q.validate(items.map((i) => i.value)),
            pageSize: 12,
          },
          context,
        )
        .catch(interrupted),
    confirm: (q) => prompts.confirm({ message: terminalText(q.message), default: q.default }, context).catch(interrupted),
    say: (text) => writeErr(`${text}\n`),
  };
}

/** One `--set path=value`: the path as typed, and as the answers' path. */
export interface SetFlag {
  name: string;
  path: (string | number)[];
  value: unknown;
}

/** `--set a.b.0.c=value` flags, one by one; the value is the text given (a flow list or map is read as YAML). */
export async function parseSetFlags(values: readonly string[]): Promise<SetFlag[]> {
  const { setFlagValue } = await import('../core/workflow/answers.js');
  const out: SetFlag[] = [];
  for (const v of values) {
    const m = /^([A-Za-z_][\w-]*(?:\.(?:[\w-]+|\d+))*)=([\s\S]*)$/.exec(v);
    if (!m) throw new UsageError(`--set takes path=value (e.g. tasks.safe_adult.person=gran), got "${v}"`);
    const [name, raw] = [m[1]!, m[2]!]; // both groups of the pattern are not optional
    const parsed = setFlagValue(raw);
    if ('error' in parsed) throw new UsageError(`--set ${name}: ${parsed.error}`);
    out.push({ name, path: name.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)), value: parsed.value });
  }
  return out;
}

/** `--set a.b.0.c=value` flags, merged into answers. */
export async function setFlagAnswers(values: readonly string[]): Promise<Record<string, unknown>> {
  const { setIn } = await import('../core/workflow/answers.js');
  const out: Record<string, unknown> = {};
  for (const flag of await parseSetFlags(values)) setIn(out, flag.path, flag.value);
  return out;
}

/** Merge answers: maps key by key, anything else (lists included) replaced by the later source. */
export function mergeAnswers(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = isMap(prev) && isMap(value) ? mergeAnswers(prev, value) : value;
  }
  return out;
}
