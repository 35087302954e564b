// check's results must not depend on which parser read a file: the fast path (js-yaml,
// with positions from its own reading) and the careful path alone give the same
// problems, messages and positions.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCaseload } from '../../bench/generate.mjs';
// @ts-expect-error plain JavaScript benchmark helper
import { generateVariedCaseload } from '../../bench/generate-varied.mjs';
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

  it('on 300 files of the varied benchmark caseload, where most files have problems', () => {
    const dir = generateVariedCaseload(300, 29, join(mkdtempSync(join(tmpdir(), 'reunify-varied-')), 'caseload')) as string;
    const { fast, careful, fastRead } = bothWays(mdFiles(dir), '2026-11-01');
    expect(fast).toEqual(careful);
    // every file but those with broken YAML is read, judged and positioned on the fast path,
    // and so is a file whose only YAML problem is a key written twice
    const yamlRules = (r: (typeof careful.results)[number]) => r.problems.filter((p) => p.ruleId.startsWith('yaml-')).map((p) => p.ruleId);
    const repeatsOnly = careful.results.filter((r) => yamlRules(r).length > 0 && yamlRules(r).every((id) => id === 'yaml-duplicate-key')).length;
    const broken = careful.results.filter((r) => yamlRules(r).some((id) => id !== 'yaml-duplicate-key')).length;
    expect(repeatsOnly).toBeGreaterThan(0);
    expect(broken).toBeGreaterThan(0);
    expect(fastRead).toBe(300 - broken);
    // schema errors, rule errors and warnings are all compared, with their positions
    const problems = careful.results.flatMap((r) => r.problems);
    expect(problems.filter((p) => p.ruleId === 'schema').length).toBeGreaterThan(30);
    expect(problems.filter((p) => p.ruleId !== 'schema' && !p.ruleId.startsWith('yaml-') && p.severity === 'error').length).toBeGreaterThan(30);
    expect(problems.filter((p) => p.severity === 'warning').length).toBeGreaterThan(100);
    expect(problems.every((p) => p.line !== undefined)).toBe(true);
  }, 60_000);
});
