import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

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
const { findCases, globToRegExp, unreadableFolderProblem } = await import('../../src/io/findCases.js');

describe('globToRegExp', () => {
  it.each([
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'cases/2026/a.md', true],
    ['**/*.md', 'a.txt', false],
    ['cases/*.md', 'cases/a.md', true],
    ['cases/*.md', 'cases/x/a.md', false],
    ['**/RF-????.md', 'x/RF-0001.md', true],
    ['**/*.{md,markdown}', 'a.markdown', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
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
    expect(findCases([join(root, 'nope')], { cwd: root })).toEqual({ files: [], missing: [join(root, 'nope')], unreadable: [] });
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
    expect(unreadableFolderProblem(found.unreadable[0])).toEqual({
      ruleId: 'file-unreadable',
      severity: 'error',
      message: 'folder could not be read (EACCES: permission denied): any case files in it were left out',
      line: 1,
      column: 1,
    });
  });

  it('names a folder given on the command line that cannot be listed', () => {
    refuse('cases');
    expect(findCases(['cases'], { cwd: root })).toEqual({ files: [], missing: [], unreadable: [{ folder: 'cases', reason: 'EACCES: permission denied' }] });
  });

  it('says nothing of a folder the ignore globs leave out entirely, and names one they leave out only in part', () => {
    refuse('archive/2019');
    expect(findCases(['.'], { cwd: root, ignore: ['archive/**'] }).unreadable).toEqual([]);
    expect(findCases(['.'], { cwd: root, ignore: ['**/ARCHIVE/**'] }).unreadable).toEqual([]);
    expect(findCases(['.'], { cwd: root, ignore: ['archive/2019/*.md'] }).unreadable).toEqual([{ folder: 'archive/2019', reason: 'EACCES: permission denied' }]);
    refused.clear();
  });
});
