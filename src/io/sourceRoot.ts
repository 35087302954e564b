// The folder machine-readable check output names files from: the root of the git
// repository the run is in (where code scanning and CI annotations resolve paths),
// else the working folder.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The nearest folder at or above `cwd` holding `.git` (a folder, or a file in a worktree), else `cwd`. */
export function sourceRoot(cwd: string): string {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
