// Finding cases by id in a caseload: the folder of the nearest reunify.config.yaml
// (or a folder given), searched with the config's glob. Ids are compared ignoring
// letter case, as shared drives often do.
import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { ReunifyConfig } from '../core/model/config.js';
import { findCases, type UnreadableFolder } from './findCases.js';
import { findConfigFile } from './loadConfig.js';
import { loadCase } from './loadCase.js';

/** The caseload a folder belongs to: the nearest folder up from it with reunify.config.yaml, else the folder itself. */
export function caseloadRoot(dir: string): string {
  const config = findConfigFile(resolve(dir));
  return config ? dirname(config) : resolve(dir);
}

/** Case files in the caseload whose id (or, failing that, file name) is `id`, ignoring case. */
export function casesWithId(root: string, id: string, config: ReunifyConfig, cwd?: string): string[] {
  return searchCaseload(root, id, config, cwd).files;
}

/** casesWithId, and the folders that could not be searched. */
/** Files are named relative to `cwd` (default: the process's folder), and read from there. */
function searchCaseload(root: string, id: string, config: ReunifyConfig, cwd?: string): { files: string[]; unreadable: UnreadableFolder[] } {
  const { files, unreadable } = findCases([root], { glob: config.cases, ignore: config.ignore, cwd, base: root });
  const wanted = id.toLowerCase();
  const byStem = files.filter((f) => basename(f, extname(f)).toLowerCase() === wanted);
  const byId = files.filter((f) => {
    if (byStem.includes(f)) return false;
    const data = loadCase(cwd === undefined ? f : resolve(cwd, f)).data as { id?: unknown } | undefined;
    return typeof data?.id === 'string' && data.id.toLowerCase() === wanted;
  });
  return { files: [...byStem, ...byId], unreadable };
}

export type CaseArgument = { filePath: string } | { error: string };

/** `<case>` on the command line: a path to a case file, or a case id found in the caseload of the working folder. */
export function resolveCaseArgument(arg: string, config: ReunifyConfig, cwd = process.cwd()): CaseArgument {
  const asPath = resolve(cwd, arg);
  try {
    if (statSync(asPath).isFile()) return { filePath: arg };
  } catch {
    // not a file: try it as an id
  }
  if (/[\\/]/.test(arg) || arg.endsWith('.md')) return { error: `${arg}: no such case file` };
  const root = caseloadRoot(cwd);
  const { files: found, unreadable } = searchCaseload(root, arg, config, cwd);
  const first = found[0];
  if (first === undefined) {
    const unsearched = unreadable.map((u) => `${u.folder} (${u.reason})`).join(', ');
    const note = unsearched
      ? `; ${unreadable.length === 1 ? 'a folder' : 'folders'} could not be read, so ${unreadable.length === 1 ? 'it was' : 'they were'} not searched: ${unsearched}`
      : '';
    return { error: `no case with id ${arg} in the caseload ${root} (give the path to its file instead)${note}` };
  }
  if (found.length > 1) return { error: `more than one file has the case id ${arg}: ${found.join(', ')} (give the path to the file)` };
  return { filePath: first };
}
