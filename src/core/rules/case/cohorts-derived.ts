import type { CaseData } from '../../model/caseTypes.js';
import type { ReunifyConfig } from '../../model/config.js';
import { ageOn } from '../../text/dates.js';
import { CARE_ORDER_STATUSES } from '../../model/ids.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** What the file says about one cohort: in it (with why), not in it (with why), or nothing either way. */
type Finding = { in: boolean; because: string } | undefined;

/**
 * The cohorts (docs/framework.md §5.2) the file itself supports, worked out from the child's age,
 * legal status, proceedings, placement, placement moves, the parents' prior removals and the
 * child's wish to go home. placement_at_risk is not derived: no field says it.
 */
export function deriveCohorts(data: CaseData, config: Pick<ReunifyConfig, 'cohort_rules'>, asOf: string): Record<string, Finding> {
  const c = data.child;
  const t = config.cohort_rules;
  const lookedAfter = c.legal_status !== 'not_looked_after';
  const age = ageOn(c.dob, asOf);
  const moves = c.placement_moves;
  const removals = data.history?.parent_prior_removals;
  const at = (yes: boolean, because: string): Finding => ({ in: yes, because });
  return {
    teen_future_care_leaver: at(
      lookedAfter && age >= t.teen_age,
      `aged ${age}, ${lookedAfter ? 'looked after' : 'not looked after'}; from ${t.teen_age} while looked after`,
    ),
    wants_to_return: c.wants_to_return === undefined ? undefined : at(c.wants_to_return, `child.wants_to_return is ${c.wants_to_return}`),
    s20_placement: at(c.legal_status === 's20', `legal status ${c.legal_status}`),
    placement_with_parents:
      c.placement === undefined
        ? undefined
        : at(
            c.placement === 'parents' && (CARE_ORDER_STATUSES as readonly string[]).includes(c.legal_status),
            `placement ${c.placement}, legal status ${c.legal_status}`,
          ),
    // edge of care: not looked after and not a child who has gone home from care
    edge_of_care: at(
      !lookedAfter && !data.return?.returned && data.stage !== 'closed',
      lookedAfter ? `legal status ${c.legal_status}` : data.return?.returned ? 'went home from care' : 'not looked after',
    ),
    pre_proceedings: c.proceedings === undefined ? undefined : at(c.proceedings === 'pre_proceedings', `proceedings ${c.proceedings}`),
    parent_prior_removals: removals === undefined ? undefined : at(removals >= t.parent_prior_removals, `history.parent_prior_removals is ${removals}`),
    placement_disruptions: moves === undefined ? undefined : at(moves >= t.placement_moves, `${moves} placement moves; from ${t.placement_moves}`),
  };
}

export const cohortsDerived: CaseRule = {
  id: 'case/cohorts-derived',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'The cohorts tagged agree with what the file shows',
  docs: {
    why:
      'Cohorts are the groups of children whose return home should be considered (a young person in s20 who wants to go home, a teenager who may leave care, a child placed at home under a care order). ' +
      'Tagged by hand, a child is easily left out of the list a manager reviews. The rule works out each cohort the file supports, from the age (config cohort_rules.teen_age), legal status, proceedings, placement, placement moves (cohort_rules.placement_moves), the parents’ prior removals (cohort_rules.parent_prior_removals) and child.wants_to_return, ' +
      'and warns when one is not tagged, or when a tagged one contradicts the file. placement_at_risk and local cohorts are left to the worker.',
    fails: '# as of 2026-11-01\nchild: { dob: 2010-05-01, legal_status: s20, placement: foster, placement_moves: 4, wants_to_return: true }\ncohorts: []',
    passes:
      '# as of 2026-11-01\nchild: { dob: 2010-05-01, legal_status: s20, placement: foster, placement_moves: 4, wants_to_return: true }\ncohorts: [teen_future_care_leaver, wants_to_return, s20_placement, placement_disruptions]',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.stage === 'closed') return [];
    const tagged = new Set(data.cohorts ?? []);
    const problems: RuleProblem[] = [];
    for (const [cohort, finding] of Object.entries(deriveCohorts(data, ctx.config, ctx.asOf))) {
      if (!finding) continue;
      if (finding.in && !tagged.has(cohort))
        problems.push({ path: '/cohorts', message: `the file shows cohort ${cohort} (${finding.because}) but cohorts does not list it` });
      if (!finding.in && tagged.has(cohort)) {
        const index = (data.cohorts ?? []).indexOf(cohort);
        problems.push({ path: `/cohorts/${index}`, message: `cohort ${cohort} is tagged but the file does not support it (${finding.because})` });
      }
    }
    return problems;
  },
};
