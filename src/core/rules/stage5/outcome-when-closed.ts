import type { CaseRule } from '../types.js';

export const outcomeWhenClosed: CaseRule = {
  id: 'stage5/outcome-when-closed',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A closed case records its outcome (status and date); an open case has none yet',
  docs: {
    why:
      'Whether children stayed home, re-entered care or never returned is what tells a council if its return-home practice works, and what the caseload view and cost figures count. ' +
      'An outcome on a case that is still open usually means the stage was not moved to closed.',
    fails: 'stage: closed\noutcome: null',
    passes: 'stage: closed\noutcome: { status: at_home, date: 2027-04-01 }',
  },
  check(view) {
    const { data } = view;
    const hasOutcome = data.outcome !== undefined && data.outcome !== null;
    if (data.stage === 'closed' && !hasOutcome) {
      return [{ path: '/outcome', message: 'the case is closed but has no outcome: record at_home, re_entered_care or not_returned, with the date' }];
    }
    if (data.stage !== 'closed' && hasOutcome) {
      return [
        {
          path: '/outcome',
          message: `the case is still open at stage ${data.stage} but records an outcome (${data.outcome?.status}): close the case, or remove the outcome`,
          severity: 'warning',
        },
      ];
    }
    return [];
  },
};
