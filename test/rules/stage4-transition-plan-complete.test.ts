import { transitionPlanComplete } from '../../src/core/rules/stage4/transition-plan-complete.js';
import { stage5Case } from './fixtures-later-stages.js';
import { ruleTable } from './harness.js';

const base = stage5Case();
const plan = base.transition!;

ruleTable(transitionPlanComplete, {
  valid: [
    { name: 'an agreed plan with every part', data: base },
    {
      name: 'a plan still being written (not agreed) is not checked yet',
      data: { ...base, transition: { planned_return: '2026-04-01' } },
    },
    { name: 'no transition plan (an unplanned return)', data: { ...base, transition: null, return: { ...base.return, unplanned: true } } },
  ],
  invalid: [
    {
      name: 'agreed with only dates and parties',
      data: { ...base, transition: { agreed: plan.agreed, agreed_by: plan.agreed_by, planned_return: plan.planned_return } },
      problems: [
        {
          path: '/transition/agreed',
          message: 'the transition plan agreed on 2026-03-01 has no warning signs with agreed responses (transition.warning_signs)',
        },
        { path: '/transition/agreed', message: 'the transition plan agreed on 2026-03-01 has no school arrangements for the move (transition.school)' },
        { path: '/transition/agreed', message: 'the transition plan agreed on 2026-03-01 has no health arrangements for the move (transition.health)' },
        { path: '/transition/agreed', message: "the transition plan agreed on 2026-03-01 records no parents' or carers' views (transition.views)" },
      ],
    },
    {
      name: 'a blank health entry is no arrangement',
      data: { ...base, transition: { ...plan, health: ' ' } },
      problems: [{ path: '/transition/agreed', message: /no health arrangements/ }],
    },
  ],
});
