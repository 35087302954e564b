// Human output grouped by file, like ESLint's stylish formatter. File names and
// messages can carry case text, so control and bidi characters are shown escaped.
import type { ChalkInstance } from 'chalk';
import type { CheckResult } from '../../core/model/problem.js';
import { terminalText } from '../../core/escape/terminal.js';

export function formatStylish(result: CheckResult, color: ChalkInstance): string {
  const out: string[] = [];
  for (const file of result.results) {
    if (file.problems.length === 0) continue;
    out.push(color.underline(terminalText(file.filePath)));
    const rows = file.problems.map((p): [string, string, string, string] => [
      `${p.line ?? 0}:${p.column ?? 0}`,
      p.severity,
      terminalText(p.message),
      terminalText(p.ruleId),
    ]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, message, ruleId] of rows) {
      const sevText = (sev === 'error' ? color.red : color.yellow)(sev.padEnd(w1));
      out.push(`  ${color.dim(pos.padEnd(w0))}  ${sevText}  ${message}  ${color.dim(ruleId)}`);
    }
    out.push('');
  }
  const { errors, warnings, files } = result.summary;
  const total = errors + warnings;
  if (total === 0) {
    out.push(color.green(`✔ ${files} case file${files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} case file${files === 1 ? '' : 's'}`;
    out.push((errors > 0 ? color.red : color.yellow).bold(line));
  }
  return out.join('\n') + '\n';
}
