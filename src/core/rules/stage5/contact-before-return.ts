import { isAfter } from '../../text/dates.js';
import { isUnplannedReturn } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const contactBeforeReturn: CaseRule = {
  id: 'stage5/contact-before-return',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Every phase of increasing contact starts before the return home',
  docs: {
    why:
      'A phased return, with contact increasing step by step up to the transfer of care, is one of the protective factors for a lasting return. ' +
      'A contact phase dated on or after the return was not part of the build-up: check the dates, or record the return as unplanned if it happened early.',
    fails: 'return:\n  contact_phases:\n    - { from: 2026-04-05, pattern: "Overnights" }\n  returned: 2026-04-01',
    passes: 'return:\n  contact_phases:\n    - { from: 2026-03-06, to: 2026-03-20, pattern: "Day visits" }\n  returned: 2026-04-01',
  },
  check(view) {
    const { data } = view;
    const returned = data.return?.returned;
    if (!returned) return [];
    const severity = isUnplannedReturn(data) ? { severity: 'warning' as const } : {};
    const problems: RuleProblem[] = [];
    (data.return?.contact_phases ?? []).forEach((phase, i) => {
      if (isAfter(returned, phase.from)) return;
      problems.push({
        path: `/return/contact_phases/${i}/from`,
        message: `contact phase ${i + 1} starts on ${phase.from}, not before the return on ${returned}: phased contact leads up to the move home`,
        ...severity,
      });
    });
    return problems;
  },
};
