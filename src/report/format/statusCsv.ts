// `reunify status --format csv`: one long table an analyst can pivot,
// `section,measure,value,case_id,detail`, with the details from ids and ISO dates
// as in the JSON. Every cell is neutralised against
// formula injection: a cell starting with = + - @, a tab or a carriage return
// gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
import { csvCell } from '../../core/escape/csv.js';
import type { StatusLayout } from '../statusSections.js';

export function formatStatusCsv(layout: StatusLayout, asOf: string): string {
  const rows: (string | number | null)[][] = [['section', 'measure', 'value', 'case_id', 'detail']];
  rows.push(['scope', 'as_of', asOf, '', '']);
  for (const section of layout.sections) {
    for (const r of section.rows) rows.push([section.id, r.key, r.raw, '', '']);
    // ids and ISO dates, as in the JSON, so a spreadsheet can sort and match them
    for (const e of section.exceptions ?? []) rows.push([section.id, 'case', '', e.id, e.raw]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
