// The written products a sign-off freezes, rendered exactly as `report` renders
// them on the sign-off date with the sign-off in place (shipped templates, or the
// config's `report.templates`; never names merged, never a family copy).
import type { CaseData, SignOff } from '../core/model/caseTypes.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { frozenBaseName, productsOfSignoff, productWords, type FrozenProductRef, type SignedKind } from '../core/workflow/frozenRecords.js';
import type { DecisionRecordPoint } from '../core/model/ids.js';
import type { BodySection } from '../report/family.js';
import { templatesDirOf } from '../io/runReport.js';
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
