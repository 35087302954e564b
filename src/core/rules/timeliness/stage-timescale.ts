import { STAGES } from '../../model/ids.js';
import { stageClock } from '../../status/timeliness.js';
import type { CaseRule } from '../types.js';

function weeksAndDays(days: number): string {
  const [w, d] = [Math.floor(days / 7), days % 7];
  return [w > 0 ? `${w} week${w === 1 ? '' : 's'}` : '', d > 0 ? `${d} day${d === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ');
}

export const stageTimescale: CaseRule = {
  id: 'timeliness/stage-timescale',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A stage is not open longer than its local timescale (timescales.stage_weeks)',
  docs: {
    why:
      'Drift harms children: a child waits in care while assessment, goals or planning run on with no decision. ' +
      "A stage open past the local timescale is a prompt for the manager to ask what is holding it up and whether the child's timescales are being met. " +
      'A stage starts when the last task of the stage before it was done (stage 1 when the case opened; stage 5 on the return home after an unplanned return). ' +
      'Decisions count once signed off. A signed-off Decision 3 to extend_work gives more time on the stage 3 goals, then a new RC2 (docs/framework.md Stage 4): ' +
      'stages 3 and 4 run again from the decision, so stage 3 gets its full timescale again from that date, and a stage 4 with no stage 3 task dated since the extension gets the stage 3 and stage 4 timescales together. ' +
      'The free-text timescale of the decision is not read. ' +
      'While the standing decision is no_return the case has left the pathway (support_if_no_return, then closure, until a trigger reopens it), so no stage is timed.',
    fails: '# as of 2026-11-01; stage 1 expected within 8 weeks\nstage: 1\nopened: 2026-07-01',
    passes:
      '# as of 2026-11-01; stage 3 runs again from the extend_work decision: 26 weeks from 2026-07-06\nstage: 3\ntasks:\n  decision_shared: { status: done, date: 2025-11-20 }\n' +
      'decisions:\n  - { date: 2026-07-06, point: rc2_d3, outcome: extend_work, signed_off: { by: "TM A.O.", date: 2026-07-06 } }',
  },
  check(view, ctx) {
    const clock = stageClock(view.data, ctx.config, ctx.asOf);
    if (!clock?.overdue) return [];
    const { id } = STAGES[clock.stage - 1]!; // STAGES lists stages 1 to 5 in order
    return [
      {
        path: '/stage',
        message: `stage ${clock.stage} (${id}) has been open ${weeksAndDays(clock.days)} since ${clock.from} on ${clock.start}, longer than the local timescale of ${clock.limitWeeks} weeks${clock.limitBasis ? ` (${clock.limitBasis})` : ''}`,
      },
    ];
  },
};
