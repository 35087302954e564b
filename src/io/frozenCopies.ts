// Frozen copies on disk: where they go (the caseload root's `records/<case id>/`),
// writing them once and never over anything, and reading them back with their
// SHA-256. What a copy holds and which copy a report shows is decided in
// src/core/frozenRecords.ts.
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RECORDS_FOLDER } from '../core/workflow/frozenRecords.js';
import { writeIntoFolder } from './outputFile.js';
import { safeFileName } from './safeOutput.js';
import { systemReason } from './systemReason.js';
import { readRegularFile } from './readRegularFile.js';

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The caseload root: the folder of the config file the case uses, else the case file's own folder. */
export function caseloadRootOf(caseFile: string, configPath: string | undefined): string {
  return resolve(configPath ? dirname(configPath) : dirname(caseFile));
}

export interface PlannedCopy {
  /** Absolute path the copy will have. */
  target: string;
  /** As the sign-off entry keeps it: relative to the case file's folder, forward slashes. */
  path: string;
  text: string;
  sha256: string;
}

/**
 * Name the copies of one sign-off: `records/<case>/<base>.<ext>` under the root,
 * with `-2`, `-3` … added when any copy of that name is already kept (an earlier
 * copy is never replaced), or already `taken` by another sign-off written at the same time.
 */
export function planFrozenCopies(
  caseFile: string,
  root: string,
  caseId: string,
  products: readonly { base: (n: number) => string; ext: string; text: string }[],
  taken: ReadonlySet<string> = new Set(),
): PlannedCopy[] {
  const folder = join(resolve(root), RECORDS_FOLDER, safeFileName(caseId));
  const used = (target: string) => taken.has(target) || existsSync(target);
  let n = 1;
  while (products.some((p) => used(join(folder, `${p.base(n)}.${p.ext}`)))) n++;
  return products.map((p) => {
    const target = join(folder, `${p.base(n)}.${p.ext}`);
    return {
      target,
      path: relative(dirname(resolve(caseFile)), target)
        .split(sep)
        .join('/'),
      text: p.text,
      sha256: sha256Of(p.text),
    };
  });
}

/** Write every planned copy (new files only: nothing already there is replaced), all or none. */
export function writeFrozenCopies(root: string, copies: readonly PlannedCopy[]): string[] {
  const base = resolve(root);
  return writeIntoFolder(
    base,
    copies.map((c) => ({ name: relative(base, c.target), text: c.text })),
    {},
    base,
  );
}

/** Take back copies just written when the sign-off itself could not be recorded. */
export function removeFrozenCopies(targets: readonly string[]): void {
  for (const t of targets) rmSync(t, { force: true });
}

/** A frozen copy as the case file names it: its bytes, or why it cannot be read. */
export function readFrozenCopy(caseFile: string, path: string): { bytes: Buffer } | { missing: string } {
  const read = readRegularFile(resolve(dirname(resolve(caseFile)), path), Infinity);
  if ('bytes' in read) return { bytes: read.bytes };
  if ('refused' in read) return { missing: 'not a regular file' };
  const code = (read.failed as NodeJS.ErrnoException).code;
  return { missing: code === 'ENOENT' ? 'no such file' : systemReason(read.failed) };
}

/** The SHA-256 of a frozen copy, or why it cannot be read (what `check` needs). */
export function frozenCopyHash(caseFile: string, path: string): { sha256: string } | { missing: string } {
  const read = readFrozenCopy(caseFile, path);
  return 'bytes' in read ? { sha256: sha256Of(read.bytes) } : read;
}
