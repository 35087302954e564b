import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseCheckEnv } from '../../src/core/rules/check.js';
import { checkOneFile } from '../../src/io/checkFile.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { EXAMPLE_CASES_DIR, exampleCaseFiles } from '../exampleCases.js';

// Worker threads load the built worker, so the pool runs from dist/ (npm test builds first).
type RunInWorkers = typeof import('../../src/io/casePool.js').runInWorkers;
const { runInWorkers } = (await import('../../dist/io/casePool.js' as string)) as { runInWorkers: RunInWorkers };
const WORKER = new URL('../../dist/io/checkWorker.js', import.meta.url);

describe('worker threads with a small heap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file too big for a worker is read again by one without the limit: every result as in one thread', async () => {
    // a front matter near the 1 MiB limit, broken at its end, so the careful parser reads all of it
    const big = join(dir, 'BG-0001.md');
    const entries = Array.from({ length: 24_000 }, (_, i) => `  k${i}: {a: "xxxxxxxxxxxxxxxxxxxxxxxx"}`);
    writeFileSync(big, `---\nreunify: 1\nid: BG-0001\nx-big:\n${entries.join('\n')}\n  bad: "unclosed\n---\n# Body\n`);
    const files = [...exampleCaseFiles().map((f) => join(EXAMPLE_CASES_DIR, f)), big];
    const options = { asOf: '2026-11-01', config: defaultConfig() };
    const reread: number[] = [];
    const results = await runInWorkers(WORKER, files, options, 2, undefined, { oldGenerationMb: 24, onReread: (n) => reread.push(n) });
    expect(reread.length).toBeGreaterThan(0);
    const env = caseCheckEnv(options);
    expect(results).toEqual(files.map((f) => checkOneFile(f, env)));
    expect(JSON.stringify(results.at(-1))).toContain('Missing closing');
  }, 60_000);

  const MISBEHAVING = new URL('./poolWorkers/misbehaving.mjs', import.meta.url);

  it('a worker that runs out of memory after its last batch came back does not end the run early', async () => {
    // the first worker answers its batch and then runs out; the second is still reading
    const files = Array.from({ length: 80 }, (_, i) => (i === 0 ? 'out-of-memory-after' : i === 40 ? 'slow' : `f${i}`));
    const results = await runInWorkers(MISBEHAVING, files, {}, 2, undefined, { oldGenerationMb: 16 });
    expect(results).toEqual(files.map((f) => `read ${f}`));
  }, 30_000);

  it('a worker that stops in the middle of a batch fails the run instead of leaving it waiting', async () => {
    const files = Array.from({ length: 80 }, (_, i) => (i === 45 ? 'exit-mid-batch' : `f${i}`));
    await expect(runInWorkers(MISBEHAVING, files, {}, 2)).rejects.toThrow(/a worker thread stopped \(exit code 3\) while reading case files/);
  }, 30_000);
});
