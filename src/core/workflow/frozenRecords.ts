// Frozen copies of signed-off written products. When a manager signs off a written
// assessment, a classification or a decision, the signing command writes the
// product as it then reads (Markdown and HTML) into the caseload's `records/`
// folder, and keeps each copy's path and SHA-256 in the sign-off entry. A report
// for a signed-off product shows that copy, byte for byte: a signed-off record
// does not change afterwards. Pure: io reads and writes the copies.
import type { CaseData, IsoDate, SignOff } from '../model/caseTypes.js';
import { isAfter } from '../text/dates.js';
import { DECISION_POINTS, type DecisionPoint, type DecisionRecordPoint } from '../model/ids.js';

/** The folder, in the caseload root, that holds the frozen copies: `records/<case id>/…`. */
export const RECORDS_FOLDER = 'records';

/** A frozen copy's path as the sign-off entry keeps it: relative to the case file's folder, forward slashes, inside a `records/<case>/` folder. */
export const FROZEN_PATH_PATTERN = '^(\\.\\./)*records/[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*\\.(md|html)$';

const FROZEN_FILE = /^records\/[^/]+\/(?:assessment|decision-(?:rc1_d2|rc2_d3|rc3_post_return)|review)-\d{4}-\d{2}-\d{2}(?:-\d+)?\.(?:md|html)$/;

/** Is `rel` (`records/<case>/<file>`) named as a frozen copy is? Discovery leaves such files out: they are not case files. */
export function isFrozenCopyPath(rel: string): boolean {
  return FROZEN_FILE.test(rel);
}

export interface FrozenCopy {
  path: string;
  sha256: string;
}

/** The written products a sign-off freezes (`report --type`). */
export type FrozenProduct = 'assessment' | 'decision' | 'review';

export interface FrozenProductRef {
  type: FrozenProduct;
  /** The decision point of a decision record. */
  point?: DecisionPoint;
}

export type SignedKind = 'written_assessment' | 'classification' | 'decision';

/** The products an item's sign-off freezes: the written assessment; the decision record at the item's point; the post-return review for RC3. Decision 1 has no written product. */
export function productsOfSignoff(kind: SignedKind, point?: DecisionRecordPoint): FrozenProductRef[] {
  if (kind === 'written_assessment') return [{ type: 'assessment' }];
  if (point === undefined || !(DECISION_POINTS as readonly string[]).includes(point)) return [];
  const p = point as DecisionPoint;
  return p === 'rc3_post_return' ? [{ type: 'decision', point: p }, { type: 'review' }] : [{ type: 'decision', point: p }];
}

/** The start of a frozen copy's file name: `assessment`, `decision-rc1_d2`, `review`. */
export function frozenStem(ref: FrozenProductRef): string {
  return ref.type === 'decision' && ref.point ? `${ref.type}-${ref.point}` : ref.type;
}

/** `decision-rc1_d2-2026-10-28`, then `-2`, `-3` … when a copy of that name is already kept. */
export function frozenBaseName(ref: FrozenProductRef, date: IsoDate, n = 1): string {
  return `${frozenStem(ref)}-${date}${n > 1 ? `-${n}` : ''}`;
}

/** In words, for messages: "the decision record at rc1_d2". */
export function productWords(ref: FrozenProductRef): string {
  if (ref.type === 'assessment') return 'the written assessment';
  if (ref.type === 'review') return 'the post-return review';
  return `the decision record at ${ref.point}`;
}

interface SignedItem {
  kind: SignedKind;
  point?: DecisionRecordPoint;
  pointer: string;
  date?: IsoDate;
  signedOff?: SignOff;
}

function signedItems(data: CaseData): SignedItem[] {
  const out: SignedItem[] = [];
  const wa = Object.hasOwn(data.tasks, 'written_assessment') ? data.tasks.written_assessment : undefined;
  if (wa && (wa.status === 'done' || wa.signed_off))
    out.push({ kind: 'written_assessment', pointer: '/tasks/written_assessment', date: wa.date, signedOff: wa.signed_off });
  (data.classifications ?? []).forEach((c, i) =>
    out.push({ kind: 'classification', point: c.point, pointer: `/classifications/${i}`, date: c.date, signedOff: c.signed_off }),
  );
  (data.decisions ?? []).forEach((d, i) => out.push({ kind: 'decision', point: d.point, pointer: `/decisions/${i}`, date: d.date, signedOff: d.signed_off }));
  return out;
}

const feeds = (item: SignedItem, ref: FrozenProductRef) =>
  productsOfSignoff(item.kind, item.point).some((r) => r.type === ref.type && (ref.type !== 'decision' || r.point === ref.point));

/** Does this copy belong to the product, in this format? */
export function isCopyOf(copy: FrozenCopy, ref: FrozenProductRef, format: 'md' | 'html'): boolean {
  const name = copy.path.slice(copy.path.lastIndexOf('/') + 1);
  return (
    name.startsWith(`${frozenStem(ref)}-`) &&
    name.endsWith(`.${format}`) &&
    /^\d{4}-\d{2}-\d{2}(-\d+)?$/.test(name.slice(frozenStem(ref).length + 1, -(format.length + 1)))
  );
}

/** What a report of a product on a date is: a draft (not, or not wholly, signed off by then), signed off before copies were kept, or its frozen copy. */
export type FrozenChoice = { kind: 'draft' } | { kind: 'unfrozen'; signedOff: SignOff } | { kind: 'frozen'; copy: FrozenCopy; signedOff: SignOff };

/**
 * The product is signed off on `asOf` when every item it shows dated on or before
 * `asOf` is signed off by then; its record is the copy kept by the latest of those
 * sign-offs.
 */
export function frozenRecordFor(data: CaseData, ref: FrozenProductRef, asOf: IsoDate, format: 'md' | 'html'): FrozenChoice {
  const items = signedItems(data).filter((item) => feeds(item, ref) && (item.date === undefined || !isAfter(item.date, asOf)));
  if (items.length === 0) return { kind: 'draft' };
  if (items.some((item) => !item.signedOff || isAfter(item.signedOff.date, asOf))) return { kind: 'draft' };
  let latest = items[0]!.signedOff!; // items is not empty, and every item is signed off (both checked above)
  for (const item of items) if (item.signedOff!.date >= latest.date) latest = item.signedOff!;
  const copy = (latest.frozen ?? []).find((c) => isCopyOf(c, ref, format));
  return copy ? { kind: 'frozen', copy, signedOff: latest } : { kind: 'unfrozen', signedOff: latest };
}

/** Every frozen copy a case file lists, with where its entry is (for `check`). */
export function frozenCopiesOf(data: CaseData): (FrozenCopy & { pointer: string; item: string })[] {
  return signedItems(data).flatMap((item) =>
    (item.signedOff?.frozen ?? []).map((copy, i) => ({
      ...copy,
      pointer: `${item.pointer}/signed_off/frozen/${i}`,
      item: item.kind === 'written_assessment' ? 'the written assessment' : `the ${item.point} ${item.kind}`,
    })),
  );
}

/**
 * The record without the frozen copies its sign-offs name: for a copy that leaves
 * the caseload (redact), whose sign-offs cannot point at records it does not carry.
 */
export function withoutFrozenCopies<T>(data: T): T {
  if (Array.isArray(data)) return data.map((v: unknown) => withoutFrozenCopies(v)) as T;
  if (typeof data !== 'object' || data === null) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'signed_off' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { frozen: _frozen, ...rest } = value as Record<string, unknown>;
      out[key] = rest;
    } else out[key] = withoutFrozenCopies(value);
  }
  return out as T;
}
