import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import type { Node } from 'yaml';

// rename can be made to fail like a shared drive holding the file open
const renameFailures = vi.hoisted(() => ({ count: 0, code: 'EBUSY', onFail: undefined as undefined | (() => void) }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      if (renameFailures.count > 0) {
        renameFailures.count--;
        renameFailures.onFail?.();
        throw Object.assign(new Error(`${renameFailures.code}: simulated`), { code: renameFailures.code });
      }
      return actual.renameSync(from, to);
    },
  };
});
// Loaded afresh, so the stand-in above applies even where another test file loaded them first.
vi.resetModules();
import type { LoadedCase } from '../../src/core/parse/caseFile.js';
import type { CaseEdit, PathSegment } from '../../src/io/writeCase.js';
const { loadCase } = await import('../../src/io/loadCase.js');
const { parseCaseText } = await import('../../src/core/parse/caseFile.js');
import { present } from '../present.js';
const { applyEdits, renderValue, writeCaseFile, WriteConflictError } = await import('../../src/io/writeCase.js');

const fm = (yaml: string, body = '# Notes\n\nSome text.\n') => `---\n${yaml}---\n${body}`;
const set = (path: PathSegment[], value: unknown): CaseEdit => ({ op: 'set', path, value });
const append = (path: PathSegment[], value: unknown): CaseEdit => ({ op: 'append', path, value });

function parse(text: string): LoadedCase {
  return parseCaseText({ filePath: 'x.md', stem: 'x', problems: [], locate: () => undefined }, text);
}

describe('applyEdits: concrete cases', () => {
  const longBody = Array.from({ length: 400 }, (_, i) => `Line ${i}: --- not a fence ---  # not a comment`).join('\n') + '\n---\n';
  const cases: { name: string; input: string; edits: CaseEdit[]; output: string }[] = [
    {
      name: 'replaces a scalar and keeps comments and their alignment',
      input: fm('# the case\nid: C-1      # id\nstage: 2    # current stage\nname: Sam   # child\n'),
      edits: [set(['stage'], 3)],
      output: fm('# the case\nid: C-1      # id\nstage: 3    # current stage\nname: Sam   # child\n'),
    },
    {
      name: 'keeps the column of a trailing comment when the value changes length',
      input: fm('name: Sam   # child\nnext: 1\n'),
      edits: [set(['name'], 'Samantha'), set(['next'], 22)],
      output: fm('name: Samantha # child\nnext: 22\n'),
    },
    {
      name: 'shrinking a value pads to keep the comment column',
      input: fm('name: Samantha  # child\n'),
      edits: [set(['name'], 'Al')],
      output: fm('name: Al        # child\n'),
    },
    {
      name: 'sets a key inside a flow map, keeping its spacing',
      input: fm('sign: { by: tm, date: 2026-01-02 }\nother: {a: 1}\n'),
      edits: [set(['sign', 'by'], 'iro'), set(['sign', 'note'], 'ok'), set(['other', 'b'], 2)],
      output: fm('sign: { by: iro, date: 2026-01-02, note: ok }\nother: {a: 1, b: 2}\n'),
    },
    {
      name: 'sets a key inside a block map after its trailing comment lines',
      input: fm('plan:\n  goals: 2\n  review: 2026-01-02 # next review\n  # about review\n# about stage\nstage: 2\n'),
      edits: [set(['plan', 'owner'], 'sw')],
      output: fm('plan:\n  goals: 2\n  review: 2026-01-02 # next review\n  # about review\n  owner: sw\n# about stage\nstage: 2\n'),
    },
    {
      name: 'new top-level key goes after the last item, quoted only when needed',
      input: fm('id: C-1\n'),
      edits: [set(['a'], 'yes'), set(['b'], 'x: y'), set(['c'], '2026-01-02'), set(['d'], '1'), set(['e'], "it's fine"), set(['f'], '#tag')],
      output: fm('id: C-1\na: yes\nb: "x: y"\nc: 2026-01-02\nd: "1"\ne: it\'s fine\nf: "#tag"\n'),
    },
    {
      name: 'nested new key creates the parent maps with the file indentation',
      input: fm('id: C-1\nplan:\n    goals: 1\n'),
      edits: [set(['return', 'signed_off', 'by'], 'tm')],
      output: fm('id: C-1\nplan:\n    goals: 1\nreturn:\n    signed_off:\n        by: tm\n'),
    },
    {
      name: 'appends to a block list of flow maps as a flow map',
      input: fm('classifications:\n  - { date: 2026-01-02, point: rc1_d2, level: 2 } # first\n  - { date: 2026-02-02, point: rc2_d3, level: 3 }\nstage: 3\n'),
      edits: [append(['classifications'], { date: '2026-03-02', point: 'rc3_post_return', level: 1, signed_off: { by: 'tm', date: '2026-03-03' } })],
      output: fm(
        'classifications:\n  - { date: 2026-01-02, point: rc1_d2, level: 2 } # first\n  - { date: 2026-02-02, point: rc2_d3, level: 3 }\n' +
          '  - { date: 2026-03-02, point: rc3_post_return, level: 1, signed_off: { by: tm, date: 2026-03-03 } }\nstage: 3\n',
      ),
    },
    {
      name: 'appends to a block list of block maps as a block map',
      input: fm('people:\n- name: A\n  role: mum\n- name: B\n  role: dad\n  # last person\nstage: 3\n'),
      edits: [append(['people'], { name: 'C', role: 'gran', signed_off: { by: 'tm', date: '2026-01-02' } })],
      output: fm(
        'people:\n- name: A\n  role: mum\n- name: B\n  role: dad\n  # last person\n- name: C\n  role: gran\n  signed_off:\n    by: tm\n    date: 2026-01-02\nstage: 3\n',
      ),
    },
    {
      name: 'appends to a one-line flow list',
      input: fm('tags: [a, b]   # tags\nmore: [ x ]\ntight: [1,2]\n'),
      edits: [append(['tags'], 'c, d'), append(['more'], 'y'), append(['tight'], 3)],
      output: fm('tags: [a, b, "c, d"]   # tags\nmore: [ x, y ]\ntight: [1,2,3]\n'),
    },
    {
      name: 'appends to a multi-line flow list on a new line',
      input: fm('tags: [\n    a,\n    b\n]\nlist: [\n  a,\n  b,  # trailing comma\n]\n'),
      edits: [append(['tags'], 'c'), append(['list'], 'c')],
      output: fm('tags: [\n    a,\n    b,\n    c\n]\nlist: [\n  a,\n  b,  # trailing comma\n  c,\n]\n'),
    },
    {
      name: 'appends to empty flow collections',
      input: fm('tags: []\nsign: {}\n'),
      edits: [append(['tags'], 'a'), set(['sign', 'by'], 'tm')],
      output: fm('tags: [a]\nsign: { by: tm }\n'),
    },
    {
      name: 'creates a missing list in block style under its parent',
      input: fm('plan:\n  goals:\n    - a\n# next\nstage: 2\n'),
      edits: [append(['plan', 'reviews'], { date: '2026-01-02', by: 'iro' })],
      output: fm('plan:\n  goals:\n    - a\n  reviews:\n    - date: 2026-01-02\n      by: iro\n# next\nstage: 2\n'),
    },
    {
      name: 'a list under a key with no value becomes a block list',
      input: fm('tasks:\nstage: 2\n'),
      edits: [append(['tasks'], 'call school')],
      output: fm('tasks:\n  - call school\nstage: 2\n'),
    },
    {
      name: 'appends at the column of an indentless list, before a comment at the key column',
      input: fm('tasks:\n- a\n- b\n# about stage\nstage: 2\n'),
      edits: [append(['tasks'], 'c')],
      output: fm('tasks:\n- a\n- b\n- c\n# about stage\nstage: 2\n'),
    },
    {
      name: 'replaces a scalar with a map in block style, keeping the comment',
      input: fm('return: none # not yet\nstage: 2\n'),
      edits: [set(['return'], { date: '2026-01-02', unplanned: false })],
      output: fm('return: # not yet\n  date: 2026-01-02\n  unplanned: false\nstage: 2\n'),
    },
    {
      name: 'replaces a block map with a scalar',
      input: fm('return:\n  date: 2026-01-02\nstage: 2\n'),
      edits: [set(['return'], null)],
      output: fm('return: null\nstage: 2\n'),
    },
    {
      name: 'sets an item of a block list and a key inside a list item',
      input: fm('goals:\n  - a # first\n  - id: g2\n    text: x\n'),
      edits: [set(['goals', 0], 'b'), set(['goals', 1, 'done'], true)],
      output: fm('goals:\n  - b # first\n  - id: g2\n    text: x\n    done: true\n'),
    },
    {
      name: 'string with a newline is written double-quoted on one line',
      input: fm('note: x\n'),
      edits: [set(['note'], 'two\nlines')],
      output: fm('note: "two\\nlines"\n'),
    },
    {
      name: 'a Date value is written as a plain day',
      input: fm('review: 2025-01-01\n'),
      edits: [set(['review'], new Date(Date.UTC(2026, 0, 2)))],
      output: fm('review: 2026-01-02\n'),
    },
    {
      name: 'CRLF files stay CRLF',
      input: '---\r\nid: C-1\r\nplan:\r\n  goals: 1\r\n---\r\n# Notes\r\n\r\nSome text.\r\n',
      edits: [set(['plan', 'owner'], 'sw'), append(['tasks'], 'a')],
      output: '---\r\nid: C-1\r\nplan:\r\n  goals: 1\r\n  owner: sw\r\ntasks:\r\n  - a\r\n---\r\n# Notes\r\n\r\nSome text.\r\n',
    },
    {
      name: 'the BOM is kept',
      input: '\uFEFF' + fm('id: C-1\n'),
      edits: [set(['stage'], 1)],
      output: '\uFEFF' + fm('id: C-1\nstage: 1\n'),
    },
    {
      name: 'a long body is untouched',
      input: fm('id: C-1\n', longBody),
      edits: [set(['id'], 'C-2')],
      output: fm('id: C-2\n', longBody),
    },
    {
      name: 'blank lines, quoting and key order are kept',
      input: fm('b: \'single\'\n\na: "double"\n\n\nc: plain\n'),
      edits: [set(['c'], 'changed')],
      output: fm('b: \'single\'\n\na: "double"\n\n\nc: changed\n'),
    },
    {
      name: 'a no-op edit gives the identical text (quoting kept)',
      input: fm("id: 'C-1'   # quoted\ntags: [a, b]\nsign: { by: tm }\n"),
      edits: [set(['id'], 'C-1'), set(['tags'], ['a', 'b']), set(['sign'], { by: 'tm' })],
      output: fm("id: 'C-1'   # quoted\ntags: [a, b]\nsign: { by: tm }\n"),
    },
  ];

  it.each(cases)('$name', ({ input, edits, output }) => {
    expect(applyEdits(input, edits)).toBe(output);
  });

  it('no edits returns the same string', () => {
    const text = fm('id: C-1 # x\n');
    expect(applyEdits(text, [])).toBe(text);
  });

  it('refuses what it cannot do, rather than guessing', () => {
    const text = fm('id: C-1\ntags: [a]\n');
    expect(() => applyEdits(text, [append(['id'], 'x')])).toThrow(/not a list/);
    expect(() => applyEdits(text, [set(['tags', 5], 'x')])).toThrow(/no list item/);
    expect(() => applyEdits(text, [set(['x'], undefined)])).toThrow(/cannot write/);
    expect(() => applyEdits(text, [set(['x'], [1, undefined])])).toThrow(/cannot write/);
    expect(applyEdits(text, [set(['x'], { a: 1, b: undefined })])).toBe(fm('id: C-1\ntags: [a]\nx:\n  a: 1\n'));
    expect(() => applyEdits(fm('id: [\n'), [set(['id'], 1)])).toThrow(/cannot be edited safely/);
    expect(() => applyEdits(fm('a: 1\na: 2\n'), [set(['b'], 1)])).toThrow(/cannot be edited safely/);
    expect(() => applyEdits(text, [set(['__proto__', 'polluted'], true)])).toThrow(/not allowed/);
    expect(() => applyEdits(text, [set(['x'], JSON.parse('{"__proto__": {"polluted": true}}'))])).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(applyEdits(text, [append(['toString'], 'x')])).toBe(fm('id: C-1\ntags: [a]\ntoString:\n  - x\n'));
  });

  it('renderValue renders flow and block styles', () => {
    const v = { date: '2026-01-02', level: 2, signed_off: { by: 'tm', date: '2026-01-03' } };
    expect(renderValue(v, 'flow')).toBe('{ date: 2026-01-02, level: 2, signed_off: { by: tm, date: 2026-01-03 } }');
    expect(renderValue(v, 'block')).toBe('date: 2026-01-02\nlevel: 2\nsigned_off:\n  by: tm\n  date: 2026-01-03');
  });
});

describe('writeCaseFile', () => {
  let dir: string;
  let file: string;
  const original = fm('id: C-1 # keep\nstage: 2\n');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reunify-write-'));
    file = join(dir, 'C-1.md');
    writeFileSync(file, original);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const temps = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

  it('writes the edited text atomically and leaves no temp file', () => {
    const loaded = loadCase(file);
    const result = writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]));
    expect(result.changed).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(fm('id: C-1 # keep\nstage: 3\n'));
    expect(temps()).toEqual([]);
  });

  it('refuses when the file changed since it was read, and leaves the new content', () => {
    const loaded = loadCase(file);
    const changed = fm('id: C-1 # keep\nstage: 4\n');
    writeFileSync(file, changed);
    expect(() => writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]))).toThrow(WriteConflictError);
    expect(readFileSync(file, 'utf8')).toBe(changed);
    // same size, different bytes
    const sameSize = fm('id: C-1 # keep\nstage: 5\n');
    writeFileSync(file, sameSize);
    expect(() => writeCaseFile(loaded, loaded.split!.text + 'x')).toThrow(WriteConflictError);
    expect(readFileSync(file, 'utf8')).toBe(sameSize);
    rmSync(file);
    expect(() => writeCaseFile(loaded, 'x')).toThrow(WriteConflictError);
    expect(temps()).toEqual([]);
  });

  it('does not touch the file when nothing changed', () => {
    const past = new Date(Date.now() - 3600_000);
    utimesSync(file, past, past);
    const before = statSync(file).mtimeMs;
    const loaded = loadCase(file);
    expect(writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 2)]))).toEqual({ changed: false });
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('dry run writes nothing and returns a unified diff', () => {
    const loaded = loadCase(file);
    const result = writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]), { dryRun: true });
    expect(result.changed).toBe(true);
    expect(result.diff).toContain('-stage: 2');
    expect(result.diff).toContain('+stage: 3');
    expect(result.diff).toMatch(/^@@ /m);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(temps()).toEqual([]);
  });

  it('keeps the BOM and the file mode', () => {
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]));
    if (process.platform !== 'win32') chmodSync(file, 0o640);
    const loaded = loadCase(file);
    writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]));
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(fm('id: C-1 # keep\nstage: 3\n'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('retries a rename the file system refuses for a moment', () => {
    const loaded = loadCase(file);
    renameFailures.count = 2;
    renameFailures.code = 'EBUSY';
    expect(writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)])).changed).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('stage: 3');
    expect(temps()).toEqual([]);
  });

  it('re-checks the file before every retry: another save landing during an EBUSY wait is kept, ours refused', () => {
    const loaded = loadCase(file);
    const theirs = fm('id: C-1 # keep\nstage: 4\n');
    renameFailures.count = 1;
    renameFailures.code = 'EBUSY';
    renameFailures.onFail = () => writeFileSync(file, theirs);
    try {
      expect(() => writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]))).toThrow(WriteConflictError);
    } finally {
      renameFailures.onFail = undefined;
      renameFailures.count = 0;
    }
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(temps()).toEqual([]);
  });

  it('gives up after a few retries, leaving the file as it was and no temp file', () => {
    const loaded = loadCase(file);
    renameFailures.count = 100;
    renameFailures.code = 'EPERM';
    try {
      expect(() => writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]))).toThrow(/EPERM/);
    } finally {
      renameFailures.count = 0;
    }
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(temps()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('writes through a symlink to its target', () => {
    const link = join(dir, 'link.md');
    symlinkSync(file, link);
    const loaded = loadCase(link);
    writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]));
    expect(readFileSync(file, 'utf8')).toContain('stage: 3');
    expect(statSync(link).isFile()).toBe(true);
  });

  it('removes stale temp files from a crashed write, but not fresh ones', () => {
    const stale = join(dir, '.C-1.md.reunify-999-abcdef.tmp');
    const fresh = join(dir, '.other.md.reunify-998-123456.tmp');
    const unrelated = join(dir, '.notes.tmp');
    for (const p of [stale, fresh, unrelated]) writeFileSync(p, 'x');
    const old = new Date(Date.now() - 20 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(unrelated, old, old);
    const loaded = loadCase(file);
    writeCaseFile(loaded, applyEdits(loaded.split!.text, [set(['stage'], 3)]));
    expect(readdirSync(dir).sort()).toEqual(['.notes.tmp', '.other.md.reunify-998-123456.tmp', 'C-1.md']);
  });
});

// ---------------------------------------------------------------- property tests

type Val = string | number | boolean | null | Val[] | { [k: string]: Val };
const isObj = (v: Val): v is { [k: string]: Val } => typeof v === 'object' && v !== null && !Array.isArray(v);

const KEYS = [
  'id',
  'name',
  'stage',
  'goals',
  'date',
  'by',
  'level',
  'notes',
  'a',
  'b',
  'x_y',
  'review',
  'signed_off',
  'point',
  'two words',
  'k: v',
  '#hash',
  'yes',
  '1',
];
const NEW_KEYS = ['added', 'signed off', 'new: key', 'z9', '#new'];
const SPECIAL = [
  'yes',
  'no',
  'null',
  '~',
  'true',
  'False',
  '1',
  '1.5',
  '0x1A',
  '.inf',
  '2026-01-02',
  'a: b',
  '# not a comment',
  'x #y',
  'a, b',
  '[x]',
  '{y}',
  '- item',
  "it's",
  'say "hi"',
  '',
  ' lead',
  'trail ',
  'é ü ✓',
  '@at',
  '`tick',
  '%pct',
  '*star',
  '&amp',
  '!bang',
  '|pipe',
  '>gt',
  '?q',
  'a:b',
  '---',
  '...',
];

const scalarArb: fc.Arbitrary<Val> = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 _.-]{0,12}$/),
  fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
);

const { value: valueArb } = fc.letrec<{ value: Val; map: Val; seq: Val }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('map'), tie('seq')),
  map: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { selector: (e) => e[0], maxLength: 4 }).map((e) => Object.fromEntries(e) as Val),
  seq: fc.array(tie('value'), { maxLength: 4 }),
}));
const rootArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), valueArb), { selector: (e) => e[0], minLength: 1, maxLength: 6 })
  .map((e) => Object.fromEntries(e) as { [k: string]: Val });

const BODY_LINES = ['# Heading', '', 'Some text: with a colon', '---', '- a list item', '```', 'key: value', '  indented # hash', '## Plan'];

/** Deterministic choices for rendering, drawn from a seed fast-check generates. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A test-side renderer, independent of the writer: plain only for obviously safe strings. */
function renderDoc(root: { [k: string]: Val }, seed: number): string[] {
  const r = rng(seed);
  const pick = (p: number) => r() < p;
  const step = pick(0.7) ? 2 : 4;
  const indentless = pick(0.3);
  const str = (s: string, inFlow: boolean): string => {
    const plainOk = (/^[a-zA-Z][a-zA-Z0-9_.-]*( [a-zA-Z0-9_.-]+)*$/.test(s) && !/^(true|false|null)$/i.test(s)) || /^\d{4}-\d{2}-\d{2}$/.test(s);
    const c = r();
    if (plainOk && c < 0.6) return s;
    if (c < 0.8 || inFlow) return JSON.stringify(s);
    return `'${s.replace(/'/g, "''")}'`;
  };
  const scalar = (v: Val, inFlow: boolean): string => {
    if (v === null) return present(['null', '~'][Math.floor(r() * 2)]);
    if (typeof v === 'string') return str(v, inFlow);
    return String(v);
  };
  const comment = () => (pick(0.3) ? ' '.repeat(1 + Math.floor(r() * 5)) + '# note' + (pick(0.5) ? ': x' : '') : '');
  const flow = (v: Val): string => {
    const pad = pick(0.5) ? ' ' : '';
    if (Array.isArray(v)) return v.length ? `[${pad}${v.map(flow).join(', ')}${pad}]` : '[]';
    if (isObj(v)) {
      const e = Object.entries(v);
      return e.length ? `{${pad}${e.map(([k, x]) => `${str(k, true)}: ${flow(x)}`).join(', ')}${pad}}` : '{}';
    }
    return scalar(v, true);
  };
  const complex = (v: Val) => (Array.isArray(v) || isObj(v)) && Object.keys(v).length > 0;
  const lines: string[] = [];
  const fullComment = (indent: number) => {
    if (pick(0.15)) lines.push('');
    if (pick(0.2)) lines.push(' '.repeat(pick(0.5) ? indent : 0) + '# ' + (pick(0.5) ? 'comment' : 'about: this'));
  };
  const map = (m: { [k: string]: Val }, indent: number, firstPrefix?: string) => {
    Object.entries(m).forEach(([k, v], i) => {
      const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      if (!(i === 0 && firstPrefix !== undefined)) fullComment(indent);
      const key = str(k, false);
      if (typeof v === 'string' && /^[^\s]/.test(v) && pick(0.1)) {
        lines.push(`${lead}${key}: |-${comment()}`, ' '.repeat(indent + step) + v);
      } else if (!complex(v) || pick(0.3)) {
        const text = v === null && pick(0.3) ? '' : ' ' + (complex(v) || Array.isArray(v) || isObj(v) ? flow(v) : scalar(v, false));
        lines.push(`${lead}${key}:${text}${comment()}`);
      } else {
        lines.push(`${lead}${key}:${comment()}`);
        if (Array.isArray(v)) seq(v, indent + (indentless ? 0 : step));
        else map(v as { [k: string]: Val }, indent + step);
      }
    });
  };
  const seq = (s: Val[], indent: number) => {
    for (const item of s) {
      fullComment(indent);
      const dash = ' '.repeat(indent) + '- ';
      if (item === null && pick(0.3)) lines.push(dash.trimEnd() + comment());
      else if (typeof item === 'string' && /^[^\s]/.test(item) && pick(0.1)) lines.push(`${dash}|-${comment()}`, ' '.repeat(indent + 2) + item);
      else if (!complex(item) || pick(0.3)) lines.push(dash + (Array.isArray(item) || isObj(item) ? flow(item) : scalar(item, false)) + comment());
      else if (Array.isArray(item)) {
        const start = lines.length;
        seq(item, indent + 2);
        while (present(lines[start]).trim() === '' || present(lines[start]).trimStart().startsWith('#')) lines.splice(start, 1);
        lines[start] = dash + present(lines[start]).slice(indent + 2);
      } else map(item as { [k: string]: Val }, indent + 2, dash);
    }
  };
  map(root, 0);
  return lines;
}

const docArb = fc.record({
  data: rootArb,
  seed: fc.integer(),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  body: fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 12 }),
  bodyEndsWithEol: fc.boolean(),
});
type DocInput = typeof docArb extends fc.Arbitrary<infer T> ? T : never;
type Generated = { data: { [k: string]: Val }; text: string; eol: string };

function build(d: DocInput): Generated {
  const lines = renderDoc(d.data, d.seed);
  const body = d.body.join(d.eol) + (d.bodyEndsWithEol ? d.eol : '');
  const text = (d.bom ? '\uFEFF' : '') + ['---', ...lines, '---'].join(d.eol) + d.eol + body;
  return { data: d.data, text, eol: d.eol };
}

/** Paths to every node of one kind, with the data there. */
function pathsOf(v: Val, want: (x: Val) => boolean, at: PathSegment[] = []): PathSegment[][] {
  const here = want(v) ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, want, [...at, i]))];
  if (isObj(v)) return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, want, [...at, k]))];
  return here;
}

function applyToData(data: Val, edit: CaseEdit): Val {
  const copy = structuredClone(data);
  let cur = copy as { [k: string]: Val };
  for (const seg of edit.path.slice(0, -1)) cur = cur[seg as string] as { [k: string]: Val };
  const last = edit.path[edit.path.length - 1] as string;
  if (edit.op === 'set') cur[last] = edit.value as Val;
  else if (cur[last] === undefined || cur[last] === null) cur[last] = [edit.value as Val];
  else (cur[last] as Val[]).push(edit.value as Val);
  return copy;
}

/** Lines removed and added between two texts (common prefix and suffix lines stripped), with where the change starts. */
function lineDiff(a: string, b: string) {
  const x = a.split('\n');
  const y = b.split('\n');
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  return { at: p, removed: x.slice(p, x.length - s), added: y.slice(p, y.length - s) };
}

/** Line (0-based, in the whole text) where the node at `path` starts, per the loader. */
function lineOf(text: string, path: PathSegment[]): number {
  const loaded = parse(text);
  const node = loaded.doc!.getIn(path, true) as Node;
  const offset = (text.charCodeAt(0) === 0xfeff ? 1 : 0) + loaded.split!.frontMatterStart + node.range![0];
  return text.slice(0, offset).split('\n').length - 1;
}

function checkResult(g: Generated, edit: CaseEdit, out: string, allowed: (d: ReturnType<typeof lineDiff>) => boolean): void {
  const after = parse(out);
  expect(after.problems).toEqual([]);
  expect(isDeepStrictEqual(after.data, applyToData(g.data, edit))).toBe(true);
  expect(out.charCodeAt(0) === 0xfeff).toBe(g.text.charCodeAt(0) === 0xfeff);
  expect(after.split!.body).toBe(parse(g.text).split!.body);
  const bare = out.replace(/\r\n/g, '');
  if (g.eol === '\r\n') expect(bare.includes('\n')).toBe(false);
  else expect(out.includes('\r')).toBe(false);
  const d = lineDiff(g.text, out);
  if (!allowed(d)) throw new Error(`unexpected change region: ${JSON.stringify(d)}`);
}

const RUNS = { numRuns: 100, seed: 42 } as const;
const flowLine =
  (text: string, path: PathSegment[], span = 1) =>
  (d: ReturnType<typeof lineDiff>) =>
    d.removed.length === span && d.added.length === 1 && d.at === lineOf(text, path);

/** Lines a scalar's own text covers (a block scalar spans its header and content lines). */
function spanOf(text: string, path: PathSegment[]): number {
  const loaded = parse(text);
  const [start, end] = (loaded.doc!.getIn(path, true) as Node).range!;
  return loaded
    .split!.frontMatter.slice(start, end)
    .replace(/\r?\n$/, '')
    .split('\n').length;
}

describe('applyEdits: properties', () => {
  it('a batch of edits reads back as the data with all of them applied', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.tuple(fc.constantFrom('set', 'add', 'append'), fc.nat(), scalarArb), { minLength: 1, maxLength: 5 }), (d, picks) => {
        const g = build(d);
        const scalars = pathsOf(g.data, (x) => !(typeof x === 'object' && x !== null)).filter((p) => p.length > 0);
        const maps = pathsOf(g.data, (x) => isObj(x));
        const seqs = pathsOf(g.data, (x) => Array.isArray(x));
        const edits: CaseEdit[] = [];
        picks.forEach(([kind, n, value], i) => {
          if (kind === 'set' && scalars.length) edits.push(set(present(scalars[n % scalars.length]), value));
          else if (kind === 'append' && seqs.length) edits.push(append(present(seqs[n % seqs.length]), value));
          else edits.push(set([...present(maps[n % maps.length]), `added_${i}`], i % 2 ? value : { by: value, n: [i] }));
        });
        const out = applyEdits(g.text, edits);
        const expected = edits.reduce<Val>((data, e) => applyToData(data, e), g.data);
        expect(isDeepStrictEqual(parse(out).data, expected)).toBe(true);
        expect(parse(out).split!.body).toBe(parse(g.text).split!.body);
      }),
      RUNS,
    );
  });

  it('the generated files read back as the generated data (generator sanity)', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const g = build(d);
        const loaded = parse(g.text);
        expect(loaded.problems).toEqual([]);
        expect(isDeepStrictEqual(loaded.data, g.data)).toBe(true);
      }),
      RUNS,
    );
  });

  it('no edits leave the text identical', () => {
    fc.assert(
      fc.property(docArb, (d) => void expect(applyEdits(build(d).text, [])).toBe(build(d).text)),
      RUNS,
    );
  });

  it('setting one existing scalar changes exactly its line', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), scalarArb, (d, pickIndex, value) => {
        const g = build(d);
        const paths = pathsOf(g.data, (x) => !(typeof x === 'object' && x !== null)).filter((p) => p.length > 0);
        const path = paths[pickIndex % paths.length];
        if (!path) return;
        const edit = set(path, value);
        const out = applyEdits(g.text, [edit]);
        if (isDeepStrictEqual(applyToData(g.data, edit), g.data)) return void expect(out).toBe(g.text);
        checkResult(g, edit, out, flowLine(g.text, path, spanOf(g.text, path)));
      }),
      RUNS,
    );
  });

  it('adding one new key inserts lines (block) or changes the one line (flow)', () => {
    const valueArbSmall = fc.oneof(scalarArb, fc.constant({ by: 'tm', date: '2026-01-02' }), fc.constant(['a', 'b, c']), fc.constant({}));
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom(...NEW_KEYS), valueArbSmall, (d, pickIndex, key, value) => {
        const g = build(d);
        const maps = pathsOf(g.data, (x) => isObj(x));
        const path = present(maps[pickIndex % maps.length]);
        const edit = set([...path, key], value);
        const out = applyEdits(g.text, [edit]);
        const node = path.length ? (parse(g.text).doc!.getIn(path, true) as { flow?: boolean }) : { flow: false };
        checkResult(g, edit, out, node.flow ? flowLine(g.text, path) : (diff) => diff.removed.length === 0 && diff.added.length > 0);
      }),
      RUNS,
    );
  });

  it('appending one item inserts lines (block) or changes the one line (flow); a missing list is created', () => {
    const itemArb = fc.oneof(scalarArb, fc.constant({ date: '2026-01-02', point: 'rc1_d2', level: 2, signed_off: { by: 'tm', date: '2026-01-03' } }));
    fc.assert(
      fc.property(docArb, fc.nat(), itemArb, fc.boolean(), (d, pickIndex, item, missing) => {
        const g = build(d);
        const seqs = pathsOf(g.data, (x) => Array.isArray(x));
        let path: PathSegment[];
        let flow: boolean;
        if (missing || seqs.length === 0) {
          const maps = pathsOf(g.data, (x) => isObj(x));
          const parent = present(maps[pickIndex % maps.length]);
          path = [...parent, 'new_list'];
          flow = parent.length > 0 && Boolean((parse(g.text).doc!.getIn(parent, true) as { flow?: boolean }).flow);
        } else {
          path = present(seqs[pickIndex % seqs.length]);
          flow = Boolean((parse(g.text).doc!.getIn(path, true) as { flow?: boolean }).flow);
        }
        const edit = append(path, item);
        const out = applyEdits(g.text, [edit]);
        const where = missing || seqs.length === 0 ? path.slice(0, -1) : path;
        checkResult(g, edit, out, flow ? flowLine(g.text, where) : (diff) => diff.removed.length === 0 && diff.added.length > 0);
      }),
      RUNS,
    );
  });
});
