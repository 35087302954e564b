// A checked file's kind of problem, its worst: YAML the careful parser must read, a key
// written twice (reported on the fast path), a schema error, else practice-rule problems.
// Shared by bench/run.mjs (the caseload's own mix) and bench/file-cost.mjs (cost by kind).
export function problemKind(result) {
  const ids = result.problems.map((p) => p.ruleId);
  if (ids.some((id) => id.startsWith('yaml-') && id !== 'yaml-duplicate-key')) return 'broken_yaml';
  if (ids.includes('yaml-duplicate-key')) return 'repeated_key';
  if (ids.includes('schema')) return 'schema';
  return ids.length > 0 ? 'rule' : 'clean';
}
