// What a file with problems costs `check` against a clean file of the same size, once the
// process is running: the per-file work of `check` (read, parse, schemas and rules,
// positions, and the file's part of the JSON output) timed in this one thread by CPU time,
// after a warm-up over other files of the caseload, alternating the two halves over
// several rounds. Run by bench/run.mjs; prints one JSON line.
//
//   node bench/file-cost.mjs <clean folder> <problem folder> <warm-up folder> [rounds]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

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
const { config } = loadConfig({ paths: [cleanDir] });
const env = caseCheckEnv({ asOf: '2026-11-01', config });

/** Everything check does for one file on its own, its share of the output included. */
function checkFile(file) {
  const { result } = checkOneFile(file, env);
  let length = 0;
  for (const chunk of jsonChunks({ results: [result], summary: summarise([result]), asOf: '2026-11-01' })) length += chunk.length;
  return length;
}
const cpuMs = (files) => {
  const start = process.cpuUsage();
  for (const f of files) checkFile(f);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const warm = mdFiles(warmDir);
const clean = mdFiles(cleanDir);
const problem = mdFiles(problemDir);
for (const f of warm) checkFile(f);
const cleanMs = [];
const problemMs = [];
for (let r = 0; r < rounds; r++) {
  cleanMs.push(cpuMs(clean));
  problemMs.push(cpuMs(problem));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(JSON.stringify({ warm: warm.length, clean: clean.length, problem: problem.length, cleanMs: median(cleanMs), problemMs: median(problemMs) }));
