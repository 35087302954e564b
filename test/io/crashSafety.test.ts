// A case file is always the old or the new version, byte for byte, whatever stops a
// write: a failure injected at every file-system call writeCaseFile makes (with its
// clean-up running, and as a crash where nothing after that call runs), and SIGKILL
// of a child process writing in a loop. Temp files a killed writer leaves behind are
// removed by the next write to that folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { present } from '../present.js';

// Every fs call the writer makes can be made to fail; in crash mode every call after the first failure fails too.
const fault = vi.hoisted(() => ({ armed: false, calls: 0, failAt: 0, crash: false, crashed: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const wrapped: Record<string, unknown> = { ...actual };
  for (const name of [
    'openSync',
    'writeSync',
    'fsyncSync',
    'closeSync',
    'chmodSync',
    'renameSync',
    'unlinkSync',
    'statSync',
    'readFileSync',
    'readdirSync',
    'realpathSync',
  ]) {
    const real = (actual as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    wrapped[name] = (...args: unknown[]) => {
      if (fault.armed) {
        fault.calls++;
        if (fault.crashed || fault.calls === fault.failAt) {
          if (fault.crash) fault.crashed = true;
          throw Object.assign(new Error(`EIO: injected at ${name} (call ${fault.calls})`), { code: 'EIO' });
        }
      }
      return present(real)(...args);
    };
  }
  return wrapped;
});
// Loaded afresh, so the stand-in above applies even where another test file loaded them first.
vi.resetModules();
const { loadCase } = await import('../../src/io/loadCase.js');
const { applyEdits, writeCaseFile } = await import('../../src/io/writeCase.js');

const HANG_GUARD = 120_000;
const ORIGINAL = [
  '---',
  'reunify: 1',
  'id: RF-K001',
  'stage: 2          # current stage',
  'x-counter: 0',
  'team: { social_worker: "SW A.B.", iro: "IRO C.D." }',
  '---',
  '## Case history',
  '',
  'Fictional. A body that must survive every write untouched: --- # not YAML',
  '',
].join('\n');
const VARIANTS = { lf: ORIGINAL, 'bom-crlf': '\ufeff' + ORIGINAL.replace(/\n/g, '\r\n') };
const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const locks = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.reunify-lock'));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'reunify-crash-'));
  dirs.push(d);
  return d;
}

/** The text with `x-counter` set to n: what the writer must produce for version n. */
const version = (text: string, n: number) => applyEdits(text, [{ op: 'set', path: ['x-counter'], value: n }]);

describe('writeCaseFile: a failure at every file-system call', () => {
  let tried = 0;
  beforeEach(() => Object.assign(fault, { armed: false, calls: 0, failAt: 0, crash: false, crashed: false }));
  afterAll(() => console.log(`crash safety: ${tried} injected failure points, file always old or new`));

  for (const [variant, text] of Object.entries(VARIANTS)) {
    for (const crash of [false, true]) {
      it(`${variant}, ${crash ? 'crash: nothing after the failing call runs' : 'failure: the writer cleans up'}`, () => {
        const dir = freshDir();
        const file = join(dir, 'RF-K001.md');
        const old = bytesOf(text);
        const next = bytesOf(version(text, 1));
        let outcomes = { old: 0, new: 0 };
        // how many fs calls a write makes when nothing fails: each one is a point to fail at
        writeFileSync(file, old);
        const probe = loadCase(file);
        Object.assign(fault, { armed: true, calls: 0, failAt: 0 });
        writeCaseFile(probe, version(probe.split!.text, 1));
        fault.armed = false;
        const points = fault.calls;
        expect(points).toBeGreaterThanOrEqual(12);
        for (let k = 1; k <= points; k++) {
          writeFileSync(file, old);
          for (const t of [...temps(dir), ...locks(dir)]) rmSync(join(dir, t));
          const loaded = loadCase(file);
          const newText = version(loaded.split!.text, 1);
          Object.assign(fault, { armed: true, calls: 0, failAt: k, crash, crashed: false });
          let threw = false;
          try {
            writeCaseFile(loaded, newText);
          } catch {
            threw = true;
          } finally {
            fault.armed = false;
          }
          const now = readFileSync(file);
          expect(now.equals(old) || now.equals(next), `failure at call ${k}: the file is neither old nor new`).toBe(true);
          // a write that reports success has written the new version
          if (!threw) expect(now.equals(next), `failure at call ${k} was swallowed but the file is old`).toBe(true);
          outcomes = now.equals(old) ? { ...outcomes, old: outcomes.old + 1 } : { ...outcomes, new: outcomes.new + 1 };
          if (!crash) expect(temps(dir), `failure at call ${k} left a temp file`).toEqual([]);
          if (!crash) expect(locks(dir), `failure at call ${k} left the case locked`).toEqual([]);
          tried++;
          if (crash && temps(dir).length + locks(dir).length > 0) {
            // a lock left by this process's crashed write is recognised as stale at once
            // a crashed writer's temp is removed by the next write once it is stale (own pid: by age)
            const old20 = new Date(Date.now() - 20 * 60_000);
            for (const t of temps(dir)) utimesSync(join(dir, t), old20, old20);
            writeFileSync(file, old);
            const again = loadCase(file);
            writeCaseFile(again, version(again.split!.text, 2));
            expect(temps(dir)).toEqual([]);
            expect(locks(dir)).toEqual([]);
          }
        }
        // both outcomes happen: before the rename the file is old, after it new
        expect(outcomes.old).toBeGreaterThan(8);
        expect(outcomes.new).toBeGreaterThanOrEqual(1);
      });
    }
  }
});

describe('writeCaseFile: SIGKILL of a child writing in a loop', () => {
  const ROUNDS = 4;
  const FILES = 5;
  const WRITER = resolve(import.meta.dirname, '../../dist/io/writeCase.js');
  const LOADER = resolve(import.meta.dirname, '../../dist/io/loadCase.js');

  /** Deterministic delays (ms) after the child's first write, spread over 0..24. */
  function* delays(seed: number) {
    let a = seed;
    for (;;) {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      yield a % 25;
    }
  }

  it(
    `${ROUNDS * FILES} kills: every file is a complete version, stale temps are removed by the next writer`,
    async () => {
      const dir = freshDir();
      const child = join(dir, 'writer.mjs');
      writeFileSync(
        child,
        [
          `import { loadCase } from ${JSON.stringify(LOADER)};`,
          `import { applyEdits, writeCaseFile } from ${JSON.stringify(WRITER)};`,
          'const [file, start] = [process.argv[2], Number(process.argv[3])];',
          '// every child starts from its own number, so its first write always changes the file',
          'for (let i = start; ; i++) {',
          '  const loaded = loadCase(file);',
          "  writeCaseFile(loaded, applyEdits(loaded.split.text, [{ op: 'set', path: ['x-counter'], value: i }]));",
          "  if (i === start) process.stdout.write('ready\\n');",
          '}',
        ].join('\n'),
      );
      const files = Array.from({ length: FILES }, (_, f) => {
        const text = Object.values(VARIANTS)[f % 2];
        const file = join(dir, `case-${f}`, 'RF-K001.md');
        return { file, dir: join(dir, `case-${f}`), text };
      });
      for (const f of files) {
        rmSync(f.dir, { recursive: true, force: true });
        await import('node:fs').then((fs) => fs.mkdirSync(f.dir));
        writeFileSync(f.file, bytesOf(present(f.text)));
      }
      const wait = delays(42);
      const seen = { kills: 0, tempsLeft: 0, maxVersion: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        await Promise.all(
          files.map(async (f) => {
            const proc = spawn(process.execPath, [child, f.file, String(round * 1_000_000 + 1)], { stdio: ['ignore', 'pipe', 'pipe'] });
            let stderr = '';
            proc.stderr.on('data', (d) => (stderr += d));
            const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
            await new Promise<void>((res, rej) => {
              proc.stdout.once('data', () => res());
              proc.once('exit', () => rej(new Error(`writer exited before writing: ${stderr}`)));
            });
            await new Promise((res) => setTimeout(res, wait.next().value as number));
            proc.kill('SIGKILL');
            await exited;
            seen.kills++;
            // the file is exactly some version n, never a mix or a partial write
            const bytes = readFileSync(f.file);
            const n = Number(/x-counter: (\d+)/.exec(bytes.toString('utf8'))?.[1]);
            expect(Number.isInteger(n) && n >= 1, `round ${round}: no counter in ${f.file}`).toBe(true);
            expect(bytes.equals(bytesOf(version(present(f.text), n))), `round ${round}: ${f.file} is not version ${n} byte for byte`).toBe(true);
            seen.maxVersion = Math.max(seen.maxVersion, n - round * 1_000_000);
            // only the writer just killed may have left a temp: earlier ones were removed by the next writer
            const left = temps(f.dir);
            expect(
              left.every((t) => t.includes(`.reunify-${proc.pid}-`)),
              `round ${round}: stale temps ${left.join(', ')}`,
            ).toBe(true);
            seen.tempsLeft += left.length;
          }),
        );
      }
      // one more write in each folder clears the last killed writer's temp
      for (const f of files) {
        const loaded = loadCase(f.file);
        writeCaseFile(loaded, version(loaded.split!.text, 999_999_999));
        expect(temps(f.dir)).toEqual([]);
      }
      console.log(
        `crash safety: ${seen.kills} SIGKILLs, ${seen.tempsLeft} of them mid-write (temp left, then removed), up to ${seen.maxVersion} writes per child`,
      );
      expect(seen.kills).toBe(ROUNDS * FILES);
    },
    HANG_GUARD,
  );
});
