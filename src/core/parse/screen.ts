// Screening a case file (or config or answers file) before any parser runs: the
// documented size limits, the encoding, and the number of values in the front matter,
// each refused with one clear, positioned problem instead of exhausting memory.
import type { Problem } from '../model/problem.js';

/** Documented limits (docs/limits.md): bigger inputs get one clear error instead of exhausting memory. */
export const LIMITS = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFrontMatterBytes: 1024 * 1024,
  maxNestingDepth: 32,
  /** List items, map entries and flow items in one front matter (or config / answers file). */
  maxNodes: 50_000,
} as const;

/**
 * Where the front matter passes `LIMITS.maxNodes` values, found by one pass over the
 * text before any parser runs (so a 1 MiB `x: [1,1,1,…]` costs milliseconds, not
 * seconds and hundreds of MB): every line that is not blank or a comment, and every
 * item of a flow collection (`,` inside `[ ]` or `{ }`, outside quotes and comments)
 * counts, so the count is never below the number of values. Undefined within the limit.
 */
export function tooManyNodesAt(text: string, limit: number = LIMITS.maxNodes): number | undefined {
  // each character is counted at most twice (a line's first character, when it is also a
  // flow comma), so a text of up to limit / 2 characters is within the limit unread
  if (text.length * 2 <= limit) return undefined;
  let count = 0;
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      continue;
    }
    if (lineStart) {
      // a block entry: `- item` or `key:` (indentation skipped)
      let j = i;
      while (text.charCodeAt(j) === 32) j++;
      const d = text.charCodeAt(j);
      if (d !== 35 && d !== 10 && !Number.isNaN(d)) {
        if (++count > limit) return j;
      }
      lineStart = false;
      i = j - 1;
      continue;
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
      // a comment runs to the end of the line
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
    } else if (c === 34 || c === 39) {
      // a quoted scalar only where one can start; skip to its closing quote
      const prev = i > 0 ? text.charAt(i - 1) : '\n';
      if (!/[\s,[{:-]/.test(prev)) continue;
      for (i++; i < text.length; i++) {
        const q = text.charCodeAt(i);
        if (c === 34 && q === 92) i++;
        else if (q === c) {
          if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
          else break;
        }
      }
    } else if ((c === 91 || c === 123) && (depth > 0 || /[\s:-]/.test(text[i - 1] ?? ' '))) {
      // a flow collection opens only where a value starts (`x[1]` in plain text does not);
      // its depth is the nesting limit's business, its items are counted at their commas
      depth++;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 44 && depth > 0) {
      if (++count > limit) return i;
    }
  }
  return undefined;
}

/** Keys that would reach an object's prototype; both parsers refuse them. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A problem with the file as a whole (or at a position worked out by the caller). */
export function fileProblem(ruleId: string, message: string, line = 1, column = 1): Problem {
  return { ruleId, severity: 'error', message, line, column };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode bytes as UTF-8, refusing binary data, UTF-16 and invalid sequences with a clear message. */
export function decodeCaseBytes(bytes: Buffer): { text: string } | { problem: Problem } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { problem: fileProblem('file-encoding', 'file is UTF-16; save case files as UTF-8') };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { problem: fileProblem('file-encoding', 'file contains NUL bytes: it looks binary, not a markdown case file') };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { problem: fileProblem('file-encoding', 'file is not valid UTF-8') };
  }
}

/** The problem for a case file over `LIMITS.maxFileBytes`. */
export const fileTooLarge = (): Problem =>
  fileProblem('file-too-large', `file is larger than the ${LIMITS.maxFileBytes / 1024 / 1024} MiB limit for a case file`);
