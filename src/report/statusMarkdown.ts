// The status view as Markdown: a heading per metric, a two-column table of
// measures, and exceptions as a list of case ids. Every piece of text that did not
// come from this file is escaped, so an id or a team name cannot add structure.
import type { StatusLayout } from './statusSections.js';

/** Escape text for a Markdown table cell or list item: inline syntax, HTML, pipes and line breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([-=+#])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

export function formatStatusMarkdown(layout: StatusLayout): string {
  const out: string[] = [`# ${markdownText(layout.title)}`, ''];
  for (const line of layout.subtitle) out.push(markdownText(line), '');
  for (const section of layout.sections) {
    out.push(`## ${markdownText(section.title)}`, '');
    if (section.note) out.push(`_${markdownText(section.note)}_`, '');
    if (section.rows.length > 0) {
      out.push('| Measure | Value |', '|---|---:|');
      for (const r of section.rows) out.push(`| ${markdownText(r.label)} | ${markdownText(r.value)} |`);
      out.push('');
    }
    if (section.exceptions && section.exceptions.length > 0) {
      for (const e of section.exceptions) out.push(`- **${markdownText(e.id)}**: ${markdownText(e.detail)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
