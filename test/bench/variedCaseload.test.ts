import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCase, generateVariedCaseload, PROBLEM_RATES } from '../../bench/generate-varied.mjs';
import { reunify } from '../cli/run.js';

interface Problem {
  ruleId: string;
}
interface FileResult {
  filePath: string;
  problems: Problem[];
}

const COUNT = 300;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort();
}

/** The varied benchmark caseload has the mix of problems it claims, made the same way every time. */
describe('the varied benchmark caseload', () => {
  let dir: string;
  let results: FileResult[];

  beforeAll(async () => {
    dir = generateVariedCaseload(COUNT, 5, join(mkdtempSync(join(tmpdir(), 'reunify-varied-')), 'caseload')) as string;
    const run = await reunify(['check', dir, '--as-of', '2026-11-01', '--format', 'json'], { env: { NO_COLOR: '1' } });
    expect(run.exitCode).toBe(1);
    results = (JSON.parse(run.stdout) as { files: FileResult[] }).files;
  }, 120_000);

  const share = (test: (ps: Problem[]) => boolean) => results.filter((f) => test(f.problems)).length / results.length;
  const isYaml = (p: Problem) => p.ruleId.startsWith('yaml-');

  it('checks every generated file', () => {
    expect(results).toHaveLength(COUNT);
  });

  it('a few files have YAML errors (duplicate keys, bad indentation, unclosed quotes)', () => {
    const yaml = share((ps) => ps.some(isYaml));
    expect(yaml).toBeGreaterThanOrEqual(0.01);
    expect(yaml).toBeLessThanOrEqual(0.08);
    expect(PROBLEM_RATES.yaml).toBeLessThanOrEqual(0.08);
  });

  it('about a fifth have a schema error', () => {
    const schema = share((ps) => ps.some((p) => p.ruleId === 'schema'));
    expect(schema).toBeGreaterThanOrEqual(0.12);
    expect(schema).toBeLessThanOrEqual(0.28);
  });

  it('most have at least one practice-rule warning or error, and some are clean', () => {
    const rule = share((ps) => ps.some((p) => !isYaml(p) && p.ruleId !== 'schema'));
    expect(rule).toBeGreaterThanOrEqual(0.6);
    expect(rule).toBeLessThan(1);
    expect(results.filter((f) => f.problems.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('files are a few KB, mostly narrative, and cover every stage', () => {
    const texts = files(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const mean = texts.reduce((n, t) => n + t.length, 0) / texts.length;
    expect(mean).toBeGreaterThan(3000);
    expect(mean).toBeLessThan(15000);
    for (const stage of ['1', '2', '3', '4', '5', 'closed']) {
      expect(texts.some((t) => new RegExp(`^stage: ["']?${stage}["']?\\s*$`, 'm').test(t))).toBe(true);
    }
  });

  it('layouts vary: flow and block collections, comments, quoted keys, block scalars, indent widths', () => {
    const texts = files(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const some = (re: RegExp) => texts.filter((t) => re.test(t)).length;
    expect(some(/^\s+\w+: \{ /m)).toBeGreaterThan(10); // flow map
    expect(some(/: \[[^\]]/)).toBeGreaterThan(10); // flow sequence
    expect(some(/^\s*- \w+:/m)).toBeGreaterThan(10); // block sequence of maps
    expect(some(/^\s*# /m)).toBeGreaterThan(10); // comment lines between entries
    expect(some(/^\s*["']\w+["']:/m)).toBeGreaterThan(3); // quoted keys
    expect(some(/: [>|]-?\r?\n/)).toBeGreaterThan(10); // folded and literal strings
    expect(some(/^ {4}status:/m)).toBeGreaterThan(5); // four-space indentation
    expect(some(/^ {3}\w+:/m)).toBeGreaterThan(5); // three-space indentation
  });

  it('the same seed gives byte-identical files; another seed gives other files', () => {
    const again = generateVariedCaseload(COUNT, 5, join(mkdtempSync(join(tmpdir(), 'reunify-varied-')), 'caseload')) as string;
    const names = files(dir);
    expect(files(again)).toEqual(names);
    for (const f of names) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
    const other = generateCase(6, 0) as { text: string };
    expect(other.text).not.toBe((generateCase(5, 0) as { text: string }).text);
  });
});
