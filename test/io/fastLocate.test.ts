// Positions from js-yaml's own reading (src/core/parse/fastLocate.ts) must be the careful
// parser's, path for path, or the locator must step aside (undefined).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLocator } from '../../src/core/parse/fastLocate.js';
import { fastParse } from '../../src/core/parse/fastYaml.js';
import { compareLocations } from './compareLocations.js';
import { handWrittenYaml } from './handWrittenYaml.js';

describe('fast locator', () => {
  it.each([
    ['block map, list and nested map', 'a: 1\nb:\n  - x\n  - y: 2\n    z: [p, q]\nc: { k: v }\n'],
    ['comments between key and value', 'a: # note\n  x\nb:\n  # note\n  c: 1\n'],
    ['empty values', 'a:\nb: \nc: {k: v, z: }\nd:\n  - 1\n  - [p, ~]\n'],
    ['written-out nulls', 'a: ~\nb: null\nc: [~, null]\n'],
    ['block scalars', 'a: |\n  line\nb: >-\n  folded\n  text\nc: 1\n'],
    ['quoted and multi-line scalars', "a: \"x\n  y\"\nb: 'it''s'\nc: plain\n  more\n"],
    ['CRLF line endings', 'a: 1\r\nb:\r\n  - x\r\n  - \r\nc:\r\n'],
    ['a leading comment', '# top\n\na: 1\n'],
    ['an empty value followed by a comment', 'a: # to be agreed\nb:   # later\n  # more\nc:\n  - # none yet\n  - x\n'],
    ['a null on a line below its key', 'a:\n  ~\nb:\n  # not yet\n  null # asked\nc:\n  - \n    ~\n'],
    ['comments inside flow collections', 'a: [x, # first\n  y]\nb: { k: # later\n  1, j: ~ # none\n  }\n'],
    ['lists with empty items (js-yaml gives them no node)', 'a:\n  -\n  - x\n  - # none\n  -\n    - \n    - [p, q]\nb:\n- \n\n- y\n'],
    ['quoted keys', '"a b": 1\n\'c\': { "d e": [1, 2] }\n"f":\n  - \'g\': h\n'],
    // js-yaml looks for the value past the line break; the careful parser puts it after the `:` on the key's line
    ['empty values in flow maps before a line break or a comment', 'm: {b: \n }\nn: {b:\n }\no: {b: # c\n }\np: [ {a: 1, b:\n  , c: 2} ]\n'],
  ])('places every path itself, as the careful parser does: %s', (_name, text) => {
    const { differ, placed, steppedAside } = compareLocations(text);
    expect(differ).toEqual([]);
    expect(placed).toBeGreaterThan(0);
    // the locator places them all itself, without the careful parser
    expect(steppedAside).toBe(0);
  });

  it.each([['a flow map entry with no value', 'a: {k, j: 1}\n', '/a/k']])('steps aside for %s', (_name, text, pointer) => {
    expect(fastParse(text)).toBeDefined();
    expect(fastLocator(text)?.(pointer)).toBeUndefined();
  });

  it('steps aside for text js-yaml refuses', () => {
    expect(fastLocator('a: [1\n')).toBeUndefined();
  });

  it('agrees with the careful parser on generated documents (property)', () => {
    const SCALARS = [
      'a',
      '1',
      '-1',
      '0.0',
      '.5',
      '0o17',
      '.inf',
      'true',
      'null',
      '~',
      '',
      '2026-01-02',
      '"x"',
      "'y'",
      '"a\\\n  b"',
      'a  b',
      '[]',
      '{}',
      '[a,b]',
      '{a: b}',
      '[a: 1]',
      'a #b',
      '|\n  lit\n',
      '>\n  fold\n  ed\n',
      '|-\n  x\n',
      'plain\n  cont',
      '# c',
      '~ # c',
      '\n  ~',
      '\n  # c\n  x',
      '[a, ~, null]',
      '{a: ~, b: }',
      '{a: , b: 1}',
      '[\n  a,\n  b ]',
      '\n  - x\n  - ~',
      '\n  k: ~\n  j:',
      '\n  k:\n  j: 1',
      '\n  -\n  - x',
      '\n  - # c\n  - ~',
      '\n  - x\n  -',
      ' x\t',
    ];
    const KEYS = ['k', 'true', '1', '01', '1.0', '"k"', 'a b', '"a:b"', '2026-01-01', 'kk'];
    const entry = fc
      .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS), fc.constantFrom('', ' # note'))
      .map(([k, v, c]) => `${k}: ${v.replace(/\n/g, '\n  ')}${v.includes('\n') ? '' : c}`);
    const list = fc
      .array(fc.constantFrom(...SCALARS), { minLength: 1, maxLength: 4 })
      .map((items) => 'list:\n' + items.map((v) => '  - ' + v.replace(/\n/g, '\n    ')).join('\n'));
    const doc = fc
      .tuple(
        fc.uniqueArray(entry, { selector: (l) => l.split(':')[0], minLength: 1, maxLength: 5 }),
        fc.option(list),
        fc.constantFrom('\n', '\n\n', '\n# c\n', '\r\n'),
      )
      .map(([entries, l, sep]) => [...entries, ...(l ? [l] : [])].join(sep) + '\n');
    let placed = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const r = compareLocations(text);
        placed += r.placed;
        return r.differ.length === 0;
      }),
      { numRuns: 3000, seed: 5 },
    );
    expect(placed).toBeGreaterThan(10_000);
  });

  it('places every path of nested lists and maps written by hand itself (property)', () => {
    let placed = 0;
    fc.assert(
      fc.property(handWrittenYaml, (text) => {
        const r = compareLocations(text);
        placed += r.placed;
        return r.differ.length === 0 && r.steppedAside === 0;
      }),
      { numRuns: 2000, seed: 19 },
    );
    expect(placed).toBeGreaterThan(20_000);
  });
});
