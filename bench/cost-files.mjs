// What the problem-file cost compares files by, shared by bench/run.mjs (pairing the halves,
// the caseload's own mix) and bench/file-cost.mjs (timing them, cost by kind).
import { readFileSync } from 'node:fs';

/** The bytes of a case file's front matter (the file's, when it has no closing fence). */
export function frontMatterBytes(file) {
  const text = readFileSync(file, 'utf8');
  const close = text.search(/\r?\n---[ \t]*\r?\n/);
  return Buffer.byteLength(close === -1 ? text : text.slice(0, close));
}

/**
 * A checked file's kind of problem, its worst: YAML the careful parser must read, a key
 * written twice (reported on the fast path), a schema error, else practice-rule problems.
 */
export function problemKind(result) {
  const ids = result.problems.map((p) => p.ruleId);
  if (ids.some((id) => id.startsWith('yaml-') && id !== 'yaml-duplicate-key')) return 'broken_yaml';
  if (ids.includes('yaml-duplicate-key')) return 'repeated_key';
  if (ids.includes('schema')) return 'schema';
  return ids.length > 0 ? 'rule' : 'clean';
}
