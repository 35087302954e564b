import { describe, expect, it } from 'vitest';
import { systemReason } from '../../src/io/systemReason.js';

describe('systemReason', () => {
  it("takes the system's words without the path", () => {
    expect(systemReason(Object.assign(new Error("EACCES: permission denied, open '/x/RF-0001.md'"), { code: 'EACCES' }))).toBe('EACCES: permission denied');
    expect(systemReason(Object.assign(new Error("EACCES: permission denied, scandir '/x/cases'"), { code: 'EACCES' }))).toBe('EACCES: permission denied');
  });
  it('puts words to a bare code, and keeps an unknown one as it is', () => {
    expect(systemReason(Object.assign(new Error('boom'), { code: 'EACCES' }))).toBe('EACCES: permission denied');
    expect(systemReason({ code: 'EWHATEVER' })).toBe('EWHATEVER');
    expect(systemReason(undefined)).toBe('error');
  });
});
