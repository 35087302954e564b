// A reflective-supervision record: the questions asked and the answers given, in a
// file of its own, never in the child's case file. YAML, so a caseload's `check`
// (which reads *.md) never takes it for a case file; written once, never over
// another file (src/io/outputFile.ts writes it).
import { stringify } from 'yaml';
import type { SupervisionPlan } from '../core/workflow/supervision.js';

export interface SupervisionAnswers {
  supervisor?: string;
  worker?: string;
  /** Answers by question id; an unanswered question is left out. */
  answers: Record<string, string>;
}

export function supervisionRecordText(plan: SupervisionPlan, given: SupervisionAnswers): string {
  const asked = [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer];
  const record = {
    supervision: 1,
    case: plan.caseId,
    child: plan.childRef,
    date: plan.asOf,
    stage: plan.stage,
    ...(given.supervisor ? { supervisor: given.supervisor } : {}),
    ...(given.worker ? { worker: given.worker } : {}),
    questions: asked.map((q) => ({ id: q.id, group: q.group, question: q.text, ...(Object.hasOwn(given.answers, q.id) && given.answers[q.id].trim() !== '' ? { answer: given.answers[q.id] } : {}) })),
  };
  return `# Reflective supervision record (reunify supervise). Not part of the child's case file.\n${stringify(record, { version: '1.2', lineWidth: 0 })}`;
}
