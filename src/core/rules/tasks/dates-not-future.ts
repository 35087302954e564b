import type { CaseData, IsoDate } from '../../model/caseTypes.js';
import { isAfter } from '../../text/dates.js';
import type { CaseRule } from '../types.js';

interface DatedEntry {
  path: string;
  /** What the date records, in practice words with ids only. */
  what: string;
  date: IsoDate | undefined;
}

/**
 * Every date that records something that has happened. Planned dates are left out: the planned return, goal `by`,
 * phase `to`, support dates, and `cla_reviews`, which the schema defines as reviews held or planned.
 */
function eventDates(data: CaseData): DatedEntry[] {
  const out: DatedEntry[] = [
    { path: '/opened', what: 'the case opening', date: data.opened },
    { path: '/child/dob', what: "the child's date of birth", date: data.child.dob },
    { path: '/child/looked_after_since', what: 'the date the child became looked after', date: data.child.looked_after_since },
  ];
  (data.triggers ?? []).forEach((t, i) => out.push({ path: `/triggers/${i}/date`, what: `trigger ${t.type}`, date: t.date }));
  (data.factors ?? []).forEach((f, i) => out.push({ path: `/factors/${i}/as_of`, what: `the evidence for factor ${f.id}`, date: f.as_of }));
  (data.capacity_to_change ?? []).forEach((c, i) =>
    out.push({ path: `/capacity_to_change/${i}/as_of`, what: `the capacity-to-change evidence for ${c.person}`, date: c.as_of }),
  );
  for (const [task, entry] of Object.entries(data.tasks)) {
    out.push({ path: `/tasks/${task}/date`, what: `task ${task}`, date: entry.date });
    out.push({ path: `/tasks/${task}/signed_off/date`, what: `the sign-off of task ${task}`, date: entry.signed_off?.date });
  }
  (data.classifications ?? []).forEach((c, i) => {
    out.push({ path: `/classifications/${i}/date`, what: `the ${c.point} classification`, date: c.date });
    out.push({ path: `/classifications/${i}/signed_off/date`, what: `the sign-off of the ${c.point} classification`, date: c.signed_off?.date });
  });
  (data.decisions ?? []).forEach((d, i) => {
    out.push({ path: `/decisions/${i}/date`, what: `the ${d.point} decision`, date: d.date });
    out.push({ path: `/decisions/${i}/signed_off/date`, what: `the sign-off of the ${d.point} decision`, date: d.signed_off?.date });
    (d.shared ?? []).forEach((s, j) =>
      out.push({ path: `/decisions/${i}/shared/${j}/date`, what: `sharing the ${d.point} decision with ${s.party}`, date: s.date }),
    );
  });
  out.push({ path: '/agreement/signed', what: 'the signing of the agreement', date: data.agreement?.signed });
  (data.agreement?.goals ?? []).forEach((g, i) =>
    (g.progress ?? []).forEach((p, j) => out.push({ path: `/agreement/goals/${i}/progress/${j}/date`, what: `a RAG update on goal ${g.id}`, date: p.date })),
  );
  out.push({ path: '/transition/agreed', what: 'the agreement of the transition plan', date: data.transition?.agreed ?? undefined });
  (data.return?.contact_phases ?? []).forEach((p, i) =>
    out.push({ path: `/return/contact_phases/${i}/from`, what: 'the start of a contact phase', date: p.from }),
  );
  out.push({ path: '/return/returned', what: 'the return home', date: data.return?.returned });
  (data.return?.visits ?? []).forEach((v, i) => out.push({ path: `/return/visits/${i}/date`, what: 'a monitoring visit', date: v.date }));
  out.push({ path: '/return/step_down/date', what: 'the step down', date: data.return?.step_down?.date });
  out.push({ path: '/outcome/date', what: 'the case outcome', date: data.outcome?.date });
  return out;
}

export const datesNotFuture: CaseRule = {
  id: 'tasks/dates-not-future',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'Dates of things that have happened are not later than the as-of date',
  docs: {
    why:
      'A case file records what has been done: a decision, sign-off, visit or review dated in the future has not happened yet, and counting it hides overdue work. ' +
      'Planned dates (the planned return, goal deadlines, the end of a contact phase or a service, CLA reviews booked ahead) may lie in the future.',
    fails: '# checked as of 2026-11-01\ndecisions:\n  - { date: 2026-11-20, point: rc1_d2, outcome: return_if_goals_met }',
    passes:
      '# checked as of 2026-11-01\ndecisions:\n  - { date: 2026-10-30, point: rc1_d2, outcome: return_if_goals_met }\ntransition: { planned_return: 2027-01-15 }',
  },
  check(view, ctx) {
    return eventDates(view.data)
      .filter((e): e is DatedEntry & { date: IsoDate } => e.date !== undefined && isAfter(e.date, ctx.asOf))
      .map((e) => ({ path: e.path, message: `${e.what} is dated ${e.date}, after the as-of date ${ctx.asOf}: record it once it has happened` }));
  },
};
