// The front-matter splitter: fences found by reunify itself, with no library that could
// evaluate a case file's front matter (gray-matter evaluates `---js`).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontMatterError, splitCase } from '../../src/core/parse/frontMatter.js';

const ROOT = join(import.meta.dirname, '../..');

function refusal(text: string): [string, number] | undefined {
  try {
    splitCase(text);
    return undefined;
  } catch (err) {
    if (!(err instanceof FrontMatterError)) throw err;
    return [err.ruleId, err.offset];
  }
}

describe('splitCase', () => {
  it('splits front matter and body with the offsets edits splice at (LF, CRLF, BOM, ---yaml, trailing spaces)', () => {
    const lf = splitCase('---\nid: RF-0001\n---\n# Body\n');
    expect([lf.frontMatter, lf.frontMatterStart, lf.frontMatterEnd, lf.body, lf.bodyStart, lf.eol]).toEqual(['id: RF-0001\n', 4, 16, '# Body\n', 20, '\n']);
    const crlf = splitCase('\ufeff---yaml\r\nid: RF-0001\r\n---  \r\nBody');
    expect([crlf.bom, crlf.eol, crlf.frontMatter, crlf.body]).toEqual([true, '\r\n', 'id: RF-0001\r\n', 'Body']);
    const empty = splitCase('---\n---\n');
    expect([empty.frontMatter, empty.body]).toEqual(['', '']);
    const commentsOnly = splitCase('---   \n# only a comment\n---');
    expect([commentsOnly.frontMatter, commentsOnly.body]).toEqual(['# only a comment\n', '']);
    // the body may hold its own `---` lines: only the first closes the front matter
    expect(splitCase('---\na: 1\n---\ntext\n---\nmore\n').body).toBe('text\n---\nmore\n');
  });

  it('refuses what is not YAML front matter closed by a line of three dashes, with the rule and offset', () => {
    expect(refusal('# no front matter\n')).toEqual(['front-matter-missing', 0]);
    expect(refusal('----\na: 1\n---\n')).toEqual(['front-matter-missing', 0]);
    expect(refusal('---js\nmodule.exports = {}\n---\n')).toEqual(['front-matter-language', 3]);
    expect(refusal('---coffee\na: 1\n---\n')).toEqual(['front-matter-language', 3]);
    expect(refusal('---\na: 1\n')).toEqual(['front-matter-unclosed', 0]);
    expect(refusal('---')).toEqual(['front-matter-unclosed', 0]);
    expect(refusal('---\na: 1\n----\n')).toEqual(['front-matter-unclosed', 9]);
    expect(refusal('---\na: 1\n---foo\nbody')).toEqual(['front-matter-unclosed', 9]);
  });

  it('needs no front-matter library: gray-matter is neither a dependency nor imported', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('gray-matter');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/gray-matter'))).toEqual([]);
    const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes("from 'gray-matter'"))).toEqual([]);
  });
});
