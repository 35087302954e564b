import { additionalSignoffs } from '../../src/core/rules/case/additional-signoffs.js';
import type { Decision } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { rc1Decision, stage3Case } from './fixtures-pathway.js';

const PANEL = { additional_signoffs: [{ role: 'permanence_panel', label: 'the permanence panel', point: 'rc1_d2', outcomes: ['no_return'] }] };
const ANY_RC1 = { additional_signoffs: [{ role: 'senior_manager', point: 'rc1_d2' }] };
const withDecision = (d: Partial<Decision>) => ({ ...stage3Case(), decisions: [rc1Decision(d)] });
const panel = (date: string) => ({ additional_signoffs: [{ role: 'permanence_panel', by: 'Permanence panel (chair HoS M.K.)', date }] });

ruleTable(additionalSignoffs, {
  valid: [
    { name: 'no further sign-off configured (the default)', data: withDecision({ outcome: 'no_return' }) },
    { name: 'configured for another outcome', data: withDecision({}), config: PANEL },
    { name: 'required and recorded', data: withDecision({ outcome: 'no_return', ...panel('2026-10-20') }), config: PANEL },
    { name: 'a decision dated after the as-of date is not yet due', data: withDecision({ outcome: 'no_return', date: '2026-11-20' }), config: PANEL },
  ],
  invalid: [
    {
      name: 'required for no_return and not recorded',
      data: withDecision({ outcome: 'no_return' }),
      config: PANEL,
      problems: [
        {
          path: '/decisions/0',
          message:
            "the rc1_d2 decision of 2026-10-14 (no_return) needs a sign-off by the permanence panel as well as the team manager's (config additional_signoffs), and none is recorded (additional_signoffs, role permanence_panel)",
          severity: 'warning',
        },
      ],
    },
    {
      name: 'required for every outcome at the point; the role without a label is named in words',
      data: withDecision({}),
      config: ANY_RC1,
      problems: [{ path: '/decisions/0', message: /needs a sign-off by senior manager as well/ }],
    },
    {
      name: 'a sign-off of another role does not count',
      data: withDecision({ outcome: 'no_return', additional_signoffs: [{ role: 'senior_manager', by: 'HoS M.K.', date: '2026-10-20' }] }),
      config: PANEL,
      problems: [{ path: '/decisions/0' }],
    },
    {
      name: 'recorded on a date after the as-of date: not given yet',
      data: withDecision({ outcome: 'no_return', ...panel('2026-11-20') }),
      config: PANEL,
      problems: [{ path: '/decisions/0' }],
    },
    {
      name: 'dated before the decision',
      data: withDecision({ outcome: 'no_return', ...panel('2026-10-01') }),
      config: PANEL,
      problems: [
        {
          path: '/decisions/0/additional_signoffs/0/date',
          message: 'the sign-off by the permanence panel is dated 2026-10-01, before the decision of 2026-10-14 it signs',
        },
      ],
    },
  ],
});
