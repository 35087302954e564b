// What the HTML caseload view draws as small charts, for a manager who would rather look
// than read: open cases by stage, the risk mix at each month end, how long items have
// waited for sign-off, and overdue work by team. Pure; the counts are the view's own, and
// the risk mix over time is worked out the same way the view works out today's.
import { LEVELS, type Level } from '../model/ids.js';
import type { IsoDate } from '../model/caseTypes.js';
import { chartDates, type StatusPart } from './status.js';
import type { StatusView } from './statusView.js';

export interface ChartBar {
  label: string;
  value: number;
}

export interface StatusCharts {
  /** Open cases at each stage, 1 to 5. */
  by_stage: ChartBar[];
  /** Open cases by latest level at the end of each of the last six months, and on the as-of date. */
  risk_over_time: { date: IsoDate; by_level: Record<Level | 'none', number> }[];
  /** Items waiting for sign-off, by how long they have waited. */
  signoff_waits: ChartBar[];
  /** Overdue work (tasks of stages past their timescale, reviews and visits overdue) by team manager. */
  overdue_by_team: ChartBar[];
}

const WAIT_BANDS: { label: string; upTo: number }[] = [
  { label: 'Up to a week', upTo: 7 },
  { label: '1 to 2 weeks', upTo: 14 },
  { label: '2 to 4 weeks', upTo: 28 },
  { label: 'Over 4 weeks', upTo: Infinity },
];

/** The charts of a view from the shares of its cases (worked out with `charts: true`). */
export function statusCharts(parts: readonly StatusPart[], view: StatusView, asOf: IsoDate): StatusCharts {
  const risk_over_time = chartDates(asOf).map((date, i) => {
    const by_level = Object.fromEntries([...LEVELS, 'none'].map((l) => [l, 0])) as Record<Level | 'none', number>;
    for (const p of parts) {
      if (!p.chart) throw new Error(`internal: case ${p.id} was read without its chart share (statusPart needs charts: true)`);
      const level = p.chart.levels[i];
      if (level !== null && level !== undefined) by_level[level]++;
    }
    return { date, by_level };
  });
  const signoff_waits = WAIT_BANDS.map((band, i) => ({
    label: band.label,
    value: view.awaiting_signoff.exceptions.filter((x) => x.waiting_days <= band.upTo && (i === 0 || x.waiting_days > WAIT_BANDS[i - 1]!.upTo)).length,
  }));
  const teamOf = new Map(parts.map((p) => [p.id, p.chart?.team ?? 'No team manager named']));
  const overdue = new Map<string, number>();
  const add = (id: string, n: number) => {
    const team = teamOf.get(id) ?? 'No team manager named';
    overdue.set(team, (overdue.get(team) ?? 0) + n);
  };
  for (const x of view.overdue_tasks.exceptions) add(x.id, x.tasks.length);
  for (const x of view.reviews_due.exceptions) if (x.overdue) add(x.id, 1);
  return {
    by_stage: (['1', '2', '3', '4', '5'] as const).map((n) => ({ label: `Stage ${n}`, value: view.stage_counts.by_stage[n] })),
    risk_over_time,
    signoff_waits,
    overdue_by_team: [...overdue.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, value]) => ({ label, value })),
  };
}
