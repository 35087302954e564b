// GitHub Actions workflow commands: one `::error`/`::warning` line per problem, which the
// runner turns into annotations on the file and line, on any plan and any repository
// (SARIF code scanning needs GitHub Advanced Security on private repositories).
import type { CheckResult } from '../../core/model/problem.js';
import { terminalText } from '../../core/escape/terminal.js';
import { counted } from '../../core/text/plural.js';
import { rootRelative, type PathBase } from './paths.js';

/** A message as a workflow command's data: `%`, CR and LF escaped (GitHub's own escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which would end it (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: CheckResult, base: PathBase): string {
  const lines: string[] = [];
  for (const f of result.results) {
    // any other control character is shown as an escape, so no case file can issue a command
    const file = escapeProperty(terminalText(rootRelative(f.filePath, base)));
    for (const p of f.problems) {
      const props = [`file=${file}`];
      if (p.line !== undefined) props.push(`line=${Math.max(1, p.line)}`);
      if (p.line !== undefined && p.column !== undefined) props.push(`col=${Math.max(1, p.column)}`);
      props.push(`title=${escapeProperty(terminalText(`reunify ${p.ruleId}`))}`);
      lines.push(`::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(terminalText(p.message))}`);
    }
  }
  const { errors, warnings, files } = result.summary;
  lines.push(`reunify: ${counted(errors, 'error')}, ${counted(warnings, 'warning')} in ${counted(files, 'case file')}`);
  return lines.join('\n') + '\n';
}
