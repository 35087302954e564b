import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCaseload } from '../../bench/generate.mjs';
import { reunify } from './run.js';

const AS_OF = ['--as-of', '2026-11-01', '--format', 'json'];

/** Results must not depend on how they were computed: threads or cache (parser paths: test/io/parserPaths.test.ts). */
describe('check gives the same result with and without workers and cache', () => {
  let dir: string;
  let reference: string;

  beforeAll(async () => {
    const generated = generateCaseload(150, 7) as string;
    dir = mkdtempSync(join(tmpdir(), 'reunify-par-'));
    cpSync(generated, dir, { recursive: true });
    reference = (await reunify(['check', dir, ...AS_OF, '--workers', '1'])).stdout;
  }, 120_000);

  it('the generated caseload has errors to compare (about 2%)', () => {
    const out = JSON.parse(reference);
    expect(out.summary.files).toBe(150);
    expect(out.summary.errors).toBeGreaterThan(0);
  });

  it('two worker threads give byte-identical output', async () => {
    expect((await reunify(['check', dir, ...AS_OF, '--workers', '2'])).stdout).toBe(reference);
  });

  it('a cold and a warm cache give byte-identical output, and a changed file is re-checked', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reunify-cache-'));
    const args = ['check', dir, ...AS_OF, '--cache-location', cacheDir];
    const cold = await reunify(args);
    expect(cold.stderr).toBe('');
    expect(cold.stdout).toBe(reference);
    expect(readFileSync(join(cacheDir, 'check.json'), 'utf8')).not.toMatch(/Ms A|alcohol|Child's views/);
    expect((await reunify(args)).stdout).toBe(reference);

    const target = join(dir, 'team-00', 'BX-000001.md');
    const original = readFileSync(target, 'utf8');
    writeFileSync(target, original.replace(/^stage: .*$/m, 'stage: 9'));
    const changed = JSON.parse((await reunify(args)).stdout);
    const file = changed.files.find((f: { filePath: string }) => f.filePath.endsWith('BX-000001.md'));
    expect(file.problems.some((p: { ruleId: string; line: number }) => p.ruleId === 'schema' && p.line > 1)).toBe(true);

    writeFileSync(target, original);
    utimesSync(target, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect((await reunify(args)).stdout).toBe(reference);
  }, 120_000);

  it('status gives byte-identical output with and without worker threads', async () => {
    const one = await reunify(['status', dir, ...AS_OF, '--workers', '1']);
    const two = await reunify(['status', dir, ...AS_OF, '--workers', '2']);
    expect(one.exitCode).toBe(0);
    expect(JSON.parse(one.stdout).scope.cases).toBeGreaterThan(140);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  }, 120_000);

  it('status read case by case in worker threads gives the same charts, filters and team views', async () => {
    const html = ['status', dir, '--as-of', '2026-11-01', '--format', 'html'];
    const oneHtml = await reunify([...html, '--workers', '1']);
    expect(oneHtml.stdout).toMatch(/<section id="charts"[\s\S]*<svg/);
    expect((await reunify([...html, '--workers', '2'])).stdout).toBe(oneHtml.stdout);
    const filtered = ['status', dir, ...AS_OF, '--filter', 'stage=3,stage=5'];
    const oneFiltered = await reunify([...filtered, '--workers', '1']);
    const scope = JSON.parse(oneFiltered.stdout).scope;
    expect(scope.cases).toBeGreaterThan(0);
    expect(scope.cases).toBeLessThan(150);
    expect((await reunify([...filtered, '--workers', '2'])).stdout).toBe(oneFiltered.stdout);
  }, 120_000);

  it('a different --as-of does not reuse the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reunify-cache-'));
    await reunify(['check', dir, ...AS_OF, '--cache-location', cacheDir]);
    const later = await reunify(['check', dir, '--as-of', '2027-06-01', '--format', 'json', '--cache-location', cacheDir]);
    const fresh = await reunify(['check', dir, '--as-of', '2027-06-01', '--format', 'json', '--workers', '1']);
    expect(later.stdout).toBe(fresh.stdout);
    expect(later.stdout).not.toBe(reference);
  }, 120_000);
});
