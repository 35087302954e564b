import { isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';
import { SECTION_HEADINGS, headingIs } from '../../parse/sectionHeadings.js';

export const caseHistorySection: CaseRule = {
  id: 'stage1/case-history-section',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A done case_history task has a "## Case history" section with content in the body',
  docs: {
    why:
      'The analytical case history (entries to care, earlier returns, siblings removed, services offered and used, and the patterns in them) is what the assessment and every later decision draw on. ' +
      'Marking it done while the file holds no history leaves the next worker, the IRO and the court without it.',
    fails: 'tasks:\n  case_history: { status: done, date: 2026-09-20 }\n---\n## Analysis\n…',
    passes: 'tasks:\n  case_history: { status: done, date: 2026-09-20 }\n---\n## Case history\n| Date | Event | Pattern |\n…',
  },
  check(view) {
    const { data } = view;
    if (!isTaskDone(data, 'case_history')) return [];
    const section = view.sections().find((s) => headingIs(s.heading, SECTION_HEADINGS.caseHistory));
    const gap = taskGapSeverity(data, 'case_history');
    if (!section) {
      return [{ path: '/tasks/case_history', message: 'the case history task is done but the body has no "## Case history" section', ...gap }];
    }
    if (section.content.trim() === '') {
      return [{ path: '/tasks/case_history', message: 'the case history task is done but the "## Case history" section is empty', ...gap }];
    }
    return [];
  },
};
