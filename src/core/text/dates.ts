// Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone or clock
// change moves a date. Rules use these and never parse dates themselves.
import type { IsoDate } from '../model/caseTypes.js';

const DAY_MS = 86_400_000;

/** What every date a person writes must look like: config, flags, answers and case files say the same. */
export const DATE_WRITTEN = 'must be a date written YYYY-MM-DD';

/**
 * The one message for a date that is not one: `--as-of must be a date written YYYY-MM-DD, got "2026-02-30"`.
 * `subject` names what was given (a flag, a setting); `shown` is the given text, already made safe to print.
 */
export function notADate(subject?: string, shown?: string): string {
  return `${subject ? `${subject} ` : ''}${DATE_WRITTEN}${shown === undefined ? '' : `, got "${shown}"`}`;
}

/** "2026-03-03" → the same, as a date; anything else (2026-02-30, 2026-3-3, text) → undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // years 0–99 too, unlike Date.UTC
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return text;
}

export function toDayNumber(date: IsoDate): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function fromDayNumber(day: number): IsoDate {
  // the civil calendar from a day count (days since 1970-01-01), in integers: the same
  // answer as Date's, without making a Date and its ISO string for each of the many dates
  // the case generator writes; years outside 0–9999 take Date's own form
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!Number.isInteger(day) || y < 0 || y > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Add calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function isWeekend(date: IsoDate): boolean {
  const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return dow === 0 || dow === 6;
}

/** The date `n` working days after `date`, skipping weekends and the given bank holidays. */
export function addWorkingDays(date: IsoDate, n: number, bankHolidays: readonly IsoDate[] = []): IsoDate {
  const holidays = new Set(bankHolidays);
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !holidays.has(day)) left--;
  }
  return day;
}

/** Age in whole years on a date. */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return on.slice(5) < dob.slice(5) ? years - 1 : years;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return a > b;
}

/** Latest of some dates (YYYY-MM-DD sorts as text), or undefined for none. */
export function latest(dates: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

/** Earliest of some dates, or undefined for none. */
export function earliest(dates: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d && (!best || d < best)) best = d;
  return best;
}

/** Strictly older than `years` on a date: past the birthday, not on it (29 Feb birthdays fall on 28 Feb). */
export function isOlderThan(dob: IsoDate, years: number, on: IsoDate): boolean {
  return on > addMonths(dob, years * 12);
}

/** The latest dated item on or before a date (all of them when no date is given), with its index; the later entry wins a tie. */
export function latestOnOrBefore<T extends { date: IsoDate }>(
  items: readonly T[] | undefined,
  onOrBefore?: IsoDate,
  keep: (item: T) => boolean = () => true,
): { item: T; index: number } | undefined {
  let best: { item: T; index: number } | undefined;
  (items ?? []).forEach((item, index) => {
    if ((onOrBefore !== undefined && item.date > onOrBefore) || !keep(item)) return;
    if (!best || best.item.date <= item.date) best = { item, index };
  });
  return best;
}
