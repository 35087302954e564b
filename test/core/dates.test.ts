import { describe, expect, it } from 'vitest';
import { addDays, earliest, fromDayNumber, notADate, parseIsoDate, toDayNumber } from '../../src/core/text/dates.js';
import { parseAnswer } from '../../src/core/workflow/answers.js';

describe('earliest', () => {
  it('picks the earliest date and skips missing ones', () => {
    expect(earliest(['2026-10-01', undefined, '2026-04-01', '2026-11-01'])).toBe('2026-04-01');
  });
  it('is undefined for no dates', () => {
    expect(earliest([])).toBeUndefined();
    expect(earliest([undefined])).toBeUndefined();
  });
  it('compares across months and years', () => {
    expect(earliest(['2027-01-01', '2026-12-31'])).toBe('2026-12-31');
  });
});

describe('parseIsoDate: the one reading of a written date', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '0050-01-01'])('takes %s', (text) => {
    expect(parseIsoDate(text)).toBe(text);
  });
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-3-3', ' 2026-03-03', '3 March 2026', ''])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
  it('answers say what flags and the config say', () => {
    expect(parseAnswer({ kind: 'date' } as Parameters<typeof parseAnswer>[0], '2026-02-30')).toEqual({ error: notADate() });
    expect(notADate('--as-of', '2026-02-30')).toBe('--as-of must be a date written YYYY-MM-DD, got "2026-02-30"');
  });
});

describe('fromDayNumber: a day count as a date', () => {
  it('gives the date Date gives, every day from 1800 to 2200, leap days and century years included', () => {
    const wrong: string[] = [];
    for (let day = toDayNumber('1800-01-01'); day <= toDayNumber('2200-12-31'); day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== date) wrong.push(`${day}: ${fromDayNumber(day)}, not ${date}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
  it('round-trips at the edges of four-digit years', () => {
    for (const date of ['0100-03-01', '1600-02-29', '1700-03-01', '1900-02-28', '1900-03-01', '2000-02-29', '2100-03-01', '9999-12-31'])
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
});
