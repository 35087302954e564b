// The classification and decision at a decision point (RC1 at stage 2, RC2 with
// Decision 3 at stage 4): the questions, and the entries they append.
import type { CaseData, Classification, RoleSignOff } from '../../model/caseTypes.js';
import { classify } from '../../classify/classify.js';
import { byEntry, classificationEntry, classifiersText, decisionEntry, outcomeProblem, overrideCategories } from '../../classify/classificationRecord.js';
import { D1_OUTCOMES, D1_POINT, LEVELS, OUTCOMES_BY_POINT, type DecisionPoint, type DecisionRecordPoint, type Level } from '../../model/ids.js';
import type { AdditionalSignoffRule } from '../../model/config.js';
import { latestAt } from '../../rules/recordReaders.js';
import { getIn, isBlank, isPlainObject, list, question, type AnswerPath, type Answers, type Condition, type ListStep, type Step } from '../answers.js';
import { appendNew, notAfterToday, type FlowCase, type FlowContext, type WorkflowEdit } from '../flow.js';
import { missingRoleSignoffs, requiredRoleSignoffs, roleLabel } from '../signoff.js';

/**
 * The team manager's sign-off of a classification or decision, on or after the record's
 * date. It is their act, so it is recorded only when given: the team manager is a choice
 * at a prompt, never pre-selected, and never filled in without one (docs/decisions.md).
 */
export function signOffSteps(c: FlowCase, ctx: FlowContext, recordDate: (root: Answers) => unknown): Step[] {
  return [
    question('text', ['signed_off', 'by'], 'Signed off by (the team manager, role and initials)', {
      attests: true,
      offer: c.data.team.team_manager,
    }),
    question('date', ['signed_off', 'date'], 'Date of the sign-off', {
      when: (scope) => !isBlank(getIn(scope, ['signed_off', 'by'])),
      required: true,
      offer: ctx.date,
      check: (v, _s, root) => {
        const dated = recordDate(root);
        if (typeof dated === 'string' && String(v) < dated) return `must not be before the record is dated (${dated})`;
        return notAfterToday(ctx)(v);
      },
    }),
  ];
}

/** The roles the config asks to sign off decisions at `point` as well as the team manager (config `additional_signoffs`), each once. */
function rolesAt(ctx: FlowContext, point: DecisionRecordPoint): AdditionalSignoffRule[] {
  const seen = new Set<string>();
  return (ctx.config.additional_signoffs ?? []).filter((rule) => rule.point === point && !seen.has(rule.role) && seen.add(rule.role));
}

/** Who gave a further sign-off, and when: theirs to give, so nothing is offered or pre-filled, and an empty answer records none. */
function roleSignOffQuestions(
  at: AnswerPath,
  label: string,
  recordDate: (root: Answers) => unknown,
  ctx: FlowContext,
  message: string,
  when?: Condition,
): Step[] {
  const by = [...at, 'by'];
  return [
    question('text', by, message, { attests: true, when }),
    question('date', [...at, 'date'], `Date of the sign-off by ${label}`, {
      when: (scope, root) => (when ? when(scope, root) : true) && !isBlank(getIn(scope, by)),
      required: true,
      check: (v, _s, root) => {
        const dated = recordDate(root);
        if (typeof dated === 'string' && String(v) < dated) return `must not be before the decision is dated (${dated})`;
        return notAfterToday(ctx)(v);
      },
    }),
  ];
}

/**
 * [local] The further sign-offs a new decision needs beside the team manager's (a senior
 * manager, a permanence panel: config `additional_signoffs`), asked once the outcome chosen
 * needs one; `additional_signoffs[k]` answers for the k-th role the config names at the point.
 */
export function roleSignOffSteps(ctx: FlowContext, point: DecisionRecordPoint, recordDate: (root: Answers) => unknown): Step[] {
  return rolesAt(ctx, point).flatMap((rule, k) => {
    const label = roleLabel(rule);
    const needed: Condition = (scope) =>
      !isBlank(scope.outcome) && requiredRoleSignoffs({ point, outcome: String(scope.outcome) }, ctx.config).some((r) => r.role === rule.role);
    return roleSignOffQuestions(
      ['additional_signoffs', k],
      label,
      recordDate,
      ctx,
      `Signed off by ${label} as well (the local settings ask for it for this decision): who gave it, role and initials (empty: not given yet)`,
      needed,
    );
  });
}

/** The further sign-off entries the answers give for a new decision at `point`, in the case file's shape. */
function roleSignOffEntries(ctx: FlowContext, point: DecisionRecordPoint, item: Answers): RoleSignOff[] {
  const given = Array.isArray(item.additional_signoffs) ? (item.additional_signoffs as unknown[]) : [];
  return rolesAt(ctx, point).flatMap((rule, k) => {
    const answer = given[k];
    if (!isPlainObject(answer) || isBlank(answer.by)) return [];
    return [{ role: rule.role, by: String(answer.by), date: String(answer.date) }];
  });
}

/**
 * [local] The further sign-offs the config asks for that decisions already recorded at
 * `points` do not have yet: one question each (who, then when), none pre-filled. Answers
 * sit at `additional_signoffs[n]`, in the order asked.
 */
export function missingRoleSignOffSteps(c: FlowCase, ctx: FlowContext, points: readonly DecisionRecordPoint[]): Step[] {
  return missingAt(c, ctx, points).flatMap((m, n) =>
    roleSignOffQuestions(
      ['additional_signoffs', n],
      m.label,
      () => m.date,
      ctx,
      `The ${m.point} decision of ${m.date} (${m.outcome}) still needs a sign-off by ${m.label} (the local settings ask for it): who gave it, role and initials (empty: not given yet)`,
    ),
  );
}

/** Whether the answers give any further sign-off of a decision already recorded (`missingRoleSignOffSteps`). */
export function givesMissingRoleSignOff(root: Answers): boolean {
  const given = getIn(root, ['additional_signoffs']);
  return Array.isArray(given) && given.some((a) => isPlainObject(a) && !isBlank(a.by));
}

export function missingRoleSignOffEdits(c: FlowCase, ctx: FlowContext, points: readonly DecisionRecordPoint[], answers: Answers): WorkflowEdit[] {
  const given = getIn(answers, ['additional_signoffs']);
  return missingAt(c, ctx, points).flatMap((m, n) => {
    const answer = Array.isArray(given) ? (given as unknown[])[n] : undefined;
    if (!isPlainObject(answer) || isBlank(answer.by)) return [];
    return [
      { op: 'append' as const, path: ['decisions', m.index, 'additional_signoffs'], value: { role: m.role, by: String(answer.by), date: String(answer.date) } },
    ];
  });
}

const missingAt = (c: FlowCase, ctx: FlowContext, points: readonly DecisionRecordPoint[]) =>
  missingRoleSignoffs(c.data, ctx.config, ctx.date).filter((m) => points.includes(m.point));

const taskDate = (task: string, ctx: FlowContext) => (root: Answers) => getIn(root, ['tasks', task, 'date']) ?? ctx.date;
const taskBy = (task: string, c: FlowCase) => (root: Answers) => String(getIn(root, ['tasks', task, 'by']) ?? c.data.team.social_worker);

export function classificationList(c: FlowCase, ctx: FlowContext, task: string, when: Condition): ListStep {
  const suggestion = classify(c.data, ctx.config, ctx.date);
  const labels = ctx.config.labels.levels;
  const overriding: Condition = (scope) => !isBlank(scope.level) && scope.level !== suggestion.level;
  const categories = overrideCategories(ctx.config);
  return list(
    ['classifications'],
    'classification',
    'Record a classification?',
    [
      question('choice', ['level'], `Risk level (suggested: ${labels[suggestion.level]}, score ${suggestion.score}; see reunify classify)`, {
        required: true,
        attests: true,
        offer: suggestion.level,
        choices: LEVELS.map((l) => ({ value: l, name: labels[l] ?? l })),
      }),
      question('choice', ['override_category'], `Why the level differs from the suggested ${labels[suggestion.level]}`, {
        when: overriding,
        required: true,
        attests: true,
        choices: categories.map((o) => ({ value: o, name: o })),
      }),
      question('text', ['override_reason'], 'The reasoning for the override', { when: overriding, required: true, attests: true }),
      question(
        'lines',
        ['by'],
        'Who classified, if not only the person doing the task: each of them (RC2: the team manager and the worker together), separated by ";"',
      ),
      ...signOffSteps(c, ctx, taskDate(task, ctx)),
    ],
    { when, min: 1, max: 1, existing: (c.data.classifications ?? []).map(describeClassification) },
  );
}

function describeClassification(k: Classification): string {
  return `${k.date} ${k.point}: ${k.level} by ${classifiersText(k.by)}${k.signed_off ? `, signed off by ${k.signed_off.by}` : ''}`;
}

export function classificationEdits(c: FlowCase, ctx: FlowContext, task: string, point: DecisionPoint, answers: Answers): WorkflowEdit[] {
  const item = (getIn(answers, ['classifications']) as Answers[] | undefined)?.[0];
  if (!isPlainObject(item)) return [];
  const suggestion = classify(c.data, ctx.config, ctx.date);
  const signedOff = item.signed_off as { by: string; date: string } | undefined;
  const entry = classificationEntry({
    date: String(taskDate(task, ctx)(answers)),
    point,
    level: item.level as Level,
    suggested: suggestion.level,
    // several named: they classified together; none: the person doing the task
    by: Array.isArray(item.by) && item.by.length > 0 ? byEntry(item.by.map(String)) : taskBy(task, c)(answers),
    signedOff: signedOff?.by ? signedOff : undefined,
    overrideCategory: item.override_category as string | undefined,
    overrideReason: item.override_reason as string | undefined,
  });
  return appendNew(['classifications'], [entry as unknown as Answers], c.data.classifications);
}

export function latestLevel(data: CaseData, point: DecisionPoint): Level | undefined {
  return latestAt(data.classifications, point)?.record.level;
}

export function decisionList(
  c: FlowCase,
  ctx: FlowContext,
  task: string,
  point: DecisionPoint,
  options: { when: Condition; min: number | ((root: Answers) => number); level?: Level; levelFrom?: (root: Answers) => Level | undefined },
): ListStep {
  const mapped = options.level ? ctx.config.decision_map?.[point]?.[options.level] : undefined;
  return list(
    ['decisions'],
    'decision',
    point === 'rc2_d3' ? 'Record Decision 3 (proceed_to_return, extend_work or no_return) now?' : 'Record a decision?',
    [
      question('choice', ['outcome'], `Decision${mapped ? ` (the decision map suggests ${mapped} for this level)` : ''}`, {
        required: true,
        attests: true,
        offer: mapped,
        offerFrom: (_s, root) => {
          const level = options.levelFrom?.(root);
          return level ? ctx.config.decision_map?.[point]?.[level] : undefined;
        },
        choices: OUTCOMES_BY_POINT[point].map((o) => ({ value: o, name: o })),
        check: (v) => outcomeProblem(point, String(v)),
      }),
      question('text', ['reasons'], 'Reasons for the decision', { required: true }),
      question('lines', ['conditions'], 'Conditions attached, separated by ";" (optional)'),
      question('text', ['timescale'], 'Timescale for the conditions or the next step (optional)'),
      question('text', ['parallel_plan'], 'The parallel plan for alternative permanence', {
        when: (scope) => scope.outcome === 'return_if_change_evidenced',
        required: true,
      }),
      ...signOffSteps(c, ctx, taskDate(task, ctx)),
      ...roleSignOffSteps(ctx, point, taskDate(task, ctx)),
    ],
    { when: options.when, min: options.min, max: 1, existing: (c.data.decisions ?? []).map((d) => `${d.date} ${d.point}: ${d.outcome}`) },
  );
}

/**
 * Decision 1 (`d1_start`): whether to begin a reunification assessment, or that return was
 * considered and not pursued. Asked once, while the file has none; who decided, the outcome
 * and the reasons are theirs to give, so none is pre-filled.
 */
export function decisionOneList(c: FlowCase, ctx: FlowContext, when: Condition): ListStep {
  const itemDate = (root: Answers) => getIn(root, ['decisions', 0, 'date']);
  return list(
    ['decisions'],
    'Decision 1',
    'Record Decision 1 (begin the reunification assessment, or return considered and not pursued)?',
    [
      question('date', ['date'], 'Date of Decision 1', { required: true, check: notAfterToday(ctx) }),
      question('choice', ['outcome'], 'Decision 1', {
        required: true,
        attests: true,
        choices: D1_OUTCOMES.map((o) => ({ value: o, name: o })),
      }),
      question('text', ['reasons'], 'Reasons for the decision', { required: true, attests: true }),
      question('text', ['by'], 'Who made the decision (role and initials)', { required: true, attests: true, offer: c.data.team.team_manager }),
      ...signOffSteps(c, ctx, itemDate),
      ...roleSignOffSteps(ctx, D1_POINT, itemDate),
    ],
    {
      when: (s, root) => when(s, root) && !(c.data.decisions ?? []).some((d) => d.point === D1_POINT),
      min: 0,
      max: 1,
      existing: (c.data.decisions ?? []).filter((d) => d.point === D1_POINT).map((d) => `${d.date} ${d.point}: ${d.outcome}`),
    },
  );
}

export function decisionOneEdits(c: FlowCase, answers: Answers, ctx: FlowContext): WorkflowEdit[] {
  const item = (getIn(answers, ['decisions']) as Answers[] | undefined)?.[0];
  if (!isPlainObject(item) || isBlank(item.outcome)) return [];
  const entry: Answers = { date: item.date, point: D1_POINT, outcome: item.outcome, by: item.by, reasons: item.reasons };
  const signedOff = item.signed_off as { by?: string; date?: string } | undefined;
  if (signedOff?.by) entry.signed_off = { by: signedOff.by, date: signedOff.date };
  const further = roleSignOffEntries(ctx, D1_POINT, item);
  if (further.length > 0) entry.additional_signoffs = further;
  return appendNew(['decisions'], [entry], c.data.decisions);
}

export function decisionEdits(c: FlowCase, ctx: FlowContext, task: string, point: DecisionPoint, answers: Answers): WorkflowEdit[] {
  const item = (getIn(answers, ['decisions']) as Answers[] | undefined)?.[0];
  if (!isPlainObject(item) || isBlank(item.outcome)) return [];
  const base = decisionEntry({
    date: String(taskDate(task, ctx)(answers)),
    point,
    outcome: String(item.outcome),
    reasons: item.reasons as string | undefined,
    signedOff: (item.signed_off as { by: string; date: string } | undefined) ?? undefined,
  });
  // the fields in the order design.md §3.1 writes them
  const { signed_off, ...rest } = base;
  const entry: Answers = { ...rest };
  for (const field of ['conditions', 'timescale', 'parallel_plan'] as const) if (!isBlank(item[field])) entry[field] = item[field];
  if (signed_off) entry.signed_off = signed_off;
  const further = roleSignOffEntries(ctx, point, item);
  if (further.length > 0) entry.additional_signoffs = further;
  return appendNew(['decisions'], [entry], c.data.decisions);
}
