import type { CaseloadRule, RuleProblem } from '../types.js';

export const duplicateId: CaseloadRule = {
  id: 'caseload/duplicate-id',
  scope: 'caseload',
  defaultSeverity: 'error',
  description: 'Case ids are unique in the caseload, compared without regard to letter case',
  docs: {
    why: 'Shared drives are often case-insensitive, so RF-0001 and rf-0001 can overwrite each other, and every command that names a case must find exactly one file.',
    fails: '# cases/RF-0001.md\nid: RF-0001\n# old/rf-0001.md\nid: rf-0001',
    passes: '# cases/RF-0001.md\nid: RF-0001\n# cases/RF-0002.md\nid: RF-0002',
  },
  check(views) {
    const byId = new Map<string, number[]>();
    views.forEach((v, i) => {
      const key = String(v.data.id).toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), i]);
    });
    const problems = new Map<number, RuleProblem[]>();
    for (const indexes of byId.values()) {
      if (indexes.length < 2) continue;
      // every index was taken from views above
      for (const i of indexes) {
        const others = indexes.filter((j) => j !== i).map((j) => `"${views[j]!.data.id}"`);
        problems.set(i, [
          { path: '/id', message: `id "${views[i]!.data.id}" is also used by ${others.join(', ')} (ids must be unique, ignoring letter case)` },
        ]);
      }
    }
    return problems;
  },
};
