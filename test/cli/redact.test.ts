// `reunify redact` through the built binary, on a copy of the example caseload.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, reunify } from './run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';

const EXAMPLES = join(ROOT, 'examples', 'caseload');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .sort();
}

function fingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const f of files(dir)) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

/** Refs, initials, ids and dates of the example caseload, read from its front matter and bodies. */
function exampleOriginals(): string[] {
  const out = new Set<string>();
  for (const f of files(join(EXAMPLES, 'cases'))) {
    const text = readFileSync(f, 'utf8');
    const data = parse(present(text.split(/^---$/m)[1])) as { id: string; child: { ref: string }; team: Record<string, string>; people?: { ref: string }[] };
    out.add(data.id);
    for (const name of [data.child.ref, ...Object.values(data.team), ...(data.people ?? []).map((p) => p.ref)]) {
      out.add(name);
      const token = name.split(' ').pop()!;
      // an age in brackets ("Brother L (19)") names no one
      if (token.length >= 2 && /\p{L}/u.test(token)) out.add(token);
    }
    for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) out.add(m[0]);
  }
  out.add('Mr X');
  return [...out];
}

describe('reunify redact (built binary)', () => {
  it('copies examples/caseload with none of the original refs, names or dates, and the copy still passes check', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(EXAMPLES, source, { recursive: true });
    const before = fingerprint(source);
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '7', '--as-of', '2026-11-01']);
    expect(r.stderr).toContain(`copied ${EXAMPLE_CASE_COUNT} case files`);
    expect(r.exitCode).toBe(0);
    expect(fingerprint(source)).toBe(before);
    const out = files(join(work, 'copy'));
    expect(out.map((f) => f.slice(work.length + 6))).toEqual(
      expect.arrayContaining(['redaction-report.md', 'reunify.config.yaml', 'cases/RD-001.md', 'cases/RD-013.md']),
    );
    expect(out.filter((f) => /\/cases\/RD-\d+\.md$/.test(f))).toHaveLength(EXAMPLE_CASE_COUNT);
    for (const f of out) {
      const text = readFileSync(f, 'utf8');
      for (const original of exampleOriginals()) {
        const found = new RegExp(`(?<![\\w.-])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);
        expect(found, `${original} in ${f}`).toBe(false);
      }
    }
    const report = readFileSync(join(work, 'copy', 'redaction-report.md'), 'utf8');
    expect(report).toMatch(/\| case ids \| \d+ \|/);
    expect(report).toMatch(/\| dates in fields \| \d+ \|/);
    const originalCheck = await reunify(['check', source, '--as-of', '2026-11-01', '--format', 'json']);
    const copyCheck = await reunify(['check', join(work, 'copy'), '--format', 'json']);
    expect(copyCheck.exitCode).toBe(0);
    const rules = (json: string) =>
      (JSON.parse(json).files as { problems: { ruleId: string; severity: string }[] }[])
        .flatMap((f) => f.problems.map((p) => `${p.severity} ${p.ruleId}`))
        .sort();
    expect(rules(copyCheck.stdout)).toEqual(rules(originalCheck.stdout));
  }, 90_000);

  it('replaces places and schools listed in the config, consistently across files', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(EXAMPLES, source, { recursive: true });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(source, 'reunify.config.yaml'), 'redact:\n  places: [Larkfield]\n  schools: [St Ninian Academy]\n');
    appendFileSync(join(source, 'cases', 'RF-0001.md'), '\nMoved to Larkfield; started at St Ninian Academy.\n');
    appendFileSync(join(source, 'cases', 'RF-0003.md'), '\nAlso lives in Larkfield.\n');
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '1', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(0);
    const all = files(join(work, 'copy'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/Larkfield|Ninian/);
    expect(all).toContain('Moved to Town 1; started at School 1.');
    expect(all).toContain('Also lives in Town 1.');
  });

  it('never writes into the source: --out inside it, equal to it, or holding it is refused', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(EXAMPLES, source, { recursive: true });
    const before = fingerprint(work);
    for (const out of [join(source, 'copy'), source, work, join(source, 'cases', 'x')]) {
      const r = await reunify(['redact', source, '--out', out, '--seed', '1']);
      expect(r.exitCode, out).toBe(1);
      expect(r.stderr).toMatch(/never written into the source|holds the source folder/);
    }
    const one = await reunify(['redact', join(source, 'cases', 'RF-0001.md'), '--out', join(source, 'cases', 'copy'), '--seed', '1']);
    expect(one.exitCode).toBe(1);
    expect(fingerprint(work)).toBe(before);
  });

  it('copies one case, and refuses a folder with a file it cannot read (nothing is written)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const one = await reunify(['redact', join(EXAMPLES, 'cases', 'RF-0006.md'), '--out', join(work, 'one'), '--seed', '2', '--as-of', '2026-11-01']);
    expect(one.exitCode).toBe(0);
    expect(readdirSync(join(work, 'one', 'cases'))).toEqual(['RD-001.md']);
    const bad = await reunify(['redact', join(ROOT, 'examples', 'broken'), '--out', join(work, 'bad'), '--seed', '2']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('nothing was copied');
    expect(() => statSync(join(work, 'bad'))).toThrow();
  });

  it('--out is required (exit 2)', async () => {
    const r = await reunify(['redact', EXAMPLES]);
    expect(r.exitCode).toBe(2);
  });
});

const NAMES_FIXTURE = join(ROOT, 'test', 'fixtures', 'redact', 'names');
const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsIn = (text: string) =>
  new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

describe('reunify redact on names written every way (fixture)', () => {
  it('leaves no token of any known name, initial, case id or identifier anywhere in the copy, and moves every date form', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const r = await reunify(['redact', NAMES_FIXTURE, '--out', join(work, 'copy'), '--seed', '3', '--as-of', '2026-11-01']);
    expect(r.stderr).toContain('copied 1 case file');
    expect(r.exitCode).toBe(0);
    const all = files(join(work, 'copy')).map((f) => readFileSync(f, 'utf8'));
    const words = wordsIn(all.join('\n'));
    // every word of every name in the fixture: refs, team, by, x- keys and values, the body
    const known = [
      'kayleigh',
      'thompson',
      'baptiste',
      'darren',
      'whitlock',
      'whitlocks',
      'patricia',
      'gould',
      'goulds',
      'zoe',
      'oneill',
      'neill',
      'sian',
      'briain',
      'brennan',
      'rhiannon',
      'pryce',
      'alun',
      'vaughan',
      'rees',
    ];
    for (const w of known) expect(words.has(w), w).toBe(false);
    const text = all.join('\n');
    expect(text).not.toMatch(/(?<![\p{L}\p{N}.])L(?![\p{L}\p{N}])/u);
    expect(text).not.toMatch(/R\.?M\.?|F\.G\./);
    expect(text).not.toMatch(/rf[-\s]?009[89]/i);
    const digits = text.replace(/[\s()-]/g, '');
    for (const n of ['7700900123', '1614960000', '01632960000', '07700900456', '9434765919']) expect(digits).not.toContain(n);
    expect(text).not.toMatch(/@|Acacia|Mill Lane|Foxglove|M14/);
    expect(text).not.toMatch(/09\/08\/1994|9\/8\/26|03\/04\/2026|3 March 2026|March 3rd, 2026|3rd of March/);
    expect(text).toContain('Children Act 1989 s.20 applies. Farmer et al. 2011 found that returns break down. Since 2019 the family has moved twice.');
    const report = readFileSync(join(work, 'copy', 'redaction-report.md'), 'utf8');
    expect(report).toMatch(/\| NHS numbers \| 1 \|/);
    expect(report).toMatch(/\| phone numbers \| 4 \|/);
    expect(report).toMatch(/\| email addresses \| 2 \|/);
    // what the tool cannot be sure of is listed for a person to read
    expect(report).toMatch(/\| cases\/RD-001\.md:\d+ \| Larkhill \| a capitalised word the tool does not know/);
    expect(report).toMatch(/\| cases\/RD-001\.md:\d+ \| 1989 \| a year written alone/);
  });

  it('exits 1 naming what survived, and writes nothing, when a name is broken across a line or cut by a mark; an invisible hyphen is taken out and the name replaced', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(NAMES_FIXTURE, source, { recursive: true });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(source, 'cases', 'RF-0099.md'), '\nThe letter was from Whit-\nlock himself, signed by Gou\u00adld and copied to Gou\\ld.\n');
    const before = fingerprint(source);
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '3', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cases\/RD-001\.md:\d+: Whit…lock \(a name the tool knows, broken across a line\)/);
    expect(r.stderr).toMatch(/cases\/RD-001\.md:\d+: Gou\\ld \(a name the tool knows, cut by a mark\)/);
    // the soft hyphen is taken out before matching, so that Gould was replaced and is not named
    expect(r.stderr).not.toMatch(/: Gould \(/);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toContain('\u00ad');
    expect(() => statSync(join(work, 'copy'))).toThrow();
    expect(fingerprint(source)).toBe(before);
  });

  it('leaves a date with its year in words whole and lists it in the report for a person to read', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(NAMES_FIXTURE, source, { recursive: true });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(source, 'cases', 'RF-0099.md'), "\nThey moved on the third of March twenty twenty-four, in '24.\n");
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '3', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(work, 'copy', 'cases', 'RD-001.md'), 'utf8')).toContain("They moved on the third of March twenty twenty-four, in '24.");
    const report = readFileSync(join(work, 'copy', 'redaction-report.md'), 'utf8');
    expect(report).toMatch(/\| cases\/RD-001\.md:\d+ \| twenty twenty-four \| a year written in words/);
    expect(report).toMatch(/\| cases\/RD-001\.md:\d+ \| third of March twenty twenty-four \| a month with a day or year next to it/);
    expect(report).toMatch(/\| cases\/RD-001\.md:\d+ \| '24 \| a year written alone/);
  });

  it('exits 1 naming an original date it could not move, and writes nothing, rather than half-move it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(NAMES_FIXTURE, source, { recursive: true });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(source, 'cases', 'RF-0099.md'), "\nFamily time moved to March, 3rd 2026; seen 8 Dec '26 and the twenty-sixth of January 2026.\n");
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '3', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cases\/RD-001\.md:\d+: 2026-03-03 \(an original date\)/);
    // the forms it can move are moved, so only the one it cannot is named
    expect(r.stderr).not.toMatch(/2026-12-08|2026-01-26/);
    expect(r.stderr).toContain('nothing was written');
    expect(() => statSync(join(work, 'copy'))).toThrow();
  });

  it('--names: every word of the real names in a names file is replaced too; an unreadable names file is a usage error', async () => {
    const work = mkdtempSync(join(tmpdir(), 'reunify-redact-'));
    const source = join(work, 'caseload');
    cpSync(NAMES_FIXTURE, source, { recursive: true });
    const { appendFileSync, writeFileSync } = await import('node:fs');
    appendFileSync(join(source, 'cases', 'RF-0099.md'), '\nLiam wrote to his friend Carter.\n');
    const namesFile = join(work, 'names.yaml');
    writeFileSync(namesFile, '"Child L": "Liam Carter"\n');
    const r = await reunify(['redact', source, '--out', join(work, 'copy'), '--seed', '3', '--as-of', '2026-11-01', '--names', namesFile]);
    expect(r.exitCode).toBe(0);
    const words = wordsIn(
      files(join(work, 'copy'))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n'),
    );
    expect(words.has('liam')).toBe(false);
    expect(words.has('carter')).toBe(false);
    const missing = await reunify(['redact', source, '--out', join(work, 'copy2'), '--names', join(work, 'nope.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('the names file could not be read');
    expect(() => statSync(join(work, 'copy2'))).toThrow();
  });
});
