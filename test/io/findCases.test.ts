import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCases, globToRegExp } from '../../src/io/findCases.js';

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
    expect(findCases([join(root, 'nope')], { cwd: root })).toEqual({ files: [], missing: [join(root, 'nope')] });
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
