// The markdown body of a generated fictional case: case history with a chronology,
// analysis, the child's views and notes, written from the front matter so the
// narrative and the record agree.
import type { CaseData, FactorEntry } from '../model/caseTypes.js';
import { addMonths, ageOn } from '../text/dates.js';
import { FACTORS } from '../model/ids.js';
import { longDate, monthYear } from '../text/dateText.js';
import type { Family } from './generate.js';
import {
  BACKGROUNDS,
  CARE_REASONS,
  CHILD_VIEWS,
  SCHOOL_NAMES,
  TOWN_NAMES,
  fill,
  schoolKind,
  type CareReasonId,
  type TextContext,
  type Wording,
} from './generateText.js';
import type { Rng } from './random.js';

/** Short practice words for a factor, for sentences. */
export const FACTOR_WORDS: Record<string, string> = {
  child_age_over_10: "the child's age",
  previous_failed_return: 'a previous failed return',
  child_behaviour_difficulties: "the child's behaviour",
  missing_episodes: 'missing episodes',
  parental_substance_misuse: 'substance misuse',
  domestic_abuse: 'domestic abuse',
  parental_mental_health: 'mental health',
  problems_unaddressed: 'the problems that led to care',
  parental_ambivalence: 'ambivalence about the return',
  parental_isolation: 'isolation',
  new_household_adult: 'a new adult in the household',
  previous_child_removals: 'earlier removals of children',
  unplanned_return: 'an unplanned return',
  poor_assessment_planning: 'assessment and planning',
  insufficient_services: 'gaps in services',
  household_change: 'the change in the household',
  sustained_parental_change: 'sustained change',
  clear_conditions: 'clear conditions',
  phased_return: 'a phased return',
  specialist_services: 'specialist help',
  extended_family_support: 'wider family support',
  carer_continuity: 'the carers staying in touch',
  child_views_heard: "the child's views being heard",
  consistent_social_worker: 'one social worker throughout',
  safe_adult_in_place: 'a safe adult',
};

const LEGAL_WORDS: Record<string, string> = {
  s20: 'accommodated under s20 with parental agreement',
  s31: 'under a care order (s31)',
  s38: 'under an interim care order (s38) while care proceedings run',
  not_looked_after: 'not looked after',
  other: 'under another arrangement',
};

const PLACEMENT_WORDS: { other: string; [placement: string]: string } = {
  foster: 'with {carer}',
  kinship: 'with {relative} in a kinship placement',
  residential: 'in a residential home, with {carer} as key worker',
  parents: 'at home with {parent}',
  other: 'in another arrangement',
};

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function currentFactors(factors: readonly FactorEntry[]): Map<string, FactorEntry> {
  const out = new Map<string, FactorEntry>();
  for (const f of factors) {
    const prev = out.get(f.id);
    if (!prev || (prev.as_of ?? '') <= (f.as_of ?? '')) out.set(f.id, f);
  }
  return out;
}

export interface BodyOptions {
  reason: CareReasonId;
  source?: string;
  asOf: string;
  /** The legal status while the child was in care (s20 ends on return home). */
  legalInCare: string;
  /** A wording that fits the case on a date, preferring one the pack has not used. */
  pick(rng: Rng, pool: readonly Wording[], at: string): string | undefined;
  /** Two wordings joined, the pair not used in the pack where the pools allow. */
  pickPair(rng: Rng, first: readonly Wording[], second: readonly Wording[], at: string): string;
  context(at: string): TextContext;
}

export function caseBody(rng: Rng, data: CaseData, family: Family, options: BodyOptions): string {
  const values = {
    parent: family.returningTo.ref,
    child: family.child,
    relative: family.relative.ref,
    carer: family.carer?.ref ?? family.relative.ref,
    mumdad: family.returningTo.relation === 'father' ? 'dad' : 'mum',
  };
  const age = ageOn(data.child.dob, options.asOf);
  const kind = schoolKind(age);
  const school = kind ? `${SCHOOL_NAMES[family.school % SCHOOL_NAMES.length]} ${kind}` : undefined;
  const town = TOWN_NAMES[family.town % TOWN_NAMES.length];
  const since = data.child.looked_after_since ?? data.opened;
  const ageThen = ageOn(data.child.dob, since);
  const finder = ageThen < 3 ? 'the health visitor' : ageThen < 5 ? 'nursery staff' : 'the school';
  const reason = fill(options.pick(rng, CARE_REASONS[options.reason].stories, since) ?? 'concerns about the care at home', { ...values, professional: finder });
  const failed = data.history?.failed_returns ?? 0;
  const out: string[] = [];

  out.push('## Case history', '');
  out.push(`Fictional case generated for training${options.source ? ` (${options.source})` : ''}: every person, place, school and date in it is invented.`, '');
  const where = fill(PLACEMENT_WORDS[data.child.placement ?? 'other'] ?? PLACEMENT_WORDS.other, values);
  const history =
    failed === 0
      ? 'This is the first time in care.'
      : `${family.child} has been home before: ${failed === 1 ? 'one earlier return' : `${failed} earlier returns`} ended with ${family.child} back in care.`;
  const returned = data.return?.returned;
  const inCare =
    data.child.legal_status === 'not_looked_after' && returned
      ? `was looked after from ${longDate(since)}, ${LEGAL_WORDS[options.legalInCare] ?? 'in care'}, after ${reason}; the s20 accommodation ended on the return home on ${longDate(returned)}.`
      : `has been looked after since ${longDate(since)}, ${LEGAL_WORDS[data.child.legal_status] ?? 'in care'}, after ${reason}.`;
  const attends = school ? `attends ${school} in ${town}` : `is not yet at nursery; the family live in ${town}`;
  out.push(`${family.child} (${age}) ${inCare} ${history} ${family.child} lives ${where} and ${attends}.`, '');
  const background = rng.chance(0.75) ? options.pick(rng, BACKGROUNDS, options.asOf) : undefined;
  if (background) out.push(fill(background, values), '');

  const rows: [string, string, string][] = [];
  for (let i = failed; i >= 1; i--) {
    const at = addMonths(since, -12 * i - 4);
    rows.push([at.slice(0, 7), i === failed ? 'First entry to care' : 'Entry to care', 'Same concerns as now']);
    rows.push([addMonths(at, 5).slice(0, 7), 'Returned home', i === failed ? 'Without a written plan or goals' : 'Support ended after a few weeks']);
  }
  rows.push([since, 'Came into care', LEGAL_WORDS[data.child.legal_status] ?? '']);
  rows.push([data.opened, 'Reunification work opened', 'Return home considered']);
  const wa = data.tasks.written_assessment;
  if (wa?.status === 'done' && wa.date) rows.push([wa.date, 'Written assessment', `Recommendation: ${wa.recommendation ?? 'pending'}`]);
  for (const c of data.classifications ?? []) rows.push([c.date, `Classification (${c.point})`, `Level ${c.level.replace('_', ' ')}`]);
  if (data.agreement?.signed) rows.push([data.agreement.signed, 'Parental agreement signed', `${data.agreement.goals?.length ?? 0} goals`]);
  if (data.return?.returned)
    rows.push([
      data.return.returned,
      data.return.unplanned ? 'Unplanned return home' : 'Returned home',
      data.return.unplanned ? 'The parent ended s20' : options.legalInCare === 's20' ? 'After phased contact; s20 accommodation ended' : 'After phased contact',
    ]);
  if (data.return?.step_down) rows.push([data.return.step_down.date, 'Stepped down', 'To a child in need plan']);
  if (data.outcome) rows.push([data.outcome.date, 'Case closed', data.outcome.status.replace(/_/g, ' ')]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.push('| Date | Event | Analysis |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`), '');

  const genogram = (data.people ?? []).map(
    (p) =>
      `${p.ref} (${p.relation.replace(/_/g, ' ')}${p.pr ? ', PR' : ''}${p.household ? ', household' : ''}${p.carer ? ', carer' : ''}${p.safe_adult ? ', safe adult' : ''})`,
  );
  out.push(`Genogram: ${listWords(genogram)}.`, '');

  if (wa?.status === 'done') {
    const current = currentFactors(data.factors ?? []);
    const named = (pick: (f: FactorEntry) => boolean) => [...current.values()].filter(pick).map((f) => FACTOR_WORDS[f.id] ?? f.id);
    const risks = named((f) => f.status !== 'absent' && f.status !== 'unknown' && !isProtective(f.id));
    const protective = named((f) => (f.status === 'present' || f.status === 'partly') && isProtective(f.id));
    const unknown = named((f) => f.status === 'unknown');
    out.push('## Analysis', '');
    out.push(
      `The main worries are ${risks.length ? listWords(risks) : 'few'}. ${protective.length ? `On the other side are ${listWords(protective)}.` : 'Little yet protects against them.'} ${
        unknown.length ? `We do not yet know enough about ${listWords(unknown)}, and that gap is not evidence of safety.` : ''
      }`.trim(),
      '',
    );
    const goals = data.agreement?.goals ?? [];
    if (goals.length > 0) {
      const latest = goals.map((g) => g.progress?.[g.progress.length - 1]?.rag ?? 'not yet rated');
      const green = latest.filter((r) => r === 'green').length;
      out.push(
        `Of ${goals.length} goals in the agreement signed on ${longDate(data.agreement!.signed!)}, ${green} ${green === 1 ? 'is' : 'are'} green at the latest review (${monthYear(latestDate(goals) ?? data.agreement!.signed!)}).`,
        '',
      );
    }
    if (data.return?.returned) {
      const visits = data.return.visits?.length ?? 0;
      out.push(
        `${family.child} went home on ${longDate(data.return.returned)}. ${visits} visits since, ${age < 5 ? `with ${family.child} seen and observed each time` : `with ${family.child} seen alone each time`}.`,
        '',
      );
    }
  }

  out.push("## Child's views", '');
  // a child under five is observed; an older child speaks for themselves, and what they say matches what is recorded
  const home = data.child.placement === 'parents';
  const group = age < 5 ? CHILD_VIEWS.young : home ? CHILD_VIEWS.home : data.child.wants_to_return ? CHILD_VIEWS.wants : CHILD_VIEWS.unsure;
  const view = fill(options.pickPair(rng, group.opening, group.detail, options.asOf), values);
  out.push(age < 5 ? view : `${family.child} (seen alone): ${view}`, '');

  out.push('## Notes', '');
  const planned = (data.cla_reviews ?? []).filter((d) => d > options.asOf)[0];
  if (planned) out.push(`- Next CLA review booked for ${longDate(planned)}.`);
  out.push(`- Safe adult: ${family.safeAdult.ref}.`);
  out.push(school ? `- ${kind === 'Nursery' ? 'Nursery' : 'School'}: ${school}, ${town}.` : `- Not yet at nursery; seen by the health visitor.`);
  return out.join('\n') + '\n';
}

const PROTECTIVE = new Set(FACTORS.filter((f) => f.kind === 'protective').map((f) => f.id));

function isProtective(id: string): boolean {
  return PROTECTIVE.has(id);
}

function latestDate(goals: readonly { progress?: { date: string }[] }[]): string | undefined {
  let best: string | undefined;
  for (const g of goals) for (const p of g.progress ?? []) if (!best || p.date > best) best = p.date;
  return best;
}
