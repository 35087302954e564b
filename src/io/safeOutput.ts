// Case text is untrusted on the way out too: an id, key or file name may hold
// control characters, bidi overrides, path separators or markup. Every command
// that prints or writes case-derived strings goes through these (SECURITY.md,
// "Output safety").
import { createHash } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

// C0/C1 controls and DEL, format characters (bidi overrides and isolates, zero-width
// characters, BOM) and the Unicode line and paragraph separators.
const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/**
 * A case-derived string as it may be printed to a terminal: every control or
 * format character shown as a visible escape (`\x1b`, `\u202e`), so nothing in a
 * case file can move the cursor, recolour, clear the screen or reorder the line.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_CHAR, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
  });
}

/** Lines of text for a terminal: terminalText on everything but the line breaks and tabs that lay it out. */
export function terminalLines(s: string): string {
  return s
    .split(/(\r?\n|\t)/)
    .map((part, i) => (i % 2 === 1 ? part : terminalText(part)))
    .join('');
}

/**
 * Serialised JSON with the characters JSON.stringify leaves raw (DEL, C1 controls,
 * bidi and zero-width characters, U+2028/2029) written as \u escapes: the same
 * data, but safe to `cat` to a terminal or paste into a web page.
 */
export function asciiSafeJson(json: string): string {
  // C0 controls are already escaped inside strings; outside them, tabs and newlines are layout
  return json.replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${hex(c.charCodeAt(i), 4)}`;
    return out;
  });
}

/** Text for XML content and attributes: markup escaped, characters XML cannot hold dropped, invisible ones as character references. */
export function xmlText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters: the pattern removes them
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => `&#x${hex(c.codePointAt(0)!, 1).toUpperCase()};`);
}

/** Lone surrogates (which no UTF-8 output and no URI can carry) replaced by U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;
// bytes, leaving room for the hash and an extension within the common 255-byte limit
const MAX_NAME_BYTES = 150;

/**
 * A single file-name component for an id (plus `ext`, e.g. ".md"), safe on Linux,
 * macOS and Windows: no separators, no `..`, no leading dot or dash, no control,
 * format or reserved characters, no reserved device names, bounded length. A valid
 * case id comes back unchanged; anything that had to change gets a short hash of
 * the original so two different ids never share a file.
 */
export function safeFileName(id: string, ext = ''): string {
  let name = id
    .normalize('NFC')
    .replace(UNSAFE_CHAR, '_')
    .replace(/[/\\<>:"|?*]/g, '_')
    .replace(/^[.\-\s]+/, (m) => '_'.repeat(m.length))
    .replace(/[.\s]+$/, (m) => '_'.repeat(m.length));
  if (name === '') name = '_';
  if (WINDOWS_RESERVED.test(name)) name = '_' + name;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    const points = [...name.slice(0, MAX_NAME_BYTES * 2)];
    while (Buffer.byteLength(points.join('')) > MAX_NAME_BYTES) points.pop();
    name = points.join('');
  }
  if (name !== id) name += '-' + createHash('sha256').update(id).digest('hex').slice(0, 8);
  return name + ext;
}

export class OutsideFolderError extends Error {
  constructor(readonly dir: string, readonly name: string) {
    super(`refusing to write ${terminalText(JSON.stringify(name))}: it would land outside ${terminalText(dir)}`);
    this.name = 'OutsideFolderError';
  }
}

function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep);
}

/**
 * The path of `name` inside the output folder `dir`, or an OutsideFolderError when
 * it would land anywhere else: through `..`, an absolute path, or a symlink (in the
 * folders on the way, or the file itself) that points out of `dir`.
 */
export function resolveInside(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, name);
  if (name.includes('\0') || !isInside(root, target)) throw new OutsideFolderError(dir, name);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return target; // the folder does not exist yet: nothing in it can be a link
  }
  // the deepest part of the path that exists must resolve inside the folder
  for (let p = target; p !== root && isInside(root, p); p = dirname(p)) {
    let exists = true;
    try {
      lstatSync(p);
    } catch {
      exists = false;
    }
    if (!exists) continue;
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      throw new OutsideFolderError(dir, name); // a dangling or looping link
    }
    if (!isInside(realRoot, real)) throw new OutsideFolderError(dir, name);
    break;
  }
  return target;
}
