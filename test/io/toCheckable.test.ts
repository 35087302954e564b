import { describe, expect, it } from 'vitest';
import { checkCases } from '../../src/core/rules/check.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import type { LoadedCase } from '../../src/core/parse/caseFile.js';
import { toCheckable } from '../../src/io/checkFile.js';
import { present } from '../present.js';

describe('toCheckable', () => {
  it('sees the careful reading once verify() has replaced the fast one', () => {
    const { config } = loadConfig({ paths: ['examples/caseload'] });
    // a fast reading with a schema problem, which the careful parser then refuses outright
    const loaded: LoadedCase = {
      filePath: 'RF-X.md',
      stem: 'RF-X',
      problems: [],
      data: { reunify: 1, id: 'RF-X', '[object Object]': 'x' },
      parser: 'fast',
      locate: () => ({ line: 5, column: 1 }),
      verify() {
        this.problems.push({ ruleId: 'yaml-syntax', severity: 'error', message: 'keys must be plain values, not lists or maps', line: 5, column: 1 });
        this.data = undefined;
        this.parser = 'careful';
        return true;
      },
    };
    const { results } = checkCases([toCheckable(loaded)], { asOf: '2026-11-01', config });
    expect(present(results[0]).problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual(['5:1 yaml-syntax']);
    expect(present(results[0]).caseId).toBeUndefined();
  });
});
