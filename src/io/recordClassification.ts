// Writes a classification (and decision) into a case file through the one writer:
// appends to `classifications` / `decisions` and marks the tasks done, keeping every
// other byte. Refuses (WriteConflictError) if the file changed since it was read.
import type { Classification, Decision, IsoDate } from '../core/caseTypes.js';
import type { LoadedCase } from './loadCase.js';
import { applyEdits, writeCaseFile, type CaseEdit } from './writeCase.js';

export interface ClassificationRecord {
  classification: Classification;
  decision?: Decision;
  /** Task ids to mark done on the record's date by its author. */
  tasks: string[];
  date: IsoDate;
  by: string;
  /** Who the decision task is marked done by, when not the author: the decision is the team manager's (framework.md §3). */
  decisionBy?: string;
}

export function recordEdits(record: ClassificationRecord): CaseEdit[] {
  const edits: CaseEdit[] = [{ op: 'append', path: ['classifications'], value: record.classification }];
  if (record.decision) edits.push({ op: 'append', path: ['decisions'], value: record.decision });
  for (const task of record.tasks) {
    // field by field, so a task's other fields (sign-off, note) stay as they are
    edits.push({ op: 'set', path: ['tasks', task, 'status'], value: 'done' });
    edits.push({ op: 'set', path: ['tasks', task, 'date'], value: record.date });
    edits.push({ op: 'set', path: ['tasks', task, 'by'], value: task === 'decision' && record.decisionBy ? record.decisionBy : record.by });
  }
  return edits;
}

/** Apply the record to the text that was read and write it atomically; `dryRun` returns the diff instead. */
export function writeClassificationRecord(loaded: LoadedCase, record: ClassificationRecord, options: { dryRun?: boolean } = {}): { changed: boolean; diff?: string } {
  if (!loaded.bytes) throw new Error(`${loaded.filePath} was not read, so it cannot be written`);
  const text = loaded.bytes.toString('utf8');
  return writeCaseFile(loaded, applyEdits(text, recordEdits(record)), options);
}
