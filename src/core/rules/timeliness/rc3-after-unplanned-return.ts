import { rc3AfterUnplannedReturnOverdue } from '../../status/timeliness.js';
import type { CaseRule } from '../types.js';

export const rc3AfterUnplannedReturn: CaseRule = {
  id: 'timeliness/rc3-after-unplanned-return',
  scope: 'case',
  defaultSeverity: 'warning',
  description:
    'After an unplanned return, risk is classified at the post-return point (rc3_post_return) and signed off promptly (reviews.rc3_after_unplanned_return_days)',
  docs: {
    why:
      'A child who went home before the assessment, classification and decision were complete (a parent ended s20, say) is at home on risk nobody has graded, and an unplanned return is itself a risk factor for breakdown. ' +
      'The framework asks for the risk to be classified at the post-return point (rc3_post_return) so the team can decide what support, monitoring or protection the child needs now; ' +
      'this rule expects that classification, signed off by the team manager, within the local number of days of the return date (28 by default, the stage 2 timescale for classifying and deciding). ' +
      'It is a timeliness warning like the other timescale rules: it names how overdue the classification is, and stops once a signed-off RC3 dated on or after the return is recorded. Closed cases are not checked.',
    fails: '# as of 2026-11-01; RC3 due within 28 days of the return\nstage: 5\nreturn:\n  unplanned: true\n  returned: 2026-05-15\nclassifications: []',
    passes:
      'stage: 5\nreturn:\n  unplanned: true\n  returned: 2026-05-15\nclassifications:\n' +
      '  - { date: 2026-06-05, point: rc3_post_return, level: high, suggested: high, by: "SW R.M.",\n      signed_off: { by: "TM D.E.", date: 2026-06-08 } }',
  },
  check(view, ctx) {
    const found = rc3AfterUnplannedReturnOverdue(view.data, ctx.config, ctx.asOf);
    if (!found) return [];
    const { returned, days, due, late, unsigned } = found;
    const overdue = `post-return classification (rc3_post_return) overdue by ${late} day${late === 1 ? '' : 's'}`;
    const expected = `after the unplanned return on ${returned}, risk should be classified and signed off by the team manager within ${days} days (by ${due})`;
    if (unsigned) {
      return [
        {
          path: `/classifications/${unsigned.index}/signed_off`,
          message: `${overdue}: the classification of ${unsigned.record.date} has no manager's sign-off, and ${expected}`,
        },
      ];
    }
    return [{ path: '/return/unplanned', message: `${overdue}: ${expected}, and none is recorded` }];
  },
};
