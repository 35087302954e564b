// The written products a sign-off freezes, rendered exactly as `report` renders
// them on the sign-off date with the sign-off in place (shipped templates, or the
// config's `report.templates`; never names merged, never a family copy), and the
// copies a sign-off recorded by `task` or `classify --record` keeps, as `signoff` keeps them.
import type { CaseData, SignOff } from '../core/model/caseTypes.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { frozenBaseName, productsOfSignoff, productWords, type FrozenProductRef, type SignedKind } from '../core/workflow/frozenRecords.js';
import type { DecisionRecordPoint } from '../core/model/ids.js';
import type { BodySection } from '../report/family.js';
import { templatesDirOf } from '../io/runReport.js';
import { caseloadRootOf, planFrozenCopies, removeFrozenCopies, writeFrozenCopies, type PlannedCopy } from '../io/frozenCopies.js';
import { applyEdits, type CaseEdit } from '../io/writeCase.js';
import { parseCaseText } from '../core/parse/caseFile.js';
import { bodySections } from '../core/parse/bodySections.js';
import { renderCase } from './renderCase.js';

export interface FrozenRender {
  ref: FrozenProductRef;
  base: (n: number) => string;
  ext: 'md' | 'html';
  text: string;
}

/** Set `value` at `path` in a copy of `data`. */
function withValue(data: CaseData, path: readonly (string | number)[], value: unknown): CaseData {
  const copy = structuredClone(data) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path) node = node[seg] as Record<string | number, unknown>;
  node.signed_off = value;
  return copy as unknown as CaseData;
}

/** Render what this sign-off freezes; `skipped` says which products could not be written and why. */
export function renderSignedProducts(input: {
  filePath: string;
  data: CaseData;
  sections: BodySection[];
  config: ReunifyConfig;
  configPath?: string;
  kind: SignedKind;
  point?: DecisionRecordPoint;
  /** Where the item is, e.g. ['classifications', 0]. */
  path: readonly (string | number)[];
  signedOff: SignOff;
}): { copies: FrozenRender[]; skipped: string[] } {
  const data = withValue(input.data, input.path, input.signedOff);
  const copies: FrozenRender[] = [];
  const skipped: string[] = [];
  for (const ref of productsOfSignoff(input.kind, input.point)) {
    for (const ext of ['md', 'html'] as const) {
      const outcome = renderCase({ filePath: input.filePath, data, sections: input.sections, problems: [] }, input.config, {
        type: ref.type,
        format: ext,
        asOf: input.signedOff.date,
        point: ref.point,
        templatesDir: templatesDirOf(undefined, input.config, input.configPath),
      });
      if (outcome.ok) copies.push({ ref, base: (n) => frozenBaseName(ref, input.signedOff.date, n), ext, text: outcome.text });
      else if (ext === 'md') skipped.push(`${productWords(ref)}: ${'unavailable' in outcome ? outcome.unavailable : 'it could not be written'}`);
    }
  }
  return { copies, skipped };
}

/** A signed item of the record: where it is, and its sign-off. */
interface SignedEntry {
  kind: SignedKind;
  point?: DecisionRecordPoint;
  path: (string | number)[];
  signedOff?: SignOff;
}

function signedEntries(data: CaseData): SignedEntry[] {
  const out: SignedEntry[] = [];
  const wa = Object.hasOwn(data.tasks ?? {}, 'written_assessment') ? data.tasks.written_assessment : undefined;
  if (wa) out.push({ kind: 'written_assessment', path: ['tasks', 'written_assessment'], signedOff: wa.signed_off });
  (data.classifications ?? []).forEach((c, i) => out.push({ kind: 'classification', point: c.point, path: ['classifications', i], signedOff: c.signed_off }));
  (data.decisions ?? []).forEach((d, i) => out.push({ kind: 'decision', point: d.point, path: ['decisions', i], signedOff: d.signed_off }));
  return out;
}

const sameSignoff = (a: SignOff | undefined, b: SignOff | undefined) => a !== undefined && b !== undefined && a.by === b.by && a.date === b.date;

export interface FrozenPlan {
  /** The new text, each new sign-off naming its frozen copies. */
  text: string;
  root: string;
  planned: PlannedCopy[];
  /** Products that could not be kept, and why. */
  skipped: string[];
}

/**
 * Sign-offs that `text` records and `before` did not (recorded by `task` or `classify --record`),
 * each kept as `signoff --sign` keeps it: its written products rendered on the sign-off date
 * with the sign-off in place, and the copies' paths and SHA-256 added to the sign-off entry.
 * A sign-off already in the file, or one naming its copies, is left as it is.
 */
export function freezeNewSignoffs(input: {
  filePath: string;
  stem: string;
  before: CaseData;
  text: string;
  config: ReunifyConfig;
  configPath?: string;
}): FrozenPlan {
  const root = caseloadRootOf(input.filePath, input.configPath);
  const reread = parseCaseText({ filePath: input.filePath, stem: input.stem, problems: [], locate: () => undefined }, input.text);
  const data = reread.data as CaseData | undefined;
  if (!data || !reread.split) return { text: input.text, root, planned: [], skipped: [] };
  const earlier = new Map(signedEntries(input.before).map((e) => [e.path.join('/'), e.signedOff]));
  const unfrozen = signedEntries(data).filter((e) => e.signedOff && !e.signedOff.frozen);
  const edits: CaseEdit[] = [];
  // the same sign-off given again (a task answered again) keeps the copies it already names
  for (const e of unfrozen) {
    const was = earlier.get(e.path.join('/'));
    if (sameSignoff(e.signedOff, was) && was?.frozen) edits.push({ op: 'set', path: [...e.path, 'signed_off', 'frozen'], value: was.frozen });
  }
  const fresh = unfrozen.filter((e) => !sameSignoff(e.signedOff, earlier.get(e.path.join('/'))));
  const sections = bodySections(reread.split.body);
  const planned: PlannedCopy[] = [];
  const skipped: string[] = [];
  for (const entry of fresh) {
    const signedOff = { by: entry.signedOff!.by, date: entry.signedOff!.date };
    const rendered = renderSignedProducts({
      filePath: input.filePath,
      data,
      sections,
      config: input.config,
      configPath: input.configPath,
      kind: entry.kind,
      point: entry.point,
      path: entry.path,
      signedOff,
    });
    skipped.push(...rendered.skipped);
    if (rendered.copies.length === 0) continue;
    // a classification and its decision signed off together show the same record: one copy serves both
    const same = rendered.copies.map((r) => planned.find((p) => p.text === r.text && p.target.endsWith(`.${r.ext}`)));
    const copies = same.every((p) => p !== undefined)
      ? same
      : planFrozenCopies(input.filePath, root, data.id, rendered.copies, new Set(planned.map((p) => p.target)));
    for (const c of copies) if (!planned.includes(c)) planned.push(c);
    edits.push({ op: 'set', path: [...entry.path, 'signed_off', 'frozen'], value: copies.map((c) => ({ path: c.path, sha256: c.sha256 })) });
  }
  return { text: edits.length > 0 ? applyEdits(input.text, edits) : input.text, root, planned, skipped };
}

/**
 * Write the frozen copies, then the case file through `write`; when the case file cannot be
 * written, the copies made for its sign-offs go too. A dry run writes no copy.
 */
export function writeWithFrozenCopies<T>(plan: FrozenPlan, dryRun: boolean | undefined, write: () => T): T {
  const written = !dryRun && plan.planned.length > 0 ? writeFrozenCopies(plan.root, plan.planned) : [];
  try {
    return write();
  } catch (err) {
    removeFrozenCopies(written);
    throw err;
  }
}
