import { leavingCareAge } from '../../src/core/rules/triggers/leaving-care-age.js';
import { ruleTable, stage1Case } from './harness.js';
import { stage3Case } from './fixtures-later-stages.js';

const aged = (dob: string) => ({ ...stage1Case(), child: { ...stage1Case().child, dob } });
const MESSAGE = (age: number, from: number) =>
  `young person is ${age} (leaving-care planning starts at ${from}) with no decision about return home recorded: consider a planned, supported return rather than drift`;

ruleTable(leavingCareAge, {
  valid: [
    { name: 'aged 8', data: stage1Case() },
    { name: 'turns 16 tomorrow', data: aged('2010-11-02') },
    { name: '16 with a decision recorded', data: { ...stage3Case(), child: { ...stage3Case().child, dob: '2010-05-01' } } },
    { name: 'closed', data: { ...aged('2009-01-01'), stage: 'closed', outcome: { status: 'not_returned', date: '2026-10-01' } } },
  ],
  invalid: [
    { name: '16 today, no decision', data: aged('2010-11-01'), problems: [{ path: '/decisions', message: MESSAGE(16, 16), severity: 'warning' }] },
    {
      name: 'a local leaving-care age of 15',
      data: aged('2011-06-01'),
      config: { leaving_care_age: 15 },
      problems: [{ path: '/decisions', message: MESSAGE(15, 15) }],
    },
    {
      name: 'an empty decisions list counts as none',
      data: { ...aged('2009-03-01'), decisions: [] },
      problems: [{ path: '/decisions', message: MESSAGE(17, 16) }],
    },
  ],
});
