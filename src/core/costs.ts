// The cost model practitioners know from the NSPCC calculator (docs/framework.md §1.4):
// the cost of failed returns set against the cost of supporting returns, and the
// break-even improvement in successful returns. Pure arithmetic over configured
// figures; every step is kept so it can be shown, not only the answer.
import type { CaseData, IsoDate } from './caseTypes.js';
import type { ReunifyConfig } from './config.js';
import { isAfter, latest } from './dates.js';

export interface CostFigures {
  preset: string;
  failedReturn: number;
  support: number;
  source: string;
  year: number;
  currency: string;
  breakdownRate: number;
  breakdownSource: string;
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
  return {
    preset,
    failedReturn: p.failed_return,
    support: p.support,
    source: p.source,
    year: p.year,
    currency: config.costs.currency,
    breakdownRate: config.costs.breakdown_rate,
    breakdownSource: config.costs.breakdown_source,
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
  for (const { id, data } of cases) {
    if (data.stage === 'closed') continue;
    const returned = data.return?.returned;
    if (data.stage === 5 && returned && !isAfter(returned, asOf)) home.push(id);
    else if (data.stage === 5 || TOWARDS_RETURN.has(latestDecision(data, asOf)?.outcome ?? '')) planned.push(id);
  }
  return { planned, home };
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

export function caseloadCosts(returns: number, figures: CostFigures): CaseloadCosts {
  const expectedFailures = returns * figures.breakdownRate;
  const supportCost = returns * figures.support;
  return {
    returns,
    expectedFailures,
    expectedFailureCost: expectedFailures * figures.failedReturn,
    supportCost,
    failuresToPrevent: supportCost / figures.failedReturn,
    breakEvenFailureRate: Math.max(0, figures.breakdownRate - breakEven(figures).improvement),
  };
}
