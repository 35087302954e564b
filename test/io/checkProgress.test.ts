// checkCaseload's onProgress: per file in this thread, per batch from the worker pool,
// counting cached files as done.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaseload } from '../../src/app/checkCaseload.js';

function caseload(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-onprogress-'));
  const text = readFileSync('examples/caseload/cases/RF-0002.md', 'utf8');
  for (let i = 1; i <= n; i++) {
    const id = `RF-Q${String(i).padStart(3, '0')}`;
    writeFileSync(join(dir, `${id}.md`), text.replace(/^id: RF-0002/m, `id: ${id}`));
  }
  return dir;
}

type CheckCaseload = typeof checkCaseload;

async function progressOf(dir: string, more: { workers?: number; cache?: string }) {
  const calls: [number, number][] = [];
  // Worker threads load the built worker, so the pool path runs from dist/ (npm test builds first).
  const run: CheckCaseload =
    more.workers === 1 ? checkCaseload : ((await import('../../dist/app/checkCaseload.js' as string)) as { checkCaseload: CheckCaseload }).checkCaseload;
  const { result } = await run({ paths: [dir], asOf: '2026-11-01', ...more, onProgress: (done, total) => calls.push([done, total]) });
  return { calls, files: result.results.length };
}

describe('checkCaseload onProgress', () => {
  it('hears every file in turn on the single-thread path', async () => {
    const { calls } = await progressOf(caseload(5), { workers: 1 });
    expect(calls).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
  });

  it('hears each batch from the worker pool, ending at the total', async () => {
    const { calls, files } = await progressOf(caseload(90), { workers: 2 });
    expect(files).toBe(90);
    expect(calls.map(([, total]) => total)).toEqual(calls.map(() => 90));
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([90, 90]);
    expect(calls.length).toBe(3); // batches of 40, 40 and 10
  });

  it('counts files taken from the cache as done', async () => {
    const dir = caseload(4);
    const cache = join(dir, '.cache');
    await progressOf(dir, { workers: 1, cache });
    const file = join(dir, 'RF-Q002.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nA new note.\n');
    const { calls } = await progressOf(dir, { workers: 1, cache });
    expect(calls).toEqual([[4, 4]]);
  });
});
