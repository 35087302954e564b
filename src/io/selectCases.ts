// Which config each case file goes by, as ESLint does it: the nearest
// reunify.config.yaml up from the file's own folder (or `--config FILE` for every
// file). Paths given in one run may so fall under different configs (a repository
// holding two teams' caseloads, a hook given the files of both): the files are
// grouped by config, and each group is discovered with its own `cases` and `ignore`
// (relative to that config's folder). A folder walked that holds a config of its own
// is not walked under the outer one: its files go by its own config.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReunifyConfig } from '../core/model/config.js';
import { findCases, type SkippedFile, type UnreadableFolder } from './findCases.js';
import { CONFIG_FILE_NAME, findConfigFile, loadConfig } from './loadConfig.js';

export interface CaseGroup {
  config: ReunifyConfig;
  /** The config file, when one was found or given. */
  configPath?: string;
  /** The folder the config applies to: its own folder, or the first path of the group without one. */
  root: string;
  /** Case files, sorted, relative to the working directory when inside it. */
  files: string[];
  unreadable: UnreadableFolder[];
}

export interface SelectedCases {
  /** One group per config, in the order the paths named them; empty groups are kept (a config was still read). */
  groups: CaseGroup[];
  /** Paths given that do not exist or cannot be read. */
  missing: string[];
  /** Files named on the command line and left out, each with the config whose `ignore` matched it (when that was why). */
  skipped: (SkippedFile & { configPath?: string })[];
}

/** Discover the case files of `paths` (default: the working folder), each under the config that applies to it. */
export function selectCases(paths: readonly string[], options: { configPath?: string; cwd?: string } = {}): SelectedCases {
  const cwd = resolve(options.cwd ?? process.cwd());
  const given = paths.length > 0 ? paths : ['.'];
  if (options.configPath !== undefined) {
    // one config for everything named: its globs, relative to its folder
    const { config, configPath, root } = loadConfig({ configPath: options.configPath, paths: given, cwd });
    const found = findCases(given, { glob: config.cases, ignore: config.ignore, cwd, base: configPath === undefined ? undefined : dirname(configPath) });
    return {
      groups: [{ config, configPath, root, files: found.files, unreadable: found.unreadable }],
      missing: found.missing,
      skipped: found.skipped.map((s) => ({ ...s, configPath })),
    };
  }
  const groups = new Map<string, CaseGroup & { all: Set<string> }>();
  const missing: string[] = [];
  const skipped: SelectedCases['skipped'] = [];
  const ownConfig = (dir: string) => existsSync(join(dir, CONFIG_FILE_NAME));
  const queue = [...given];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const abs = resolve(cwd, path);
    try {
      statSync(abs);
    } catch {
      missing.push(path);
      continue;
    }
    // a path with no config above it goes by the working folder's, as every command's first path does
    const configFile = findConfigFile(abs) ?? findConfigFile(cwd);
    const key = configFile ?? '';
    let group = groups.get(key);
    if (group === undefined) {
      const { config, configPath, root } = loadConfig({ configPath: configFile, paths: [path], cwd }); // configFile undefined: none found, the defaults
      group = { config, configPath, root, files: [], unreadable: [], all: new Set() };
      groups.set(key, group);
    }
    const found = findCases([path], {
      glob: group.config.cases,
      ignore: group.config.ignore,
      cwd,
      base: configFile === undefined ? undefined : dirname(configFile),
      ownConfig,
    });
    for (const f of found.files) group.all.add(f);
    group.unreadable.push(...found.unreadable);
    missing.push(...found.missing);
    skipped.push(...found.skipped.map((s) => ({ ...s, configPath: group.configPath })));
    queue.push(...found.nested);
  }
  const byPath = (a: string, b: string) => {
    const x = resolve(cwd, a);
    const y = resolve(cwd, b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return {
    groups: [...groups.values()].map(({ all, ...g }) => ({ ...g, files: [...all].sort(byPath) })),
    missing,
    skipped,
  };
}
