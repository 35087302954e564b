import type { CaseData } from '../../model/caseTypes.js';
import type { DecisionPoint } from '../../model/ids.js';
import { taskGapSeverity, taskOf } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

/** Where a task's work is recorded, and how to tell that it is. */
interface TaskRecordSpec {
  task: string;
  /** Practice words for the record, e.g. "a transition plan (transition)". */
  record: string;
  exists(data: CaseData): boolean;
  /** Most specific node where the record lives or should live. */
  path(data: CaseData): string;
}

const lastIndexAt = (data: CaseData, point: DecisionPoint): number => (data.decisions ?? []).map((d) => d.point).lastIndexOf(point);
const hasItems = (list: readonly unknown[] | undefined): boolean => (list?.length ?? 0) > 0;

const classificationAt = (task: string, point: DecisionPoint, name: string): TaskRecordSpec => ({
  task,
  record: `${name} classification (point ${point}) in classifications`,
  exists: (data) => (data.classifications ?? []).some((c) => c.point === point),
  path: () => '/classifications',
});

const SPECS: readonly TaskRecordSpec[] = [
  classificationAt('classification', 'rc1_d2', 'an RC1'),
  classificationAt('reclassification', 'rc2_d3', 'an RC2'),
  {
    task: 'decision',
    record: 'a Decision 2 (point rc1_d2) in decisions',
    exists: (data) => lastIndexAt(data, 'rc1_d2') >= 0,
    path: () => '/decisions',
  },
  {
    task: 'decision_shared',
    record: "the rc1_d2 decision's sharing log (shared)",
    exists: (data) => (data.decisions ?? []).some((d) => d.point === 'rc1_d2' && hasItems(d.shared)),
    path: (data) => (lastIndexAt(data, 'rc1_d2') >= 0 ? `/decisions/${lastIndexAt(data, 'rc1_d2')}/shared` : '/decisions'),
  },
  {
    task: 'agreement',
    record: 'a written agreement with goals (agreement.goals)',
    exists: (data) => hasItems(data.agreement?.goals),
    path: (data) => (data.agreement ? '/agreement/goals' : '/agreement'),
  },
  {
    task: 'transition_plan',
    record: 'a transition plan (transition)',
    exists: (data) => Object.keys(data.transition ?? {}).length > 0,
    path: () => '/transition',
  },
  {
    task: 'contact_plan',
    record: 'the phases of contact (return.contact_phases)',
    exists: (data) => hasItems(data.return?.contact_phases),
    path: () => '/return/contact_phases',
  },
  {
    task: 'monitoring',
    record: 'at least one monitoring visit (return.visits)',
    exists: (data) => hasItems(data.return?.visits),
    path: () => '/return/visits',
  },
  {
    task: 'step_down',
    record: 'the step-down record (return.step_down)',
    exists: (data) => data.return?.step_down != null,
    path: () => '/return/step_down',
  },
];

export const recordExists: CaseRule = {
  id: 'tasks/record-exists',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A task marked done has its record, and a task with a record is not still todo',
  docs: {
    why:
      'The tasks list is what managers and the caseload view read; the records hold the work itself. ' +
      'A task ticked done with nothing behind it hides a gap (a decision nobody can find), and a record left under a todo task makes the case look further behind than it is.',
    fails: 'tasks:\n  classification: { status: done, date: 2026-10-28 }\nclassifications: []',
    passes:
      'tasks:\n  classification: { status: done, date: 2026-10-28 }\nclassifications:\n  - { date: 2026-10-28, point: rc1_d2, level: medium, suggested: medium, by: "SW J.P." }',
  },
  check(view) {
    const { data } = view;
    const problems: RuleProblem[] = [];
    for (const spec of SPECS) {
      const status = taskOf(data, spec.task)?.status;
      const exists = spec.exists(data);
      if (status === 'done' && !exists) {
        problems.push({
          path: spec.path(data),
          message: `task ${spec.task} is done but its record is missing: ${spec.record}`,
          ...taskGapSeverity(data, spec.task),
        });
      } else if (status === 'todo' && exists) {
        problems.push({
          path: `/tasks/${spec.task}/status`,
          message: `task ${spec.task} is still todo but its record exists: ${spec.record}; update the task status`,
        });
      }
    }
    return problems;
  },
};
