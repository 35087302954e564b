// The progress line of long `check` runs: on a terminal only, after about a second,
// redrawn in place and wiped at the end; never on a pipe.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startProgress } from '../../src/app/progress.js';
import { BIN, ROOT, reunify } from './run.js';
import { runs, unless } from '../probe.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';

function fakeTerminal(isTTY = true) {
  const writes: string[] = [];
  let clock = 0;
  return { stream: { isTTY, write: (s: string) => writes.push(s) }, writes, now: () => clock, tick: (ms: number) => (clock += ms) };
}
const describeLine = (done: number, total: number) => `checked ${done} of ${total} case files`;

describe('startProgress', () => {
  it('says nothing in the first second, then redraws the line in place and wipes it at the end', () => {
    const t = fakeTerminal();
    const p = startProgress(t.stream, { describe: describeLine, now: t.now });
    p.update(10, 100);
    t.tick(999);
    p.update(20, 100);
    expect(t.writes).toEqual([]);
    t.tick(1);
    p.update(30, 100);
    t.tick(150);
    p.update(60, 100);
    p.end();
    expect(t.writes).toEqual(['\r\x1b[Kchecked 30 of 100 case files', '\r\x1b[Kchecked 60 of 100 case files', '\r\x1b[K']);
  });

  it('redraws at most every 100 ms, except for the last file', () => {
    const t = fakeTerminal();
    const p = startProgress(t.stream, { describe: describeLine, now: t.now, delayMs: 0 });
    for (let done = 1; done <= 50; done++) p.update(done, 50);
    expect(t.writes).toEqual(['\r\x1b[Kchecked 1 of 50 case files', '\r\x1b[Kchecked 50 of 50 case files']);
  });

  it('a short run leaves nothing behind, not even the clearing sequence', () => {
    const t = fakeTerminal();
    const p = startProgress(t.stream, { describe: describeLine, now: t.now });
    p.update(13, 13);
    p.end();
    expect(t.writes).toEqual([]);
  });

  it('is silent when the stream is not a terminal, or with --quiet', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const t = fakeTerminal(isTTY);
      const p = startProgress(t.stream, { describe: describeLine, now: t.now, enabled, delayMs: 0 });
      t.tick(5000);
      p.update(1, 2);
      p.end();
      expect(t.writes).toEqual([]);
    }
  });
});

describe('reunify check on a caseload big enough to take a while', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-progress-'));
  beforeAll(() => {
    const text = readFileSync(join(ROOT, 'examples/caseload/cases/RF-0002.md'), 'utf8');
    for (let i = 1; i <= 1000; i++) {
      const id = `RF-P${String(i).padStart(4, '0')}`;
      writeFileSync(join(dir, `${id}.md`), text.replace(/^id: RF-0002/m, `id: ${id}`));
    }
  });

  it('writes nothing to stderr when stderr is not a terminal', async () => {
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/1000 case files checked, no problems/);
  });

  // `script` gives the command a pseudo-terminal (util-linux); stdout goes to a file.
  const noScript =
    process.platform !== 'linux' || !runs('script') ? 'util-linux `script` is not installed: no pseudo-terminal to run the command in' : undefined;
  it.skipIf(noScript)(unless(noScript, 'at a terminal, any progress shown is a well-formed line that is wiped before the result'), async () => {
    const out = join(dir, 'out.txt');
    const cmd = `node ${JSON.stringify(BIN)} check ${JSON.stringify(dir)} --as-of 2026-11-01 --format json > ${JSON.stringify(out)}`;
    const r = await execa('script', ['-qec', cmd, '/dev/null'], { reject: false, env: { NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary).toMatchObject({ errors: 0 });
    const terminal = r.stdout.replace(/\r\n/g, '\n');
    const lines = terminal.split('\r\x1b[K').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^checked \d+ of 1000 case files$/);
    if (lines.length > 0) expect(terminal.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('every command that reads a whole caseload', () => {
  /** In-process, stderr a terminal, on a clock that moves a second each time it is read. */
  function atSlowTerminal(args: string[], vars: Record<string, string> = {}) {
    let clock = Date.parse('2026-11-01T09:00:00Z');
    return reunify(args, { stderrTerminal: true, now: () => new Date((clock += 1000)), env: { TERM: 'xterm', ...vars } });
  }
  const CASELOAD = ['examples/caseload', '--as-of', '2026-11-01'];

  it.each([
    ['status', ...CASELOAD],
    ['signoff', ...CASELOAD],
    ['costs', ...CASELOAD],
    ['classify', ...CASELOAD],
    ['report', '--caseload', ...CASELOAD, '--to', 'md'],
  ])('%s shows how many case files it has read, at a terminal, and wipes the line before its output', async (...args) => {
    const slow = await atSlowTerminal(args);
    expect(slow.exitCode).toBe(0);
    const lines = slow.stderr.split('\r\x1b[K').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(new RegExp(`^read \\d+ of ${EXAMPLE_CASE_COUNT} case files$`));
    expect(lines.at(-1)).toBe(`read ${EXAMPLE_CASE_COUNT} of ${EXAMPLE_CASE_COUNT} case files`);
    expect(slow.stderr.endsWith('\r\x1b[K')).toBe(true);
    // the output itself is what a pipe gets
    expect(slow.stdout).toBe((await reunify(args)).stdout);
    // and nothing at TERM=dumb
    expect((await atSlowTerminal(args, { TERM: 'dumb' })).stderr).toBe('');
  });
});
