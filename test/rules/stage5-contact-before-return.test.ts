import { contactBeforeReturn } from '../../src/core/rules/stage5/contact-before-return.js';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const withReturn = (changes: object): CaseData => ({ ...stage5Case(), return: { ...stage5Case().return, ...changes } });

ruleTable(contactBeforeReturn, {
  valid: [
    { name: 'two phases before the return', data: stage5Case() },
    { name: 'no return yet', data: stage3Case() },
    { name: 'no contact phases recorded (left to the contact_plan task)', data: withReturn({ contact_phases: [] }) },
  ],
  invalid: [
    {
      name: 'a phase starting on the day of the return',
      data: withReturn({ contact_phases: [{ from: '2026-03-06' }, { from: '2026-04-01' }] }),
      problems: [
        {
          path: '/return/contact_phases/1/from',
          message: 'contact phase 2 starts on 2026-04-01, not before the return on 2026-04-01: phased contact leads up to the move home',
          severity: 'error',
        },
      ],
    },
    {
      name: 'phases after an unplanned return are warnings',
      data: withReturn({ unplanned: true, contact_phases: [{ from: '2026-04-10' }, { from: '2026-05-01' }] }),
      problems: [
        { path: '/return/contact_phases/0/from', message: /^contact phase 1 starts on 2026-04-10/, severity: 'warning' },
        { path: '/return/contact_phases/1/from', message: /^contact phase 2 starts on 2026-05-01/, severity: 'warning' },
      ],
    },
  ],
});
