import { addDays, addMonths, earliest, isAfter, latest } from '../../text/dates.js';
import { hasReached } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** Support counts as in place from day one if it starts within this many days of the return. */
const START_GRACE_DAYS = 14;

export const supportCoversReturn: CaseRule = {
  id: 'stage5/support-covers-return',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'The support package starts at the return and lasts at least the first months at home (reviews.post_return_visit_months)',
  docs: {
    why:
      'Returns without enough support are the ones that fail, and the first months at home carry the most risk. ' +
      'Support should be in place from day one (within two weeks of the return) and last at least as long as the close monitoring, unplanned returns included; services recorded as not delivered do not count.',
    fails:
      '# support needed for 6 months\nreturn:\n  returned: 2026-04-01\n  support_package:\n    - { service: "Family support worker", from: 2026-05-01, to: 2026-07-01 }',
    passes: 'return:\n  returned: 2026-04-01\n  support_package:\n    - { service: "Family support worker", from: 2026-04-01, to: 2026-10-01 }',
  },
  check(view, ctx) {
    const { data } = view;
    const returned = data.return?.returned;
    if (!returned || !hasReached(data, 5)) return [];
    const months = ctx.config.reviews.post_return_visit_months;
    // `to` is the last day of a service. A case closed early (e.g. re-entry to care) needs support only until it closed.
    const monthsEnd = addDays(addMonths(returned, months), -1);
    const closedOn = data.stage === 'closed' ? data.outcome?.date : undefined;
    const needUntil = earliest([monthsEnd, closedOn]) ?? monthsEnd;
    const period = needUntil === monthsEnd ? `the first ${months} months after the return on ${returned}` : `the case closed on ${needUntil}`;
    const startBy = addDays(returned, START_GRACE_DAYS);
    const services = (data.return?.support_package ?? []).map((s, index) => ({ ...s, index })).filter((s) => s.delivered !== 'not_delivered');
    if (services.length === 0) {
      return [
        {
          path: '/return/support_package',
          message: `no support service (other than any not delivered) is recorded for the return on ${returned}: support is needed from day one and for at least the first ${months} months`,
        },
      ];
    }
    const problems: RuleProblem[] = [];
    if (!services.some((s) => s.from !== undefined && !isAfter(s.from, startBy))) {
      problems.push({
        path: '/return/support_package',
        message: `no support service starts within ${START_GRACE_DAYS} days of the return on ${returned} (by ${startBy})`,
      });
    }
    if (!services.some((s) => s.to === undefined || !isAfter(needUntil, s.to))) {
      const lastEnd = latest(services.map((s) => s.to));
      const last = services.find((s) => s.to === lastEnd);
      problems.push({
        path: last ? `/return/support_package/${last.index}/to` : '/return/support_package',
        message: `the support package ends on ${lastEnd}, but support is needed until ${needUntil} (${period})`,
      });
    }
    return problems;
  },
};
