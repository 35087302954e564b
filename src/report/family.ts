// Family-facing copies (framework.md §8): what one reader must not see is left out
// of the case before any view is built, and real names from a local names map are
// put in place of refs only here, at render time. Neither is ever written back.
import type { CaseData, Person } from '../core/caseTypes.js';

export interface BodySection {
  heading: string;
  content: string;
}

export interface ReaderCopy {
  data: CaseData;
  sections: BodySection[];
  /** Ref of the reader, for the report header. */
  readerRef: string;
}

export class ReaderError extends Error {}

const isParent = (p: Person) => p.pr === true || /^(mother|father|parent)$/.test(p.relation);

/**
 * Remove one JSON-pointer-like path (`*` matches every key or index) from the
 * data, or a body section for `/body/<heading>`. Missing paths are no-ops.
 */
export function withholdPath(data: CaseData, sections: BodySection[], path: string): BodySection[] {
  const segments = path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'body' && segments.length === 2) {
    const heading = segments[1].toLowerCase();
    return sections.filter((s) => s.heading.toLowerCase() !== heading);
  }
  const walk = (node: unknown, rest: string[]): void => {
    if (node === null || typeof node !== 'object' || rest.length === 0) return;
    const [head, ...tail] = rest;
    const keys = head === '*' ? Object.keys(node) : Object.hasOwn(node, head) ? [head] : [];
    for (const key of keys) {
      if (tail.length === 0) {
        if (Array.isArray(node)) node[Number(key)] = undefined;
        else delete (node as Record<string, unknown>)[key];
      } else {
        walk((node as Record<string, unknown>)[key], tail);
      }
    }
  };
  walk(data, segments);
  return sections;
}

/**
 * A copy of the case for one family reader (a person id from `people`, or
 * `child`): another parent's own details, protected addresses and the fields the
 * config lists are left out.
 */
export function copyForReader(data: CaseData, sections: readonly BodySection[], reader: string, withhold: readonly string[]): ReaderCopy {
  const people = data.people ?? [];
  const readerPerson = people.find((p) => p.id === reader);
  if (!readerPerson && reader !== 'child') {
    const known = ['child', ...people.map((p) => p.id)].join(', ');
    throw new ReaderError(`--for must be "child" or a person id in the case (${known}), got "${reader}"`);
  }
  const copy = structuredClone(data);
  let kept = sections.map((s) => ({ ...s }));
  // a parent's copy leaves out every other parent's own details
  const others = readerPerson && isParent(readerPerson) ? new Set(people.filter((p) => p.id !== reader && isParent(p)).map((p) => p.id)) : new Set<string>();
  const protectedPeople = new Set(people.filter((p) => p.id !== reader && p.protected_address === true).map((p) => p.id));
  for (const person of copy.people ?? []) {
    if (others.has(person.id) || protectedPeople.has(person.id)) delete person.note;
    if (protectedPeople.has(person.id)) delete person.household;
  }
  if (others.size > 0) {
    if (copy.agreement?.parents) copy.agreement.parents = copy.agreement.parents.filter((p) => !others.has(p.person));
    if (copy.capacity_to_change) copy.capacity_to_change = copy.capacity_to_change.filter((c) => !others.has(c.person));
    if (copy.factors) copy.factors = copy.factors.filter((f) => f.person === undefined || !others.has(f.person));
    for (const decision of copy.decisions ?? []) {
      for (const shared of decision.shared ?? []) {
        if (others.has(shared.party)) {
          delete shared.response;
          delete shared.method;
        }
      }
    }
  }
  for (const path of withhold) kept = withholdPath(copy, kept, path);
  return { data: dropHoles(copy), sections: kept, readerRef: reader === 'child' ? data.child.ref : readerPerson!.ref };
}

/** Array entries withheld by a path ending in an index are removed, not left as holes. */
function dropHoles<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(dropHoles) as T;
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = dropHoles((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Fields that hold ids, never a ref: names are not put into them. */
const ID_KEYS = new Set(['id', 'person', 'party', 'agreed_by', 'siblings', 'point', 'outcome', 'status', 'relation', 'rag', 'type', 'to', 'level', 'suggested', 'recommendation', 'override_category', 'legal_status', 'proceedings', 'placement', 'cohorts', 'delivered', 'stage']);

/** A names map (ref → real name) applied to every string in the case and its body (not to ids), longest refs first. */
export function withNames<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  const refs = [...names.keys()].filter((r) => r.trim() !== '').sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${refs.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, (ref) => names.get(ref) ?? ref);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: ID_KEYS.has(k) ? x : walk(x), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
