// Redaction over generated caseloads (fast-check, seeded): no known name, id,
// place, school or original date survives; intervals are kept; nothing moves into
// the future; the copy checks exactly as the originals did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFileText } from '../../src/core/caseText.js';
import { daysBetween } from '../../src/core/dates.js';
import { longDate } from '../../src/core/dateText.js';
import { generateCase } from '../../src/core/generate.js';
import { SCHOOL_KINDS, SCHOOL_NAMES, TOWN_NAMES } from '../../src/core/generateText.js';
import type { StageValue } from '../../src/core/ids.js';
import { createRng } from '../../src/core/random.js';
import { redactCaseload, type RedactSource } from '../../src/core/redact.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { checkTexts } from './checkText.js';

const config = defaultConfig();
const AS_OF = '2026-11-01';
const STAGES: StageValue[] = [1, 2, 3, 4, 5, 'closed'];
const PLACES = [...TOWN_NAMES];
const SCHOOLS = SCHOOL_NAMES.flatMap((n) => SCHOOL_KINDS.map((kind) => `${n} ${kind}`));

function caseload(seed: number, size: number): RedactSource[] {
  const rng = createRng(seed);
  return Array.from({ length: size }, (_, i) => {
    const id = `RF-${String(seed % 9000).padStart(4, '0')}${String.fromCharCode(65 + i)}`;
    const g = generateCase(rng.fork(i), { stage: STAGES[rng.int(0, 5)], id, asOf: AS_OF, config, scenario: rng.chance(0.3) ? 'cohorts' : undefined });
    return { id, data: g.data as unknown as Record<string, unknown>, body: g.body };
  });
}

/** Every ISO date in a value, in document order. */
function isoDates(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => isoDates(x, out));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => isoDates(x, out));
  return out;
}

/** What must not survive: refs, the team's initials, their distinctive parts, case ids, places, schools, dates. */
function knownOriginals(sources: readonly RedactSource[]): string[] {
  const out = new Set<string>([...PLACES, ...SCHOOLS]);
  for (const s of sources) {
    out.add(s.id);
    const d = s.data as { child: { ref: string }; people?: { ref: string }[]; team: Record<string, string> };
    const names = [d.child.ref, ...(d.people ?? []).map((p) => p.ref), ...Object.values(d.team)];
    for (const n of names) {
      out.add(n);
      const token = n.split(' ').pop()!;
      if (token.length >= 2) out.add(token);
    }
    for (const date of [...isoDates(s.data), ...[...s.body.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0])]) {
      out.add(date);
      out.add(longDate(date));
    }
  }
  return [...out];
}

const survives = (text: string, original: string) => new RegExp(`(?<![\\w.-])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

describe('redactCaseload', () => {
  it('leaves no known name, id, place, school or original date in any output, keeps intervals and moves nothing forward', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 }), (seed, size, redactSeed) => {
        const sources = caseload(seed, size);
        const result = redactCaseload(createRng(redactSeed), sources, { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: config.bank_holidays });
        const texts = result.cases.map((c) => caseFileText(c.data, c.body));
        for (const original of knownOriginals(sources)) {
          for (const text of texts) expect(survives(text, original), original).toBe(false);
        }
        const earliest = isoDates(sources.map((s) => s.data)).sort()[0];
        const offsets = new Set<number>();
        for (const c of result.cases) {
          const before = isoDates(sources[c.source].data);
          const after = isoDates(c.data);
          expect(after).toHaveLength(before.length);
          before.forEach((d, j) => offsets.add(daysBetween(after[j], d)));
        }
        expect(offsets.size).toBe(1);
        const [offset] = offsets;
        expect(offset % 7).toBe(0);
        for (const text of texts) for (const d of text.match(/\d{4}-\d{2}-\d{2}/g) ?? []) expect(d < earliest).toBe(true);
        expect(daysBetween(result.asOf, AS_OF)).toBe(offset);
      }),
      { seed: 20261101, numRuns: 25 },
    );
  });

  it('checks the copy exactly as the originals were checked (same rules, same severities)', () => {
    const sources = caseload(77, 6);
    const summary = (rows: ReturnType<typeof checkTexts>) => rows.flatMap((r) => r.problems.map((p) => `${p.severity} ${p.ruleId}`)).sort();
    const original = checkTexts(sources.map((s) => ({ stem: s.id, text: caseFileText(s.data, s.body) })), config, AS_OF);
    const result = redactCaseload(createRng(5), sources, { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: config.bank_holidays });
    const shifted = { ...config, bank_holidays: result.bankHolidays };
    const copy = checkTexts(result.cases.map((c) => ({ stem: c.id, text: caseFileText(c.data, c.body) })), shifted, result.asOf);
    expect(summary(copy)).toEqual(summary(original));
  });

  it('replaces consistently across files: one pseudonym per person, siblings still linked', () => {
    const a = caseload(11, 2);
    (a[0].data as { siblings?: string[] }).siblings = [a[1].id];
    (a[1].data as { siblings?: string[] }).siblings = [a[0].id];
    a[1].body += `\nSee ${a[0].id}; ${(a[0].data as { child: { ref: string } }).child.ref} is the older sibling.\n`;
    const result = redactCaseload(createRng(1), a, { asOf: AS_OF, places: [], schools: [], bankHolidays: [] });
    const [x, y] = result.cases.map((c) => ({ id: c.id, siblings: (c.data as { siblings: string[] }).siblings, body: c.body, ref: (c.data as { child: { ref: string } }).child.ref }));
    expect(x.siblings).toEqual([y.id]);
    expect(y.siblings).toEqual([x.id]);
    const older = result.cases.find((c) => c.body.includes('is the older sibling'))!;
    const other = result.cases.find((c) => c !== older)!;
    expect(older.body).toContain(`See ${other.id}; ${(other.data as { child: { ref: string } }).child.ref} is the older sibling.`);
  });

  it('counts what it replaced, by category', () => {
    const result = redactCaseload(createRng(2), caseload(3, 3), { asOf: AS_OF, places: PLACES, schools: SCHOOLS, bankHolidays: [] });
    expect(result.counts['case ids']).toBeGreaterThanOrEqual(3);
    expect(result.counts["children's refs"]).toBe(3);
    expect(result.counts['dates in fields']).toBeGreaterThan(30);
    expect(result.counts.schools).toBeGreaterThanOrEqual(3);
  });

  it('replaces names it does not know when they have a title or a role, and months named alone', () => {
    const [s] = caseload(5, 1);
    s.body += '\nMr Zebedee and Dr O. visited; SW Q.Q. wrote it up. The October review and the review in May went well. It may rain.\n';
    const [c] = redactCaseload(createRng(3), [s], { asOf: AS_OF, places: [], schools: [], bankHolidays: [] }).cases;
    expect(c.body).not.toMatch(/Zebedee|Dr O\.|Q\.Q\.|October|in May/);
    expect(c.body).toContain('It may rain.');
  });
});
