import type { CaseRule, RuleProblem } from '../types.js';

export const transitionPlanComplete: CaseRule = {
  id: 'stage4/transition-plan-complete',
  scope: 'case',
  defaultSeverity: 'warning',
  description: "An agreed transition plan has warning signs with agreed responses, school and health arrangements, and the parents' and carers' views",
  docs: {
    why:
      'Returns break down most often in the first months, and a plan that names the early signs of trouble, and what each person will do when they see them, lets the network act before a crisis. ' +
      'The move also changes the child’s school run and health care, and the plan is agreed with the people who will carry it out, so their views belong in it. ' +
      'Once `transition.agreed` is set, this rule asks for `warning_signs` (each `{ sign, response }`), `school`, `health` and `views` (`{ party, view }`). Closed cases are not checked.',
    fails: 'transition: { agreed: 2026-03-01, agreed_by: [child, mum, fc, iro], planned_return: 2026-04-01 }',
    passes:
      'transition:\n  agreed: 2026-03-01\n  agreed_by: [child, mum, fc, iro]\n  planned_return: 2026-04-01\n' +
      '  warning_signs:\n    - { sign: "Ms A misses a test", response: "Key worker tells the social worker the same day; visit within two working days" }\n' +
      '  school: "Same school; the DSL checks in weekly for the first term"\n  health: "Same GP; health assessment moved to May"\n' +
      '  views:\n    - { party: mum, view: "Ready; wants Mrs A involved in the first weeks" }',
  },
  check(view) {
    const { data } = view;
    const t = data.transition;
    if (data.stage === 'closed' || !t?.agreed) return [];
    const missing: RuleProblem[] = [];
    const on = `the transition plan agreed on ${t.agreed}`;
    if ((t.warning_signs ?? []).length === 0)
      missing.push({ path: '/transition/agreed', message: `${on} has no warning signs with agreed responses (transition.warning_signs)` });
    for (const field of ['school', 'health'] as const) {
      if (typeof t[field] !== 'string' || t[field].trim() === '')
        missing.push({ path: '/transition/agreed', message: `${on} has no ${field} arrangements for the move (transition.${field})` });
    }
    if ((t.views ?? []).length === 0) missing.push({ path: '/transition/agreed', message: `${on} records no parents' or carers' views (transition.views)` });
    return missing;
  },
};
