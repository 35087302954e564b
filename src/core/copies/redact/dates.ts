// Dates as people write them, found in free text and moved by one offset.
//
// The rule: a date that names a day moves by the offset, as a whole (day, month and
// year together) and in the form it was written: 2026-03-03, 03/03/2026, 3/3/26,
// 3.3.2026, 3 March 2026, 3rd of March 2026, March 3rd, 2026, and without a year
// (3 March, 3rd of March, March 3rd). A month with a year ("March 2026", "2026-03")
// and a month named alone ("the October review") move by the offset in whole months.
// A year written alone never moves: it is as often a statute ("Children Act 1989"), a
// citation ("Farmer et al. 2011") or an age as a case date, and moving it would make
// those false. Pure.
import type { IsoDate } from '../../model/caseTypes.js';
import { fromDayNumber, toDayNumber } from '../../text/dates.js';
import { MONTH_NAMES } from '../../text/dateText.js';
import { textReplacer, type TextRule } from './engine.js';

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH_WORD = String.raw`(?:${MONTH_NAMES.join('|')}|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?`;
const NUM_BEFORE = String.raw`(?<![\p{N}])`;
const NUM_AFTER = String.raw`(?![\p{N}])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;

function isoOf(y: number, m: number, d: number): IsoDate | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return fromDayNumber(toDayNumber(iso)) === iso ? iso : undefined;
}

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '').toLowerCase();
  const full = MONTH_NAMES.findIndex((n) => n.toLowerCase() === w);
  if (full >= 0) return full;
  return w === 'sept' ? 8 : SHORT.findIndex((s) => s.toLowerCase() === w);
}

function sameShape(original: string, word: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return word.toUpperCase();
  if (original === original.toLowerCase()) return word.toLowerCase();
  return word;
}

/** The new month written as the original was: full or short, with its dot and letter case. */
function monthLike(original: string, index: number): string {
  const bare = original.replace(/\.$/, '');
  const isFull = MONTH_NAMES.some((n) => n.toLowerCase() === bare.toLowerCase());
  const word = isFull ? MONTH_NAMES[index] : SHORT[index];
  return sameShape(bare, word) + (original.endsWith('.') ? '.' : '');
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
}

export interface DateMoves {
  /** The new date for a whole date. */
  day(iso: IsoDate): IsoDate;
  /** The new "YYYY-MM" for a month and year. */
  month(ym: string): string;
  /** The new month index (0–11) for a month named alone. */
  monthAlone(index: number): number;
  /** The date a day and month without a year is read in: the latest such date on or before it. */
  asOf: IsoDate;
}

/** A day and month without a year, read as the latest such date on or before `asOf`. */
function withoutYear(month: number, day: number, asOf: IsoDate): IsoDate | undefined {
  const year = Number(asOf.slice(0, 4));
  for (const y of [year, year - 1, year - 2, year - 3, year - 4]) {
    const iso = isoOf(y, month, day);
    if (iso && iso <= asOf) return iso;
  }
  return undefined;
}

export function dateRules(moves: DateMoves): TextRule[] {
  const y4 = (iso: IsoDate) => iso.slice(0, 4);
  return [
    {
      // year first: 2026-03-03 (ISO), 2026/03/03, 2026.3.3
      source: `${NUM_BEFORE}\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}${NUM_AFTER}`,
      replace: (m) => {
        const p = /^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})$/.exec(m)!;
        if (p[2] !== p[4]) return undefined;
        const iso = isoOf(Number(p[1]), Number(p[3]), Number(p[5]));
        if (!iso) return undefined;
        const moved = moves.day(iso);
        if (p[2] === '-' && p[3].length === 2 && p[5].length === 2) return moved;
        const pad = (n: string, like: string) => (like.length === 2 ? n : String(Number(n)));
        return [moved.slice(0, 4), pad(moved.slice(5, 7), p[3]), pad(moved.slice(8, 10), p[5])].join(p[2]);
      },
    },
    {
      // compact: 20260303
      source: `${NUM_BEFORE}(?:19|20)\\d{6}${NUM_AFTER}`,
      replace: (m) => {
        const iso = isoOf(Number(m.slice(0, 4)), Number(m.slice(4, 6)), Number(m.slice(6, 8)));
        return iso ? moves.day(iso).replace(/-/g, '') : undefined;
      },
    },
    {
      // day first, as written in the UK: 03/03/2026, 3/3/26, 3.3.2026, 03-03-2026
      source: `${NUM_BEFORE}(?:\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})|\\d{1,2}-\\d{1,2}-(?:\\d{4}|\\d{2}))${NUM_AFTER}`,
      replace: (m) => {
        const p = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d+)$/.exec(m)!;
        const short = p[4].length === 2;
        let year = Number(p[4]);
        if (short) year += 2000 + year <= Number(y4(moves.asOf)) + 1 ? 2000 : 1900;
        const iso = isoOf(year, Number(p[3]), Number(p[1]));
        if (!iso) return undefined;
        const moved = moves.day(iso);
        const d = String(Number(moved.slice(8, 10)));
        const mo = String(Number(moved.slice(5, 7)));
        const yy = short ? moved.slice(2, 4) : y4(moved);
        return [p[1].length === 2 ? d.padStart(2, '0') : d, p[3].length === 2 ? mo.padStart(2, '0') : mo, yy].join(p[2]);
      },
    },
    {
      // 3 March 2026, 3rd of March 2026, 3 Mar, 3rd of March
      source: `${NUM_BEFORE}\\d{1,2}(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?${MONTH_WORD}(?:,?\\s+\\d{4}${NUM_AFTER})?|[-/.]${MONTH_WORD}[-/.]\\d{4}${NUM_AFTER})${WORD_AFTER}`,
      replace: (m) => {
        const p = /^(\d{1,2})(st|nd|rd|th)?(\s+(?:of\s+)?|[-/.])(\S+?)(?:(,?\s+|[-/.])(\d{4}))?$/i.exec(m);
        if (!p) return undefined;
        const month = monthIndex(p[4]);
        if (month < 0) return undefined;
        // "3 may" without a year is more often words than a date
        if (!p[6] && p[4][0] === p[4][0].toLowerCase()) return undefined;
        const iso = p[6] ? isoOf(Number(p[6]), month + 1, Number(p[1])) : withoutYear(month + 1, Number(p[1]), moves.asOf);
        if (!iso) return undefined;
        const moved = moves.day(iso);
        const day = Number(moved.slice(8, 10));
        const suffix = p[2] ? sameShape(p[2], ordinal(day)) : '';
        const dayText = p[1].length === 2 && day < 10 ? `0${day}` : String(day);
        return `${dayText}${suffix}${p[3]}${monthLike(p[4], Number(moved.slice(5, 7)) - 1)}${p[6] ? `${p[5] ?? ' '}${y4(moved)}` : ''}`;
      },
    },
    {
      // March 3rd, 2026; March 3, 2026; March 3rd
      source: `${WORD_BEFORE}${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?${NUM_AFTER}(?:,?\\s+\\d{4}${NUM_AFTER})?${WORD_AFTER}`,
      replace: (m) => {
        const p = /^(\S+?)(\s+)(\d{1,2})(st|nd|rd|th)?(,?\s+)?(\d{4})?$/i.exec(m);
        if (!p) return undefined;
        const month = monthIndex(p[1]);
        if (month < 0) return undefined;
        // without a year, only "March 3rd" (an ordinal) is read as a date
        if (!p[6] && (!p[4] || p[1][0] === p[1][0].toLowerCase())) return undefined;
        const iso = p[6] ? isoOf(Number(p[6]), month + 1, Number(p[3])) : withoutYear(month + 1, Number(p[3]), moves.asOf);
        if (!iso) return undefined;
        const moved = moves.day(iso);
        const day = Number(moved.slice(8, 10));
        const suffix = p[4] ? sameShape(p[4], ordinal(day)) : '';
        return `${monthLike(p[1], Number(moved.slice(5, 7)) - 1)}${p[2]}${day}${suffix}${p[6] ? `${p[5] ?? ' '}${y4(moved)}` : ''}`;
      },
    },
    {
      // March 2026
      source: `${WORD_BEFORE}${MONTH_WORD}\\s+\\d{4}${NUM_AFTER}`,
      replace: (m) => {
        const p = /^(\S+?)(\s+)(\d{4})$/.exec(m);
        if (!p) return undefined;
        const month = monthIndex(p[1]);
        if (month < 0) return undefined;
        const moved = moves.month(`${p[3]}-${String(month + 1).padStart(2, '0')}`);
        return `${monthLike(p[1], Number(moved.slice(5, 7)) - 1)}${p[2]}${moved.slice(0, 4)}`;
      },
    },
    {
      // 2026-03
      source: `${NUM_BEFORE}\\d{4}-(?:0[1-9]|1[0-2])${NUM_AFTER}(?!-\\d)`,
      replace: (m) => moves.month(m),
    },
    {
      // a month named alone ("the October review"), capitalised; "May" only where it cannot be the verb
      source: `${WORD_BEFORE}(?:${MONTH_NAMES.filter((n) => n !== 'May').join('|')}|(?<=(?:in|of|since|until|by|from|early|late|mid|end of|last|next) )May)${WORD_AFTER}`,
      replace: (m) => {
        if (m[0] !== m[0].toUpperCase()) return undefined;
        return monthLike(m, moves.monthAlone(monthIndex(m)));
      },
    },
  ];
}

// one compiled scanner each, reused: the found dates go to whichever list is being filled
let sink: { days: IsoDate[]; months: string[] } = { days: [], months: [] };
const scanners = new Map<string, (text: string) => string>();
function scan(text: string, asOf: IsoDate): { days: IsoDate[]; months: string[] } {
  let run = scanners.get(asOf);
  if (!run) {
    run = textReplacer(dateRules({ asOf, day: (iso) => (sink.days.push(iso), iso), month: (ym) => (sink.months.push(ym), ym), monthAlone: (i) => i }));
    if (scanners.size > 8) scanners.clear();
    scanners.set(asOf, run);
  }
  const mine = { days: [] as IsoDate[], months: [] as string[] };
  const before = sink;
  sink = mine;
  try {
    run(text);
  } finally {
    sink = before;
  }
  return mine;
}

/** Every date written in a text, in any form above, as ISO dates (a month as its first day). */
export function datesIn(text: string, asOf: IsoDate): IsoDate[] {
  const { days, months } = scan(text, asOf);
  return [...days, ...months.map((ym) => `${ym}-01`)];
}

/** Only the whole dates written with a year (not months, not a day and month alone), for the survival check. */
export function wholeDatesIn(text: string): IsoDate[] {
  // an as-of date before every year makes a day and month without a year read as no date
  return scan(text, '0000-01-01').days;
}
