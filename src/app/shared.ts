// What every command shares: exit codes, colour, dates, and writing to the
// command's stdout and stderr (the AppEnv it runs in).
import { resolve as resolvePath } from 'node:path';
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { appEnv, type Writer } from './env.js';

export { setExitCode } from './env.js';
import { terminalLines, terminalText } from '../core/escape/terminal.js';
import { notADate, parseIsoDate } from '../core/text/dates.js';

export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the command was called, or in the config: exit 2. */
export class UsageError extends Error {}

export interface CommonOptions {
  color?: boolean;
  quiet?: boolean;
  config?: string;
}

/**
 * The one place colour is decided, by the conventions of chalk's supports-color:
 * --no-color and a non-empty NO_COLOR always win; FORCE_COLOR forces it (empty or
 * `true` is level 1, `0` or `false` is none, 1–3 a level); otherwise only a terminal
 * gets colour, and never one that says `TERM=dumb`.
 */
export function colorLevel(vars: Readonly<Record<string, string | undefined>>, isTTY: boolean, enabled: boolean | undefined): 0 | 1 | 2 | 3 {
  if (enabled === false || (vars.NO_COLOR !== undefined && vars.NO_COLOR !== '')) return 0;
  const force = vars.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 && Number.isInteger(n) ? (n as 1 | 2 | 3) : 1;
  }
  if (!isTTY || vars.TERM === 'dumb') return 0;
  return supportsColor ? supportsColor.level : 1;
}

/** A chalk for `stream` (default stdout) at the level colorLevel decides. */
export function makeColor(stream: Writer | undefined, enabled: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colorLevel(appEnv().vars, (stream ?? appEnv().stdout).isTTY, enabled) });
}

/**
 * How wide terminal text may be: the terminal's own width when stdout is a terminal that
 * says it, between 40 and 100 columns; 100 in a pipe or a file, so saved output does not
 * depend on the window it was made in.
 */
export function textWidth(): number {
  const { columns, isTTY } = appEnv().stdout;
  if (!isTTY || columns === undefined || !Number.isFinite(columns) || columns <= 0) return TEXT_WIDTH;
  return Math.max(MIN_TEXT_WIDTH, Math.min(TEXT_WIDTH, Math.floor(columns)));
}
const TEXT_WIDTH = 100;
const MIN_TEXT_WIDTH = 40;

/** The message when nothing matched: where was looked, for what, and how to accept it. */
export function noCaseFiles(paths: readonly string[], glob: string, configPath: string | undefined): string {
  const where = paths.map((p) => `"${p}"`).join(', ');
  const from = configPath ? `cases: "${glob}" in ${configPath}` : `the default cases pattern "${glob}"`;
  return `reunify: no case files found in ${where} (${from}); pass --allow-empty if an empty caseload is expected\n`;
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function today(): string {
  return appEnv().today();
}

/** A date flag's value (`--as-of`, `--date`, …), else today; a date that is not one is a usage error naming the flag. */
export function parseAsOf(value: string | undefined, flag = '--as-of'): string {
  if (value === undefined) return today();
  const date = parseIsoDate(value);
  if (date === undefined) throw new UsageError(notADate(flag, terminalText(value)));
  return date;
}

/** Machine output (json, sarif, junit, a shell script), exactly as given: valid and byte-exact. */
export function writeOut(text: string): void {
  appEnv().stdout.write(text);
}

/** Machine output given piece by piece (a big caseload's JSON), written in pieces of about 64 KiB. */
export function writeOutChunks(chunks: Iterable<string>): void {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 65_536) {
      writeOut(pending);
      pending = '';
    }
  }
  if (pending !== '') writeOut(pending);
}

// the colour codes chalk writes: Select Graphic Rendition, nothing else
// eslint-disable-next-line no-control-regex -- matching ESC is the point: only colour codes pass
const SGR = /(\x1b\[[0-9;]*m)/;

/**
 * Human output (tables, text, markdown, html, diffs) to stdout: every control
 * character from a case or the config shown as a visible escape, never obeyed.
 * With colour on, the colour codes stay; the values coloured were made safe at
 * their source (safeStrings), so no case text can forge one.
 */
export function writeOutHuman(text: string, color?: ChalkInstance): void {
  if (color === undefined || color.level === 0) {
    appEnv().stdout.write(terminalLines(text));
    return;
  }
  appEnv().stdout.write(
    text
      .split(SGR)
      .map((part, i) => (i % 2 === 1 ? part : terminalLines(part)))
      .join(''),
  );
}

/** Messages to stderr (always human): control characters shown, never obeyed. */
export function writeErr(text: string): void {
  appEnv().stderr.write(terminalLines(text));
}

export const writeErrHuman = writeErr;

/** `value` with every string in it made safe for a terminal (plain objects, arrays and maps walked). */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((v) => safeStrings(v)) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [safeStrings(k), safeStrings(v)])) as T;
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: safeStrings(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

/** The folder relative paths on the command line are read from. */
export function cwd(): string {
  return appEnv().cwd;
}

export { PACKAGE_VERSION } from '../version.js';
export { terminalText } from '../core/escape/terminal.js';

/**
 * A path from the command line as io should open it: read from the command's
 * working folder. When that is the process's own folder the path is kept as typed,
 * so messages name files the way the user did.
 */
export function fromCwd(p: string): string {
  const dir = appEnv().cwd;
  return dir === process.cwd() ? p : resolvePath(dir, p);
}

/** The same flags with each named path option read from the working folder. */
export function flagPathsFromCwd<T extends object>(flags: T, keys: readonly (keyof T)[]): T {
  const out = { ...flags };
  for (const k of keys) {
    const v = out[k];
    if (typeof v === 'string') out[k] = fromCwd(v) as T[keyof T];
  }
  return out;
}
