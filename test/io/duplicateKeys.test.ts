// A key written twice in one map is reported from the fast reading (js-yaml, letting the
// repeat stand) when nothing else is wrong: the problems, their order, lines and columns
// must be exactly the careful reading's, or the fast path must step aside. Checked on the
// examples and the varied caseload with repeats written into them, on hand-written nested
// YAML (property), and on the cases where it must step aside.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCase } from '../../bench/generate-varied.mjs';
import { parseCaseText, unreadCase, type LoadedCase } from '../../src/core/parse/caseFile.js';
import { duplicateKeysAt, fastRead } from '../../src/core/parse/fastYaml.js';
import { handWrittenYaml } from './handWrittenYaml.js';

const read = (text: string, fast: boolean): LoadedCase => parseCaseText(unreadCase('case.md', 'case'), text, fast);

/**
 * 'fast' when the fast reading reported the repeats itself; 'careful' when it left them to
 * the careful parser though nothing else was wrong, 'other' when something else was (a
 * repeat written into a flow map breaks its YAML); throws when the two readings differ.
 */
function compare(text: string): 'fast' | 'careful' | 'other' | 'no-repeat' {
  const fast = read(text, true);
  const careful = read(text, false);
  expect(fast.problems, text).toEqual(careful.problems);
  expect(fast.data, text).toEqual(careful.data);
  expect(fast.locate('/a'), text).toEqual(careful.locate('/a'));
  if (!careful.problems.some((p) => p.ruleId === 'yaml-duplicate-key')) return 'no-repeat';
  if (fast.parser === 'fast') return 'fast';
  return careful.problems.every((p) => p.ruleId === 'yaml-duplicate-key') ? 'careful' : 'other';
}

// a line that starts an entry of a block map: `key:` or `key: value`, the key plain or quoted
const ENTRY = /^( *)(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w ]*):(?: |$)/;

/** The text with the entry on each chosen line written again just above it (the same key twice in its map). */
function repeatEntries(text: string, pick: (n: number) => number, count: number): string {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  const entries = lines.map((l, i) => (i > 0 && i < close && ENTRY.test(l) ? i : -1)).filter((i) => i >= 0);
  const chosen = new Set(Array.from({ length: count }, () => entries[pick(entries.length)]!));
  return lines.flatMap((l, i) => (chosen.has(i) ? [l.replace(/:( .*)?$/, ': repeated'), l] : [l])).join('\n');
}

/** The text with the first entry of some flow maps written again at its end. */
function repeatInFlowMaps(text: string): string {
  return text.replace(
    /\{ *([A-Za-z_]\w*): ([^,{}[\]\n]+)((?:, [^{}[\]\n]*)?) *\}/g,
    (_m, k: string, v: string, rest: string) => `{${k}: ${v}${rest}, ${k}: ${v}}`,
  );
}

/** How many texts `compare` found of each kind, none yet. */
const noneSeen = (): Record<ReturnType<typeof compare>, number> => ({ fast: 0, careful: 0, other: 0, 'no-repeat': 0 });

function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => ((state = (state * 1103515245 + 12345) % 2147483648) >>> 12) % n;
}

describe('keys written twice, from the fast reading', () => {
  it('reports what the careful parser reports, where it reports it, in the examples with repeats written in', () => {
    const dir = 'examples/caseload/cases';
    const seen = noneSeen();
    for (const [i, name] of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .entries()) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (let round = 0; round < 8; round++) seen[compare(repeatEntries(text, seeded(i * 31 + round), 1 + (round % 3)))]++;
      seen[compare(repeatInFlowMaps(text))]++;
    }
    // every repeat is reported without the careful parser, unless something else is wrong too
    expect(seen.fast).toBeGreaterThan(80);
    expect(seen.careful).toBe(0);
  });

  it('and in 200 files of the varied caseload (flow maps, comments, quoted keys, multi-line strings)', () => {
    const seen = noneSeen();
    for (let i = 0; i < 200; i++) {
      const { text } = generateCase(29, i) as { text: string };
      seen[compare(repeatEntries(text, seeded(i), 1 + (i % 4)))]++;
      seen[compare(repeatInFlowMaps(text))]++;
    }
    expect(seen.fast).toBeGreaterThan(350);
    expect(seen.careful).toBe(0);
  }, 60_000);

  it('on nested lists and maps written by hand (property)', () => {
    const seen = noneSeen();
    fc.assert(
      fc.property(handWrittenYaml, fc.nat(), fc.integer({ min: 1, max: 3 }), (yaml, seed, count) => {
        seen[compare(`---\n${repeatEntries(`---\n${yaml}---`, seeded(seed), count).slice(4)}\nbody\n`)]++;
      }),
      { numRuns: 1500, seed: 29 },
    );
    // the rest hold an empty list item (js-yaml gives it no node, so the careful parser places the repeats)
    expect(seen.fast).toBeGreaterThan(1000);
    expect(seen.careful).toBeLessThan(seen.fast / 3);
  });

  it('lists the first twenty and counts the rest, as the careful parser does', () => {
    // 26 keys written twice in a map inside, then 26 twice at the top (lines 81-106): the
    // careful parser reports the outer map's first
    const keys = Array.from({ length: 26 }, (_, i) => `k${i}: 1\n`).join('');
    const inner = (keys + keys).replace(/^(?=.)/gm, '  ');
    const text = `---\nouter:\n${inner}${keys}${keys}---\n`;
    expect(compare(text)).toBe('fast');
    const { problems } = read(text, true);
    expect(problems).toHaveLength(21);
    expect(problems[0]).toMatchObject({ line: 81, column: 1 });
    expect(problems[20]).toMatchObject({ line: 100, column: 1, message: '32 more YAML problems in the front matter not listed' });
  });

  it('in flow maps of up to four entries, keys with and without values, quoted and plain', () => {
    // a key written without `:` in a flow map is null to js-yaml, with no node of its own
    const entries = ['a', 'b', 'a: a', 'a:', 'a: ~', 'b: 1', '"a"', "'b': 2"];
    const seen = noneSeen();
    const maps = (prefix: string[]): string[][] => (prefix.length === 4 ? [prefix] : [prefix, ...entries.flatMap((e) => maps([...prefix, e]))]);
    for (const map of maps([]).slice(1)) seen[compare(`---\nx: {${map.join(', ')}}\n---\n`)]++;
    // reported on the fast path where every key has its `:`, left to the careful parser where one has none
    expect(seen.fast).toBeGreaterThan(600);
    expect(seen.careful).toBeGreaterThan(1000);
  });

  it.each([
    ['keys without a value in a flow map', 'x: {a, a, a: 1}\n'],
    ['keys without a value whose names line up with the pairs after them', 'x: {b, c, b: 1, c: 2}\n'],
    ['a key without a value before a comment and a line break', 'x: {a # c\n  , a, a: 1}\n'],
    ['a key more than 1024 characters long after a repeat', `a: 1\na: 2\n${'k'.repeat(1025)}: 3\n`],
    ['another error after the repeat', 'a: 1\na: 2\nb: [1\n'],
    ['a forbidden key in the value a repeat replaced', 'a: { __proto__: 1 }\na: 2\n'],
    ['a list nested too deep in the value a repeat replaced', `a: ${'['.repeat(40)}${']'.repeat(40)}\na: 2\n`],
    ['a null key in the value a repeat replaced', 'a:\n  ~: 1\na: 2\n'],
    ['an empty list item in a repeated value', 'a:\n  -\n  - x\na: 2\n'],
  ])('steps aside for %s', (_name, yaml) => {
    const text = `---\n${yaml}---\n`;
    compare(text);
    // the js-yaml way steps aside: its screens, or its second reading (the plain reader, which
    // check tries first, may list such repeats itself)
    const reading = fastRead(yaml);
    expect('refused' in reading && reading.refused === 'duplicate-key' && duplicateKeysAt(yaml) !== undefined).toBe(false);
  });
});
