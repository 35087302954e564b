import { describe, expect, it } from 'vitest';
import { siblingsConsistent } from '../../src/core/rules/caseload/siblings-consistent.js';
import { AS_OF, ruleTable, stage1Case, viewOf } from './harness.js';
import { defaultConfig } from '../../src/io/loadConfig.js';

ruleTable(siblingsConsistent, {
  valid: [
    { name: 'no siblings', data: stage1Case() },
    { name: 'an empty sibling list', data: { ...stage1Case(), siblings: [] } },
  ],
  invalid: [
    {
      name: 'a case listing itself',
      data: { ...stage1Case(), siblings: ['rf-t001'] },
      problems: [{ path: '/siblings/0', message: 'case RF-T001 lists itself as a sibling' }],
    },
    {
      name: 'a sibling not in the caseload',
      data: { ...stage1Case(), siblings: ['RF-T009'] },
      problems: [{ path: '/siblings/0', message: 'sibling RF-T009 is not among the cases checked', severity: 'warning' }],
    },
  ],
});

describe('caseload/siblings-consistent across files', () => {
  const ctx = { asOf: AS_OF, config: defaultConfig() };
  const caseWith = (id: string, siblings: string[]) => viewOf({ name: id, data: { ...stage1Case(), id, siblings } });

  it('accepts siblings that list each other, ignoring letter case', () => {
    const got = siblingsConsistent.check(
      [caseWith('RF-0006', ['RF-0007', 'rf-0008']), caseWith('RF-0007', ['RF-0006', 'RF-0008']), caseWith('RF-0008', ['rf-0006', 'RF-0007'])],
      ctx,
    );
    expect(got.size).toBe(0);
  });

  it('reports a one-way link on the case that makes it', () => {
    const got = siblingsConsistent.check([caseWith('RF-0006', ['RF-0007']), caseWith('RF-0007', [])], ctx);
    expect([...got.keys()]).toEqual([0]);
    expect(got.get(0)).toEqual([{ path: '/siblings/0', message: 'sibling RF-0007 does not list RF-0006 among its siblings' }]);
  });
});
