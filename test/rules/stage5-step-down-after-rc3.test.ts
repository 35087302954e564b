import { stepDownAfterRc3 } from '../../src/core/rules/stage5/step-down-after-rc3.js';
import type { CaseData, Classification, Decision } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const steppedDown = (date: string, c: CaseData = stage5Case()): CaseData => ({
  ...c,
  tasks: { ...c.tasks, step_down: { status: 'done', date } },
  return: { ...c.return, step_down: { date, to: 'cin' } },
});
const rc3 = (date: string, level: Classification['level']): Classification => ({ date, point: 'rc3_post_return', level, by: 'SW J.P.' });
const classified = (...more: Classification[]): CaseData => ({ ...stage5Case(), classifications: [...stage5Case().classifications!, ...more] });
const stepDownDecision = (date: string): Decision => ({ date, point: 'rc3_post_return', outcome: 'step_down', signed_off: { by: 'TM A.O.', date } });

ruleTable(stepDownAfterRc3, {
  valid: [
    { name: 'not stepped down yet', data: stage5Case() },
    { name: 'stepped down after RC3 rated low', data: steppedDown('2026-10-10') },
    { name: 'RC3 medium on the day of the step down', data: steppedDown('2026-10-20', classified(rc3('2026-10-20', 'medium'))) },
    { name: 'a step_down decision after RC3 low', data: { ...stage5Case(), decisions: [...stage5Case().decisions!, stepDownDecision('2026-10-01')] } },
  ],
  invalid: [
    {
      name: 'stepped down before any RC3',
      data: steppedDown('2026-09-01'),
      problems: [
        {
          path: '/return/step_down/date',
          message:
            'step down to cin on 2026-09-01, with no post-return classification (rc3_post_return) on or before that date: step down only once risk is regraded low or medium after the return',
          severity: 'error',
        },
      ],
    },
    {
      name: 'the latest RC3 before the step down is high',
      data: steppedDown('2026-10-10', classified(rc3('2026-10-05', 'high'))),
      problems: [
        {
          path: '/return/step_down/date',
          message:
            'step down to cin on 2026-10-10, but the latest post-return classification before it (rc3_post_return, 2026-10-05) is high: step down needs low or medium',
        },
      ],
    },
    {
      name: 'the earliest record of the step down counts: a decision before RC3',
      data: { ...steppedDown('2026-10-10'), decisions: [...stage5Case().decisions!, stepDownDecision('2026-09-20')] },
      problems: [{ path: '/decisions/3/outcome', message: /^decision to step down on 2026-09-20, with no post-return classification/ }],
    },
    {
      name: 'task done without a date: judged as of today',
      data: { ...classified(rc3('2026-10-30', 'very_high')), tasks: { ...stage5Case().tasks, step_down: { status: 'done' } } },
      problems: [
        {
          path: '/tasks/step_down',
          message: /^task step_down done, but the latest post-return classification before it \(rc3_post_return, 2026-10-30\) is very_high/,
        },
      ],
    },
  ],
});
