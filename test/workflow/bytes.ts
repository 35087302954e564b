// "Every untouched byte stays": lines the change did not touch are identical, and a
// line whose value changed keeps its key and its comment. The body may only gain text.
import { diffLines } from 'diff';
import { expect } from 'vitest';
import { present } from '../present.js';

const keyOf = (line: string) => /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^\s:#][^:#]*?):(?:\s|$)/.exec(line)?.[1];
const commentOf = (line: string) => /\s#\s.*$/.exec(line)?.[0].trim();

export function expectUntouchedBytesKept(before: string, after: string): void {
  const end = (t: string) => t.indexOf('\n---', 4);
  const [fmBefore, bodyBefore] = [before.slice(0, end(before)), before.slice(end(before))];
  const [fmAfter, bodyAfter] = [after.slice(0, end(after)), after.slice(end(after))];
  // body: only insertions
  for (const part of diffLines(bodyBefore, bodyAfter)) expect(part.removed, `body text removed: ${part.value}`).toBeFalsy();
  // front matter: removed lines come back with the same key and comment
  const parts = diffLines(fmBefore, fmAfter);
  parts.forEach((part, i) => {
    if (!part.removed) return;
    const added = parts[i + 1]?.added ? present(parts[i + 1]).value.split('\n') : [];
    part.value
      .split('\n')
      .filter((l) => l !== '')
      .forEach((line, j) => {
        const replacement = added[j];
        expect(replacement, `line removed and not replaced: ${line}`).toBeDefined();
        expect(keyOf(replacement!), `key changed on: ${line}`).toBe(keyOf(line));
        expect(commentOf(replacement!), `comment changed on: ${line}`).toBe(commentOf(line));
      });
  });
}
