import type { CaseView, CaseloadRule, RuleProblem } from '../types.js';

const key = (id: string): string => id.toLowerCase();

export const siblingsConsistent: CaseloadRule = {
  id: 'caseload/siblings-consistent',
  scope: 'caseload',
  defaultSeverity: 'warning',
  description: 'Sibling links point at other cases in the caseload, and each sibling links back',
  docs: {
    why:
      "Brothers and sisters are often assessed, decided and returned together, and a plan for one child can change the other's. " +
      'A one-way or broken link means a worker opening one file will not see the sibling whose plan affects it. Ids are compared ignoring letter case, as for duplicate ids.',
    fails: '# cases/RF-0006.md\nid: RF-0006\nsiblings: [RF-0007]\n# cases/RF-0007.md\nid: RF-0007',
    passes: '# cases/RF-0006.md\nid: RF-0006\nsiblings: [RF-0007]\n# cases/RF-0007.md\nid: RF-0007\nsiblings: [RF-0006]',
  },
  check(views) {
    const byId = new Map<string, CaseView[]>();
    for (const v of views) byId.set(key(v.data.id), [...(byId.get(key(v.data.id)) ?? []), v]);
    const problems = new Map<number, RuleProblem[]>();
    views.forEach((view, i) => {
      const own = view.data.id;
      const found: RuleProblem[] = [];
      (view.data.siblings ?? []).forEach((sibling, j) => {
        const path = `/siblings/${j}`;
        const others = byId.get(key(sibling));
        if (key(sibling) === key(own)) found.push({ path, message: `case ${own} lists itself as a sibling` });
        else if (!others) found.push({ path, message: `sibling ${sibling} is not among the cases checked` });
        else if (!others.some((o) => (o.data.siblings ?? []).some((s) => key(s) === key(own)))) {
          found.push({ path, message: `sibling ${sibling} does not list ${own} among its siblings` });
        }
      });
      if (found.length > 0) problems.set(i, found);
    });
    return problems;
  },
};
