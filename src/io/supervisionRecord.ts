// A reflective-supervision record in a file of its own, never in the child's case file.
// YAML, so a caseload's `check` (which reads *.md) never takes it for a case file; written
// by src/io/outputFile.ts, never over another file.
import { stringify } from 'yaml';
import type { SupervisionPlan } from '../core/workflow/supervision.js';
import { supervisionRecord, type SupervisionAnswers } from '../core/workflow/supervisionRecord.js';

export type { AgreedAction, SupervisionAnswers } from '../core/workflow/supervisionRecord.js';

/**
 * The record's text. `complete: false` marks a record still being answered (it is
 * saved after every answer, so Ctrl-C keeps what was said) or one left unfinished.
 */
export function supervisionRecordText(plan: SupervisionPlan, given: SupervisionAnswers, complete = true): string {
  return `# Reflective supervision record (reunify supervise). Not part of the child's case file.\n${stringify(supervisionRecord(plan, given, complete), { version: '1.2', lineWidth: 0 })}`;
}
