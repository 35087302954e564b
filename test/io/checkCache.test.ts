// `check --cache` cannot be turned against the user: a malformed entry is ignored and
// rewritten (never fatal), a tampered cache is not trusted (a broken caseload still
// exits 1), the cache file is never written through a symlink and leaves no temp
// file, and `--cache-strategy content` notices an edit that keeps size and time.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { reunify } from '../cli/run.js';
import { present } from '../present.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/caseload');
const AS_OF = ['--as-of', '2026-11-01'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

let caseload: string;
let cacheDir: string;
let env: Record<string, string>;
beforeEach(() => {
  caseload = temp('reunify-cache-load-');
  cpSync(EXAMPLE, caseload, { recursive: true });
  cacheDir = join(temp('reunify-cache-dir-'), 'c');
  env = { XDG_CACHE_HOME: temp('reunify-user-cache-') };
});
const check = (...extra: string[]) => reunify(['check', caseload, ...AS_OF, '--format', 'json', '--cache-location', cacheDir, ...extra], { env });
/** The cache file: its first line (the MAC of the rest) and the rest, read as JSON. */
const cacheText = () => readFileSync(join(cacheDir, 'check.json'), 'utf8');
const headerLine = () => cacheText().split('\n', 1)[0]!;
const cacheFile = () => JSON.parse(cacheText().slice(headerLine().length + 1)) as { entries: Record<string, Record<string, unknown>> };
/** Write a cache changed by hand under the first line it had (the MAC of what was there before), or another line. */
const writeCache = (c: unknown, header = headerLine()) => writeFileSync(join(cacheDir, 'check.json'), `${header}\n${JSON.stringify(c)}`);
/** The first line that signs a cache with the user's own secret, as only this user could write it. */
const signedByUser = (c: unknown) =>
  `reunify-check-cache ${createHmac('sha256', readFileSync(join(present(env.XDG_CACHE_HOME), 'reunify', 'cache-secret')))
    .update(JSON.stringify(c))
    .digest('base64')}`;
const caseFile = (id: string) => join(caseload, 'cases', `${id}.md`);
/** Break a case: an unknown stage is a schema error. */
const breakCase = (id: string) => writeFileSync(caseFile(id), readFileSync(caseFile(id), 'utf8').replace(/^stage: \d/m, 'stage: 9'));

describe('check --cache: entry by entry', () => {
  it('malformed entries (null, wrong types, no outcome) are ignored and rewritten, never fatal', async () => {
    const reference = (await check()).stdout;
    const c = cacheFile();
    const paths = Object.keys(c.entries);
    expect(paths.length).toBe(EXAMPLE_CASE_COUNT);
    (c.entries as Record<string, unknown>)[present(paths[0])] = null;
    present(c.entries[present(paths[1])]).outcome = null;
    present(c.entries[present(paths[2])]).size = 'big';
    c.entries[present(paths[3])] = { ...c.entries[present(paths[3])], outcome: { result: { problems: 'none' } } };
    // a problem without its words (the JSON output writes each field as it is)
    c.entries[present(paths[4])] = {
      ...c.entries[present(paths[4])],
      outcome: { result: { problems: [{ ruleId: 'schema', severity: 'error' }], errorCount: 1, warningCount: 0 } },
    };
    writeCache(c);
    const again = await check();
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(reference);
    const rewritten = cacheFile();
    for (const p of paths.slice(0, 5))
      expect(rewritten.entries[p]).toMatchObject({ size: expect.any(Number), hash: expect.any(String), outcome: expect.any(Object) });
    // the same malformed entries under a MAC that matches them (as only this user could write): ignored entry by entry
    writeCache(c, signedByUser(c));
    const signed = await check();
    expect(signed.stderr).toBe('');
    expect(signed.stdout).toBe(reference);
    for (const p of paths.slice(0, 5)) expect(cacheFile().entries[p]).toMatchObject({ size: expect.any(Number), outcome: expect.any(Object) });
    // a cache that is not JSON at all, or not an object
    for (const junk of ['{"format":2,"key":', '[]', 'null', '{"format":2,"entries":null}']) {
      writeFileSync(join(cacheDir, 'check.json'), junk);
      expect((await check()).stdout).toBe(reference);
    }
  });

  it('a tampered entry does not make a broken caseload exit 0', async () => {
    breakCase('RF-0003');
    const broken = await check();
    expect(broken.exitCode).toBe(1);
    const c = cacheFile();
    const key = Object.keys(c.entries).find((p) => p.endsWith('RF-0003.md'))!;
    const outcome = present(c.entries[key]).outcome as { result: { problems: unknown[]; errorCount: number; warningCount: number } };
    // the attacker clears the problems and keeps the MAC, or writes one of their own
    outcome.result = { ...outcome.result, problems: [], errorCount: 0, warningCount: 0 };
    writeCache(c);
    const tampered = await check();
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stdout).toBe(broken.stdout);
    writeCache(c, `reunify-check-cache ${'A'.repeat(43)}=`);
    expect((await check()).exitCode).toBe(1);
    writeCache(c, '');
    expect((await check()).exitCode).toBe(1);
    // the control: the same edit signed with the user's own secret (which only they can read) is believed
    writeCache(c, signedByUser(c));
    expect((await check()).exitCode).toBe(0);
    // the MAC key is the user's own, outside the caseload
    const secret = join(present(env.XDG_CACHE_HOME), 'reunify', 'cache-secret');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readdirSync(cacheDir)).toEqual(['check.json']);
  });

  it('is written through a random temp file, never through a symlink at check.json', async () => {
    await check();
    const elsewhere = join(temp('reunify-cache-target-'), 'precious.md');
    writeFileSync(elsewhere, 'not the cache\n');
    rmSync(join(cacheDir, 'check.json'));
    symlinkSync(elsewhere, join(cacheDir, 'check.json'));
    await check();
    expect(readFileSync(elsewhere, 'utf8')).toBe('not the cache\n');
    expect(readdirSync(cacheDir)).toEqual(['check.json']);
    expect(statSync(join(cacheDir, 'check.json')).isFile()).toBe(true);
  });

  it('a FIFO or a link to a device planted at check.json is not waited on or read without end', async () => {
    const reference = (await check()).stdout;
    rmSync(join(cacheDir, 'check.json'));
    execFileSync('mkfifo', [join(cacheDir, 'check.json')]);
    const fifo = await check();
    expect(fifo.stdout).toBe(reference);
    expect(statSync(join(cacheDir, 'check.json')).isFile()).toBe(true); // replaced by the cache written
    rmSync(join(cacheDir, 'check.json'));
    symlinkSync('/dev/zero', join(cacheDir, 'check.json'));
    expect((await check()).stdout).toBe(reference);
    expect(statSync(join(cacheDir, 'check.json')).isFile()).toBe(true);
  }, 30_000);

  it('--cache-strategy content notices an edit that keeps size and modification time; metadata does not', async () => {
    const file = caseFile('RF-0003');
    const fixed = new Date('2026-10-01T12:00:00Z');
    utimesSync(file, fixed, fixed);
    const before = statSync(file);
    expect((await check('--cache-strategy', 'metadata')).exitCode).toBe(0);
    // same length: an unknown stage instead of a real one
    breakCase('RF-0003');
    expect(statSync(file).size).toBe(before.size);
    utimesSync(file, fixed, fixed);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect((await check('--cache-strategy', 'metadata')).exitCode).toBe(0); // the documented limit of metadata
    const content = await check('--cache-strategy', 'content');
    expect(content.exitCode).toBe(1);
    expect(content.stdout).toContain('RF-0003');
  });

  it('check --help names --cache-strategy with both strategies', async () => {
    const help = await reunify(['check', '--help']);
    expect(help.stdout).toMatch(/--cache-strategy <strategy>[\s\S]*metadata[\s\S]*content/);
    expect((await reunify(['check', caseload, '--cache-strategy', 'mtime'])).exitCode).toBe(2);
    expect(existsSync(join(caseload, '.reunify-cache'))).toBe(false);
  });
});
