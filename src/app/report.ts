// `reunify report <case> --type …` and `reunify report --caseload [dir]`: the
// written products (docs/framework.md §6) from Handlebars templates, as Markdown or as
// one print-ready HTML file. Handlebars is loaded only when a report is made.
import { EXIT, UsageError, today, writeErr, writeErrHuman, type CommonOptions, flagPathsFromCwd, fromCwd, writeOutHuman } from './shared.js';
import type { DecisionPoint } from '../core/model/ids.js';
import type { Problem } from '../core/model/problem.js';

export const REPORT_TYPES = ['assessment', 'decision', 'agreement', 'transition', 'review'] as const;

export interface ReportFlags extends CommonOptions {
  type?: (typeof REPORT_TYPES)[number];
  point?: DecisionPoint;
  caseload?: string | boolean;
  to: 'md' | 'html';
  out?: string;
  force?: boolean;
  asOf?: string;
  templates?: string;
  names?: string;
  for?: string;
  shared?: boolean;
  /** Render a signed-off product afresh from the file as it stands, not its frozen copy. */
  draft?: boolean;
}

function checkFlags(target: string | undefined, flags: ReportFlags): void {
  if (flags.caseload !== undefined) {
    if (flags.type) throw new UsageError('--caseload and --type cannot be used together');
    if (flags.point || flags.for) throw new UsageError('--point and --for are for case reports, not --caseload');
    if (target !== undefined && typeof flags.caseload === 'string') throw new UsageError('give the caseload folder once: --caseload DIR');
    return;
  }
  if (flags.shared) throw new UsageError('--shared is for --caseload');
  if (flags.draft && flags.for !== undefined) throw new UsageError("--draft is for the team's own products: a family copy (--for) is always made afresh");
  if (target === undefined) throw new UsageError('name a case file (reunify report <case> --type …) or use --caseload [dir]');
  if (!flags.type) throw new UsageError(`--type is required: one of ${REPORT_TYPES.join(', ')}`);
  if (flags.point && flags.type !== 'decision') throw new UsageError('--point is for --type decision');
}

function reportProblems(filePath: string, problems: readonly Problem[]): void {
  for (const p of problems) writeErr(`${filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message} (${p.ruleId})\n`);
}

export async function runReportCommand(target: string | undefined, flags: ReportFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'names', 'templates', 'caseload']);
  if (target !== undefined) target = fromCwd(target);
  checkFlags(target, flags);
  const { resolveAsOf } = await import('./asOf.js');
  if (flags.caseload !== undefined) {
    const dir = typeof flags.caseload === 'string' ? flags.caseload : (target ?? '.');
    const { runCaseloadReport } = await import('./reportCaseload.js');
    return runCaseloadReport(dir, flags, await resolveAsOf(flags.asOf, { paths: [dir], configPath: flags.config }));
  }
  const casePath = target!;
  const { statSync } = await import('node:fs');
  try {
    if (!statSync(casePath).isFile()) throw new UsageError(`${casePath} is not a case file (for a folder, use --caseload)`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    writeErr(`reunify: ${casePath}: no such file\n`);
    return EXIT.usage;
  }
  const asOf = await resolveAsOf(flags.asOf, { paths: [casePath], configPath: flags.config });
  const { loadConfig } = await import('../io/loadConfig.js');
  const { readNames, templatesDirOf, NamesError } = await import('../io/runReport.js');
  const { openCase } = await import('../io/openCase.js');
  const { renderCase } = await import('./renderCase.js');
  const { TemplateError } = await import('../report/render.js');
  const { ReaderError } = await import('../report/family.js');
  const { config, configPath } = loadConfig({ configPath: flags.config, paths: [casePath] });
  let outcome;
  // said once the report is made: a refused report says only why
  const notes: string[] = [];
  try {
    const names = flags.names !== undefined ? readNames(flags.names) : undefined;
    // a case with reading or schema errors gets no report: a written product built on a record the schema rejects could mislead
    const rc = openCase(casePath, config, { sections: true });
    if (rc.data && flags.for === undefined) {
      const signed = await signedRecord(casePath, rc.data, flags, asOf, notes);
      if (signed !== undefined) return signed;
    } else if (rc.data && asOf < today()) {
      notes.push(
        `reunify: note: this family copy is as of ${asOf}: dated records are taken as they stood then, but the narrative body is as it stands today\n`,
      );
    }
    outcome = renderCase(rc, config, {
      type: flags.type!,
      format: flags.to,
      asOf,
      point: flags.point,
      templatesDir: templatesDirOf(flags.templates, config, configPath),
      names,
      reader: flags.for,
    });
  } catch (err) {
    if (err instanceof NamesError || err instanceof ReaderError || err instanceof TemplateError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (!outcome.ok) {
    if ('problems' in outcome) {
      reportProblems(casePath, outcome.problems);
      writeErr(`reunify: ${casePath} has reading or schema errors: fix them first (reunify check ${casePath})\n`);
    } else if ('refused' in outcome) {
      writeErr(`reunify: ${outcome.refused}\n`);
    } else {
      writeErr(`reunify: no ${flags.type} report: ${outcome.unavailable}\n`);
    }
    return EXIT.problems;
  }
  if (!flags.quiet) for (const n of notes) writeErr(n);
  return writeReport(outcome.text, outcome.fileName, flags, [casePath]);
}

/**
 * Write to stdout, a file, or a folder. Never over a case file: a report written
 * over the case it came from would destroy the record.
 */
export async function writeReport(
  text: string,
  fileName: string,
  flags: Pick<ReportFlags, 'out' | 'quiet' | 'force'>,
  sources: readonly string[],
): Promise<number> {
  if (flags.out === undefined) {
    writeOutHuman(text);
    return EXIT.ok;
  }
  const { existsSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { writeOutput, writeOutputFiles } = await import('./output.js');
  const { safeFileName } = await import('../io/safeOutput.js');
  // the name is made of case text (ids, a person id with --for): one safe component
  const dot = fileName.lastIndexOf('.');
  fileName = safeFileName(fileName.slice(0, dot), fileName.slice(dot));
  const isDir = flags.out.endsWith('/') || (existsSync(fromCwd(flags.out)) && statSync(fromCwd(flags.out)).isDirectory());
  const code = isDir
    ? await writeOutputFiles(flags.out, [{ name: fileName, text }], { force: flags.force, sources })
    : await writeOutput(flags.out, text, { force: flags.force, sources });
  if (code !== EXIT.ok) return code;
  if (!flags.quiet) writeErrHuman(`reunify: wrote ${isDir ? join(flags.out, fileName) : flags.out}\n`);
  return EXIT.ok;
}

/**
 * A product signed off on the report date is shown as its frozen copy, byte for
 * byte (unless --draft or --names): undefined means render it afresh.
 */
async function signedRecord(
  casePath: string,
  data: import('../core/model/caseTypes.js').CaseData,
  flags: ReportFlags,
  asOf: string,
  notes: string[],
): Promise<number | undefined> {
  const { frozenRecordFor, productWords } = await import('../core/workflow/frozenRecords.js');
  const { latestPoint } = await import('../report/views.js');
  const type = flags.type!;
  const note = (text: string) => notes.push(text);
  const pastNote = () => {
    if (asOf < today())
      note(`reunify: note: this is a draft as of ${asOf}: dated records are taken as they stood then, but the narrative body is as it stands today\n`);
  };
  if (type !== 'assessment' && type !== 'decision' && type !== 'review') {
    pastNote();
    return undefined;
  }
  const point = type === 'decision' ? (flags.point ?? latestPoint(data, asOf)) : undefined;
  if (type === 'decision' && point === undefined) return undefined;
  const ref = { type, ...(point ? { point } : {}) };
  const what = productWords(ref);
  const choice = frozenRecordFor(data, ref, asOf, flags.to);
  if (choice.kind === 'draft') {
    pastNote();
    return undefined;
  }
  const signed = `${what} was signed off by ${choice.signedOff.by} on ${choice.signedOff.date}`;
  if (choice.kind === 'unfrozen') {
    note(`reunify: ${signed}, and no frozen copy of it was kept: this is rendered afresh from the file as it stands (reunify signoff --freeze keeps one)\n`);
    pastNote();
    return undefined;
  }
  if (flags.draft || flags.names !== undefined || flags.templates !== undefined) {
    const what = flags.draft ? 'draft' : flags.names !== undefined ? 'copy with names merged' : 'copy from other templates';
    note(`reunify: ${signed}; its record is the frozen copy ${choice.copy.path}: this ${what} is rendered afresh and is not that record\n`);
    pastNote();
    return undefined;
  }
  const { readFrozenCopy, sha256Of } = await import('../io/frozenCopies.js');
  const read = readFrozenCopy(casePath, choice.copy.path);
  if (!('bytes' in read) || sha256Of(read.bytes) !== choice.copy.sha256) {
    const why = 'bytes' in read ? 'no longer matches the SHA-256 kept in the sign-off' : `cannot be read (${read.missing})`;
    writeErr(
      `reunify: ${signed}, but its frozen copy ${choice.copy.path} ${why}; the signed-off record cannot be shown (run reunify check; --draft renders the product afresh)\n`,
    );
    return EXIT.problems;
  }
  if (!flags.quiet) writeErr(`reunify: ${signed}: this is its frozen copy ${choice.copy.path}, byte for byte (--draft renders it afresh)\n`);
  const suffix = [type, point].filter(Boolean).join('-');
  return writeReport(read.bytes.toString('utf8'), `${data.id}-${suffix}.${flags.to}`, flags, [casePath]);
}
