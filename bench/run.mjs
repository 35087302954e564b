// `npm run bench`: reunify check and status on two generated fictional caseloads of
// 10,000 cases each, against the simplest honest single-threaded loop (bench/baseline.mjs),
// interleaved over several rounds. A benchmark, never a test: it reports, it does not
// fail on timing.
//
//   clean   bench/generate.mjs: the example cases with new ids, about 2% with a problem
//   varied  bench/generate-varied.mjs: written from the case-file contract, varied layouts,
//           most files with a rule problem, about a fifth with a schema error
//
// Options: --rounds N (default 3), --cases N (default 10000), --caseload clean|varied
// (default both), --scaling (also check and status at 1,000, 10,000 and 50,000 cases;
// other sizes with --scaling-sizes 1000,5000),
// --cost-files N (files in each half of the problem-file cost comparison, default 400).
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCaseload } from './generate.mjs';
import { frontMatterBytes, problemKind } from './cost-files.mjs';
import { generateVariedCaseload } from './generate-varied.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const rounds = Number(arg('--rounds', 3));
const cases = Number(arg('--cases', 10000));
const costFiles = Number(arg('--cost-files', 400));
const only = arg('--caseload', null);
const scaling = process.argv.includes('--scaling');
const scalingSizes = String(arg('--scaling-sizes', '1000,10000,50000')).split(',').map(Number);
const AS_OF = '2026-11-01';
const bin = join(root, 'bin', 'reunify.js');
const probe = join(here, 'rss-probe.mjs');
const work = mkdtempSync(join(tmpdir(), 'reunify-bench-'));
const rssFile = join(work, 'rss');
const started = Date.now();

function run(args) {
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', probe, ...args], {
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const probed = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { maxRssKb: NaN, cpuMs: NaN };
  return { ms, rssMb: probed.maxRssKb / 1024, cpuMs: probed.cpuMs, stdout: r.stdout };
}
const timed = (args) => {
  const { ms, rssMb, cpuMs } = run(args);
  return { ms, rssMb, cpuMs };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const check = (dir, ...more) => [bin, 'check', dir, '--as-of', AS_OF, '--format', 'json', ...more];
const status = (dir) => [bin, 'status', dir, '--as-of', AS_OF, '--format', 'json'];
const hasStatus = spawnSync(process.execPath, [bin, 'status', '--help'], { stdio: 'ignore' }).status === 0;

const caseloads = {
  clean: (n) => generateCaseload(n, 1),
  varied: (n) => generateVariedCaseload(n, 1),
};
const names = only ? [only] : Object.keys(caseloads);

/**
 * Two small caseloads of equal size from `dir`: files check finds clean, and files with at
 * least one problem, each problem file matched to a clean one whose front matter is of nearly
 * the same byte size.
 * Their check times, less the cost of checking an empty caseload, compare what a file with
 * problems costs against a clean one (cold: each run starts the worker threads, loads the
 * code a problem needs and compiles it, for a few hundred files).
 *
 * The same halves are also timed file by file in one running process, after a warm-up set
 * of 1,000 other files of the caseload (bench/file-cost.mjs): what each file costs once the
 * process is running, as a file in a real caseload is checked.
 */
function costSubsets(name, dir) {
  const out = JSON.parse(run(check(dir)).stdout.toString());
  // the caseload's own files with problems, by kind (bench/cost-files.mjs)
  const mix = {};
  for (const f of out.files) {
    const kind = problemKind(f);
    if (kind !== 'clean') mix[kind] = (mix[kind] ?? 0) + 1;
  }
  // matched by the size of the front matter, the part check reads through: two files of one
  // size can differ twice over in how much of them is YAML and how much narrative
  const sized = (f) => ({ path: resolve(root, f.filePath), bytes: frontMatterBytes(resolve(root, f.filePath)) });
  const clean = out.files
    .filter((f) => f.problems.length === 0)
    .map(sized)
    .sort((a, b) => a.bytes - b.bytes);
  const problem = out.files
    .filter((f) => f.problems.length > 0)
    .map(sized)
    .sort((a, b) => a.bytes - b.bytes);
  // Each sampled clean file is paired with the unused problem file nearest in size, within 10%.
  const pairs = [];
  const used = new Set();
  const step = Math.max(1, Math.floor(clean.length / costFiles));
  for (let i = 0; i < clean.length && pairs.length < costFiles; i += step) {
    let best = -1;
    for (let j = 0; j < problem.length; j++) {
      if (used.has(j)) continue;
      if (best === -1 || Math.abs(problem[j].bytes - clean[i].bytes) < Math.abs(problem[best].bytes - clean[i].bytes)) best = j;
      if (problem[j].bytes > clean[i].bytes) break;
    }
    if (best === -1 || Math.abs(problem[best].bytes - clean[i].bytes) > clean[i].bytes * 0.1) continue;
    used.add(best);
    pairs.push([clean[i], problem[best]]);
  }
  const write = (which, list) => {
    const d = join(work, `${name}-${which}`);
    mkdirSync(d, { recursive: true });
    copyFileSync(join(dir, 'reunify.config.yaml'), join(d, 'reunify.config.yaml'));
    for (const f of list) copyFileSync(f.path, join(d, basename(f.path)));
    return { dir: d, files: list.length, bytes: list.reduce((n, f) => n + f.bytes, 0) };
  };
  const taken = new Set(pairs.flatMap((p) => [p[0].path, p[1].path]));
  const rest = out.files.map((f) => resolve(root, f.filePath)).filter((f) => !taken.has(f));
  const warmList = rest.filter((_, i) => i % Math.max(1, Math.floor(rest.length / 1000)) === 0).slice(0, 1000);
  const warm = join(work, `${name}-warm`);
  mkdirSync(warm, { recursive: true });
  for (const f of warmList) copyFileSync(f, join(warm, basename(f)));
  const empty = join(work, 'empty');
  mkdirSync(empty, { recursive: true });
  copyFileSync(join(dir, 'reunify.config.yaml'), join(empty, 'reunify.config.yaml'));
  return {
    clean: write(
      'clean',
      pairs.map((p) => p[0]),
    ),
    problem: write(
      'problem',
      pairs.map((p) => p[1]),
    ),
    empty,
    warm,
    mix,
  };
}

const jobs = {};
const restore = [];
const cost = {};
const warmCost = {};
for (const name of names) {
  console.log(`generating ${cases} ${name} cases (cached between runs)…`);
  const dir = caseloads[name](cases);
  const cacheDir = mkdtempSync(join(tmpdir(), 'reunify-bench-cache-'));
  const touched = join(dir, 'team-00', name === 'clean' ? 'BX-000001.md' : 'VX-000001.md');
  const original = readFileSync(touched, 'utf8');
  restore.push(() => writeFileSync(touched, original));
  restore.push(() => rmSync(cacheDir, { recursive: true, force: true }));
  jobs[`${name}/baseline`] = () => timed([join(here, 'baseline.mjs'), dir]);
  jobs[`${name}/check_cold`] = () => timed(check(dir));
  jobs[`${name}/check_cache_one_changed`] = () => {
    appendFileSync(touched, '\n');
    return timed(check(dir, '--cache-location', cacheDir));
  };
  if (hasStatus) jobs[`${name}/status`] = () => timed(status(dir));
  // Warm the cache once, untimed, so each timed cache run changes exactly one file.
  timed(check(dir, '--cache-location', cacheDir));
  const subsets = costSubsets(name, dir);
  if (subsets.clean.files > 0) {
    cost[name] = subsets;
    jobs[`${name}/cost_empty`] = () => timed(check(subsets.empty, '--allow-empty'));
    jobs[`${name}/cost_clean_files`] = () => timed(check(subsets.clean.dir));
    jobs[`${name}/cost_problem_files`] = () => timed(check(subsets.problem.dir));
    warmCost[name] = [];
    jobs[`${name}/cost_warm`] = () => {
      const r = run([join(here, 'file-cost.mjs'), subsets.clean.dir, subsets.problem.dir, subsets.warm]);
      warmCost[name].push(JSON.parse(r.stdout.toString()));
      return { ms: r.ms, rssMb: NaN, cpuMs: NaN };
    };
  }
}
jobs.version = () => ({ ms: median(Array.from({ length: 10 }, () => timed([bin, '--version']).ms)), rssMb: NaN });
jobs.node_e_0 = () => ({ ms: median(Array.from({ length: 10 }, () => timed(['-e', '0']).ms)), rssMb: NaN });

const samples = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, job] of Object.entries(jobs)) samples[name].push(job());
    process.stdout.write(`round ${r + 1}/${rounds} done\n`);
  }
} finally {
  for (const f of restore) f();
}

const rows = Object.entries(samples).map(([name, s]) => ({
  name,
  median_ms: Math.round(median(s.map((x) => x.ms))),
  min_ms: Math.round(Math.min(...s.map((x) => x.ms))),
  peak_rss_mb: Number.isNaN(s[0].rssMb) ? null : Math.round(Math.max(...s.map((x) => x.rssMb))),
  median_cpu_ms: s[0].cpuMs === undefined || Number.isNaN(s[0].cpuMs) ? null : Math.round(median(s.map((x) => x.cpuMs))),
}));
const get = (n) => rows.find((r) => r.name === n)?.median_ms;
const rss = (n) => rows.find((r) => r.name === n)?.peak_rss_mb;
const ratios = {};
for (const name of names) {
  const p = (k) => `${name}/${k}`;
  ratios[p('check_cold_vs_baseline')] = { value: get(p('check_cold')) / get(p('baseline')), target: name === 'clean' ? '<= 0.27 (aim 0.15)' : '<= 0.3' };
  ratios[p('check_cache_vs_baseline')] = { value: get(p('check_cache_one_changed')) / get(p('baseline')), target: '<= 0.05' };
  if (hasStatus) ratios[p('status_vs_check_cold')] = { value: get(p('status')) / get(p('check_cold')), target: '<= 1.0' };
  ratios[p('check_cold_peak_rss_mb')] = { value: rss(p('check_cold')), target: '<= 300' };
  if (hasStatus) ratios[p('status_peak_rss_mb')] = { value: rss(p('status')), target: '<= 300' };
  if (cost[name]) {
    const fixed = get(p('cost_empty'));
    const c = cost[name];
    // per byte of front matter, so a small size mismatch between the halves does not count as cost
    const perKb = (ms, bytes) => (ms - fixed) / (bytes / 1024);
    ratios[p('problem_file_cost')] = {
      value: perKb(get(p('cost_problem_files')), c.problem.bytes) / perKb(get(p('cost_clean_files')), c.clean.bytes),
      target: '<= 1.2',
      note: `${c.clean.files} clean vs ${c.problem.files} with problems (${Math.round(c.clean.bytes / 1024)} / ${Math.round(c.problem.bytes / 1024)} KiB of front matter), cold, startup ${fixed} ms subtracted`,
    };
    const w = warmCost[name];
    ratios[p('problem_file_cost_warm')] = {
      value: median(w.map((x) => x.problemMs / c.problem.bytes / (x.cleanMs / c.clean.bytes))),
      target: '<= 1.2',
      note: `the same files in one running process after ${w[0].warm} others (bench/file-cost.mjs); each round: ${w.map((x) => `${Math.round(x.cleanMs)} ms clean vs ${Math.round(x.problemMs)} ms with problems`).join('; ')}`,
    };
    // The same, kind by kind (per KiB against the clean half), and weighted by how many of the
    // caseload's own files with problems are of each kind: pairing by size draws the problem
    // half from the files whose size clean files share, which need not be the caseload's mix.
    const kinds = Object.keys(w[0].byKind);
    const byKind = Object.fromEntries(
      kinds.map((k) => [k, median(w.map((x) => x.byKind[k].ms / x.byKind[k].bytes / (x.cleanMsAllRounds / x.cleanBytesAllRounds)))]),
    );
    const weighed = kinds.reduce((n, k) => n + (c.mix[k] ?? 0), 0);
    const total = Object.values(c.mix).reduce((n, v) => n + v, 0);
    ratios[p('problem_file_cost_warm_caseload_mix')] = {
      value: kinds.reduce((n, k) => n + ((c.mix[k] ?? 0) / weighed) * byKind[k], 0),
      target: '<= 1.2',
      note: `by kind (files in the problem half; share of the caseload's ${total} files with problems): ${kinds
        .map((k) => `${k} ${byKind[k].toFixed(2)} (${w[0].byKind[k].files}; ${(((c.mix[k] ?? 0) / total) * 100).toFixed(1)}%)`)
        .join(
          ', ',
        )}${weighed < total ? `; kinds with no file in the problem half (${(((total - weighed) / total) * 100).toFixed(1)}% of the caseload's) left out of the weights` : ''}`,
    };
  }
}
ratios.version_vs_node = { value: get('version') / get('node_e_0'), target: '<= 1.5' };

let scale = null;
if (scaling) {
  scale = {};
  for (const name of names) {
    for (const n of scalingSizes) {
      console.log(`scaling: ${name} ${n}…`);
      const d = caseloads[name](n);
      const row = {};
      for (const [job, args] of [['check', check(d)], ...(hasStatus ? [['status', status(d)]] : [])]) {
        const t = timed(args);
        row[job] = { ms: Math.round(t.ms), ms_per_1000_cases: Math.round((t.ms / n) * 1000), peak_rss_mb: Math.round(t.rssMb) };
      }
      scale[`${name}/${n}`] = row;
    }
  }
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n${cases} cases per caseload, ${rounds} rounds, ${availableParallelism()} cores, node ${process.version}, ${minutes} min\n`);
console.log('job                                    median ms    min ms   peak RSS MB   median CPU ms');
for (const r of rows)
  console.log(
    `${r.name.padEnd(38)} ${String(r.median_ms).padStart(9)} ${String(r.min_ms).padStart(9)} ${String(r.peak_rss_mb ?? '-').padStart(13)} ${String(r.median_cpu_ms ?? '-').padStart(15)}`,
  );
console.log('\nratio                                    value    target');
for (const [k, v] of Object.entries(ratios)) {
  const value = typeof v.value === 'number' && !Number.isInteger(v.value) ? v.value.toFixed(3) : String(v.value);
  console.log(`${k.padEnd(38)} ${value.padStart(7)}    ${v.target}${v.note ? `   (${v.note})` : ''}`);
}
if (scale) {
  console.log('\nby caseload size (one run each)');
  for (const [k, row] of Object.entries(scale)) {
    for (const [job, v] of Object.entries(row))
      console.log(
        `${k.padEnd(14)} ${job.padEnd(7)} ${String(v.ms).padStart(8)} ms  ${String(v.ms_per_1000_cases).padStart(5)} ms per 1,000  ${String(v.peak_rss_mb).padStart(4)} MB`,
      );
  }
}
writeFileSync(
  join(here, 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      cases,
      rounds,
      cores: availableParallelism(),
      node: process.version,
      minutes: Number(minutes),
      rows,
      ratios,
      scaling: scale,
    },
    null,
    2,
  ) + '\n',
);
rmSync(work, { recursive: true, force: true });
console.log('\nwritten to bench/results.json');
