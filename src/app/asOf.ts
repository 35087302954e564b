// The date a command works "as of": --as-of, else the caseload config's `as_of`
// (a training pack records its exercise date there), else today.
import { notADate, parseIsoDate } from '../core/text/dates.js';
import { terminalText } from '../core/escape/terminal.js';
import { UsageError, cwd, parseAsOf, today } from './shared.js';

export async function resolveAsOf(flag: string | undefined, where: { paths: readonly string[]; configPath?: string }): Promise<string> {
  if (flag !== undefined) return parseAsOf(flag);
  const { loadConfig } = await import('../io/loadConfig.js');
  const { config, configPath } = loadConfig({ configPath: where.configPath, paths: where.paths, cwd: cwd() });
  if (config.as_of === null || config.as_of === undefined) return today();
  const date = parseIsoDate(config.as_of);
  if (date === undefined) throw new UsageError(`${configPath ?? 'config'}: ${notADate('as_of', terminalText(config.as_of))}`);
  return date;
}
