// One report for a loaded, valid case: (family copy, names) → view model →
// templates. The case is opened by io (src/io/openCase.ts); this only renders.
import type { ReunifyConfig } from '../core/model/config.js';
import type { DecisionPoint } from '../core/model/ids.js';
import type { Problem } from '../core/model/problem.js';
import { withNames, type BodySection } from '../report/family.js';
import { FamilyRefusal, familyView } from '../report/familyView.js';
import { renderReport, type OutputFormat } from '../report/render.js';
import { buildView, latestPoint, unavailableReason, type ReportType } from '../report/views.js';
import { SHIPPED_TEMPLATES } from '../io/runReport.js';
import type { CaseData } from '../core/model/caseTypes.js';
import { noToldDecision, readerOf, toldPoint } from '../core/copies/familyCopy.js';

/** A case as a report reads it: the record (absent when refused), the body's sections, and the problems that refused it. */
export interface ReportCase {
  filePath: string;
  data?: CaseData;
  sections: BodySection[];
  problems: Problem[];
}

export interface ReportOptions {
  type: ReportType;
  format: OutputFormat;
  asOf: string;
  point?: DecisionPoint;
  /** Folder of override templates (--templates, else config `report.templates`). */
  templatesDir?: string;
  names?: Map<string, string>;
  /** Person id (or `child`) a family copy is for. */
  reader?: string;
}

export type ReportOutcome =
  | { ok: true; text: string; caseId: string; fileName: string }
  | { ok: false; problems: Problem[] }
  | { ok: false; unavailable: string }
  /** A family copy the reader may not have (they pose a risk to someone and are not a party). */
  | { ok: false; refused: string };

/** Render one report for a loaded, valid case. */
export function renderCase(rc: ReportCase, config: ReunifyConfig, options: ReportOptions): ReportOutcome {
  if (!rc.data) return { ok: false, problems: rc.problems };
  const reason = unavailableReason(options.type, rc.data, options.point, options.asOf);
  if (reason) return { ok: false, unavailable: reason };
  let data = rc.data;
  let sections: BodySection[] = rc.sections;
  let point = options.type === 'decision' ? options.point : undefined;
  if (options.type === 'decision' && point === undefined) {
    if (options.reader === undefined) point = latestPoint(data, options.asOf);
    else {
      // a family copy is of the decision its reader was told of, never simply the latest one
      const reader = readerOf(data, options.reader);
      point = toldPoint(data, reader.id, options.asOf);
      if (!point) return { ok: false, refused: noToldDecision(data, reader, options.asOf) };
    }
  }
  const templateOptions = { shippedDir: SHIPPED_TEMPLATES, overrideDir: options.templatesDir, levelLabels: config.labels.levels };
  let text: string;
  if (options.reader !== undefined) {
    // a family copy: its own view model, built by allow-list, names merged last
    let view;
    try {
      view = familyView({ product: options.type, data, sections, config, asOf: options.asOf, reader: options.reader, point });
    } catch (err) {
      if (err instanceof FamilyRefusal) return { ok: false, refused: err.message };
      throw err;
    }
    if (options.names && options.names.size > 0) view = withNames(view, options.names);
    text = renderReport('family', options.format, view, templateOptions);
  } else {
    if (options.names && options.names.size > 0) {
      data = withNames(data, options.names);
      sections = withNames(sections, options.names);
    }
    const view = buildView(options.type, { data, sections, config, asOf: options.asOf, readerRef: '', marking: config.report.marking }, point);
    text = renderReport(options.type, options.format, view, templateOptions);
  }
  const suffix = [options.type, point, options.reader ? `for-${options.reader}` : undefined].filter(Boolean).join('-');
  return { ok: true, text, caseId: rc.data.id, fileName: `${rc.data.id}-${suffix}.${options.format}` };
}
