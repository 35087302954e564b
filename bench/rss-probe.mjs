// Preloaded into each benchmarked process: records the process's peak resident
// memory and its CPU time, user and system (worker threads included: they share the
// process), when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const use = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRssKb: use.maxRSS, cpuMs: (use.userCPUTime + use.systemCPUTime) / 1000 }));
});
