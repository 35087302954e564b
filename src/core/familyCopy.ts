// Who may read what in a family copy (`report --for`). A family copy is built by
// allow-list: a reader is entitled to their own records, to what a worker has
// marked as shared with them, and to the decisions they were told about; nothing
// else. Text that names someone the reader poses a risk to (`people[].risk_to`)
// never reaches them, whatever it is marked. Pure: the case in, answers out.
import type { CaseData, Person } from './caseTypes.js';
import type { DecisionPoint } from './ids.js';

export type FamilyProduct = 'assessment' | 'decision' | 'agreement' | 'transition' | 'review';

export class ReaderError extends Error {}

export interface Reader {
  /** A person id from `people`, or `child`. */
  id: string;
  person?: Person;
  /** Ids of the people (or `child`) this reader poses a risk to. */
  riskTo: Set<string>;
}

/** The reader a copy is for, or a ReaderError naming the ids the case knows. */
export function readerOf(data: CaseData, id: string): Reader {
  const people = data.people ?? [];
  const person = people.find((p) => p.id === id);
  if (!person && id !== 'child') {
    const known = ['child', ...people.map((p) => p.id)].join(', ');
    throw new ReaderError(`--for must be "child" or a person id in the case (${known}), got "${id}"`);
  }
  return { id, person, riskTo: new Set((person?.risk_to ?? []).map((r) => r.id)) };
}

const KIN_WORDS: [RegExp, string[]][] = [
  [/grandmother|grandma|^gran$/, ['grandmother', 'gran', 'granny', 'grandma', 'nan', 'nana', 'nanna']],
  [/grandfather|grandad|grandpa/, ['grandfather', 'grandad', 'granddad', 'grandpa', 'grampa']],
  [/stepmother/, ['stepmother', 'stepmum']],
  [/stepfather/, ['stepfather', 'stepdad']],
  [/(^|_)mother$/, ['mother', 'mum', 'mummy', 'mam', 'mom']],
  [/(^|_)father$/, ['father', 'dad', 'daddy']],
  [/partner/, ['partner', 'boyfriend', 'girlfriend']],
  [/aunt/, ['aunt', 'auntie', 'aunty']],
  [/uncle/, ['uncle']],
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words that may name a person in free text: their ref, their relation, and the everyday words for it. */
export function namingWords(p: Person): string[] {
  const relation = p.relation.toLowerCase();
  const words = new Set<string>([p.ref.trim(), relation.replace(/_/g, ' ')]);
  const last = relation.split('_').pop();
  if (last && last.length > 2) words.add(last);
  for (const [pattern, kin] of KIN_WORDS) if (pattern.test(relation)) for (const k of kin) words.add(k);
  return [...words].filter((w) => w !== '');
}

/** Does this text name the person, by ref or relation, in any letter case, with possessives? */
export function names(text: string, p: Person): boolean {
  const alternatives = namingWords(p).map((w) => escapeRe(w).replace(/\\?[-‐‑–—\s]+/g, '[-‐‑–—\\s]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** People other than the reader named in a text. */
export function othersNamed(data: CaseData, reader: Reader, text: string): Person[] {
  return (data.people ?? []).filter((p) => p.id !== reader.id && names(text, p));
}

/** Does a text name someone the reader poses a risk to (or whose address is protected from others)? */
export function namesProtected(data: CaseData, reader: Reader, text: string): boolean {
  return othersNamed(data, reader, text).some((p) => reader.riskTo.has(p.id) || p.protected_address === true);
}

/**
 * May this text be shown to the reader? `owned`: it is the reader's own record or
 * one a worker marked as shared with them; otherwise it is shown only when it
 * names nobody else. Never when it names someone protected from the reader.
 */
export function mayShow(data: CaseData, reader: Reader, text: string, owned: boolean): boolean {
  if (namesProtected(data, reader, text)) return false;
  if (reader.id !== 'child' && reader.riskTo.has('child') && /\S/.test(text)) return owned;
  return owned || othersNamed(data, reader, text).length === 0;
}

/** Is the reader listed in a `share_with` / `shared_with` list? */
export const sharedWith = (list: readonly string[] | undefined, reader: Reader): boolean => (list ?? []).includes(reader.id);

/** The people a product is between: those who sign or agree it, or were told it. */
export function partiesOf(product: FamilyProduct, data: CaseData, point?: DecisionPoint): Set<string> {
  const people = data.people ?? [];
  switch (product) {
    case 'assessment':
      return new Set([...people.filter((p) => p.pr === true || p.returning_to === true).map((p) => p.id), ...(data.capacity_to_change ?? []).map((c) => c.person)]);
    case 'decision':
      return new Set((data.decisions ?? []).filter((d) => point === undefined || d.point === point).flatMap((d) => (d.shared ?? []).filter((s) => s.date !== undefined).map((s) => s.party)));
    case 'agreement':
      return new Set((data.agreement?.parents ?? []).map((p) => p.person));
    case 'transition':
      return new Set([...(data.transition?.agreed_by ?? []), ...people.filter((p) => p.returning_to === true).map((p) => p.id)]);
    case 'review':
      return new Set(people.filter((p) => p.returning_to === true || p.household === true).map((p) => p.id));
  }
}

const PRODUCT_WORDS: Record<FamilyProduct, string> = {
  assessment: 'the written assessment',
  decision: 'this decision record',
  agreement: 'the parental agreement',
  transition: 'the transition plan',
  review: 'the post-return review',
};

/**
 * Why no copy of this product may be made for this reader, or undefined. A
 * person recorded as posing a risk to someone gets a copy only of what they are a
 * party to: anything else about the household could tell them where it is and
 * what it does.
 */
export function refusal(product: FamilyProduct, data: CaseData, reader: Reader, point?: DecisionPoint): string | undefined {
  if (reader.riskTo.size === 0 || !reader.person) return undefined;
  if (partiesOf(product, data, point).has(reader.id)) return undefined;
  return `no family copy of ${PRODUCT_WORDS[product]} for ${reader.id}: the case records that ${reader.id} poses a risk to someone in it (people[].risk_to) and ${reader.id} is not a party to ${PRODUCT_WORDS[product]}`;
}

/** Is a goal the reader's own: recorded against them, or the only parent of the agreement when it names no owner? */
export function ownsGoal(data: CaseData, reader: Reader, goal: { person?: string }): boolean {
  if (goal.person !== undefined) return goal.person === reader.id;
  const parents = data.agreement?.parents ?? [];
  return parents.length === 1 && parents[0].person === reader.id;
}

/** A free-text field a family copy would show its reader as theirs (or marked for them). */
export interface OwnedText {
  path: string;
  text: string;
}

/**
 * The free-text fields of the front matter that a family copy for this reader
 * shows as the reader's own or as marked for them (the copy still leaves out any
 * that name someone the reader poses a risk to).
 */
export function ownedTexts(data: CaseData, reader: Reader): OwnedText[] {
  const out: OwnedText[] = [];
  const add = (path: string, text: string | undefined) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ path, text });
  };
  (data.agreement?.parents ?? []).forEach((p, i) => {
    if (p.person !== reader.id) return;
    add(`/agreement/parents/${i}/strengths`, p.strengths);
    add(`/agreement/parents/${i}/worries`, p.worries);
  });
  (data.capacity_to_change ?? []).forEach((c, i) => {
    if (c.person === reader.id) add(`/capacity_to_change/${i}/evidence`, c.evidence);
  });
  (data.agreement?.goals ?? []).forEach((g, i) => {
    if (!ownsGoal(data, reader, g) && !sharedWith(g.share_with, reader)) return;
    add(`/agreement/goals/${i}/goal`, g.goal);
    (g.steps ?? []).forEach((s, j) => add(`/agreement/goals/${i}/steps/${j}`, s));
    add(`/agreement/goals/${i}/support`, g.support);
    add(`/agreement/goals/${i}/success`, g.success);
    (g.progress ?? []).forEach((p, j) => add(`/agreement/goals/${i}/progress/${j}/comment`, p.comment));
  });
  (data.decisions ?? []).forEach((d, i) => {
    (d.shared ?? []).forEach((s, j) => {
      if (s.party === reader.id) add(`/decisions/${i}/shared/${j}/summary`, s.summary);
    });
    if (!sharedWith(d.share_with, reader)) return;
    add(`/decisions/${i}/reasons`, d.reasons);
    const conditions = d.conditions === undefined ? [] : Array.isArray(d.conditions) ? d.conditions : [d.conditions];
    if (Array.isArray(d.conditions)) conditions.forEach((c, j) => add(`/decisions/${i}/conditions/${j}`, c));
    else add(`/decisions/${i}/conditions`, conditions[0]);
  });
  if ((data.agreement?.parents ?? []).some((p) => p.person === reader.id)) {
    (data.agreement?.non_negotiables ?? []).forEach((n, i) => add(`/agreement/non_negotiables/${i}`, n));
    add('/agreement/backup_plan', data.agreement?.backup_plan ?? undefined);
  }
  return out;
}

/** People whose name must not travel: a protected address, or someone another person poses a risk to. */
export function protectedPeople(data: CaseData): Person[] {
  const atRisk = new Set((data.people ?? []).flatMap((p) => (p.risk_to ?? []).map((r) => r.id)));
  return (data.people ?? []).filter((p) => p.protected_address === true || atRisk.has(p.id));
}
