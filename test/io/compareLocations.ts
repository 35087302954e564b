// Shared by the fast-locator and plain-reader tests: where the fast locator (or the plain
// reader) and the careful parser place every path of a front matter.
import { isDeepStrictEqual } from 'node:util';
import { fastLocator } from '../../src/core/parse/fastLocate.js';
import { fastParse } from '../../src/core/parse/fastYaml.js';
import { readPlainYaml } from '../../src/core/parse/plainYaml.js';
import { duplicateKeyMessage, locateRange, parseYamlText, yamlProblemList, type ParsedYaml } from '../../src/core/parse/strictYaml.js';

/** Every path into `value`, plus one missing key or index under each map and list. */
export function everyPointer(value: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...everyPointer(v, `${base}/${i}`)));
    out.push(`${base}/${value.length}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...everyPointer(v, `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
    out.push(`${base}/no_such_key`);
  }
  return out;
}

/** Paths the fast locator placed differently from the careful parser, and how many it left to it. */
export function compareLocations(
  text: string,
  data = fastParse(text),
  careful: ParsedYaml = parseYamlText(text, 0, () => ({ line: 1, column: 1 }), 'front matter'),
): { differ: string[]; placed: number; steppedAside: number } {
  const result = { differ: [] as string[], placed: 0, steppedAside: 0 };
  if (data === undefined) return result;
  const locate = fastLocator(text);
  for (const pointer of everyPointer(data)) {
    const offset = locate?.(pointer);
    if (offset === undefined) {
      result.steppedAside++;
      continue;
    }
    result.placed++;
    const expected = (careful.doc ? locateRange(careful.doc, pointer)?.[0] : undefined) ?? 0;
    if (offset !== expected) result.differ.push(`${pointer}: ${offset} ≠ ${expected}`);
  }
  return result;
}

/** How the plain reader's reading of `text` compares with the careful one: 'refused', 'agree', or what differs. */
export function plainVersusCareful(text: string, careful?: ParsedYaml): string {
  const plain = readPlainYaml(text);
  if (!plain) return 'refused';
  if ('repeatedKeys' in plain) {
    // the careful reading's problems, each placed at its offset (as line), against the same list made from the plain reader's
    const offsets = parseYamlText(text, 0, (offset) => ({ line: offset, column: 1 }), 'front matter').problems;
    const { add, listed } = yamlProblemList(0, (offset) => ({ line: offset, column: 1 }), 'front matter');
    for (const offset of plain.repeatedKeys) add(offset, 'yaml-duplicate-key', duplicateKeyMessage('front matter'));
    return isDeepStrictEqual(listed(), offsets) ? 'agree' : `repeated keys differ: ${JSON.stringify(plain.repeatedKeys)} ≠ ${JSON.stringify(offsets)}`;
  }
  const reading = careful ?? parseYamlText(text, 0, () => ({ line: 1, column: 1 }), 'front matter');
  if (reading.problems.length > 0) return `read what the careful reader refuses: ${reading.problems[0]!.message}`;
  if (!isDeepStrictEqual(plain.data, reading.data)) return `data differ: ${JSON.stringify(plain.data)} ≠ ${JSON.stringify(reading.data)}`;
  for (const pointer of everyPointer(plain.data)) {
    const expected = (reading.doc ? locateRange(reading.doc, pointer)?.[0] : undefined) ?? 0;
    if (plain.locate(pointer) !== expected) return `${pointer} placed at ${plain.locate(pointer)}, careful at ${expected}`;
  }
  return 'agree';
}
