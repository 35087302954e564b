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
 * Every date that records something that has happened and is later than `asOf`. Planned dates are left out: the
 * planned return, goal `by`, phase `to`, support dates, and `cla_reviews`, which the schema defines as reviews held
 * or planned. Each date is compared before its path and words are written (most are not late, and writing them all
 * out was much of what the rule cost).
 */
function futureEvents(data: CaseData, asOf: IsoDate): DatedEntry[] {
  const out: DatedEntry[] = [];
  // `described` gives the date's path and what it records, asked for only when the date is late
  const add = (date: IsoDate | undefined | null, described: () => readonly [path: string, what: string]) => {
    if (date === undefined || date === null || !isAfter(date, asOf)) return;
    const [path, what] = described();
    out.push({ path, what, date });
  };
  add(data.opened, () => ['/opened', 'the case opening']);
  add(data.child.dob, () => ['/child/dob', "the child's date of birth"]);
  add(data.child.looked_after_since, () => ['/child/looked_after_since', 'the date the child became looked after']);
  (data.triggers ?? []).forEach((t, i) => add(t.date, () => [`/triggers/${i}/date`, `trigger ${t.type}`]));
  (data.factors ?? []).forEach((f, i) => add(f.as_of, () => [`/factors/${i}/as_of`, `the evidence for factor ${f.id}`]));
  (data.capacity_to_change ?? []).forEach((c, i) => add(c.as_of, () => [`/capacity_to_change/${i}/as_of`, `the capacity-to-change evidence for ${c.person}`]));
  for (const [task, entry] of Object.entries(data.tasks)) {
    add(entry.date, () => [`/tasks/${task}/date`, `task ${task}`]);
    add(entry.signed_off?.date, () => [`/tasks/${task}/signed_off/date`, `the sign-off of task ${task}`]);
  }
  (data.classifications ?? []).forEach((c, i) => {
    add(c.date, () => [`/classifications/${i}/date`, `the ${c.point} classification`]);
    add(c.signed_off?.date, () => [`/classifications/${i}/signed_off/date`, `the sign-off of the ${c.point} classification`]);
  });
  (data.decisions ?? []).forEach((d, i) => {
    add(d.date, () => [`/decisions/${i}/date`, `the ${d.point} decision`]);
    add(d.signed_off?.date, () => [`/decisions/${i}/signed_off/date`, `the sign-off of the ${d.point} decision`]);
    (d.shared ?? []).forEach((s, j) => add(s.date, () => [`/decisions/${i}/shared/${j}/date`, `sharing the ${d.point} decision with ${s.party}`]));
  });
  add(data.agreement?.signed, () => ['/agreement/signed', 'the signing of the agreement']);
  (data.agreement?.goals ?? []).forEach((g, i) =>
    (g.progress ?? []).forEach((p, j) => add(p.date, () => [`/agreement/goals/${i}/progress/${j}/date`, `a RAG update on goal ${g.id}`])),
  );
  add(data.transition?.agreed, () => ['/transition/agreed', 'the agreement of the transition plan']);
  (data.return?.contact_phases ?? []).forEach((p, i) => add(p.from, () => [`/return/contact_phases/${i}/from`, 'the start of a contact phase']));
  add(data.return?.returned, () => ['/return/returned', 'the return home']);
  (data.return?.visits ?? []).forEach((v, i) => add(v.date, () => [`/return/visits/${i}/date`, 'a monitoring visit']));
  add(data.return?.step_down?.date, () => ['/return/step_down/date', 'the step down']);
  add(data.outcome?.date, () => ['/outcome/date', 'the case outcome']);
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
    return futureEvents(view.data, ctx.asOf).map((e) => ({
      path: e.path,
      message: `${e.what} is dated ${e.date}, after the as-of date ${ctx.asOf}: record it once it has happened`,
    }));
  },
};
