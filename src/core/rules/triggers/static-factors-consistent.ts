import { isAfter, isOlderThan } from '../../text/dates.js';
import type { CaseData } from '../../model/caseTypes.js';
import { currentFactorEntries } from '../../classify/factorEntries.js';
import type { CaseRule, RuleContext, RuleProblem } from '../types.js';

/** What the record implies for a static factor, worked out as the classification engine does (classify.ts). */
function implied(data: CaseData, factor: string, ctx: RuleContext): { present: boolean; because: string } | undefined {
  const count = (n: number | undefined, field: string) => (n === undefined ? undefined : { present: n > 0, because: `history records ${field}: ${n}` });
  switch (factor) {
    case 'previous_failed_return':
      return count(data.history?.failed_returns, 'failed_returns');
    case 'previous_child_removals':
      return count(data.history?.parent_prior_removals, 'parent_prior_removals');
    case 'unplanned_return':
      return data.return?.unplanned === true
        ? { present: true, because: 'the return is recorded as unplanned (return.unplanned)' }
        : { present: false, because: 'no unplanned return is recorded (return.unplanned)' };
    case 'child_age_over_10': {
      // The age that matters is the age on going home: actual, else planned, else as-of.
      const returned = data.return?.returned && !isAfter(data.return.returned, ctx.asOf) ? data.return.returned : undefined;
      const on = returned ?? data.transition?.planned_return ?? ctx.asOf;
      const when = returned ? `on the return (${on})` : data.transition?.planned_return ? `on the planned return (${on})` : `on ${on}`;
      const over = isOlderThan(data.child.dob, 10, on);
      return { present: over, because: `the child is ${over ? '' : 'not '}over 10 ${when}, from the date of birth` };
    }
    default:
      return undefined;
  }
}

export const staticFactorsConsistent: CaseRule = {
  id: 'triggers/static-factors-consistent',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A static factor entered by hand agrees with what history, date of birth and the return record imply',
  docs: {
    why:
      'Static factors (age over 10, a previous failed return, earlier removals, an unplanned return) are facts of the history, worked out from the record; they never resolve. ' +
      'An entry that contradicts the history misstates the risk in the classification and in every report built on it, so correct whichever of the two is wrong. ' +
      'Only the entry that stands on the as-of date is compared (the latest for the factor and person): an earlier entry a later one replaced is part of the dated record, not a contradiction.',
    fails: 'history: { failed_returns: 1 }\nfactors:\n  - { id: previous_failed_return, status: absent }',
    passes: 'history: { failed_returns: 1 }\nfactors:\n  - { id: previous_failed_return, status: present }',
  },
  check(view, ctx) {
    const { data } = view;
    const problems: RuleProblem[] = [];
    for (const { entry, index: i } of currentFactorEntries(data, ctx.asOf)) {
      if (entry.status === 'unknown') continue;
      const fact = implied(data, entry.id, ctx);
      if (!fact) continue;
      const enteredPresent = entry.status !== 'absent';
      if (enteredPresent === fact.present) continue;
      problems.push({ path: `/factors/${i}/status`, message: `factor ${entry.id} is entered as ${entry.status}, but ${fact.because}` });
    }
    return problems;
  },
};
