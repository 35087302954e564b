// The fast parser (js-yaml) and the careful one (yaml) must read every file the
// same way, or the fast one must step aside: same data, same accept/reject verdict,
// and the same position for every path (src/core/parse/fastLocate.ts). Run over the
// examples, the hostile corpus and a generated caseload of thousands.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCaseload } from '../../bench/generate.mjs';
// @ts-expect-error plain JavaScript benchmark helper
import { generateCase } from '../../bench/generate-varied.mjs';
import { splitCase } from '../../src/core/parse/frontMatter.js';
import { decodeCaseBytes } from '../../src/core/parse/screen.js';
import { fastParse } from '../../src/core/parse/fastYaml.js';
import { parseYamlText } from '../../src/core/parse/strictYaml.js';
import { compareLocations, plainVersusCareful } from './compareLocations.js';
import { present } from '../present.js';

function mdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return mdFiles(p);
    return e.isFile() && e.name.endsWith('.md') && statSync(p).size < 2_000_000 ? [p] : [];
  });
}

/** Paths the fast locator left to the careful parser, over the files compared so far. */
let placedByCareful = 0;
/** Files the plain reader read (and agreed on), over the files compared so far. */
let plainRead = 0;

/** 'skip' when the file never reaches a parser; otherwise whether the two readings agree. */
function compare(file: string, positions = true): 'skip' | 'fast-stepped-aside' | 'agree' | string {
  const decoded = decodeCaseBytes(readFileSync(file));
  if ('problem' in decoded) return 'skip';
  return compareText(decoded.text, positions);
}

/** The same for a case file's text; 'fast-stepped-aside' only where the careful parser finds the YAML broken, with `brokenOnly`. */
function compareText(text: string, positions = true, brokenOnly = false): 'skip' | 'fast-stepped-aside' | 'agree' | string {
  let fm: string;
  try {
    fm = splitCase(text).frontMatter;
  } catch {
    return 'skip';
  }
  const fast = fastParse(fm);
  const careful = parseYamlText(fm, 0, () => ({ line: 1, column: 1 }), 'front matter');
  // the plain reader, which check tries first, agrees too or steps aside
  const plain = plainVersusCareful(fm, careful);
  if (plain === 'agree') plainRead++;
  else if (plain !== 'refused') return `plain reader: ${plain}`;
  if (fast === undefined) {
    return !brokenOnly || careful.problems.length > 0 ? 'fast-stepped-aside' : 'fast stepped aside from YAML the careful parser reads without a problem';
  }
  if (careful.problems.length > 0) return `fast accepted what the careful parser rejects (${present(careful.problems[0]).ruleId})`;
  if (!isDeepStrictEqual(fast, careful.data)) return 'fast and careful data differ';
  if (!positions) return 'agree';
  const { differ, steppedAside } = compareLocations(fm, fast, careful);
  if (differ.length > 0) return `positions differ at ${differ[0]}`;
  placedByCareful += steppedAside;
  return 'agree';
}

/** `positionsEvery`: compare positions on every n-th file only (generated cases repeat the examples' shapes). */
function tally(files: string[], positionsEvery = 1): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [i, f] of files.entries()) {
    const r = compare(f, i % positionsEvery === 0);
    const k = r === 'skip' || r === 'agree' || r === 'fast-stepped-aside' ? r : `${f}: ${r}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const disagreements = (t: Record<string, number>) => Object.keys(t).filter((k) => !['skip', 'agree', 'fast-stepped-aside'].includes(k));

describe('fast and careful parsers read case files the same way', () => {
  it('on every example and broken example', () => {
    plainRead = 0;
    const t = tally([...mdFiles('examples/caseload'), ...mdFiles('examples/broken')]);
    expect(disagreements(t)).toEqual([]);
    expect(t.agree).toBeGreaterThanOrEqual(13);
    // the plain reader reads every example case
    expect(plainRead).toBeGreaterThanOrEqual(14);
  });

  it('on the hostile corpus', () => {
    const t = tally(mdFiles('test/hostile'));
    expect(disagreements(t)).toEqual([]);
  });

  it('on a generated caseload of 1,000 cases', () => {
    const dir = generateCaseload(1000, 11) as string;
    placedByCareful = 0;
    plainRead = 0;
    const t = tally(mdFiles(dir), 10);
    expect(disagreements(t)).toEqual([]);
    expect(t.agree).toBeGreaterThan(950);
    expect(plainRead).toBeGreaterThan(950);
    // the fast locator places (nearly) every path of these files itself
    expect(placedByCareful).toBeLessThan(7);
  }, 120_000);

  it('on 300 files written the ways people write case files by hand (the varied benchmark caseload)', () => {
    // flow and block maps and lists, comments between entries and after values, quoted keys,
    // quoted strings over two lines, folded and literal strings, 2-4 space indents, CRLF
    placedByCareful = 0;
    plainRead = 0;
    const out: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const { text } = generateCase(23, i) as { text: string };
      const r = compareText(text, true, true);
      const k = r === 'skip' || r === 'agree' || r === 'fast-stepped-aside' ? r : `case ${i}: ${r}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    expect(disagreements(out)).toEqual([]);
    // the fast path reads every file whose YAML is sound; the careful parser reads only the broken ones
    expect(out.agree).toBeGreaterThan(270);
    expect(out['fast-stepped-aside']).toBeGreaterThan(0);
    // and the fast locator places every path of every file it read, without the careful parser
    expect(placedByCareful).toBe(0);
    // the plain reader reads them too (check tries it first)
    expect(plainRead).toBeGreaterThan(270);
  }, 60_000);
});
