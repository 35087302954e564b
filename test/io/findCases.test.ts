import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { present } from '../present.js';

// Root reads a chmod 000 folder anyway, so listing is refused here for everyone alike
// (test/cli/unreadableFolder.test.ts does it for real through the binary).
const refused = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    readdirSync: ((path: string, options?: unknown) => {
      if (refused.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
      return (actual.readdirSync as (p: string, o?: unknown) => unknown)(path, options);
    }) as typeof actual.readdirSync,
  };
});
// Loaded afresh, so the stand-in above applies even where another test file loaded it first.
vi.resetModules();
const { findCases, unreadableFolderProblem } = await import('../../src/io/findCases.js');
const { globMatcher, GlobError, MAX_GLOB_LENGTH } = await import('../../src/io/glob.js');

/** The regular expression the globs used to be compiled to: the meaning the matcher keeps. */
function referenceRegExp(glob: string): RegExp {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re +=
          '(?:' +
          glob
            .slice(i + 1, end)
            .split(',')
            .map(esc)
            .join('|') +
          ')';
        i = end;
      }
    } else re += esc(present(c));
  }
  return new RegExp('^' + re + '$', 'i');
}

describe('globMatcher', () => {
  it.each([
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'cases/2026/a.md', true],
    ['**/*.md', 'a.txt', false],
    ['cases/*.md', 'cases/a.md', true],
    ['cases/*.md', 'cases/x/a.md', false],
    ['**/RF-????.md', 'x/RF-0001.md', true],
    ['**/*.{md,markdown}', 'a.markdown', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globMatcher(glob).test(path)).toBe(expected);
  });

  it('means what the regular expressions meant, over many patterns and paths', () => {
    const globs = [
      '**/*.md',
      'cases/*.md',
      '*.md',
      '**/RF-????.md',
      '**/*.{md,markdown}',
      'archive/**',
      '**/drafts/**',
      'a/**/b/*.md',
      '**',
      '*/*',
      'x**y',
      '**/**/*.md',
      '{a,b}/{c,d}.md',
      'CASES/*.MD',
      '**/*.MD',
      '**/*Σ.md',
      '**/*İ.md',
      'a?c',
      '{x',
    ];
    const paths = [
      'a.md',
      'A.MD',
      'cases/a.md',
      'cases/x/a.md',
      'x/RF-0001.md',
      'a.markdown',
      'archive/2020/a.md',
      'drafts/a.md',
      'p/drafts/q/a.md',
      'a/b/c.md',
      'a/x/y/b/c.md',
      'a/b/c/d.md',
      'xy',
      'x/a/y',
      'a/c.md',
      'b/d.md',
      'abc',
      'a/c',
      '{x',
      '',
      '/',
      'a//b.md',
      '.hidden/a.md',
      'x/Ü.md',
      'ΑΣ.md',
      'ΑΣ.MD',
      '.md',
      'x/.md',
      'a.md/b',
      'xi\u0307.md',
      'XI\u0307.MD',
      'xİ.md',
    ];
    for (const g of globs) for (const p of paths) expect(globMatcher(g).test(p), `${g} on ${p}`).toBe(referenceRegExp(g).test(p));
  });

  it('is linear: patterns that made the regular expressions backtrack for minutes finish at once', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `d${i}`).join('/') + '/case.md';
    expect(globMatcher('**/**/**/**/**/**/**/**/*.mdx').test(deep)).toBe(false);
    expect(globMatcher('**/**/**/**/**/**/**/**/**/*.mdx').test(deep)).toBe(false);
    expect(globMatcher('**/' + 'a*'.repeat(60) + 'b').test('a'.repeat(200))).toBe(false);
    expect(globMatcher('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b.md').test('a'.repeat(250) + '.md')).toBe(false);
  }, 5_000);

  it('refuses a pattern over the length bound or with too many {…} alternatives', () => {
    expect(() => globMatcher('*'.repeat(MAX_GLOB_LENGTH + 1))).toThrow(GlobError);
    expect(() => globMatcher('{a,b,c,d,e}{a,b,c,d,e}{a,b,c,d,e}/*.md')).toThrow(GlobError);
    expect(globMatcher('x'.repeat(MAX_GLOB_LENGTH)).test('x'.repeat(MAX_GLOB_LENGTH))).toBe(true);
  });
});

describe('findCases', () => {
  const outside = mkdtempSync(join(tmpdir(), 'reunify-outside-'));
  writeFileSync(join(outside, 'secret.md'), '---\nid: secret\n---\n');
  const root = mkdtempSync(join(tmpdir(), 'reunify-find-'));
  mkdirSync(join(root, 'cases', 'deep'), { recursive: true });
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(root, 'dir.md'));
  writeFileSync(join(root, 'cases', 'A.md'), '');
  writeFileSync(join(root, 'cases', 'deep', 'B.md'), '');
  writeFileSync(join(root, 'cases', 'notes.txt'), '');
  writeFileSync(join(root, '.git', 'C.md'), '');
  writeFileSync(join(root, 'node_modules', 'pkg', 'README.md'), '');
  symlinkSync(outside, join(root, 'link-out'));
  symlinkSync(join(outside, 'secret.md'), join(root, 'secret.md'));
  symlinkSync(root, join(root, 'cases', 'loop'));
  symlinkSync(join(root, 'cases', 'A.md'), join(root, 'alias.md'));
  execFileSync('mkfifo', [join(root, 'fifo.md')]);

  it('finds markdown files, skipping dot-folders, node_modules, FIFOs, loops and links out of the root', () => {
    const { files, missing } = findCases([root], { cwd: root });
    expect(files).toEqual(['alias.md', 'cases/A.md', 'cases/deep/B.md']);
    expect(missing).toEqual([]);
  });

  it('uses the configured glob', () => {
    expect(findCases([root], { cwd: root, glob: 'cases/*.md' }).files).toEqual(['cases/A.md']);
  });

  it('leaves out files matching an ignore glob', () => {
    expect(findCases([root], { cwd: root, ignore: ['**/b.md'] }).files).toEqual(['alias.md', 'cases/A.md']);
  });

  it('reports paths that do not exist', () => {
    expect(findCases([join(root, 'nope')], { cwd: root })).toEqual({ files: [], missing: [join(root, 'nope')], unreadable: [], skipped: [], nested: [] });
  });

  it('takes a file named on the command line as given', () => {
    writeFileSync(join(root, 'cases', 'plain.txt'), '');
    expect(findCases(['cases/plain.txt'], { cwd: root }).files).toEqual(['cases/plain.txt']);
  });

  it('returns nothing for a folder with no cases', () => {
    const empty = mkdtempSync(join(tmpdir(), 'reunify-empty-'));
    expect(findCases([empty], { cwd: empty }).files).toEqual([]);
  });
});

describe('findCases: a folder it cannot list', () => {
  const root = mkdtempSync(join(tmpdir(), 'reunify-find-locked-'));
  for (const dir of ['cases/locked/deeper', 'cases/open', 'archive/2019']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['cases/A.md', 'cases/locked/B.md', 'cases/open/C.md', 'archive/2019/D.md']) writeFileSync(join(root, file), '');
  const refuse = (...dirs: string[]) => {
    refused.clear();
    for (const d of dirs) refused.add(join(root, d));
  };

  it('names the folder and why, and still finds the files everywhere else', () => {
    refuse('cases/locked');
    const found = findCases(['.'], { cwd: root });
    expect(found.files).toEqual(['archive/2019/D.md', 'cases/A.md', 'cases/open/C.md']);
    expect(found.unreadable).toEqual([{ folder: 'cases/locked', reason: 'EACCES: permission denied' }]);
    expect(unreadableFolderProblem(present(found.unreadable[0]))).toEqual({
      ruleId: 'file-unreadable',
      severity: 'error',
      message: 'folder could not be read (EACCES: permission denied): any case files in it were left out',
      line: 1,
      column: 1,
    });
  });

  it('names a folder given on the command line that cannot be listed', () => {
    refuse('cases');
    expect(findCases(['cases'], { cwd: root })).toEqual({
      files: [],
      missing: [],
      unreadable: [{ folder: 'cases', reason: 'EACCES: permission denied' }],
      skipped: [],
      nested: [],
    });
  });

  it('says nothing of a folder the ignore globs leave out entirely, and names one they leave out only in part', () => {
    refuse('archive/2019');
    expect(findCases(['.'], { cwd: root, ignore: ['archive/**'] }).unreadable).toEqual([]);
    expect(findCases(['.'], { cwd: root, ignore: ['**/ARCHIVE/**'] }).unreadable).toEqual([]);
    expect(findCases(['.'], { cwd: root, ignore: ['archive/2019/*.md'] }).unreadable).toEqual([
      { folder: 'archive/2019', reason: 'EACCES: permission denied' },
    ]);
    refused.clear();
  });
});
