// Splits a case file into its YAML front matter and markdown body, keeping the
// offsets needed to map positions back to the original text and to splice edits.
// The fences are found here, by hand: nothing in a case file is ever handed to a
// parser that could evaluate it, and any fence language other than YAML is refused.

export interface SplitCase {
  /** The file began with a UTF-8 byte order mark (stripped from `text`). */
  bom: boolean;
  /** The line ending the file uses (the first one found). */
  eol: '\n' | '\r\n';
  /** The whole file as a string, without the BOM. Offsets below index into it. */
  text: string;
  /** The YAML between the fences, from the start of the line after `---` to the start of the closing fence. */
  frontMatter: string;
  frontMatterStart: number;
  frontMatterEnd: number;
  /** Everything after the closing fence line. */
  body: string;
  bodyStart: number;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly ruleId: string,
    /** Offset into the BOM-stripped text where the problem is. */
    readonly offset: number,
  ) {
    super(message);
  }
}

function refuse(language: string): never {
  throw new FrontMatterError(`front matter language "${language}" is not supported; use YAML`, 'front-matter-language', 3);
}

/**
 * Split a decoded case file. Throws FrontMatterError when the file has no front
 * matter, the fence names another language, or the closing fence is missing.
 */
export function splitCase(decoded: string): SplitCase {
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const text = bom ? decoded.slice(1) : decoded;
  const firstNewline = text.indexOf('\n');
  const eol: '\n' | '\r\n' = firstNewline > 0 && text[firstNewline - 1] === '\r' ? '\r\n' : '\n';

  if (!text.startsWith('---') || text[3] === '-') {
    throw new FrontMatterError('no front matter: a case file starts with a line of three dashes (---)', 'front-matter-missing', 0);
  }
  const openLineEnd = firstNewline === -1 ? text.length : firstNewline;
  const openRest = text.slice(3, openLineEnd).replace(/\r$/, '');
  if (openRest.includes('\r')) {
    throw new FrontMatterError('the file uses CR-only (old Mac) line endings; save it with LF or CRLF line endings', 'front-matter-missing', 0);
  }
  const language = openRest.trim();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    // name a language only when it looks like one: the rest of the line is case text
    if (/^[A-Za-z][\w.+-]{0,19}$/.test(language)) refuse(language);
    throw new FrontMatterError('the opening fence must be --- alone on its line (or ---yaml)', 'front-matter-language', 3);
  }
  if (firstNewline === -1) {
    throw new FrontMatterError('front matter has no closing --- line', 'front-matter-unclosed', 0);
  }

  const frontMatterStart = firstNewline + 1;
  // The front matter ends at the first line that starts with `---` (checked below to be exactly that).
  const matterEnd = text.indexOf('\n---', 3);
  if (matterEnd === -1) {
    throw new FrontMatterError('front matter has no closing --- line', 'front-matter-unclosed', 0);
  }
  const closeStart = matterEnd + 1;
  let closeLineEnd = text.indexOf('\n', closeStart);
  if (closeLineEnd === -1) closeLineEnd = text.length;
  const closeLine = text.slice(closeStart, closeLineEnd).replace(/\r$/, '');
  if (!/^---[ \t]*$/.test(closeLine)) {
    throw new FrontMatterError('the closing fence must be a line of exactly three dashes (---)', 'front-matter-unclosed', closeStart);
  }
  const bodyStart = Math.min(text.length, closeLineEnd + 1);
  return {
    bom,
    eol,
    text,
    frontMatter: text.slice(frontMatterStart, closeStart),
    frontMatterStart,
    frontMatterEnd: closeStart,
    body: text.slice(bodyStart),
    bodyStart,
  };
}

/** Line starts of a text, for offset → line/column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (UTF-16 code units, as editors count) for an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // lo and mid stay within starts (lineStarts always gives at least the first line's)
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
