import type { CaseData, Classification, Decision } from '../../model/caseTypes.js';
import { daysBetween } from '../../text/dates.js';
import { POST_RETURN_GRACE_DAYS, STAGE_OF_POINT, gapSeverity, hasReached, isPast, isTaskDone } from '../../workflow/stageProgress.js';

// A missing RC1 record past stage 2 is the stage gate's to report (schemas/stage-3.schema.json); this rule checks records that exist.
import type { CaseRule, RuleProblem } from '../types.js';

type Kind = 'classification' | 'decision';

/** When a manager's sign-off is expected: once the case relies on the record (its task, classification or decision, is done, or the case has moved on). */
function signOffDue(data: CaseData, kind: Kind, record: Classification | Decision, asOf: string): boolean {
  switch (record.point) {
    case 'd1_start':
      // Decision 1 is the decision to begin: the work rests on it from the day it is recorded
      return true;
    case 'rc1_d2':
      return isPast(data, 2) || isTaskDone(data, kind);
    case 'rc2_d3':
      return isPast(data, 4) || (kind === 'classification' && isTaskDone(data, 'reclassification'));
    case 'rc3_post_return':
      return data.stage === 'closed' || daysBetween(record.date, asOf) >= POST_RETURN_GRACE_DAYS;
  }
}

function checkList(data: CaseData, kind: Kind, list: readonly (Classification | Decision)[], asOf: string): RuleProblem[] {
  const plural = kind === 'classification' ? 'classifications' : 'decisions';
  const problems: RuleProblem[] = [];
  list.forEach((record, i) => {
    if (record.signed_off || !signOffDue(data, kind, record, asOf)) return;
    problems.push({
      path: `/${plural}/${i}/signed_off`,
      message: `the ${record.point} ${kind} of ${record.date} has no manager's sign-off`,
      ...gapSeverity(data, STAGE_OF_POINT[record.point]),
    });
  });
  return problems;
}

export const signedOff: CaseRule = {
  id: 'stage2/signed-off',
  scope: 'case',
  defaultSeverity: 'error',
  description: "Classifications and decisions carry a manager's sign-off once the case relies on them",
  docs: {
    why:
      'Risk classification and the decision about return are shared judgements that the team manager owns with the social worker. ' +
      'A level or decision without sign-off is a proposal, not a decision the family, the IRO or a court can rely on: RC1 and Decision 2 before Stage 3, RC2 and Decision 3 before the return, and post-return reviews within two weeks.',
    fails: 'stage: 3\nclassifications:\n  - { date: 2026-10-28, point: rc1_d2, level: medium, suggested: medium, by: "SW J.P." }',
    passes:
      'stage: 3\nclassifications:\n  - { date: 2026-10-28, point: rc1_d2, level: medium, suggested: medium, by: "SW J.P.",\n      signed_off: { by: "TM A.O.", date: 2026-10-29 } }',
  },
  check(view, ctx) {
    const { data } = view;
    if (!hasReached(data, 2)) return [];
    return [...checkList(data, 'classification', data.classifications ?? [], ctx.asOf), ...checkList(data, 'decision', data.decisions ?? [], ctx.asOf)];
  },
};
