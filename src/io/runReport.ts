// Runs `report` over files on disk: config → load → schema → (family copy, names)
// → view model → templates. A case with reading or schema errors gets no report:
// a written product built on a record the schema rejects could mislead.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CaseData } from '../core/caseTypes.js';
import type { ReunifyConfig } from '../core/config.js';
import type { DecisionPoint } from '../core/ids.js';
import type { Problem } from '../core/problem.js';
import { withNames, type BodySection } from '../report/family.js';
import { FamilyRefusal, familyView } from '../report/familyView.js';
import { renderReport, type OutputFormat } from '../report/render.js';
import { buildView, latestPoint, unavailableReason, type ReportType } from '../report/views.js';
import { lineStarts, positionAt } from './frontMatter.js';
import { bodySections, decodeCaseBytes, parseYamlText } from './loadCase.js';
import { loadValidCase } from './loadValidCase.js';
import { PACKAGE_ROOT } from './loadConfig.js';
import { systemReason } from './systemReason.js';

export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

export interface ReportCase {
  filePath: string;
  data?: CaseData;
  sections: BodySection[];
  /** Reading and schema errors (stage gates do not stop a report). */
  problems: Problem[];
}

/** Load and validate one case for a report. */
export function loadReportCase(filePath: string, config: ReunifyConfig): ReportCase {
  const { loaded, data, problems } = loadValidCase(filePath, config);
  if (!data) return { filePath, sections: [], problems };
  return { filePath, data, sections: bodySections(loaded.split?.body ?? ''), problems: [] };
}

export class NamesError extends Error {}

/**
 * A names file: a YAML map from refs ("Ms A", "Child A", "SW J.P.") to real
 * names. Read with the same strict YAML rules as case files; never stored anywhere.
 */
export function readNames(filePath: string): Map<string, string> {
  let bytes: Buffer;
  try {
    if (!statSync(filePath).isFile()) throw new NamesError(`${filePath}: not a regular file`);
    bytes = readFileSync(filePath);
  } catch (err) {
    if (err instanceof NamesError) throw err;
    throw new NamesError(`${filePath}: the names file could not be read (${systemReason(err)})`);
  }
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) throw new NamesError(`${filePath}: ${decoded.problem.message}`);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const starts = lineStarts(text);
  const parsed = parseYamlText(text, 0, (o) => positionAt(starts, o), 'names file');
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new NamesError(`${filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}`);
  }
  const names = new Map<string, string>();
  for (const [ref, name] of Object.entries(parsed.data as Record<string, unknown>)) {
    // the message names the ref, never the value: it may be a real name
    if (typeof name !== 'string' || name.trim() === '') throw new NamesError(`${filePath}: the name for "${ref}" must be a non-empty string`);
    names.set(ref, name);
  }
  return names;
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

/** The override template folder: the option, else the config's `report.templates` relative to the config file. */
export function templatesDirOf(option: string | undefined, config: ReunifyConfig, configPath: string | undefined): string | undefined {
  if (option !== undefined) return resolve(option);
  const fromConfig = config.report?.templates;
  if (!fromConfig) return undefined;
  return resolve(configPath ? dirname(configPath) : process.cwd(), fromConfig);
}

/** Render one report for a loaded, valid case. */
export function renderCase(rc: ReportCase, config: ReunifyConfig, options: ReportOptions): ReportOutcome {
  if (!rc.data) return { ok: false, problems: rc.problems };
  const reason = unavailableReason(options.type, rc.data, options.point, options.asOf);
  if (reason) return { ok: false, unavailable: reason };
  let data = rc.data;
  let sections: BodySection[] = rc.sections;
  const point = options.type === 'decision' ? (options.point ?? latestPoint(data, options.asOf)) : undefined;
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
