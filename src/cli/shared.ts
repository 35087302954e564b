// What every command shares: exit codes, colour, dates, and writing to stdout
// without crashing when the reader goes away (`| head`).
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the command was called, or in the config: exit 2. */
export class UsageError extends Error {}

export interface CommonOptions {
  color?: boolean;
  quiet?: boolean;
  config?: string;
}

/**
 * Colour only when writing to a terminal, unless FORCE_COLOR says otherwise;
 * NO_COLOR and --no-color always win.
 */
export function makeColor(stream: NodeJS.WriteStream, enabled: boolean | undefined): ChalkInstance {
  if (enabled === false || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '')) return new Chalk({ level: 0 });
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return new Chalk({ level: 0 });
    const n = Number(force);
    return new Chalk({ level: n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1 });
  }
  if (!stream.isTTY) return new Chalk({ level: 0 });
  return new Chalk({ level: supportsColor ? supportsColor.level : 1 });
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function parseAsOf(value: string | undefined): string {
  if (value === undefined) return today();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

let stdoutClosed = false;

/** Exit quietly when stdout is a closed pipe. */
export function guardStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      stdoutClosed = true;
      process.exit(process.exitCode ?? 0);
    }
    throw err;
  });
}

export function writeOut(text: string): void {
  if (!stdoutClosed) process.stdout.write(text);
}

export function writeErr(text: string): void {
  process.stderr.write(text);
}

export { PACKAGE_VERSION } from '../version.js';
