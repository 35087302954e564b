// A reflective-supervision record: the questions asked and the answers given, in a
// file of its own, never in the child's case file. YAML, so a caseload's `check`
// (which reads *.md) never takes it for a case file; written once, never over
// another file.
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/** Why no record can be written to `outPath`, or undefined: asked before any question, so no answer is typed in vain. */
export function supervisionRecordRefusal(outPath: string, caseFile: string): string | undefined {
  const target = resolve(outPath);
  if (/\.md$/i.test(target)) return `${outPath}: a supervision record is not a case file; give it a .yaml name (reunify check reads every .md file in a caseload)`;
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (real(target) === real(caseFile)) return `${outPath} is the child's case file: supervision answers never go into it`;
  if (existsSync(target)) return `${outPath} already exists; nothing was written`;
  return undefined;
}

/**
 * Write the record to a new file, creating its folder as report, scaffold and
 * redact do with --out; never over an existing file, and never to the case file itself.
 */
export function writeSupervisionRecord(outPath: string, caseFile: string, text: string): void {
  const refusal = supervisionRecordRefusal(outPath, caseFile);
  if (refusal) throw new SupervisionRecordError(refusal);
  const target = resolve(outPath);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : (code ?? 'error');
    throw new SupervisionRecordError(`${outPath}: the folder ${dirname(outPath)} could not be made (${why}); nothing was written`);
  }
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new SupervisionRecordError(`${outPath} already exists; nothing was written`);
    throw new SupervisionRecordError(`${outPath} could not be written (${code ?? 'error'}); nothing was written`);
  }
}
