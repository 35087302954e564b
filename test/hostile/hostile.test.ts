// The hostile-input corpus (test/hostile/cases + expectations.yaml), checked twice:
// in-process through checkCaseload and through the built binary in every format. For
// every file: the written expectation holds, problems land on the right file, the
// other files are still checked; and for the run: no stack trace, no hang, no code
// run from a case (marker files), no input byte changed, no case text in outputs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/core/model/problem.js';
import { checkCaseload } from '../../src/app/checkCaseload.js';
import { BIN, plainEnv } from '../cli/run.js';
import { present } from '../present.js';

interface Expectation {
  expect: 'accepted' | 'error' | 'skipped' | 'ignored';
  problems?: string[];
  first?: string[];
  count?: number;
  made?: string;
  nonRoot?: Omit<Expectation, 'why' | 'made'>;
  why: string;
}

const HERE = import.meta.dirname;
const CASES = join(HERE, 'cases');
const MANIFEST: Record<string, Expectation> = parse(readFileSync(join(HERE, 'expectations.yaml'), 'utf8'));
const AS_OF = '2026-11-01';
const FIXED_MARKER = '/tmp/reunify-hostile-marker';
const IS_ROOT = process.getuid?.() === 0;
const HANG_GUARD = 120_000;
const MiB = 1024 * 1024;
// a stack trace line, as Node prints them
const STACK_TRACE = /^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/m;
// anything a terminal would act on, raw
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;

const entries = Object.entries(MANIFEST);
const effective = (e: Expectation): Expectation => (!IS_ROOT && e.nonRoot ? { ...e, ...e.nonRoot } : e);
const checked = entries.filter(([, e]) => ['accepted', 'error'].includes(effective(e).expect));

let base: string;
let root: string;
let outside: string;
let markerDir: string;
let before: Map<string, string>;

/** The valid stage-1 case every made file starts from, with `id` and extra front-matter lines. */
function validCase(id: string, extra = '', body = '## Case history\n\nFictional hostile-input fixture.\n'): string {
  const text = readFileSync(join(CASES, 'fences/yaml-fence.md'), 'utf8').replace(/^---yaml\n/, '---\n');
  return text
    .replace('id: yaml-fence\n', `id: ${JSON.stringify(id)}\n`)
    .replace('stage: 1\n', `stage: 1\n${extra}`)
    .replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);
}

const stemOf = (rel: string) => rel.split('/').pop()!.replace(/\.md$/, '');

/** How each `made:` entry is made inside the corpus copy. */
const MAKERS: Record<string, (rel: string, abs: string) => void> = {
  'big-file': (_rel, abs) => writeFileSync(abs, validCase('big-9mib', '', 'x'.repeat(9 * MiB))),
  'big-front-matter': (_rel, abs) => writeFileSync(abs, validCase('big-front-matter', `x-note: "${'z'.repeat(1.2 * MiB)}"\n`)),
  'big-body': (_rel, abs) => writeFileSync(abs, validCase('big-body', '', '## Case history\n\n' + 'Body text. '.repeat((7 * MiB) / 11) + '\n')),
  'megabyte-line': (_rel, abs) =>
    writeFileSync(abs, validCase('megabyte-line', `x-note: "${'n'.repeat(900_000)}"\n`, '## Case history\n\n' + 'w'.repeat(MiB) + '\n')),
  'deep-flow': (_rel, abs) => writeFileSync(abs, validCase('deep-flow-100k', `nest: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)),
  'deep-flow-map': (_rel, abs) => writeFileSync(abs, validCase('deep-flow-map-100k', `nest: ${'{a: '.repeat(100_000)}1\n`)),
  'many-keys': (_rel, abs) => writeFileSync(abs, validCase('many-keys', Array.from({ length: 20_000 }, (_, i) => `x-k${i}: ${i}\n`).join(''))),
  'many-duplicate-keys': (_rel, abs) => writeFileSync(abs, validCase('many-duplicate-keys', 'x-dup: 1\n'.repeat(20_000))),
  'symlink-loop': (_rel, abs) => symlinkSync(root, abs),
  'symlink-out-folder': (_rel, abs) => symlinkSync(outside, abs),
  'symlink-out-file': (_rel, abs) => symlinkSync(join(outside, 'outside-case.md'), abs),
  'symlink-dangling': (_rel, abs) => symlinkSync(join(outside, 'no-such-file.md'), abs),
  fifo: (_rel, abs) => execFileSync('mkfifo', [abs]),
  'folder-named-md': (_rel, abs) => mkdirSync(abs, { recursive: true }),
  'case-in-folder-named-md': (rel, abs) => writeFileSync(abs, validCase(stemOf(rel))),
  unreadable: (rel, abs) => {
    writeFileSync(abs, validCase(stemOf(rel)));
    chmodSync(abs, 0o000);
  },
  'node-modules': (rel, abs) => writeFileSync(abs, validCase(stemOf(rel))),
  'dot-folder': (rel, abs) => writeFileSync(abs, validCase(stemOf(rel))),
  'dot-git': (rel, abs) => writeFileSync(abs, validCase(stemOf(rel))),
  'odd-name': (rel, abs) => writeFileSync(abs, validCase(stemOf(rel))),
};

/** sha256 of every regular file and the target of every link under `dir` (links are not followed). */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) out.set(p, 'link:' + readlinkSync(p));
    else if (st.isDirectory()) snapshot(p, out);
    else if (st.isFile()) {
      if (st.mode & 0o400 || IS_ROOT) out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex') + ':' + (st.mode & 0o777).toString(8));
      else out.set(p, 'unreadable:' + st.size);
    } else out.set(p, 'special');
  }
  return out;
}

const asKey = (p: { line?: number; column?: number; ruleId: string }) => `${p.line ?? 0}:${p.column ?? 0} ${p.ruleId}`;

/** The expectation for one file, asserted against one run's results. */
function assertExpectation(rel: string, e: Expectation, byFile: Map<string, FileResult>): void {
  const want = effective(e);
  const got = byFile.get(rel);
  if (want.expect === 'skipped' || want.expect === 'ignored') {
    expect(got, `${rel} should not be checked`).toBeUndefined();
    // nothing inside a skipped folder or trap is checked, unless the manifest says so (the case inside traps/x.md)
    for (const file of byFile.keys())
      if (file.startsWith(rel + '/')) expect(['accepted', 'error'], `${file} is inside ${rel}`).toContain(MANIFEST[file]?.expect);
    return;
  }
  expect(got, `${rel} should be checked`).toBeDefined();
  const keys = got!.problems.map(asKey);
  if (want.expect === 'accepted') {
    expect(got!.problems.filter((p) => p.severity === 'error').map(asKey), rel).toEqual([]);
  } else if (want.problems) {
    expect(keys, rel).toEqual(want.problems);
  } else {
    expect(keys.slice(0, want.first!.length), rel).toEqual(want.first);
    expect(keys, rel).toHaveLength(want.count!);
  }
}

function resultsByFile(results: readonly FileResult[]): Map<string, FileResult> {
  return new Map(results.map((r) => [r.filePath.split(sep).join('/'), r]));
}

async function binary(args: string[]) {
  return execa('node', [BIN, ...args], {
    cwd: root,
    env: plainEnv({ REUNIFY_HOSTILE_MARKER: join(markerDir, 'ran') }),
    extendEnv: false,
    reject: false,
    input: '',
    timeout: HANG_GUARD,
    maxBuffer: 64 * MiB,
  });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'reunify-hostile-'));
  root = join(base, 'corpus');
  outside = join(base, 'outside');
  markerDir = join(base, 'markers');
  mkdirSync(markerDir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'outside-case.md'), validCase('outside-case'));
  cpSync(CASES, root, { recursive: true });
  for (const [rel, e] of entries) {
    if (!e.made) continue;
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    present(MAKERS[e.made])(rel, abs);
  }
  rmSync(FIXED_MARKER, { force: true });
  process.env.REUNIFY_HOSTILE_MARKER = join(markerDir, 'ran');
  before = snapshot(root);
  snapshot(outside, before);
}, HANG_GUARD);

afterAll(() => {
  delete process.env.REUNIFY_HOSTILE_MARKER;
  if (existsSync(join(root, 'traps/unreadable.md'))) chmodSync(join(root, 'traps/unreadable.md'), 0o600);
  rmSync(base, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
  it('has a written expectation for every committed file, and every expectation names a file or a maker', () => {
    const committed = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? committed(join(dir, d.name)) : [relative(CASES, join(dir, d.name)).split(sep).join('/')],
      );
    const files = committed(CASES);
    expect(files.filter((f) => !MANIFEST[f])).toEqual([]);
    for (const [rel, e] of entries) {
      if (e.made) expect(MAKERS[e.made], rel).toBeDefined();
      else expect(files, rel).toContain(rel);
      expect(e.why, rel).toBeTruthy();
      expect(['accepted', 'error', 'skipped', 'ignored']).toContain(e.expect);
      if (e.expect === 'error') expect(Boolean(e.problems) !== Boolean(e.first && e.count), rel).toBe(true);
    }
    // the corpus size, for the record: 138 entries (112 committed files, 26 made at test time)
    expect(entries.length).toBeGreaterThanOrEqual(138);
  });
});

describe('in-process: checkCaseload over the corpus', () => {
  let byFile: Map<string, FileResult>;
  let errors = 0;
  beforeAll(async () => {
    const { result } = await checkCaseload({ paths: ['.'], cwd: root, asOf: AS_OF, workers: 1 });
    byFile = resultsByFile(result.results);
    errors = result.summary.errors;
  }, HANG_GUARD);

  it('checks exactly the files the manifest says are checked', () => {
    expect([...byFile.keys()].sort()).toEqual(checked.map(([rel]) => rel).sort());
    expect(errors).toBeGreaterThan(0);
  });

  it.each(entries)('%s', (rel, e) => assertExpectation(rel, e, byFile));
});

describe('the built binary over the corpus', () => {
  const runs: Record<string, Awaited<ReturnType<typeof binary>>> = {};
  beforeAll(async () => {
    const formats = ['json', 'stylish', 'sarif', 'junit'];
    const done = await Promise.all(formats.map((format) => binary(['check', '.', '--as-of', AS_OF, '--format', format])));
    formats.forEach((format, i) => (runs[format] = present(done[i])));
  }, 4 * HANG_GUARD);

  it.each(['json', 'stylish', 'sarif', 'junit'])('--format %s: exit 1, no stack trace, nothing raw a terminal would act on, no case text', (format) => {
    const run = present(runs[format], `the ${format} run`);
    expect(run.timedOut).toBe(false);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(RAW_UNSAFE);
    expect(run.stdout).not.toContain('CANARY');
  });

  it('json: every file as the manifest says', () => {
    const json = JSON.parse(present(runs.json).stdout);
    const byFile = resultsByFile(
      json.files.map((f: { filePath: string; problems: { ruleId: string; line: number; column: number; severity: string }[] }) => ({
        ...f,
        filePath: f.filePath,
      })),
    );
    expect([...byFile.keys()].sort()).toEqual(checked.map(([rel]) => rel).sort());
    for (const [rel, e] of entries) assertExpectation(rel, e, byFile);
  });

  it('stylish: every file with an error is listed, with its escaped name', () => {
    const out = present(runs.stylish).stdout;
    for (const [rel, e] of checked) {
      if (effective(e).expect !== 'error') continue;
      const shown = rel.replace(
        /[\p{Cc}\p{Cf}]/gu,
        (c) => `\\${c.charCodeAt(0) <= 0xff ? 'x' + c.charCodeAt(0).toString(16).padStart(2, '0') : 'u' + c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(out).toContain(shown + '\n');
    }
  });

  it('sarif: valid JSON with one result per problem', () => {
    const sarif = JSON.parse(present(runs.sarif).stdout);
    const json = JSON.parse(present(runs.json).stdout);
    expect(sarif.runs[0].results).toHaveLength(json.summary.errors + json.summary.warnings);
  });

  it('junit: one test suite per checked file, markup escaped', () => {
    const xml = present(runs.junit).stdout;
    expect(xml.match(/<testsuite /g)).toHaveLength(checked.length);
    expect(xml).not.toMatch(/<script|<\/failure><x/);
  });

  it(
    'a FIFO named on the command line is reported, not opened',
    async () => {
      const run = await binary(['check', 'traps/fifo.md', '--as-of', AS_OF, '--format', 'json']);
      expect(run.exitCode).toBe(1);
      expect(JSON.parse(run.stdout).files[0].problems.map(asKey)).toEqual(['1:1 file-unreadable']);
    },
    HANG_GUARD,
  );
});

describe('after every run', () => {
  it('no case ran code: the marker files do not exist', () => {
    expect(existsSync(join(markerDir, 'ran'))).toBe(false);
    expect(existsSync(FIXED_MARKER)).toBe(false);
    expect(existsSync(join(root, 'names', 'marker'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('no input byte changed, nothing was added or removed (check writes nothing)', () => {
    const after = snapshot(root);
    snapshot(outside, after);
    expect(after).toEqual(before);
  });
});
