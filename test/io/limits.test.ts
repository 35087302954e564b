// The documented limits (docs/limits.md) hold: oversized, over-deep and
// self-multiplying inputs get one clear error per file, never a crash or a hang.
// Big inputs are generated here, never committed. Timeouts are hang guards only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/parse/screen.js';
import { fastParse } from '../../src/core/parse/fastYaml.js';
import { loadCase } from '../../src/io/loadCase.js';
import { parseCaseText, type LoadedCase } from '../../src/core/parse/caseFile.js';
import { present } from '../present.js';

const HANG_GUARD = 30_000;
const MiB = 1024 * 1024;

function parse(text: string): LoadedCase {
  return parseCaseText({ filePath: 'RF-1.md', stem: 'RF-1', problems: [], locate: () => undefined }, text);
}
const found = (c: LoadedCase) => c.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`);
const fm = (yaml: string, body = '') => `---\n${yaml}\n---\n${body}`;

describe('limits: the numbers', () => {
  it('are the documented ones', () => {
    expect(LIMITS).toEqual({ maxFileBytes: 8 * MiB, maxFrontMatterBytes: MiB, maxNestingDepth: 32, maxNodes: 50_000 });
  });
});

describe('limits: nesting', () => {
  const flow = (n: number) => fm('a: ' + '['.repeat(n) + ']'.repeat(n));

  it('accepts 32 levels (the root map and 31 lists) and refuses 33 at the 33rd', () => {
    expect(parse(flow(31)).problems).toEqual([]);
    expect(found(parse(flow(32)))).toEqual(['2:35 yaml-too-deep']);
    // the fast path agrees: it leaves the deep file to the careful parser
    expect(fastParse('a: ' + '['.repeat(31) + ']'.repeat(31))).toBeDefined();
    expect(fastParse('a: ' + '['.repeat(32) + ']'.repeat(32))).toBeUndefined();
  });

  it.each([
    ['flow lists 100,000 deep', fm('a: ' + '['.repeat(100_000) + ']'.repeat(100_000)), '2:35 yaml-too-deep'],
    ['an unclosed flow list 100,000 deep', fm('a: ' + '['.repeat(100_000)), '2:35 yaml-too-deep'],
    ['flow maps 100,000 deep', fm('a: ' + '{a: '.repeat(100_000) + '1' + '}'.repeat(100_000)), '2:128 yaml-too-deep'],
    ['compact lists (- - - …) 300,000 deep', fm('- '.repeat(300_000) + 'x'), '2:65 yaml-too-deep'],
    ['complex keys (? ? ? …) 100,000 deep', fm('? '.repeat(100_000) + 'x'), '2:65 yaml-too-deep'],
    ['block maps 1,000 deep', fm(Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n')), '34:33 yaml-too-deep'],
  ])(
    '%s: one yaml-too-deep error, no stack overflow',
    (_name, text, expected) => {
      const c = parse(text);
      expect(found(c)).toEqual([expected]);
      expect(c.data).toBeUndefined();
    },
    HANG_GUARD,
  );

  it('deep nesting in the config file is refused the same way', async () => {
    const { parseYamlText } = await import('../../src/core/parse/strictYaml.js');
    const parsed = parseYamlText('a: ' + '['.repeat(50_000), 0, () => ({ line: 1, column: 1 }), 'config file');
    expect(parsed.problems.map((p) => [p.ruleId, p.message])).toEqual([['yaml-too-deep', 'config file is nested more than 32 levels deep']]);
  });
});

describe('limits: aliases', () => {
  it(
    'refuses a billion-laughs alias bomb without expanding it, listing at most 20 problems and a count',
    () => {
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const name = String.fromCharCode(97 + i);
        const prev = String.fromCharCode(96 + i);
        lines.push(
          `${name}: &${name} [${Array(9)
            .fill('*' + prev)
            .join(',')}]`,
        );
      }
      const c = parse(fm(lines.join('\n')));
      expect(c.data).toBeUndefined();
      expect(c.problems).toHaveLength(21);
      expect(new Set(c.problems.map((p) => p.ruleId))).toEqual(new Set(['yaml-alias']));
      expect(c.problems[0]).toMatchObject({ line: 3, column: 8 });
      expect(present(c.problems[20]).message).toBe('61 more YAML problems in the front matter not listed');
    },
    HANG_GUARD,
  );
});

describe('limits: number of values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-nodes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const items = (n: number) => Array(n).fill('1').join(',');

  it(
    'refuses a 1 MB `x: [1,1,1,…]` front matter at the value over the limit, before parsing it',
    () => {
      const text = fm(`reunify: 1\nid: RF-N001\nx: [${items(499_990)}]`);
      expect(Buffer.byteLength(text)).toBeLessThan(MiB);
      const loaded = parseCaseText({ filePath: 'x.md', stem: 'x', problems: [], locate: () => undefined }, text);
      // line 4 (after the fence and two keys), at the comma where the count passes 50,000
      expect(found(loaded)).toEqual(['4:100000 yaml-too-many-nodes']);
      expect(loaded.data).toBeUndefined();
    },
    HANG_GUARD,
  );

  it(
    'counts block lists and maps, and accepts a front matter just within the limit',
    () => {
      const block = (n: number) => fm(`reunify: 1\nx:\n${Array.from({ length: n }, () => '  - 1').join('\n')}`);
      const parse = (t: string) => parseCaseText({ filePath: 'x.md', stem: 'x', problems: [], locate: () => undefined }, t);
      expect(found(parse(block(49_990)))).toEqual([]);
      expect(found(parse(block(50_000)))).toEqual(['50002:3 yaml-too-many-nodes']);
      expect(found(parse(fm(`reunify: 1\nx: [${items(40_000)}]`)))).toEqual([]);
      // quoted commas and brackets in text are not values
      expect(found(parse(fm(`reunify: 1\nnote: "${'a, [b], {c}, '.repeat(20_000)}"\nx: see [1], {2}`)))).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'a config file with too many values is refused the same way, at its position',
    async () => {
      const { loadConfig, ConfigError } = await import('../../src/io/loadConfig.js');
      const config = join(dir, 'reunify.config.yaml');
      writeFileSync(config, `organisation: X\nx-big: [${items(60_000)}]\n`);
      try {
        loadConfig({ configPath: config });
        expect.unreachable('the config was accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect(found(err as InstanceType<typeof ConfigError> as unknown as LoadedCase)).toEqual(['2:100006 yaml-too-many-nodes']);
      }
    },
    HANG_GUARD,
  );

  it(
    '24 such files: each gets its problem, the other files are still checked',
    () => {
      const bad = fm(`reunify: 1\nid: RF-N001\nx: [${items(499_990)}]`);
      const files = Array.from({ length: 24 }, (_, i) => {
        const p = join(dir, `RF-N${i}.md`);
        writeFileSync(p, bad);
        return p;
      });
      const good = join(dir, 'good.md');
      writeFileSync(good, fm('reunify: 1\nid: RF-G001'));
      for (const f of files) expect(found(loadCase(f))).toEqual(['4:100000 yaml-too-many-nodes']);
      expect(found(loadCase(good))).toEqual([]);
    },
    HANG_GUARD,
  );
});

describe('limits: size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it(
    'refuses a file over 8 MiB before reading it',
    () => {
      const p = write('big.md', fm('id: big', 'x'.repeat(8 * MiB)));
      expect(found(loadCase(p))).toEqual(['1:1 file-too-large']);
      expect(loadCase(p).bytes).toBeUndefined();
    },
    HANG_GUARD,
  );

  it(
    'accepts a file of 8 MiB with a small front matter (a long body)',
    () => {
      const head = fm('id: body');
      const p = write('body.md', head + 'y'.repeat(8 * MiB - head.length));
      const c = loadCase(p);
      expect(c.problems).toEqual([]);
      expect(c.bytes?.length).toBe(8 * MiB);
    },
    HANG_GUARD,
  );

  it(
    'refuses front matter over 1 MiB and accepts one just under it',
    () => {
      expect(found(loadCase(write('fm-big.md', fm('note: ' + 'z'.repeat(MiB)))))).toEqual(['1:1 file-too-large']);
      expect(loadCase(write('fm-ok.md', fm('note: ' + 'z'.repeat(MiB - 100)))).problems).toEqual([]);
    },
    HANG_GUARD,
  );

  it(
    'reads a megabyte-long body line and 50,000 keys without trouble',
    () => {
      expect(loadCase(write('line.md', fm('id: line', 'w'.repeat(MiB) + '\n'))).problems).toEqual([]);
      const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n');
      const c = parse(fm(keys));
      expect(c.problems).toEqual([]);
      expect(Object.keys(c.data as object)).toHaveLength(50_000);
    },
    HANG_GUARD,
  );

  it(
    'lists the first 20 of thousands of YAML problems and counts the rest',
    () => {
      const c = parse(fm(Array.from({ length: 5000 }, () => 'k: 1').join('\n')));
      expect(c.problems).toHaveLength(21);
      expect(c.problems.slice(0, 20).every((p) => p.ruleId === 'yaml-duplicate-key')).toBe(true);
      expect(present(c.problems[20]).message).toBe('4979 more YAML problems in the front matter not listed');
    },
    HANG_GUARD,
  );
});
