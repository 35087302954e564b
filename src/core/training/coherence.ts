// Does a generated fictional case agree with itself? Reads a case (front matter and
// body) the way a trainer would, and lists each fact that contradicts another: a
// baby who chose a safe adult, a toddler at school, a teenager seen by the health
// visitor, a child at home still accommodated under s20, a child whose words
// contradict what is recorded of their wishes, and so on. Used by the tests of the
// case generator and of training packs. Pure: no I/O.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import { ageOn, daysBetween } from '../text/dates.js';

export const COHERENCE_RULES = {
  'school-by-age': 'School or nursery that does not fit the child’s age (none under 3, nursery at 3, primary from 4, secondary from 11)',
  'speech-by-age': 'A child under 5 said to choose, agree, be seen alone, have an advocate or give views in words',
  'health-visitor-by-age': 'Health-visitor evidence for a child of 5 or over',
  's20-at-home': 'A child at home still accommodated under s20 (s20 ends on return home)',
  'interim-order-too-long': 'An interim care order running for more than a year, or without care proceedings',
  'history-chronology': 'History counts that disagree with the chronology',
  'return-without-history': 'An earlier or last return mentioned when none is recorded',
  'partner-without-partner': 'A new partner mentioned when no partner is in the household',
  'views-against-wishes': 'The child’s words contradict what is recorded of their wish to go home',
  'goal-comment-rating': 'A goal’s review comment that does not fit its rating or the goal',
  contradiction: 'Two facts of the case that cannot both be true',
  'phasing-too-short': 'Less than six weeks from the first phase of contact to the return home',
  'household-change-definition': 'Household change evidence that is about moving house, not the source of harm leaving',
  'repeated-family-letter': 'Two families in one pack named with the same letter',
  'repeated-sentence': 'The same story, view or background sentence in two cases of one pack',
} as const;

export type CoherenceRule = keyof typeof COHERENCE_RULES;

export interface Violation {
  rule: CoherenceRule;
  /** The case id. */
  id: string;
  message: string;
}

export interface CaseUnderCheck {
  data: CaseData;
  body: string;
}

interface DatedText {
  where: string;
  text: string;
  date: IsoDate;
}

const CONCERN_FACTORS = ['parental_substance_misuse', 'domestic_abuse', 'parental_mental_health', 'problems_unaddressed'];

/** Every free-text field of the front matter with the date it speaks for. */
function datedTexts(data: CaseData, asOf: IsoDate): DatedText[] {
  const out: DatedText[] = [];
  const add = (where: string, text: string | undefined | null, date: IsoDate | undefined) => {
    if (typeof text === 'string' && text !== '') out.push({ where, text, date: date ?? asOf });
  };
  (data.factors ?? []).forEach((f, i) => add(`factors[${i}] ${f.id}`, f.evidence, f.as_of));
  (data.capacity_to_change ?? []).forEach((c, i) => add(`capacity_to_change[${i}]`, c.evidence, c.as_of));
  const a = data.agreement;
  if (a) {
    const on = a.signed;
    for (const p of a.parents ?? []) {
      add('agreement strengths', p.strengths, on);
      add('agreement worries', p.worries, on);
    }
    for (const g of a.goals ?? []) {
      add(`goal ${g.id}`, g.goal, on);
      for (const s of g.steps ?? []) add(`goal ${g.id} step`, s, on);
      add(`goal ${g.id} support`, g.support, on);
      add(`goal ${g.id} success`, g.success, on);
      for (const p of g.progress ?? []) add(`goal ${g.id} progress`, p.comment, p.date);
    }
    for (const n of a.non_negotiables ?? []) add('non-negotiable', n, on);
    for (const t of a.team_around_child ?? []) add('team around the child', t, on);
    add('backup plan', a.backup_plan, on);
  }
  const r = data.return;
  for (const s of r?.support_package ?? []) add('support package', s.service, s.from ?? r?.returned);
  for (const v of r?.visits ?? []) add('visit', v.note, v.date);
  for (const d of data.decisions ?? []) {
    add(`decision ${d.point}`, d.reasons, d.date);
    add(`decision ${d.point} parallel plan`, d.parallel_plan, d.date);
  }
  for (const c of data.classifications ?? []) add(`classification ${c.point}`, c.override_reason, c.date);
  for (const t of data.triggers ?? []) add(`trigger ${t.type}`, t.note, t.date);
  return out;
}

/** The `## heading` section of a body, or ''. */
function section(body: string, heading: RegExp): string {
  for (const part of body.split(/^## +/m).slice(1)) {
    const nl = part.indexOf('\n');
    if (nl >= 0 && heading.test(part.slice(0, nl))) return part.slice(nl + 1).trim();
  }
  return '';
}

/** The latest entry per factor on or before a date. */
function factorsOn(data: CaseData, on: IsoDate): Map<string, { status: string; evidence?: string }> {
  const out = new Map<string, { status: string; evidence?: string; as_of: string }>();
  for (const f of data.factors ?? []) {
    const d = f.as_of ?? '';
    if (d > on) continue;
    const prev = out.get(f.id);
    if (!prev || prev.as_of <= d) out.set(f.id, { status: f.status, evidence: f.evidence, as_of: d });
  }
  return out;
}

function capacityOn(data: CaseData, person: string | undefined, on: IsoDate): string | undefined {
  let best: { rating: string; as_of: string } | undefined;
  for (const c of data.capacity_to_change ?? []) {
    const d = c.as_of ?? '';
    if (c.person !== person || d > on) continue;
    if (!best || best.as_of <= d) best = { rating: c.rating, as_of: d };
  }
  return best?.rating;
}

const SPEECH =
  /seen alone|advocate|has chosen|\bnamed\b.*as the person|agreed they are the person|their wishes|views were gathered|has been asked|hard to talk|talks to the|asked about the plan/i;
const WANTS_HOME = /I want to (go|come) home|I want to live with my/i;
const PREVIOUS_RETURN = /\b(last|previous|earlier) returns?\b|has been home before/i;
const NEW_PARTNER = /\bnew partner\b|partner has moved in/i;
const MOVING_HOUSE = /family moved|moved away from the address|move is planned|tenancy|new address|new home/i;

/** What school or nursery a child of this age may attend. */
function schoolFits(kind: string, age: number): boolean {
  if (age < 3) return false;
  if (/nursery/i.test(kind)) return age < 5;
  if (/primary/i.test(kind)) return age >= 4 && age < 11;
  return age >= 11;
}

/** Words a goal's review comments may use: tests, sessions, attendance only for goals about them. */
function commentFitsGoal(comment: string, goalWords: string): boolean {
  if (/\btests?\b/i.test(comment) && !/\btests?\b/i.test(goalWords)) return false;
  if (/\bsessions?\b|course|programme/i.test(comment) && !/sessions?|course|programme|group|mediation/i.test(goalWords)) return false;
  if (/attendance|on time/i.test(comment) && !/school|sessions?|course|programme|group|mediation/i.test(goalWords)) return false;
  return true;
}

const RED_WORDS = /on track|all sessions attended|tests clear|met and kept up|good at every visit|every appointment kept|stable;/i;
const GREEN_WORDS = /missed|no progress|lapse|positive test|concerns? at|\blate\b|not yet|has not|stopped|below/i;

/** Every violation of the rules in one case, as of the date the case was written to. */
export function caseViolations(c: CaseUnderCheck, asOf: IsoDate): Violation[] {
  const { data, body } = c;
  const id = data.id;
  const out: Violation[] = [];
  const flag = (rule: CoherenceRule, message: string) => out.push({ rule, id, message });
  const child = data.child;
  const age = ageOn(child.dob, asOf);
  const ageAt = (d: IsoDate) => ageOn(child.dob, d);
  const texts = datedTexts(data, asOf);
  const people = data.people ?? [];
  const partner = people.some((p) => /partner/.test(p.relation) && p.household);
  const views = section(body, /^(child['’]s views|voice of the child)/i);
  const history = section(body, /^case history/i);
  const failed = data.history?.failed_returns ?? 0;
  const previous = data.history?.previous_returns ?? 0;

  // school and nursery by age
  for (const t of texts) {
    if (ageAt(t.date) < 4 && /\bschool\b/i.test(t.text)) flag('school-by-age', `${t.where} (${t.date}, aged ${ageAt(t.date)}): "${t.text}"`);
  }
  const attends = [
    ...body.matchAll(/attends [^.]*?\b(Nursery|Primary School|Academy|High School)\b/g),
    ...body.matchAll(/^- (?:School|Nursery): [^\n]*?\b(Nursery|Primary School|Academy|High School)\b/gm),
  ];
  // both patterns' one group is not optional
  for (const m of attends) if (!schoolFits(m[1]!, age)) flag('school-by-age', `aged ${age}, the body says: "${m[0]}"`);
  if (age >= 4 && attends.length === 0) flag('school-by-age', `aged ${age}, the body names no school or nursery`);

  // capacity to speak
  if (child.wants_to_return !== undefined && age < 5) flag('speech-by-age', `aged ${age}, wants_to_return is recorded`);
  for (const t of texts) {
    if (ageAt(t.date) < 5 && SPEECH.test(t.text)) flag('speech-by-age', `${t.where} (${t.date}, aged ${ageAt(t.date)}): "${t.text}"`);
  }
  if (age < 5) {
    if (/"/.test(views) || SPEECH.test(views)) flag('speech-by-age', `aged ${age}, the child's views: "${views}"`);
    if (/seen alone/i.test(body)) flag('speech-by-age', `aged ${age}, the body says the child was seen alone`);
  }

  // health visitor: under 5 only
  for (const t of texts) {
    if (ageAt(t.date) >= 5 && /health visitor/i.test(t.text)) flag('health-visitor-by-age', `${t.where} (${t.date}, aged ${ageAt(t.date)}): "${t.text}"`);
  }
  for (const sentence of body.split(/(?<=\.)\s+|\n/)) {
    if (!/health visitor/i.test(sentence)) continue;
    // the story of coming into care speaks for the date the child came into care
    const on = /looked after (since|from)/.test(sentence) ? (child.looked_after_since ?? asOf) : asOf;
    if (ageAt(on) >= 5) flag('health-visitor-by-age', `aged ${ageAt(on)}, the body says: "${sentence.trim()}"`);
  }

  // legal status follows the timeline
  const home = child.placement === 'parents' || data.outcome?.status === 'at_home';
  if (home && child.legal_status === 's20') flag('s20-at-home', `at home (${data.return?.returned ?? 'returned'}) and still under s20`);
  if (child.legal_status === 's38' && child.looked_after_since) {
    const days = daysBetween(child.looked_after_since, asOf);
    if (days > 365) flag('interim-order-too-long', `interim care order since ${child.looked_after_since}: ${days} days without a final hearing`);
    if (child.proceedings !== 'care_proceedings') flag('interim-order-too-long', `interim care order with proceedings "${child.proceedings ?? 'none'}"`);
  }

  // history counts and the chronology
  const h = data.history;
  if (h) {
    if (previous < failed) flag('history-chronology', `${failed} failed returns but ${previous} previous returns`);
    if ((h.entries_to_care ?? 1) !== previous + 1) flag('history-chronology', `${h.entries_to_care} entries to care but ${previous} previous returns`);
  }
  const rows = [...history.matchAll(/^\| (\d{4}-\d{2}(?:-\d{2})?) \| ([^|]+) \|/gm)].map((m) => ({ date: m[1]!, event: m[2]!.trim() })); // both groups are not optional
  const since = child.looked_after_since ?? data.opened;
  const before = rows.filter((r) => r.date < since.slice(0, r.date.length));
  const earlierReturns = before.filter((r) => /^Returned home$/.test(r.event)).length;
  const earlierEntries = before.filter((r) => /entry to care$/i.test(r.event)).length;
  if (earlierReturns !== previous) flag('history-chronology', `the chronology shows ${earlierReturns} earlier returns home; the history records ${previous}`);
  if (earlierEntries !== (h?.entries_to_care ?? 1) - 1)
    flag('history-chronology', `the chronology shows ${earlierEntries} earlier entries to care; the history records ${h?.entries_to_care ?? 1} in all`);
  for (const r of before)
    if (r.date < child.dob.slice(0, r.date.length)) flag('history-chronology', `"${r.event}" in ${r.date}, before the child was born (${child.dob})`);
  if (previous === 0) {
    for (const t of [...texts, { where: 'body', text: body, date: asOf }])
      if (PREVIOUS_RETURN.test(t.text)) flag('return-without-history', `${t.where}: "${t.text.match(PREVIOUS_RETURN)![0]}" with no earlier return recorded`);
  }

  // a partner is mentioned only where there is one
  if (!partner) {
    for (const t of [...texts, { where: 'body', text: body, date: asOf }])
      if (NEW_PARTNER.test(t.text)) flag('partner-without-partner', `${t.where}: "${t.text}"`);
  }

  // the child's words and their recorded wishes
  if (WANTS_HOME.test(views)) {
    if (child.wants_to_return === false) flag('views-against-wishes', `wants_to_return: false, but the child says: ${views}`);
    if (home) flag('views-against-wishes', `already home, but the child says: ${views}`);
  } else if (child.wants_to_return === true && !home && age >= 5) {
    flag('views-against-wishes', `wants_to_return: true, but the child's views do not say so: ${views || '(none)'}`);
  }

  // goal comments fit the rating and the goal
  for (const g of data.agreement?.goals ?? []) {
    const goalWords = [g.goal, ...(g.steps ?? []), g.support, g.success].join(' ');
    for (const p of g.progress ?? []) {
      const comment = p.comment ?? '';
      if (comment === '') continue;
      if (p.rag === 'red' && RED_WORDS.test(comment)) flag('goal-comment-rating', `goal ${g.id} rated red: "${comment}"`);
      if (p.rag === 'green' && GREEN_WORDS.test(comment)) flag('goal-comment-rating', `goal ${g.id} rated green: "${comment}"`);
      if (!commentFitsGoal(comment, goalWords)) flag('goal-comment-rating', `goal ${g.id} ("${g.goal}"): "${comment}" does not fit the goal`);
    }
  }

  // facts that cannot both be true, on any date evidence was recorded
  const returningTo = people.find((p) => p.returning_to)?.id;
  const dates = [...new Set([...(data.factors ?? []).map((f) => f.as_of ?? ''), ...(data.capacity_to_change ?? []).map((x) => x.as_of ?? '')])]
    .filter(Boolean)
    .sort();
  for (const on of dates) {
    const current = factorsOn(data, on);
    const concerns = CONCERN_FACTORS.filter((f) => current.get(f)?.status === 'present');
    const capacity = capacityOn(data, returningTo, on);
    const change = current.get('sustained_parental_change')?.status;
    if (concerns.length > 0 && change === 'present') flag('contradiction', `${on}: lasting change confirmed while ${concerns.join(', ')} is present`);
    if (concerns.length > 0 && capacity === 'demonstrated')
      flag('contradiction', `${on}: capacity to change demonstrated while ${concerns.join(', ')} is present`);
    if (change === 'present' && (capacity === 'not_shown' || capacity === 'limited'))
      flag('contradiction', `${on}: lasting change confirmed while capacity to change is ${capacity}`);
    const evidence = [...current.values()].map((e) => e.evidence ?? '');
    const unchanged = evidence.find((e) => /has not changed|nothing has changed|no change shown|little has changed/i.test(e));
    const lasted = evidence.find((e) => /change has lasted|made the changes, kept them/i.test(e));
    if (unchanged && lasted) flag('contradiction', `${on}: "${unchanged}" beside "${lasted}"`);
  }
  const now = factorsOn(data, asOf);
  const kinship = people.some((p) => p.carer && !/foster|residential/.test(p.relation));
  if (kinship && now.get('extended_family_support')?.status === 'absent') flag('contradiction', 'a relative is the carer, yet no wider family is able to help');
  const adult = now.get('new_household_adult')?.status;
  if (partner && adult === 'absent') flag('contradiction', 'a partner lives in the household, yet no other adult lives at the home');
  if (!partner && (adult === 'present' || adult === 'partly')) flag('contradiction', `no partner in the household, yet a new household adult is ${adult}`);
  if ((data.history?.missing_episodes ?? 0) > 0) {
    for (const f of data.factors ?? [])
      if (/no missing episodes since the placement began/i.test(f.evidence ?? '')) flag('contradiction', `missing episodes recorded, yet "${f.evidence}"`);
  }
  const safeAdult = data.tasks?.safe_adult;
  if (safeAdult?.status === 'done' && safeAdult.person && /no safe adult/i.test(now.get('safe_adult_in_place')?.evidence ?? ''))
    flag('contradiction', 'a safe adult is named, yet "no safe adult identified"');
  const safe = people.find((p) => p.safe_adult)?.ref;
  const chosen = (data.factors ?? []).map((f) => (f.id === 'safe_adult_in_place' ? (f.evidence ?? '') : '')).join(' ');
  for (const p of people)
    if (!p.safe_adult && p.ref.length > 3 && chosen.includes(` ${p.ref} `) && safe && !chosen.includes(safe))
      flag('contradiction', `the safe adult is ${safe}, but the evidence names ${p.ref}`);
  if (!home && (data.people ?? []).some((p) => p.carer) && /placement ended/i.test(now.get('carer_continuity')?.evidence ?? ''))
    flag('contradiction', 'the child is still placed, yet "the placement ended"');
  for (const p of data.agreement?.parents ?? []) {
    if (
      /every family-time session/i.test(p.strengths ?? '') &&
      (data.factors ?? []).some((f) => f.id === 'parental_ambivalence' && /cancelled/i.test(f.evidence ?? ''))
    )
      flag('contradiction', `"${p.strengths}" beside cancelled family time`);
  }

  // phased contact takes weeks
  const r = data.return;
  const firstPhase = r?.contact_phases?.[0];
  if (r?.returned && !r.unplanned && firstPhase !== undefined) {
    const first = firstPhase.from;
    const days = daysBetween(first, r.returned);
    if (days < 42) flag('phasing-too-short', `${days} days from the first phase of contact (${first}) to the return home (${r.returned})`);
  }

  // household change means the source of harm has left
  for (const f of data.factors ?? []) {
    if (f.id === 'household_change' && MOVING_HOUSE.test(f.evidence ?? '')) flag('household-change-definition', `"${f.evidence}"`);
  }
  return out;
}

/** Names of the case's people and the child, replaced so sentences compare across families. */
function normalise(text: string, data: CaseData): string {
  let out = text;
  const refs = [data.child.ref, ...(data.people ?? []).map((p) => p.ref)].filter((r) => r.length > 0).sort((a, b) => b.length - a.length);
  for (const ref of refs) out = out.split(ref).join('<name>');
  return out
    .replace(/\d{4}-\d{2}-\d{2}|\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The narrative sentences a trainer would notice repeated: the story of coming into care, the family's background, the child's views, the parent's strengths and worries. */
export function narrativeSentences(c: CaseUnderCheck): string[] {
  const out: string[] = [];
  const history = section(c.body, /^case history/i);
  const story = history.match(
    /looked after (?:since|from) [^,]+, [^,]+, after (.+?)(?:; the s20 accommodation ended[^.]*)?\. (?:This is the first time|Child \S+ has been home before)/,
  );
  if (story) out.push(`story: ${story[1]}`);
  const paragraphs = history.split(/\n\s*\n/);
  const background = paragraphs.find(
    (p, i) => i > 0 && i < 3 && !p.startsWith('|') && !p.startsWith('Genogram') && !p.startsWith('Fictional') && !/looked after (since|from)/.test(p),
  );
  if (background) out.push(`background: ${background.trim()}`);
  const views = section(c.body, /^(child['’]s views|voice of the child)/i);
  if (views) out.push(`views: ${views.replace(/^[^:]*\(seen alone\): /, '')}`);
  for (const p of c.data.agreement?.parents ?? []) {
    if (p.strengths) out.push(`strengths: ${p.strengths}`);
    if (p.worries) out.push(`worries: ${p.worries}`);
  }
  return out.map((s) => normalise(s, c.data));
}

/** Violations across the cases of one pack: a family letter or a narrative sentence used twice. */
export function packViolations(cases: readonly CaseUnderCheck[]): Violation[] {
  const out: Violation[] = [];
  const letters = new Map<string, string>();
  const sentences = new Map<string, string>();
  for (const c of cases) {
    const letter = c.data.child.ref.replace(/^Child /, '');
    const other = letters.get(letter);
    if (other) out.push({ rule: 'repeated-family-letter', id: c.data.id, message: `${c.data.child.ref} is also in ${other}` });
    else letters.set(letter, c.data.id);
    for (const s of narrativeSentences(c)) {
      const seen = sentences.get(s);
      if (seen && seen !== c.data.id) out.push({ rule: 'repeated-sentence', id: c.data.id, message: `also in ${seen}: "${s}"` });
      else sentences.set(s, c.data.id);
    }
  }
  return out;
}
