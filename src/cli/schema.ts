// `reunify schema [--out DIR]`: the case, stage and config schemas, merged with
// the local config's additions, for editors and other tools.
import type { Command } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runSchema, type SchemaFlags } from '../app/schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description("export the JSON schemas (case, stage gates, config), extended with the local config's additions")
    .argument('[dir]', 'caseload folder whose reunify.config.yaml applies (default: the current folder)')
    .option('-o, --out <dir>', 'write every schema file into this folder instead of printing the case schema')
    .option('--force', 'replace schema files already in the --out folder')
    .option('--config <file>', 'use this reunify.config.yaml')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify schema > case.schema.json
  $ reunify schema examples/caseload --out .vscode/reunify-schemas`,
    )
    .action(async (dir: string | undefined, flags: SchemaFlags) => {
      setExitCode(await runSchema(dir, flags));
    });
}
