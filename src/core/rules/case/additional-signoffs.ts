import { isAfter } from '../../text/dates.js';
import { missingRoleSignoffs, requiredRoleSignoffs, roleLabel } from '../../workflow/signoff.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const additionalSignoffs: CaseRule = {
  id: 'case/additional-signoffs',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A decision the local settings say needs a further sign-off (a senior manager, a permanence panel) has it',
  docs: {
    why:
      'Some decisions need more than the team manager: a council may ask for a senior manager to sign off a return home under a care order, ' +
      'or for the permanence panel to agree a plan that the child will not go home. Which decisions need whom is local, ' +
      'so the config lists them (additional_signoffs: role, decision point and outcomes); each decision that needs one records it in ' +
      'decisions[].additional_signoffs as { role, by, date }. None is required unless the config asks for it. ' +
      'A further sign-off dated before the decision it signs is reported too.',
    fails:
      '# config: additional_signoffs: [{ role: permanence_panel, point: rc1_d2, outcomes: [no_return] }]\n' +
      'decisions:\n  - { date: 2026-10-12, point: rc1_d2, outcome: no_return, reasons: "…",\n      signed_off: { by: "TM D.E.", date: 2026-10-13 } }',
    passes:
      '# config: additional_signoffs: [{ role: permanence_panel, point: rc1_d2, outcomes: [no_return] }]\n' +
      'decisions:\n  - { date: 2026-10-12, point: rc1_d2, outcome: no_return, reasons: "…",\n      signed_off: { by: "TM D.E.", date: 2026-10-13 },\n' +
      '      additional_signoffs: [{ role: permanence_panel, by: "Permanence panel (chair HoS M.K.)", date: 2026-10-20 }] }',
  },
  check(view, ctx) {
    const problems: RuleProblem[] = missingRoleSignoffs(view.data, ctx.config, ctx.asOf).map((m) => ({
      path: m.pointer,
      message: `the ${m.point} decision of ${m.date} (${m.outcome}) needs a sign-off by ${m.label} as well as the team manager's (config additional_signoffs), and none is recorded (additional_signoffs, role ${m.role})`,
    }));
    (view.data.decisions ?? []).forEach((d, i) => {
      const roles = new Map(requiredRoleSignoffs(d, ctx.config).map((r) => [r.role, r]));
      (d.additional_signoffs ?? []).forEach((s, j) => {
        if (isAfter(d.date, s.date)) {
          const rule = roles.get(s.role);
          problems.push({
            path: `/decisions/${i}/additional_signoffs/${j}/date`,
            message: `the sign-off by ${rule ? roleLabel(rule) : s.role.replace(/_/g, ' ')} is dated ${s.date}, before the decision of ${d.date} it signs`,
          });
        }
      });
    });
    return problems;
  },
};
