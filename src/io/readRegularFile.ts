// Reading a file the tool did not write, safely: through one descriptor opened
// non-blocking (a FIFO swapped in after discovery cannot hang us), checked to be a regular
// file on that same descriptor, and never read past a limit even if the file grows
// meanwhile. Case files (loadCase.ts), the frozen copies they name (frozenCopies.ts), the
// config (loadConfig.ts), a names file (runReport.ts) and the check cache (checkCache.ts) are
// read this way.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type RegularFileRead =
  { bytes: Buffer; stat: { size: number; mtimeMs: number } } | { refused: 'not-a-regular-file' | 'too-large' } | { failed: unknown };

/** Read at most `maxBytes` (Infinity: no limit but the file's own end); `noFollow` refuses a symbolic link at the path itself. */
export function readRegularFile(filePath: string, maxBytes: number, options: { noFollow?: boolean } = {}): RegularFileRead {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: 'not-a-regular-file' };
    if (st.size > maxBytes) return { refused: 'too-large' };
    // not zero-filled: only the bytes read are ever looked at (the subarray returned)
    let buffer = Buffer.allocUnsafe(st.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { refused: 'too-large' };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { bytes: buffer.subarray(0, length), stat: { size: st.size, mtimeMs: st.mtimeMs } };
  } catch (err) {
    return { failed: err };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
