// Finds case files under a caseload folder: glob match on the path relative to the
// config's folder, skipping dot-folders and node_modules, never following a symlink out of the
// root (or round a loop), and never opening anything that is not a regular file.
// A folder that cannot be listed is reported, never passed over in silence: a
// practice lead must not take a partial check for the whole caseload. The globs are
// relative to the config file's folder (`base`), as ESLint's are, so `check .` and
// `check cases` from the caseload folder pick the same files; a file named on the
// command line is left out when `ignore` matches it or it is a frozen copy, and the
// caller says so.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isFrozenCopyPath } from '../core/workflow/frozenRecords.js';
import type { Problem } from '../core/model/problem.js';
import { systemReason } from './systemReason.js';
import { globMatcher } from './glob.js';

export interface UnreadableFolder {
  /** As files are named: relative to the working directory when inside it. */
  folder: string;
  /** The system's reason, e.g. "EACCES: permission denied". */
  reason: string;
}

export interface FoundCases {
  /** Case files, sorted, as paths relative to the working directory when inside it. */
  files: string[];
  /** Paths given on the command line that do not exist or cannot be read. */
  missing: string[];
  /** Folders that could not be listed, so any case files in them were not found. */
  unreadable: UnreadableFolder[];
  /** Files named on the command line and left out: matched by `ignore`, or a frozen copy of a signed-off product. */
  skipped: SkippedFile[];
  /** Folders under a folder walked that have a config of their own (`ownConfig`), not walked: their files go by that config. */
  nested: string[];
}

export interface SkippedFile {
  /** As given on the command line. */
  file: string;
  why: 'ignored' | 'frozen-copy';
}

export interface FindCasesOptions {
  /** Which files in a folder are case files (default `**\/*.md`). */
  glob?: string;
  /** Files that are not case files, folders walked or named alike. */
  ignore?: readonly string[];
  cwd?: string;
  /**
   * The folder the globs are relative to: the config file's folder. A file outside it
   * (a `--config` kept elsewhere) is matched relative to the folder walked, or, named
   * on its own, by its name. Without it, relative to the folder walked.
   */
  base?: string;
  /** A subfolder for which this is true is not walked but returned in `nested`. */
  ownConfig?: (dir: string) => boolean;
}

/** A path under a '/'-separated folder path ('' for none). */
function under(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`;
}

/** A folder as a frozen copy's path starts, relative to the folder above its `records/` folder: `records/<case>`. */
function frozenFolder(dir: string): string {
  return relative(dirname(dirname(dir)), dir)
    .split(sep)
    .join('/');
}

/** A frozen copy's path relative to the folder above its `records/` folder: `records/<case>/<file>`. */
function frozenRel(file: string): string {
  return under(frozenFolder(dirname(file)), basename(file));
}

/** `file` relative to `base` when inside it, else to `fallback`, '/'-separated. */
function relFor(file: string, base: string | undefined, fallback: string): string {
  return relative(base !== undefined && isInside(base, file) ? base : fallback, file)
    .split(sep)
    .join('/');
}

/** An unreadable folder as `check` reports it: the rule an unreadable file gets, at the same 1:1. */
export function unreadableFolderProblem(u: UnreadableFolder): Problem {
  return {
    ruleId: 'file-unreadable',
    severity: 'error',
    message: `folder could not be read (${u.reason}): any case files in it were left out`,
    line: 1,
    column: 1,
  };
}

function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

function display(p: string, cwd: string): string {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/**
 * Discover case files. Each path may be a folder (walked with `glob`) or a file
 * (taken as given, whatever its name).
 */
export function findCases(paths: readonly string[], options: FindCasesOptions = {}): FoundCases {
  const cwd = options.cwd ?? process.cwd();
  const base = options.base === undefined ? undefined : resolve(cwd, options.base);
  const include = globMatcher(options.glob ?? '**/*.md');
  const ignore = (options.ignore ?? []).map(globMatcher);
  const isIgnored = (rel: string) => ignore.some((re) => re.test(rel));
  const files = new Set<string>();
  const missing: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  const skipped: SkippedFile[] = [];
  const nested: string[] = [];
  // a folder every file under which is ignored (e.g. `archive/**`) may be unreadable: nothing in it was wanted
  const ignoredFolder = (rel: string) => ignore.some((re) => re.test(`${rel}/\u0000.md`) && re.test(`${rel}/\u0000/\u0000.md`));
  for (const given of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, given);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(given);
      continue;
    }
    if (st.isDirectory()) {
      let rootReal: string;
      try {
        rootReal = realpathSync(abs);
      } catch {
        missing.push(given);
        continue;
      }
      const walker: Walker = {
        rootReal,
        out: files,
        seen: new Set([rootReal]),
        relOf: (dir) => relFor(dir, base, abs),
        wanted: (rel) => include.test(rel) && !isIgnored(rel),
        ownConfig: options.ownConfig,
        nested,
        onUnreadable: (dir, err) => {
          const rel = relFor(dir, base, abs);
          if (dir !== abs && rel !== '' && ignoredFolder(rel)) return;
          unreadable.push({ folder: display(dir, cwd), reason: systemReason(err) });
        },
      };
      walk(abs, walker);
    } else if (isFrozenCopyPath(frozenRel(abs))) {
      skipped.push({ file: given, why: 'frozen-copy' });
    } else if (isIgnored(relFor(abs, base, dirname(abs)))) {
      skipped.push({ file: given, why: 'ignored' });
    } else {
      // A file named explicitly is checked whatever its name (the `cases` glob is for
      // folders), even if it is not a regular file: loadCase reports it.
      files.add(abs);
    }
  }
  return { files: [...files].sort().map((f) => display(f, cwd)), missing, unreadable, skipped, nested };
}

interface Walker {
  rootReal: string;
  out: Set<string>;
  seen: Set<string>;
  /** A folder walked, as the globs see it (relative to `base` when inside it, else to the folder given). */
  relOf(dir: string): string;
  /** Is a file, as the globs see it, a case file? */
  wanted(rel: string): boolean;
  ownConfig: ((dir: string) => boolean) | undefined;
  nested: string[];
  onUnreadable(dir: string, err: unknown): void;
}

function walk(dir: string, w: Walker): void {
  const { rootReal, out, seen } = w;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    w.onUnreadable(dir, err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // a file's paths, as the globs and the frozen-copy names see them, are the folder's and its
  // name: worked out once per folder instead of three path.relative calls per file
  const rel = w.relOf(dir);
  const frozenDir = frozenFolder(dir);
  for (const entry of entries) {
    const name = entry.name;
    const full = join(dir, name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        continue; // dangling link or loop
      }
      if (!isInside(rootReal, real)) continue;
      try {
        const st = lstatSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
      if (isDir) {
        if (seen.has(real)) continue;
        seen.add(real);
      }
    }
    if (isDir) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (w.ownConfig?.(full)) w.nested.push(full);
      else walk(full, w);
    } else if (isFile) {
      // a frozen copy of a signed-off product (records/<case>/decision-rc1_d2-2026-10-28.md) is not a case file
      if (w.wanted(under(rel, name)) && !isFrozenCopyPath(under(frozenDir, name))) out.add(full);
    }
    // FIFOs, sockets and devices are never opened.
  }
}
