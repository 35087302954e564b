// Summarises a V8 CPU profile (from `node --cpu-prof`) by where the self time goes:
// groups of modules (the careful `yaml` parser, js-yaml, Ajv validators, reunify's own
// folders) and the heaviest functions. Usage: node bench/profile-summary.mjs file.cpuprofile
//
// To profile check on 1,000 varied cases in one thread:
//   node bench/generate-varied.mjs 1000
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/reunify.js check bench/.varied-1000-s1 \
//     --as-of 2026-11-01 --format json --workers 1 > /dev/null
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}

function group(url, name) {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return name;
  if (!url) return '(native / V8 builtins)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (m) {
    if (m[1] === 'yaml') {
      const part = /dist\/(parse|compose|schema|nodes|stringify)/.exec(m[2]);
      return `yaml (careful parser)${part ? ` ${part[1]}` : ''}`;
    }
    return m[1];
  }
  const d = /\/dist\/(.+?)(?:\.c?js)?$/.exec(url);
  if (d) return `reunify ${d[1].startsWith('core/rules/') ? 'core/rules (all rules)' : d[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

const groups = new Map();
const fns = new Map();
let total = 0;
for (const [id, t] of self) {
  const n = byId.get(id);
  const { url, functionName, lineNumber } = n.callFrame;
  const g = group(url, functionName);
  groups.set(g, (groups.get(g) ?? 0) + t);
  const f = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`;
  fns.set(f, (fns.get(f) ?? 0) + t);
  total += t;
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`total sampled ${(total / 1e6).toFixed(2)} s\n\nby module group (self time)`);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(t)}  ${g}`);
console.log('\nheaviest functions (self time)');
for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(t)}  ${f}`);
