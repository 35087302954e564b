// What `npm pack` ships, and that the tarball installs and runs on its own: packed
// without lifecycle scripts from the dist/ that `npm test` has just built, installed
// globally into a scratch prefix with `npm install --global --prefer-offline` (package
// files from the local npm cache, which `npm ci` filled; the registry's package listings,
// which `npm ci` does not keep, may be fetched), then every command is run from the
// installed `reunify`, in a folder outside the repository.
import { execa } from 'execa';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leafCommands } from '../../src/cli/commandDocs.js';
import { buildProgram } from '../../src/cli/index.js';
import type { AppEnv } from '../../src/app/env.js';
import { ROOT } from '../cli/run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };
const npm = (args: string[], cwd = ROOT) =>
  execa('npm', args, {
    cwd,
    reject: false,
    timeout: 120_000,
    env: { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

let packed: PackResult;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
  const r = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out]);
  expect(r.exitCode, r.stderr).toBe(0);
  packed = present((JSON.parse(r.stdout) as PackResult[])[0], 'the packed tarball');
}, 120_000);

describe('the package holds only what it needs', () => {
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^SECURITY\.md$/,
    /^LICENSE$/,
    /^bin\/reunify\.js$/,
    /^dist\/.+\.js$/,
    /^dist\/core\/model\/[a-z-]+\.cjs$/,
    /^schemas\//,
    /^templates\//,
    /^config\/default\.yaml$/,
    /^docs\/.+\.md$/,
    /^docs\/images\/report-[a-z]+\.png$/,
    /^examples\/caseload\//,
    /^examples\/ci\//,
    /^\.pre-commit-hooks\.yaml$/,
  ];

  it('every file is one the program uses', () => {
    expect(packed.files.map((f) => f.path).filter((p) => !allowed.some((a) => a.test(p)))).toEqual([]);
  });

  it('no tests, sources, fixtures, benchmarks or other examples', () => {
    const paths = packed.files.map((f) => f.path);
    for (const prefix of ['test/', 'src/', 'bench/', 'scripts/', 'examples/broken/', 'node_modules/', '.reunify-cache/']) {
      expect(
        paths.filter((p) => p.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    expect(paths.filter((p) => /\.(ts|tgz|map)$/.test(p))).toEqual([]);
  });

  it('has the launcher, the compiled program, the schemas, templates, default settings, the docs and the example caseload', () => {
    const paths = new Set(packed.files.map((f) => f.path));
    for (const p of [
      'bin/reunify.js',
      'dist/cli/index.js',
      'dist/version.js',
      'config/default.yaml',
      'schemas/case.schema.json',
      'schemas/config.schema.json',
      'README.md',
      'docs/framework.md',
      'docs/case-file.md',
    ])
      expect(paths.has(p), p).toBe(true);
    for (const f of readdirSync(join(ROOT, 'examples/caseload/cases'))) expect(paths.has(`examples/caseload/cases/${f}`), f).toBe(true);
    for (const f of readdirSync(join(ROOT, 'templates'))) if (f.endsWith('.hbs')) expect(paths.has(`templates/${f}`), f).toBe(true);
    for (const entry of pkg.files) if (existsSync(join(ROOT, entry)) && !entry.endsWith('/')) expect(paths.has(entry), entry).toBe(true);
  });

  it('every relative link in the shipped markdown points to a file the package ships', () => {
    const paths = new Set(packed.files.map((f) => f.path));
    const dangling: string[] = [];
    for (const md of [...paths].filter((p) => p.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, md), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(present(m[1]))) continue; // https:, mailto:
        const target = posix.normalize(posix.join(posix.dirname(md), present(m[1])));
        const shipped = paths.has(target) || [...paths].some((p) => p.startsWith(target.replace(/\/?$/, '/')));
        if (!shipped) dangling.push(`${md}: ${m[1]}`);
      }
    }
    expect(dangling).toEqual([]);
  });
});

describe('installed from the tarball, every command works', () => {
  let bin: string;
  let work: string;

  beforeAll(async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'reunify-prefix-'));
    const r = await npm(['install', '--global', '--prefer-offline', '--prefix', prefix, join(out, packed.filename)], out);
    expect(r.exitCode, r.stderr).toBe(0);
    bin = join(prefix, process.platform === 'win32' ? 'reunify.cmd' : 'bin/reunify');
    work = mkdtempSync(join(tmpdir(), 'reunify-installed-'));
    cpSync(join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules/reunify/examples/caseload'), join(work, 'caseload'), { recursive: true });
  }, 180_000);

  const run = async (args: string[]) => {
    const r = await execa(bin, args, { cwd: work, reject: false, input: '', timeout: 60_000, env: { NO_COLOR: '1' } });
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  };

  it('--version, and --help of every command', async () => {
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect((await run(['check', '--help'])).stdout).toMatch(/Examples:/);
    // the rest in this process, from the installed package's own files and dependencies
    const installed = (await import(join(bin, '../../lib/node_modules/reunify/dist/cli/index.js'))) as {
      run: (args: readonly string[], env: AppEnv) => Promise<number>;
    };
    for (const { name } of leafCommands(buildProgram())) {
      let stdout = '';
      const exitCode = await installed.run([...name.split(' '), '--help'], {
        cwd: work,
        today: () => '2026-11-01',
        now: () => new Date(),
        stdout: { write: (s) => void (stdout += s), isTTY: false },
        stderr: { write: (s) => void (stdout += s), isTTY: false },
        stdinIsTTY: false,
        vars: { NO_COLOR: '1' },
      });
      expect(exitCode, name).toBe(0);
      expect(stdout, name).toMatch(/Examples:/);
    }
  }, 180_000);

  it.for([
    [['check', 'caseload', '--as-of', '2026-11-01'], 0, new RegExp(`23 problems \\(0 errors, 23 warnings\\) in ${EXAMPLE_CASE_COUNT} case files`)],
    [['status', 'caseload', '--as-of', '2026-11-01', '--format', 'json'], 0, /"stage_counts"/],
    [['signoff', 'caseload', '--as-of', '2026-11-01'], 0, /Sign-off queue/],
    [['costs', 'caseload', '--as-of', '2026-11-01'], 0, /Break-even/],
    [['classify', 'caseload', '--as-of', '2026-11-01'], 0, /RF-0001/],
    [['report', 'caseload/cases/RF-0001.md', '--type', 'review', '--as-of', '2026-11-01'], 0, /# Post-return review: Child A/],
    [['report', '--caseload', 'caseload', '--to', 'html', '--as-of', '2026-11-01'], 0, /<!DOCTYPE html>/i],
    [['schema', 'caseload', '--out', 'schemas'], 0, /wrote 7 schemas/],
    [['completion', 'bash'], 0, /complete -F _reunify reunify/],
    [['init', 'new-caseload'], 0, /created/],
    [
      [
        'new',
        'RF-0100',
        '--dir',
        'new-caseload/cases',
        '--ref',
        'Child Z',
        '--dob',
        '2016-03-02',
        '--looked-after-since',
        '2026-09-07',
        '--legal-status',
        's20',
        '--placement',
        'foster',
        '--trigger',
        'cla_review',
        '--social-worker',
        'SW K.L.',
        '--date',
        '2026-11-02',
      ],
      0,
      /created/,
    ],
    [['task', 'new-caseload/cases/RF-0100.md', '--date', '2026-11-02'], 0, /todo +case_history/],
    [['advance', 'new-caseload/cases/RF-0100.md', '--date', '2026-11-02'], 1, /cannot move to stage 2 yet/],
    [['scaffold', 'exercise', '--seed', '7', '--out', 'pack-7'], 0, /created pack-7/],
    [['check', 'pack-7/cases'], 0, /4 case files checked, no problems/],
    [['redact', 'caseload', '--out', 'teaching-copy', '--seed', '42', '--as-of', '2026-11-01'], 0, new RegExp(`copied ${EXAMPLE_CASE_COUNT} case files`)],
    [['supervise', 'caseload/cases/RF-0006.md', '--as-of', '2026-11-01'], 0, /# Reflective supervision: Child F1/],
  ] as const)(
    'reunify %j exits %i',
    { timeout: 120_000 } /* a hang guard: each starts the installed binary; redact of the caseload takes seconds of CPU */,
    async ([args, exit, shows]) => {
      const r = await run([...args]);
      expect(r.exitCode, r.stderr).toBe(exit);
      expect(`${r.stdout}\n${r.stderr}`).toMatch(shows);
    },
  );
});
