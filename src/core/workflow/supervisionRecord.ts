// A reflective-supervision record as data: who met, the questions asked and the answers
// given, the actions agreed and the next supervision date. Written as YAML by
// src/io/supervisionRecord.ts and printed by src/report/supervisionDoc.ts.
import type { SupervisionPlan } from './supervision.js';

/** An action agreed in supervision: what, who does it, and by when. */
export interface AgreedAction {
  action: string;
  owner?: string;
  by?: string;
}

export interface SupervisionAnswers {
  supervisor?: string;
  worker?: string;
  /** Answers by question id; an unanswered question is left out. */
  answers: Record<string, string>;
  actions?: AgreedAction[];
  /** The date of the next supervision (YYYY-MM-DD). */
  nextSupervision?: string;
}

/** The record as data: what `supervisionRecordText` writes and a printed record shows. */
export function supervisionRecord(plan: SupervisionPlan, given: SupervisionAnswers, complete: boolean) {
  const asked = [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer];
  const answerOf = (id: string) => (Object.hasOwn(given.answers, id) && given.answers[id]?.trim() !== '' ? given.answers[id] : undefined);
  return {
    supervision: 1,
    case: plan.caseId,
    child: plan.childRef,
    date: plan.asOf,
    stage: plan.stage,
    ...(complete ? {} : { complete: false }),
    ...(given.supervisor ? { supervisor: given.supervisor } : {}),
    ...(given.worker ? { worker: given.worker } : {}),
    questions: asked.map((q) => {
      const a = answerOf(q.id);
      return { id: q.id, group: q.group, question: q.text, ...(a !== undefined ? { answer: a } : {}) };
    }),
    ...(given.actions && given.actions.length > 0
      ? { actions: given.actions.map((a) => ({ action: a.action, ...(a.owner ? { owner: a.owner } : {}), ...(a.by ? { by: a.by } : {}) })) }
      : {}),
    ...(given.nextSupervision ? { next_supervision: given.nextSupervision } : {}),
  };
}

export type SupervisionRecord = ReturnType<typeof supervisionRecord>;
