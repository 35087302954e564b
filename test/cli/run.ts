// Runs the command line in-process, the way the binary does but without a new
// process: the built entry point (npm test builds first) with its own working
// folder, environment variables and captured stdout and stderr. What only a real
// process shows (exit of the binary, TTY, signals, start-up) is in spawn.ts.
import { resolve } from 'node:path';
import type { AppEnv } from '../../src/app/env.js';

export const BIN = resolve(import.meta.dirname, '../../bin/reunify.js');
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The environment a spawned reunify gets: this process's, without the colour variables it
 * may have inherited (so pipes decide: no colour), plus `extra`. Setting them to '' is not the
 * same: Node 24 warns on stderr when NO_COLOR and FORCE_COLOR are both present.
 */
export function plainEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

type Run = (args: readonly string[], env: AppEnv) => Promise<number>;

let entry: Promise<Run> | undefined;
const load = (): Promise<Run> => (entry ??= import(resolve(ROOT, 'dist/cli/index.js')).then((m: { run: Run }) => m.run));

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Accepted for the spawn helper's sake; in-process stdin is never a terminal and never read. */
  input?: string;
  /** A fixed "today" (YYYY-MM-DD) instead of the real one. */
  today?: string;
  /** stdout as a terminal this many columns wide (colour still off unless FORCE_COLOR says otherwise: NO_COLOR is set). */
  terminalColumns?: number;
  /** stderr as a terminal (where progress lines go; NO_COLOR is set). */
  stderrTerminal?: boolean;
  /** The command's clock, instead of the real one. */
  now?: () => Date;
}

/** One command line, in-process: exit code, stdout and stderr (each without its final newline, as execa gives them). */
export async function reunify(args: string[], options: RunOptions = {}) {
  const run = await load();
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    cwd: options.cwd ?? ROOT,
    today: () => options.today ?? localDate(new Date()),
    now: options.now ?? (() => new Date()),
    stdout: { write: (s) => void (stdout += s), isTTY: options.terminalColumns !== undefined, columns: options.terminalColumns },
    stderr: { write: (s) => void (stderr += s), isTTY: options.stderrTerminal === true },
    stdinIsTTY: false,
    vars: plainEnv({ CI: '', ...(options.terminalColumns !== undefined || options.stderrTerminal ? { NO_COLOR: '1' } : {}), ...options.env }),
  });
  const trim = (s: string) => (s.endsWith('\r\n') ? s.slice(0, -2) : s.endsWith('\n') ? s.slice(0, -1) : s);
  return { exitCode, stdout: trim(stdout), stderr: trim(stderr) };
}
