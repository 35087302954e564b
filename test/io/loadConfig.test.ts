import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, findConfigFile, loadConfig } from '../../src/io/loadConfig.js';
import { mergeSettings } from '../../src/core/model/config.js';

function caseload(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-config-'));
  mkdirSync(join(dir, 'cases', 'team-a'), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'reunify.config.yaml'), config);
  return dir;
}

function configErrors(config: string): string[] {
  const dir = caseload(config);
  try {
    loadConfig({ paths: [dir], cwd: dir });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    throw err;
  }
  return [];
}

describe('config', () => {
  it('ships documented defaults', () => {
    const c = defaultConfig();
    expect(c.cases).toBe('**/*.md');
    expect(c.timescales.stage_weeks['1']).toBe(8);
    expect(c.reviews.cla_first_working_days).toBe(20);
    expect(c.bank_holidays).toContain('2026-12-25');
    expect(c.leaving_care_age).toBe(16);
  });

  it('is found by walking up from the folder being checked', () => {
    const dir = caseload('organisation: "Test Borough"\n');
    expect(findConfigFile(join(dir, 'cases', 'team-a'))).toBe(join(dir, 'reunify.config.yaml'));
    const { config, configPath } = loadConfig({ paths: [join(dir, 'cases', 'team-a')], cwd: tmpdir() });
    expect(configPath).toBe(join(dir, 'reunify.config.yaml'));
    expect(config.organisation).toBe('Test Borough');
  });

  it('overrides only what it names: maps merge, lists replace', () => {
    const dir = caseload('timescales:\n  stage_weeks: { 1: 6 }\nbank_holidays: [2026-01-02]\n');
    const { config } = loadConfig({ paths: [dir], cwd: dir });
    expect(config.timescales.stage_weeks).toMatchObject({ 1: 6, 2: 4, 3: 26 });
    expect(config.bank_holidays).toEqual(['2026-01-02']);
    expect(config.reviews.cla_then_months).toBe(6);
  });

  it('--config wins over the file found by walking up', () => {
    const dir = caseload('organisation: A\n');
    writeFileSync(join(dir, 'other.yaml'), 'organisation: B\n');
    expect(loadConfig({ configPath: join(dir, 'other.yaml'), paths: [dir], cwd: dir }).config.organisation).toBe('B');
  });

  it('a --config that cannot be read says why in words', () => {
    const dir = caseload();
    try {
      loadConfig({ configPath: join(dir, 'missing.yaml'), paths: [dir], cwd: dir });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.message)).toEqual(['could not be read (ENOENT: no such file or directory)']);
    }
  });

  it.each([
    ['an unknown setting', 'organisation: x\ncolour: blue\n', ['2:1 /: unknown setting "colour"']],
    ['a wrong type', 'leaving_care_age: sixteen\n', ['1:19 /leaving_care_age: must be integer']],
    ['a bad severity', 'rules:\n  schema: loud\n', ['2:11 /rules/schema: must be one of: off, warn, error']],
    ['a YAML error', 'a: 1\na: 2\n', ['2:1 duplicate key in the config file: Map keys must be unique']],
    ['a bank holiday that is not a real date', 'bank_holidays:\n  - 2026-01-02\n  - 2026-02-30\n', ['3:5 /bank_holidays/1: must be a date written YYYY-MM-DD']],
    ['an as_of that is not a real date', 'as_of: 2025-02-29\n', ['1:8 /as_of: must be a date written YYYY-MM-DD']],
    [
      'an addition that is already a framework id',
      'additions:\n  cohorts: [edge_of_care]\n',
      ['1:1 "edge_of_care" is already a framework cohort; additions must be new ids'],
    ],
  ])('reports %s with its position', (_name, text, expected) => {
    expect(configErrors(text)).toEqual(expected);
  });

  it('an empty config file means all defaults', () => {
    const dir = caseload('# nothing yet\n');
    expect(loadConfig({ paths: [dir], cwd: dir }).config).toEqual(defaultConfig());
  });

  it('mergeSettings does not let __proto__ reach a prototype', () => {
    const merged = mergeSettings({ a: 1 } as Record<string, unknown>, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
