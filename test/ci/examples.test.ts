// The CI and version-control examples in examples/ci/ (and .pre-commit-hooks.yaml) do
// what they say: the reunify commands they run are taken from the files themselves and
// run with the built binary against copies of examples/caseload and examples/broken.
// Only `--as-of 2026-11-01` is added (the examples use today's date), so results stay fixed.
import { execa } from 'execa';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../cli/run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT, exampleCaseFiles } from '../exampleCases.js';

const AS_OF = '2026-11-01';

/** A folder with a `reunify` command on it that runs the built binary. */
function shimPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-bin-'));
  const shim = join(dir, 'reunify');
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(shim, 0o755);
  return `${dir}:${process.env.PATH}`;
}
const PATH = shimPath();

function copyOf(example: 'caseload' | 'broken'): string {
  const dir = mkdtempSync(join(tmpdir(), `reunify-ci-${example}-`));
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  return dir;
}

const pinned = (command: string) => command.replace(/\breunify check\b/g, `reunify check --as-of ${AS_OF}`);

async function sh(command: string, cwd: string, env: Record<string, string> = {}) {
  const r = await execa('sh', ['-c', command], { cwd, reject: false, env: { PATH, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { exitCode: r.exitCode ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

const callsReunify = (line: string) => /^reunify\s/.test(line.trim());
const readYaml = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'));

describe('examples/ci/github/reunify.yml', () => {
  interface Step {
    id?: string;
    name?: string;
    run?: string;
    uses?: string;
    if?: string;
    with?: Record<string, string>;
    'continue-on-error'?: boolean;
  }
  const workflow = readYaml('examples/ci/github/reunify.yml');
  const steps: Step[] = workflow.jobs.check.steps;
  const check = steps.find((s) => s.id === 'check')!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  const failStep = steps.find((s) => s.if === `steps.check.outcome == 'failure'`)!;

  it('writes SARIF, uploads that file even after errors, and may write security events', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    expect(check.run).toMatch(/^reunify check --format sarif > (\S+)$/);
    expect(check['continue-on-error']).toBe(true);
    expect(upload.with!.sarif_file).toBe(check.run!.split('> ')[1]);
    expect(upload.if).toBe('always()');
    expect(steps.filter((s) => s.run && callsReunify(s.run))).toEqual([check, failStep]);
  });

  it.each([
    ['caseload', 0, 0],
    ['broken', 1, 1],
  ] as const)('on examples/%s the check step exits %i, the SARIF is written, and the last step fails only on errors', async (example, exit, failExit) => {
    const dir = copyOf(example);
    const r = await sh(pinned(check.run!), dir);
    expect(r.exitCode).toBe(exit);
    const sarif = JSON.parse(readFileSync(join(dir, present(upload.with!.sarif_file)), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.some((x) => x.level === 'error')).toBe(exit === 1);
    // Paths relative to the repository root, as code scanning needs them.
    for (const x of results) expect(existsSync(join(dir, decodeURIComponent(present(x.locations[0]).physicalLocation.artifactLocation.uri)))).toBe(true);
    if (exit === 1) {
      const fail = await sh(pinned(failStep.run!), dir);
      expect(fail.exitCode).toBe(failExit);
      expect(fail.output).toMatch(/error/);
    }
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const job = readYaml('examples/ci/gitlab-ci.yml').reunify;
  const lines = (job.script as string[]).filter(callsReunify);

  it('keeps the JUnit report the script writes, even when the job fails', () => {
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/> (\S+)$/);
    expect(job.artifacts.reports.junit).toBe(present(lines[0]).split('> ')[1]);
    expect(job.artifacts.when).toBe('always');
  });

  it.each([
    ['caseload', 0],
    ['broken', 1],
  ] as const)('on examples/%s the script exits %i and writes the JUnit XML', async (example, exit) => {
    const dir = copyOf(example);
    const r = await sh(lines.map(pinned).join('\n'), dir);
    expect(r.exitCode).toBe(exit);
    const xml = readFileSync(join(dir, job.artifacts.reports.junit), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites/);
    expect(xml.includes('<failure')).toBe(exit === 1);
  });
});

describe('.pre-commit-hooks.yaml and examples/ci/pre-commit-config.yaml', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as { id: string; entry: string; files: string; exclude: string; require_serial: boolean }[];
  const hook = present(hooks[0], 'the hook');

  function caseFiles(dir: string): string[] {
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n))]));
    return walk(dir)
      .filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f))
      .sort();
  }

  it('the example config uses the hook that reunify defines, run in one process', () => {
    const config = readYaml('examples/ci/pre-commit-config.yaml');
    expect(config.repos[0].hooks[0].id).toBe(hook.id);
    expect(hook.require_serial).toBe(true);
    expect(callsReunify(hook.entry)).toBe(true);
  });

  it.each([
    ['caseload', 0, EXAMPLE_CASE_COUNT],
    ['broken', 1, 21],
  ] as const)('the entry, given the files pre-commit would pass from examples/%s, exits %i', async (example, exit, count) => {
    const dir = copyOf(example);
    const files = caseFiles(dir);
    expect(files).toHaveLength(count);
    if (example === 'caseload') expect(files).toEqual(exampleCaseFiles().map((f) => `cases/${f}`));
    const r = await sh(`${pinned(hook.entry)} ${files.map((f) => `'${f}'`).join(' ')}`, dir);
    expect(r.exitCode).toBe(exit);
    if (exit === 0) expect(r.output.trim()).toBe('');
  });

  it("the entry skips, without a word, staged files the caseload's ignore leaves out, even when they are all it is given", async () => {
    const dir = copyOf('caseload');
    appendFileSync(join(dir, 'reunify.config.yaml'), 'ignore: ["**/README.md", "**/CHANGELOG.md", "cases/archive/**"]\n');
    mkdirSync(join(dir, 'cases', 'archive'));
    writeFileSync(join(dir, 'cases', 'archive', 'old-notes.md'), '# Notes kept from an old system, not a case\n');
    const r = await sh(`${pinned(hook.entry)} 'cases/archive/old-notes.md'`, dir);
    expect(r.exitCode).toBe(0);
    expect(r.output.trim()).toBe('');
  });
});

describe('examples/ci/pre-commit (a plain git hook)', () => {
  const hook = join(ROOT, 'examples/ci/pre-commit');
  const env = { REUNIFY_CHECK_ARGS: `--as-of ${AS_OF}` };

  async function repoWithCaseload() {
    const dir = copyOf('caseload');
    const git = (...args: string[]) => execa('git', args, { cwd: dir });
    await git('init', '-q');
    await git('add', '-A');
    return { dir, git };
  }

  it('checks the staged version of the staged case files and stops the commit on errors', async () => {
    const { dir, git } = await repoWithCaseload();
    expect((await sh(hook, dir, env)).exitCode).toBe(0);

    cpSync(join(ROOT, 'examples/broken/wrong-enum.md'), join(dir, 'cases/wrong-enum.md'));
    await git('add', 'cases/wrong-enum.md');
    const stopped = await sh(hook, dir, env);
    expect(stopped.exitCode).toBe(1);
    expect(stopped.output).toMatch(/cases\/wrong-enum\.md\n\s+10:17\s+error/);
    expect(stopped.output).toMatch(/the commit was stopped/);

    // Fixed in the working folder but not staged: the commit would still hold the error.
    writeFileSync(join(dir, 'cases/wrong-enum.md'), readFileSync(join(dir, 'cases/wrong-enum.md'), 'utf8').replace('s99', 's20'));
    expect((await sh(hook, dir, env)).exitCode).toBe(1);
    await git('add', 'cases/wrong-enum.md');
    const fixed = await sh(hook, dir, env);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.output.trim()).toBe('');
  }, 60_000); // four runs of the hook, each starting git and reunify (a hang guard)

  it('does nothing when no case file is staged', async () => {
    const { dir, git } = await repoWithCaseload();
    await git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'caseload');
    writeFileSync(join(dir, 'notes.txt'), 'not a case\n');
    await git('add', 'notes.txt');
    const r = await sh(hook, dir, env);
    expect(r.exitCode).toBe(0);
    expect(r.output.trim()).toBe('');
  });
});
