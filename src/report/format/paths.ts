// File paths in machine-readable check output (SARIF, GitHub annotations, GitLab Code
// Quality): relative to the source root, with `/`, so a run from a subfolder still
// points at the right file.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface PathBase {
  /** The folder the results' relative paths are relative to (the run's working folder). */
  cwd: string;
  /** The folder output paths are relative to (the git repository root, else cwd). */
  root: string;
}

/** `filePath` (as a result names it) relative to `base.root`, with `/` separators. */
export function rootRelative(filePath: string, base: PathBase): string {
  const full = isAbsolute(filePath) ? filePath : resolve(base.cwd, filePath);
  const rel = relative(base.root, full);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}
