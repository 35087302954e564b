// check's results must not depend on which parser read a file: the fast path (js-yaml,
// with positions from its own reading and the careful parser confirming errors) and
// the careful path alone give the same problems, messages and positions.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCaseload } from '../../bench/generate.mjs';
import { checkCases } from '../../src/core/rules/check.js';
import { loadCase } from '../../src/io/loadCase.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { toCheckable } from '../../src/io/checkFile.js';

const mdFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));

function bothWays(files: string[], asOf: string) {
  const options = { asOf, config: defaultConfig() };
  const read = (fast: boolean) =>
    checkCases(
      files.map((f) => toCheckable(loadCase(f, { fast }))),
      options,
    );
  const parsers = files.map((f) => loadCase(f, { fast: true }).parser);
  return { fast: read(true), careful: read(false), fastRead: parsers.filter((p) => p === 'fast').length };
}

describe('check gives the same result whichever parser read each file', () => {
  it('on the examples and the broken examples', () => {
    const { fast, careful, fastRead } = bothWays([...mdFiles('examples/caseload'), ...mdFiles('examples/broken')], '2026-11-01');
    expect(fast).toEqual(careful);
    expect(fastRead).toBeGreaterThan(13);
    expect(careful.summary.errors).toBeGreaterThan(0);
    expect(careful.summary.warnings).toBeGreaterThan(0);
  });

  it('on a generated caseload of 400 cases', () => {
    const files = mdFiles(generateCaseload(400, 5) as string);
    const { fast, careful, fastRead } = bothWays(files, '2026-11-01');
    expect(fast).toEqual(careful);
    expect(fastRead).toBeGreaterThan(350);
    // problems of every kind are compared, with their positions
    expect(careful.summary.errors).toBeGreaterThan(0);
    expect(careful.results.filter((r) => r.warningCount > 0).length).toBeGreaterThan(10);
    expect(careful.results.flatMap((r) => r.problems).every((p) => p.line !== undefined)).toBe(true);
  }, 60_000);
});
