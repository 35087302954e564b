// Finds case files under a caseload folder: glob match on the path relative to the
// root, skipping dot-folders and node_modules, never following a symlink out of the
// root (or round a loop), and never opening anything that is not a regular file.
// A folder that cannot be listed is reported, never passed over in silence: a
// practice lead must not take a partial check for the whole caseload.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
}

/** An unreadable folder as `check` reports it: the rule an unreadable file gets, at the same 1:1. */
export function unreadableFolderProblem(u: UnreadableFolder): Problem {
  return { ruleId: 'file-unreadable', severity: 'error', message: `folder could not be read (${u.reason}): any case files in it were left out`, line: 1, column: 1 };
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
export function findCases(paths: readonly string[], options: { glob?: string; ignore?: readonly string[]; cwd?: string } = {}): FoundCases {
  const cwd = options.cwd ?? process.cwd();
  const include = globMatcher(options.glob ?? '**/*.md');
  const ignore = (options.ignore ?? []).map(globMatcher);
  const matcher = { test: (rel: string) => include.test(rel) && !ignore.some((re) => re.test(rel)) };
  const files = new Set<string>();
  const missing: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  // a folder every file under which is ignored (e.g. `archive/**`) may be unreadable: nothing in it was wanted
  const ignored = (rel: string) => ignore.some((re) => re.test(`${rel}/\u0000.md`) && re.test(`${rel}/\u0000/\u0000.md`));
  const onUnreadable = (dir: string, rel: string, err: unknown) => {
    if (rel !== '' && ignored(rel)) return;
    unreadable.push({ folder: display(dir, cwd), reason: systemReason(err) });
  };
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
      walk(abs, abs, rootReal, matcher, files, new Set([rootReal]), onUnreadable);
    } else {
      // A file named explicitly is checked even if it is not a regular file: loadCase reports it.
      files.add(abs);
    }
  }
  return { files: [...files].sort().map((f) => display(f, cwd)), missing, unreadable };
}

function walk(
  dir: string,
  root: string,
  rootReal: string,
  matcher: { test(rel: string): boolean },
  out: Set<string>,
  seen: Set<string>,
  onUnreadable: (dir: string, rel: string, err: unknown) => void,
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    onUnreadable(dir, relative(root, dir).split(sep).join('/'), err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
      walk(full, root, rootReal, matcher, out, seen, onUnreadable);
    } else if (isFile) {
      const rel = relative(root, full).split(sep).join('/');
      // a frozen copy of a signed-off product (records/<case>/decision-rc1_d2-2026-10-28.md) is not a case file
      if (matcher.test(rel) && !isFrozenCopyPath(relative(dirname(dirname(dir)), full).split(sep).join('/'))) out.add(full);
    }
    // FIFOs, sockets and devices are never opened.
  }
}
