// `reunify costs [dir]`: the cost of failed returns against the cost of support,
// per child and (given a caseload folder) for its planned and actual returns, with
// the break-even improvement in successful returns. The arithmetic is shown.
import { appEnv } from './env.js';
import { EXIT, UsageError, makeColor, writeErr, writeOut, type CommonOptions, flagPathsFromCwd, fromCwd, cwd, writeOutHuman, safeStrings } from './shared.js';

export interface CostsFlags extends CommonOptions {
  format: 'text' | 'json';
  preset?: string;
  asOf?: string;
}

export async function runCostsCommand(dir: string | undefined, flags: CostsFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  if (dir !== undefined) dir = fromCwd(dir);
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: dir !== undefined ? [dir] : [], configPath: flags.config });
  const { costFigures, costSettingProblem, caseloadReturns } = await import('../core/status/costs.js');
  let config: import('../core/model/config.js').ReunifyConfig;
  let returns: import('../core/status/costs.js').CaseloadReturns | undefined;
  if (dir !== undefined) {
    const { existsSync, statSync } = await import('node:fs');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      writeErr(`reunify: ${dir}: no such folder\n`);
      return EXIT.usage;
    }
    const { openCaseload } = await import('../io/openCaseload.js');
    const { withCaseloadProgress } = await import('./progress.js');
    const caseload = await withCaseloadProgress(appEnv(), (onProgress) => openCaseload({ paths: [dir], configPath: flags.config, onProgress }));
    if (!flags.quiet) for (const s of caseload.skipped) writeErr(`reunify: ${s.filePath}: left out (${s.reason})\n`);
    config = caseload.config;
    returns = caseloadReturns(caseload.cases, asOf);
  } else {
    const { loadConfig } = await import('../io/loadConfig.js');
    config = loadConfig({ configPath: flags.config, cwd: cwd() }).config;
  }
  const problem = costSettingProblem(config, flags.preset);
  if (problem) throw new UsageError(flags.preset !== undefined ? `--preset: ${problem}` : `config costs.preset: ${problem}`);
  const figures = costFigures(config, flags.preset);
  const { formatCostsText, costsJson } = await import('../report/format/costs.js');
  if (flags.format === 'json') writeOut(JSON.stringify(costsJson(figures, returns, asOf), null, 2) + '\n');
  else {
    const color = makeColor(undefined, flags.color);
    writeOutHuman(formatCostsText(safeStrings(figures), safeStrings(returns), asOf, color, safeStrings(config.labels.levels)), color);
  }
  return EXIT.ok;
}
