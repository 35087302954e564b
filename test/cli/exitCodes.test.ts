// Exit codes as ESLint gives them: 1 means problems were found and nothing else. Nothing to
// check and a crash are both exit 2, so a CI job cannot pass on an empty folder or read a
// crash as findings.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app/env.js';
import { ROOT, plainEnv, reunify } from './run.js';

describe('no case file matched', () => {
  it('status on a folder with no case files exits 2 naming the config pattern; --allow-empty shows the empty view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-empty-status-'));
    writeFileSync(join(dir, 'reunify.config.yaml'), 'cases: "cases/**/*.md"\n');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'RF-0001.md'), '---\nid: RF-0001\n---\n');
    const r = await reunify(['status', dir, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `reunify: no case files found in "${dir}" (cases: "cases/**/*.md" in ${join(dir, 'reunify.config.yaml')}); pass --allow-empty if an empty caseload is expected`,
    );
    const allowed = await reunify(['status', dir, '--as-of', '2026-11-01', '--allow-empty', '--format', 'json']);
    expect(allowed.exitCode).toBe(0);
    expect(JSON.parse(allowed.stdout).scope.cases).toBe(0);
  });

  it('check of a mistyped folder inside a caseload exits 2, not 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-empty-sub-'));
    mkdirSync(join(dir, 'casse'));
    const r = await reunify(['check', 'casse'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no case files found in "casse"');
  });

  it('--allow-empty is in check --help and status --help', async () => {
    expect((await reunify(['check', '--help'])).stdout).toContain('--allow-empty');
    expect((await reunify(['status', '--help'])).stdout).toContain('--allow-empty');
  });
});

describe('an internal error', () => {
  type Run = (args: readonly string[], env: AppEnv) => Promise<number>;

  /** Runs with a stdout that throws the way a bug would, and captures stderr. */
  async function runWithBrokenStdout(args: string[], thrown: Error) {
    const { run } = (await import(resolve(ROOT, 'dist/cli/index.js'))) as { run: Run };
    let stderr = '';
    const exitCode = await run(args, {
      cwd: ROOT,
      today: () => '2026-11-01',
      now: () => new Date(),
      stdout: {
        write: () => {
          throw thrown;
        },
        isTTY: false,
      },
      stderr: { write: (s) => void (stderr += s), isTTY: false },
      stdinIsTTY: false,
      vars: plainEnv({ CI: '' }),
    });
    return { exitCode, stderr };
  }

  it('exits 2 (never 1, which means problems found) and says it is an internal error and where to report it', async () => {
    const r = await runWithBrokenStdout(
      ['check', 'examples/caseload', '--as-of', '2026-11-01', '--format', 'json'],
      new TypeError('Cannot read properties of undefined'),
    );
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^reunify: internal error: Cannot read properties of undefined\n/);
    expect(r.stderr).toContain('please report it as "Reporting a problem" in its README.md says');
    expect(r.stderr).toContain('never a real case file');
  });

  it('a refusal from the system (an errno error) exits 2 with its code, without calling it a bug', async () => {
    const err = Object.assign(new Error('EACCES: permission denied, write'), { errno: -13, code: 'EACCES' });
    const r = await runWithBrokenStdout(['check', 'examples/caseload', '--as-of', '2026-11-01', '--format', 'json'], err);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('reunify: EACCES: permission denied, write (EACCES)\n');
  });
});
