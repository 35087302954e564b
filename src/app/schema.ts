// `reunify schema [--out DIR]`: the case, stage and config schemas, merged with
// the local config's additions, for editors and other tools.
import { EXIT, cwd, writeErrHuman, writeOut, type CommonOptions, flagPathsFromCwd, fromCwd } from './shared.js';

export interface SchemaFlags extends CommonOptions {
  out?: string;
  force?: boolean;
}

export async function runSchema(dir: string | undefined, flags: SchemaFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  if (dir !== undefined) dir = fromCwd(dir);
  const { loadConfig } = await import('../io/loadConfig.js');
  const { domainIdsOf, CONFIG_SCHEMA } = await import('../core/model/config.js');
  const { exportedSchemas } = await import('../core/model/schemas.js');
  const { config } = loadConfig({ configPath: flags.config, paths: dir ? [dir] : [], cwd: cwd() });
  const schemas: Record<string, object> = { ...exportedSchemas(domainIdsOf(config)), 'config.schema.json': CONFIG_SCHEMA };
  if (!flags.out) {
    writeOut(JSON.stringify(schemas['case.schema.json'], null, 2) + '\n');
    return EXIT.ok;
  }
  const { writeOutputFiles } = await import('./output.js');
  const files = Object.entries(schemas).map(([name, schema]) => ({ name, text: JSON.stringify(schema, null, 2) + '\n' }));
  const code = await writeOutputFiles(flags.out, files, { force: flags.force });
  if (code !== EXIT.ok) return code;
  if (!flags.quiet) writeErrHuman(`wrote ${Object.keys(schemas).length} schemas to ${flags.out}\n`);
  return EXIT.ok;
}
