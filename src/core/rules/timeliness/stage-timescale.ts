import { STAGES } from '../../ids.js';
import { stageClock } from '../../timeliness.js';
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
      "A stage open past the local timescale is a prompt for the manager to ask what is holding it up and whether the child's timescales are being met.",
    fails: '# as of 2026-11-01; stage 1 expected within 8 weeks\nstage: 1\nopened: 2026-07-01',
    passes: '# as of 2026-11-01\nstage: 1\nopened: 2026-09-20',
  },
  check(view, ctx) {
    const clock = stageClock(view.data, ctx.config, ctx.asOf);
    if (!clock?.overdue) return [];
    const { id } = STAGES[clock.stage - 1];
    return [
      {
        path: '/stage',
        message: `stage ${clock.stage} (${id}) has been open ${weeksAndDays(clock.days)} since ${clock.from} on ${clock.start}, longer than the local timescale of ${clock.limitWeeks} weeks`,
      },
    ];
  },
};
