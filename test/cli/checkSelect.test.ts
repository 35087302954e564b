// Which files `check` checks does not depend on how it is called, as in ESLint: the
// config's globs are relative to the config's folder, a file named on the command line
// that `ignore` leaves out (or a frozen copy) is skipped with a warning, and each file
// goes by the nearest reunify.config.yaml up from its own folder.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';
import { exampleCaseFiles } from '../exampleCases.js';

/** A copy of the example caseload in `dir`, its config with `extra` added. */
function caseload(dir: string, extra: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
  appendFileSync(join(dir, 'reunify.config.yaml'), extra);
  return dir;
}

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `reunify-select-${name}-`));
const filesOf = (stdout: string): string[] => (JSON.parse(stdout) as { files: { filePath: string }[] }).files.map((f) => f.filePath);
/** The example case files found in the folder, with `prefix`, leaving out the case numbers in `except`. */
const caseFiles = (prefix: string, except: number[] = []) =>
  exampleCaseFiles()
    .filter((f) => !except.some((n) => f === `RF-${String(n).padStart(4, '0')}.md`))
    .map((f) => `${prefix}cases/${f}`);

describe('ignore globs are relative to the config file', () => {
  const dir = caseload(fresh('rel'), 'as_of: 2026-11-01\nignore: ["**/README.md", "**/CHANGELOG.md", "cases/RF-0013.md"]\n');

  it('check . and check cases from the caseload folder check the same files', async () => {
    const whole = await reunify(['check', '.', '--format', 'json'], { cwd: dir });
    const sub = await reunify(['check', 'cases', '--format', 'json'], { cwd: dir });
    expect(filesOf(whole.stdout)).toEqual(caseFiles('', [13]));
    expect(filesOf(sub.stdout)).toEqual(caseFiles('', [13]));
  });

  it('so does check from inside the cases folder, and from above the caseload', async () => {
    const inside = await reunify(['check', '.', '--format', 'json'], { cwd: join(dir, 'cases') });
    expect(filesOf(inside.stdout)).toEqual(caseFiles('', [13]).map((f) => f.slice('cases/'.length)));
    const above = await reunify(['check', join(dir, 'cases'), '--format', 'json'], { cwd: tmpdir() });
    expect(filesOf(above.stdout)).toEqual(caseFiles(`${basename(dir)}/`, [13]));
  });

  it('status, classify and a case id follow the same globs', async () => {
    const status = await reunify(['status', 'cases', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(status.stdout).scope.cases).toBe(caseFiles('', [13]).length);
    const classify = await reunify(['classify', 'cases', '--format', 'json'], { cwd: dir });
    expect(JSON.stringify(JSON.parse(classify.stdout))).not.toContain('RF-0013');
    const task = await reunify(['task', 'RF-0013', '--no-input'], { cwd: join(dir, 'cases') });
    expect(task.exitCode).toBe(2);
    expect(task.stderr).toContain('no case with id RF-0013');
  });
});

describe('a file named on the command line', () => {
  const dir = caseload(fresh('named'), 'as_of: 2026-11-01\nignore: ["**/README.md", "**/CHANGELOG.md", "cases/RF-0013.md"]\n');
  const config = join(dir, 'reunify.config.yaml');

  it('that ignore matches is skipped with a warning naming the config', async () => {
    const r = await reunify(['check', 'cases/RF-0001.md', 'cases/RF-0013.md', '--format', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(filesOf(r.stdout)).toEqual(['cases/RF-0001.md']);
    expect(r.stderr).toBe(`reunify: warning: cases/RF-0013.md is ignored by ${config} (use --no-warn-ignored to hide this)`);
  });

  it('--no-warn-ignored hides the warning', async () => {
    const r = await reunify(['check', 'cases/RF-0001.md', 'cases/RF-0013.md', '--format', 'json', '--no-warn-ignored'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(filesOf(r.stdout)).toEqual(['cases/RF-0001.md']);
    expect(r.stderr).toBe('');
  });

  it('when every file named is skipped: exit 2 as for no case files, unless --allow-empty', async () => {
    const r = await reunify(['check', 'cases/RF-0013.md', 'README.md'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `reunify: warning: cases/RF-0013.md is ignored by ${config} (use --no-warn-ignored to hide this)`,
      `reunify: warning: README.md is ignored by ${config} (use --no-warn-ignored to hide this)`,
      `reunify: no case files found in "cases/RF-0013.md", "README.md" (cases: "**/*.md" in ${config}); pass --allow-empty if an empty caseload is expected`,
    ]);
    const allowed = await reunify(['check', 'cases/RF-0013.md', '--allow-empty', '--no-warn-ignored'], { cwd: dir });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stderr).toBe('');
  });

  it('that is a frozen copy of a signed-off record is skipped with a note, not checked as a case', async () => {
    const frozen = 'records/RF-0001/assessment-2025-10-22.md';
    const r = await reunify(['check', frozen, 'cases/RF-0001.md', '--format', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(filesOf(r.stdout)).toEqual(['cases/RF-0001.md']);
    expect(r.stderr).toBe(
      `reunify: note: ${frozen} is a frozen copy of a signed-off record, not a case file: rule case/frozen-copy checks it when its case is checked (use --no-warn-ignored to hide this)`,
    );
    const quiet = await reunify(['check', frozen, 'cases/RF-0001.md', '--no-warn-ignored'], { cwd: dir });
    expect(quiet.stderr).toBe('');
  });
});

describe('each file goes by the nearest config up from its own folder', () => {
  it('a folder with no config of its own: the files of a subfolder caseload go by its config (a hook run at the repository root)', async () => {
    const repo = fresh('repo');
    caseload(join(repo, 'team'), 'as_of: 2026-11-01\ncases: "cases/*.md"\nignore: ["**/README.md", "cases/RF-0013.md"]\n');
    writeFileSync(join(repo, 'team', 'notes.md'), '# Team notes, not a case\n');
    const r = await reunify(['check', '--quiet', '--allow-empty', '--format', 'json', '.'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(filesOf(r.stdout)).toEqual(caseFiles('team/', [13]));
    const named = await reunify(['check', '--format', 'json', 'team/cases/RF-0001.md', 'team/cases/RF-0013.md', '--no-warn-ignored'], { cwd: repo });
    expect(filesOf(named.stdout)).toEqual(['team/cases/RF-0001.md']);
  });

  it('two caseloads in one run: each with its own settings and its own caseload rules (the same ids in both are no clash)', async () => {
    const repo = fresh('two');
    caseload(join(repo, 'a'), 'as_of: 2026-11-01\nrules: { stage2/suggestion-recomputes: off }\n');
    caseload(join(repo, 'b'), 'as_of: 2026-11-01\nignore: ["**/README.md", "cases/RF-0001.md"]\n');
    const r = await reunify(['check', '--format', 'json', 'a', 'b'], { cwd: repo });
    expect(r.exitCode).toBe(0);
    expect(filesOf(r.stdout)).toEqual([...caseFiles('a/'), ...caseFiles('b/', [1])]);
    const rules = (file: string) =>
      (JSON.parse(r.stdout) as { files: { filePath: string; problems: { ruleId: string }[] }[] }).files
        .find((f) => f.filePath === file)!
        .problems.map((p) => p.ruleId);
    expect(rules('a/cases/RF-0012.md')).not.toContain('stage2/suggestion-recomputes');
    expect(rules('b/cases/RF-0012.md')).toContain('stage2/suggestion-recomputes');
    expect(r.stdout).not.toContain('caseload/duplicate-id');
  });

  it('configs with different as_of dates in one run: exit 2 asking for --as-of; with it, both are checked', async () => {
    const repo = fresh('dates');
    caseload(join(repo, 'a'), 'as_of: 2026-11-01\n');
    caseload(join(repo, 'b'), 'as_of: 2026-10-01\n');
    const r = await reunify(['check', 'a/cases/RF-0001.md', 'b/cases/RF-0002.md'], { cwd: repo });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `reunify: the files given go by configs with different as-of dates: ${join(repo, 'a', 'reunify.config.yaml')} (2026-11-01), ${join(repo, 'b', 'reunify.config.yaml')} (2026-10-01); check them in separate runs, or give --as-of`,
    );
    const given = await reunify(['check', 'a/cases/RF-0001.md', 'b/cases/RF-0002.md', '--as-of', '2026-11-01', '--format', 'json'], { cwd: repo });
    expect(given.exitCode).toBe(0);
    expect(filesOf(given.stdout)).toEqual(['a/cases/RF-0001.md', 'b/cases/RF-0002.md']);
  });

  it("a path with no config above it goes by the working folder's config, in one caseload with the files under it", async () => {
    const here = caseload(fresh('here'), 'as_of: 2026-11-01\nignore: ["**/README.md", "**/RF-0002.md"]\n');
    const elsewhere = fresh('elsewhere');
    cpSync(join(ROOT, 'examples', 'caseload', 'cases', 'RF-0001.md'), join(elsewhere, 'RF-0001.md'));
    cpSync(join(ROOT, 'examples', 'caseload', 'cases', 'RF-0002.md'), join(elsewhere, 'RF-0002.md'));
    const r = await reunify(['check', 'cases/RF-0001.md', elsewhere, '--format', 'json'], { cwd: here });
    expect(filesOf(r.stdout)).toEqual([join(elsewhere, 'RF-0001.md'), 'cases/RF-0001.md']); // in path order: /tmp/…-elsewhere-… first
    // one caseload: the same id twice is a clash
    expect(r.stdout).toContain('caseload/duplicate-id');
  });

  it('--config names one config for every file, its globs relative to its folder', async () => {
    const repo = fresh('given');
    caseload(join(repo, 'a'), 'as_of: 2026-11-01\n');
    writeFileSync(join(repo, 'shared.yaml'), 'as_of: 2026-11-01\nignore: ["**/README.md", "a/cases/RF-0002.md"]\n');
    const r = await reunify(['check', 'a', '--config', 'shared.yaml', '--format', 'json'], { cwd: repo });
    expect(filesOf(r.stdout)).toEqual(caseFiles('a/', [2]));
  });
});
