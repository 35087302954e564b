// A new folder of files on disk (a training pack, a redacted copy), written all
// at once. The folder is built beside the target and renamed into place, so a pack is
// either all there or not there at all; an existing folder must be empty.
import { mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { resolveInside } from './safeOutput.js';

export interface PackFile {
  /** Path inside the pack, '/'-separated. */
  path: string;
  text: string;
}

export class PackFolderError extends Error {}

/** Is `dir` missing, or an empty folder? Anything else is refused. */
function checkTarget(dir: string): 'missing' | 'empty' {
  let st;
  try {
    st = statSync(dir);
  } catch {
    return 'missing';
  }
  if (!st.isDirectory()) throw new PackFolderError(`${dir} exists and is not a folder; nothing was written`);
  if (readdirSync(dir).length > 0) throw new PackFolderError(`${dir} is not empty; give a new or empty folder with --out (nothing was written)`);
  return 'empty';
}

/** Write the files into a new folder `dir`, all or nothing. */
export function writePackFolder(dir: string, files: readonly PackFile[]): void {
  const target = resolve(dir);
  const state = checkTarget(target);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging);
  try {
    for (const file of files) {
      const path = resolveInside(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text, { flag: 'wx' });
    }
    if (state === 'empty') rmdirSync(target);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Write files made again into an existing pack folder (`reunify scaffold rebuild`): each
 * through a temporary file renamed into place, so none is left half-written. The
 * pack's case files are the trainer's and are never written here.
 */
export function replacePackFiles(dir: string, files: readonly PackFile[]): void {
  const target = resolve(dir);
  for (const file of files) {
    if (file.path.startsWith('cases/')) throw new PackFolderError(`${file.path} is a case file of the pack; rebuild never writes one`);
    const path = resolveInside(target, file.path);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
    try {
      writeFileSync(temporary, file.text, { flag: 'wx' });
      renameSync(temporary, path);
    } catch (err) {
      rmSync(temporary, { force: true });
      throw err;
    }
  }
}
