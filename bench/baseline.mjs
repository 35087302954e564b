// The simplest honest single-threaded check loop, kept as the benchmark's yardstick:
// list files, read, split front matter, parse with `yaml`, validate with one
// precompiled Ajv validator. Prints the number of files and of invalid ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const root = process.argv[2];
const schema = JSON.parse(readFileSync(new URL('../schemas/case.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function list(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) list(p, out);
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

let invalid = 0;
const files = list(root);
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) {
    invalid++;
    continue;
  }
  try {
    if (!validate(parse(m[1], { version: '1.2', schema: 'core', uniqueKeys: true }))) invalid++;
  } catch {
    invalid++;
  }
}
console.log(`${files.length} files, ${invalid} invalid`);
