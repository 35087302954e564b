// Case files written before a contract addition stay valid: the example caseload as it
// stood before Decision 1 records, court proceedings, approvals and the other additions
// is kept unchanged in test/fixtures/contract-v1-2026-12 and must still check without errors.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reunify } from '../cli/run.js';

const FOLDER = 'test/fixtures/contract-v1-2026-12';

describe('case files written before the contract additions', () => {
  it('every one still checks with no error (warnings only)', async () => {
    const { exitCode, stdout } = await reunify(['check', FOLDER, '--as-of', '2026-11-01', '-f', 'json']);
    expect(exitCode).toBe(0);
    const files = (JSON.parse(stdout) as { files: { caseId: string; errorCount: number; problems: { ruleId: string; severity: string }[] }[] }).files;
    expect(files.map((f) => f.caseId).sort()).toEqual(readdirSync(`${FOLDER}/cases`).map((f) => f.replace(/\.md$/, '')).sort());
    for (const file of files) expect({ caseId: file.caseId, errors: file.problems.filter((p) => p.severity === 'error') }).toEqual({ caseId: file.caseId, errors: [] });
  });
});
