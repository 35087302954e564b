// The one way any `--out` file is written (reports, schemas, supervision records,
// status views): never over a case file, never over an existing file unless the
// user said --force, never outside the folder it is meant for, and never through a
// symbolic link that leads out of it. A file is replaced by writing a new file
// beside it and renaming it into place, so a reader never sees half a report.
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { FrontMatterError, splitCase } from '../core/parse/frontMatter.js';
import { terminalText } from '../core/escape/terminal.js';
import { OutsideFolderError, resolveInside } from './safeOutput.js';

/** Why an output file was not written; nothing was written. */
export class OutputRefusedError extends Error {
  constructor(
    message: string,
    /** The output would replace the case file or another case file: a usage mistake, not a failure. */
    readonly caseFile = false,
  ) {
    super(message);
    this.name = 'OutputRefusedError';
  }
}

export interface OutputOptions {
  /** Replace an existing file that is not a case file. */
  force?: boolean;
  /** Files the output is made from: it never replaces one of them. */
  sources?: readonly string[];
}

// a case file's front matter is bounded by the loader's limits; read no more than this to decide
const CASE_PROBE_BYTES = 4 * 1024 * 1024;

/** Does the file at `p` parse as a case file (front matter holding a `reunify` key)? */
export function isCaseFile(p: string): boolean {
  let text: string;
  try {
    const fd = openSync(p, 'r');
    try {
      const buf = Buffer.alloc(Math.min(statSync(p).size, CASE_PROBE_BYTES));
      const n = readSync(fd, buf, 0, buf.length, 0);
      text = buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  let frontMatter: string;
  try {
    frontMatter = splitCase(text).frontMatter;
  } catch (err) {
    if (err instanceof FrontMatterError) {
      // an unclosed fence still opens a case file when its first lines name it
      return /^\uFEFF?---[ \t]*(?:yaml)?[ \t]*\r?\n/.test(text) && /^reunify[ \t]*:/m.test(text);
    }
    return false;
  }
  try {
    const data: unknown = parse(frontMatter, { maxAliasCount: 0, uniqueKeys: false });
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return Object.hasOwn(data, 'reunify');
  } catch {
    // front matter that does not parse: judged by its keys as written
  }
  return /^reunify[ \t]*:/m.test(frontMatter);
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Refuses (throws) when `target` may not be written; true when a file is there to replace. */
function check(target: string, shown: string, options: OutputOptions): boolean {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return false;
  }
  if (st.isSymbolicLink()) {
    try {
      st = statSync(target);
    } catch {
      throw new OutputRefusedError(`${shown} is a symbolic link that leads nowhere; nothing was written`);
    }
  }
  if (st.isDirectory()) throw new OutputRefusedError(`${shown} is a folder; nothing was written`);
  if (!st.isFile()) throw new OutputRefusedError(`${shown} is not a regular file; nothing was written`);
  if ((options.sources ?? []).some((s) => sameFile(s, target))) throw new OutputRefusedError(`${shown} is the case file itself; choose another file`, true);
  if (isCaseFile(target)) throw new OutputRefusedError(`${shown} is a case file; output never replaces one`, true);
  if (!options.force) throw new OutputRefusedError(`${shown} already exists; nothing was written (give --force to replace it)`);
  return true;
}

function put(target: string, text: string, replace: boolean, shown: string): void {
  if (!replace) {
    try {
      // O_EXCL: fails on anything already there, a symbolic link included
      writeFileSync(target, text, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST')
        throw new OutputRefusedError(`${shown} already exists; nothing was written (give --force to replace it)`);
      throw err;
    }
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function makeFolder(dir: string, shown: string, shownPath = shown): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : (code ?? 'error');
    throw new OutputRefusedError(`${shown}: the folder ${terminalText(dirname(shownPath))} could not be made (${why}); nothing was written`);
  }
}

/**
 * Write `text` to the file `file` (`shown` is how the user wrote it, for messages).
 * Its folder is made if needed; the file itself may not be a link out of that folder.
 */
export function writeOutputFile(file: string, text: string, options: OutputOptions = {}, shown = file): string {
  const abs = resolve(file);
  const folder = dirname(abs);
  let target: string;
  try {
    target = resolveInside(folder, basename(abs));
  } catch (err) {
    if (err instanceof OutsideFolderError)
      throw new OutputRefusedError(`${terminalText(shown)} is a symbolic link that leads out of its folder; nothing was written`);
    throw err;
  }
  const replace = check(target, terminalText(shown), options);
  makeFolder(folder, terminalText(shown), shown);
  put(target, text, replace, terminalText(shown));
  return target;
}

export interface OutputEntry {
  /** A path inside the folder, built from sanitised components (safeFileName). */
  name: string;
  text: string;
}

/**
 * Write each file into the folder `dir`, after checking every one of them: all are
 * written or none is. A name that would land outside `dir` (through `..`, an
 * absolute path or a symbolic link) is refused.
 */
export function writeIntoFolder(dir: string, entries: readonly OutputEntry[], options: OutputOptions = {}, shown = dir): string[] {
  const root = resolve(dir);
  const planned: { target: string; replace: boolean; shown: string; shownRaw: string; text: string }[] = [];
  for (const e of entries) {
    let target: string;
    const entryShown = terminalText(join(shown, e.name));
    try {
      target = resolveInside(root, e.name);
    } catch (err) {
      if (err instanceof OutsideFolderError) throw new OutputRefusedError(`${entryShown} would land outside ${terminalText(shown)}; nothing was written`);
      throw err;
    }
    planned.push({ target, replace: check(target, entryShown, options), shown: entryShown, shownRaw: join(shown, e.name), text: e.text });
  }
  makeFolder(root, terminalText(shown), join(shown, '.'));
  for (const p of planned) {
    makeFolder(dirname(p.target), p.shown, p.shownRaw);
    put(p.target, p.text, p.replace, p.shown);
  }
  return planned.map((p) => p.target);
}

/** Why `file` may not be written now, or undefined (the same checks writeOutputFile makes first). */
export function outputRefusalAt(file: string, options: OutputOptions = {}, shown = file): string | undefined {
  try {
    const abs = resolve(file);
    resolveInside(dirname(abs), basename(abs));
    check(abs, terminalText(shown), options);
    return undefined;
  } catch (err) {
    if (err instanceof OutputRefusedError) return err.message;
    if (err instanceof OutsideFolderError) return `${terminalText(shown)} is a symbolic link that leads out of its folder; nothing was written`;
    throw err;
  }
}
