// `reunify costs [dir]`: the cost of failed returns against the cost of support,
// per child and (given a caseload folder) for its planned and actual returns, with
// the break-even improvement in successful returns. The arithmetic is shown.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runCostsCommand, type CostsFlags } from '../app/costs.js';

export function registerCosts(program: Command): void {
  program
    .command('costs')
    .description('the cost model: failed returns against support, and the break-even improvement in successful returns')
    .argument('[dir]', 'a caseload folder, to add its planned and actual returns (default: the per-child model only)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--preset <name>', 'cost figures to use: nspcc-2024 (default), holmes-2014, or one from your config')
    .option('--as-of <date>', "which returns count as planned or home (YYYY-MM-DD; default: the config's as_of, else today)")
    .option('-q, --quiet', 'no note on stderr about files left out')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Figures are national averages per child (docs/framework.md §1.4): a rough guide, not a
forecast. Put your own figures in reunify.config.yaml under costs.presets.

Examples:
  $ reunify costs
  $ reunify costs --preset holmes-2014 --format json
  $ reunify costs examples/caseload --as-of 2026-11-01`,
    )
    .action(async (dir: string | undefined, flags: CostsFlags) => {
      setExitCode(await runCostsCommand(dir, flags));
    });
}
