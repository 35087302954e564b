// Tests that need something of the machine (a shell, a tool, a user who cannot read a
// file) ask for it once, before the tests are collected. Where it is missing the test is
// skipped, and says why twice: in its title (every report lists it) and in one line on
// stderr, so the run's output shows what was not tested.
import { spawnSync } from 'node:child_process';

/** Whether `command args…` runs here and exits 0. */
export function runs(command: string, args: readonly string[] = ['--version']): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

/** The title of a test skipped for `reason` (undefined: it runs), announced on stderr when skipped. */
export function unless(reason: string | undefined, title: string): string {
  if (reason === undefined) return title;
  process.stderr.write(`skipped: ${title}: ${reason}\n`);
  return `${title} [skipped: ${reason}]`;
}
