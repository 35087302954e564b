// The team manager's sign-off queue: written assessments, classifications and
// decisions without `signed_off`, and which item a `--item` spec names. Pure: the
// status view counts the same queue (awaiting_signoff), and `reunify signoff`
// writes the sign-off through the one writer.
import type { CaseData, Decision, IsoDate, SignOff } from '../model/caseTypes.js';
import type { AdditionalSignoffRule, ReunifyConfig } from '../model/config.js';
import { daysBetween, isAfter } from '../text/dates.js';
import { DECISION_POINTS, type DecisionRecordPoint, type Level } from '../model/ids.js';
import { fromPointer, toPointer } from '../model/problem.js';
import { POST_RETURN_GRACE_DAYS } from './stageProgress.js';
import { missingAssessmentEssentials } from './assessmentRecord.js';
import { classifiers, classifiersText } from '../classify/classificationRecord.js';

export type SignoffKind = 'written_assessment' | 'classification' | 'decision';

/**
 * What a sign-off would sign, as the record holds it: the level of a classification
 * (with the suggestion recorded beside it), the outcome of a decision, the
 * recommendation of a written assessment. Read from the file, never filled in.
 */
export interface SignedContent {
  level?: Level;
  /** The level the engine suggested, as recorded with the classification. */
  suggested?: Level;
  /** The level differs from the recorded suggestion; undefined when no suggestion was recorded. */
  override?: boolean;
  overrideCategory?: string;
  outcome?: string;
  recommendation?: string;
  /** Dated records of the decision being shared, made before the sign-off. */
  sharedBefore: { party: string; date: IsoDate }[];
}

/**
 * The content of the item at `path`. Sharing counts when dated before `signDate`; with
 * `asOf` instead (an item still waiting), when dated on or before it.
 */
export function signedContent(data: CaseData, path: readonly (string | number)[], when: { signDate: IsoDate } | { asOf: IsoDate }): SignedContent {
  const [section, index] = path;
  if (section === 'tasks') {
    const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
    return { ...(wa?.recommendation ? { recommendation: wa.recommendation } : {}), sharedBefore: [] };
  }
  if (section === 'classifications' && typeof index === 'number') {
    const c = data.classifications?.[index];
    if (!c) return { sharedBefore: [] };
    return {
      level: c.level,
      ...(c.suggested ? { suggested: c.suggested, override: c.suggested !== c.level } : {}),
      ...(c.override_category ? { overrideCategory: c.override_category } : {}),
      sharedBefore: [],
    };
  }
  const d = typeof index === 'number' ? data.decisions?.[index] : undefined;
  if (!d) return { sharedBefore: [] };
  const before = (date: IsoDate) => ('signDate' in when ? date < when.signDate : date <= when.asOf);
  const sharedBefore = (d.shared ?? []).flatMap((r) => (r.date !== undefined && before(r.date) ? [{ party: r.party, date: r.date }] : []));
  return { outcome: d.outcome, sharedBefore };
}

export interface SignoffItem {
  caseId: string;
  kind: SignoffKind;
  /** Decision point of a classification or decision. */
  point?: DecisionRecordPoint;
  /** Where the item is in the front matter, e.g. ['classifications', 2]. */
  path: (string | number)[];
  /** The same as a JSON pointer, e.g. /classifications/2. */
  pointer: string;
  /** What `--item` would call it: written_assessment, classification:rc1_d2, decision:rc2_d3. */
  item: string;
  /** The item's own date. */
  date: IsoDate;
  /** Who recorded it, when the record says (a decision's `by` is who decided, not who recorded it, so it is not used). */
  by?: string;
  /** Days since the item's date on the as-of date. */
  waitingDays: number;
  /** The case's team manager, who is expected to sign. */
  manager?: string;
  /** What the sign-off unblocks, in practice words. */
  waitingFor: string;
  /** What would be signed: level, outcome or recommendation, override and sharing so far. */
  content: SignedContent;
}

function waitingFor(kind: SignoffKind, point: DecisionRecordPoint | undefined, outcome?: string): string {
  if (kind === 'written_assessment') return 'stage 2 (classification and decision) starts from a signed-off assessment';
  switch (point) {
    case 'd1_start':
      return outcome === 'not_pursued'
        ? 'Decision 1 (return not pursued) must be signed off so the reasons stand'
        : 'Decision 1 starts the reunification assessment: it needs signing off';
    case 'rc1_d2':
      return kind === 'classification'
        ? 'RC1 is the baseline: stage 3 needs it signed off'
        : 'Decision 2 must be signed off before stage 3 and before it is relied on';
    case 'rc2_d3':
      if (kind === 'classification') return 'RC2 must be signed off before Decision 3 and the return';
      return outcome === 'proceed_to_return'
        ? 'only a signed-off proceed_to_return lets the child go home'
        : 'Decision 3 must be signed off before it is acted on';
    default:
      return `post-return review (RC3): sign-off expected within ${POST_RETURN_GRACE_DAYS} days`;
  }
}

/** Items of one case waiting for sign-off on `asOf` (items dated later are not counted yet). */
export function awaitingSignoff(caseId: string, data: CaseData, asOf: IsoDate): SignoffItem[] {
  const manager = data.team.team_manager;
  const out: SignoffItem[] = [];
  const add = (kind: SignoffKind, path: (string | number)[], date: IsoDate, by: string | undefined, point?: DecisionRecordPoint, outcome?: string) => {
    if (isAfter(date, asOf)) return;
    out.push({
      caseId,
      kind,
      ...(point ? { point } : {}),
      path,
      pointer: toPointer(path),
      item: point ? `${kind}:${point}` : kind,
      date,
      ...(by ? { by } : {}),
      waitingDays: daysBetween(date, asOf),
      ...(manager ? { manager } : {}),
      waitingFor: waitingFor(kind, point, outcome),
      content: signedContent(data, path, { asOf }),
    });
  };
  const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  // Only a written assessment is waiting: one still being drafted is not.
  if (wa && wa.status === 'done' && !wa.signed_off && wa.date) add('written_assessment', ['tasks', 'written_assessment'], wa.date, wa.by);
  (data.classifications ?? []).forEach((c, i) => {
    if (!c.signed_off) add('classification', ['classifications', i], c.date, classifiersText(c.by) || undefined, c.point);
  });
  (data.decisions ?? []).forEach((d, i) => {
    if (!d.signed_off) add('decision', ['decisions', i], d.date, undefined, d.point, d.outcome);
  });
  return out;
}

/** The queue across cases, oldest first (then by case id and item). */
export function signoffQueue(cases: readonly { id: string; data: CaseData }[], asOf: IsoDate): SignoffItem[] {
  return cases.flatMap((c) => awaitingSignoff(c.id, c.data, asOf)).sort(compareSignoffItems);
}

/** The queue's order: oldest first, then by case id and place in the file. */
export function compareSignoffItems(a: SignoffItem, b: SignoffItem): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.caseId.localeCompare(b.caseId) || a.pointer.localeCompare(b.pointer);
}

/** One item named by `--item`, whether or not it is signed yet. */
export interface SignoffTarget {
  kind: SignoffKind;
  path: (string | number)[];
  pointer: string;
  date: IsoDate;
  /** Who recorded it, as words ("SW J.P. and TM A.O." for a classification made together). */
  by?: string;
  /** The people who recorded it, one by one. */
  recorders?: string[];
  point?: DecisionRecordPoint;
  signedOff?: SignOff;
}

/** A name compared as people write it: case, spacing and full stops do not matter. */
export function sameSigner(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[.\s]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

function candidates(data: CaseData): SignoffTarget[] {
  const out: SignoffTarget[] = [];
  const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  if (wa) {
    out.push({
      kind: 'written_assessment',
      path: ['tasks', 'written_assessment'],
      pointer: '/tasks/written_assessment',
      date: wa.date ?? '',
      ...(wa.by ? { by: wa.by, recorders: [wa.by] } : {}),
      ...(wa.signed_off ? { signedOff: wa.signed_off } : {}),
    });
  }
  (data.classifications ?? []).forEach((c, i) =>
    out.push({
      kind: 'classification',
      path: ['classifications', i],
      pointer: `/classifications/${i}`,
      date: c.date,
      by: classifiersText(c.by),
      recorders: classifiers(c.by),
      point: c.point,
      ...(c.signed_off ? { signedOff: c.signed_off } : {}),
    }),
  );
  (data.decisions ?? []).forEach((d, i) =>
    out.push({
      kind: 'decision',
      path: ['decisions', i],
      pointer: `/decisions/${i}`,
      date: d.date,
      point: d.point,
      ...(d.signed_off ? { signedOff: d.signed_off } : {}),
    }),
  );
  return out;
}

const ITEM_FORMS =
  'written_assessment, classification[:point], decision[:point] (points: rc1_d2, rc2_d3, rc3_post_return) or a JSON pointer such as /classifications/0';

/** Describe a target for messages: "the rc1_d2 classification of 2026-10-28 (/classifications/0)". */
export function describeTarget(t: SignoffTarget): string {
  const what = t.kind === 'written_assessment' ? 'the written assessment' : `the ${t.point} ${t.kind}`;
  return `${what}${t.date ? ` of ${t.date}` : ''} (${t.pointer})`;
}

/**
 * Find the item `spec` names. A kind (with or without a point) prefers the items
 * still waiting: one waiting item is the target; several are ambiguous; none
 * waiting but some signed means it is already signed.
 */
export function findSignoffTarget(data: CaseData, spec: string): { target: SignoffTarget } | { error: string } {
  const all = candidates(data);
  const s = spec.trim();
  if (s.startsWith('/')) {
    const segments = fromPointer(s);
    const pointer = toPointer(segments);
    const target = all.find((t) => t.pointer === pointer);
    if (target) return { target };
    return { error: `${s} is not a written assessment, classification or decision in this case (use ${ITEM_FORMS})` };
  }
  const m = /^(written_assessment|classification|decision)(?::([a-z0-9_]+))?$/.exec(s);
  if (!m || (m[1] === 'written_assessment' && m[2] !== undefined)) return { error: `--item "${spec}" is not one of: ${ITEM_FORMS}` };
  const kind = m[1] as SignoffKind;
  const point = m[2];
  if (point !== undefined && !(DECISION_POINTS as readonly string[]).includes(point)) {
    return { error: `--item "${spec}": unknown decision point "${point}" (rc1_d2, rc2_d3 or rc3_post_return)` };
  }
  const matching = all.filter((t) => t.kind === kind && (point === undefined || t.point === point));
  const name = kind === 'written_assessment' ? 'written assessment' : `${point ? `${point} ` : ''}${kind}`;
  if (matching.length === 0) return { error: `the case has no ${name}` };
  const waiting = matching.filter((t) => !t.signedOff);
  if (waiting.length === 1) return { target: waiting[0]! }; // just checked: one
  if (waiting.length === 0) {
    if (matching.length === 1) return { target: matching[0]! }; // just checked: one
    return { error: `every ${name} in the case is already signed off` };
  }
  return {
    error: `--item "${spec}" is ambiguous: ${waiting.length} ${name}s await sign-off (${waiting.map((t) => t.pointer).join(', ')}); name one with its JSON pointer`,
  };
}

/** Why this sign-off must not be recorded, or undefined when it may be. */
export function signoffRefusal(
  data: CaseData,
  target: SignoffTarget,
  signer: string,
  date: IsoDate,
  sections: readonly { heading: string; content: string }[] = [],
): string | undefined {
  const what = describeTarget(target);
  if (target.signedOff) return `${what} is already signed off by ${target.signedOff.by} on ${target.signedOff.date}`;
  if (target.kind === 'written_assessment') {
    const status = data.tasks.written_assessment?.status;
    if (status !== 'done') return `the written assessment is not done yet (status ${status}): it is signed off once written`;
    if (!data.tasks.written_assessment?.recommendation)
      return 'the written assessment has no recommendation about return (tasks.written_assessment.recommendation)';
    const missing = missingAssessmentEssentials(data, sections);
    if (missing.length > 0) {
      return `the written assessment does not yet say ${missing.map((m) => `${m.words} (assessment.${m.field})`).join(' or ')}: a manager signs off a complete assessment`;
    }
  }
  if (target.date && isAfter(target.date, date)) return `the sign-off date ${date} is before ${what} was made`;
  return undefined;
}

/**
 * A warning (never a refusal) when the manager signing is the person who recorded the item
 * alone. A classification made together (RC2: the manager and the worker) had a second
 * person in it, so the manager's sign-off of it is not a self sign-off.
 */
export function selfSignoffWarning(target: SignoffTarget, signer: string): string | undefined {
  const recorders = target.recorders ?? (target.by ? [target.by] : []);
  if (recorders.length !== 1 || !sameSigner(recorders[0]!, signer)) return undefined;
  return `${signer} is signing off ${describeTarget(target)}, which ${target.by} recorded: a self sign-off is not an independent check of the work`;
}

/** A role's name in words: the config's label, else the id with spaces ("senior manager"). */
export function roleLabel(rule: Pick<AdditionalSignoffRule, 'role' | 'label'>): string {
  return rule.label?.trim() || rule.role.replace(/_/g, ' ');
}

/** The further sign-offs (config `additional_signoffs`) a decision needs, by its point and outcome. */
export function requiredRoleSignoffs(
  decision: Pick<Decision, 'point' | 'outcome'>,
  config: Pick<ReunifyConfig, 'additional_signoffs'>,
): AdditionalSignoffRule[] {
  const seen = new Set<string>();
  return (config.additional_signoffs ?? []).filter((rule) => {
    if (rule.point !== decision.point || (rule.outcomes !== undefined && !rule.outcomes.includes(decision.outcome)) || seen.has(rule.role)) return false;
    seen.add(rule.role);
    return true;
  });
}

/** One further sign-off a decision needs and does not have on `asOf`. */
export interface MissingRoleSignoff {
  index: number;
  pointer: string;
  point: DecisionRecordPoint;
  outcome: string;
  date: IsoDate;
  role: string;
  label: string;
}

/** The further sign-offs the config asks for that a case's decisions (dated by `asOf`) do not yet have. */
export function missingRoleSignoffs(data: CaseData, config: Pick<ReunifyConfig, 'additional_signoffs'>, asOf: IsoDate): MissingRoleSignoff[] {
  const out: MissingRoleSignoff[] = [];
  (data.decisions ?? []).forEach((d, index) => {
    if (isAfter(d.date, asOf)) return;
    for (const rule of requiredRoleSignoffs(d, config)) {
      const given = (d.additional_signoffs ?? []).some((s) => s.role === rule.role && !isAfter(s.date, asOf));
      if (!given)
        out.push({ index, pointer: `/decisions/${index}`, point: d.point, outcome: d.outcome, date: d.date, role: rule.role, label: roleLabel(rule) });
    }
  });
  return out;
}

/**
 * The decision `spec` names for a further sign-off by `role`: a JSON pointer to a decision,
 * or decision[:point], preferring the decisions that do not yet have that role's sign-off.
 */
export function findRoleSignoffTarget(data: CaseData, spec: string, role: string): { index: number; decision: Decision } | { error: string } {
  const decisions = (data.decisions ?? []).map((decision, index) => ({ index, decision }));
  const s = spec.trim();
  const has = (d: Decision) => (d.additional_signoffs ?? []).some((x) => x.role === role);
  let matching: typeof decisions;
  if (s.startsWith('/')) {
    const m = /^\/decisions\/(\d+)$/.exec(toPointer(fromPointer(s)));
    const found = m ? decisions[Number(m[1])] : undefined;
    if (!found) return { error: `${s} is not a decision in this case: a further sign-off (--role) is of a decision, e.g. /decisions/1 or decision:rc2_d3` };
    matching = [found];
  } else {
    const m = /^decision(?::([a-z0-9_]+))?$/.exec(s);
    if (!m) return { error: `--item "${spec}": a further sign-off (--role) is of a decision: decision[:point] or a JSON pointer such as /decisions/1` };
    matching = decisions.filter((d) => m[1] === undefined || d.decision.point === m[1]);
    if (matching.length === 0) return { error: `the case has no ${m[1] ? `${m[1]} ` : ''}decision` };
  }
  const waiting = matching.filter((d) => !has(d.decision));
  if (waiting.length === 1) return waiting[0]!; // just checked: one
  if (waiting.length === 0) {
    const one = matching.length === 1 ? matching[0]! : undefined;
    const given = one?.decision.additional_signoffs?.find((x) => x.role === role);
    return {
      error: given
        ? `the ${one!.decision.point} decision of ${one!.decision.date} is already signed off for ${role} by ${given.by} on ${given.date}`
        : `every matching decision already has a ${role} sign-off`,
    };
  }
  return {
    error: `--item "${spec}" is ambiguous: ${waiting.length} decisions have no ${role} sign-off (${waiting.map((d) => `/decisions/${d.index}`).join(', ')}); name one with its JSON pointer`,
  };
}
