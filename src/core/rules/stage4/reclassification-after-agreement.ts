import { isAfter } from '../../text/dates.js';
import { latestAt } from '../recordReaders.js';
import { gapSeverity, hasReached, isTaskDone } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

export const reclassificationAfterAgreement: CaseRule = {
  id: 'stage4/reclassification-after-agreement',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Before the return, risk is regraded (an rc2_d3 classification) after the parental agreement was signed',
  docs: {
    why:
      'The decision to return rests on whether the parents made the changes the agreement asked for. ' +
      'An RC2 regrading dated before the agreement was signed cannot reflect that work, so the return would rest on the baseline rather than on current evidence.',
    fails: 'stage: 5\nagreement: { signed: 2025-11-20 }\nclassifications:\n  - { date: 2025-10-28, point: rc1_d2, level: high, by: "SW J.P." }',
    passes:
      'stage: 5\nagreement: { signed: 2025-11-20 }\nclassifications:\n  - { date: 2025-10-28, point: rc1_d2, level: high, by: "SW J.P." }\n  - { date: 2026-02-20, point: rc2_d3, level: medium, by: "TM A.O." }',
  },
  check(view) {
    const { data } = view;
    const due = hasReached(data, 5) || (data.stage === 4 && isTaskDone(data, 'reclassification'));
    if (!due) return [];
    const signed = data.agreement?.signed;
    const rc2 = latestAt(data.classifications, 'rc2_d3');
    if (rc2 && (!signed || isAfter(rc2.record.date, signed))) return [];
    const message = !rc2
      ? 'no RC2 classification (point rc2_d3): risk must be regraded on current evidence before the return'
      : `the latest RC2 classification (rc2_d3, ${rc2.record.date}) is not dated after the agreement was signed on ${signed}: regrade risk on the evidence of the work done under the agreement`;
    return [{ path: rc2 ? `/classifications/${rc2.index}/date` : '/classifications', message, ...gapSeverity(data, 4) }];
  },
};
