// Small-number suppression for caseload outputs shared beyond the team
// (docs/framework.md §8: hiding very small counts is a local choice; status.suppress_below).
import type { AttentionCase, StatusView } from './statusView.js';

/** A view for sharing: any count may be "<N", and case lists are left out. */
export type SharedValue<T> = T extends number
  ? number | string
  : T extends readonly (infer U)[]
    ? SharedValue<U>[]
    : T extends object
      ? { [K in keyof T]: SharedValue<T[K]> }
      : T;
export type ShownStatusView = SharedValue<Omit<StatusView, 'attention'>> & { attention?: AttentionCase[] };

/** Numbers in the view that are settings, dates or money, not counts of children or records. */
const NOT_COUNTS = new Set([
  'version',
  'within_days',
  'stale_days',
  'figures',
  'year',
  'rate',
  'support_cost',
  'failed_return_cost_if_broken_down',
  'days_open',
  'timescale_weeks',
  'waiting_days',
]);

/** How a count hidden only to protect another one is shown (it may be any number, 0 included). */
export const COMPLEMENTARY = '[c]';

type Path = readonly string[];
/**
 * Counts in the view that add up: the first path is the total, the rest its parts
 * (a list of one part says two counts are the same number). Counts that overlap
 * (cohorts, goals red or stale, alerts, outcomes) are not sums and are not listed.
 */
const RELATIONS: readonly (readonly Path[])[] = [
  [
    ['scope', 'cases'],
    ['scope', 'open'],
    ['scope', 'closed'],
  ],
  [
    ['scope', 'open'],
    ['stage_counts', 'open'],
  ],
  [
    ['scope', 'closed'],
    ['stage_counts', 'closed'],
  ],
  ...['by_stage', 'by_decision_point'].map((group) => [
    ['stage_counts', 'open'],
    ['stage_counts', group, '*'],
  ]),
  [
    ['stage_counts', 'open'],
    ['risk_mix', 'by_level', '*'],
  ],
  [
    ['overrides', 'count'],
    ['overrides', 'by_category', '*'],
  ],
  [
    ['awaiting_signoff', 'count'],
    ['awaiting_signoff', 'by_kind', '*'],
  ],
  [
    ['reviews_due', 'overdue'],
    ['reviews_due', 'cla', 'overdue'],
    ['reviews_due', 'post_return_visits', 'overdue'],
    ['reviews_due', 'rc3_after_unplanned_return', 'overdue'],
  ],
  [
    ['reviews_due', 'due_soon'],
    ['reviews_due', 'cla', 'due_soon'],
    ['reviews_due', 'post_return_visits', 'due_soon'],
  ],
];

/** The paths a pattern names (`*`: every key of that map). */
function expand(root: unknown, pattern: Path): string[][] {
  let paths: string[][] = [[]];
  for (const seg of pattern) {
    paths = paths.flatMap((p) => {
      const at = p.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root);
      if (seg !== '*') return [[...p, seg]];
      return at !== null && typeof at === 'object' ? Object.keys(at).map((k) => [...p, k]) : [];
    });
  }
  return paths.filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root) === 'number');
}

/**
 * Complementary suppression: in every sum where a count is hidden, the total is
 * hidden too and at least two of its parts are, so no hidden count can be worked
 * out by subtraction (from the total and the other parts) or from the range "<N"
 * (several "<N" parts adding up to a shown total). Repeated until nothing changes,
 * since hiding a total hides it in every sum it belongs to.
 */
function complementary(view: unknown, hidden: Set<string>): Set<string> {
  const extra = new Set<string>();
  const valueOf = (key: string) => key.split('\u0000').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], view) as number;
  const relations = RELATIONS.map((r) => r.map((pattern) => expand(view, pattern)).map((ps) => ps.map((p) => p.join('\u0000'))));
  const isHidden = (k: string) => hidden.has(k) || extra.has(k);
  for (let changed = true; changed;) {
    changed = false;
    for (const [totals, ...partLists] of relations) {
      const total = totals?.[0];
      if (total === undefined) continue;
      const parts = partLists.flat();
      if (![total, ...parts].some(isHidden)) continue;
      if (!isHidden(total)) {
        extra.add(total);
        changed = true;
      }
      const shown = parts.filter((k) => !isHidden(k)).sort((a, b) => (valueOf(a) === 0 ? 1 : 0) - (valueOf(b) === 0 ? 1 : 0) || valueOf(a) - valueOf(b));
      let need = Math.min(2, parts.length) - parts.filter(isHidden).length;
      for (const k of shown) {
        if (need <= 0) break;
        extra.add(k);
        need--;
        changed = true;
      }
    }
  }
  return extra;
}

/**
 * For outputs shared beyond the team: with `below` = N > 1, every count from 1 to
 * N-1 becomes "<N", and enough other counts become "[c]" (complementary
 * suppression) that none can be recovered from totals or by subtraction; a rate or
 * cost worked out from a hidden count is hidden too (null). Exception lists and the
 * attention list are left out, as case ids next to a hidden count would undo it.
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
  if (below > 1) {
    const primary = new Set<string>();
    for (const relation of RELATIONS) {
      for (const pattern of relation) {
        for (const p of expand(rest, pattern)) {
          if (p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], shown) === `<${below}`) primary.add(p.join('\u0000'));
        }
      }
    }
    for (const key of complementary(rest, primary)) {
      const p = key.split('\u0000');
      const parent = p.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], shown) as Record<string, unknown>;
      parent[p.at(-1)!] = COMPLEMENTARY; // split gives at least one part
    }
  }
  shown.scope.shared = true;
  const o = shown.overrides as unknown as { count: unknown; classifications: unknown; rate: unknown };
  if (typeof o.count === 'string' || typeof o.classifications === 'string') o.rate = null;
  // (returns_in_progress and at_risk are hidden as "<N" or "[c]": either way the cost built on them goes)
  const c = shown.cost_exposure as unknown as Record<string, unknown>;
  if (typeof c.returns_in_progress === 'string') c.support_cost = null;
  if (typeof c.at_risk === 'string') c.failed_return_cost_if_broken_down = null;
  return shown;
}
