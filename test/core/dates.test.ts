import { describe, expect, it } from 'vitest';
import { earliest, notADate, parseIsoDate } from '../../src/core/text/dates.js';
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
