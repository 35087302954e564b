// The status view as Markdown: a heading per metric, a two-column table of
// measures, and exceptions as a list of case ids. Every piece of text is escaped
// (escapeMarkdown), so an id or a team name cannot add structure.
import { escapeMarkdown as md } from '../core/escape/markdown.js';
import type { StatusLayout } from './statusSections.js';

export function formatStatusMarkdown(layout: StatusLayout): string {
  const out: string[] = [...(layout.marking.trim() !== '' ? [`**${md(layout.marking)}**`, ''] : []), `# ${md(layout.title)}`, ''];
  for (const line of layout.subtitle) out.push(md(line), '');
  for (const section of layout.sections) {
    out.push(`## ${md(section.title)}`, '');
    if (section.note) out.push(`_${md(section.note)}_`, '');
    if (section.rows.length > 0) {
      out.push('| Measure | Value |', '|---|---:|');
      for (const r of section.rows) out.push(`| ${md(r.label)} | ${md(r.value)} |`);
      out.push('');
    }
    if (section.exceptions && section.exceptions.length > 0) {
      for (const e of section.exceptions) out.push(`- **${md(e.id)}**: ${md(e.detail)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
