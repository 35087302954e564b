// `reunify redact` in-process on the names fixture with one more line (and, where
// needed, one more front-matter field): identifiers, names and dates an attack review
// found left in the copy with exit 0. Each is now replaced, moved whole, or named (exit 1).
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';

const NAMES_FIXTURE = join(ROOT, 'test', 'fixtures', 'redact', 'names');

/** The fixture with `line` added to the body, `field` (a front-matter line) before x-address and `person` (a flow map) first in people; the copy's case file, its report, exit code and stderr. */
async function redacted(line: string, field?: string, person?: string) {
  const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
  const source = join(work, 'caseload');
  cpSync(NAMES_FIXTURE, source, { recursive: true });
  const file = join(source, 'cases', 'RF-0099.md');
  let text = readFileSync(file, 'utf8');
  if (field !== undefined) text = text.replace(/^x-address:/m, `${field}\nx-address:`);
  if (person !== undefined) text = text.replace(/^people:\n/m, `people:\n  - ${person}\n`);
  writeFileSync(file, `${text}\n${line}\n`);
  const out = join(work, 'copy');
  const r = await reunify(['redact', source, '--out', out, '--seed', '3', '--as-of', '2026-11-01']);
  const written = (() => {
    try {
      return statSync(out).isDirectory();
    } catch {
      return false;
    }
  })();
  const copy = written ? readFileSync(join(out, 'cases', 'RD-001.md'), 'utf8') : '';
  const report = written ? readFileSync(join(out, 'redaction-report.md'), 'utf8') : '';
  /** The copy's last line: the line added. */
  const last = copy.trimEnd().split('\n').pop() ?? '';
  return { exitCode: r.exitCode, stderr: r.stderr, copy, report, last, written };
}

describe('reunify redact: identifiers in other shapes', () => {
  it('replaces a phone number written with a letter O for a nought, new or one the originals hold', async () => {
    const r = await redacted('Mum rang from 077OO 9OO 789, then O7700 900788 and 07700 9oo 124.');
    expect(r.exitCode).toBe(0);
    expect(r.last).toBe('Mum rang from [phone number], then [phone number] and [phone number].');
    expect(r.report).toMatch(/\| phone numbers \| 7 \|/);
    // the fixture's own number written with O for 0 elsewhere is replaced too (not left for the check)
    const again = await redacted('Dad is on O77OO 9OO 123.');
    expect(again.exitCode).toBe(0);
    expect(again.last).toBe('Dad is on [phone number].');
  });

  it('replaces National Insurance numbers and hospital numbers with what they were, in brackets', async () => {
    const r = await redacted(
      'NI QQ 12 34 56 C, also QQ123456C; her ni number qq-12-34-56-c. MRN 1234567, Hospital no. K123456, hospital number: RX1 234 567; MRN unknown.',
    );
    expect(r.exitCode).toBe(0);
    expect(r.last).toBe(
      'NI [National Insurance number], also [National Insurance number]; her ni number [National Insurance number]. MRN [hospital number], Hospital no. [hospital number], hospital number: [hospital number]; MRN unknown.',
    );
    expect(r.report).toMatch(/\| National Insurance numbers \| 3 \|/);
    expect(r.report).toMatch(/\| hospital numbers \| 3 \|/);
    // the placeholder's own capitals are not listed as words to read
    expect(r.report).not.toMatch(/\| Insurance \|/);
  });
});

describe('reunify redact: dates in other shapes', () => {
  it('moves ddmmyyyy dates written without separators by the same offset as the rest of the copy', async () => {
    const r = await redacted('Born 09081990; seen 03032026 and 2026-03-03; ref 12345678 and 20260303.');
    expect(r.exitCode).toBe(0);
    const m = /^Born (\d{2})(\d{2})(\d{4}); seen (\d{2})(\d{2})(\d{4}) and (\d{4})-(\d{2})-(\d{2}); ref 12345678 and (\d{8})\.$/.exec(r.last);
    expect(m, r.last).not.toBeNull();
    const [, bd, bm, by, sd, sm, sy, iy, im, id, compact] = m!;
    expect(`${by}-${bm}-${bd}`).not.toBe('1990-08-09');
    // 03032026 and 2026-03-03 are the same day, so they move to the same day
    expect(`${sy}-${sm}-${sd}`).toBe(`${iy}-${im}-${id}`);
    expect(compact).toBe(`${iy}${im}${id}`);
    expect(r.copy).not.toMatch(/09081990|03032026/);
  });

  it('moves 3d, 2d, 1st, 22nd and 3rd March 2026 whole: day, month and year together', async () => {
    const r = await redacted('Seen 3d March 2026, 2d March 2026, 1st March 2026, 22nd March 2026, 3rd March 2026 and 2026-03-03.');
    expect(r.exitCode).toBe(0);
    const m =
      /^Seen (\d+)(?:st|nd|rd|th|d) (\w+) (\d{4}), (\d+)(?:st|nd|rd|th|d) (\w+) (\d{4}), (\d+)st (\w+) (\d{4}), (\d+)(?:st|nd|rd|th|d) (\w+) (\d{4}), (\d+)(?:st|nd|rd|th) (\w+) (\d{4}) and (\d{4}-\d{2}-\d{2})\.$/.exec(
        r.last,
      );
    expect(m, r.last).not.toBeNull();
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const iso = (d: string, mo: string, y: string) => `${y}-${String(months.indexOf(mo) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
    const g = m!.slice(1);
    // "3d March 2026" and "3rd March 2026" are the same day as 2026-03-03 and move to the same day
    expect(iso(g[0]!, g[1]!, g[2]!)).toBe(g[15]);
    expect(iso(g[12]!, g[13]!, g[14]!)).toBe(g[15]);
    expect(g[2]).not.toBe('2026');
  });

  it('moves every day of a list of days, not only the last two', async () => {
    const r = await redacted('Seen 3, 4 and 5 March 2026; 3, 4, and 5 March 2026; and 2026-03-03.');
    expect(r.exitCode).toBe(0);
    const m = /^Seen (\d+), (\d+) and (\d+) (\w+) (\d{4}); (\d+), (\d+), and (\d+) (\w+) (\d{4}); and (\d{4})-(\d{2})-(\d{2})\.$/.exec(r.last);
    expect(m, r.last).not.toBeNull();
    const g = m!.slice(1).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    // 2026-03-03 moved: the list's first day is that day, and the days stay one apart
    expect([g[0], g[1], g[2]]).toEqual([g[12], Number(g[12]) + 1, Number(g[12]) + 2]);
    expect([g[5], g[6], g[7], g[8], g[9]]).toEqual([g[0], g[1], g[2], g[3], g[4]]);
    expect(g[4]).toBe(g[10]);
  });

  it('never half-moves a day written with letters it does not read: left whole, and the check names it (exit 1, nothing written)', async () => {
    const r = await redacted('Seen 3e March 2026.');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cases\/RD-001\.md:\d+: 2026-03-03 \(an original date\)/);
    expect(r.written).toBe(false);
  });
});

describe('reunify redact: names in other places', () => {
  it('replaces the name after a police rank and collar number, and that name everywhere', async () => {
    const r = await redacted('PC 1234 Evans attended; Evans said PCSO 56 Ann Lee was there.');
    expect(r.exitCode).toBe(0);
    const m = /^PC 1234 (\p{Lu}\p{Ll}+) attended; (\p{Lu}\p{Ll}+) said PCSO 56 (\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+) was there\.$/u.exec(r.last);
    expect(m, r.last).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(r.copy).not.toMatch(/Evans|Ann Lee/);
  });
});

describe('reunify redact: names with grammatical endings, and in lists', () => {
  it('replaces a known surname with a grammatical ending, keeping the ending and nothing of the name', async () => {
    const r = await redacted(
      'Spoke to Kowalczyka and wrote to Kowalczykowi; Kowalczykiem came with the Kowalczyków. Anna Kowalskiej, Kowalską; KOWALCZYKA.',
      'x-uncle-name: "Marek Kowalczyk"\nx-aunt-name: "Anna Kowalska"',
    );
    expect(r.exitCode).toBe(0);
    const m =
      /^Spoke to (\p{Lu}\p{Ll}+)a and wrote to (\p{Lu}\p{Ll}+)owi; (\p{Lu}\p{Ll}+)iem came with the (\p{Lu}\p{Ll}+)ów\. (\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)iej, (\p{Lu}\p{Ll}+); (\p{Lu}+)A\.$/u.exec(
        r.last,
      );
    expect(m, r.last).not.toBeNull();
    const [, a, b, c, d, , f, g, h] = m!;
    // one pseudonym for Kowalczyk in every form, another for Kowalska
    expect(new Set([a, b, c, d, h!.charAt(0) + h!.slice(1).toLowerCase()])).toEqual(new Set([a]));
    expect(f).toBe(g);
    expect(f).not.toBe(a);
    expect(r.copy.toLowerCase()).not.toMatch(/kowal/);
    // the pseudonym with its ending is not listed as an unknown word
    expect(r.report).not.toContain(`| ${a}a |`);
  });

  it('replaces names in a list in a local field: under a key about a person every name, under any other key a full name of words the file does not use otherwise', async () => {
    const r = await redacted(
      'Niamh visited; Pike and Rory too. Domestic abuse is the concern.',
      'x-siblings: [Niamh Pike, "Liam Pike (12)"]\nx-household: [Rory Quill, Domestic Abuse Programme]',
    );
    expect(r.exitCode).toBe(0);
    expect(r.copy).not.toMatch(/Niamh|Pike|Liam|Rory|Quill/);
    expect(r.copy).toMatch(/^x-siblings: \[ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+, \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \(12\) \]$/mu);
    expect(r.copy).toMatch(/^x-household: \[ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+, Domestic Abuse Programme \]$/mu);
    expect(r.last).toMatch(/^\p{Lu}\p{Ll}+ visited; \p{Lu}\p{Ll}+ and \p{Lu}\p{Ll}+ too\. Domestic abuse is the concern\.$/u);
  });
});

describe('reunify redact: initials and ordinary words', () => {
  it('leaves "so." at the end of a sentence and "e.g." as words where S.O. and E.G. are initials, and replaces the initials themselves', async () => {
    const r = await redacted(
      'Mr P said so. She said so, e.g. at 10 a.m. S.O. agreed; so did S. O. and SO.',
      'x-aunt-name: "Siobhan Okafor"\nx-gp-name: "Edward Grey"\nx-dad-name: "Anthony Morris"',
    );
    expect(r.exitCode).toBe(0);
    expect(r.last).toMatch(/^Mr (\p{Lu}) said so\. She said so, e\.g\. at 10 a\.m\. (\p{Lu})\.(\p{Lu})\. agreed; so did \2\. \3\. and \2\3\.$/u);
    expect(r.last).not.toMatch(/^Mr P |S\.O\.|S\. O\.|\bSO\b/u);
  });
});

describe("reunify redact: the report's own wording", () => {
  it('is not changed when a name is also a word it uses ("Day"), while the name is replaced in the copy', async () => {
    const r = await redacted('Dan Day visits on Sundays.', 'x-siblings: [Dan Day]');
    expect(r.exitCode).toBe(0);
    expect(r.copy).not.toMatch(/\bDan\b|\bDay\b/);
    expect(r.report).toMatch(/Every date that names a day is moved back by one offset/);
  });

  it('a role word in a ref ("Head of year W") is not taken for a name', async () => {
    const r = await redacted('Head of year W rang school.', undefined, '{ id: school, ref: "Head of year W", relation: teacher }');
    expect(r.exitCode).toBe(0);
    expect(r.last).toMatch(/^Head of year [A-Z]{1,2} rang school\.$/);
    expect(r.last).not.toMatch(/ W /);
    expect(r.report).toMatch(/A year written alone or in words is never moved, nor a date that ends with a year in words/);
  });
});
