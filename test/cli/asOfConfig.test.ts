// A caseload config's `as_of` stands in for --as-of in check, status and classify
// (training packs must check clean years later); --as-of still wins.
import { cpSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';

function caseloadWithAsOf(asOf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-asof-'));
  cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
  appendFileSync(join(dir, 'reunify.config.yaml'), `as_of: ${asOf}\n`);
  return dir;
}

describe('config as_of', () => {
  it('check, status and classify use it when --as-of is absent, and give what --as-of gives', async () => {
    const dir = caseloadWithAsOf('2026-11-01');
    for (const args of [['check', dir, '--format', 'json'], ['status', dir, '--format', 'json'], ['classify', join(dir, 'cases', 'RF-0006.md'), '--format', 'json']]) {
      const withConfig = await reunify(args);
      const withFlag = await reunify([...args, '--as-of', '2026-11-01']);
      expect(withConfig.exitCode, args[0]).toBe(withFlag.exitCode);
      expect(withConfig.stdout, args[0]).toBe(withFlag.stdout);
      expect(withConfig.stdout).toContain('2026-11-01');
    }
  });

  it('--as-of wins over the config', async () => {
    const dir = caseloadWithAsOf('2026-11-01');
    const r = await reunify(['check', dir, '--format', 'json', '--as-of', '2027-06-01']);
    expect(JSON.parse(r.stdout).asOf).toBe('2027-06-01');
  });

  it('an impossible date in the config is a config error (exit 2)', async () => {
    const dir = caseloadWithAsOf('2026-02-30');
    const r = await reunify(['check', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('as_of');
    const bad = mkdtempSync(join(tmpdir(), 'reunify-asof-'));
    writeFileSync(join(bad, 'reunify.config.yaml'), 'as_of: tomorrow\n');
    const form = await reunify(['check', bad]);
    expect(form.exitCode).toBe(2);
  });
});
