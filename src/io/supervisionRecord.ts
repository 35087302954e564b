// A reflective-supervision record: the questions asked and the answers given, in a
// file of its own, never in the child's case file. YAML, so a caseload's `check`
// (which reads *.md) never takes it for a case file; written once, never over
// another file.
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import type { SupervisionPlan } from '../core/supervision.js';

export interface SupervisionAnswers {
  supervisor?: string;
  worker?: string;
  /** Answers by question id; an unanswered question is left out. */
  answers: Record<string, string>;
}

export class SupervisionRecordError extends Error {}

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

/** Write the record to a new file; never over an existing one, and never to the case file itself. */
export function writeSupervisionRecord(outPath: string, caseFile: string, text: string): void {
  const target = resolve(outPath);
  if (/\.md$/i.test(target)) throw new SupervisionRecordError(`${outPath}: a supervision record is not a case file; give it a .yaml name (reunify check reads every .md file in a caseload)`);
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (real(target) === real(caseFile)) throw new SupervisionRecordError(`${outPath} is the child's case file: supervision answers never go into it`);
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new SupervisionRecordError(`${outPath} already exists; nothing was written`);
    throw err;
  }
}
