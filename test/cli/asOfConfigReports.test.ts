// `report`, `costs` and `signoff` take the caseload config's `as_of` when --as-of is
// absent, as check, status and classify do: a training pack's reports and queues are
// dated like its checks, whatever day they are run.
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
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

describe('config as_of in report, costs and signoff', () => {
  const dir = caseloadWithAsOf('2026-11-01');
  const commands: [string, string[], string][] = [
    // --draft: RF-0006's assessment is signed off, and without it the frozen copy of that day is shown
    ['report (a case)', ['report', join(dir, 'cases', 'RF-0006.md'), '--type', 'assessment', '--draft'], '1 November 2026'],
    ['report --caseload', ['report', '--caseload', dir], 'As of 1 November 2026'],
    ['costs', ['costs', dir, '--format', 'json'], '"as_of": "2026-11-01"'],
    ['signoff', ['signoff', dir, '--format', 'json'], '"as_of": "2026-11-01"'],
  ];

  it.each(commands)('%s uses it when --as-of is absent, and gives what --as-of gives', async (_name, args, shown) => {
    const withConfig = await reunify(args);
    const withFlag = await reunify([...args, '--as-of', '2026-11-01']);
    expect(withConfig.exitCode).toBe(0);
    expect(withConfig.stderr).toBe(withFlag.stderr);
    expect(withConfig.stdout).toBe(withFlag.stdout);
    expect(withConfig.stdout).toContain(shown);
  });

  it('--as-of still wins over the config', async () => {
    const r = await reunify(['signoff', dir, '--format', 'json', '--as-of', '2027-06-01']);
    expect(JSON.parse(r.stdout).as_of).toBe('2027-06-01');
  });

  it('an impossible as_of in the config is a config error (exit 2) for these commands too', async () => {
    const bad = caseloadWithAsOf('2026-02-30');
    for (const args of [
      ['report', '--caseload', bad],
      ['costs', bad],
      ['signoff', bad],
    ]) {
      const r = await reunify(args);
      expect(r.exitCode, args[0]).toBe(2);
      expect(r.stderr, args[0]).toMatch(/reunify.config.yaml:\d+:\d+: \/as_of: must be a date written YYYY-MM-DD/);
    }
  });
});
