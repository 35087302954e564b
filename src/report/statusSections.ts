// The status view laid out for reading: titled sections of measures and exceptions,
// in one order and with one set of labels, so the table, CSV, Markdown and HTML
// outputs (and the caseload report) say the same thing. Pure; no escaping here.
import { LEVELS, type Level } from '../core/model/ids.js';
import { counted } from '../core/text/plural.js';
import { daysBetween } from '../core/text/dates.js';
import type { AttentionCase, MetricId, ShownStatusView, StatusView } from '../core/status/status.js';
import { COHORT_WORDS, DECISION_WORDS, cohortWords, idPhrase, idWords, listWords, longDate, partyWords, POINT_SHORT } from './words.js';

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
  /** Cases by id with a short line in words; undefined when left out of a shared output. */
  exceptions?: CaseLine[];
}

export interface CaseLine {
  id: string;
  /** In words, dates in words (table, Markdown, HTML). */
  detail: string;
  /** As the JSON has it, from ids and ISO dates (CSV). */
  raw: string;
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

type ExceptionOf<M extends MetricId> = StatusView[M] extends { exceptions: (infer E)[] } ? E : never;
type Listed = Exclude<MetricId, 'stage_counts' | 'risk_mix'>;
type Words = { [M in Listed]: (e: ExceptionOf<M>) => string };

/** Each metric's case line in words, built from the exception's fields, never from its id-based detail. */
function caseWords(levelLabels: Record<Level, string>, asOf: string): Words {
  const level = (l: Level) => levelLabels[l];
  const d = longDate;
  const item = (kind: string, point: string | null | undefined) =>
    kind === 'written_assessment'
      ? 'the written assessment'
      : kind === 'classification'
        ? `the ${POINT_SHORT[point as keyof typeof POINT_SHORT] ?? idPhrase(String(point))} classification`
        : point === 'd1_start'
          ? 'Decision 1'
          : `${DECISION_WORDS[point as keyof typeof DECISION_WORDS] ?? idPhrase(String(point))}`;
  return {
    not_considered: (e) =>
      `in ${counted(e.cohorts.length, 'cohort')} (${listWords(e.cohorts.map(cohortWords))}); no classification or decision, and ${e.last_considered ? `nothing since ${d(e.last_considered)}` : 'no record'} that return home was considered`,
    overdue_tasks: (e) =>
      `Stage ${e.stage} open ${days(e.days_open)}, ${days(e.days_open - e.timescale_weeks * 7)} over its ${e.timescale_weeks}-week timescale; ${e.tasks.length > 0 ? `still open: ${listWords(e.tasks.map(idPhrase))}` : 'its tasks are finished: the next step is due'}`,
    awaiting_signoff: (e) => {
      const [kind, point] = e.item.split(':');
      return `${item(kind!, point ?? null)} of ${d(e.date)}, waiting ${days(e.waiting_days)}`;
    },
    overrides: (e) =>
      `the ${POINT_SHORT[e.point]} classification of ${d(e.date)}: ${level(e.suggested)} suggested, ${level(e.level)} chosen (${e.category ? idPhrase(e.category) : 'no category given'})`,
    decisions_not_shared: (e) => `${DECISION_WORDS[e.point]} of ${d(e.date)} not shared with ${listWords(e.parties.map(partyWords))}`,
    reviews_due: (e) => {
      const what =
        e.review === 'cla'
          ? 'CLA review'
          : e.review === 'post_return_visit'
            ? 'visit with the child seen alone'
            : 'post-return classification (RC3) after the unplanned return';
      return e.overdue
        ? `${what} overdue by ${days(daysBetween(e.due, asOf))} (due ${d(e.due)})`
        : `${what} due ${d(e.due)}, in ${days(daysBetween(asOf, e.due))}`;
    },
    goals_red: (e) =>
      [e.red.length > 0 ? `red: ${listWords(e.red)}` : '', e.stale.length > 0 ? `not rated recently: ${listWords(e.stale)}` : ''].filter(Boolean).join('; '),
    goals_overdue: (e) => e.goals.map((g) => `goal ${g.goal} was due ${d(g.by)} and is ${g.rag ?? 'not rated'}`).join('; '),
    home_goals_stale: (e) =>
      e.goals.map((g) => (g.last_rated ? `goal ${g.goal} last rated ${d(g.last_rated)}, ${days(g.days!)} ago` : `goal ${g.goal} never rated`)).join('; '),
    signed_by_recorder: (e) => `${item(e.kind, e.point)} of ${d(e.date)} was signed off on ${d(e.signed_off)} by the person who recorded it`,
    role_signoffs_missing: (e) =>
      `${e.point === 'd1_start' ? 'Decision 1' : DECISION_WORDS[e.point]} of ${d(e.date)} (${idPhrase(e.outcome)}) needs a sign-off by ${e.label} as well as the team manager’s`,
    shared_before_signoff: (e) =>
      `${DECISION_WORDS[e.point]} of ${d(e.date)} was shared with ${listWords(e.parties.map((p) => `${partyWords(p.party)} on ${d(p.date)}`))}, ${e.signed_off ? `before its sign-off on ${d(e.signed_off)}` : 'and is not signed off'}`,
    post_return_alerts: (e) =>
      e.alerts
        .map((a) =>
          a === 'missing_episode'
            ? `missing since the return, on ${listWords(e.missing_since_return.map(d))}`
            : a === 'new_household_adult'
              ? `a new adult in the household: ${e.new_household_adult ?? 'recorded'}`
              : `unplanned return on ${d(e.returned)}`,
        )
        .join('; '),
    cost_exposure: (e) =>
      [
        e.level === 'high' || e.level === 'very_high' ? `latest level ${level(e.level)}` : '',
        e.unclassified ? (e.unplanned ? 'an unplanned return not classified' : 'not classified') : '',
        e.without_support ? 'no support in place' : '',
      ]
        .filter(Boolean)
        .join('; '),
  };
}

function exceptionsOf<M extends Listed>(view: StatusView, metric: M, words: Words): CaseLine[] | undefined {
  const list = (view[metric] as unknown as { exceptions?: ExceptionOf<M>[] }).exceptions;
  return list?.map((e) => ({ id: (e as { id: string }).id, detail: words[metric](e), raw: (e as { detail: string }).detail }));
}

/** Lay out a status view (shared or not). `levelLabels` are the configured level names. */
export function statusSections(view: View, levelLabels: Record<Level, string>, marking: string): StatusLayout {
  const v = view as unknown as StatusView; // values may be "<N" strings in a shared view; only ever printed
  const s = view.scope;
  const scope = [`${counted(show(s.cases as Value), 'case')} (${show(s.open as Value)} open, ${show(s.closed as Value)} closed)`];
  if (s.team) scope.push(`team: ${s.team}`);
  if (s.filter)
    scope.push(
      `filter: ${Object.entries(s.filter)
        .map(([k, vals]) => `${k}=${(vals as string[]).join('|')}`)
        .join(', ')}`,
    );
  const subtitle = [`As of ${longDate(view.as_of)}; ${scope.join('; ')}`];
  const words = caseWords(levelLabels, view.as_of);
  if (typeof s.skipped !== 'number' || s.skipped > 0)
    subtitle.push(
      `${counted(show(s.skipped as Value), 'file or folder', 'files or folders')} left out: ${s.skipped === 1 ? 'it' : 'they'} could not be read or failed the schema (run reunify check)`,
    );
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
        row('by_decision_point.rc1_d2', 'Latest decision: Decision 2', sc.by_decision_point.rc1_d2),
        row('by_decision_point.rc2_d3', 'Latest decision: Decision 3', sc.by_decision_point.rc2_d3),
        row('by_decision_point.rc3_post_return', 'Latest decision: post-return', sc.by_decision_point.rc3_post_return),
      ],
    },
    {
      id: 'not_considered',
      title: 'Return home not considered',
      note: `children in a cohort with no classification or decision and no record in ${counted(show(v.not_considered.within_days), 'day')} that return home was considered`,
      rows: [row('count', 'Children', v.not_considered.count, { flag: true })],
      exceptions: exceptionsOf(v, 'not_considered', words),
    },
    {
      id: 'overdue_tasks',
      title: 'Overdue tasks',
      note: 'open tasks of stages open longer than their local timescale',
      rows: [row('count', 'Tasks', v.overdue_tasks.count, { flag: true }), row('cases', 'Cases', v.overdue_tasks.cases, { flag: true })],
      exceptions: exceptionsOf(v, 'overdue_tasks', words),
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
      exceptions: exceptionsOf(v, 'awaiting_signoff', words),
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
        ...Object.entries(v.overrides.by_category).map(([k, n]) => row(`by_category.${k}`, k === 'none' ? 'No category given' : idWords(k), n)),
      ],
      exceptions: exceptionsOf(v, 'overrides', words),
    },
    {
      id: 'decisions_not_shared',
      title: 'Decisions not shared',
      note: 'decisions with a required party who has no dated sharing record',
      rows: [row('count', 'Decisions', v.decisions_not_shared.count, { flag: true }), row('cases', 'Cases', v.decisions_not_shared.cases, { flag: true })],
      exceptions: exceptionsOf(v, 'decisions_not_shared', words),
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
        row('rc3_after_unplanned_return.overdue', 'Post-return classifications overdue (unplanned returns)', v.reviews_due.rc3_after_unplanned_return.overdue, {
          flag: true,
        }),
      ],
      exceptions: exceptionsOf(v, 'reviews_due', words),
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
      exceptions: exceptionsOf(v, 'goals_red', words),
    },
    {
      id: 'goals_overdue',
      title: 'Goals past their date',
      note: 'goals whose date has passed and whose latest rating is not green',
      rows: [row('count', 'Agreements', v.goals_overdue.count, { flag: true }), row('goals', 'Goals', v.goals_overdue.goals, { flag: true })],
      exceptions: exceptionsOf(v, 'goals_overdue', words),
    },
    {
      id: 'home_goals_stale',
      title: 'Goals at home not rated recently',
      note: `children home (stage 5) with a goal not yet met and not rated for over ${counted(show(v.home_goals_stale.stale_days), 'day')}`,
      rows: [row('count', 'Children', v.home_goals_stale.count, { flag: true })],
      exceptions: exceptionsOf(v, 'home_goals_stale', words),
    },
    {
      id: 'signed_by_recorder',
      title: 'Signed off by the person who recorded it',
      note: 'written assessments and classifications with no second person’s sign-off',
      rows: [row('count', 'Items', v.signed_by_recorder.count, { flag: true }), row('cases', 'Cases', v.signed_by_recorder.cases, { flag: true })],
      exceptions: exceptionsOf(v, 'signed_by_recorder', words),
    },
    {
      id: 'shared_before_signoff',
      title: 'Shared before sign-off',
      note: 'decisions the child or family were told of before the decision was signed off',
      rows: [row('count', 'Decisions', v.shared_before_signoff.count, { flag: true }), row('cases', 'Cases', v.shared_before_signoff.cases, { flag: true })],
      exceptions: exceptionsOf(v, 'shared_before_signoff', words),
    },
    {
      id: 'role_signoffs_missing',
      title: 'Further sign-offs missing',
      note: 'decisions the local settings say need a senior manager’s or a panel’s sign-off as well, without it',
      rows: [row('count', 'Sign-offs', v.role_signoffs_missing.count, { flag: true }), row('cases', 'Cases', v.role_signoffs_missing.cases, { flag: true })],
      exceptions: exceptionsOf(v, 'role_signoffs_missing', words),
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
      exceptions: exceptionsOf(v, 'post_return_alerts', words),
    },
    costSection(v, words),
    {
      id: 'cohorts',
      title: 'Cohorts',
      note: 'open cases in each cohort (a child may be in several)',
      rows: Object.entries(v.cohorts).map(([k, n]) => row(k, capital(Object.hasOwn(COHORT_WORDS, k) ? COHORT_WORDS[k]! : idWords(k)), n)),
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
  if (view.attention) sections.unshift(attentionSection(view.attention, v, words));
  return { title: `Caseload status${view.organisation ? `: ${view.organisation}` : ''}`, marking, subtitle, sections };
}

/** The attention list in words: each reason is the case's line in its metric (the k-th reason of a metric is the k-th line of that case there). */
function attentionSection(attention: AttentionCase[], v: StatusView, words: Words): StatusSection {
  const lines = new Map<string, CaseLine[]>();
  for (const metric of Object.keys(words) as Listed[]) {
    for (const line of exceptionsOf(v, metric, words) ?? []) {
      const key = `${metric}\u0000${line.id}`;
      lines.set(key, [...(lines.get(key) ?? []), line]);
    }
  }
  // only overdue reviews are reasons
  const overdue = new Set((v.reviews_due.exceptions ?? []).filter((e) => e.overdue).map((e) => words.reviews_due(e)));
  for (const [key, list] of lines)
    if (key.startsWith('reviews_due\u0000'))
      lines.set(
        key,
        list.filter((l) => overdue.has(l.detail)),
      );
  const prefix: Partial<Record<MetricId, string>> = {
    goals_red: 'goals ',
    goals_overdue: 'goals past their date: ',
    home_goals_stale: 'goals at home not rated recently: ',
    awaiting_signoff: 'awaiting sign-off: ',
    not_considered: 'return home not considered: ',
  };
  return {
    id: 'attention',
    title: 'Attention first',
    note: 'the cases that need action now: harm at home first, then statutory lapses, then drift',
    rows: [],
    exceptions: attention.map((a) => {
      const used = new Map<string, number>();
      const parts = a.reasons.map((r) => {
        const key = `${r.metric}\u0000${a.id}`;
        const k = used.get(key) ?? 0;
        used.set(key, k + 1);
        // the stage leads the line already
        if (r.metric === 'overdue_tasks') {
          const e = v.overdue_tasks.exceptions.find((x) => x.id === a.id);
          if (e)
            return `${days(e.days_open - e.timescale_weeks * 7)} over the stage's ${e.timescale_weeks}-week timescale${e.tasks.length > 0 ? `, still open: ${listWords(e.tasks.map(idPhrase))}` : ', its tasks finished: the next step is due'}`;
        }
        const line = lines.get(key)?.[k];
        return line ? `${prefix[r.metric] ?? ''}${line.detail}` : r.text;
      });
      const stage = a.stage === 'closed' ? 'Closed' : `Stage ${a.stage}`;
      return { id: a.id, detail: `${stage}: ${parts.join('; ')}`, raw: `stage ${a.stage}: ${a.reasons.map((r) => r.text).join('; ')}` };
    }),
  };
}

const days = (n: number) => counted(n, 'day');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function costSection(v: StatusView, words: Words): StatusSection {
  const c = v.cost_exposure;
  return {
    id: 'cost_exposure',
    title: 'Cost exposure (estimate)',
    note: `${c.label}; ${c.preset}: ${c.source}`,
    rows: [
      row('returns_in_progress', 'Returns in progress (stage 5)', c.returns_in_progress),
      {
        key: 'support_cost',
        label: `Support: returns × ${money(c.figures.support, c.currency)}`,
        value: money(c.support_cost, c.currency),
        raw: c.support_cost,
      },
      row('at_risk', 'At high or very high, not classified, or without support', c.at_risk, { flag: true }),
      {
        key: 'failed_return_cost_if_broken_down',
        label: `If they broke down: × ${money(c.figures.failed_return, c.currency)}`,
        value: money(c.failed_return_cost_if_broken_down, c.currency),
        raw: c.failed_return_cost_if_broken_down,
      },
    ],
    exceptions: exceptionsOf(v, 'cost_exposure', words),
  };
}
