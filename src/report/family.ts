// Helpers for family-facing copies: config paths withheld on top of the allow-list
// (the family view itself is built in familyView.ts), and real names from a local
// names map put in place of refs only here, at render time. Neither is written back.
import type { CaseData } from '../core/model/caseTypes.js';

export interface BodySection {
  heading: string;
  content: string;
}

export { ReaderError } from '../core/copies/familyCopy.js';

const WITHHELD_LISTS = new WeakSet<object>();

/** Is this a list of records `withholdPath` emptied because it is withheld (not because nothing was recorded)? */
export const isWithheldList = (value: unknown): boolean => typeof value === 'object' && value !== null && WITHHELD_LISTS.has(value);

/**
 * Remove one JSON-pointer-like path (`*` matches every key or index) from the
 * data, or a body section for `/body/<heading>`. Missing paths are no-ops. With
 * `mark`, a text (or a list of texts) is replaced by it rather than removed, so a
 * copy can say it was withheld instead of reading as if nothing was recorded.
 */
export function withholdPath(data: CaseData, sections: BodySection[], path: string, mark?: string): BodySection[] {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'body' && segments.length === 2) {
    const heading = segments[1]!.toLowerCase(); // just checked: two segments
    return sections.filter((s) => s.heading.toLowerCase() !== heading);
  }
  const walk = (node: unknown, rest: string[]): void => {
    if (node === null || typeof node !== 'object' || rest.length === 0) return;
    const [head, ...tail] = rest;
    if (head === undefined) return; // rest is not empty: checked above
    const keys = head === '*' ? Object.keys(node) : Object.hasOwn(node, head) ? [head] : [];
    const dropped = new Set<number>();
    for (const key of keys) {
      if (tail.length === 0) {
        const value = (node as Record<string, unknown>)[key];
        const isTexts = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
        if (mark !== undefined && (typeof value === 'string' || isTexts)) (node as Record<string, unknown>)[key] = typeof value === 'string' ? mark : [mark];
        else if (mark !== undefined && Array.isArray(value) && value.length > 0) {
          // a list of records: empty, and known to be withheld, so it does not read as "none recorded"
          const withheld: unknown[] = [];
          WITHHELD_LISTS.add(withheld);
          (node as Record<string, unknown>)[key] = withheld;
        } else if (Array.isArray(node)) dropped.add(Number(key));
        else delete (node as Record<string, unknown>)[key];
      } else {
        walk((node as Record<string, unknown>)[key], tail);
      }
    }
    // an entry of a list is taken out of the list, not left as a hole
    if (Array.isArray(node) && dropped.size > 0) {
      const kept = node.filter((_x, i) => !dropped.has(i));
      node.splice(0, node.length, ...kept);
    }
  };
  walk(data, segments);
  return sections;
}

/** Fields that hold ids, never a ref: names are not put into them. */
const ID_KEYS = new Set([
  'id',
  'person',
  'party',
  'agreed_by',
  'siblings',
  'point',
  'outcome',
  'status',
  'relation',
  'rag',
  'type',
  'to',
  'level',
  'suggested',
  'recommendation',
  'override_category',
  'legal_status',
  'proceedings',
  'placement',
  'cohorts',
  'delivered',
  'stage',
]);

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
      for (const [k, x] of Object.entries(v))
        Object.defineProperty(out, k, { value: ID_KEYS.has(k) ? x : walk(x), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
