import { returnNeedsProceed } from '../../src/core/rules/stage4/return-needs-proceed.js';
import type { CaseData, Decision } from '../../src/core/model/caseTypes.js';
import { ruleTable } from './harness.js';
import { stage3Case, stage5Case } from './fixtures-later-stages.js';

const rc2 = (outcome: string, extra: Partial<Decision> = {}): Decision => ({
  date: '2026-03-10',
  point: 'rc2_d3',
  outcome,
  signed_off: { by: 'TM A.O.', date: '2026-03-10' },
  ...extra,
});
const decided = (c: CaseData, ...more: Decision[]): CaseData => ({ ...c, decisions: [...(c.decisions ?? []).filter((d) => d.point !== 'rc2_d3'), ...more] });
const unplanned = (c: CaseData): CaseData => ({ ...c, return: { ...c.return, unplanned: true } });

ruleTable(returnNeedsProceed, {
  valid: [
    { name: 'stage 5 on a signed-off decision to proceed', data: stage5Case() },
    { name: 'unplanned return with no Decision 3', data: unplanned(decided(stage5Case())) },
    { name: 'stage 4 after a decision to extend the work', data: decided({ ...stage3Case(), stage: 4 }, rc2('extend_work')) },
    {
      name: 'extend_work, then a later decision to proceed',
      data: decided(stage5Case(), rc2('extend_work', { date: '2026-01-10' }), rc2('proceed_to_return')),
    },
  ],
  invalid: [
    {
      name: 'stage 5 with no Decision 3',
      data: decided(stage5Case()),
      problems: [
        {
          path: '/decisions',
          message: 'the case is at stage 5 but there is no Decision 3 (rc2_d3) to proceed_to_return: a planned return needs a recorded decision',
          severity: 'error',
        },
      ],
    },
    {
      name: 'closed after a return on an unsigned decision',
      data: {
        ...decided(stage5Case(), rc2('proceed_to_return', { signed_off: undefined })),
        stage: 'closed',
        outcome: { status: 'at_home', date: '2026-10-30' },
      },
      problems: [
        {
          path: '/decisions/2/signed_off',
          message: 'Decision 3 (rc2_d3) to proceed_to_return on 2026-03-10 has no manager sign-off, but the case is closed after a return home',
        },
      ],
    },
    {
      name: 'the latest Decision 3 is extend_work',
      data: decided(stage5Case(), rc2('proceed_to_return', { date: '2026-02-22' }), rc2('extend_work')),
      problems: [
        {
          path: '/decisions/3/outcome',
          message: 'the latest Decision 3 (rc2_d3, 2026-03-10) is extend_work, so the case should be at stage 3 or 4, but the case is at stage 5',
        },
      ],
    },
    {
      name: 'home after a no_return decision, unplanned: a warning',
      data: unplanned(decided(stage5Case(), rc2('no_return'))),
      problems: [
        {
          path: '/decisions/2/outcome',
          message: 'the latest Decision 3 (rc2_d3, 2026-03-10) is no_return, so the child should not be going home under this plan, but the case is at stage 5',
          severity: 'warning',
        },
      ],
    },
  ],
});
