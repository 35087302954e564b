// Every check format with case-derived strings built to break it: file names, ids
// and messages holding markup, quotes, CDATA ends, ANSI escapes, bidi overrides,
// zero-width characters, newlines and lone surrogates.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/format/json.js';
import { formatJunit } from '../../src/report/format/junit.js';
import { formatSarif } from '../../src/report/format/sarif.js';
import { formatStylish } from '../../src/report/format/stylish.js';
import type { CheckResult } from '../../src/core/model/problem.js';
import { present } from '../present.js';

const HOSTILE = [
  '<script>alert("x")</script>',
  ']]></failure><x a="\'">&amp;',
  '\u001b[2J\u001b[31mred\u001b[0m\u0007',
  '\u009b31m C1 CSI',
  'RF-\u202e1000\u202c \u2066x\u2069',
  'zero\u200bwidth\u200d\ufeff',
  'two\nlines\r\n  1:1  error  forged',
  'lone \ud800 surrogate',
  'sep\u2028arators\u2029',
  '{{constructor.constructor}} =cmd|x!A0 [a](javascript:alert(1))',
];

function resultWith(s: string): CheckResult {
  return {
    asOf: '2026-11-01',
    summary: { files: 1, filesWithProblems: 1, errors: 1, warnings: 1 },
    results: [
      {
        filePath: `cases/${s}.md`,
        caseId: s,
        errorCount: 1,
        warningCount: 1,
        problems: [
          { ruleId: 'schema', severity: 'error', message: `unknown field ${s}`, line: 3, column: 5, path: `/${s}` },
          { ruleId: `x/${s}`, severity: 'warning', message: s, line: 4, column: 1 },
        ],
      },
    ],
  };
}

const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;

/** A strict-enough XML check with no parser to hand: tags, attributes and text each well formed. */
function assertWellFormedXml(xml: string): void {
  expect(xml.isWellFormed()).toBe(true);
  expect(xml).not.toMatch(RAW_UNSAFE);
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, '');
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<>]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(last, m.index);
    expect(text).not.toMatch(/[<>]|&(?!(?:amp|lt|gt|quot|apos|#x[0-9A-F]+);)/);
    last = m.index! + m[0].length;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(present(m[2]));
    for (const [, value] of present(m[3]).matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#x[0-9A-F]+);)/);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe.each(HOSTILE)('check formats with %j', (s) => {
  const result = resultWith(s);

  it('json: valid, the same strings back, nothing raw that a terminal acts on', () => {
    const out = formatJson(result);
    expect(out).not.toMatch(RAW_UNSAFE);
    const parsed = JSON.parse(out);
    expect(parsed.files[0].caseId).toBe(s);
    expect(parsed.files[0].problems[1].message).toBe(s);
  });

  it('sarif: valid JSON, nothing raw, the file name as a URI', () => {
    const out = formatSarif(result, [{ id: 'schema', description: 'schema' }], '0.1.0', { cwd: '/work' });
    expect(out).not.toMatch(RAW_UNSAFE);
    const sarif = JSON.parse(out);
    const uri: string = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/);
  });

  it('junit: well-formed XML', () => {
    assertWellFormedXml(formatJunit(result));
  });

  it('stylish: control and bidi characters shown as escapes, no forged lines', () => {
    const plain = formatStylish(result, new Chalk({ level: 0 }));
    expect(plain).not.toMatch(RAW_UNSAFE);
    expect(plain.split('\n')).toHaveLength(6);
    // with colour on, the only escapes are chalk's own SGR codes
    const coloured = formatStylish(result, new Chalk({ level: 1 }));
    expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_UNSAFE);
  });
});

describe('check formats with any string (property)', () => {
  it('json and junit stay valid and stylish stays inert', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const result = resultWith(s);
        JSON.parse(formatJson(result));
        JSON.parse(formatSarif(result, [], '0.1.0', { cwd: '/work' }));
        assertWellFormedXml(formatJunit(result));
        expect(formatStylish(result, new Chalk({ level: 0 }))).not.toMatch(RAW_UNSAFE);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
