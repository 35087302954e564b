// What `report` reads from disk besides the case (opened with openCase): a names
// file, and where templates are.
import { dirname, join, resolve } from 'node:path';
import type { ReunifyConfig } from '../core/model/config.js';
import { lineStarts, positionAt } from '../core/parse/frontMatter.js';
import { decodeCaseBytes } from '../core/parse/screen.js';
import { parseYamlText } from '../core/parse/strictYaml.js';
import { PACKAGE_ROOT } from './loadConfig.js';
import { systemReason } from './systemReason.js';
import { readRegularFile } from './readRegularFile.js';

export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

export class NamesError extends Error {}

/**
 * A names file: a YAML map from refs ("Ms A", "Child A", "SW J.P.") to real
 * names. Read with the same strict YAML rules as case files; never stored anywhere.
 */
export function readNames(filePath: string): Map<string, string> {
  const read = readRegularFile(filePath, Infinity);
  if ('refused' in read) throw new NamesError(`${filePath}: not a regular file`);
  if ('failed' in read) throw new NamesError(`${filePath}: the names file could not be read (${systemReason(read.failed)})`);
  const bytes = read.bytes;
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) throw new NamesError(`${filePath}: ${decoded.problem.message}`);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const starts = lineStarts(text);
  const parsed = parseYamlText(text, 0, (o) => positionAt(starts, o), 'names file');
  const [p] = parsed.problems;
  if (p !== undefined) {
    throw new NamesError(`${filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}`);
  }
  const names = new Map<string, string>();
  for (const [ref, name] of Object.entries(parsed.data as Record<string, unknown>)) {
    // the message names the ref, never the value: it may be a real name
    if (typeof name !== 'string' || name.trim() === '') throw new NamesError(`${filePath}: the name for "${ref}" must be a non-empty string`);
    names.set(ref, name);
  }
  return names;
}

/** The override template folder: the option, else the config's `report.templates` relative to the config file. */
export function templatesDirOf(option: string | undefined, config: ReunifyConfig, configPath: string | undefined): string | undefined {
  if (option !== undefined) return resolve(option);
  const fromConfig = config.report?.templates;
  if (!fromConfig) return undefined;
  return resolve(configPath ? dirname(configPath) : process.cwd(), fromConfig);
}
