import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/io/runCheck.js';

describe('runCheck with a working folder other than the process one', () => {
  const cwd = resolve('examples/caseload');

  it('reads every file and names it relative to that folder', () => {
    const { result } = runCheck({ paths: ['cases'], cwd, asOf: '2026-11-01' });
    expect(result.results.map((r) => r.filePath)).toEqual(Array.from({ length: 13 }, (_, i) => `cases/RF-${String(i + 1).padStart(4, '0')}.md`));
    expect(result.summary.errors).toBe(0);
  });

  it('runCheckFast agrees, in one thread and over workers (built code: workers load dist/)', async () => {
    // @ts-expect-error built JavaScript, no types
    const { runCheckFast } = await import('../../dist/io/runCheck.js');
    const one = await runCheckFast({ paths: ['cases'], cwd, asOf: '2026-11-01', workers: 1 });
    const two = await runCheckFast({ paths: ['cases'], cwd, asOf: '2026-11-01', workers: 2 });
    const reference = runCheck({ paths: ['cases'], cwd, asOf: '2026-11-01' }).result;
    expect(one.result).toEqual(reference);
    expect(two.result).toEqual(reference);
  });
});
