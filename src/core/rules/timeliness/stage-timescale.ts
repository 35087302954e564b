import { daysBetween, latest } from '../../dates.js';
import { STAGES, TASKS_BY_STAGE, type StageNumber } from '../../ids.js';
import { taskOf } from '../progress.js';
import type { CaseData } from '../../caseTypes.js';
import type { CaseRule } from '../types.js';

/** When the current stage began: when the previous stage's last task was done (its gate met). */
function stageStart(data: CaseData, stage: StageNumber): { date: string; from: string } {
  if (stage > 1) {
    const done = latest(TASKS_BY_STAGE[(stage - 1) as StageNumber].map((task) => taskOf(data, task)?.date));
    if (done) return { date: done, from: `stage ${stage - 1} work finished` };
    // An unplanned return starts stage 5 without stage 4 work.
    if (stage === 5 && data.return?.returned) return { date: data.return.returned, from: 'the return home' };
  }
  return { date: data.opened, from: 'the case opened' };
}

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
    const { data } = view;
    if (data.stage === 'closed') return [];
    const weeks = ctx.config.timescales.stage_weeks[String(data.stage)];
    if (weeks === undefined) return [];
    const start = stageStart(data, data.stage);
    const days = daysBetween(start.date, ctx.asOf);
    if (days <= weeks * 7) return [];
    const { id } = STAGES[data.stage - 1];
    return [
      {
        path: '/stage',
        message: `stage ${data.stage} (${id}) has been open ${weeksAndDays(days)} since ${start.from} on ${start.date}, longer than the local timescale of ${weeks} weeks`,
      },
    ];
  },
};
