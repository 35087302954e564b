import { frozenCopiesOf } from '../../workflow/frozenRecords.js';
import type { CaseRule } from '../types.js';

export const frozenCopy: CaseRule = {
  id: 'case/frozen-copy',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Every frozen copy a sign-off names is there, and its bytes still match the SHA-256 kept with the sign-off',
  docs: {
    why:
      'When a manager signs off a written assessment, a classification or a decision, `reunify signoff --sign` keeps a frozen copy of the written product as it was signed ' +
      "(Markdown and HTML, under `records/<case id>/` in the caseload) and records each copy's SHA-256 in the sign-off. `report` shows that copy afterwards. " +
      'A signed-off record never changes: a copy that has gone, or whose bytes no longer match, means the record the manager signed cannot be shown as it was. ' +
      'Restore the copy from a backup or from version control; never sign again or replace the hash to make the problem go away.',
    fails:
      'tasks:\n  written_assessment: { status: done, date: 2026-11-10, by: "SW T.T.", recommendation: return_if_goals_met,\n    signed_off: { by: "TM T.M.", date: 2026-11-12,\n      frozen: [{ path: ../records/RF-T001/assessment-2026-11-12.md, sha256: 0000… }] } }  # the file is missing, or its bytes changed',
    passes:
      'tasks:\n  written_assessment: { status: done, date: 2026-11-10, by: "SW T.T.", recommendation: return_if_goals_met,\n    signed_off: { by: "TM T.M.", date: 2026-11-12,\n      frozen: [{ path: ../records/RF-T001/assessment-2026-11-12.md, sha256: 9f86… }] } }  # the file is there, byte for byte',
  },
  check(view) {
    // a view without file access (a caseload-wide summary) cannot judge copies
    if (!view.frozenCopy) return [];
    return frozenCopiesOf(view.data).flatMap((copy) => {
      const found = view.frozenCopy!(copy.path);
      if ('missing' in found)
        return [
          {
            path: `${copy.pointer}/path`,
            message: `the frozen copy ${copy.path} of ${copy.item}, as signed off, is missing (${found.missing}): restore it; a signed-off record never changes`,
          },
        ];
      if (found.sha256 !== copy.sha256) {
        return [
          {
            path: `${copy.pointer}/sha256`,
            message: `the frozen copy ${copy.path} of ${copy.item} no longer matches the SHA-256 kept with the sign-off: it was changed after it was signed; restore it from a backup`,
          },
        ];
      }
      return [];
    });
  },
};
