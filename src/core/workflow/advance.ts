// Moving a case on: to the next stage, back to stage 3 work after extend_work, to
// closure with an outcome, or to stage 5 after an unplanned return. This module
// plans the edits; whether the would-be case passes its gates is the check
// pipeline's to say (src/io/advanceCase.ts runs it in memory).
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import { OUTCOME_STATUSES, STAGES, TASKS_BY_STAGE, type StageNumber, type StageValue } from '../model/ids.js';
import { isTaskDone, taskOf } from './stageProgress.js';
import { latestAt } from '../rules/recordReaders.js';
import { question, type Step } from './answers.js';
import { notAfterToday, type FlowContext, type WorkflowEdit } from './flow.js';

export type AdvanceRequest =
  { kind: 'next' } | { kind: 'close'; outcome: { status: string; date: IsoDate; note?: string } } | { kind: 'unplanned'; date: IsoDate };

export interface AdvancePlan {
  from: StageValue;
  to: StageValue;
  edits: WorkflowEdit[];
  /** An unplanned return is recorded whatever the gates say: it has happened, and earlier gaps become warnings. */
  recordAnyway: boolean;
  /** What the worker should know about the move, in practice words. */
  notes: string[];
}

export type AdvanceOutcome = AdvancePlan | { refused: string };

const stageEdit = (to: StageValue): WorkflowEdit => ({ op: 'set', path: ['stage'], value: to });

/** `todo` entries for the tasks of these stages that the case has no entry for. */
export function missingTaskEntries(data: CaseData, stages: readonly StageNumber[]): WorkflowEdit[] {
  return stages
    .flatMap((s) => TASKS_BY_STAGE[s])
    .filter((t) => !taskOf(data, t))
    .map((t) => ({ op: 'set' as const, path: ['tasks', t], value: { status: 'todo' } }));
}

const stageLabel = (stage: StageNumber) => `stage ${stage} (${STAGES[stage - 1]!.id})`; // STAGES lists stages 1 to 5 in order

export function planAdvance(data: CaseData, request: AdvanceRequest): AdvanceOutcome {
  if (data.stage === 'closed') return { refused: 'the case is closed' };
  const stage = data.stage;
  switch (request.kind) {
    case 'next':
      return planNext(data, stage);
    case 'close':
      return planClose(data, stage, request.outcome);
    case 'unplanned':
      if (stage === 5) return { refused: 'the case is already at stage 5 (return_home)' };
      return {
        from: stage,
        to: 5,
        edits: [
          { op: 'set', path: ['return', 'unplanned'], value: true },
          { op: 'set', path: ['return', 'returned'], value: request.date },
          stageEdit(5),
          ...missingTaskEntries(data, [1, 2, 3, 4, 5]),
        ],
        recordAnyway: true,
        notes: [
          `unplanned return on ${request.date} recorded: the case is now at stage 5, and the earlier stages' gaps are warnings`,
          'record the missing earlier tasks as soon as you can: reunify task <case> lists them',
        ],
      };
  }
}

function planNext(data: CaseData, stage: StageNumber): AdvanceOutcome {
  const id = data.id;
  if (stage === 5) {
    return {
      refused: `stage 5 is the last stage: once the child is settled at home and the case stepped down, close it with reunify advance ${id} --to closed --outcome at_home`,
    };
  }
  if (stage === 2 && latestAt(data.decisions, 'rc1_d2')?.record.outcome === 'no_return') {
    return {
      refused: `Decision 2 is no_return: complete support_if_no_return, then close the case with reunify advance ${id} --to closed --outcome not_returned`,
    };
  }
  if (stage === 4) {
    const d3 = latestAt(data.decisions, 'rc2_d3')?.record;
    if (d3?.outcome === 'no_return') {
      return {
        refused: `Decision 3 (${d3.date}) is no_return: complete support_if_no_return, then close the case with reunify advance ${id} --to closed --outcome not_returned`,
      };
    }
    const regradedSince = (data.classifications ?? []).some((k) => k.point === 'rc2_d3' && d3 !== undefined && k.date > d3.date);
    if (d3?.outcome === 'extend_work' && isTaskDone(data, 'reclassification') && !regradedSince) {
      return {
        from: 4,
        to: 3,
        // reopening the reclassification says a new RC2 and Decision 3 are due before the return
        edits: [stageEdit(3), { op: 'set', path: ['tasks', 'reclassification', 'status'], value: 'in_progress' }],
        recordAnyway: false,
        notes: [`Decision 3 (${d3.date}) is extend_work: back to stage 3 work on the goals; a new RC2 classification and Decision 3 are due before the return`],
      };
    }
  }
  const to = (stage + 1) as StageNumber;
  return {
    from: stage,
    to,
    edits: [stageEdit(to), ...missingTaskEntries(data, [to])],
    recordAnyway: false,
    notes: [`now at ${stageLabel(to)}: ${STAGES[to - 1]!.name}`],
  };
}

function planClose(data: CaseData, stage: StageNumber, outcome: { status: string; date: IsoDate; note?: string }): AdvanceOutcome {
  if (!(OUTCOME_STATUSES as readonly string[]).includes(outcome.status)) return { refused: `the outcome must be one of: ${OUTCOME_STATUSES.join(', ')}` };
  const wentHome = stage === 5 || Boolean(data.return?.returned);
  if (outcome.status === 'not_returned' && wentHome) {
    return { refused: `the child went home${data.return?.returned ? ` on ${data.return.returned}` : ''}: close with --outcome at_home or re_entered_care` };
  }
  if (outcome.status !== 'not_returned' && !wentHome)
    return { refused: `the child has not gone home (the case is at stage ${stage}): close with --outcome not_returned` };
  const value = { status: outcome.status, date: outcome.date, ...(outcome.note?.trim() ? { note: outcome.note.trim() } : {}) };
  return {
    from: stage,
    to: 'closed',
    edits: [stageEdit('closed'), { op: 'set', path: ['outcome'], value }],
    recordAnyway: false,
    notes: [`closed on ${outcome.date}: ${outcome.status}`],
  };
}

/** What closing asks for, when no --outcome was given. */
export function closureSteps(data: CaseData, ctx: FlowContext): Step[] {
  const wentHome = data.stage === 5 || Boolean(data.return?.returned);
  const fits = (s: string) => (s === 'not_returned') !== wentHome;
  // every outcome is accepted here, so that planAdvance can say why one does not fit
  const choices = [...OUTCOME_STATUSES].sort((a, b) => Number(fits(b)) - Number(fits(a))).map((s) => ({ value: s, name: s }));
  return [
    question('choice', ['outcome', 'status'], 'How did the case end?', { required: true, choices }),
    question('date', ['outcome', 'date'], 'Date of closure', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
    question('text', ['outcome', 'note'], 'Short note (optional)'),
  ];
}
