// Splits a case file into its YAML front matter and markdown body, keeping the
// offsets needed to map positions back to the original text and to splice edits.
// gray-matter finds the fences, but every engine it knows is replaced by one that
// throws, so `---js` (which gray-matter would eval) can never run; we also refuse
// any fence language other than YAML before gray-matter sees the text.
import matter from 'gray-matter';

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

const THROWING_ENGINE = {
  parse(): never {
    throw new FrontMatterError('front matter language is not supported; use YAML', 'front-matter-language', 3);
  },
};

/** Every engine gray-matter ships or aliases, replaced: only our yaml capture stays. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- gray-matter's option types do not describe replacing every engine
function grayMatterOptions(capture: (raw: string) => void): any {
  const engines: Record<string, unknown> = {};
  for (const name of ['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml', 'yml']) {
    engines[name] = THROWING_ENGINE;
  }
  engines.yaml = {
    parse(raw: string) {
      capture(raw);
      return {};
    },
  };
  return { language: 'yaml', engines };
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
  let raw: string | undefined;
  let file: matter.GrayMatterFile<string>;
  try {
    // gray-matter slices its matter from just after `---<language>`, before the newline, up to the
    // first `\n---`. It is given the text only that far: it copies and hashes all it is given.
    const close = text.indexOf('\n---', 3);
    file = matter(close === -1 ? text : text.slice(0, close + 4), grayMatterOptions((r) => (raw = r)));
  } catch (err) {
    if (err instanceof FrontMatterError) throw err;
    throw new FrontMatterError('front matter could not be split', 'front-matter-missing', 0);
  }
  const matterText = raw ?? (file as unknown as { matter?: string }).matter ?? '';
  // matterText starts with the rest of the opening line (its newline); the YAML starts after it.
  // gray-matter skips the rest of the opening line only when it names a language (`---   ` names none).
  const afterOpen = 3 + (language === '' ? 0 : openRest.length);
  const matterEnd = afterOpen + matterText.length;
  if (matterEnd >= text.length || text.slice(matterEnd, matterEnd + 4) !== '\n---') {
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
