// `check --format github` (workflow-command annotations) and `--format gitlab` (Code
// Quality JSON): what the CI runner reads, with paths from the repository root.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/format/github.js';
import { reunify } from './run.js';
import { present } from '../present.js';

const AS_OF = ['--as-of', '2026-11-01'];

/** A git repository with one broken case in cases/ under a name full of characters GitHub escapes. */
function repository(name = 'RF-0001 50%, a:b.md'): { root: string; file: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'reunify-ci-format-')));
  execFileSync('git', ['init', '-q', root]);
  mkdirSync(join(root, 'team', 'cases'), { recursive: true });
  const file = join(root, 'team', 'cases', name);
  copyFileSync('examples/broken/duplicate-key.md', file);
  return { root, file };
}

describe('--format github', () => {
  it('one ::error line per problem, path from the repository root when run in a subfolder, properties escaped', async () => {
    const { root } = repository();
    const r = await reunify(['check', 'cases', '--format', 'github', ...AS_OF], { cwd: join(root, 'team') });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      '::error file=team/cases/RF-0001 50%25%2C a%3Ab.md,line=6,col=1,title=reunify yaml-duplicate-key::duplicate key in the front matter: Map keys must be unique',
      'reunify: 1 error, 0 warnings in 1 case file',
    ]);
  });

  it('warnings are ::warning lines and a clean run prints only the summary (exit 0)', async () => {
    const warned = await reunify(['check', 'examples/caseload/cases/RF-0011.md', '--format', 'github', ...AS_OF]);
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toContain('::warning file=examples/caseload/cases/RF-0011.md,line=2,col=1,title=reunify stage3/backup-plan::');
    const clean = await reunify(['check', 'examples/caseload/cases/RF-0002.md', '--format', 'github', ...AS_OF]);
    expect(clean.stdout).toBe('reunify: 0 errors, 0 warnings in 1 case file');
  });

  it('escapes as GitHub does: % CR LF in data, and : , in properties too', () => {
    expect(escapeData('50% done\r\n::error::x')).toBe('50%25 done%0D%0A::error::x');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('a control character in a file name is shown as an escape, never passed to the runner', async () => {
    const { root } = repository('RF-0001\u001b[31m.md');
    const r = await reunify(['check', '.', '--format', 'github', ...AS_OF], { cwd: root });
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('file=team/cases/RF-0001\\x1b[31m.md,');
  });
});

describe('--format gitlab', () => {
  interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number } };
  }

  it('a Code Quality array with the required fields, paths from the repository root', async () => {
    const { root } = repository('RF-0001.md');
    const r = await reunify(['check', 'cases', '--format', 'gitlab', ...AS_OF], { cwd: join(root, 'team') });
    expect(r.exitCode).toBe(1);
    const issues = JSON.parse(r.stdout) as Issue[];
    expect(issues).toEqual([
      {
        description: 'duplicate key in the front matter: Map keys must be unique',
        check_name: 'yaml-duplicate-key',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'major',
        location: { path: 'team/cases/RF-0001.md', lines: { begin: 6 } },
      },
    ]);
  });

  it('fingerprints are unique, the same on every run, and survive lines moving above the problem', async () => {
    const { root, file } = repository('RF-0001.md');
    const run = async () => JSON.parse((await reunify(['check', '.', '--format', 'gitlab', ...AS_OF], { cwd: root })).stdout) as Issue[];
    const first = await run();
    expect((await run()).map((i) => i.fingerprint)).toEqual(first.map((i) => i.fingerprint));
    writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', '---\n# a comment line added above\n'));
    const moved = await run();
    const [before, after] = [present(first[0], 'an issue before the move'), present(moved[0], 'an issue after the move')];
    expect(after.location.lines.begin).toBe(before.location.lines.begin + 1);
    expect(after.fingerprint).toBe(before.fingerprint);

    const broken = JSON.parse((await reunify(['check', 'examples/broken', '--format', 'gitlab', ...AS_OF])).stdout) as Issue[];
    expect(broken.length).toBe(26);
    expect(new Set(broken.map((i) => i.fingerprint)).size).toBe(broken.length);
    expect(new Set(broken.map((i) => i.severity))).toEqual(new Set(['major']));
  });

  it('is listed in check --help', async () => {
    const help = (await reunify(['check', '--help'])).stdout;
    expect(help).toMatch(/"github"/);
    expect(help).toMatch(/"gitlab"/);
  });
});
