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
});
