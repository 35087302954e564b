// Red/amber/green ratings of agreement goals: asked when the agreement is reviewed
// (stage 3) and when monitoring after the return (stage 5). An answers file gives
// them as `agreement.goals: [{ id, progress: [{ rag, comment, date }] }]`.
import type { Goal } from '../../model/caseTypes.js';
import { RAG } from '../../model/ids.js';
import { isPlainObject, list, question, type Answers, type Condition, type ListStep } from '../answers.js';
import { appendNew, itemsAt, notAfterToday, type FlowContext, type WorkflowEdit } from '../flow.js';

export function ratingList(ctx: FlowContext, options: { when?: Condition; min?: number; max?: number } = {}): ListStep {
  return list(
    ['progress'],
    'rating',
    'Add a rating?',
    [
      question('date', ['date'], 'Date of the rating', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
      question('choice', ['rag'], 'Red, amber or green?', { required: true, choices: RAG.map((r) => ({ value: r, name: r })) }),
      question('text', ['comment'], 'Comment (optional; give reasons when red)'),
    ],
    { min: 1, max: 1, ...options },
  );
}

export function describeGoal(g: Goal): string {
  const last = g.progress?.at(-1);
  return `${g.id}: ${g.goal ?? ''}${g.by ? ` (by ${g.by})` : ''}; ${last ? `${last.rag} on ${last.date}` : 'not yet rated'}`;
}

/** New ratings, appended to the progress of the existing goal each names. */
export function ratingEdits(goals: readonly Goal[], given: readonly Answers[]): WorkflowEdit[] {
  const edits: WorkflowEdit[] = [];
  for (const rated of given) {
    if (!isPlainObject(rated)) continue;
    const index = goals.findIndex((g) => g.id === rated.id);
    const goal = goals[index];
    if (goal === undefined) continue;
    edits.push(...appendNew(['agreement', 'goals', index, 'progress'], itemsAt(rated, ['progress']), goal.progress));
  }
  return edits;
}
