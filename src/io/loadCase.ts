// The one loader every command uses: read a case file's bytes safely, then hand them to
// the pure parser in src/core/parse/caseFile.ts (split, screen, parse with positions).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Problem } from '../core/model/problem.js';
import { parseCaseBytes, unreadCase, type LoadedCase } from '../core/parse/caseFile.js';
import { LIMITS, fileProblem, fileTooLarge } from '../core/parse/screen.js';
import { systemReason } from './systemReason.js';

export interface LoadOptions {
  /** Already-read bytes (e.g. from a worker or a test); otherwise the file is read. */
  bytes?: Buffer;
  /** Try the fast parser first; positions are then worked out only when asked for. */
  fast?: boolean;
}

/**
 * Read at most the size limit through one descriptor: opened non-blocking (a FIFO
 * swapped in after discovery cannot hang us), checked to be a regular file on that
 * same descriptor, and never read past the limit even if the file grows meanwhile.
 */
function readCaseBytes(filePath: string): { bytes: Buffer; stat: { size: number; mtimeMs: number } } | { problem: Problem } {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: fileProblem('file-unreadable', 'not a regular file') };
    if (st.size > LIMITS.maxFileBytes) return { problem: fileTooLarge() };
    // not zero-filled: only the bytes read are ever looked at (the subarray returned)
    let buffer = Buffer.allocUnsafe(st.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > LIMITS.maxFileBytes) return { problem: fileTooLarge() };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, LIMITS.maxFileBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { bytes: buffer.subarray(0, length), stat: { size: st.size, mtimeMs: st.mtimeMs } };
  } catch (err) {
    return { problem: fileProblem('file-unreadable', `file could not be read (${systemReason(err)})`) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function loadCase(filePath: string, options: LoadOptions = {}): LoadedCase {
  const loaded = unreadCase(filePath, basename(filePath, extname(filePath)));
  let bytes = options.bytes;
  if (!bytes) {
    const read = readCaseBytes(filePath);
    if ('problem' in read) {
      loaded.problems.push(read.problem);
      return loaded;
    }
    bytes = read.bytes;
    loaded.stat = read.stat;
  }
  return parseCaseBytes(loaded, bytes, options.fast);
}
