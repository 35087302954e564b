// What a terminal shows: colour by the supports-color conventions (TERM=dumb, empty
// FORCE_COLOR), one line of usage after a wrong option, and `reunify` alone as a usage error.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app/env.js';
import { ROOT, plainEnv, reunify } from './run.js';

type Run = (args: readonly string[], env: AppEnv) => Promise<number>;

/** In-process, with stdout a terminal (or not) and these environment variables. */
async function atTerminal(args: string[], vars: Record<string, string>, isTTY = true) {
  const { run } = (await import(resolve(ROOT, 'dist/cli/index.js'))) as { run: Run };
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    cwd: ROOT,
    today: () => '2026-11-01',
    now: () => new Date(),
    stdout: { write: (s) => void (stdout += s), isTTY },
    stderr: { write: (s) => void (stderr += s), isTTY },
    stdinIsTTY: false,
    vars: { ...plainEnv({ CI: '', TERM: 'xterm-256color' }), ...vars },
  });
  return { exitCode, stdout, stderr };
}

const coloured = (s: string) => s.includes('\u001b[');
const BROKEN = ['check', 'examples/broken/duplicate-key.md'];

describe('colour', () => {
  it('a terminal gets colour, but not one that says TERM=dumb (unless FORCE_COLOR forces it)', async () => {
    expect(coloured((await atTerminal(BROKEN, {})).stdout)).toBe(true);
    expect(coloured((await atTerminal(BROKEN, { TERM: 'dumb' })).stdout)).toBe(false);
    expect(coloured((await atTerminal(BROKEN, { TERM: 'dumb', FORCE_COLOR: '1' })).stdout)).toBe(true);
    expect(coloured((await atTerminal(['status', 'examples/caseload', '--as-of', '2026-11-01'], { TERM: 'dumb' })).stdout)).toBe(false);
  });

  it('an empty FORCE_COLOR forces colour as chalk does; FORCE_COLOR=0 and NO_COLOR turn it off', async () => {
    expect(coloured((await reunify(BROKEN, { env: { FORCE_COLOR: '' } })).stdout)).toBe(true);
    expect(coloured((await reunify(BROKEN, { env: { FORCE_COLOR: 'true' } })).stdout)).toBe(true);
    expect(coloured((await atTerminal(BROKEN, { FORCE_COLOR: '0' })).stdout)).toBe(false);
    expect(coloured((await atTerminal(BROKEN, { FORCE_COLOR: '', NO_COLOR: '1' })).stdout)).toBe(false);
  });
});

describe('usage errors', () => {
  it('a wrong option prints the error and one line of usage, not the whole help (exit 2)', async () => {
    const r = await reunify(['check', '--bogus']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual(["error: unknown option '--bogus'", 'usage: reunify check [options] [paths...] (see reunify check --help)']);
  });

  it('a wrong command or a missing argument does the same, for the command it concerns', async () => {
    const unknown = await reunify(['chekc']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr.split('\n')).toEqual([
      "error: unknown command 'chekc'",
      '(Did you mean check?)',
      'usage: reunify [options] [command] (see reunify --help)',
    ]);
    const missing = await reunify(['new']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.split('\n')).toEqual(["error: missing required argument 'id'", 'usage: reunify new [options] <id> (see reunify new --help)']);
  });

  it('reunify with no command prints the help and exits 2; --help exits 0', async () => {
    const bare = await reunify([]);
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toContain('Usage: reunify [options] [command]');
    expect(bare.stderr).toContain('check [options] [paths...]');
    const help = await reunify(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: reunify [options] [command]');
  });
});

describe('terminal width', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
  const CASELOAD = ['examples/caseload', '--as-of', '2026-11-01'];
  // the example caseload has nothing waiting for sign-off; these fixtures have five items
  const QUEUE = ['test/fixtures/signoff', '--as-of', '2026-11-01'];

  it.each([
    ['status', 60, CASELOAD],
    ['status', 40, CASELOAD],
    ['signoff', 60, QUEUE],
    ['signoff', 40, QUEUE],
  ] as const)('%s fits a terminal %i columns wide, and says the same', async (command, columns, where) => {
    const wide = await reunify([command, ...where]);
    const narrow = await reunify([command, ...where], { terminalColumns: columns });
    expect(narrow.exitCode).toBe(0);
    expect(widest(wide.stdout)).toBeGreaterThan(columns);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(columns);
    // the same words, only wrapped differently (a cut label ends in …)
    const words = (t: string) => t.split(/\s+/).filter((w) => w !== '' && !/[─…]/.test(w));
    const narrowWords = new Set(words(narrow.stdout));
    const lost = words(wide.stdout).filter((w) => !narrowWords.has(w));
    expect(lost.length, lost.join(' ')).toBeLessThan(words(wide.stdout).length / 20);
  });

  it('a pipe, a very wide terminal and one too narrow to read keep to 100 or 40 columns', async () => {
    const piped = await reunify(['status', ...CASELOAD]);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(100);
    expect((await reunify(['status', ...CASELOAD], { terminalColumns: 300 })).stdout).toBe(piped.stdout);
    expect(widest((await reunify(['status', ...CASELOAD], { terminalColumns: 12 })).stdout)).toBeLessThanOrEqual(40);
  });
});
