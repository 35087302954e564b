// What a file with problems costs `check` against a clean file of the same size, once the
// process is running: the per-file work of `check` (read, parse, schemas and rules,
// positions, and the file's part of the JSON output) timed file by file in this one thread,
// after a warm-up over other files of the caseload, a file of each half in turn, over
// several rounds (medians). Also by kind of problem (a file's worst: broken YAML, a key
// written twice, a schema error, else practice-rule problems), each kind's time and
// front-matter bytes summed over the rounds. Run by bench/run.mjs; prints one JSON line.
//
//   node bench/file-cost.mjs <clean folder> <problem folder> <warm-up folder> [rounds]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { frontMatterBytes, problemKind } from './cost-files.mjs';

const [cleanDir, problemDir, warmDir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 5);
const dist = new URL('../dist/', import.meta.url);
const { checkOneFile } = await import(new URL('io/checkFile.js', dist));
const { caseCheckEnv } = await import(new URL('core/rules/check.js', dist));
const { loadConfig } = await import(new URL('io/loadConfig.js', dist));
const { jsonChunks } = await import(new URL('report/format/json.js', dist));
const { summarise } = await import(new URL('core/model/problem.js', dist));

const mdFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.md'))
    .map((f) => join(dir, String(f)))
    .sort();
// as in check's worker threads (serveFiles in src/io/casePool.ts): the environment as a plain object
process.env = { ...process.env };
const { config } = loadConfig({ paths: [cleanDir] });
const env = caseCheckEnv({ asOf: '2026-11-01', config });

const kindOf = new Map();
/** Everything check does for one file on its own, its share of the output included. */
function checkFile(file) {
  const { result } = checkOneFile(file, env);
  if (!kindOf.has(file)) kindOf.set(file, problemKind(result));
  let length = 0;
  for (const chunk of jsonChunks({ results: [result], summary: summarise([result]), asOf: '2026-11-01' })) length += chunk.length;
  return length;
}
const warm = mdFiles(warmDir);
const clean = mdFiles(cleanDir);
const problem = mdFiles(problemDir);
for (const f of warm) checkFile(f);
const byKind = {};
const timeOf = (file) => {
  const start = process.hrtime.bigint();
  checkFile(file);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (problemSet.has(file)) {
    const k = (byKind[kindOf.get(file)] ??= { files: 0, ms: 0, bytes: 0 });
    k.files++;
    k.ms += ms;
    k.bytes += bytesOf.get(file);
  }
  return ms;
};
const problemSet = new Set(problem);
const bytesOf = new Map(problem.map((f) => [f, frontMatterBytes(f)]));
const cleanBytes = clean.reduce((n, f) => n + frontMatterBytes(f), 0);
// a clean file and a file with problems in turn, so collections and the machine's ups and
// downs fall on both halves alike
const cleanMs = [];
const problemMs = [];
for (let r = 0; r < rounds; r++) {
  let c = 0;
  let p = 0;
  for (let i = 0; i < Math.max(clean.length, problem.length); i++) {
    // each half goes first every other time, so what one file leaves to collect falls on both
    if ((i + r) % 2 === 0) {
      if (i < clean.length) c += timeOf(clean[i]);
      if (i < problem.length) p += timeOf(problem[i]);
    } else {
      if (i < problem.length) p += timeOf(problem[i]);
      if (i < clean.length) c += timeOf(clean[i]);
    }
  }
  cleanMs.push(c);
  problemMs.push(p);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const k of Object.values(byKind)) k.files /= rounds;
console.log(
  JSON.stringify({
    warm: warm.length,
    clean: clean.length,
    problem: problem.length,
    cleanMs: median(cleanMs),
    problemMs: median(problemMs),
    // per kind: time and bytes summed over the rounds, against the clean half's over the rounds
    cleanMsAllRounds: cleanMs.reduce((a, b) => a + b, 0),
    cleanBytesAllRounds: cleanBytes * rounds,
    byKind,
  }),
);
