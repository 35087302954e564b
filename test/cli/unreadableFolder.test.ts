// A caseload folder that cannot be listed is reported, never passed over: a practice
// lead must not take a partial check for the whole caseload. chmod 000 does not stop
// root, so as root the commands run under setpriv without the two capabilities that
// let root read anything; where that is not possible the folder is readable, and the
// test expects it to be checked like any other (as the hostile corpus does, by user).
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unless } from '../probe.js';
import { BIN, plainEnv, ROOT } from './run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT, exampleCaseFiles } from '../exampleCases.js';

const IS_ROOT = process.getuid?.() === 0;
const DROP_READ_ANYTHING = ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', '--'];

/** "EACCES" when a process run under `under` cannot list `folder`, "readable" when it can, else what went wrong. */
function listing(under: string[], folder: string): string {
  const [command, ...rest] = [
    ...under,
    'node',
    '-e',
    `try { require('fs').readdirSync(${JSON.stringify(folder)}); console.log('readable') } catch (e) { console.log(e.code) }`,
  ];
  return spawnSync(command, rest, { encoding: 'utf8' }).stdout?.trim() ?? 'not run';
}

/** What the commands run under: nothing, or (as root, where it can drop them) setpriv. Probed on a locked folder before the tests are collected. */
function probePrefix(): string[] {
  const probe = mkdtempSync(join(tmpdir(), 'reunify-unreadable-probe-'));
  chmodSync(probe, 0o000);
  try {
    return IS_ROOT && listing(DROP_READ_ANYTHING, probe) === 'EACCES' ? DROP_READ_ANYTHING : [];
  } finally {
    chmodSync(probe, 0o755);
  }
}

const prefix = probePrefix();
/** Why a test that needs a folder or file this user cannot read is skipped, if it is. */
const NOT_UNREADABLE =
  IS_ROOT && prefix.length === 0 ? 'this user can read any file (root, and setpriv cannot drop that), so there is no unreadable file to test' : undefined;

async function reunify(args: string[], cwd: string) {
  const [command, ...rest] = [...prefix, 'node', BIN, ...args];
  const r = await execa(present(command), rest, { cwd, env: plainEnv(), extendEnv: false, reject: false, input: '', timeout: 30_000 });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** Every readable file under `dir` with its bytes and mtime, to show nothing was written. */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out.set(dir, 'unlistable');
  }
  for (const name of names) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) snapshot(p, out);
    else out.set(p, `${st.mtimeMs}:${readFileSync(p, 'utf8')}`);
  }
  return out;
}

let dir: string;
let locked: string;
let archive: string;
/** Whether the commands really cannot list cases/locked (false as root without setpriv). */
let unreadable: boolean;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reunify-unreadable-'));
  cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
  appendFileSync(join(dir, 'reunify.config.yaml'), 'as_of: 2026-11-01\nignore: ["**/README.md", "**/CHANGELOG.md", "archive/**"]\n');
  locked = join(dir, 'cases', 'locked');
  archive = join(dir, 'archive');
  mkdirSync(locked);
  mkdirSync(archive);
  renameSync(join(dir, 'cases', 'RF-0006.md'), join(locked, 'RF-0006.md'));
  chmodSync(locked, 0o000);
  chmodSync(archive, 0o000);
  unreadable = listing(prefix, locked) === 'EACCES';
});

afterAll(() => {
  chmodSync(locked, 0o755);
  chmodSync(archive, 0o755);
});

const LINE = 'folder could not be read (EACCES: permission denied): any case files in it were left out';

describe('a caseload folder that cannot be read', () => {
  it('is unreadable for this run, except as root where setpriv cannot drop the capabilities', () => {
    if (!IS_ROOT || prefix.length > 0) expect(unreadable).toBe(true);
    else expect(unreadable).toBe(false);
  });

  it('check names it like an unreadable file, exits 1, and still checks every other file', async () => {
    const before = snapshot(dir);
    const r = await reunify(['check', '.'], dir);
    const json = JSON.parse((await reunify(['check', '.', '--format', 'json'], dir)).stdout);
    expect(snapshot(dir)).toEqual(before);
    expect(r.stdout).not.toContain('archive');
    if (!unreadable) {
      expect(r.exitCode).toBe(0);
      expect(json.files.map((f: { filePath: string }) => f.filePath)).toContain('cases/locked/RF-0006.md');
      return;
    }
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`cases/locked\n  1:1  error  ${LINE}  file-unreadable\n`);
    // every example case but RF-0006, which is in the locked folder
    const readable = exampleCaseFiles().filter((f) => f !== 'RF-0006.md');
    expect(r.stdout).toMatch(new RegExp(`✖ \\d+ problems? \\(1 error, \\d+ warnings?\\) in ${readable.length} case files$`));
    expect(json.files.map((f: { filePath: string }) => f.filePath)).toEqual([...readable.map((f) => `cases/${f}`), 'cases/locked']);
    expect(json.files.at(-1)).toEqual({
      filePath: 'cases/locked',
      caseId: null,
      errorCount: 1,
      warningCount: 0,
      problems: [{ ruleId: 'file-unreadable', severity: 'error', message: LINE, line: 1, column: 1, path: null }],
    });
    expect(json.summary).toMatchObject({ files: readable.length, errors: 1 });
    // like any built-in check, it can be lowered or turned off
    const off = await reunify(['check', '.', '--rule', 'file-unreadable=off', '--format', 'json'], dir);
    expect(off.exitCode).toBe(0);
    expect(off.stdout).not.toContain('cases/locked');
  }, 60_000); // three commands, each a real process (a hang guard)

  it('status, costs and signoff name it on stderr and count it as left out, and still exit 0 (they are views)', async () => {
    for (const args of [
      ['status', '.', '--format', 'json'],
      ['costs', '.'],
      ['signoff', '.'],
      ['report', '--caseload', '.'],
    ]) {
      const r = await reunify(args, dir);
      expect(r.exitCode, args[0]).toBe(0);
      expect(r.stderr, args[0]).not.toContain('archive');
      if (unreadable) expect(r.stderr, args[0]).toBe(`reunify: cases/locked: left out (file-unreadable: ${LINE})`);
      else expect(r.stderr, args[0]).toBe('');
      if (args[0] === 'status')
        expect(JSON.parse(r.stdout).scope).toMatchObject({ cases: unreadable ? EXAMPLE_CASE_COUNT - 1 : EXAMPLE_CASE_COUNT, skipped: unreadable ? 1 : 0 });
    }
  });

  it('classify of the folder names it and exits 1, as for a file it cannot read', async () => {
    const r = await reunify(['classify', 'cases', '--format', 'json'], dir);
    if (!unreadable) {
      expect(r.exitCode).toBe(0);
      return;
    }
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`cases/locked:1:1: ${LINE} (file-unreadable)`);
    expect(JSON.parse(r.stdout).failed).toEqual([{ file: 'cases/locked', reason: LINE }]);
  });

  it('redact copies nothing rather than a copy without the cases it could not read', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reunify-unreadable-out-')), 'copy');
    const r = await reunify(['redact', '.', '--out', out], dir);
    if (!unreadable) {
      expect(r.exitCode).toBe(0);
      return;
    }
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`cases/locked:1:1: ${LINE} (file-unreadable)`);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(NOT_UNREADABLE)(unless(NOT_UNREADABLE, 'a case id not found says which folders could not be searched'), async () => {
    expect(unreadable, 'the locked folder is unreadable here').toBe(true);
    const r = await reunify(['task', 'RF-0006', '--no-input'], dir);
    const sign = await reunify(['signoff', '.', '--sign', 'RF-0006', '--item', 'written_assessment', '--by', 'TM Z.Z.'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no case with id RF-0006');
    expect(r.stderr).toContain('a folder could not be read, so it was not searched: cases/locked (EACCES: permission denied)');
    expect(sign.exitCode).toBe(1);
    expect(sign.stderr).toBe('reunify: no case "RF-0006" in .; not searched, as it could not be read: cases/locked');
  });
});

describe('a case file that cannot be read', () => {
  it.skipIf(NOT_UNREADABLE)(unless(NOT_UNREADABLE, 'check names the reason in words, as it does for a folder, and exits 1'), async () => {
    expect(unreadable, 'the locked folder is unreadable here').toBe(true);
    const own = mkdtempSync(join(tmpdir(), 'reunify-unreadable-file-'));
    cpSync(join(ROOT, 'examples', 'caseload'), own, { recursive: true });
    appendFileSync(join(own, 'reunify.config.yaml'), 'as_of: 2026-11-01\nignore: ["**/README.md", "**/CHANGELOG.md"]\n');
    const file = join(own, 'cases', 'RF-0006.md');
    chmodSync(file, 0o000);
    try {
      const r = await reunify(['check', 'cases/RF-0006.md'], own);
      const json = JSON.parse((await reunify(['check', 'cases/RF-0006.md', '--format', 'json'], own)).stdout);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('1:1  error  file could not be read (EACCES: permission denied)  file-unreadable\n');
      expect(json.files[0].problems).toEqual([
        { ruleId: 'file-unreadable', severity: 'error', message: 'file could not be read (EACCES: permission denied)', line: 1, column: 1, path: null },
      ]);
    } finally {
      chmodSync(file, 0o644);
    }
  });
});
