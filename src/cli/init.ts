// `reunify init [dir]`: a new caseload folder with a commented config and two
// fictional example cases to learn from.
import type { Command } from 'commander';
import { EXIT, writeErr, type CommonOptions } from './shared.js';

/** Example cases copied into a new caseload: one early in the work, one after the return. */
export const INIT_EXAMPLES = ['RF-0001.md', 'RF-0003.md'];

const CONFIG_TEMPLATE = `# reunify settings for this caseload. Every setting is optional: anything not
# named here keeps the shipped default (see \`reunify schema --out\` for the schema
# and docs/config.md for every setting with its default).

organisation: "My council (change me)"

# rules:
#   timeliness/stage-timescale: error
# timescales:
#   stage_weeks: { 1: 8, 2: 4, 3: 26, 4: 8, 5: 52 }
`;

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
      const { existsSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { PACKAGE_ROOT, CONFIG_FILE_NAME } = await import('../io/loadConfig.js');
      const configPath = join(dir, CONFIG_FILE_NAME);
      if (existsSync(configPath)) {
        writeErr(`reunify: ${configPath} already exists; nothing was changed\n`);
        process.exitCode = EXIT.problems;
        return;
      }
      const casesDir = join(dir, 'cases');
      const clashes = INIT_EXAMPLES.filter((f) => existsSync(join(casesDir, f)));
      if (clashes.length > 0) {
        writeErr(`reunify: ${clashes.map((f) => join(casesDir, f)).join(', ')} already exists; nothing was changed\n`);
        process.exitCode = EXIT.problems;
        return;
      }
      mkdirSync(casesDir, { recursive: true });
      writeFileSync(configPath, CONFIG_TEMPLATE, { flag: 'wx' });
      for (const f of INIT_EXAMPLES) copyFileSync(join(PACKAGE_ROOT, 'examples', 'caseload', 'cases', f), join(casesDir, f));
      if (!flags.quiet) {
        writeErr(`created ${configPath} and ${INIT_EXAMPLES.length} fictional example cases in ${casesDir}\n`);
        writeErr(`next: reunify check ${dir}\n`);
      }
    });
}
