// Runs the built binary the way a user does (npm test builds first).
import { execa } from 'execa';
import { resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '../../bin/reunify.js');
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The environment a spawned reunify gets: this process's, without the colour variables it
 * may have inherited (so pipes decide: no colour), plus `extra`. Setting them to '' is not the
 * same: Node 24 warns on stderr when NO_COLOR and FORCE_COLOR are both present.
 */
export function plainEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

export async function reunify(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = await execa('node', [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: plainEnv(options.env),
    extendEnv: false,
    reject: false,
    input: options.input ?? '',
    timeout: 30_000,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
