// The family copy of a written product (`report --for`): a view model of its own,
// built only from what the reader is entitled to (src/core/copies/familyCopy.ts), in plain
// words, in the second person where it is the reader's own plan. It never holds a
// score, a factor, an internal id, another person's record or a child's words the
// child has not agreed to share. Pure: the case in, plain data out.
import type { CaseData, Decision } from '../core/model/caseTypes.js';
import type { ReunifyConfig } from '../core/model/config.js';
import {
  decisionsInForce,
  ownsGoal,
  mayShow,
  noToldDecision,
  partiesOf,
  readerOf,
  refusal,
  sharedWith,
  toldPoint,
  unsafeRefs,
  wasTold,
  type FamilyProduct,
  type Reader,
} from '../core/copies/familyCopy.js';
import type { DecisionPoint } from '../core/model/ids.js';
import { factorCatalogue } from '../core/classify/classify.js';
import { DECISION_POINTS } from '../core/model/ids.js';
import { hasText, latestAt } from '../core/rules/recordReaders.js';
import { textBlocks, type TextBlock } from './bodyText.js';
import { isWithheldList, withholdPath, type BodySection } from './family.js';
import { idWords, longDate, OUTCOME_WORDS } from './words.js';

/** What a family copy shows in place of something it must not show. */
export const WITHHELD = 'Withheld from this copy.';

export interface FamilyField {
  label: string;
  value: string;
}

export interface FamilySection {
  heading: string;
  /** A sub-heading (a goal) under the section before it. */
  isSub: boolean;
  paragraphs: string[];
  fields: FamilyField[];
  hasFields: boolean;
  items: string[];
  hasItems: boolean;
  body: { isRecorded: boolean; blocks: TextBlock[] };
  hasBody: boolean;
}

export interface FamilyView {
  header: {
    title: string;
    caseId: string;
    childRef: string;
    preparedFor: string;
    asOf: string;
    marking: string;
    organisation: string;
    hasOrganisation: boolean;
    isForChild: boolean;
  };
  intro: string;
  sections: FamilySection[];
  signatures: { name: string; role: string }[];
  hasSignatures: boolean;
}

export interface FamilyInput {
  product: FamilyProduct;
  data: CaseData;
  sections: readonly BodySection[];
  config: ReunifyConfig;
  asOf: string;
  /** Person id or `child`. */
  reader: string;
  point?: DecisionPoint;
}

export class FamilyRefusal extends Error {}

const TITLES: Record<FamilyProduct, string> = {
  assessment: 'Written assessment',
  decision: 'Decision',
  agreement: 'Parental agreement',
  transition: 'Plan for going home',
  review: 'Review after going home',
};

/** What was decided, in words a child can read. */
export const CHILD_OUTCOME_WORDS: Record<string, string> = {
  return_with_support: 'You will go home. Your family will get help to make it work.',
  return_if_goals_met: 'You can go home when the grown-ups have done what they said they would do.',
  return_if_change_evidenced: 'You can go home only if things change at home, and in good time for you.',
  no_return: 'You will not go home to live.',
  proceed_to_return: 'The plan for you to go home is going ahead.',
  extend_work: 'The grown-ups need more time to do what they said. Then we will look again.',
  continue: 'Things stay as they are for now.',
  increase_support: 'Your family will get more help.',
  step_down: 'Your family needs less help now.',
  return_to_care: 'You will live away from home again for now.',
};

function section(
  heading: string,
  parts: { paragraphs?: string[]; fields?: FamilyField[]; items?: string[]; body?: TextBlock[]; isSub?: boolean } = {},
): FamilySection {
  const fields = parts.fields ?? [];
  const items = parts.items ?? [];
  const blocks = parts.body ?? [];
  return {
    heading,
    isSub: parts.isSub === true,
    paragraphs: parts.paragraphs ?? [],
    fields,
    hasFields: fields.length > 0,
    items,
    hasItems: items.length > 0,
    body: { isRecorded: blocks.length > 0, blocks },
    hasBody: blocks.length > 0,
  };
}

/** A text the reader may see, "Withheld from this copy." when they may not, "Not recorded." when there is none. `about`: whose record it is in. */
function shown(data: CaseData, reader: Reader, value: string | undefined, owned: boolean, about?: string): string {
  if (!hasText(value)) return 'Not recorded.';
  return mayShow(data, reader, value, owned, about) ? value : WITHHELD;
}

/** A full stop at the end, once (a ref may end in one: "SW R.M."). */
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);

const date = (d: string | undefined) => (d ? longDate(d) : 'Not recorded');

// ---------------------------------------------------------------- decisions

interface DecisionWords {
  decided: string;
  why: string;
  conditions: string[];
}

/** A decision as this reader may read it: the outcome, the reasons they were given, the conditions. */
/** A decision the config's `report.withhold_for_family` takes out of the copy: it is withheld, not missing. */
const WITHHELD_DECISION = Object.freeze({ withheld: true }) as unknown as Decision;

function decisionWords(data: CaseData, reader: Reader, d: Decision | undefined, asOf: string): DecisionWords {
  if (d === WITHHELD_DECISION) return { decided: WITHHELD, why: '', conditions: [] };
  if (!d) return { decided: 'No decision has been recorded yet.', why: '', conditions: [] };
  const told = (d.shared ?? []).find((s) => s.party === reader.id && s.date !== undefined && s.date <= asOf);
  const marked = sharedWith(d.share_with, reader);
  const decided = `On ${longDate(d.date)} the team decided: ${OUTCOME_WORDS[d.outcome] ?? idWords(d.outcome)}.`;
  let why: string;
  if (hasText(told?.summary)) why = shown(data, reader, told.summary, true);
  else if (!hasText(d.reasons)) why = 'Not recorded.';
  else if (told || marked) why = shown(data, reader, d.reasons, marked);
  else why = WITHHELD;
  const list = d.conditions === undefined ? [] : Array.isArray(d.conditions) ? d.conditions : [d.conditions];
  const conditions = list.filter((c) => hasText(c)).map((c) => ((told || marked) && mayShow(data, reader, c, marked) ? c : WITHHELD));
  return { decided, why, conditions: dedupeWithheld(conditions) };
}

/** Several withheld lines say so once. */
function dedupeWithheld(items: string[]): string[] {
  const kept = items.filter((i) => i !== WITHHELD);
  return kept.length < items.length ? [...kept, WITHHELD] : kept;
}

function decisionSections(data: CaseData, reader: Reader, d: Decision | undefined, heading: string, asOf: string): FamilySection[] {
  const words = decisionWords(data, reader, d, asOf);
  const out = [section(heading, { paragraphs: [words.decided] })];
  if (!d || d === WITHHELD_DECISION) return out;
  out.push(section('Why', { paragraphs: [words.why] }));
  if (words.conditions.length > 0) out.push(section('What has to happen', { items: words.conditions }));
  const told = (d.shared ?? []).find((s) => s.party === reader.id && s.date !== undefined && s.date <= asOf);
  if (told) {
    const fields = [{ label: 'You were told on', value: longDate(told.date!) }];
    if (hasText(told.method)) fields.push({ label: 'How', value: shown(data, reader, told.method, true) });
    if (hasText(told.response)) fields.push({ label: 'What you said', value: shown(data, reader, told.response, true) });
    out.push(section('When you were told', { fields }));
  }
  return out;
}

// ---------------------------------------------------------------- the reader's own records

function strengthsAndWorries(data: CaseData, reader: Reader): FamilySection[] {
  const own = (data.agreement?.parents ?? []).find((p) => p.person === reader.id);
  if (!own) return [];
  return [
    section('What is going well, and what we are worried about', {
      fields: [
        { label: 'What is going well', value: shown(data, reader, own.strengths, true) },
        { label: 'What we are worried about', value: shown(data, reader, own.worries, true) },
      ],
    }),
  ];
}

const CAPACITY_WORDS: Record<string, string> = {
  demonstrated: 'You have shown you can make the changes needed.',
  emerging: 'You are starting to show you can make the changes needed.',
  limited: 'You have shown some change, but not yet enough.',
  not_shown: 'You have not yet shown the changes needed.',
  not_assessed: 'Your ability to make changes has not been assessed yet.',
};

function capacity(data: CaseData, reader: Reader, asOf: string): FamilySection[] {
  const entries = (data.capacity_to_change ?? []).filter((c) => c.person === reader.id && (c.as_of === undefined || c.as_of <= asOf));
  const last = entries.reduce<(typeof entries)[number] | undefined>((best, c) => (!best || (best.as_of ?? '') <= (c.as_of ?? '') ? c : best), undefined);
  if (!last) return [];
  const paragraphs = [CAPACITY_WORDS[last.rating] ?? idWords(last.rating)];
  if (hasText(last.evidence)) paragraphs.push(`What shows this: ${shown(data, reader, last.evidence, true)}`);
  return [section('Your ability to make changes', { paragraphs })];
}

const RAG_WORDS: Record<string, string> = { green: 'On track', amber: 'Some worries', red: 'Not on track' };

function goals(data: CaseData, reader: Reader): FamilySection[] {
  const all = data.agreement?.goals ?? [];
  const own = all.filter((g) => ownsGoal(data, reader, g));
  const marked = all.filter((g) => !ownsGoal(data, reader, g) && sharedWith(g.share_with, reader));
  const out: FamilySection[] = [];
  const one = (g: (typeof all)[number], n: number, label: string) => {
    // a goal of someone else's, marked for the reader, is about its owner
    const about = ownsGoal(data, reader, g) ? undefined : g.person;
    const fields: FamilyField[] = [
      { label: 'By', value: date(g.by) },
      { label: label === 'Your goal' ? 'Who will help you' : 'Who will help', value: shown(data, reader, g.support, true, about) },
      { label: 'How we will know it has worked', value: shown(data, reader, g.success, true, about) },
    ];
    const progress = [...(g.progress ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    const items = progress.map((p) => {
      const comment = hasText(p.comment)
        ? mayShow(data, reader, p.comment, true, about)
          ? `: ${p.comment}`
          : `. The comment is withheld from this copy.`
        : '';
      return `${longDate(p.date)}: ${RAG_WORDS[p.rag] ?? idWords(p.rag)}${comment}`;
    });
    const steps = (g.steps ?? []).filter((s) => hasText(s));
    const stepLines = dedupeWithheld(steps.map((s) => (mayShow(data, reader, s, true, about) ? s : WITHHELD)));
    const paragraphs = [shown(data, reader, g.goal, true, about)];
    if (stepLines.length > 0) paragraphs.push(`${label === 'Your goal' ? 'Steps you will take' : 'Steps'}: ${stepLines.join('; ')}`);
    const none = isWithheldList(g.progress) ? 'Progress is withheld from this copy.' : 'No progress recorded yet.';
    out.push(section(`${label} ${n}`, { isSub: true, paragraphs, fields, items: items.length > 0 ? items : [none] }));
  };
  if (own.length > 0) {
    out.push(section('Your goals', { paragraphs: ['These are the things you agreed to do.'] }));
    own.forEach((g, i) => one(g, i + 1, 'Your goal'));
  }
  if (marked.length > 0) {
    out.push(section('Goals shared with you', {}));
    marked.forEach((g, i) => one(g, own.length + i + 1, 'Goal'));
  }
  return out;
}

// ---------------------------------------------------------------- shared pieces

function childViews(data: CaseData, reader: Reader, sections: readonly BodySection[]): FamilySection[] {
  const task = Object.hasOwn(data.tasks, 'child_views') ? data.tasks.child_views : undefined;
  if (!sharedWith(task?.shared_with, reader)) return [];
  const found = sections.find((s) => /^(child['’]s views|voice of the child)\b/i.test(s.heading.trim()) && s.content.trim() !== '');
  if (!found || !mayShow(data, reader, found.content, true)) return [];
  return [section(`What ${data.child.ref} says`, { paragraphs: [`${data.child.ref} agreed that you can read this.`], body: textBlocks(found.content) })];
}

function familySections(data: CaseData, reader: Reader, sections: readonly BodySection[], config: ReunifyConfig): FamilySection[] {
  const allowed = new Set((config.report.family_sections ?? []).map((h) => h.trim().toLowerCase()).filter((h) => h !== 'analysis'));
  // one section per heading, however often the body repeats it; each paragraph shown only
  // when it names nobody but the reader and holds no address, phone number or email
  const byHeading = new Map<string, { heading: string; paragraphs: string[] }>();
  for (const s of sections) {
    const key = s.heading.trim().toLowerCase();
    if (!allowed.has(key) || s.content.trim() === '') continue;
    const entry = byHeading.get(key) ?? { heading: s.heading.trim(), paragraphs: [] };
    byHeading.set(key, entry);
    for (const p of s.content.split(/\n\s*\n/)) {
      if (p.trim() === '') continue;
      entry.paragraphs.push(mayShow(data, reader, p, false) ? p : WITHHELD);
    }
  }
  return [...byHeading.values()].map(({ heading, paragraphs }) => {
    const kept = paragraphs.filter((p, i) => p !== WITHHELD || paragraphs[i - 1] !== WITHHELD);
    return section(heading, { body: textBlocks(kept.join('\n\n')) });
  });
}

function meetings(data: CaseData, reader: Reader, asOf: string): FamilySection[] {
  const next = (data.cla_reviews ?? []).filter((d) => d >= asOf).sort();
  if (next.length === 0) return [];
  // a meeting's date says when the people it protects will be in one place: not for a reader who poses a risk to one of them
  if (reader.riskTo.size > 0) return [section('Meetings', { paragraphs: ['Your social worker will tell you about any meeting you are invited to.'] })];
  return [section('Meetings', { paragraphs: ['Review meetings about the plan:'], items: next.map(longDate) })];
}

function contacts(data: CaseData, reader: Reader, party: boolean): FamilySection[] {
  const items = [`Social worker: ${data.team.social_worker}`];
  if (hasText(data.team.team_manager)) items.push(`Team manager: ${data.team.team_manager}`);
  if (hasText(data.team.iro)) items.push(`Independent reviewing officer (IRO): ${data.team.iro}`);
  if (party && reader.riskTo.size === 0)
    for (const t of data.agreement?.team_around_child ?? []) if (hasText(t) && mayShow(data, reader, t, false)) items.push(t);
  return [section('Who to contact', { items })];
}

function agreementParty(data: CaseData, reader: Reader): boolean {
  return (data.agreement?.parents ?? []).some((p) => p.person === reader.id);
}

function agreementTerms(data: CaseData, reader: Reader): FamilySection[] {
  if (!agreementParty(data, reader)) return [];
  const out: FamilySection[] = [];
  const rules = (data.agreement?.non_negotiables ?? []).filter((n) => hasText(n));
  if (rules.length > 0)
    out.push(section('Things that must not happen', { items: dedupeWithheld(rules.map((n) => (mayShow(data, reader, n, true) ? n : WITHHELD))) }));
  if (hasText(data.agreement?.backup_plan))
    out.push(section('If the goals are not met', { paragraphs: [shown(data, reader, data.agreement.backup_plan, true)] }));
  return out;
}

function supportSections(data: CaseData, reader: Reader, party: boolean): FamilySection[] {
  if (!party) return [];
  const r = data.return ?? undefined;
  const out: FamilySection[] = [];
  // to a reader who poses a risk to someone, what happens in each phase (handovers, their days,
  // times and places) says where the child and the parent will be: only the dates are given
  const risk = reader.riskTo.size > 0;
  const phases = (r?.contact_phases ?? []).map((p) => {
    const when = `From ${longDate(p.from)}${p.to ? ` to ${longDate(p.to)}` : ''}`;
    return hasText(p.pattern) ? `${when}: ${!risk && mayShow(data, reader, p.pattern, false) ? p.pattern : WITHHELD}` : when;
  });
  if (phases.length > 0) out.push(section('Time together before going home', { items: phases }));
  const support = (r?.support_package ?? []).map((s) => {
    // a service can say whose treatment it is (an alcohol service, counselling): not to a reader who poses a risk
    const name = !risk && mayShow(data, reader, s.service, false) ? s.service : WITHHELD;
    return s.from ? `${name} (from ${longDate(s.from)})` : name;
  });
  if (support.length > 0) out.push(section('Help for the family', { items: dedupeWithheld(support) }));
  return out;
}

// ---------------------------------------------------------------- the child's summary

function childSummary(input: FamilyInput, reader: Reader): FamilySection[] {
  const { data, asOf } = input;
  // the decision record asked for at its point; any other product, the latest decision the child was told of
  const inForce = decisionsInForce(data, asOf);
  const d =
    input.product === 'decision' && input.point
      ? latestAt(data.decisions, input.point, asOf)?.record
      : inForce.find(({ decision }) => wasTold(decision, 'child', asOf))?.decision;
  const out: FamilySection[] = [];
  const none = inForce.length === 0 ? 'Nothing has been decided yet.' : 'Your social worker will talk to you about what was decided.';
  out.push(
    section('What was decided', { paragraphs: [d ? (CHILD_OUTCOME_WORDS[d.outcome] ?? 'A decision was made. Ask your social worker about it.') : none] }),
  );
  const told = d ? (d.shared ?? []).find((s) => s.party === 'child' && s.date !== undefined && s.date <= asOf) : undefined;
  const why = hasText(told?.summary) && mayShow(data, reader, told.summary, true) ? told.summary : 'You can ask your social worker why.';
  if (d) out.push(section('Why', { paragraphs: [why] }));
  const next: string[] = [];
  const r = data.return ?? undefined;
  if (r?.returned) next.push(`You went home on ${longDate(r.returned)}.`);
  else if (data.transition?.planned_return && data.transition.planned_return >= asOf)
    next.push(`The plan is for you to go home on ${longDate(data.transition.planned_return)}.`);
  const meeting = (data.cla_reviews ?? []).filter((x) => x >= asOf).sort()[0];
  if (meeting) next.push(`There is a meeting about your plan on ${longDate(meeting)}.`);
  next.push('Ask your social worker if you want to know more.');
  out.push(section('What happens next', { paragraphs: next }));
  const talk = [sentence(`Your social worker is ${data.team.social_worker}`)];
  if (hasText(data.team.iro)) talk.push(sentence(`You can also talk to ${data.team.iro}`), 'They check that your plan is right for you.');
  const safe =
    Object.hasOwn(data.tasks, 'safe_adult') && data.tasks.safe_adult?.status === 'done'
      ? (data.people ?? []).find((p) => p.id === data.tasks.safe_adult?.person)
      : undefined;
  if (safe) talk.push(`${safe.ref} is your safe adult. You can talk to them at any time.`);
  out.push(section('Who you can talk to', { paragraphs: talk }));
  return out;
}

// ---------------------------------------------------------------- the copy

/**
 * The family copy of one product for one reader, or a FamilyRefusal when the
 * reader poses a risk to someone in the case and is not a party to the product.
 * Config `report.withhold_for_family` is applied first, on top of the allow-list.
 */
export function familyView(input: FamilyInput): FamilyView {
  const reader = readerOf(input.data, input.reader, [...input.config.redact.places, ...input.config.redact.schools]);
  if (input.product === 'decision' && input.point === undefined) {
    // the decision the reader was told of, never simply the latest one
    const point = toldPoint(input.data, reader.id, input.asOf);
    if (!point) throw new FamilyRefusal(noToldDecision(input.data, reader, input.asOf));
    input = { ...input, point };
  }
  const refused = refusal(input.product, input.data, reader, input.point, input.asOf);
  if (refused) throw new FamilyRefusal(refused);
  const data = structuredClone(input.data);
  let sections = input.sections.map((s) => ({ ...s }));
  for (const path of input.config.report.withhold_for_family) sections = withholdPath(data, sections, path, WITHHELD);
  const { product, config, asOf } = input;
  // the decision at a point as the copy may show it; one the config withholds is withheld, never "not recorded"
  const decisionAt = (point: DecisionPoint): Decision | undefined =>
    latestAt(data.decisions, point, asOf)?.record ?? (latestAt(input.data.decisions, point, asOf) ? WITHHELD_DECISION : undefined);
  const isChild = reader.id === 'child';
  const party = partiesOf(product, data, input.point, asOf).has(reader.id);
  let body: FamilySection[];
  if (isChild) body = childSummary({ ...input, data }, reader);
  else {
    const parts: FamilySection[] = [];
    switch (product) {
      case 'assessment': {
        const written = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
        const finished = written?.status === 'done' && written.signed_off !== undefined;
        const rec =
          finished && written.recommendation
            ? `The assessment recommends: ${OUTCOME_WORDS[written.recommendation] ?? idWords(written.recommendation)}.`
            : 'The written assessment is not finished yet.';
        parts.push(section('What the assessment recommends', { paragraphs: [rec] }), ...capacity(data, reader, asOf), ...strengthsAndWorries(data, reader));
        break;
      }
      case 'decision': {
        const d = decisionAt(input.point!);
        parts.push(...decisionSections(data, reader, d, 'What was decided', asOf));
        break;
      }
      case 'agreement': {
        const d = decisionAt('rc1_d2');
        parts.push(
          ...decisionSections(data, reader, d, 'What needs to change', asOf),
          ...strengthsAndWorries(data, reader),
          ...goals(data, reader),
          ...agreementTerms(data, reader),
        );
        if (agreementParty(data, reader) && data.agreement?.signed)
          parts.push(section('Signed', { paragraphs: [`The agreement was signed on ${longDate(data.agreement.signed)}.`] }));
        break;
      }
      case 'transition': {
        const d = decisionAt('rc2_d3');
        const t = data.transition ?? undefined;
        const when: string[] = [];
        if (data.return?.returned) when.push(`${data.child.ref} went home on ${longDate(data.return.returned)}.`);
        else if (t?.planned_return) when.push(`${data.child.ref} is planned to go home on ${longDate(t.planned_return)}.`);
        else when.push('No date for going home is recorded yet.');
        if (t?.agreed && (t.agreed_by ?? []).includes(reader.id)) when.push(`You agreed this plan on ${longDate(t.agreed)}.`);
        parts.push(
          ...decisionSections(data, reader, d, 'What was decided', asOf),
          section('Going home', { paragraphs: when }),
          ...supportSections(data, reader, party),
          ...agreementTerms(data, reader),
        );
        break;
      }
      case 'review': {
        const r = data.return ?? undefined;
        const d = decisionAt('rc3_post_return');
        const visits = [...(r?.visits ?? [])].map((v) => v.date).sort();
        const since = [`${data.child.ref} went home on ${date(r?.returned)}.`];
        if (visits.length > 0 && party) since.push(`The social worker has visited ${visits.length} ${visits.length === 1 ? 'time' : 'times'} since then.`);
        if (r?.step_down) since.push(`On ${longDate(r.step_down.date)} support changed to: ${idWords(r.step_down.to)}.`);
        // visit dates say when the household was seen: for the household only
        parts.push(section('Since going home', { paragraphs: since, items: party ? visits.map((v) => `Visit on ${longDate(v)}`) : [] }));
        if (d) parts.push(...decisionSections(data, reader, d, 'The latest review decision', asOf));
        parts.push(...goals(data, reader), ...supportSections(data, reader, party));
        break;
      }
    }
    body = oneSectionPerHeading([
      ...parts,
      ...childViews(data, reader, sections),
      ...familySections(data, reader, sections, config),
      ...meetings(data, reader, asOf),
      ...contacts(data, reader, party),
    ]);
  }
  const preparedFor = isChild ? data.child.ref : reader.person!.ref;
  const signatures =
    !isChild && product === 'agreement' && agreementParty(data, reader)
      ? [
          ...(data.agreement?.parents ?? [])
            .map((p) => (data.people ?? []).find((x) => x.id === p.person))
            // a reader who poses a risk to someone signs alongside no other family member: a name and a
            // relation ("Mother's partner") can lead to the household
            .filter((p): p is NonNullable<typeof p> => p !== undefined && (p.id === reader.id || reader.riskTo.size === 0))
            .map((p) => ({ name: p.ref, role: p.id === reader.id ? 'You' : idWords(p.relation) })),
          { name: data.team.social_worker, role: 'Social worker' },
          ...(hasText(data.team.team_manager) ? [{ name: data.team.team_manager, role: 'Team manager' }] : []),
        ]
      : [];
  const view: FamilyView = {
    header: {
      title: isChild ? `About your plan, ${data.child.ref}` : `${TITLES[product]}: your copy`,
      caseId: data.id,
      childRef: data.child.ref,
      preparedFor,
      asOf,
      marking: input.config.report.marking,
      organisation: typeof config.organisation === 'string' ? config.organisation : '',
      hasOrganisation: typeof config.organisation === 'string' && config.organisation.trim() !== '',
      isForChild: isChild,
    },
    intro: isChild
      ? `This is for you, ${data.child.ref}. It says what the grown-ups decided and what happens next.`
      : `This copy is for ${preparedFor}. It holds only the parts of the record about ${data.child.ref} that are for you. Other parts are not in it.`,
    sections: body,
    signatures,
    hasSignatures: signatures.length > 0,
  };
  view.sections = withoutInternalIds(withGoalNumbers(view.sections, data, reader), data, config);
  return withoutUnsafeRefs(view, unsafeRefs(input.data));
}

/** A ref that holds an address, a postcode or a name (`unsafeRefs`) reads "Withheld from this copy" wherever the copy prints it. */
function withoutUnsafeRefs(view: FamilyView, refs: ReadonlySet<string>): FamilyView {
  if (refs.size === 0) return view;
  const longestFirst = [...refs].sort((a, b) => b.length - a.length);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return longestFirst.reduce((text, ref) => text.split(ref).join(WITHHELD_REF), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(view) as FamilyView;
}

/** What a copy prints in place of a ref it must not print. */
const WITHHELD_REF = 'Withheld from this copy';

/**
 * Sentences in free text that hold an internal id (a decision point such as
 * rc1_d2, a factor id, a goal id the reader has no copy of) or a score ("7/10")
 * are withheld: a family copy is in words.
 */
function withoutInternalIds<T>(value: T, data: CaseData, config: ReunifyConfig): T {
  const ids = [...DECISION_POINTS, ...factorCatalogue(config).keys(), ...(data.agreement?.goals ?? []).map((g) => g.id)].filter((id) => id.trim() !== '');
  const levels = ['very high', 'high', 'medium', 'low', ...Object.values(config.labels.levels ?? {})]
    .filter((l) => typeof l === 'string' && l.trim() !== '')
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const level = `(?:${levels.join('|')})`;
  const idPattern = new RegExp(
    [
      `(?<![\\p{L}\\p{N}-])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}-])`,
      '\\bscor(?:e|ed|es|ing)\\b',
      // a score however written: "7/10", "7/10ths", "7 out of 10", "a 7-out-of-10 week", "7 of 10", "rating 4"
      '\\b\\d+\\s*(?:\\/|-?\\s*out\\s*-?\\s*of\\s*-?)\\s*\\d+',
      '\\b\\d+\\s+of\\s+10\\b',
      '\\b(?:rating|rated|points?)\\s*(?:of|at|:|=)?\\s*\\d',
      '\\b[a-z]+_[a-z0-9_]+\\b',
      // a risk classification or level, however it is written ("RC2", "level medium", "high risk")
      '\\bRC\\s?[123]\\b',
      '\\bclassif\\w*',
      `\\b(?:level|risk)\\s*(?:is|was|of|at|now|:|=)?\\s*(?:now\\s+)?${level}(?![\\p{L}])`,
      `(?<![\\p{L}])${level}[\\s-]+(?:risk|level)\\b`,
      // a level said as one ("Regraded to low", "the tool suggested medium", "now very high")
      `\\b(?:re-?)?(?:grad(?:e|ed|ing)|rat(?:e|ed|ing)|suggest(?:s|ed|ion)?|now|(?:back|down|up|moved|raised|lowered|dropped|went)\\s+to)\\s+(?:to\\s+|as\\s+)?${level}(?![\\p{L}-])(?!\\s+(?:school|street|road))`,
      // a sentence that opens with a level ("Low, but…", "Medium: keep going.")
      `(?<=(?:^|[.!?;])\\s*)${level}\\s*(?:[,:;.!]|$|\\s+but\\b)`,
    ].join('|'),
    'iu',
  );
  const clean = (text: string): string => {
    if (!idPattern.test(text)) return text;
    const parts = text.split(/(?<=[.!?;])\s+/).map((sentence) => (idPattern.test(sentence) ? WITHHELD : sentence));
    return parts.filter((p, i) => p !== WITHHELD || parts[i - 1] !== WITHHELD).join(' ');
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return collapseWithheld(walk(value) as T);
}

/** A body section named like a section of the copy ("Meetings", "Who to contact") joins it: a heading is printed once. */
function oneSectionPerHeading(sections: FamilySection[]): FamilySection[] {
  const out: FamilySection[] = [];
  for (const s of sections) {
    const same = s.isSub ? undefined : out.find((o) => !o.isSub && o.heading.trim().toLowerCase() === s.heading.trim().toLowerCase());
    if (!same) {
      out.push(s);
      continue;
    }
    same.paragraphs = [...same.paragraphs, ...s.paragraphs];
    same.fields = [...same.fields, ...s.fields];
    same.hasFields = same.fields.length > 0;
    same.items = [...same.items, ...s.items];
    same.hasItems = same.items.length > 0;
    same.body = { isRecorded: same.body.blocks.length + s.body.blocks.length > 0, blocks: [...same.body.blocks, ...s.body.blocks] };
    same.hasBody = same.body.isRecorded;
  }
  return out;
}

/** Several withheld paragraphs or lines in a row say so once. */
function collapseWithheld<T>(sections: T): T {
  if (!Array.isArray(sections)) return sections;
  const once = <X>(list: X[], isWithheld: (x: X) => boolean) => list.filter((x, i) => !isWithheld(x) || i === 0 || !isWithheld(list[i - 1]!));
  return sections.map((s: FamilySection) => ({
    ...s,
    paragraphs: once(s.paragraphs, (p) => p === WITHHELD),
    items: once(s.items, (p) => p === WITHHELD),
    body: { ...s.body, blocks: once(s.body.blocks, (b) => b.isParagraph && b.text === WITHHELD) },
  })) as T;
}

/** Ids of the reader's own goals and of goals shared with them, written into free text ("goal g1"), read as the number this copy gives the goal ("goal 1"). */
function withGoalNumbers<T>(value: T, data: CaseData, reader: Reader): T {
  const all = data.agreement?.goals ?? [];
  const own = all.filter((g) => ownsGoal(data, reader, g));
  const marked = all.filter((g) => !ownsGoal(data, reader, g) && sharedWith(g.share_with, reader));
  const ids = [...own, ...marked].map((g, i) => [g.id, i + 1] as const).filter(([id]) => id.trim() !== '');
  if (ids.length === 0) return value;
  const number = new Map(ids.map(([id, n]) => [id.toLowerCase(), n]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_-])(goal\\s+)?(${ids.map(([id]) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}_-])`,
    'giu',
  );
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(
        pattern,
        (_m, word: string | undefined, id: string) => `${word && word.startsWith('G') ? 'Goal' : 'goal'} ${number.get(id.toLowerCase())}`,
      );
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
