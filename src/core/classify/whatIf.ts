// Two things `reunify classify` shows beside the sum: for each unknown factor, the level
// the case would be suggested if that factor were found present (worked out by the same
// engine on the case with only that entry changed, forcing floors included), and which
// counted evidence is older than `classification.evidence_max_age_days`. Pure.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import type { Level } from '../model/ids.js';
import { daysBetween } from '../text/dates.js';
import { classify, isSuperseded, type Contribution, type Gap } from './classify.js';

export interface IfPresent {
  /** The gap's evidence pointer (e.g. /factors/5, /history/failed_returns). */
  evidence: string;
  factor: string;
  person?: string;
  level: Level;
  score: number;
}

/** Counts in `history` whose absence makes a derived factor unknown. */
const HISTORY_COUNTS = new Set(['failed_returns', 'parent_prior_removals', 'missing_episodes']);

/** The case with the gap's factor recorded as present, or undefined when the gap is not a factor (capacity, goals). */
function withFactorPresent(data: CaseData, gap: Gap): CaseData | undefined {
  const entry = /^\/factors\/(\d+)$/.exec(gap.evidence);
  if (entry) {
    const index = Number(entry[1]);
    const factors = data.factors ?? [];
    const found = factors[index];
    if (!found) return undefined;
    return { ...data, factors: factors.map((f, i) => (i === index ? { ...f, status: 'present' as const } : f)) };
  }
  const history = /^\/history\/([a-z_]+)$/.exec(gap.evidence);
  if (history && HISTORY_COUNTS.has(history[1]!)) return { ...data, history: { ...data.history, [history[1]!]: 1 } };
  return undefined;
}

/** For each unknown factor (not capacity or goal gaps), the suggested level and score if it were present. */
export function levelsIfPresent(data: CaseData, config: ReunifyConfig, asOf: IsoDate, gaps: readonly Gap[]): IfPresent[] {
  const out: IfPresent[] = [];
  for (const gap of gaps) {
    const changed = withFactorPresent(data, gap);
    if (!changed) continue;
    const s = classify(changed, config, asOf);
    out.push({ evidence: gap.evidence, factor: gap.factor, ...(gap.person ? { person: gap.person } : {}), level: s.level, score: s.score });
  }
  return out;
}

/** Evidence pointers of standing contributions (superseded entries left out) whose date is more than `maxAgeDays` before `asOf` (overdue-goal lines carry a deadline, not evidence). */
export function oldEvidence(contributions: readonly Contribution[], asOf: IsoDate, maxAgeDays: number): string[] {
  return contributions.filter((c) => c.date !== undefined && !c.overdue && !isSuperseded(c) && daysBetween(c.date, asOf) > maxAgeDays).map((c) => c.evidence);
}
