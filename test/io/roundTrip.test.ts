// Round trips through the real files, with anything a case may hold: any Unicode
// text (controls, quotes, YAML indicators, newlines, bidi, emoji) as values, comments
// and bodies, BOM or not, LF or CRLF. Complements the layout properties in
// writeCase.test.ts, which use a narrower value set but many more layouts.
//   1. load → write with no change: nothing written, every byte and the mtime kept;
//      and a no-op edit of every field gives the identical text.
//   2. load → one edit → write → load: only that field changed, the body and every
//      other line byte-identical.
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCase } from '../../src/io/loadCase.js';
import { parseCaseText } from '../../src/core/parse/caseFile.js';
import { applyEdits, writeCaseFile, type PathSegment } from '../../src/io/writeCase.js';
import { present } from '../present.js';

// deterministic by default; REUNIFY_PROPERTY_RUNS / REUNIFY_PROPERTY_SEED dig deeper locally
const RUNS = Number(process.env.REUNIFY_PROPERTY_RUNS ?? 150);
const SEED = Number(process.env.REUNIFY_PROPERTY_SEED ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'reunify-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
// any text a YAML file can carry (no lone surrogates, no BOM inside: neither can survive UTF-8 / YAML)
const anyText = fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => wellFormed(s) && !s.includes('\ufeff'));
const tricky = fc.constantFrom(
  '',
  ' ',
  'yes',
  'null',
  '~',
  '1',
  '0x1F',
  '2026-01-02',
  '- a',
  '# x',
  'a: b',
  '"q"',
  "'s'",
  '|',
  '>',
  '&a',
  '*a',
  '!t',
  '%',
  '@',
  '`',
  '[x]',
  '{y}',
  '---',
  '...',
  'line\nbreak',
  'tab\there',
  'cr\rlf',
  '\u001b[31m',
  '\u202eevil',
  'é😀',
  '\u0085nel',
  '\u2028ls',
);
const textArb = fc.oneof(anyText, tricky);
const scalarArb = fc.oneof(textArb, fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null));
const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => k !== 'prototype');

/** YAML for a scalar, written the way people write case files: plain when it is safe, quoted otherwise. */
function scalarYaml(v: unknown, style: number): string {
  if (typeof v !== 'string') return String(v);
  if (/^[A-Za-z][A-Za-z0-9 ._-]*$/.test(v) && !/^(?:true|false|null|yes|no|y|n|on|off)$/i.test(v) && !v.endsWith(' ') && style % 3 === 0) return v;
  if (style % 3 === 1 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

const docArb = fc.record({
  entries: fc.uniqueArray(
    fc.tuple(
      keyArb,
      fc.oneof(
        scalarArb,
        fc.array(scalarArb, { maxLength: 3 }),
        fc.dictionary(keyArb, scalarArb, { maxKeys: 3 }).map((o) => ({ ...o })),
      ),
    ),
    { selector: (e) => e[0], minLength: 1, maxLength: 6 },
  ),
  // raw text in comments and the body: anything but a NUL (which marks a file as binary) and line breaks
  comments: fc.array(
    textArb.map((t) => t.replace(/[\0\r\n\u0085\u2028\u2029]/g, ' ')),
    { maxLength: 3 },
  ),
  body: fc.array(
    fc.oneof(
      anyText.map((t) => t.replace(/[\0\r\n]/g, ' ')),
      fc.constantFrom('---', '## Case history', '```yaml', 'key: value', ''),
    ),
    { maxLength: 8 },
  ),
  styles: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
});
type Doc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function render(d: Doc): { text: string; data: Record<string, unknown> } {
  const lines: string[] = [];
  let s = 0;
  const style = () => d.styles[s++ % d.styles.length];
  d.comments.forEach((c, i) => i === 0 && lines.push(`# ${c}`));
  for (const [k, v] of d.entries) {
    if (Array.isArray(v)) {
      if (v.length === 0 || present(style()) % 2) lines.push(`${k}: [${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(', ')}]`);
      else lines.push(`${k}:`, ...v.map((x) => `  - ${scalarYaml(x, present(style()))}`));
    } else if (v !== null && typeof v === 'object') {
      const e = Object.entries(v);
      if (e.length === 0 || present(style()) % 2)
        lines.push(`${k}: { ${e.map(([a, x]) => `${a}: ${typeof x === 'string' ? JSON.stringify(x) : String(x)}`).join(', ')} }`);
      else lines.push(`${k}:`, ...e.map(([a, x]) => `  ${a}: ${scalarYaml(x, present(style()))}`));
    } else {
      lines.push(`${k}: ${scalarYaml(v, present(style()))}` + (d.comments[1] !== undefined && present(style()) % 4 === 0 ? `   # ${d.comments[1]}` : ''));
    }
  }
  if (d.comments[2] !== undefined) lines.push(`# ${d.comments[2]}`);
  const text = (d.bom ? '\ufeff' : '') + ['---', ...lines, '---', ...d.body].join(d.eol) + d.eol;
  return { text, data: Object.fromEntries(d.entries) };
}

function onDisk(text: string): string {
  const file = join(dir, `RF-${++fileNo}.md`);
  writeFileSync(file, text, 'utf8');
  return file;
}

/** Paths to every scalar in the data. */
function scalarPaths(v: unknown, at: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => scalarPaths(x, [...at, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => scalarPaths(x, [...at, k]));
  return at.length ? [at] : [];
}

function setIn(data: unknown, path: PathSegment[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[present(path[path.length - 1])] = value;
  return copy;
}

describe('round trip through files on disk (properties)', () => {
  it(`the generated files read back as generated (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const { text, data } = render(d);
        const loaded = loadCase(onDisk(text));
        expect(loaded.problems).toEqual([]);
        expect(isDeepStrictEqual(loaded.data, data)).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });

  it(`load → write with no change writes nothing; a no-op edit of any field gives the same text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const { text } = render(d);
        const file = onDisk(text);
        const past = new Date(Date.now() - 3_600_000);
        utimesSync(file, past, past);
        const before = statSync(file).mtimeMs;
        const loaded = loadCase(file);
        expect(writeCaseFile(loaded, loaded.split!.text)).toEqual({ changed: false });
        for (const path of scalarPaths(loaded.data)) {
          const same = path.reduce<unknown>((v, seg) => (v as Record<string | number, unknown>)[seg], loaded.data);
          expect(applyEdits(loaded.split!.text, [{ op: 'set', path, value: same }])).toBe(loaded.split!.text);
        }
        expect(writeCaseFile(loaded, applyEdits(loaded.split!.text, []))).toEqual({ changed: false });
        expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
        expect(statSync(file).mtimeMs).toBe(before);
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  it(`one edit changes only that field, and only its line(s) (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(docArb, fc.nat(), scalarArb, (d, pick, value) => {
        const { text } = render(d);
        const file = onDisk(text);
        const loaded = loadCase(file);
        const paths = scalarPaths(loaded.data);
        fc.pre(paths.length > 0);
        const path = present(paths[pick % paths.length]);
        const edited = applyEdits(loaded.split!.text, [{ op: 'set', path, value }]);
        writeCaseFile(loaded, edited);
        const bytes = readFileSync(file);
        const after = loadCase(file);
        expect(after.problems).toEqual([]);
        expect(isDeepStrictEqual(after.data, setIn(loaded.data, present(path), value))).toBe(true);
        // BOM, line endings and body bytes as they were
        expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(d.bom);
        expect(after.split!.body).toBe(loaded.split!.body);
        expect(after.split!.eol).toBe(loaded.split!.eol);
        if (d.eol === '\n') expect(bytes.includes(0x0d)).toBe(/\r/.test(text));
        // outside the edited value's line(s), every line is as it was
        const a = text.split('\n');
        const b = bytes.toString('utf8').split('\n');
        let p = 0;
        while (p < a.length && p < b.length && a[p] === b[p]) p++;
        let q = 0;
        while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
        expect(a.length - p - q, 'lines changed').toBeLessThanOrEqual(1);
        expect(b.length - p - q, 'lines written').toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS, seed: SEED + 3 },
    );
  });

  it('every value kind survives a write and a fresh read (parseCaseText agrees with the file)', () => {
    fc.assert(
      fc.property(docArb, scalarArb, (d, value) => {
        const { text } = render(d);
        const out = applyEdits(text, [{ op: 'set', path: ['added_field'], value }]);
        const again = parseCaseText({ filePath: 'x.md', stem: 'x', problems: [], locate: () => undefined }, out);
        expect(again.problems).toEqual([]);
        expect((again.data as Record<string, unknown>).added_field).toEqual(value);
      }),
      { numRuns: RUNS, seed: SEED + 4 },
    );
  });
});
