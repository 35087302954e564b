// Dates as people write them in narrative: "3 March 2026" (en-GB), without any
// locale API, so the output is the same on every machine.
import type { IsoDate } from '../model/caseTypes.js';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2026-03-03" → "3 March 2026"; anything that is not a date is returned as it is. */
export function longDate(date: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return date;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-03" → "March 2026". */
export function monthYear(date: IsoDate): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
