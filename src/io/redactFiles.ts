// `reunify redact` on disk: read the case files of a case or caseload folder, make
// the anonymised copy (src/core/redact.ts), check that no original id, ref, name,
// place, school or date survives anywhere in it, and write it into a new folder
// that neither holds nor sits inside the source.
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { caseFileText } from '../core/caseText.js';
import type { ReunifyConfig } from '../core/config.js';
import { longDate } from '../core/dateText.js';
import { createRng } from '../core/random.js';
import { REDACTION_CATEGORIES, redactCaseload, type RedactSource, type RedactionResult } from '../core/redact.js';
import type { Problem } from '../core/problem.js';
import { findCases, unreadableFolderProblem } from './findCases.js';
import { CONFIG_FILE_NAME, defaultConfig } from './loadConfig.js';
import { loadCase } from './loadCase.js';
import { safeFileName } from './safeOutput.js';
import type { PackFile } from './writePack.js';

export class RedactError extends Error {
  constructor(
    message: string,
    readonly problems: { filePath: string; problems: Problem[] }[] = [],
  ) {
    super(message);
  }
}

function realOrResolved(p: string): string {
  const abs = resolve(p);
  // the deepest existing folder on the way decides where a path really is
  let existing = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return abs;
      rest.push(relative(parent, existing));
      existing = parent;
    }
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The source folder (a case file's own folder) and --out must not overlap either way. */
export function checkNoOverlap(source: string, out: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(source).isDirectory();
  } catch {
    throw new RedactError(`${source}: no such file or folder`);
  }
  const sourceDir = realOrResolved(isDir ? source : dirname(source));
  const target = realOrResolved(out);
  if (inside(sourceDir, target)) throw new RedactError(`--out ${out} is inside the source folder ${isDir ? source : dirname(source) || '.'}: the copy is never written into the source`);
  if (inside(target, sourceDir)) throw new RedactError(`--out ${out} holds the source folder: give a folder outside it`);
}

/** Settings a copy keeps: nothing personal, everything that changes what check reports. */
const COPIED_SETTINGS = ['rules', 'timescales', 'reviews', 'sharing', 'leaving_care_age', 'decision_map', 'classification', 'labels', 'additions', 'status', 'costs'] as const;

function copyConfigText(config: ReunifyConfig, result: RedactionResult): string {
  const defaults = defaultConfig();
  const kept: Record<string, unknown> = {};
  for (const key of COPIED_SETTINGS) if (JSON.stringify(config[key]) !== JSON.stringify(defaults[key])) kept[key] = config[key];
  const lines = [
    '# An anonymised copy made by `reunify redact`: ids, names, places and dates are',
    '# replaced (see redaction-report.md). Review the free text before sharing it.',
    'organisation: "Anonymised copy for training"',
    '',
    '# The originals’ as-of date, moved back with the cases: check, status and classify',
    '# see the copy as the originals were seen.',
    `as_of: ${result.asOf}`,
    'ignore: ["**/README.md", "**/CHANGELOG.md", "redaction-report.md"]',
    '',
    '# Bank holidays move with the cases, so working days fall the same way.',
    stringify({ bank_holidays: result.bankHolidays }, { version: '1.2', lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
  ];
  if (Object.keys(kept).length > 0) lines.push('', '# Local settings of the original caseload.', stringify(kept, { version: '1.2', lineWidth: 0 }).trimEnd());
  return lines.join('\n') + '\n';
}

function reportText(result: RedactionResult): string {
  const rows = REDACTION_CATEGORIES.map((c) => `| ${c} | ${result.counts[c]} |`);
  return [
    '# Redaction report',
    '',
    `${result.cases.length} case ${result.cases.length === 1 ? 'file' : 'files'} copied by \`reunify redact\`. This report counts what was replaced; it records no original value.`,
    '',
    '| What | Replaced |',
    '|---|---|',
    ...rows,
    '',
    '- Case ids, refs, initials and names are replaced by the same pseudonym in every file, so people and siblings can still be followed across the cases.',
    `- Every date is moved back by one offset, the same for the whole copy, in whole weeks and longer than the span of all the dates copied, so intervals and weekdays are kept and no original date, month or year reappears. The offset is not recorded. The copy is checked as of ${longDate(result.asOf)} (its reunify.config.yaml).`,
    '- Comments in the original files are not copied.',
    '- Free text can hold details no pattern recognises: first names without a title, addresses, rare events, what the child said. Read every file before it is shared, and change rare details by hand.',
    '',
  ].join('\n');
}

function originalsOf(sources: readonly RedactSource[], config: ReunifyConfig): string[] {
  const out = new Set<string>();
  const refish = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 2) out.add(v.trim());
  };
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) out.add(v);
      if (key === 'ref' || key === 'by' || key === 'social_worker' || key === 'team_manager' || key === 'iro') refish(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const s of sources) {
    walk(s.data);
    out.add(s.id);
    for (const m of s.body.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) out.add(m[0]);
  }
  for (const p of [...config.redact.places, ...config.redact.schools]) refish(p);
  return [...out];
}

/** Read, redact and lay out the copy; throws RedactError when a file cannot be read or an original would survive. */
export function redactedFiles(source: string, options: { config: ReunifyConfig; asOf: string; seed: number }): { files: PackFile[]; result: RedactionResult } {
  const { config } = options;
  const { files: found, missing, unreadable: folders } = findCases([source], { glob: config.cases, ignore: config.ignore });
  if (missing.length > 0) throw new RedactError(`${source}: no such file or folder`);
  // a copy that silently lacks the cases of a folder it could not read is not the copy asked for
  const unreadable: { filePath: string; problems: Problem[] }[] = folders.map((u) => ({ filePath: u.folder, problems: [unreadableFolderProblem(u)] }));
  if (found.length === 0 && unreadable.length === 0) throw new RedactError(`${source}: no case files found`);
  const sources: RedactSource[] = [];
  for (const filePath of found) {
    const loaded = loadCase(filePath);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || typeof loaded.data !== 'object' || loaded.data === null || Array.isArray(loaded.data) || !loaded.split) {
      unreadable.push({ filePath, problems: errors });
      continue;
    }
    const data = loaded.data as Record<string, unknown>;
    sources.push({ id: typeof data.id === 'string' ? data.id : loaded.stem, data, body: loaded.split.body });
  }
  if (unreadable.length > 0) throw new RedactError('some case files or folders cannot be read, so nothing was copied (a file that does not parse cannot be redacted safely)', unreadable);
  const result = redactCaseload(createRng(options.seed), sources, {
    asOf: options.asOf,
    places: config.redact.places,
    schools: config.redact.schools,
    bankHolidays: config.bank_holidays,
  });
  const files: PackFile[] = [
    { path: CONFIG_FILE_NAME, text: copyConfigText(config, result) },
    { path: 'redaction-report.md', text: reportText(result) },
    ...result.cases.map((c) => ({ path: `cases/${safeFileName(c.id, '.md')}`, text: caseFileText(c.data, c.body) })),
  ];
  // belt and braces: no original value may be anywhere in the copy
  const originals = originalsOf(sources, config);
  for (const file of files) {
    for (const original of originals) {
      const at = new RegExp(`(?<![\\w.-])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(file.text);
      if (at) throw new RedactError(`an original value survived redaction in ${file.path} (category not shown); nothing was copied: please report this`);
    }
  }
  return { files, result };
}
