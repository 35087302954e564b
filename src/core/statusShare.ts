// Small-number suppression for caseload outputs shared beyond the team
// (framework.md §8: hiding very small counts is a local choice; status.suppress_below).
import type { AttentionCase, StatusView } from './statusView.js';

/** A view for sharing: any count may be "<N", and case lists are left out. */
export type SharedValue<T> = T extends number ? number | string : T extends readonly (infer U)[] ? SharedValue<U>[] : T extends object ? { [K in keyof T]: SharedValue<T[K]> } : T;
export type ShownStatusView = SharedValue<Omit<StatusView, 'attention'>> & { attention?: AttentionCase[] };

/** Numbers in the view that are settings, dates or money, not counts of children or records. */
const NOT_COUNTS = new Set(['version', 'within_days', 'stale_days', 'figures', 'year', 'rate', 'support_cost', 'failed_return_cost_if_broken_down', 'days_open', 'timescale_weeks', 'waiting_days']);

/**
 * For outputs shared beyond the team: with `below` = N > 1, every count from 1 to
 * N-1 becomes "<N"; a rate or cost worked out from a hidden count is hidden too
 * (null). Exception lists and the attention list are left out, as case ids next to
 * a hidden count would undo it.
 */
export function suppressSmallCounts(view: StatusView, below: number): ShownStatusView {
  const hide = (n: number) => below > 1 && Number.isInteger(n) && n >= 1 && n < below;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'number') return !NOT_COUNTS.has(key) && hide(value) ? `<${below}` : value;
    if (Array.isArray(value) || value === null || typeof value !== 'object' || NOT_COUNTS.has(key)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'exceptions') continue;
      Object.defineProperty(out, k, { value: walk(v, k), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const { attention: _attention, ...rest } = view;
  const shown = walk(rest, '') as ShownStatusView & { scope: { shared: boolean } };
  shown.scope.shared = true;
  const o = shown.overrides as unknown as { count: unknown; classifications: unknown; rate: unknown };
  if (typeof o.count === 'string' || typeof o.classifications === 'string') o.rate = null;
  const c = shown.cost_exposure as unknown as Record<string, unknown>;
  if (typeof c.returns_in_progress === 'string') c.support_cost = null;
  if (typeof c.at_risk === 'string') c.failed_return_cost_if_broken_down = null;
  return shown;
}
