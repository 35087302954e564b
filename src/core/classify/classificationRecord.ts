// What `classify --record` appends: a classification keeping both the suggested and
// the chosen level, and optionally the decision. An override (chosen ≠ suggested)
// needs a reason category and reasoning (docs/framework.md §4.5). Pure.
import type { Classification, Decision, IsoDate, SignOff } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { OUTCOMES_BY_POINT, OVERRIDE_CATEGORIES, type DecisionPoint, type Level } from '../model/ids.js';

export interface ClassificationInput {
  date: IsoDate;
  point: DecisionPoint;
  level: Level;
  suggested: Level;
  /** One person, or several who classified together. */
  by: string | string[];
  signedOff?: SignOff;
  overrideCategory?: string;
  overrideReason?: string;
}

/** The people who made a classification: `by` is one name, or a list of people who classified together. */
export function classifiers(by: string | readonly string[] | undefined): string[] {
  const names = by === undefined ? [] : typeof by === 'string' ? [by] : [...by];
  return names.map((n) => n.trim()).filter((n) => n !== '');
}

/** Who classified, as words: "SW J.P." or "SW J.P. and TM A.O.". */
export function classifiersText(by: string | readonly string[] | undefined): string {
  const names = classifiers(by);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** `by` as written to a file: one name as text (as before), several as a list. */
export function byEntry(names: readonly string[]): string | string[] {
  const given = classifiers(names);
  return given.length === 1 ? given[0]! : given;
}

export function overrideCategories(config: ReunifyConfig): string[] {
  return [...OVERRIDE_CATEGORIES, ...(config.additions?.override_categories ?? [])];
}

/** Why a classification cannot be recorded as given (empty when it can). */
export function overrideProblems(
  input: Pick<ClassificationInput, 'level' | 'suggested' | 'overrideCategory' | 'overrideReason'>,
  config: ReunifyConfig,
): string[] {
  const problems: string[] = [];
  const category = input.overrideCategory;
  const reason = input.overrideReason?.trim();
  const known = overrideCategories(config);
  if (input.level === input.suggested) {
    if (category !== undefined || reason)
      problems.push(`the level ${input.level} is the suggested level, so there is no override to explain: leave out the override category and reason`);
    return problems;
  }
  const what = `the level ${input.level} differs from the suggested ${input.suggested}, an override`;
  if (category === undefined) problems.push(`${what}: give its category (${known.join(', ')})`);
  else if (!known.includes(category)) problems.push(`"${category}" is not an override category; use one of: ${known.join(', ')}`);
  if (!reason) problems.push(`${what}: give the reasoning`);
  return problems;
}

/** Why an outcome cannot be recorded at a point (undefined when it can). */
export function outcomeProblem(point: DecisionPoint, outcome: string): string | undefined {
  const valid = OUTCOMES_BY_POINT[point];
  return valid.includes(outcome) ? undefined : `"${outcome}" is not a decision at ${point}; use one of: ${valid.join(', ')}`;
}

/** The entry for `classifications`, in the order design.md §3.1 writes it. */
export function classificationEntry(input: ClassificationInput): Classification {
  return {
    date: input.date,
    point: input.point,
    level: input.level,
    suggested: input.suggested,
    by: input.by,
    ...(input.signedOff ? { signed_off: input.signedOff } : {}),
    ...(input.overrideCategory !== undefined ? { override_category: input.overrideCategory } : {}),
    ...(input.overrideReason !== undefined ? { override_reason: input.overrideReason.trim() } : {}),
  };
}

export function decisionEntry(input: {
  date: IsoDate;
  point: DecisionPoint;
  outcome: string;
  reasons?: string;
  /** rc3_post_return: when the next post-return review is. */
  nextReview?: IsoDate;
  signedOff?: SignOff;
}): Decision {
  return {
    date: input.date,
    point: input.point,
    outcome: input.outcome,
    ...(input.reasons !== undefined ? { reasons: input.reasons } : {}),
    ...(input.nextReview !== undefined ? { next_review: input.nextReview } : {}),
    ...(input.signedOff ? { signed_off: input.signedOff } : {}),
  };
}

/** Tasks whose status the record completes: RC1 has its own tasks; RC2 is the reclassification; RC3 is part of ongoing monitoring. */
export function tasksCompletedBy(point: DecisionPoint, withDecision: boolean): string[] {
  if (point === 'rc1_d2') return withDecision ? ['classification', 'decision'] : ['classification'];
  if (point === 'rc2_d3') return ['reclassification'];
  return [];
}
