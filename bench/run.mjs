// `npm run bench`: reunify check and status on a generated fictional caseload of
// 10,000 cases against the simplest honest single-threaded loop (bench/baseline.mjs),
// interleaved over several rounds. A benchmark, never a test: it reports, it does
// not fail on timing. Options: --rounds N (default 3), --cases N (default 10000),
// --scaling (also time check on 1,000 and 50,000 cases).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCaseload } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const rounds = Number(arg('--rounds', 3));
const cases = Number(arg('--cases', 10000));
const scaling = process.argv.includes('--scaling');
const AS_OF = '2026-11-01';
const bin = join(root, 'bin', 'reunify.js');
const probe = join(here, 'rss-probe.mjs');
const rssFile = join(mkdtempSync(join(tmpdir(), 'reunify-bench-')), 'rss');

function timed(args) {
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', probe, ...args], {
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, rssMb: rssKb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

console.log(`generating ${cases} fictional cases (cached between runs)…`);
const dir = generateCaseload(cases, 1);
const cacheDir = mkdtempSync(join(tmpdir(), 'reunify-bench-cache-'));
const touched = join(dir, 'team-00', 'BX-000001.md');
const original = readFileSync(touched, 'utf8');

const jobs = {
  baseline: () => timed([join(here, 'baseline.mjs'), dir]),
  check_cold: () => timed([bin, 'check', dir, '--as-of', AS_OF, '--format', 'json']),
  check_cache_one_changed: () => {
    appendFileSync(touched, '\n');
    return timed([bin, 'check', dir, '--as-of', AS_OF, '--format', 'json', '--cache-location', cacheDir]);
  },
  status: () => timed([bin, 'status', dir, '--as-of', AS_OF, '--format', 'json']),
  version: () => ({ ms: median(Array.from({ length: 10 }, () => timed([bin, '--version']).ms)), rssMb: NaN }),
  node_e_0: () => ({ ms: median(Array.from({ length: 10 }, () => timed(['-e', '0']).ms)), rssMb: NaN }),
};
const hasStatus = spawnSync(process.execPath, [bin, 'status', '--help'], { stdio: 'ignore' }).status === 0;
if (!hasStatus) delete jobs.status;

// Warm the cache once, untimed, so each timed cache run changes exactly one file.
timed([bin, 'check', dir, '--as-of', AS_OF, '--format', 'json', '--cache-location', cacheDir]);

const samples = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, job] of Object.entries(jobs)) samples[name].push(job());
    process.stdout.write(`round ${r + 1}/${rounds} done\n`);
  }
} finally {
  writeFileSync(touched, original);
}

const rows = Object.entries(samples).map(([name, s]) => ({
  name,
  median_ms: Math.round(median(s.map((x) => x.ms))),
  min_ms: Math.round(Math.min(...s.map((x) => x.ms))),
  peak_rss_mb: Number.isNaN(s[0].rssMb) ? null : Math.round(Math.max(...s.map((x) => x.rssMb))),
}));
const get = (n) => rows.find((r) => r.name === n)?.median_ms;
const ratios = {
  check_cold_vs_baseline: { value: get('check_cold') / get('baseline'), target: '<= 0.3' },
  check_cache_vs_baseline: { value: get('check_cache_one_changed') / get('baseline'), target: '<= 0.05' },
  status_vs_check_cold: hasStatus ? { value: get('status') / get('check_cold'), target: '<= 1.2' } : null,
  version_vs_node: { value: get('version') / get('node_e_0'), target: '<= 1.5' },
  check_cold_peak_rss_mb: { value: rows.find((r) => r.name === 'check_cold').peak_rss_mb, target: '<= 300' },
};

let scale = null;
if (scaling) {
  scale = {};
  for (const n of [1000, 10000, 50000]) {
    const d = generateCaseload(n, 1);
    const t = timed([bin, 'check', d, '--as-of', AS_OF, '--format', 'json']);
    scale[n] = { ms: Math.round(t.ms), ms_per_1000_cases: Math.round((t.ms / n) * 1000), peak_rss_mb: Math.round(t.rssMb) };
  }
}

console.log(`\n${cases} cases, ${rounds} rounds, ${availableParallelism()} cores, node ${process.version}\n`);
console.log('job                        median ms    min ms   peak RSS MB');
for (const r of rows) console.log(`${r.name.padEnd(26)} ${String(r.median_ms).padStart(9)} ${String(r.min_ms).padStart(9)} ${String(r.peak_rss_mb ?? '-').padStart(13)}`);
console.log('\nratio                         value    target');
for (const [k, v] of Object.entries(ratios)) if (v) console.log(`${k.padEnd(28)} ${(typeof v.value === 'number' ? v.value.toFixed(3) : v.value).toString().padStart(7)}    ${v.target}`);
if (scale) {
  console.log('\ncheck cold by caseload size');
  for (const [n, v] of Object.entries(scale)) console.log(`${n.padStart(6)} cases ${String(v.ms).padStart(8)} ms  ${v.ms_per_1000_cases} ms per 1,000  ${v.peak_rss_mb} MB`);
}
writeFileSync(join(here, 'results.json'), JSON.stringify({ date: new Date().toISOString(), cases, rounds, cores: availableParallelism(), node: process.version, rows, ratios, scaling: scale }, null, 2) + '\n');
console.log('\nwritten to bench/results.json');
