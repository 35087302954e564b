// `reunify redact` on disk: read the case files of a case or caseload folder, make
// the anonymised copy (src/core/copies/redact.ts), check token by token that nothing the
// originals are known to hold survives anywhere in it, and lay it out for a new
// folder that neither holds nor sits inside the source.
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { caseFileText } from '../core/model/caseText.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { longDate } from '../core/text/dateText.js';
import { createRng } from '../core/training/random.js';
import { forReview, REDACTION_CATEGORIES, redactCaseload, survivors, type RedactSource, type RedactionResult, type ReviewItem } from '../core/copies/redact.js';
import type { Problem } from '../core/model/problem.js';
import { findCases, unreadableFolderProblem } from './findCases.js';
import { CONFIG_FILE_NAME, defaultConfig } from './loadConfig.js';
import { loadCase } from './loadCase.js';
import { parseCaseText } from '../core/parse/caseFile.js';
import { toCheckable } from './checkFile.js';
import { withoutFrozenCopies } from '../core/workflow/frozenRecords.js';
import { checkCases } from '../core/rules/check.js';
import { safeFileName } from './safeOutput.js';
import type { PackFile } from './writePack.js';

export class RedactError extends Error {
  constructor(
    message: string,
    readonly problems: { filePath: string; problems: Problem[] }[] = [],
    /** What survived in the copy, one line each: where, and what. */
    readonly survivors: string[] = [],
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
  if (inside(sourceDir, target))
    throw new RedactError(`--out ${out} is inside the source folder ${isDir ? source : dirname(source) || '.'}: the copy is never written into the source`);
  if (inside(target, sourceDir)) throw new RedactError(`--out ${out} holds the source folder: give a folder outside it`);
}

/** Settings a copy keeps: nothing personal, everything that changes what check reports. */
const COPIED_SETTINGS = [
  'rules',
  'timescales',
  'reviews',
  'sharing',
  'leaving_care_age',
  'decision_map',
  'classification',
  'labels',
  'additions',
  'status',
  'costs',
] as const;

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

function reportText(result: RedactionResult, review: readonly ReviewItem[]): string {
  const rows = REDACTION_CATEGORIES.map((c) => `| ${c} | ${result.counts[c]} |`);
  const lines = [
    '# Redaction report',
    '',
    `${result.cases.length} case ${result.cases.length === 1 ? 'file' : 'files'} copied by \`reunify redact\`. This report counts what was replaced; it records no original value, only words that are still in the copy.`,
    '',
    '| What | Replaced |',
    '|---|---|',
    ...rows,
    '',
    '- Every word of every name the tool knows (refs, the team, every `by`, name fields, local fields about a person, a names map) is replaced wherever it is, in any letter case, with or without accents and apostrophes, possessive or plural, with a grammatical ending (Kowalczyka), on either side of a hyphen or dash, written together, next to digits, split by a dash or spelled out; so are a known initial standing alone, the initials of a known full name, a first initial written onto a surname, and any name after a title. Look-alike letters of other scripts, full-width letters and invisible characters are read as the plain letters first. A name that is also an ordinary word is replaced where it is the word too.',
    '- Case ids, refs, initials and names get the same pseudonym in every file, so people and siblings can still be followed across the cases.',
    '- Email addresses, street addresses, postcodes, phone numbers, NHS numbers, National Insurance numbers and hospital numbers are replaced by what they were, in brackets, whoever they belong to.',
    `- Every date that names a day is moved back by one offset, the same for the whole copy, as a whole and in the form it was written (each day of a range or list too), in whole weeks and longer than the span of all the dates copied, so intervals and weekdays are kept and no original date reappears. A year written alone or in words is never moved, nor a date that ends with a year in words: those are listed below. The offset is not recorded. The copy is checked as of ${longDate(result.asOf)} (its reunify.config.yaml).`,
    '- Comments in the original files are not copied.',
    '',
    '## To read before sharing',
    '',
  ];
  if (review.length === 0) lines.push('Nothing was flagged. Free text can still hold details no pattern recognises: read every file before it is shared.', '');
  else {
    lines.push(
      'These are still in the copy. The tool could not tell whether they identify someone: read each one in its file, and change it by hand if it does. Free text can also hold details no pattern recognises (a nickname, a rare event, what someone said): read every file before it is shared.',
      '',
      '| Where | What | Why listed |',
      '|---|---|---|',
      // the words listed come from the copy; the report's own wording is not the cases' and is left alone
      ...review.slice(0, REVIEW_LIMIT).map((r) => `| ${r.path}:${r.line} | ${result.prose(r.text).replace(/\|/g, '\\|')} | ${r.why} |`),
      '',
    );
    if (review.length > REVIEW_LIMIT) lines.push(`…and ${review.length - REVIEW_LIMIT} more, not listed: read every file.`, '');
  }
  return lines.join('\n');
}

const REVIEW_LIMIT = 300;
const OFFSET_ATTEMPTS = 8;

/** Read, redact and lay out the copy; throws RedactError when a file cannot be read or an original would survive. */
export function redactedFiles(
  source: string,
  options: {
    config: ReunifyConfig;
    asOf: string;
    seed: number;
    names?: readonly string[];
    /** The config's folder, which its globs are relative to. */ base?: string;
  },
): { files: PackFile[]; result: RedactionResult } {
  const { config } = options;
  const { files: found, missing, unreadable: folders } = findCases([source], { glob: config.cases, ignore: config.ignore, base: options.base });
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
    // a redacted copy carries no frozen copies: they name records it does not hold
    const data = withoutFrozenCopies(loaded.data as Record<string, unknown>);
    sources.push({ id: typeof data.id === 'string' ? data.id : loaded.stem, data, body: loaded.split.body });
  }
  if (unreadable.length > 0)
    throw new RedactError(
      'some case files or folders cannot be read, so nothing was copied (a file that does not parse cannot be redacted safely)',
      unreadable,
    );
  // the copy must check as the originals do; a rule counted in months can fall a day
  // differently after one offset, so a few offsets are tried, and the first that keeps
  // every finding is used
  const findings = (texts: readonly { stem: string; text: string }[], cfg: ReunifyConfig, asOf: string) => {
    // texts in memory: no frozen copy lies beside them to compare
    const cases = texts.map((f) =>
      toCheckable(parseCaseText({ filePath: `${f.stem}.md`, stem: f.stem, problems: [], locate: () => undefined }, f.text), { frozenCopies: false }),
    );
    return checkCases(cases, { asOf, config: cfg })
      .results.flatMap((r) => r.problems.map((p) => `${p.severity} ${p.ruleId}`))
      .sort()
      .join('\n');
  };
  const before = findings(
    sources.map((s) => ({ stem: s.id, text: caseFileText(s.data, s.body) })),
    config,
    options.asOf,
  );
  let result: RedactionResult | undefined;
  for (let attempt = 0; attempt < OFFSET_ATTEMPTS; attempt++) {
    const made = redactCaseload(createRng(options.seed), sources, {
      asOf: options.asOf,
      places: config.redact.places,
      schools: config.redact.schools,
      bankHolidays: config.bank_holidays,
      names: options.names,
      attempt,
    });
    result ??= made;
    if (
      findings(
        made.cases.map((c) => ({ stem: c.id, text: caseFileText(c.data, c.body) })),
        { ...config, bank_holidays: made.bankHolidays },
        made.asOf,
      ) === before
    ) {
      result = made;
      break;
    }
  }
  if (!result) throw new Error('internal: no redaction attempt');
  const caseFiles: PackFile[] = result.cases.map((c) => ({ path: `cases/${safeFileName(c.id, '.md')}`, text: caseFileText(c.data, c.body) }));
  const review = forReview(caseFiles, result.pseudonyms, result.known, result.leftAsWritten);
  const files: PackFile[] = [
    { path: CONFIG_FILE_NAME, text: result.prose(copyConfigText(config, result)) },
    { path: 'redaction-report.md', text: reportText(result, review) },
    ...caseFiles,
  ];
  // the last check, token by token over every file: nothing known may be left anywhere in the
  // copy (of the report, the words it lists from the copy: the rest is the tool's own wording,
  // where a name that is also an ordinary word, "year" or "date", must not be changed)
  const listed = {
    path: 'redaction-report.md',
    text: review
      .slice(0, REVIEW_LIMIT)
      .map((r) => result.prose(r.text))
      .join('\n'),
  };
  const left = survivors([...files.filter((f) => f.path !== 'redaction-report.md'), listed], result.known);
  if (left.length > 0) {
    throw new RedactError(
      `${left.length === 1 ? 'something the originals hold was' : `${left.length} things the originals hold were`} still in the copy, so nothing was written; change them in the originals (a word broken across a line, an invisible character) and run again`,
      [],
      left.map((l) => `${l.path}:${l.line}: ${l.found} (${l.kind})`),
    );
  }
  return { files, result };
}
