import { placementWithParentsApproved } from '../../src/core/rules/stage4/placement-with-parents-approved.js';
import { ruleTable } from './harness.js';
import { stage5Case } from './fixtures-later-stages.js';

const underOrder = (legal_status: string, transition: object = {}, ret: object = {}) => {
  const base = stage5Case();
  return { ...base, child: { ...base.child, legal_status }, transition: { ...base.transition, ...transition }, return: { ...base.return, ...ret } };
};
const approval = (date: string) => ({ placement_approval: { by: 'HoS M.K.', date } });

ruleTable(placementWithParentsApproved, {
  valid: [
    { name: 's20: no approval needed', data: stage5Case() },
    { name: 'care order, approved before the return', data: underOrder('s31', approval('2026-04-20'), { returned: '2026-05-11' }) },
    { name: 'interim care order, approved on the day of the return', data: underOrder('s38', approval('2026-05-11'), { returned: '2026-05-11' }) },
    { name: 'care order, unplanned return: not checked', data: underOrder('s31', {}, { unplanned: true }) },
    { name: 'care order, still at stage 3', data: { ...underOrder('s31'), stage: 3 } },
  ],
  invalid: [
    {
      name: 'care order, home with no approval recorded',
      data: underOrder('s31'),
      problems: [
        {
          path: '/transition',
          message:
            'the child is under a care order (s31) and went home with no approval of the placement with parents recorded (transition.placement_approval)',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'interim care order, approval dated after the return',
      data: underOrder('s38', approval('2026-05-20'), { returned: '2026-05-11' }),
      problems: [
        { path: '/transition/placement_approval/date', message: 'the placement with parents was approved on 2026-05-20, after the return on 2026-05-11' },
      ],
    },
  ],
});
