import { describe, expect, it } from 'vitest';
import { duplicateId } from '../../src/core/rules/caseload/duplicate-id.js';
import { AS_OF, ruleTable, stage1Case, viewOf } from './harness.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { present } from '../present.js';

ruleTable(duplicateId, { valid: [{ name: 'a case alone', data: stage1Case() }], invalid: [] });

describe('caseload/duplicate-id across files', () => {
  const ctx = { asOf: AS_OF, config: defaultConfig() };
  it('reports both files when ids differ only in letter case', () => {
    const a = viewOf({ name: 'a', data: { ...stage1Case(), id: 'RF-9001' } });
    const b = viewOf({ name: 'b', data: { ...stage1Case(), id: 'rf-9001' } });
    const c = viewOf({ name: 'c', data: { ...stage1Case(), id: 'RF-9002' } });
    const got = duplicateId.check([a, b, c], ctx);
    expect([...got.keys()].sort()).toEqual([0, 1]);
    expect(present(got.get(0)?.[0]).message).toBe('id "RF-9001" is also used by "rf-9001" (ids must be unique, ignoring letter case)');
  });
});
