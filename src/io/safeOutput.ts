// File names and output paths built from case text: an id may hold path separators,
// `..`, control or reserved characters. The escapers for printed text are in
// src/core/escape/ (SECURITY.md, "Output safety").
import { createHash } from 'node:crypto';
import { UNSAFE_CHAR, terminalText } from '../core/escape/terminal.js';
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

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
  constructor(
    readonly dir: string,
    readonly name: string,
  ) {
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
