// Generated cases (training packs, the benchmark caseloads) follow the settings of the
// config they are given, and the shipped defaults come from config/default.yaml alone:
// a copy of a default kept in the generators would drift from it unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReunifyConfig } from '../../src/core/model/config.js';
import { generateCase } from '../../src/core/training/generate.js';
import type { StageValue } from '../../src/core/model/ids.js';
import { createRng } from '../../src/core/training/random.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { present } from '../present.js';

const AS_OF = '2026-11-01';
const STAGES: StageValue[] = [1, 2, 3, 4, 5, 'closed'];

function generate(config: ReunifyConfig, count = 60) {
  return Array.from(
    { length: count },
    (_, i) =>
      generateCase(createRng(i * 7 + 1), {
        id: `TR-${i}`,
        stage: present(STAGES[i % STAGES.length], 'a stage'),
        asOf: AS_OF,
        config,
        suggest: false,
        scenario: i % 2 === 0 ? 'cohorts' : undefined,
      }).data,
  );
}

describe('the case generator takes its settings from the config', () => {
  it('writes the assessment recommendation the config maps the level to at RC1', () => {
    const shipped = new Set(
      generate(defaultConfig())
        .map((d) => d.tasks?.written_assessment?.recommendation)
        .filter(Boolean),
    );
    expect(shipped.size).toBeGreaterThan(1);
    const config = defaultConfig();
    config.decision_map.rc1_d2 = { low: 'no_return', medium: 'no_return', high: 'no_return', very_high: 'no_return' };
    const local = new Set(
      generate(config)
        .map((d) => d.tasks?.written_assessment?.recommendation)
        .filter(Boolean),
    );
    expect([...local]).toEqual(['no_return']);
  });

  it('tags cohorts by the config thresholds', () => {
    const teen = (config: ReunifyConfig) => generate(config).filter((d) => d.cohorts?.includes('teen_future_care_leaver')).length;
    expect(teen(defaultConfig())).toBeGreaterThan(0);
    const config = defaultConfig();
    config.cohort_rules.teen_age = 18;
    expect(teen(config)).toBe(0);
  });

  it.each(['src/core/training/generate.ts', 'bench/generate-varied.mjs', 'bench/generate.mjs'])('%s keeps no copy of a shipped default', (file) => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const defaults = defaultConfig();
    const copies = [
      ...Object.keys(defaults.cohort_rules).map((key) => new RegExp(`\\b${key}\\s*:\\s*\\d`)),
      ...Object.keys(defaults.reviews).map((key) => new RegExp(`\\b${key}\\s*:\\s*\\d`)),
      // a decision map written out: a level keyed to its default decision
      ...Object.values(defaults.decision_map).flatMap((map) =>
        Object.entries(map ?? {}).map(([level, decision]) => new RegExp(`\\b${level}\\s*:\\s*['"]${decision}['"]`)),
      ),
    ];
    expect(copies.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });
});
