// `reunify init [dir]`: a new caseload folder with a commented config and two
// fictional example cases to learn from.
import type { Command } from 'commander';
import { setExitCode, type CommonOptions } from '../app/shared.js';
import { runInit } from '../app/init.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a new caseload folder with a config file and two fictional example cases')
    .argument('[dir]', 'folder to create or fill (default: the current folder)', '.')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify init my-caseload
  $ reunify check my-caseload`,
    )
    .action(async (dir: string, flags: CommonOptions) => {
      setExitCode(await runInit(dir, flags));
    });
}
