import { ageOn } from '../../text/dates.js';
import type { CaseRule } from '../types.js';

export const leavingCareAge: CaseRule = {
  id: 'triggers/leaving-care-age',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A young person at leaving-care age (leaving_care_age) has a recorded decision about return home',
  docs: {
    why:
      'From 16, pathway planning for leaving care starts, and many older teenagers drift home unplanned and unsupported when care ends. ' +
      'A young person of that age with no decision about return home should be considered for a planned, supported return now.',
    fails: '# as of 2026-11-01; leaving_care_age 16\nchild: { dob: 2010-05-01 }\ndecisions: []',
    passes: 'child: { dob: 2010-05-01 }\ndecisions:\n  - { date: 2026-10-02, point: rc1_d2, outcome: return_if_goals_met }',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.stage === 'closed' || (data.decisions ?? []).length > 0) return [];
    const age = ageOn(data.child.dob, ctx.asOf);
    if (age < ctx.config.leaving_care_age) return [];
    return [
      {
        path: '/decisions',
        message: `young person is ${age} (leaving-care planning starts at ${ctx.config.leaving_care_age}) with no decision about return home recorded: consider a planned, supported return rather than drift`,
      },
    ];
  },
};
