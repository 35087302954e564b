import { STAGE_NUMBERS } from '../../schemas.js';
import { TASK_LABELS, TASKS_BY_STAGE } from '../../ids.js';
import { gapSeverity, isPast, isTaskFinished, taskOf } from '../progress.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const stageComplete: CaseRule = {
  id: 'tasks/stage-complete',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Every task of the stages a case has moved past is done or not_applicable (a case closed without a return: stages 1–2)',
  docs: {
    why:
      'Each stage builds on the one before: a decision without a finished assessment, or a return without a transition plan, is the drift the framework exists to prevent. ' +
      'A task that truly cannot be done is marked not_applicable with a reason; after an unplanned return the gaps are warnings, so the missing work is caught up rather than hidden.',
    fails: 'stage: 3\ntasks:\n  safe_adult: { status: in_progress }',
    passes: 'stage: 3\ntasks:\n  safe_adult: { status: done, date: 2026-10-05, person: gran }',
  },
  check(view) {
    const { data } = view;
    const problems: RuleProblem[] = [];
    for (const stage of STAGE_NUMBERS.filter((s) => isPast(data, s))) {
      const movedTo = data.stage === 'closed' ? 'the case is closed' : `the case is at stage ${data.stage}`;
      for (const task of TASKS_BY_STAGE[stage]) {
        if (isTaskFinished(data, task)) continue;
        const entry = taskOf(data, task);
        const what = `stage ${stage} task ${task} (${TASK_LABELS[task]})`;
        problems.push(
          entry
            ? { path: `/tasks/${task}`, message: `${what} is still ${entry.status} but ${movedTo}: finish it, or mark it not_applicable with a reason`, ...gapSeverity(data, stage) }
            : { path: '/tasks', message: `${what} has no entry but ${movedTo}: record it as done, or not_applicable with a reason`, ...gapSeverity(data, stage) },
        );
      }
    }
    return problems;
  },
};
