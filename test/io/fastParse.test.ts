// check reads clean files with js-yaml (the fast path) and never asks the careful
// parser about them, so whenever the fast path gives data it must be the data the
// careful parser (the one every writer uses) gives.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fastParse, NEEDS_CAREFUL_PARSE, PARSERS_DIFFER } from '../../src/core/parse/fastYaml.js';
import { parseYamlText } from '../../src/core/parse/strictYaml.js';
import { present } from '../present.js';
import { handWrittenYaml } from './handWrittenYaml.js';
import { EDIT_CHARACTERS, KEYS, LAYOUTS_READ_ALIKE, LENIENT_LAYOUTS, SCALARS } from './yamlSamples.js';

const careful = (text: string) => {
  const parsed = parseYamlText(text, 0, () => ({ line: 1, column: 1 }), 'front matter');
  return parsed.problems.length > 0 ? { problems: parsed.problems.map((p) => p.ruleId) } : parsed.data;
};

/** The fast path either steps aside (undefined) or agrees exactly. */
function agrees(text: string): boolean {
  const fast = fastParse(text);
  return fast === undefined || isDeepStrictEqual(fast, careful(text));
}

describe('fast path agrees with the careful parser', () => {
  it.each(SCALARS)('value %j', (v) => {
    const indented = v.replace(/\n/g, '\n    ');
    for (const text of [`k: ${v}\n`, `k:\n  - ${indented}\n`, `k: [${v}]\n`]) expect(agrees(text), text).toBe(true);
  });

  it.each(KEYS)('key %j', (k) => {
    expect(agrees(`${k}: x\n`)).toBe(true);
  });

  it('on a bare "- -" list item', () => {
    expect(agrees('list:\n  - -\n  - 1\n')).toBe(true);
  });

  it('on generated documents (property)', () => {
    const line = fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS)).map(([k, v]) => `${k}: ${v}`);
    const list = fc
      .array(fc.constantFrom(...SCALARS), { minLength: 1, maxLength: 3 })
      .map((items) => 'list:\n' + items.map((v) => '  - ' + v.replace(/\n/g, '\n    ')).join('\n'));
    const doc = fc
      .tuple(fc.uniqueArray(line, { selector: (l) => l.split(':')[0], minLength: 1, maxLength: 4 }), fc.option(list))
      .map(([lines, l]) => [...lines, ...(l ? [l] : [])].join('\n') + '\n');
    fc.assert(
      fc.property(doc, (text) => agrees(text)),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('fast path agrees on nested block lists and maps written by hand', () => {
  it('with empty items and values, comments, compact and indentless lists (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(handWrittenYaml, (text) => {
        if (fastParse(text) !== undefined) read++;
        return agrees(text);
      }),
      { numRuns: 3000, seed: 17 },
    );
    // most of them are read on the fast path, not all sent aside
    expect(read).toBeGreaterThan(2000);
  });

  it('steps aside where a list ends with an empty item and an outer item follows (js-yaml reads it into the inner list)', () => {
    for (const text of ['list:\n  -\n    - x\n    -\n  - a\n', 'list:\n  - - x\n    - # none\n\n    # note\n  - a\n']) {
      expect(fastParse(text), text).toBeUndefined();
      expect(careful(text)).toEqual({ list: [['x', null], 'a'] });
    }
    // an empty item followed by one of its own list, or by anything else, reads the same in both
    for (const text of ['list:\n  -\n  - a\n', 'list:\n  - - x\n    -\nnext: 1\n']) expect(fastParse(text), text).toEqual(careful(text));
  });
});

describe('fast path steps aside for lists and maps used as keys', () => {
  it.each(['{ a: 1 }: x\n', '[a]: x\n', '[a, b]: x\n', 'm: { [a]: 1 }\n', 'list:\n  - [a]: 1\n'])('%j', (text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('but not for flow lists and maps as values', () => {
    expect(fastParse('a: [1, 2]\nb: { c: 1 }\nshared: [\n  { party: child },\n  { party: mum } ]\n')).toEqual({
      a: [1, 2],
      b: { c: 1 },
      shared: [{ party: 'child' }, { party: 'mum' }],
    });
  });
});

describe('fast path steps aside for layouts js-yaml reads leniently', () => {
  it.each(LENIENT_LAYOUTS)('%s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
    expect(agrees(text)).toBe(true);
  });

  it.each(LAYOUTS_READ_ALIKE)('but not for %s', (_name, text) => {
    expect(fastParse(text)).toBeDefined();
    expect(agrees(text)).toBe(true);
  });

  it('on the example caseload with random one-to-three-character edits (property)', () => {
    const dir = 'examples/caseload/cases';
    const fronts = readdirSync(dir).map((f) => /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, f), 'utf8'))![1] + '\n');
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...EDIT_CHARACTERS));
    fc.assert(
      fc.property(fc.nat(fronts.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = present(fronts[which]);
        for (const [at, kind, c] of edits) {
          const p = at % text.length;
          text = kind === 'insert' ? text.slice(0, p) + c + text.slice(p) : text.slice(0, p) + (kind === 'replace' ? c : '') + text.slice(p + 1);
        }
        return agrees(text);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});

describe('screens written for speed say what their plain forms say', () => {
  // The plain forms, as the screens were first written; src/core/parse/fastYaml.ts puts each branch's indicator first.
  const PLAIN_NEEDS_CAREFUL = /(?:^|[\s[{,:])[&*!][^\s]|^\s*\?(?:\s|$)/m;
  const PLAIN_PARSERS_DIFFER =
    /(?:^|[\s[{,:])(?:[-+]?0(?:[bB][01_]*|[oO][0-7_]*|[xX][\dA-Fa-f_]*)(?=[\s,\]}:]|$)|[-+]\.\d|-0+(?=[\s,\]}]|$))|(?:^|[\s[{,:])[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d{3}\d*(?=[\s,\]}:]|$)|^[ \t]*-[ \t]+-[ \t]*$/m;
  const piece = fc.constantFrom(
    'a',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '&',
    '*',
    '!',
    '?',
    '[',
    ']',
    '{',
    '}',
    ',',
    ':',
    '-',
    '+',
    '0',
    '1',
    'x',
    'b',
    'O',
    '.',
    'e',
    'E',
    '123',
    '\u00a0',
    '- -',
    ': ',
    '0x',
    '-0',
    '0b',
    '0o',
    'f',
    '7',
    '_',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('anchors, aliases, tags and explicit keys', () => {
    fc.assert(
      fc.property(text, (t) => NEEDS_CAREFUL_PARSE.test(t) === PLAIN_NEEDS_CAREFUL.test(t)),
      { numRuns: 20_000, seed: 3 },
    );
  });

  it('numbers and items the parsers read differently', () => {
    fc.assert(
      fc.property(text, (t) => PARSERS_DIFFER.test(t) === PLAIN_PARSERS_DIFFER.test(t)),
      { numRuns: 20_000, seed: 3 },
    );
  });
});
