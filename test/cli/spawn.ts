// Runs the built binary as a separate process, for what only a process shows:
// the binary's exit code, start-up, a closed pipe, TTY and signals. Everything else
// goes through the in-process helper in run.ts.
import { execa } from 'execa';
import { BIN, ROOT, plainEnv } from './run.js';

export { BIN, ROOT };

export async function reunifyBinary(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; nodeArgs?: string[] } = {}) {
  const result = await execa('node', [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: plainEnv(options.env),
    extendEnv: false,
    reject: false,
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
