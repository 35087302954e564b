import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { asciiSafeJson } from '../../src/core/escape/json.js';
import { terminalText } from '../../src/core/escape/terminal.js';
import { xmlText } from '../../src/core/escape/xml.js';
import { OutsideFolderError, resolveInside, safeFileName } from '../../src/io/safeOutput.js';

const RUNS = { numRuns: 1000, seed: 10 } as const;
const anyText = fc.string({ unit: 'binary', maxLength: 80 });

describe('terminalText', () => {
  it.each([
    ['RF-0001', 'RF-0001'],
    ['\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
    ['RF\u202e1000-FR', 'RF\\u202e1000-FR'],
    ['a\u200bb\u2066c\u2069', 'a\\u200bb\\u2066c\\u2069'],
    ['two\nlines\r', 'two\\x0alines\\x0d'],
    ['\u009b2J', '\\x9b2J'],
    ['tag\u{e0041}', 'tag\\u{e0041}'],
    ['é ü ✓ 😀 Ωmega', 'é ü ✓ 😀 Ωmega'],
  ])('%j → %j', (input, output) => {
    expect(terminalText(input)).toBe(output);
  });

  it('leaves no control or format character in anything (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(terminalText(s))),
      RUNS,
    );
  });
});

describe('asciiSafeJson', () => {
  it('escapes what JSON.stringify leaves raw, and the data stays the same (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const json = asciiSafeJson(JSON.stringify({ id: s, [s]: [s] }, null, 2));
        return (
          !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u.test(json) && JSON.stringify(JSON.parse(json)) === JSON.stringify({ id: s, [s]: [s] })
        );
      }),
      RUNS,
    );
  });
});

describe('xmlText', () => {
  it('escapes markup and keeps a CDATA end or a quote from closing anything', () => {
    expect(xmlText('<script>alert("x")</script> ]]> \'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &apos;');
  });

  it('never leaves markup, XML-invalid or invisible characters (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const x = xmlText(s);
        return (
          !/[<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\ufffe\uffff]/u.test(x) &&
          !/&(?!(?:amp|lt|gt|quot|apos|#x[0-9A-F]+);)/.test(x) &&
          x.isWellFormed()
        );
      }),
      RUNS,
    );
  });
});

describe('safeFileName', () => {
  it.each(['RF-0001', 'rf-9001', 'A', 'RF.2026_01-x'])('keeps the valid id %s as it is', (id) => {
    expect(safeFileName(id, '.md')).toBe(id + '.md');
  });

  it.each([
    ['../../etc/passwd', /^___\.\._etc_passwd-[0-9a-f]{8}\.md$/],
    ['..', /^__-[0-9a-f]{8}\.md$/],
    ['.', /^_-[0-9a-f]{8}\.md$/],
    ['', /^_-[0-9a-f]{8}\.md$/],
    ['.hidden', /^_hidden-[0-9a-f]{8}\.md$/],
    ['-rf', /^_rf-[0-9a-f]{8}\.md$/],
    ['C:\\Windows\\x', /^C__Windows_x-[0-9a-f]{8}\.md$/],
    ['CON', /^_CON-[0-9a-f]{8}\.md$/],
    ['nul.txt', /^_nul\.txt-[0-9a-f]{8}\.md$/],
    ['RF-1.', /^RF-1_-[0-9a-f]{8}\.md$/],
    ['$(rm -rf ~);`id`|x&y', /^\$\(rm -rf ~\);`id`_x&y-[0-9a-f]{8}\.md$/],
    ['RF\u202e1000-FR', /^RF_1000-FR-[0-9a-f]{8}\.md$/],
    ['a\u0000b\nc', /^a_b_c-[0-9a-f]{8}\.md$/],
    ['{{constructor.constructor}}', /^\{\{constructor\.constructor\}\}\.md$/],
  ])('makes %j safe', (id, pattern) => {
    expect(safeFileName(id, '.md')).toMatch(pattern);
  });

  it('gives any string a safe, bounded, distinct name that stays inside the folder (property)', () => {
    const root = resolve('/srv/out');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), (a, b) => {
        const name = safeFileName(a, '.md');
        expect(name).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}]/u);
        expect(name).not.toMatch(/^[.\-\s]/);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
        expect(name.isWellFormed()).toBe(true);
        expect(resolve(root, name).startsWith(root + sep)).toBe(true);
        if (a !== b) expect(safeFileName(b, '.md')).not.toBe(name);
      }),
      RUNS,
    );
  });
});

describe('resolveInside', () => {
  const base = mkdtempSync(join(tmpdir(), 'reunify-inside-'));
  const out = join(base, 'out');
  const elsewhere = join(base, 'elsewhere');
  mkdirSync(join(out, 'sub'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'target.md'), 'x');
  symlinkSync(elsewhere, join(out, 'link-out'));
  symlinkSync(join(elsewhere, 'target.md'), join(out, 'file-out.md'));
  symlinkSync(join(elsewhere, 'missing.md'), join(out, 'dangling.md'));
  symlinkSync(join(out, 'sub'), join(out, 'link-in'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each(['RF-1.md', 'sub/RF-1.md', 'new/deeper/RF-1.md', 'link-in/RF-1.md', 'a..b.md'])('allows %s', (name) => {
    expect(resolveInside(out, name)).toBe(resolve(out, name));
  });

  it.each(['../x.md', '../../etc/passwd', '/etc/passwd', 'sub/../../x.md', '.', '', 'link-out/x.md', 'file-out.md', 'dangling.md', 'a\0b'])(
    'refuses %j',
    (name) => {
      expect(() => resolveInside(out, name)).toThrow(OutsideFolderError);
    },
  );

  it('allows anything in a folder that does not exist yet, but still no ..', () => {
    expect(resolveInside(join(base, 'not-yet'), 'RF-1.md')).toBe(join(base, 'not-yet', 'RF-1.md'));
    expect(() => resolveInside(join(base, 'not-yet'), '../RF-1.md')).toThrow(OutsideFolderError);
  });

  it('keeps every safeFileName inside the folder (property)', () => {
    fc.assert(
      fc.property(anyText, (id) => resolveInside(out, safeFileName(id, '.md')).startsWith(out + sep)),
      { numRuns: 300, seed: 11 },
    );
  });
});
