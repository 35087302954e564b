// The plain reader (src/core/parse/plainYaml.ts) reads the layouts case files are written
// in without a general parser. Wherever it reads a text, the careful reader must read the
// same data without a problem and place every path at the same offset; everywhere else it
// must step aside. These tests hold it to that on samples, on generated layouts and on
// case files with random edits, and check that it does read what case files hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCase } from '../../bench/generate-varied.mjs';
import { splitCase } from '../../src/core/parse/frontMatter.js';
import { readPlainYaml } from '../../src/core/parse/plainYaml.js';
import { parseYamlText } from '../../src/core/parse/strictYaml.js';
import { plainVersusCareful } from './compareLocations.js';
import { handWrittenYaml } from './handWrittenYaml.js';
import { EDIT_CHARACTERS, KEYS, LAYOUTS_READ_ALIKE, LENIENT_LAYOUTS, SCALARS } from './yamlSamples.js';

/** Asserts that the plain reader refuses or agrees with the careful reader on every text drawn, and says how many it read. */
function readOrRefused(texts: fc.Arbitrary<string>, params: fc.Parameters<[string]>): number {
  let read = 0;
  fc.assert(
    fc.property(texts, (text) => {
      if (readPlainYaml(text) !== undefined) read++;
      return ['refused', 'agree'].includes(plainVersusCareful(text));
    }),
    params,
  );
  return read;
}

describe('the plain reader reads what case files hold', () => {
  it.each([
    ['block maps and lists, comments between entries and after values', 'a: 1\n# note\nb:\n  c: x   # after\n  d:\n    - one\n    - two\n'],
    ['a list at its key’s column, of compact maps', 'people:\n- id: mum\n  ref: Ms A\n- id: dad\n  ref: Mr A\nnext: 2\n'],
    ['empty values and items', 'a:\nb:   # none\nc:\n  -\n  - x\n'],
    ['quoted keys and values', `"quoted key": 'it''s'\n'single': "a \\"b\\" \\\\ \\n \\u263A"\n`],
    ['quoted strings over lines', 'a: "one\n  two\n\n  three"\nb:\n  - \'x\n    y\'\n'],
    ['literal and folded strings with every chomping', 'a: |\n  one\n  two\n\nb: |-\n  x\n\nc: |+\n  y\n\n\nd: >\n  fold\n  ed\n\n  next\ne: >-\n  z\nf: 1\n'],
    ['flow maps and lists over lines', 'a: { b: 1, c: [x, "y"],\n     d: { e: ~ } }\nl: [ 1,\n  2 ]   # after\n'],
    ['an empty value in a flow map', 'a: { b: , c: 1 }\n'],
    ['numbers, booleans, nulls and dates as the core schema reads them', 'a: [1, -2, 3.25, true, False, ~, null, 2026-01-02, 5fe6, 0.5]\n'],
    ['CRLF line ends', 'a: 1\r\nb: |\r\n  x\r\n  y\r\nc: "p\r\n  q"\r\n'],
  ])('%s', (_name, text) => {
    expect(readPlainYaml(text), text).toBeDefined();
    expect(plainVersusCareful(text)).toBe('agree');
  });

  it('reads the varied benchmark cases whose YAML is sound, placing every path as the careful reader does', () => {
    let read = 0;
    for (let i = 0; i < 200; i++) {
      const fm = splitCase((generateCase(41, i) as { text: string }).text).frontMatter;
      const verdict = plainVersusCareful(fm);
      if (verdict === 'agree') read++;
      else
        expect(verdict === 'refused' && parseYamlText(fm, 0, () => ({ line: 1, column: 1 }), 'front matter').problems.length > 0, `case ${i}: ${verdict}`).toBe(
          true,
        );
    }
    expect(read).toBeGreaterThan(180);
  });
});

describe('the plain reader lists keys written twice where it reads everything else', () => {
  it.each([
    ['in one map', 'a: 1\nb: 2\na: 3\n', [10]],
    ['in a map inside a list, and in a flow map', 'l:\n  - k: 1\n    k: 2\nm: { x: 1, y: 2, x: 3 }\n', [16, 38]],
    ['quoted, and a map’s own before those of what it holds', 'a:\n  b: 1\n  b: 2\n"a": 3\n', [17, 12]],
    ['more than twenty of them', 'k: 1\n' + 'k: 2\n'.repeat(25), Array.from({ length: 25 }, (_, i) => 5 + 5 * i)],
  ])('%s', (_name, text, offsets) => {
    expect(readPlainYaml(text)).toEqual({ repeatedKeys: offsets });
    expect(plainVersusCareful(text)).toBe('agree');
  });

  it('and steps aside when something else is wrong too', () => {
    expect(readPlainYaml('a: 1\na: 2\nb: &x 1\n')).toBeUndefined();
  });
});

describe('the plain reader steps aside', () => {
  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !str 1\n'],
    ['a plain string over lines', 'a: one\n  two\n'],
    ['a tab', 'a:\t1\n'],
    ['a folded line indented further', 'a: >\n  x\n    y\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a list after a key on its line', 'a: - x\n'],
    ['a list inside a list on one line', 'a:\n  - - x\n'],
    ['a trailing comma', 'a: [x, ]\n'],
    ['an escape other than the common ones', 'a: "\\x41"\n'],
    ['a list at the top', '- a\n'],
    ['nothing', '# only a comment\n'],
    ['a key that is a number', '1: a\n'],
    ['a key that could be an array index', '"1": a\n'],
    ['a forbidden key', '__proto__: a\n'],
    ['maps nested seventeen deep', Array.from({ length: 17 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a directive', '%YAML 1.2\na: 1\n'],
    ['a number the two core schemas read differently', 'a: 0b11\n'],
    ['a value indented under a plain value', 'a: x\n  b: y\n'],
    ['a map item followed by a list item at the same column', 'a:\n  b: 1\n  - c\n'],
    ['a quoted string continued at its key’s column', 'a:\n  b: "x\n  y"\n'],
    ['a quoted string in a compact map continued left of its key', 'l:\n  - k: "x\n   y"\n'],
    ['a flow list continued at its key’s column', 'a:\n  b: [x,\n  y]\n'],
    // found by review: yaml reads the first two otherwise, and refuses the third
    ['a kept block string ending the text on a line of spaces, with no line break', 'a: |+\n  x\n  '],
    ['a comment line at the first column inside a flow map, after a value', 'a: {a: 1 #\n#\n }\n'],
    ['more values than the documented limit', 'k:\n' + '- x\n'.repeat(50_001)],
  ])('%s', (_name, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it.each(LENIENT_LAYOUTS)('or agrees with the careful reader on layouts js-yaml reads leniently: %s', (_name, text) => {
    expect(plainVersusCareful(text)).toMatch(/^(refused|agree)$/);
  });

  it.each(LAYOUTS_READ_ALIKE)('or agrees on %s', (_name, text) => {
    expect(plainVersusCareful(text)).toMatch(/^(refused|agree)$/);
  });
});

describe('the plain reader agrees with the careful reader or steps aside', () => {
  it.each(SCALARS)('value %j', (v) => {
    const indented = v.replace(/\n/g, '\n    ');
    for (const text of [`k: ${v}\n`, `k:\n  - ${indented}\n`, `k: [${v}]\n`, `k: { a: ${v} }\n`])
      expect(plainVersusCareful(text), text).toMatch(/^(refused|agree)$/);
  });

  it.each(KEYS)('key %j', (k) => {
    for (const text of [`${k}: x\n`, `l:\n  - ${k}: x\n`, `m: { ${k}: x }\n`]) expect(plainVersusCareful(text), text).toMatch(/^(refused|agree)$/);
  });

  it('on nested block lists and maps written by hand (property)', () => {
    expect(readOrRefused(handWrittenYaml, { numRuns: 3000, seed: 31 })).toBeGreaterThan(1500);
  });

  it('on generated layouts of every kind it reads, some indented wrongly (property)', () => {
    // values as written after `key: ` or `- `; a line break in one is followed by the line's indentation and `pad`
    const value = fc.constantFrom(
      'x',
      'a b, c',
      '"q"',
      "'s'",
      '1',
      '2026-01-02',
      '~',
      '',
      'x # c',
      '[a, b]',
      '{k: v, j: [1, "2"]}',
      '{ k: , j: x }',
      '"two\n  lines"',
      '"two\n\n  \n  paragraphs"',
      "'it''s\n  folded'",
      '"esc \\" \\\\ \\t \\u0041"',
      '|\n  lit\n  eral\n',
      '|-\n  x\n\n',
      '|+\n  y\n\n',
      '|\n   more\n  less\n',
      '>\n  fold\n  ed\n\n  para\n',
      '>-\n  f\n',
      '>\n  x\n   deeper\n',
      '{ a: 1,\n  b: "x" }',
      '[ a,\n  b ]   # c',
      '[ a, # c\n  b ]',
      'a: b',
      '- x',
    );
    const line = fc.tuple(fc.constantFrom('k', 'j', '"q k"', "'s'", 'a b', '- ', '- m'), value, fc.constantFrom(0, 0, 0, 0, 1, 2, -1), fc.nat(3));
    const doc = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => {
      let depth = 0;
      const out: string[] = [];
      for (const [lead, v, shift, pad] of lines) {
        depth = Math.max(0, Math.min(3, depth + shift));
        const indent = ' '.repeat(depth * 2);
        const head = lead.startsWith('-') ? (lead === '- ' ? '- ' : '- m: ') : `${lead}: `;
        out.push(indent + head + v.replace(/\n/g, '\n' + indent + ' '.repeat(pad)));
      }
      return out.join('\n') + '\n';
    });
    expect(readOrRefused(doc, { numRuns: 4000, seed: 37 })).toBeGreaterThan(400);
  });

  it('on varied benchmark cases with random edits (property)', () => {
    const fronts = Array.from({ length: 20 }, (_, i) => splitCase((generateCase(43, i) as { text: string }).text).frontMatter);
    const pieces = [...EDIT_CHARACTERS, ': ', '- ', '\n  ', '\n- ', ' #', '|-', '>+', '\r\n', 'null', '1e3', '"a"', "''", '\\n', '\\u0041', '{a: }', '[a, ]'];
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...pieces));
    const edited = fc.tuple(fc.nat(fronts.length - 1), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([which, from, edits]) => {
      // a window of a few lines, so each edit matters and the careful reading stays quick
      const lines = fronts[which]!.split('\n');
      const start = from % lines.length;
      let text = lines.slice(start, start + 12).join('\n') + '\n';
      for (const [at, kind, c] of edits) {
        const p = at % text.length;
        text = kind === 'insert' ? text.slice(0, p) + c + text.slice(p) : text.slice(0, p) + (kind === 'replace' ? c : '') + text.slice(p + 1);
      }
      return text;
    });
    expect(readOrRefused(edited, { numRuns: 3000, seed: 41 })).toBeGreaterThan(150);
  });
});
