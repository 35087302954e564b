// One CSV cell an analyst can open in a spreadsheet safely: a cell starting with
// = + - @, a tab or a carriage return gets a leading apostrophe, so it shows as text
// and never runs as a formula; then it is quoted when it holds a comma, quote or line break.

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
