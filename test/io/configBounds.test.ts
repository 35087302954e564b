// A config cannot stop a run with a crash or a hang: numbers are bounded by the schema
// (a huge review interval used to end in "Invalid time value"), glob patterns are
// bounded, and an unknown rule id is reported at its key with the nearest rule id.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reunify } from '../cli/run.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function caseload(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-config-bounds-'));
  dirs.push(dir);
  cpSync(resolve(import.meta.dirname, '../../examples/caseload/cases'), join(dir, 'cases'), { recursive: true });
  writeFileSync(join(dir, 'reunify.config.yaml'), config);
  return dir;
}

describe('config bounds', () => {
  it('cla_then_months: 100000000 is a positioned config error (exit 2) for check and status, not "Invalid time value"', async () => {
    const dir = caseload('organisation: "Test (fictional)"\nreviews:\n  cla_then_months: 100000000\n');
    for (const command of ['check', 'status']) {
      const r = await reunify([command, dir, '--as-of', '2026-11-01']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('reunify.config.yaml:3:20: /reviews/cla_then_months: must be <= 120');
      expect(r.stderr).not.toMatch(/Invalid time value/);
    }
  });

  it('a points value or a stage timescale out of range is named at its line', async () => {
    const dir = caseload('timescales:\n  stage_weeks:\n    "2": 1e9\nclassification:\n  thresholds:\n    high: -5000\n');
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(':3:10: /timescales/stage_weeks/2: must be <= 520');
    expect(r.stderr).toContain(':6:11: /classification/thresholds/high: must be >= -1000');
  });

  it('an unknown rule id is reported at its key with "did you mean"', async () => {
    const dir = caseload('organisation: "Test (fictional)"\nrules:\n  stage2/decision-shared: warn\n  stage1/safe-adult-nmaed: off\n');
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('reunify.config.yaml:4:3: /rules: unknown rule "stage1/safe-adult-nmaed" (did you mean "stage1/safe-adult-named"?)');
  });

  it('an unknown rule id far from every rule gets no suggestion', async () => {
    const dir = caseload('rules:\n  completely-made-up-thing: off\n');
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.stderr).toContain('reunify.config.yaml:2:3: /rules: unknown rule "completely-made-up-thing"\n');
  });

  it('a glob over 256 characters, or with more than 64 alternatives, is a positioned config error', async () => {
    const long = caseload(`cases: "${'*'.repeat(257)}"\n`);
    const r = await reunify(['check', long, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('reunify.config.yaml:1:8: /cases: must NOT have more than 256 characters');
    const many = caseload('ignore:\n  - "{a,b,c,d,e}{a,b,c,d,e}{a,b,c,d,e}/*.md"\n');
    const m = await reunify(['check', many, '--as-of', '2026-11-01']);
    expect(m.exitCode).toBe(2);
    expect(m.stderr).toContain('reunify.config.yaml:2:5: /ignore/0: the pattern gives more than 64 alternatives with {…}');
  });

  it('a deep folder with a many-** pattern is checked at once (it took minutes with regular expressions)', async () => {
    const dir = caseload('cases: "**/**/**/**/**/**/**/**/**/*.mdx"\n');
    const deep = join(dir, ...Array.from({ length: 40 }, (_, i) => `d${i}`));
    cpSync(join(dir, 'cases'), deep, { recursive: true });
    const r = await reunify(['check', dir, '--as-of', '2026-11-01']);
    expect(r.stdout + r.stderr).toMatch(/no case files|0 case files|No case files/i);
  }, 60_000);
});
