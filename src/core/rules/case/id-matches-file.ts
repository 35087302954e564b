import type { CaseRule } from '../types.js';

export const idMatchesFile: CaseRule = {
  id: 'case/id-matches-file',
  scope: 'case',
  defaultSeverity: 'error',
  description: "A case's id equals its file name (without .md)",
  docs: {
    why: "Practice leads find a child's file by its case reference. When `id` and the file name differ, links between siblings, the caseload view and reports point at the wrong file.",
    fails: '# file RF-0002.md\nid: RF-0020',
    passes: '# file RF-0002.md\nid: RF-0002',
  },
  check(view) {
    if (view.data.id === view.stem) return [];
    return [{ path: '/id', message: `id "${view.data.id}" does not match the file name "${view.stem}.md"` }];
  },
};
