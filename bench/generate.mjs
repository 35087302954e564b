// Generates a fictional benchmark caseload from the example cases: each generated
// case is an example with a new id and its body repeated to a seeded length (dates
// are kept, so cases are as clean as the examples at --as-of 2026-11-01); about 2%
// carry one deliberate problem. Cached: a
// folder whose marker matches the parameters is reused.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const VERSION = 4;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROBLEMS = [
  (fm) => fm.replace(/^opened: .*$/m, (l) => `${l}\nopened: 2020-01-01`), // duplicate key
  (fm) => fm.replace(/legal_status: \w+/, 'legal_status: s99'), // wrong enum
  (fm) => fm.replace(/^stage: .*$/m, 'stage: 9'), // out of range
  (fm) => fm.replace(/^team:.*$/m, 'team: {'), // YAML syntax error
  (fm) => fm.replace(/^reunify: 1/m, 'reunify: 2'),
];

export function generateCaseload(count, seed = 1) {
  const dir = join(here, `.caseload-${count}`);
  const marker = join(dir, '.generated.json');
  const src = join(here, '..', 'examples', 'caseload', 'cases');
  const examples = readdirSync(src)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ id: f.slice(0, -3), text: readFileSync(join(src, f), 'utf8') }));
  // The examples are part of the key: when they change, the caseload is made again.
  const sources = createHash('sha1')
    .update(examples.map((e) => e.text).join('\0'))
    .digest('hex');
  const params = JSON.stringify({ count, seed, VERSION, sources });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === params) return dir;
  rmSync(dir, { recursive: true, force: true });
  const rand = mulberry32(seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Benchmark Borough (fictional)"\n');
  for (let i = 0; i < count; i++) {
    const ex = examples[Math.floor(rand() * examples.length)];
    const id = `BX-${String(i + 1).padStart(6, '0')}`;
    const team = `team-${String(i % 40).padStart(2, '0')}`;
    const end = ex.text.indexOf('\n---', 4);
    let fm = ex.text
      .slice(0, end + 4)
      .split(ex.id)
      .join(id);
    let body = ex.text.slice(end + 4);
    const repeat = 1 + Math.floor(rand() * 4);
    body = Array.from({ length: repeat }, () => body).join('\n');
    fm = fm.replace(/siblings: \[[^\]]*\]/, 'siblings: []');
    // a copy of an example keeps no frozen copies: the example's point to records this caseload does not have
    fm = fm.replace(/, frozen: \[[^\]]*\]/g, '');
    if (rand() < 0.02) fm = PROBLEMS[Math.floor(rand() * PROBLEMS.length)](fm);
    mkdirSync(join(dir, team), { recursive: true });
    writeFileSync(join(dir, team, `${id}.md`), fm + body);
  }
  writeFileSync(marker, params);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10000);
  console.log(generateCaseload(count, Number(process.argv[3] ?? 1)));
}
