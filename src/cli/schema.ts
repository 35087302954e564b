// `reunify schema [--out DIR]`: the case, stage and config schemas, merged with
// the local config's additions, for editors and other tools.
import type { Command } from 'commander';
import { writeErr, writeOut, type CommonOptions } from './shared.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description("export the JSON schemas (case, stage gates, config), extended with the local config's additions")
    .argument('[dir]', 'caseload folder whose reunify.config.yaml applies (default: the current folder)')
    .option('-o, --out <dir>', 'write every schema file into this folder instead of printing the case schema')
    .option('--config <file>', 'use this reunify.config.yaml')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify schema > case.schema.json
  $ reunify schema examples/caseload --out .vscode/reunify-schemas`,
    )
    .action(async (dir: string | undefined, flags: CommonOptions & { out?: string }) => {
      const { loadConfig } = await import('../io/loadConfig.js');
      const { domainIdsOf, CONFIG_SCHEMA } = await import('../core/config.js');
      const { exportedSchemas } = await import('../core/schemas.js');
      const { config } = loadConfig({ configPath: flags.config, paths: dir ? [dir] : [] });
      const schemas: Record<string, object> = { ...exportedSchemas(domainIdsOf(config)), 'config.schema.json': CONFIG_SCHEMA };
      if (!flags.out) {
        writeOut(JSON.stringify(schemas['case.schema.json'], null, 2) + '\n');
        return;
      }
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      mkdirSync(flags.out, { recursive: true });
      for (const [name, schema] of Object.entries(schemas)) {
        writeFileSync(join(flags.out, name), JSON.stringify(schema, null, 2) + '\n');
      }
      if (!flags.quiet) writeErr(`wrote ${Object.keys(schemas).length} schemas to ${flags.out}\n`);
    });
}
