// The cost model practitioners know from the NSPCC calculator (docs/framework.md §1.4):
// the cost of failed returns set against the cost of supporting returns, and the
// break-even improvement in successful returns. Pure arithmetic over configured
// figures; every step is kept so it can be shown, not only the answer.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import { LEVELS, type Level } from '../model/ids.js';
import type { ReunifyConfig } from '../model/config.js';
import { isAfter, latest } from '../text/dates.js';

export interface CostFigures {
  preset: string;
  failedReturn: number;
  support: number;
  source: string;
  year: number;
  currency: string;
  breakdownRate: number;
  breakdownSource: string;
  /** Local illustrative rates by level; a level left out uses breakdownRate. */
  ratesByLevel: Partial<Record<Level, number>>;
}

export const COSTS_NOTICE =
  'A rough guide from national averages, not a forecast: a failed return often costs more than a year of care, and harm to the child is not counted.';

/** Why the configured figures cannot be used (an unknown preset), or undefined. */
export function costSettingProblem(config: ReunifyConfig, preset = config.costs.preset): string | undefined {
  if (Object.hasOwn(config.costs.presets, preset)) return undefined;
  return `unknown cost preset "${preset}" (configured: ${Object.keys(config.costs.presets).join(', ') || 'none'})`;
}

/** The figures of a preset (default: config costs.preset). Throws on an unknown preset: check costSettingProblem first. */
export function costFigures(config: ReunifyConfig, presetName?: string): CostFigures {
  const preset = presetName ?? config.costs.preset;
  const problem = costSettingProblem(config, preset);
  if (problem) throw new Error(problem);
  const p = config.costs.presets[preset];
  if (p === undefined) throw new Error(`internal: no cost preset "${preset}"`); // costSettingProblem has found it
  return {
    preset,
    failedReturn: p.failed_return,
    support: p.support,
    source: p.source,
    year: p.year,
    currency: config.costs.currency,
    breakdownRate: config.costs.breakdown_rate,
    breakdownSource: config.costs.breakdown_source,
    ratesByLevel: { ...(config.costs.breakdown_rate_by_level ?? {}) },
  };
}

export interface BreakEven {
  /** f / s: returns supported for the cost of one failed return. */
  returnsPerFailurePrevented: number;
  /** s / f: the fall in the failure rate (as a share of returns) at which support pays for itself. */
  improvement: number;
}

export function breakEven(figures: Pick<CostFigures, 'failedReturn' | 'support'>): BreakEven {
  return { returnsPerFailurePrevented: figures.failedReturn / figures.support, improvement: figures.support / figures.failedReturn };
}

export interface CaseloadReturns {
  /** Open cases working towards a return, child not yet home. */
  planned: string[];
  /** Open cases with the child home (stage 5, returned on or before the as-of date). */
  home: string[];
  /** The latest level recorded on or before the as-of date, by case id; an unclassified case is left out. */
  levels: Record<string, Level>;
}

const TOWARDS_RETURN = new Set(['return_with_support', 'return_if_goals_met', 'return_if_change_evidenced', 'proceed_to_return', 'extend_work']);

/** The latest decision on or before `asOf` (a later entry wins a tie). */
function latestDecision(data: CaseData, asOf: IsoDate) {
  const decisions = (data.decisions ?? []).filter((d) => !isAfter(d.date, asOf));
  const when = latest(decisions.map((d) => d.date));
  return decisions.filter((d) => d.date === when).pop();
}

/**
 * Returns the caseload holds: planned (open, a decision towards return is the
 * latest, the child not home yet) and actual (open at stage 5, child home).
 */
export function caseloadReturns(cases: readonly { id: string; data: CaseData }[], asOf: IsoDate): CaseloadReturns {
  const planned: string[] = [];
  const home: string[] = [];
  const levels: Record<string, Level> = {};
  for (const { id, data } of cases) {
    if (data.stage === 'closed') continue;
    const returned = data.return?.returned;
    if (data.stage === 5 && returned && !isAfter(returned, asOf)) home.push(id);
    else if (data.stage === 5 || TOWARDS_RETURN.has(latestDecision(data, asOf)?.outcome ?? '')) planned.push(id);
    else continue;
    const level = latestLevelOn(data, asOf);
    if (level) levels[id] = level;
  }
  return { planned, home, levels };
}

/** The level of the latest classification on or before `asOf` (a later entry wins a tie). */
function latestLevelOn(data: CaseData, asOf: IsoDate): Level | undefined {
  const recorded = (data.classifications ?? []).filter((k) => !isAfter(k.date, asOf));
  const when = latest(recorded.map((k) => k.date));
  return recorded.filter((k) => k.date === when).pop()?.level;
}

/** One group of returns at one illustrative rate: a level with a local rate, or the rest at the national rate. */
export interface RateGroup {
  /** The level, or undefined for the returns at the national rate. */
  level?: Level;
  returns: number;
  rate: number;
}

/** How the returns split by the rate each is illustrated at. With no local rates, one group at the national rate. */
export function rateGroups(returns: CaseloadReturns, figures: Pick<CostFigures, 'breakdownRate' | 'ratesByLevel'>): RateGroup[] {
  const ids = [...returns.planned, ...returns.home];
  const byLevel = new Map<Level, number>();
  let national = 0;
  for (const id of ids) {
    const level = returns.levels[id];
    if (level !== undefined && figures.ratesByLevel[level] !== undefined) byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    else national++;
  }
  const groups: RateGroup[] = [...byLevel].map(([level, n]) => ({ level, returns: n, rate: figures.ratesByLevel[level]! }));
  groups.sort((a, b) => LEVELS.indexOf(a.level!) - LEVELS.indexOf(b.level!));
  if (national > 0 || groups.length === 0) groups.push({ returns: national, rate: figures.breakdownRate });
  return groups;
}

export interface CaseloadCosts {
  returns: number;
  /** returns × breakdown rate. */
  expectedFailures: number;
  /** expectedFailures × failed-return cost. */
  expectedFailureCost: number;
  /** returns × support cost. */
  supportCost: number;
  /** supportCost / failed-return cost: failed returns support must prevent to pay for itself. */
  failuresToPrevent: number;
  /** breakdown rate − break-even improvement: the failure rate at which support has paid for itself (0 when support would need to prevent every expected failure and more). */
  breakEvenFailureRate: number;
}

/**
 * The illustration for `returns` returns: how many would break down, and at what cost,
 * if they broke down at the given rates (by default all at the national rate).
 */
export function caseloadCosts(returns: number, figures: CostFigures, groups: readonly RateGroup[] = [{ returns, rate: figures.breakdownRate }]): CaseloadCosts {
  const expectedFailures = groups.reduce((sum, g) => sum + g.returns * g.rate, 0);
  const supportCost = returns * figures.support;
  return {
    returns,
    expectedFailures,
    expectedFailureCost: expectedFailures * figures.failedReturn,
    supportCost,
    failuresToPrevent: supportCost / figures.failedReturn,
    breakEvenFailureRate: Math.max(0, (returns === 0 ? figures.breakdownRate : expectedFailures / returns) - breakEven(figures).improvement),
  };
}
