import { latestAt } from '../recordReaders.js';
import { isUnplannedReturn } from '../../workflow/stageProgress.js';
import type { CaseData } from '../../model/caseTypes.js';
import type { CaseRule, RuleProblem } from '../types.js';

function stageWords(data: CaseData): string {
  return data.stage === 'closed' ? 'the case is closed after a return home' : `the case is at stage ${data.stage}`;
}

export const returnNeedsProceed: CaseRule = {
  id: 'stage4/return-needs-proceed',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A child goes home only on a signed-off Decision 3 to proceed, and the stage agrees with the latest Decision 3',
  docs: {
    why:
      'A planned return needs a recorded, signed-off decision to proceed (rc2_d3 proceed_to_return), so the manager owns the judgement and the IRO can challenge it. ' +
      'A later decision to extend the work or not to return means the child should not be at home under this plan; after an unplanned return the mismatch is still flagged, as a warning.',
    fails: 'stage: 5\ndecisions:\n  - { date: 2026-02-22, point: rc2_d3, outcome: extend_work, signed_off: { by: "TM A.O.", date: 2026-02-22 } }',
    passes: 'stage: 5\ndecisions:\n  - { date: 2026-02-22, point: rc2_d3, outcome: proceed_to_return, signed_off: { by: "TM A.O.", date: 2026-02-22 } }',
  },
  check(view) {
    const { data } = view;
    const home = data.stage === 5 || (data.stage === 'closed' && Boolean(data.return?.returned));
    if (!home) return [];
    const unplanned = isUnplannedReturn(data);
    const problems: RuleProblem[] = [];
    const proceed = (data.decisions ?? []).map((d, index) => ({ d, index })).filter(({ d }) => d.point === 'rc2_d3' && d.outcome === 'proceed_to_return');
    if (!unplanned && proceed.length === 0) {
      problems.push({
        path: '/decisions',
        message: `${stageWords(data)} but there is no Decision 3 (rc2_d3) to proceed_to_return: a planned return needs a recorded decision`,
      });
    } else if (!unplanned && !proceed.some(({ d }) => d.signed_off)) {
      const last = proceed[proceed.length - 1]!; // not empty: the branch above takes an empty list
      problems.push({
        path: `/decisions/${last.index}/signed_off`,
        message: `Decision 3 (rc2_d3) to proceed_to_return on ${last.d.date} has no manager sign-off, but ${stageWords(data)}`,
      });
    }
    const latest = latestAt(data.decisions, 'rc2_d3');
    if (latest && latest.record.outcome !== 'proceed_to_return') {
      const { record, index } = latest;
      const expected = record.outcome === 'extend_work' ? 'so the case should be at stage 3 or 4' : 'so the child should not be going home under this plan';
      problems.push({
        path: `/decisions/${index}/outcome`,
        message: `the latest Decision 3 (rc2_d3, ${record.date}) is ${record.outcome}, ${expected}, but ${stageWords(data)}`,
        ...(unplanned ? { severity: 'warning' as const } : {}),
      });
    }
    return problems;
  },
};
