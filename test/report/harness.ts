// Renders reports in-process from the example caseload (the same path the CLI takes).
import { resolve } from 'node:path';
import { VirtualConsole } from 'jsdom';
import type { ReunifyConfig } from '../../src/core/model/config.js';
import type { DecisionPoint } from '../../src/core/model/ids.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import { openCase } from '../../src/io/openCase.js';
import type { ReportCase } from '../../src/app/renderCase.js';
import { renderCase, type ReportOutcome } from '../../src/app/renderCase.js';
import type { OutputFormat } from '../../src/report/render.js';
import type { ReportType } from '../../src/report/views.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The live example caseload. */
export const CASES = resolve(ROOT, 'examples/caseload/cases');
/** Frozen copies of example cases, so snapshots change only when the reports do. */
export const SNAPSHOT_CASES = resolve(ROOT, 'test/fixtures/report/cases');
export const AS_OF = '2026-11-01';

export function exampleConfig(): ReunifyConfig {
  return loadConfig({ paths: [SNAPSHOT_CASES] }).config;
}

/** A frozen copy of an example case (test/fixtures/report/cases). */
export function exampleCase(id: string, config = exampleConfig()): ReportCase {
  return openCase(resolve(SNAPSHOT_CASES, `${id}.md`), config, { sections: true });
}

/** A case from the live example caseload. */
export function liveCase(id: string, config = loadConfig({ paths: [CASES] }).config): ReportCase {
  return openCase(resolve(CASES, `${id}.md`), config, { sections: true });
}

export interface RenderOptions {
  point?: DecisionPoint;
  templatesDir?: string;
  names?: Map<string, string>;
  reader?: string;
  config?: ReunifyConfig;
}

export function render(rc: ReportCase, type: ReportType, format: OutputFormat, options: RenderOptions = {}): ReportOutcome {
  const config = options.config ?? exampleConfig();
  return renderCase(rc, config, {
    type,
    format,
    asOf: AS_OF,
    point: options.point,
    templatesDir: options.templatesDir,
    names: options.names,
    reader: options.reader,
  });
}

/** The rendered text, failing loudly when the report was not made. */
export function renderText(rc: ReportCase, type: ReportType, format: OutputFormat, options: RenderOptions = {}): string {
  const outcome = render(rc, type, format, options);
  if (!outcome.ok) throw new Error(`not rendered: ${JSON.stringify(outcome)}`);
  return outcome.text;
}

/** jsdom's CSS parser does not know @page margin boxes; anything else it reports fails the test. */
export function quietCss(): VirtualConsole {
  const console = new VirtualConsole();
  console.on('jsdomError', (err) => {
    if (!/Could not parse CSS stylesheet/.test(err.message)) throw err;
  });
  return console;
}
