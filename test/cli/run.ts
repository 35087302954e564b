// Runs the built binary the way a user does (npm test builds first).
import { execa } from 'execa';
import { resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '../../bin/reunify.js');
export const ROOT = resolve(import.meta.dirname, '../..');

export async function reunify(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = await execa('node', [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    extendEnv: true,
    reject: false,
    input: options.input ?? '',
    timeout: 30_000,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
