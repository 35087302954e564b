import { isAfter } from '../../text/dates.js';
import type { CaseData } from '../../model/caseTypes.js';
import { isTaskDone, taskGapSeverity } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** Parties who must agree the transition plan, from the sharing tokens that name people who can agree. */
function partiesToAgree(data: CaseData, tokens: readonly string[]): { party: string; role: string }[] {
  const people = data.people ?? [];
  const parties: { party: string; role: string }[] = [];
  if (tokens.includes('child')) parties.push({ party: 'child', role: 'the child' });
  if (tokens.includes('parents_with_pr')) {
    for (const p of people)
      if (p.pr === true && (p.returning_to === true || p.household === true))
        parties.push({ party: p.id, role: 'parent with PR in the home the child returns to' });
  }
  if (tokens.includes('carers')) {
    for (const p of people) if (p.carer === true) parties.push({ party: p.id, role: 'carer' });
  }
  if (tokens.includes('iro')) parties.push({ party: 'iro', role: 'the IRO' });
  return parties;
}

export const transitionAgreed: CaseRule = {
  id: 'stage4/transition-agreed',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A finished transition plan was agreed before the planned return by the child, the parents at home, the carers and the IRO',
  docs: {
    why:
      'The move home works when everyone involved knows and accepts the contact steps, the support from day one and the warning signs. ' +
      'The plan must be agreed before the move, by the child, each parent with parental responsibility in the home the child returns to, the carers and the IRO (the parties come from sharing.required_parties).',
    fails: 'tasks:\n  transition_plan: { status: done, date: 2026-03-01 }\ntransition: { agreed: 2026-04-03, agreed_by: [mum], planned_return: 2026-04-01 }',
    passes:
      'tasks:\n  transition_plan: { status: done, date: 2026-03-01 }\ntransition: { agreed: 2026-03-01, agreed_by: [child, mum, fc, iro], planned_return: 2026-04-01 }',
  },
  check(view, ctx) {
    const { data } = view;
    const transition = data.transition;
    // A done task with no transition record at all is the task/record consistency check's concern.
    if (!isTaskDone(data, 'transition_plan') || !transition) return [];
    const severity = taskGapSeverity(data, 'transition_plan');
    const problems: RuleProblem[] = [];
    if (!transition.agreed)
      problems.push({ path: '/transition/agreed', message: 'the transition plan is done but has no date it was agreed (agreed)', ...severity });
    if (!transition.planned_return)
      problems.push({
        path: '/transition/planned_return',
        message: 'the transition plan is done but has no planned return date (planned_return)',
        ...severity,
      });
    if (transition.agreed && transition.planned_return && isAfter(transition.agreed, transition.planned_return)) {
      problems.push({
        path: '/transition/agreed',
        message: `the transition plan was agreed on ${transition.agreed}, after the planned return on ${transition.planned_return}: it must be agreed before the move`,
        ...severity,
      });
    }
    const agreedBy = new Set(transition.agreed_by ?? []);
    for (const { party, role } of partiesToAgree(data, ctx.config.sharing.required_parties)) {
      if (agreedBy.has(party)) continue;
      problems.push({ path: '/transition/agreed_by', message: `the transition plan is not recorded as agreed by ${party} (${role})`, ...severity });
    }
    return problems;
  },
};
