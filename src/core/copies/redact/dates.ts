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
  const word = isFull ? MONTH_NAMES[index]! : SHORT[index]!; // index is a month (0–11)
  return sameShape(bare, word) + (original.endsWith('.') ? '.' : '');
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
}

/** Ordinal words for a day of the month: first … twentieth, and the tens (twenty-sixth, thirty-first). */
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const UNITS = ORDINAL_WORDS.slice(0, 9);
const ORD_WORD = `(?:(?:twenty|thirty)[ ‐‑-]?(?:${UNITS.join('|')})|${[...ORDINAL_WORDS, 'thirtieth'].sort((a, b) => b.length - a.length).join('|')})`;
const SUPERSCRIPT: Record<string, string> = { st: 'ˢᵗ', nd: 'ⁿᵈ', rd: 'ʳᵈ', th: 'ᵗʰ' };
/** A day of the month as written: 3, 03, 3rd, 3ʳᵈ, 2d and 3d (the older second and third), third, twenty-sixth. */
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th|d|ˢᵗ|ⁿᵈ|ʳᵈ|ᵗʰ)?|${ORD_WORD})(?![\\p{L}\\p{M}\\p{N}])`;
/** Between the two days of a range: 3–5, 3rd & 4th, 3 and 9, the 3rd to the 5th. */
const RANGE = `(?:\\s*[‐‑‒–—―-]\\s*|\\s*&\\s*|\\s+(?:to|until|till|and)\\s+(?:the\\s+)?)`;
/** Between the days of a list: "3, 4 and 5", "3, 4, and 5", "3, 4 & 5" (a comma between each but the last two). */
const LIST_COMMA = `\\s*,\\s*`;
const LIST_LAST = `(?:,?\\s*&\\s*|,?\\s+and\\s+(?:the\\s+)?)`;
/** A weekday, which the offset (whole weeks) keeps. */
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
/** Between a day and its month: " ", " of ", " (Tuesday) ", ", Friday, of ". */
const DAY_GAP = `(?:,?\\s+\\(?${WEEKDAY}\\)?,?)?\\s+(?:of\\s+)?`;
/** A year after a day and month: 2026, '26, ’26, 26. */
const YEAR_TEXT = `(?:\\d{4}|['‘’ʼ]\\d{2}|\\d{2})`;
const YEAR = `(?:,?\\s+\\d{4}|,?\\s*['‘’ʼ]\\d{2}|\\s+\\d{2})(?![\\p{N}])`;
/**
 * A day just before a month ("3 ", "3rd of ", "the third of "), to know a month is part of a date; not the end of "2015-08-09, ".
 * A day with any one or two letters after it counts ("3e March 2026"): a month is never moved away from a day.
 */
const DAY_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}/.-])(\\d{1,2}(?:ˢᵗ|ⁿᵈ|ʳᵈ|ᵗʰ|\\p{L}{1,2})?|${ORD_WORD})(?:,?\\s+\\(?${WEEKDAY}\\)?,?)?\\s+(?:of\\s+)?(?:the\\s+)?$`,
  'iu',
);
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ ‐‑-](?:${ONES}))?`;
/**
 * A year written in words: "twenty twenty-four", "nineteen ninety-eight", "twenty oh eight",
 * "two thousand and twenty-four", "two thousand and eight". Never moved: listed for review.
 */
export const YEAR_WORDS = `(?:(?:nineteen|twenty)[ ‐‑-](?:hundred|(?:oh|o|nought)[ ‐‑-](?:${ONES})|${TEENS}|${TENS})|two[ ‐‑-]thousand(?:(?:,?\\s+and)?[ ‐‑-](?:${TENS}|${TEENS}|${ONES}))?)(?![\\p{L}\\p{M}])`;
/** A day or a year just after a month ("December 3", "December the 3rd", "Dec '26", "March twenty twenty-four", "Mar-24"). */
const NUMBER_AFTER = new RegExp(
  `^(?:\\.?,?\\s+(?:the\\s+)?(?:\\d+(?:st|nd|rd|th|d)?|${ORD_WORD}(?![\\p{L}]))|\\.?,?\\s*['‘’ʼ]\\d\\d|,?\\s+(?:of\\s+)?${YEAR_WORDS}|[-/.]\\d)`,
  'iu',
);
/** A year in words just after a date read without a year ("3rd of March twenty twenty-four"): the date is left whole. */
const YEAR_WORDS_AFTER = new RegExp(`^,?\\s+(?:of\\s+)?(?:the\\s+year\\s+)?${YEAR_WORDS}`, 'iu');

/** The day a written day stands for: "3rd" → 3, "twenty-sixth" → 26. */
function dayValue(written: string): number | undefined {
  const digits = /^\d{1,2}/.exec(written);
  if (digits) return Number(digits[0]);
  const w = written.toLowerCase().replace(/[ ‐‑-]+/gu, ' ');
  const i = ORDINAL_WORDS.indexOf(w);
  if (i >= 0) return i + 1;
  if (w === 'thirtieth') return 30;
  const m = /^(twenty|thirty) (\S+)$/.exec(w);
  const unit = m ? UNITS.indexOf(m[2]!) : -1; // group 2 is not optional
  if (!m || unit < 0) return undefined;
  return (m[1] === 'twenty' ? 20 : 30) + unit + 1;
}

/** A day written as the original was: digits padded or not, an ordinal ending (plain or superscript), or in words. */
function writeDay(n: number, like: string): string {
  const p = /^(\d{1,2})(\D*)$/.exec(like);
  if (p) {
    // groups 1 and 2 are not optional (2 may be empty); n is a day of the month (1–31)
    const digits = p[1]!.length === 2 && n < 10 ? `0${n}` : String(n);
    if (p[2] === '') return digits;
    const ending = ordinal(n);
    // the older "2d", "3d" keep their form where the new day is a second or third ("22d"), and take the usual ending otherwise ("4th")
    if (p[2]!.toLowerCase() === 'd') return digits + sameShape(p[2]!, ending === 'nd' || ending === 'rd' ? 'd' : ending);
    return digits + (Object.values(SUPERSCRIPT).includes(p[2]!) ? SUPERSCRIPT[ending] : sameShape(p[2]!, ending));
  }
  const joiner = /(?:twenty|thirty)([ ‐‑-]?)/iu.exec(like)?.[1] || '-';
  const word = n <= 20 ? ORDINAL_WORDS[n - 1]! : n === 30 ? 'thirtieth' : `${n < 30 ? 'twenty' : 'thirty'}${joiner}${UNITS[(n % 10) - 1]}`;
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** A two-digit year is the latest such year up to a year after the as-of date ("26" → 2026, "98" → 1998). */
function fullYear(written: string, asOf: IsoDate): number {
  const digits = written.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  return yy + (2000 + yy <= Number(asOf.slice(0, 4)) + 1 ? 2000 : 1900);
}

/** The new year written as the original was: 2004, '04, 04. */
function writeYear(moved: IsoDate, like: string): string {
  const digits = like.replace(/\D/g, '');
  return digits.length === 4 ? moved.slice(0, 4) : like.slice(0, like.length - 2) + moved.slice(2, 4);
}

interface Phrase {
  /** The day, the two days of a range, or the days of a list, as written. */
  days: string[];
  /** What is between each day and the next (one fewer than the days). */
  seps: string[];
  monthWord: string;
  /** What is between the day and the month (" of ", " the "). */
  gap: string;
  yearSep?: string;
  yearText?: string;
  dayFirst: boolean;
  /** The whole match, and the text after it. */
  m: string;
  after: string;
}

/** A date or range with a month word, every day moved as a whole; undefined when it is not a date that can be read. */
function movedPhrase(p: Phrase, moves: DateMoves): string | { text: string; consumed: number } | undefined {
  let { yearText, yearSep } = p;
  let consumed = p.m.length;
  // "3 March 12 children", "3 March 10:30": two digits after a date are a count or a time, not a year
  if (yearText !== undefined && /^\d{2}$/.test(yearText) && /^(?:[:.]\d|\s*(?:[ap]\.?m(?![\p{L}])|%|h(?:rs?|ours?)?(?![\p{L}]))|\s+\p{Ll})/iu.test(p.after)) {
    consumed -= (yearSep ?? '').length + yearText.length;
    yearText = undefined;
    yearSep = undefined;
  }
  const month = monthIndex(p.monthWord);
  if (month < 0) return undefined;
  // a year written in words after it: the date is left whole (and listed for review), never half-moved
  if (yearText === undefined && YEAR_WORDS_AFTER.test(p.m.slice(consumed) + p.after)) return undefined;
  // "3 may" without a year is more often words than a date
  if (yearText === undefined && !/^\p{Lu}/u.test(p.monthWord)) return undefined;
  const values = p.days.map(dayValue);
  if (values.some((v) => v === undefined)) return undefined;
  const last = values[values.length - 1]!;
  const year =
    yearText !== undefined
      ? fullYear(yearText, moves.asOf)
      : moves.yearless === false
        ? undefined
        : Number(withoutYear(month + 1, last, moves.asOf)?.slice(0, 4));
  if (year === undefined || Number.isNaN(year)) return undefined;
  const isos = values.map((d) => isoOf(year, month + 1, d!));
  if (isos.some((iso) => iso === undefined)) return undefined;
  const moved = isos.map((iso) => moves.day(iso!));
  const monthOf = (iso: IsoDate) => monthLike(p.monthWord, Number(iso.slice(5, 7)) - 1);
  // days holds one day or the two of a range, and so do moved and the indexes below
  const dayOf = (iso: IsoDate, i: number) => writeDay(Number(iso.slice(8, 10)), p.days[i]!);
  const yearOf = (iso: IsoDate) => (yearText !== undefined ? `${yearSep || ' '}${writeYear(iso, yearText)}` : '');
  const lastMoved = moved[moved.length - 1]!;
  let text: string;
  if (moved.length === 1) text = p.dayFirst ? `${dayOf(lastMoved, 0)}${p.gap}${monthOf(lastMoved)}` : `${monthOf(lastMoved)}${p.gap}${dayOf(lastMoved, 0)}`;
  else if (moved.every((d) => d.slice(0, 7) === lastMoved.slice(0, 7))) {
    const days = moved.map((d, i) => dayOf(d, i) + (p.seps[i] ?? '')).join('');
    text = p.dayFirst ? `${days}${p.gap}${monthOf(lastMoved)}` : `${monthOf(lastMoved)}${p.gap}${days}`;
  } else {
    // the days fall in different months after moving: each day gets its own month (and its year, where that differs from the last)
    const yearIf = (d: IsoDate) => (d.slice(0, 4) !== lastMoved.slice(0, 4) ? yearOf(d) : '');
    text = moved
      .map((d, i) => {
        const last = i === moved.length - 1;
        const one = p.dayFirst
          ? `${dayOf(d, i)}${p.gap}${monthOf(d)}${last ? '' : yearIf(d)}`
          : `${monthOf(d)}${p.gap}${dayOf(d, i)}${last || !yearIf(d) ? '' : `,${yearIf(d)}`}`;
        return one + (p.seps[i] ?? '');
      })
      .join('');
  }
  text += yearOf(lastMoved);
  return consumed === p.m.length ? text : { text, consumed };
}

export interface DateMoves {
  /** The new date for a whole date. */
  day(iso: IsoDate): IsoDate;
  /** The new "YYYY-MM" for a month and year. */
  month(ym: string): string;
  /** The new month index (0–11) for a month named alone. */
  monthAlone(index: number): number;
  /** The date a day and month without a year is read in (the latest such date on or before it), and two-digit years too. */
  asOf: IsoDate;
  /** False to read no date from a day and month without a year (for the check, which compares whole dates). */
  yearless?: boolean;
  /** Told of a month it leaves as written because a day or year next to it is in no form it reads ("March 24", "3rd of March twenty twenty-four"). */
  left?(written: string): void;
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
        // the pattern's groups are not optional
        if (p[2] === '-' && p[3]!.length === 2 && p[5]!.length === 2) return moved;
        const pad = (n: string, like: string) => (like.length === 2 ? n : String(Number(n)));
        return [moved.slice(0, 4), pad(moved.slice(5, 7), p[3]!), pad(moved.slice(8, 10), p[5]!)].join(p[2]);
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
      // compact, day first: 03032026, 09081990 (only a real day of 1900 to 2099; no string of digits is both this and the form above)
      source: `${NUM_BEFORE}(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}${NUM_AFTER}`,
      replace: (m) => {
        const iso = isoOf(Number(m.slice(4, 8)), Number(m.slice(2, 4)), Number(m.slice(0, 2)));
        if (!iso) return undefined;
        const moved = moves.day(iso);
        return moved.slice(8, 10) + moved.slice(5, 7) + moved.slice(0, 4);
      },
    },
    {
      // day first, as written in the UK: 03/03/2026, 3/3/26, 3.3.2026, 03-03-2026
      source: `${NUM_BEFORE}(?:\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})|\\d{1,2}-\\d{1,2}-(?:\\d{4}|\\d{2}))${NUM_AFTER}`,
      replace: (m) => {
        const p = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d+)$/.exec(m)!;
        // the pattern's groups are not optional
        const short = p[4]!.length === 2;
        const iso = isoOf(fullYear(p[4]!, moves.asOf), Number(p[3]), Number(p[1]));
        if (!iso) return undefined;
        const moved = moves.day(iso);
        const d = String(Number(moved.slice(8, 10)));
        const mo = String(Number(moved.slice(5, 7)));
        const yy = short ? moved.slice(2, 4) : y4(moved);
        return [p[1]!.length === 2 ? d.padStart(2, '0') : d, p[3]!.length === 2 ? mo.padStart(2, '0') : mo, yy].join(p[2]);
      },
    },
    {
      // day first, one day or a range: 3 March 2026, 3rd of March 2026, 8 Dec '26, 08 Dec 26, the twenty-sixth of January 2010,
      // 3ʳᵈ December, 3–5 March 2026, 3rd & 4th March, between 3 and 9 March, the 3rd to the 5th of March
      // and a list of days: 3, 4 and 5 March 2026
      source: `${WORD_BEFORE}${DAY}(?:${RANGE}${DAY}|(?:${LIST_COMMA}${DAY})+${LIST_LAST}${DAY})?${DAY_GAP}${MONTH_WORD}${WORD_AFTER}(?:${YEAR})?`,
      replace: (m, text, at) => {
        const p = new RegExp(
          `^(${DAY}(?:${RANGE}${DAY}|(?:${LIST_COMMA}${DAY})+${LIST_LAST}${DAY})?)(${DAY_GAP})(${MONTH_WORD})(?:(,?\\s*)(${YEAR_TEXT}))?$`,
          'iu',
        ).exec(m);
        if (!p) return undefined;
        const [, run, gap, monthWord, yearSep, yearText] = p;
        if (run === undefined || gap === undefined || monthWord === undefined) return undefined;
        // the days and what is between them: each day is its own match of DAY, the rest separators
        const days = [...run.matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${DAY}`, 'giu'))].filter((d) => !/^(?:to|until|till|and|the)$/iu.test(d[0]));
        const seps = days.slice(0, -1).map((d, i) => run.slice(d.index! + d[0].length, days[i + 1]!.index));
        return movedPhrase(
          { days: days.map((d) => d[0]), seps, monthWord, gap, yearSep, yearText, dayFirst: true, m, after: text.slice(at + m.length) },
          moves,
        );
      },
    },
    {
      // 3-Mar-2026, 3/Mar/26
      source: `${NUM_BEFORE}\\d{1,2}[-/.]${MONTH_WORD}[-/.](?:\\d{4}|\\d{2})${NUM_AFTER}`,
      replace: (m) => {
        const p = /^(\d{1,2})([-/.])(\p{L}+\.?)([-/.])(\d+)$/u.exec(m);
        if (!p) return undefined;
        // the pattern's groups are not optional
        const month = monthIndex(p[3]!);
        const iso = month < 0 ? undefined : isoOf(fullYear(p[5]!, moves.asOf), month + 1, Number(p[1]));
        if (!iso) return undefined;
        const moved = moves.day(iso);
        return `${writeDay(Number(moved.slice(8, 10)), p[1]!)}${p[2]}${monthLike(p[3]!, Number(moved.slice(5, 7)) - 1)}${p[4]}${writeYear(moved, p[5]!)}`;
      },
    },
    {
      // month first: March 3rd, 2026; March 3, 2026; December the 3rd 2026; December the third; March 3rd–5th
      source: `${WORD_BEFORE}${MONTH_WORD}\\s+(?:the\\s+)?${DAY}(?:${RANGE}${DAY})?(?:${YEAR})?`,
      replace: (m, text, at) => {
        const p = new RegExp(`^(${MONTH_WORD})(\\s+(?:the\\s+)?)(${DAY})(?:(${RANGE})(${DAY}))?(?:(,?\\s*)(${YEAR_TEXT}))?$`, 'iu').exec(m);
        if (!p) return undefined;
        const [, monthWord, gap, first, sep, second, yearSep, yearText] = p;
        if (monthWord === undefined || gap === undefined || first === undefined) return undefined;
        // without a year, only "March 3rd" or "March the third" (an ordinal) is read as a date; a word for the day needs "the"
        if (!/\d/.test(first) && !/the/i.test(gap)) return undefined;
        if (!yearText && /^\d+$/.test(first)) return undefined;
        return movedPhrase(
          {
            days: second ? [first, second] : [first],
            seps: sep === undefined ? [] : [sep],
            monthWord,
            gap,
            yearSep,
            yearText,
            dayFirst: false,
            m,
            after: text.slice(at + m.length),
          },
          moves,
        );
      },
    },
    {
      // March 2026
      source: `${WORD_BEFORE}${MONTH_WORD}\\s+\\d{4}${NUM_AFTER}`,
      replace: (m, text, at) => {
        const p = /^(\S+?)(\s+)(\d{4})$/.exec(m);
        if (!p) return undefined;
        // the pattern's groups are not optional
        const month = monthIndex(p[1]!);
        if (month < 0) return undefined;
        // a day before it that no form above could read: moving the month and year alone would leave the day, so it is left whole (and the check finds it)
        const day = DAY_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
        if (day !== undefined && isoOf(Number(p[3]), month + 1, dayValue(day) ?? 0)) return undefined;
        const moved = moves.month(`${p[3]}-${String(month + 1).padStart(2, '0')}`);
        return `${monthLike(p[1]!, Number(moved.slice(5, 7)) - 1)}${p[2]}${moved.slice(0, 4)}`;
      },
    },
    {
      // March '24, Mar ’24, Mar-24, Mar/24: a month and a two-digit year (kept in its form)
      source: `${WORD_BEFORE}${MONTH_WORD}(?:\\s*['‘’ʼ]|[-/])\\d{2}${NUM_AFTER}(?![-/.:]\\d)`,
      replace: (m, text, at) => {
        const p = /^(\p{L}+\.?)(\s*['‘’ʼ]|[-/])(\d{2})$/u.exec(m);
        if (!p) return undefined;
        // the pattern's groups are not optional
        const month = monthIndex(p[1]!);
        if (month < 0 || DAY_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return undefined;
        const moved = moves.month(`${fullYear(p[3]!, moves.asOf)}-${String(month + 1).padStart(2, '0')}`);
        return `${monthLike(p[1]!, Number(moved.slice(5, 7)) - 1)}${p[2]}${moved.slice(2, 4)}`;
      },
    },
    {
      // 03/2024, 3/2024, 03.2024: a month and year in numbers
      source: `(?<![\\p{N}/.-])(?:(?:0?[1-9]|1[0-2])/|(?:0[1-9]|1[0-2])\\.)(?:19|20)\\d{2}${NUM_AFTER}(?![/.]\\d)`,
      replace: (m) => {
        const p = /^(\d{1,2})([/.])(\d{4})$/.exec(m);
        if (!p) return undefined;
        // the pattern's groups are not optional
        const moved = moves.month(`${p[3]}-${p[1]!.padStart(2, '0')}`);
        const mo = String(Number(moved.slice(5, 7)));
        return `${p[1]!.length === 2 ? mo.padStart(2, '0') : mo}${p[2]}${moved.slice(0, 4)}`;
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
      replace: (m, text, at) => {
        if (m.charAt(0) !== m.charAt(0).toUpperCase()) return undefined;
        // a day or a year next to it that no form above could read: moving the month alone would half-move a date
        const before = DAY_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
        const after = NUMBER_AFTER.exec(text.slice(at + m.length, at + m.length + 60));
        if (before || after) {
          moves.left?.(`${before ? before[0] : ''}${m}${after ? after[0] : ''}`.trim());
          return undefined;
        }
        return monthLike(m, moves.monthAlone(monthIndex(m)));
      },
    },
  ];
}

// one compiled scanner each, reused: the found dates go to whichever list is being filled
let sink: { days: IsoDate[]; months: string[] } = { days: [], months: [] };
const scanners = new Map<string, (text: string) => string>();
function scan(text: string, asOf: IsoDate, yearless = true): { days: IsoDate[]; months: string[] } {
  const key = `${asOf} ${yearless}`;
  let run = scanners.get(key);
  if (!run) {
    run = textReplacer(
      dateRules({ asOf, yearless, day: (iso) => (sink.days.push(iso), iso), month: (ym) => (sink.months.push(ym), ym), monthAlone: (i) => i }),
    );
    if (scanners.size > 8) scanners.clear();
    scanners.set(key, run);
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

/** Only the whole dates written with a year (not months, not a day and month alone), two-digit years read as of `asOf`. */
export function wholeDatesIn(text: string, asOf: IsoDate): IsoDate[] {
  return scan(text, asOf, false).days;
}

const MONTH_TOKEN = new RegExp(`^${MONTH_WORD}$`, 'iu');
/** A day as the check reads it: any form above, or a day with any one or two letters after it ("3e"), so a date written so is found if it was left. */
const DAY_TOKEN = new RegExp(`^(?:${DAY}|\\d{1,2}\\p{L}{1,2})$`, 'iu');
const WINDOW_TOKEN = /['‘’ʼ]?[\p{L}\p{M}\p{N}]+(?:[‐‑-][\p{L}\p{M}]+)?/gu;
/** Words that may sit inside a written date or range. */
const FILLER = new Set(['the', 'of', 'and', 'to', 'until', 'till', 'twenty', 'thirty']);

/**
 * Every whole date a text could be read to hold, however it is written: around each
 * month named (capitalised, or in lower case unless it is "may" or "march"), the run of
 * days (3, 3rd, 3ʳᵈ, third, twenty-sixth), years (2026, '26, and 26 after a day and
 * month, in either century) and joining words ("the", "of", "and", "to", a dash) it
 * stands in, every day with every year; and the numeric forms in both centuries.
 * Generous on purpose: the check before a copy is written uses it to find an original
 * date that was not moved, in whatever form it was left.
 */
export function dateCandidates(text: string): Set<IsoDate> {
  const out = new Set<IsoDate>([...wholeDatesIn(text, '2100-01-01'), ...wholeDatesIn(text, '1900-01-01')]);
  const found = [...text.matchAll(WINDOW_TOKEN)];
  const tokens = found.map((m) => m[0]);
  const isMonth = (t: string) => MONTH_TOKEN.test(t) && !(/^\p{Ll}/u.test(t) && /^(?:may|march|mar)$/i.test(t));
  const datePart = (t: string) =>
    isMonth(t) || DAY_TOKEN.test(t) || /^['‘’ʼ]?\d{2}$|^\d{4}$/u.test(t) || FILLER.has(t.toLowerCase()) || new RegExp(`^${WEEKDAY}$`, 'i').test(t);
  // what stands between two tokens of one date: spaces, commas, dashes, "&", a dot after a short month
  // every index below is inside tokens (and found, as long): joined is called, and the loops read, within bounds they check
  const joined = (j: number) => {
    const between = text.slice(found[j]!.index! + tokens[j]!.length, found[j + 1]!.index!);
    return /^[\s,&()‐‑‒–—―-]*$/u.test(between) || (/^\.\s*$/u.test(between) && isMonth(tokens[j]!));
  };
  tokens.forEach((t, i) => {
    if (!isMonth(t)) return;
    const month = monthIndex(t);
    let first = i;
    while (first > 0 && joined(first - 1) && datePart(tokens[first - 1]!)) first--;
    let last = i;
    while (last + 1 < tokens.length && joined(last) && datePart(tokens[last + 1]!)) last++;
    const days: { at: number; d: number }[] = [];
    const years: { at: number; y: number }[] = [];
    for (let j = first; j <= last; j++) {
      const w = tokens[j]!;
      const pair = /^(?:twenty|thirty)$/i.test(w) && j < last ? `${w} ${tokens[j + 1]}` : undefined;
      for (const form of [w, pair]) {
        const d = form !== undefined && DAY_TOKEN.test(form) ? dayValue(form) : undefined;
        if (d !== undefined) days.push({ at: j, d });
      }
      const apostrophe = /^['‘’ʼ](\d{2})$/u.exec(w)?.[1];
      // a bare "26" is a year only after the month and a day ("08 Dec 26", "Dec 8 26")
      const bare = /^\d{2}$/.test(w) && j > i && days.some((x) => x.at !== j) ? w : undefined;
      if (/^\d{4}$/.test(w)) years.push({ at: j, y: Number(w) });
      else for (const yy of [apostrophe, bare]) if (yy !== undefined) for (const c of [1900, 2000]) years.push({ at: j, y: c + Number(yy) });
    }
    for (const { at: dayAt, d } of days)
      for (const { at: yearAt, y } of years) {
        if (dayAt === yearAt) continue;
        const iso = isoOf(y, month + 1, d);
        if (iso) out.add(iso);
      }
  });
  return out;
}
