import { describe, expect, it } from 'vitest';
import { earliest } from '../../src/core/dates.js';

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
