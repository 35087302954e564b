// Problems are what every check produces. Rules and schema validation report a
// JSON-pointer `path` into the front matter; the loader turns it into a line and
// column. Messages carry ids and rule text only, never narrative from the case.

export type Severity = 'error' | 'warning';
export type SeveritySetting = 'off' | 'warn' | 'error';

export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the front matter ('' = the whole front matter), or undefined for file-level problems. */
  path?: string;
  /** 1-based, as an editor shows them for the original file. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface FileResult {
  /** Path as given or discovered, relative to the working directory where possible. */
  filePath: string;
  caseId?: string;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** A folder discovery could not list: its problem is reported, but it is not counted as a case file. */
  folder?: boolean;
}

export interface CheckSummary {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
}

export interface CheckResult {
  results: FileResult[];
  summary: CheckSummary;
  asOf: string;
}

export function countProblems(problems: readonly Problem[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const p of problems) {
    if (p.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { errorCount, warningCount };
}

export function summarise(results: readonly FileResult[]): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  let files = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    if (r.folder) continue;
    files++;
    if (r.problems.length > 0) filesWithProblems++;
  }
  return { files, filesWithProblems, errors, warnings };
}

/** Sort by line, then column, then rule id, so output is stable. */
export function compareProblems(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** JSON pointer helpers (RFC 6901). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // `~1` and `~0` are the only escapes, and most pointers hold neither
  return pointer.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}
