// The world a command runs in, handed to it rather than read from `process`: the
// working folder, today's date, where output goes, whether a person is at the
// terminal, and the environment variables that choose colour and CI behaviour.
// The binary builds one from the real process (processEnv); tests build their own.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Somewhere text is written: stdout or stderr, or a buffer in tests. */
export interface Writer {
  write(text: string): void;
  /** True when this writer is a terminal (colour, progress lines). */
  readonly isTTY: boolean;
  /** The real stream behind it, for libraries that need one (prompts, progress). */
  readonly stream?: NodeJS.WriteStream;
  /** How many columns the terminal is wide, when this writer is one that says so. */
  readonly columns?: number;
}

export interface AppEnv {
  /** The folder relative paths on the command line are read from. */
  cwd: string;
  /** Today's date where the user is, as YYYY-MM-DD. */
  today(): string;
  /** The time now, for "re-checked at" lines. */
  now(): Date;
  stdout: Writer;
  stderr: Writer;
  /** Whether stdin is a terminal a person can answer prompts at. */
  stdinIsTTY: boolean;
  /** Environment variables (NO_COLOR, FORCE_COLOR, CI). */
  vars: Readonly<Record<string, string | undefined>>;
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let stdoutClosed = false;

/** The real process: what bin/reunify.js runs with. */
export function processEnv(): AppEnv {
  return {
    get cwd() {
      return process.cwd();
    },
    today: () => localDate(new Date()),
    now: () => new Date(),
    stdout: {
      write: (text) => {
        if (!stdoutClosed) process.stdout.write(text);
      },
      get isTTY() {
        return process.stdout.isTTY === true;
      },
      get columns() {
        return process.stdout.isTTY === true ? process.stdout.columns : undefined;
      },
      stream: process.stdout,
    },
    stderr: {
      write: (text) => {
        process.stderr.write(text);
      },
      get isTTY() {
        return process.stderr.isTTY === true;
      },
      stream: process.stderr,
    },
    stdinIsTTY: process.stdin.isTTY === true,
    vars: process.env,
  };
}

/** Exit quietly when stdout is a closed pipe (`| head`). Only the binary calls this. */
export function guardStdout(onClosed: () => void): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      stdoutClosed = true;
      onClosed();
      return;
    }
    throw err;
  });
}

/** One run of a command: its environment and the exit code it has set. */
interface RunState {
  env: AppEnv;
  exitCode?: number;
}

const current = new AsyncLocalStorage<RunState>();
let fallback: RunState | undefined;

function state(): RunState {
  return current.getStore() ?? (fallback ??= { env: processEnv() });
}

/** Runs `work` with `env` as the environment every helper below it sees; gives back the exit code it set. */
export async function withEnv(env: AppEnv, work: () => Promise<void>): Promise<number | undefined> {
  const run: RunState = { env };
  await current.run(run, work);
  return run.exitCode;
}

/** The environment of the command running now (the real process outside any run). */
export function appEnv(): AppEnv {
  return state().env;
}

/** The exit code of the command running now. */
export function setExitCode(code: number): void {
  const run = current.getStore();
  // outside run() (a test driving commander directly) the process's own exit code is the one
  if (run) run.exitCode = code;
  else process.exitCode = code;
}
