// Shared by the fast-locator tests: where the fast locator and the careful parser
// place every path of a front matter.
import { fastLocator } from '../../src/core/parse/fastLocate.js';
import { fastParse } from '../../src/core/parse/fastYaml.js';
import { locateRange, parseYamlText, type ParsedYaml } from '../../src/core/parse/strictYaml.js';

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
