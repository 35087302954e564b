// `reunify costs` through the built binary: the per-child figures of both presets,
// the break-even arithmetic worked by hand, and the caseload's returns.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, reunify } from './run.js';

describe('reunify costs (built binary)', () => {
  it('--preset holmes-2014: £61,614 against £5,627, break-even about 9% (one failure prevented in about 11 returns)', async () => {
    const r = await reunify(['costs', '--preset', 'holmes-2014']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Failed return \(f\).*£61,614/);
    expect(r.stdout).toMatch(/Support \(s\).*£5,627/);
    expect(r.stdout).toContain('f / s = 61,614 / 5,627 = 10.9 returns, about 1 in 11');
    expect(r.stdout).toContain('s / f = 5,627 / 61,614 = 0.091: 9.1%');
    expect(r.stdout).toMatch(/Holmes \(2014\)/);
    expect(r.stdout).toMatch(/not a forecast/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('the default preset (nspcc-2024): £105,804 against £7,857, break-even about 7.4%', async () => {
    const r = await reunify(['costs']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Cost model: nspcc-2024');
    expect(r.stdout).toContain('f / s = 105,804 / 7,857 = 13.5 returns, about 1 in 13');
    expect(r.stdout).toContain('s / f = 7,857 / 105,804 = 0.074: 7.4%');
  });

  it('--format json carries the figures and the unrounded arithmetic', async () => {
    const out = JSON.parse((await reunify(['costs', '--preset', 'holmes-2014', '--format', 'json'])).stdout);
    expect(out).toMatchObject({
      version: 1,
      preset: 'holmes-2014',
      year: 2014,
      currency: 'GBP',
      per_child: { failed_return: 61614, support: 5627 },
      breakdown_rate: 0.3,
      caseload: null,
    });
    expect(out.break_even.improvement).toBeCloseTo(5627 / 61614, 10);
    expect(out.break_even.returns_per_failure_prevented).toBeCloseTo(61614 / 5627, 10);
    expect(Math.round(out.break_even.improvement * 1000) / 10).toBe(9.1);
    const nspcc = JSON.parse((await reunify(['costs', '--format', 'json'])).stdout);
    expect(Math.round(nspcc.break_even.improvement * 1000) / 10).toBe(7.4);
  });

  it('with a caseload folder: its planned and actual returns, expected failure cost against support, worked out', async () => {
    const r = await reunify(['costs', join(ROOT, 'examples', 'caseload'), '--as-of', '2026-11-01', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    const n = out.caseload.planned.length + out.caseload.home.length;
    expect(out.caseload.returns).toBe(n);
    expect(out.caseload.home.length).toBeGreaterThan(0);
    expect(out.caseload.expected_failures).toBeCloseTo(n * 0.3, 10);
    expect(out.caseload.expected_failure_cost).toBeCloseTo(n * 0.3 * 105804, 6);
    expect(out.caseload.support_cost).toBe(n * 7857);
    expect(out.caseload.break_even_failure_rate).toBeCloseTo(0.3 - 7857 / 105804, 10);
    const text = await reunify(['costs', join(ROOT, 'examples', 'caseload'), '--as-of', '2026-11-01']);
    expect(text.stdout).toContain(`Support for every return: ${n} × £7,857 = £${(n * 7857).toLocaleString('en-GB')}`);
    expect(text.stdout).toMatch(/from 30\.0% to 30\.0% − 7\.4% = 22\.6%/);
  });

  it('the caseload figures read as an illustration at the national rate, never as a forecast', async () => {
    const text = await reunify(['costs', join(ROOT, 'examples', 'caseload'), '--as-of', '2026-11-01']);
    expect(text.stdout).toContain('This caseload on 1 November 2026: an illustration, not a forecast');
    expect(text.stdout).toMatch(
      /If these returns broke down at the national rate \(30\.0%\), 9 × 0\.30 = 2\.70 would fail,\n {4}costing 2\.70 × £105,804 = £285,671\./,
    );
    expect(text.stdout).not.toContain('Expected failed returns');
  });

  it('local rates by level (breakdown_rate_by_level) illustrate each classified return at its level; the rest at the national rate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-costs-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(ROOT, 'examples', 'caseload'), dir, { recursive: true });
    const config = readFileSync(join(dir, 'reunify.config.yaml'), 'utf8');
    writeFileSync(join(dir, 'reunify.config.yaml'), `${config}\ncosts:\n  breakdown_rate_by_level: { low: 0.1, medium: 0.2, high: 0.5 }\n`);
    const json = JSON.parse((await reunify(['costs', '.', '--as-of', '2026-11-01', '--format', 'json'], { cwd: dir })).stdout);
    const groups: { level: string | null; returns: number; rate: number }[] = json.caseload.illustration;
    expect(groups.reduce((n, g) => n + g.returns, 0)).toBe(json.caseload.returns);
    expect(groups.filter((g) => g.level !== null).length).toBeGreaterThan(0);
    expect(groups.find((g) => g.level === null)?.rate ?? 0.3).toBe(0.3);
    expect(json.caseload.expected_failures).toBeCloseTo(
      groups.reduce((sum, g) => sum + g.returns * g.rate, 0),
      10,
    );
    expect(json.breakdown_rate_by_level).toEqual({ low: 0.1, medium: 0.2, high: 0.5 });
    const text = (await reunify(['costs', '.', '--as-of', '2026-11-01'], { cwd: dir })).stdout;
    expect(text).toContain('If these returns broke down at the local rates set for each level:');
    for (const g of groups.filter((x) => x.level !== null)) expect(text).toMatch(new RegExp(`\\n {4}[A-Z][a-z ]+: ${g.returns} × ${g.rate.toFixed(2)} = `));
    writeFileSync(join(dir, 'reunify.config.yaml'), `${config}\ncosts:\n  breakdown_rate_by_level: { low: 1.5 }\n`);
    expect((await reunify(['costs', '.', '--as-of', '2026-11-01'], { cwd: dir })).exitCode).toBe(2);
  });

  it('local figures from the config; an unknown preset is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-costs-'));
    writeFileSync(
      join(dir, 'reunify.config.yaml'),
      '# fictional local figures\ncosts:\n  preset: local-2026\n  presets:\n    local-2026: { failed_return: 90000, support: 9000, source: "Example Borough finance team", year: 2026 }\n  breakdown_rate: 0.25\n',
    );
    const r = await reunify(['costs', '--format', 'json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      preset: 'local-2026',
      per_child: { failed_return: 90000, support: 9000 },
      break_even: { improvement: 0.1 },
      breakdown_rate: 0.25,
    });
    const holmes = await reunify(['costs', '--preset', 'holmes-2014', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(holmes.stdout).per_child.support).toBe(5627);
    const bad = await reunify(['costs', '--preset', 'nspcc-2099']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown cost preset "nspcc-2099" (configured: nspcc-2024, holmes-2014)');
    writeFileSync(join(dir, 'reunify.config.yaml'), 'costs: { breakdown_rate: 1.5 }\n');
    expect((await reunify(['costs'], { cwd: dir })).exitCode).toBe(2);
  });

  it('help has real examples', async () => {
    const r = await reunify(['costs', '--help']);
    expect(r.stdout).toContain('$ reunify costs --preset holmes-2014 --format json');
  });
});
