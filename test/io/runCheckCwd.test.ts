import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaseload } from '../../src/app/checkCaseload.js';
import { exampleCaseFiles } from '../exampleCases.js';

describe('checkCaseload with a working folder other than the process one', () => {
  const cwd = resolve('examples/caseload');

  it('reads every file and names it relative to that folder', async () => {
    const { result } = await checkCaseload({ paths: ['cases'], cwd, asOf: '2026-11-01', workers: 1 });
    expect(result.results.map((r) => r.filePath)).toEqual(exampleCaseFiles().map((f) => `cases/${f}`));
    expect(result.summary.errors).toBe(0);
  });

  it('agrees over workers with the one-thread reference (built code: workers load dist/)', async () => {
    // @ts-expect-error built JavaScript, no types
    const built = (await import('../../dist/app/checkCaseload.js')) as { checkCaseload: typeof checkCaseload };
    const two = await built.checkCaseload({ paths: ['cases'], cwd, asOf: '2026-11-01', workers: 2 });
    const reference = (await checkCaseload({ paths: ['cases'], cwd, asOf: '2026-11-01', workers: 1 })).result;
    expect(two.result).toEqual(reference);
  });
});
