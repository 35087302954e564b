// The one loader every command uses: read a case file's bytes safely, then hand them to
// the pure parser in src/core/parse/caseFile.ts (split, screen, parse with positions).
import { basename, extname } from 'node:path';
import type { Problem } from '../core/model/problem.js';
import { parseCaseBytes, unreadCase, type LoadedCase } from '../core/parse/caseFile.js';
import { LIMITS, fileProblem, fileTooLarge } from '../core/parse/screen.js';
import { readRegularFile } from './readRegularFile.js';
import { systemReason } from './systemReason.js';

export interface LoadOptions {
  /** Already-read bytes (e.g. from a worker or a test); otherwise the file is read. */
  bytes?: Buffer;
  /** Try the fast parser first; positions are then worked out only when asked for. */
  fast?: boolean;
}

/** A case file's bytes, or the problem that says why they could not be read. */
function readCaseBytes(filePath: string): { bytes: Buffer; stat: { size: number; mtimeMs: number } } | { problem: Problem } {
  const read = readRegularFile(filePath, LIMITS.maxFileBytes);
  if ('bytes' in read) return read;
  if ('failed' in read) return { problem: fileProblem('file-unreadable', `file could not be read (${systemReason(read.failed)})`) };
  return { problem: read.refused === 'too-large' ? fileTooLarge() : fileProblem('file-unreadable', 'not a regular file') };
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
