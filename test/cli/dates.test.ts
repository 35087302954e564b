// A date that is not one is refused the same way wherever it is written: a flag,
// a setting in the config, an answer.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';

const CASELOAD = join(ROOT, 'examples', 'caseload');

describe('impossible dates', () => {
  it('--as-of 2026-02-30 is a usage error naming the flag', async () => {
    const r = await reunify(['check', CASELOAD, '--as-of', '2026-02-30']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--as-of must be a date written YYYY-MM-DD, got "2026-02-30"');
  });

  it('a config bank holiday of 2026-02-30 is refused with its line and column, not taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-dates-'));
    cpSync(join(CASELOAD, 'cases'), join(dir, 'cases'), { recursive: true });
    writeFileSync(join(dir, 'reunify.config.yaml'), 'bank_holidays:\n  - 2026-12-25\n  - 2026-02-30\n');
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('reunify.config.yaml:3:5');
    expect(r.stderr).toContain('/bank_holidays/1: must be a date written YYYY-MM-DD');
  });
});
