// The command-line entry: commander wiring only. Each command's work lives in
// src/app and is imported when it runs, so `reunify --version` loads no schemas,
// Ajv or Handlebars. `run` is the whole program for one command line in a given
// environment (tests call it in-process); `main` runs it in the real process.
import { Command, CommanderError } from 'commander';
import { registerAdvance } from './advance.js';
import { registerCheck } from './check.js';
import { registerClassify } from './classify.js';
import { registerCompletion } from './completion.js';
import { registerCosts } from './costs.js';
import { registerInit } from './init.js';
import { registerNew } from './new.js';
import { registerRedact } from './redact.js';
import { registerReport } from './report.js';
import { registerScaffold } from './scaffold.js';
import { registerSchema } from './schema.js';
import { registerTask } from './task.js';
import { registerSignoff } from './signoff.js';
import { registerStatus } from './status.js';
import { registerSupervise } from './supervise.js';
import { EXIT, PACKAGE_VERSION, UsageError, writeErr, writeOut } from '../app/shared.js';
import { guardStdout, processEnv, withEnv, type AppEnv } from '../app/env.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('reunify')
    .description('Check, track and report return-home work under the NSPCC Reunification Practice Framework')
    .version(PACKAGE_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => writeOut(s), writeErr: (s) => writeErr(s) })
    .addHelpText(
      'after',
      `
Examples:
  $ reunify check examples/caseload --as-of 2026-11-01
  $ reunify init my-caseload
  $ reunify schema --out .vscode/reunify-schemas`,
    );
  registerCheck(program);
  registerClassify(program);
  registerInit(program);
  registerReport(program);
  registerSchema(program);
  registerNew(program);
  registerTask(program);
  registerAdvance(program);
  registerStatus(program);
  registerSignoff(program);
  registerCosts(program);
  registerScaffold(program);
  registerRedact(program);
  registerSupervise(program);
  registerCompletion(program);
  usageAfterError(program, 'reunify');
  return program;
}

/** After a wrong option or argument, one line of usage, not the whole help that would push the error off screen. */
function usageAfterError(command: Command, path: string): void {
  command.showHelpAfterError(`usage: ${path} ${command.usage()} (see ${path} --help)`);
  for (const sub of command.commands) usageAfterError(sub, `${path} ${sub.name()}`);
}

/** One command line (without `node` and the script), run in `env`: the exit code. Never exits the process. */
export async function run(args: readonly string[], env: AppEnv): Promise<number> {
  let code: number | undefined;
  const set = await withEnv(env, async () => {
    code = await parse(args);
  });
  return code !== undefined && code !== EXIT.ok ? code : (set ?? EXIT.ok);
}

/** The binary: the real process's arguments and environment; Ctrl-C exits 130, a closed stdout pipe ends quietly. */
export async function main(argv: string[]): Promise<number> {
  const env = processEnv();
  guardStdout(() => process.exit(process.exitCode ?? 0));
  process.on('SIGINT', () => process.exit(EXIT.interrupted));
  return run(argv.slice(2), env);
}

async function parse(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // `reunify` alone prints the help as an error (commander's exit code 1 for it): nothing was done
      if (err.code === 'commander.help' && err.exitCode !== 0) return EXIT.usage;
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.usage;
    }
    const { ConfigError } = await import('../app/errors.js');
    if (err instanceof ConfigError) {
      for (const p of err.problems) writeErr(`${err.filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}\n`);
      writeErr('reunify: the configuration is invalid\n');
      return EXIT.usage;
    }
    // Exit 1 means "problems found" and nothing else: whatever stopped the command is exit 2.
    // Messages can carry file names from the caseload: never let them drive the terminal.
    const { terminalText } = await import('../app/shared.js');
    const message = terminalText(err instanceof Error ? err.message : String(err));
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof (err as NodeJS.ErrnoException).errno === 'number' && typeof code === 'string') {
      // the system refused (permission, disk full, a folder where a file was expected): the setup, not reunify
      writeErr(`reunify: ${message} (${code})\n`);
      return EXIT.usage;
    }
    writeErr(
      `reunify: internal error: ${message}\n` +
        `This is a bug in reunify ${PACKAGE_VERSION}: please report it as "Reporting a problem" in its README.md says ` +
        '(the command you ran and this message; never a real case file).\n',
    );
    return EXIT.usage;
  }
}
