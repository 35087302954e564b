// The status view laid out for reading: titled sections of measures and exceptions,
// in one order and with one set of labels, so the table, CSV, Markdown and HTML
// outputs (and the caseload report) say the same thing. Pure; no escaping here.
import { LEVELS, type Level } from '../core/model/ids.js';
import { counted } from '../core/text/plural.js';
import type { ShownStatusView, StatusView } from '../core/status/status.js';

export interface StatusRow {
  /** Machine name within the section, e.g. by_stage.3 (CSV `measure`). */
  key: string;
  label: string;
  /** As printed, e.g. "1,204", "£7,857", "12.5%". */
  value: string;
  /** As data, e.g. 1204, 7857, 0.125, "<5" (CSV and JSON-minded renderers use this). */
  raw: number | string | null;
  /** A risk level the row is about, for colour. */
  level?: Level;
  /** The value is a count above zero of something that needs action. */
  flag?: boolean;
}

export interface StatusSection {
  /** Metric id, or cohorts / outcomes / attention. */
  id: string;
  title: string;
  /** One line saying what is counted. */
  note?: string;
  rows: StatusRow[];
  /** Cases by id with a short line; undefined when left out of a shared output. */
  exceptions?: { id: string; detail: string }[];
}

export interface StatusLayout {
  title: string;
  /** Protective marking (config \`report.marking\`), printed first in every Markdown and HTML copy. */
  marking: string;
  /** Lines under the title: date, scope, filters. */
  subtitle: string[];
  sections: StatusSection[];
}

type View = StatusView | ShownStatusView;
type Value = number | string | null;

const show = (v: Value): string => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en-GB') : v);
const flagged = (v: Value): boolean => (typeof v === 'number' ? v > 0 : typeof v === 'string' && v.startsWith('<'));

function money(v: Value, currency: string): string {
  if (typeof v !== 'number') return show(v);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(v);
  } catch {
    return `${currency} ${show(v)}`;
  }
}

function rate(v: Value): string {
  return typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : show(v);
}

const row = (key: string, label: string, value: Value, options: { flag?: boolean; level?: Level } = {}): StatusRow => ({
  key,
  label,
  value: show(value),
  raw: value,
  ...(options.flag && flagged(value) ? { flag: true } : {}),
  ...(options.level ? { level: options.level } : {}),
});

function exceptionsOf(metric: object): { id: string; detail: string }[] | undefined {
  const list = (metric as { exceptions?: { id: string; detail: string }[] }).exceptions;
  return list?.map((e) => ({ id: e.id, detail: e.detail }));
}

/** Lay out a status view (shared or not). `levelLabels` are the configured level names. */
export function statusSections(view: View, levelLabels: Record<Level, string>, marking: string): StatusLayout {
  const v = view as unknown as StatusView; // values may be "<N" strings in a shared view; only ever printed
  const s = view.scope;
  const scope = [`${counted(show(s.cases as Value), 'case')} (${show(s.open as Value)} open, ${show(s.closed as Value)} closed)`];
  if (s.team) scope.push(`team: ${s.team}`);
  if (s.filter) scope.push(`filter: ${Object.entries(s.filter).map(([k, vals]) => `${k}=${(vals as string[]).join('|')}`).join(', ')}`);
  const subtitle = [`As of ${view.as_of}; ${scope.join('; ')}`];
  if (typeof s.skipped !== 'number' || s.skipped > 0) subtitle.push(`${counted(show(s.skipped as Value), 'file or folder', 'files or folders')} left out: ${s.skipped === 1 ? 'it' : 'they'} could not be read or failed the schema (run reunify check)`);
  if (s.shared) subtitle.push('Shared output: small counts may be hidden and cases are not listed.');

  const sc = v.stage_counts;
  const sections: StatusSection[] = [
    {
      id: 'stage_counts',
      title: 'Cases by stage',
      note: 'open cases by stage, and by the latest decision point with a decision recorded',
      rows: [
        row('open', 'Open', sc.open),
        row('closed', 'Closed', sc.closed),
        ...(['1', '2', '3', '4', '5'] as const).map((n) => row(`by_stage.${n}`, `Stage ${n}`, sc.by_stage[n])),
        row('by_decision_point.none', 'No decision yet', sc.by_decision_point.none),
        row('by_decision_point.rc1_d2', 'Decision 2 (rc1_d2)', sc.by_decision_point.rc1_d2),
        row('by_decision_point.rc2_d3', 'Decision 3 (rc2_d3)', sc.by_decision_point.rc2_d3),
        row('by_decision_point.rc3_post_return', 'Post-return (rc3_post_return)', sc.by_decision_point.rc3_post_return),
      ],
    },
    {
      id: 'not_considered',
      title: 'Return home not considered',
      note: `children in a cohort with no classification or decision and no record in ${counted(show(v.not_considered.within_days), 'day')} that return home was considered`,
      rows: [row('count', 'Children', v.not_considered.count, { flag: true })],
      exceptions: exceptionsOf(v.not_considered),
    },
    {
      id: 'overdue_tasks',
      title: 'Overdue tasks',
      note: 'open tasks of stages open longer than their local timescale',
      rows: [row('count', 'Tasks', v.overdue_tasks.count, { flag: true }), row('cases', 'Cases', v.overdue_tasks.cases, { flag: true })],
      exceptions: exceptionsOf(v.overdue_tasks),
    },
    {
      id: 'awaiting_signoff',
      title: 'Awaiting sign-off',
      note: 'written assessments, classifications and decisions without a manager’s sign-off',
      rows: [
        row('count', 'Items', v.awaiting_signoff.count, { flag: true }),
        row('by_kind.written_assessment', 'Written assessments', v.awaiting_signoff.by_kind.written_assessment),
        row('by_kind.classification', 'Classifications', v.awaiting_signoff.by_kind.classification),
        row('by_kind.decision', 'Decisions', v.awaiting_signoff.by_kind.decision),
      ],
      exceptions: exceptionsOf(v.awaiting_signoff),
    },
    {
      id: 'risk_mix',
      title: 'Risk mix',
      note: 'open cases by latest level; movement between RC1, RC2 and RC3',
      rows: [
        ...LEVELS.map((l) => row(`by_level.${l}`, levelLabels[l], v.risk_mix.by_level[l], { level: l })),
        row('by_level.none', 'Not classified yet', v.risk_mix.by_level.none),
        ...(['up', 'down', 'same'] as const).map((d) => row(`movement.rc1_to_rc2.${d}`, `RC1 → RC2 ${d}`, v.risk_mix.movement.rc1_to_rc2[d])),
        ...(['up', 'down', 'same'] as const).map((d) => row(`movement.rc2_to_rc3.${d}`, `RC2 → RC3 ${d}`, v.risk_mix.movement.rc2_to_rc3[d])),
      ],
    },
    {
      id: 'overrides',
      title: 'Overrides',
      note: 'chosen level differs from the suggested level: a learning signal, not a failure',
      rows: [
        row('count', 'Overrides', v.overrides.count),
        row('classifications', 'Classifications with a suggestion', v.overrides.classifications),
        { key: 'rate', label: 'Override rate', value: rate(v.overrides.rate), raw: v.overrides.rate },
        ...Object.entries(v.overrides.by_category).map(([k, n]) => row(`by_category.${k}`, k === 'none' ? 'No category given' : k, n)),
      ],
      exceptions: exceptionsOf(v.overrides),
    },
    {
      id: 'decisions_not_shared',
      title: 'Decisions not shared',
      note: 'decisions with a required party who has no dated sharing record',
      rows: [row('count', 'Decisions', v.decisions_not_shared.count, { flag: true }), row('cases', 'Cases', v.decisions_not_shared.cases, { flag: true })],
      exceptions: exceptionsOf(v.decisions_not_shared),
    },
    {
      id: 'reviews_due',
      title: 'Reviews due',
      note: `CLA reviews and post-return visits overdue or due within ${counted(show(v.reviews_due.within_days), 'day')}; post-return classifications after an unplanned return overdue`,
      rows: [
        row('overdue', 'Overdue', v.reviews_due.overdue, { flag: true }),
        row('due_soon', 'Due soon', v.reviews_due.due_soon),
        row('cla.overdue', 'CLA reviews overdue', v.reviews_due.cla.overdue, { flag: true }),
        row('cla.due_soon', 'CLA reviews due soon', v.reviews_due.cla.due_soon),
        row('post_return_visits.overdue', 'Post-return visits overdue', v.reviews_due.post_return_visits.overdue, { flag: true }),
        row('post_return_visits.due_soon', 'Post-return visits due soon', v.reviews_due.post_return_visits.due_soon),
        row('rc3_after_unplanned_return.overdue', 'Post-return classifications overdue (unplanned returns)', v.reviews_due.rc3_after_unplanned_return.overdue, { flag: true }),
      ],
      exceptions: exceptionsOf(v.reviews_due),
    },
    {
      id: 'goals_red',
      title: 'Goals red or not rated',
      note: `agreements with a red goal, or a goal not rated for over ${counted(show(v.goals_red.stale_days), 'day')}`,
      rows: [
        row('count', 'Agreements', v.goals_red.count, { flag: true }),
        row('red', 'With a red goal', v.goals_red.red, { flag: true }),
        row('stale', 'With a goal not rated recently', v.goals_red.stale),
      ],
      exceptions: exceptionsOf(v.goals_red),
    },
    {
      id: 'post_return_alerts',
      title: 'Post-return alerts',
      note: 'among children home now: missing episodes since the return, a new household adult, unplanned returns',
      rows: [
        row('home', 'Children home now', v.post_return_alerts.home),
        row('count', 'With an alert', v.post_return_alerts.count, { flag: true }),
        row('missing_episode', 'Missing since the return', v.post_return_alerts.missing_episode, { flag: true }),
        row('new_household_adult', 'New household adult present, partly or unknown', v.post_return_alerts.new_household_adult, { flag: true }),
        row('unplanned_return', 'Unplanned return', v.post_return_alerts.unplanned_return, { flag: true }),
      ],
      exceptions: exceptionsOf(v.post_return_alerts),
    },
    costSection(v),
    {
      id: 'cohorts',
      title: 'Cohorts',
      note: 'open cases in each cohort (a child may be in several)',
      rows: Object.entries(v.cohorts).map(([k, n]) => row(k, k, n)),
    },
    {
      id: 'outcomes',
      title: 'Outcomes',
      rows: [
        row('home_now', 'Home now (open, stage 5)', v.outcomes.home_now),
        row('at_home', 'Closed, at home', v.outcomes.at_home),
        row('stepped_down', 'Stepped down', v.outcomes.stepped_down),
        row('not_returned', 'Closed, not returned', v.outcomes.not_returned),
        row('re_entered_care', 'Closed, re-entered care', v.outcomes.re_entered_care),
      ],
    },
  ];
  if (view.attention) {
    sections.push({
      id: 'attention',
      title: 'Attention first',
      note: 'harm at home first, then statutory lapses, then drift',
      rows: [],
      exceptions: view.attention.map((a) => ({ id: a.id, detail: `stage ${a.stage}: ${a.reasons.map((r) => r.text).join('; ')}` })),
    });
  }
  return { title: `Caseload status${view.organisation ? `: ${view.organisation}` : ''}`, marking, subtitle, sections };
}

function costSection(v: StatusView): StatusSection {
  const c = v.cost_exposure;
  return {
    id: 'cost_exposure',
    title: 'Cost exposure (estimate)',
    note: `${c.label}; ${c.preset}: ${c.source}`,
    rows: [
      row('returns_in_progress', 'Returns in progress (stage 5)', c.returns_in_progress),
      { key: 'support_cost', label: `Support: returns × ${money(c.figures.support, c.currency)}`, value: money(c.support_cost, c.currency), raw: c.support_cost },
      row('at_risk', 'At high/very high, or without support', c.at_risk, { flag: true }),
      { key: 'failed_return_cost_if_broken_down', label: `If they broke down: × ${money(c.figures.failed_return, c.currency)}`, value: money(c.failed_return_cost_if_broken_down, c.currency), raw: c.failed_return_cost_if_broken_down },
    ],
    exceptions: exceptionsOf(c),
  };
}
