import { isAfter } from '../../text/dates.js';
import { CARE_ORDER_STATUSES } from '../../model/ids.js';
import { hasReached } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

export const placementWithParentsApproved: CaseRule = {
  id: 'stage4/placement-with-parents-approved',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'Under a care order, a planned return home has the placement with parents approved before the move',
  docs: {
    why:
      'A child under a care order (final or interim) who goes home is placed with their parents and stays looked after. ' +
      'That placement needs the approval of the person the council names for it (often a senior manager or nominated officer) before the move, after the assessment of the home; ' +
      'transition.placement_approval records who approved it and when. A return the family brought about without a plan (return.unplanned) is not checked.',
    fails: 'stage: 5\nchild: { legal_status: s31 }\ntransition: { agreed: 2026-03-27, planned_return: 2026-05-11 }\nreturn: { returned: 2026-05-11 }',
    passes:
      'stage: 5\nchild: { legal_status: s31 }\ntransition: { agreed: 2026-03-27, planned_return: 2026-05-11,\n  placement_approval: { by: "HoS M.K.", date: 2026-04-20 } }\nreturn: { returned: 2026-05-11 }',
  },
  check(view) {
    const { data } = view;
    if (!(CARE_ORDER_STATUSES as readonly string[]).includes(data.child.legal_status)) return [];
    if (!hasReached(data, 5) || data.return?.unplanned === true || data.outcome?.status === 'not_returned' || !data.transition) return [];
    const approval = data.transition.placement_approval;
    const returned = data.return?.returned ?? data.transition.planned_return;
    if (!approval) {
      return [
        {
          path: '/transition',
          message: `the child is under a care order (${data.child.legal_status}) and went home with no approval of the placement with parents recorded (transition.placement_approval)`,
        },
      ];
    }
    if (returned && isAfter(approval.date, returned)) {
      return [
        {
          path: '/transition/placement_approval/date',
          message: `the placement with parents was approved on ${approval.date}, after the return on ${returned}`,
        },
      ];
    }
    return [];
  },
};
