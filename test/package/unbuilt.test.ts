// A checkout installed or run before `npm run build` has no dist/: the launcher says so in
// one line and exits 2, not with Node's module-not-found stack trace.
import { execa } from 'execa';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli/run.js';

describe('bin/reunify.js without dist/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-unbuilt-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(BIN, join(dir, 'bin/reunify.js'));
  copyFileSync(join(BIN, '../../package.json'), join(dir, 'package.json'));

  it.each([[['check', '.']], [['--version']], [[]]])('reunify %j prints one line and exits 2', async (args) => {
    const r = await execa('node', [join(dir, 'bin/reunify.js'), ...args], { cwd: dir, reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('reunify is not built: run `npm run build` in the folder reunify was installed from (it needs its devDependencies)');
  });
});

describe('npm prepare (scripts/prepare.mjs) without the devDependencies', () => {
  it('says what is missing and fails, instead of a shell "tsc: not found"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-nodev-'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(BIN, '../../scripts/prepare.mjs'), join(dir, 'scripts/prepare.mjs'));
    copyFileSync(join(BIN, '../../package.json'), join(dir, 'package.json'));
    const r = await execa('node', ['scripts/prepare.mjs'], { cwd: dir, reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^reunify: cannot build: the devDependencies \(TypeScript\) are not installed\.\n/);
  });
});
