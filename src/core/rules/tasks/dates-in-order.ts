import type { Classification, SignOff } from '../../model/caseTypes.js';
import { isAfter } from '../../text/dates.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** A sign-off dated before the thing it signs, or undefined. */
function signedTooEarly(path: string, what: string, dated: string | undefined, signedOff: SignOff | undefined): RuleProblem | undefined {
  if (!dated || !signedOff || !isAfter(dated, signedOff.date)) return undefined;
  return { path: `${path}/signed_off/date`, message: `${what} is signed off on ${signedOff.date}, before it is dated (${dated})` };
}

/** The earliest classification at a point, which a decision at that point cannot predate. */
function earliestAt(classifications: readonly Classification[], point: string): Classification | undefined {
  return classifications
    .filter((c) => c.point === point)
    .reduce<Classification | undefined>((first, c) => (first && !isAfter(first.date, c.date) ? first : c), undefined);
}

export const datesInOrder: CaseRule = {
  id: 'tasks/dates-in-order',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Tasks follow the case opening, decisions follow their classification, sign-off and sharing follow what they concern',
  docs: {
    why: 'The order of events is part of the evidence: a decision dated before the classification it rests on, or signed off before it was made, cannot show the reasoning the framework asks for, and is usually a mistyped date that will mislead reviews and audits.',
    fails:
      'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: medium, by: "SW J.P." }\ndecisions:\n  - { date: 2026-10-20, point: rc1_d2, outcome: return_if_goals_met }',
    passes:
      'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: medium, by: "SW J.P." }\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met,\n      signed_off: { by: "TM A.O.", date: 2026-10-30 }, shared: [ { party: mum, date: 2026-11-01 } ] }',
  },
  check(view) {
    const { data } = view;
    const problems: (RuleProblem | undefined)[] = [];
    for (const [task, entry] of Object.entries(data.tasks)) {
      if (entry.date && isAfter(data.opened, entry.date)) {
        problems.push({ path: `/tasks/${task}/date`, message: `task ${task} is dated ${entry.date}, before the case was opened (${data.opened})` });
      }
      problems.push(signedTooEarly(`/tasks/${task}`, `task ${task}`, entry.date, entry.signed_off));
    }
    const classifications = data.classifications ?? [];
    classifications.forEach((c, i) => problems.push(signedTooEarly(`/classifications/${i}`, `the ${c.point} classification`, c.date, c.signed_off)));
    (data.decisions ?? []).forEach((d, i) => {
      const basis = earliestAt(classifications, d.point);
      if (basis && isAfter(basis.date, d.date)) {
        problems.push({
          path: `/decisions/${i}/date`,
          message: `the ${d.point} decision is dated ${d.date}, before the ${d.point} classification it rests on (${basis.date})`,
        });
      }
      problems.push(signedTooEarly(`/decisions/${i}`, `the ${d.point} decision`, d.date, d.signed_off));
      (d.shared ?? []).forEach((s, j) => {
        if (s.date && isAfter(d.date, s.date)) {
          problems.push({
            path: `/decisions/${i}/shared/${j}/date`,
            message: `the ${d.point} decision was shared with ${s.party} on ${s.date}, before it was made (${d.date})`,
          });
        }
      });
    });
    return problems.filter((p): p is RuleProblem => p !== undefined);
  },
};
