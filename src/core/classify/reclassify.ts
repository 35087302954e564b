// Reclassification against the baseline (docs/framework.md §4.4): the suggestion compared
// with the latest recorded classification and with RC1, what changed since, goals
// met or missed, whether the decision should change, and the checks the framework
// asks software to make. Flags inform the manager; they never block.
import type { CaseData, Classification, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { latestOnOrBefore } from '../text/dates.js';
import { assess, levelRank, type Contribution, type Suggestion } from './classify.js';
import { type DecisionPoint, type FactorKind, type FactorStatus, type Level } from '../model/ids.js';

export type Direction = 'up' | 'down' | 'same';

export type FactorChange = 'new' | 'resolved' | 'improved' | 'worsened' | 'persisting' | 'unchanged' | 'now_unknown' | 'still_unknown' | 'now_assessed';

export interface FactorChangeLine {
  factor: string;
  kind: FactorKind;
  static: boolean;
  /** Status at the baseline date; undefined when nothing was recorded then. */
  before?: FactorStatus;
  after: FactorStatus;
  change: FactorChange;
  evidence: string;
}

export interface RecordedLevel {
  /** Index in `classifications`. */
  index: number;
  date: IsoDate;
  point: DecisionPoint;
  level: Level;
  suggested?: Level;
}

export type ReclassificationFlagId = 'lowering-without-evidence' | 'more-unknowns' | 'static-factor-resolved';

export interface ReclassificationFlag {
  id: ReclassificationFlagId;
  message: string;
}

export interface BaselineComparison {
  /** The latest classification on or before the as-of date. */
  latest?: RecordedLevel;
  /** RC1, the framework's baseline. */
  rc1?: RecordedLevel;
  /** Suggested level against the latest classification. */
  direction?: Direction;
  directionFromRc1?: Direction;
  /** Each factor's status then and now (since the latest classification). */
  factorChanges: FactorChangeLine[];
  /** Contributions whose evidence is dated after the latest classification. */
  changedSince: Contribution[];
  goalsMet: string[];
  goalsMissed: string[];
  unknownsAtBaseline: number;
  unknownsNow: number;
  /** The latest decision at the suggestion's decision point. */
  latestDecision?: { index: number; date: IsoDate; outcome: string };
  /** The suggested decision differs from the latest decision at that point. */
  decisionShouldChange?: boolean;
  flags: ReclassificationFlag[];
}

export function directionOf(from: Level, to: Level): Direction {
  const d = levelRank(to) - levelRank(from);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

function recorded(c: Classification, index: number): RecordedLevel {
  return { index, date: c.date, point: c.point, level: c.level, ...(c.suggested ? { suggested: c.suggested } : {}) };
}

/** Latest by date, later in the file on a tie; nothing dated after `asOf`. */
const RANK: Record<FactorStatus, number> = { unknown: -1, absent: 0, partly: 1, present: 2 };

function changeOf(kind: FactorKind, before: FactorStatus | undefined, after: FactorStatus): FactorChange {
  if (after === 'unknown') return before === undefined || before === 'unknown' ? 'still_unknown' : 'now_unknown';
  if (before === undefined || before === 'unknown') return RANK[after] > 0 ? 'new' : 'now_assessed';
  const b = RANK[before];
  const a = RANK[after];
  if (a === b) return a > 0 ? 'persisting' : 'unchanged';
  if (kind === 'risk') {
    if (a < b) return a === 0 ? 'resolved' : 'improved';
    return b === 0 ? 'new' : 'worsened';
  }
  if (a > b) return b === 0 ? 'new' : 'improved';
  return 'worsened';
}

/** The status that counts for each catalogue factor (capacity and goals left out). */
function countedStatuses(contributions: readonly Contribution[]): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  for (const c of contributions) {
    if (c.source === 'capacity to change' || c.source === 'goal progress' || c.note) continue;
    out.set(c.factor, c);
  }
  return out;
}

function goalsSince(data: CaseData, since: IsoDate, asOf: IsoDate): { met: string[]; missed: string[] } {
  const met: string[] = [];
  const missed: string[] = [];
  for (const goal of data.agreement?.goals ?? []) {
    const progress = goal.progress ?? [];
    const then = latestOnOrBefore(progress, since)?.item;
    const now = latestOnOrBefore(progress, asOf)?.item;
    if (now?.rag === 'green' && now.date > since && then?.rag !== 'green') met.push(goal.id);
    else if (goal.by !== undefined && goal.by > since && goal.by < asOf && now?.rag !== 'green') missed.push(goal.id);
  }
  return { met, missed };
}

/**
 * Compare a suggestion with the recorded classifications. `proposed` is the level
 * being recorded, when there is one; the framework's checks apply to it.
 */
export function compareWithBaseline(data: CaseData, config: ReunifyConfig, suggestion: Suggestion, proposed?: Level): BaselineComparison {
  const asOf = suggestion.asOf;
  const classifications = data.classifications ?? [];
  const latestFound = latestOnOrBefore(classifications, asOf);
  const rc1Found = latestOnOrBefore(classifications, asOf, (c) => c.point === 'rc1_d2');
  const comparison: BaselineComparison = {
    factorChanges: [],
    changedSince: [],
    goalsMet: [],
    goalsMissed: [],
    unknownsAtBaseline: 0,
    unknownsNow: suggestion.gaps.length,
    flags: [],
  };
  if (suggestion.point) {
    const decision = latestOnOrBefore(data.decisions ?? [], asOf, (d) => d.point === suggestion.point);
    if (decision) {
      comparison.latestDecision = { index: decision.index, date: decision.item.date, outcome: decision.item.outcome };
      if (suggestion.decision) comparison.decisionShouldChange = suggestion.decision !== decision.item.outcome;
    }
  }
  if (rc1Found) {
    comparison.rc1 = recorded(rc1Found.item, rc1Found.index);
    comparison.directionFromRc1 = directionOf(rc1Found.item.level, suggestion.level);
  }
  if (!latestFound) return comparison;

  const baseline = latestFound.item;
  comparison.latest = recorded(baseline, latestFound.index);
  comparison.direction = directionOf(baseline.level, suggestion.level);
  // the picture as it stood on the baseline date, goals counted as they were at that point
  const then = assess(data, config, baseline.date, { withGoals: baseline.point !== 'rc1_d2' });
  comparison.unknownsAtBaseline = then.gaps.length;

  const before = countedStatuses(then.contributions);
  for (const [factor, now] of countedStatuses(suggestion.contributions)) {
    const old = before.get(factor);
    comparison.factorChanges.push({
      factor,
      kind: now.kind,
      static: now.static ?? false,
      ...(old ? { before: old.status } : {}),
      after: now.status,
      change: changeOf(now.kind, old?.status, now.status),
      evidence: now.evidence,
    });
  }
  comparison.changedSince = suggestion.contributions.filter((c) => c.date !== undefined && c.date > baseline.date);
  const goals = goalsSince(data, baseline.date, asOf);
  comparison.goalsMet = goals.met;
  comparison.goalsMissed = goals.missed;

  const level = proposed ?? suggestion.level;
  if (levelRank(level) < levelRank(baseline.level)) {
    const evidence = comparison.factorChanges.some(
      (f) =>
        (f.kind === 'risk' && !f.static && (f.change === 'resolved' || f.change === 'improved')) ||
        (f.kind === 'protective' && (f.change === 'new' || f.change === 'improved')),
    );
    if (!evidence) {
      comparison.flags.push({
        id: 'lowering-without-evidence',
        message: `lowering from ${baseline.level} to ${level} needs a dynamic risk factor resolved or improved, or a new protective factor, since ${baseline.date}: none is recorded; for the manager to review`,
      });
    }
  }
  if (comparison.unknownsNow > comparison.unknownsAtBaseline) {
    comparison.flags.push({
      id: 'more-unknowns',
      message: `${comparison.unknownsNow} factors are unknown, more than the ${comparison.unknownsAtBaseline} at the ${baseline.point} classification of ${baseline.date}: find out before relying on the level`,
    });
  }
  for (const f of comparison.factorChanges) {
    if (f.static && f.before !== undefined && RANK[f.before] > 0 && f.after === 'absent') {
      comparison.flags.push({
        id: 'static-factor-resolved',
        message: `${f.factor} was ${f.before} and is now absent, but static factors never resolve: check ${f.evidence}`,
      });
    }
  }
  return comparison;
}
