// Why the system refused a read, in the words the system uses, for messages that name a
// file or folder that could not be read: "EACCES: permission denied", never the path.

/** Words for common codes, for an error that carries a code but no system message. */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links encountered',
  EMFILE: 'too many open files',
  EIO: 'i/o error',
  EBUSY: 'resource busy or locked',
};

/** "EACCES: permission denied" from Node's "EACCES: permission denied, open '…'", without the path. */
export function systemReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  const said = /^([A-Z0-9]+: [^,]+),/.exec(typeof e?.message === 'string' ? e.message : '');
  if (said) return said[1]!;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === undefined) return 'error';
  return WORDS[code] ? `${code}: ${WORDS[code]}` : code;
}
