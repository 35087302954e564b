import { mkdtempSync, writeFileSync, existsSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodySections } from '../../src/core/parse/bodySections.js';
import { loadCase } from '../../src/io/loadCase.js';
import { parseCaseText, type LoadedCase } from '../../src/core/parse/caseFile.js';
import { present } from '../present.js';

function parse(text: string): LoadedCase {
  return parseCaseText({ filePath: 'RF-1.md', stem: 'RF-1', problems: [], locate: () => undefined }, text);
}

function problems(text: string) {
  return parse(text).problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`);
}

describe('loadCase: front matter and YAML', () => {
  it('keeps dates and yes/no as strings (YAML 1.2 core schema)', () => {
    const c = parse('---\nopened: 2025-09-01\nanswer: yes\nflag: true\nn: 012\n---\n');
    expect(c.data).toEqual({ opened: '2025-09-01', answer: 'yes', flag: true, n: 12 });
  });

  it.each([
    ['duplicate keys', '---\nid: A\nid: B\n---\n', ['3:1 yaml-duplicate-key']],
    ['an unknown tag', '---\nid: !foo A\n---\n', ['2:5 yaml-tag']],
    ['a language tag', '---\nid: !!js/function "x"\n---\n', ['2:5 yaml-tag']],
    ['an alias', '---\na: &x 1\nb: *x\n---\n', ['3:4 yaml-alias']],
    ['a __proto__ key', '---\n__proto__: { polluted: 1 }\n---\n', ['2:1 yaml-forbidden-key']],
    ['a constructor key', '---\nchild:\n  constructor: 1\n---\n', ['3:3 yaml-forbidden-key']],
    ['a list', '---\n- a\n- b\n---\n', ['2:1 front-matter-not-a-map']],
    ['a scalar', '---\njust text\n---\n', ['2:1 front-matter-not-a-map']],
    ['nothing', '---\n---\nbody\n', ['2:1 front-matter-empty']],
    ['no front matter', '# Title\n', ['1:1 front-matter-missing']],
    ['four dashes', '----\na: 1\n----\n', ['1:1 front-matter-missing']],
    ['no closing fence', '---\na: 1\n', ['1:1 front-matter-unclosed']],
    ['---js', "---js\nrequire('fs').writeFileSync('/tmp/x', 'x')\n---\n", ['1:4 front-matter-language']],
    ['---javascript', '---javascript\n({a: 1})\n---\n', ['1:4 front-matter-language']],
    ['---json', '---json\n{"a": 1}\n---\n', ['1:4 front-matter-language']],
    ['an unclosed flow list (at the [, not on the next line where yaml notices)', '---\na: 1\nb: 2\nc: [1, 2\nd: 4\n---\n', ['4:4 yaml-syntax']],
    ['an unclosed flow map', '---\na: 1\nteam: { sw: "SW J.P."\nd: 4\n---\n', ['3:7 yaml-syntax']],
    ['an unclosed flow list running over lines', '---\na: 1\nc: [1,\n  2,\n  3\nd: 4\n---\n', ['3:4 yaml-syntax']],
    ['an unclosed flow list on the last line', '---\na: 1\nc: [1, 2\n---\n', ['3:4 yaml-syntax']],
    ['an unclosed list inside a closed one', '---\na: [1, [2, 3]\nb: 1\n---\n', ['2:4 yaml-syntax']],
    ['two unclosed lists, one in the other (inner first, as yaml finds them)', '---\na: [1, [2\nb: 1\n---\n', ['2:8 yaml-syntax', '2:4 yaml-syntax']],
    ['an unclosed flow list as the whole front matter', '---\n[a, b\n---\n', ['2:1 yaml-syntax']],
    ['a bad indent', '---\na:\n  b: 1\n c: 2\n---\n', ['4:1 yaml-syntax']],
    ['keys that are one key in the data (1 and "1")', '---\n1: a\n"1": b\n---\n', ['3:1 yaml-duplicate-key']],
    ['an empty key and a null key', '---\n"": a\n~: b\n---\n', ['3:1 yaml-duplicate-key']],
    ['a YAML 1.1 !!binary', '---\na: !!binary aGVsbG8=\n---\n', ['2:4 yaml-tag']],
    ['a YAML 1.1 !!set', '---\na: !!set { x }\n---\n', ['2:4 yaml-tag']],
    ['a YAML 1.1 !!omap', '---\na: !!omap [ x: 1 ]\n---\n', ['2:4 yaml-tag']],
    ['a YAML 1.1 !!timestamp', '---\na: !!timestamp 2026-01-02\n---\n', ['2:4 yaml-tag']],
    ['an unclosed single quote (at the quote, not where the text ran out)', "---\na: 1\nref: 'Child H\nb: 2\n---\n", ['3:6 yaml-syntax']],
    ['an unclosed double quote', '---\na: 1\nref: "Child H\n  dob: 2\n---\n', ['3:6 yaml-syntax']],
    ['CR-only line endings', '---\ra: 1\r---\r', ['1:1 front-matter-missing']],
    ['text after the fence that is no language', '---\u001b[31m x\na: 1\n---\n', ['1:4 front-matter-language']],
  ])('refuses %s with a positioned error', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('never evaluates ---js front matter', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'reunify-js-')), 'pwned');
    const c = parse(`---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x')\n---\n`);
    expect(present(c.problems[0]).ruleId).toBe('front-matter-language');
    expect(existsSync(marker)).toBe(false);
  });

  it('accepts ---yaml and trailing spaces on fences', () => {
    expect(parse('---yaml\na: 1\n---  \nbody').data).toEqual({ a: 1 });
    expect(parse('---   \na: 1\n---\nbody').data).toEqual({ a: 1 });
    expect(parse('---  \r\na: 1\r\n---\r\nbody').data).toEqual({ a: 1 });
  });

  it('keeps standard core tags, and case text out of fence messages', () => {
    expect(parse('---\na: !!str 1\nb: !!int "2"\n---\n').data).toEqual({ a: '1', b: 2 });
    const c = parse('---\u001b[31m x\na: 1\n---\n');
    expect(present(c.problems[0]).message).toBe('the opening fence must be --- alone on its line (or ---yaml)');
  });

  it('does not let __proto__ reach an object prototype', () => {
    const c = parse('---\na:\n  __proto__:\n    polluted: true\n---\n');
    expect(c.data).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadCase: positions for JSON pointers', () => {
  const text = [
    '---',
    'id: RF-1 # comment',
    'child:',
    '  ref: "Child A"',
    '  dob: 2014-04-30',
    'people:',
    '  - { id: mum, ref: "Ms A" }',
    '  - id: dad',
    '    ref: "Mr A"',
    'note: |',
    '  line one',
    '  line two',
    'after: 1',
    '---',
    'body',
  ].join('\n');

  it.each([
    ['/id', 2, 5],
    ['/child', 4, 3],
    ['/child/dob', 5, 8],
    ['/people/0', 7, 5],
    ['/people/0/ref', 7, 21],
    ['/people/1/ref', 9, 10],
    ['/note', 10, 7],
    ['/after', 13, 8],
    ['/child/missing', 4, 3],
    ['/nowhere/at/all', 2, 1],
  ])('%s is at %i:%i', (pointer, line, column) => {
    expect(parse(text).locate(pointer)).toEqual({ line, column });
  });

  it('counts lines and columns the same with CRLF and a BOM', () => {
    const crlf = '\ufeff' + text.replace(/\n/g, '\r\n');
    const c = parse(crlf);
    expect(c.problems).toEqual([]);
    expect(c.locate('/people/1/ref')).toEqual({ line: 9, column: 10 });
    expect(c.locate('/after')).toEqual({ line: 13, column: 8 });
    expect(c.split?.bom).toBe(true);
    expect(c.split?.eol).toBe('\r\n');
  });

  it('positions YAML errors in CRLF files at the line an editor shows', () => {
    expect(problems('---\r\na: 1\r\na: 2\r\n---\r\n')).toEqual(['3:1 yaml-duplicate-key']);
  });
});

describe('loadCase: files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-load-'));
  it.each([
    ['empty.md', Buffer.alloc(0), 'file-empty'],
    ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'file-encoding'],
    ['utf16.md', Buffer.from('\ufeff---\na: 1\n---\n', 'utf16le'), 'file-encoding'],
    ['latin1.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), 'file-encoding'],
  ])('%s gets one clear error', (name, bytes, ruleId) => {
    writeFileSync(join(dir, name), bytes);
    const c = loadCase(join(dir, name));
    expect(c.problems.map((p) => p.ruleId)).toEqual([ruleId]);
    expect(present(c.problems[0]).line).toBe(1);
  });

  it('reports a folder named like a case file as not a regular file', () => {
    mkdirSync(join(dir, 'x.md'));
    expect(present(loadCase(join(dir, 'x.md')).problems[0]).ruleId).toBe('file-unreadable');
  });

  it('reports an unreadable file without throwing', () => {
    const p = join(dir, 'locked.md');
    writeFileSync(p, '---\na: 1\n---\n');
    chmodSync(p, 0o000);
    const c = loadCase(p);
    // root can read anything; everyone else gets file-unreadable
    if (process.getuid?.() === 0) expect(c.problems).toEqual([]);
    else expect(present(c.problems[0]).ruleId).toBe('file-unreadable');
    chmodSync(p, 0o600);
  });

  it('reports a missing file', () => {
    expect(loadCase(join(dir, 'missing.md')).problems[0]).toMatchObject({
      ruleId: 'file-unreadable',
      message: 'file could not be read (ENOENT: no such file or directory)',
    });
  });
});

describe('bodySections', () => {
  it('splits ## sections and ignores headings inside code fences', () => {
    const body = "## Case history\n\nFirst entry.\n\n```\n## not a heading\n```\n### Sub\nmore\n## Analysis\n\n## Child's views\nText\n";
    expect(bodySections(body)).toEqual([
      { heading: 'Case history', content: 'First entry.\n\n```\n## not a heading\n```\n### Sub\nmore' },
      { heading: 'Analysis', content: '' },
      { heading: "Child's views", content: 'Text' },
    ]);
  });
});

describe('bodySections leaves out HTML comments', () => {
  it('a section holding only its prompt is empty; text around a comment stays', () => {
    const body =
      '## Case history\n\n<!-- Chronology: entries to care,\nearlier returns -->\n\n## Analysis\n\nBefore <!-- note --> after.\n<!-- a --> Kept <!-- b -->\n';
    expect(bodySections(body)).toEqual([
      { heading: 'Case history', content: '' },
      { heading: 'Analysis', content: 'Before  after.\n Kept' },
    ]);
  });

  it('but keeps them inside code fences, as written', () => {
    const body = '## Notes\n\n```html\n<!-- shown -->\n```\n';
    expect(bodySections(body)).toEqual([{ heading: 'Notes', content: '```html\n<!-- shown -->\n```' }]);
  });
});

describe('loadCase: byte order mark from disk', () => {
  it('keeps the BOM visible to the writer and out of positions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-bom-'));
    const p = join(dir, 'RF-1.md');
    writeFileSync(p, '\ufeff---\nid: RF-1\n---\n');
    const c = loadCase(p);
    expect(c.split?.bom).toBe(true);
    expect(c.locate('/id')).toEqual({ line: 2, column: 5 });
  });
});
