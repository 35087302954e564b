// Writers of one case never lose an update, even when renames are slow (500 ms) or
// refused for a moment (EBUSY), as on shared drives: child processes write at the same
// time through a file-system seam, and every writer that says "saved" must find its
// change in the file. Also: a save is refused, with nothing written, when the user may
// not change the file, when it is read-only or hard-linked; a save keeps its owner.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { present } from '../present.js';
import { unless } from '../probe.js';

const SEAM = resolve(import.meta.dirname, 'seam/fsSeam.mjs');
const WRITER = resolve(import.meta.dirname, 'seam/caseWriter.mjs');
const CASE = ['---', 'reunify: 1', 'id: RF-C001', 'stage: 2   # kept', '---', '## Case history', '', 'Fictional.', ''].join('\n');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function caseFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-concurrent-'));
  dirs.push(dir);
  const file = join(dir, 'RF-C001.md');
  writeFileSync(file, CASE);
  return { dir, file };
}
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n !== 'RF-C001.md');
const frontMatter = (file: string) => parse(present(readFileSync(file, 'utf8').split('---\n')[1])) as Record<string, unknown>;

function run(args: string[], env: Record<string, string> = {}, uid?: number): Promise<{ out: string; code: number | null; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', SEAM, WRITER, ...args], {
      env: { ...process.env, ...env },
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ out: out.trim(), code, err }));
  });
}

describe('concurrent writers of one case', () => {
  it('eight writers updating different fields, with 500 ms renames and EBUSY: all saved, none lost', async () => {
    const { dir, file } = caseFile();
    const seam = { SEAM_RENAME_DELAY_MS: '500', SEAM_EBUSY: '2' };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(['update', file, `x-writer-${i}`, `w${i}`], seam)));
    expect(results.map((r) => r.out)).toEqual(Array(8).fill('saved'));
    const data = frontMatter(file);
    for (let i = 0; i < 8; i++) expect(data[`x-writer-${i}`]).toBe(`w${i}`);
    expect(readFileSync(file, 'utf8')).toContain('stage: 2   # kept');
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);

  for (const [name, seam] of [
    ['EBUSY on the first rename', { SEAM_EBUSY: '1' }],
    ['500 ms renames', { SEAM_RENAME_DELAY_MS: '500' }],
  ] as const) {
    it(`six writers that read the same version and write at once (${name}): every "saved" is in the file`, async () => {
      // three rounds at once, each on its own file: the writers of all three start together
      const start = String(Date.now() + 6000);
      const rounds = Array.from({ length: 3 }, async () => {
        const { dir, file } = caseFile();
        const results = await Promise.all(Array.from({ length: 6 }, (_, i) => run(['stale', file, `x-writer-${i}`, `w${i}`, start], seam)));
        const saved = results.flatMap((r, i) => (r.out === 'saved' ? [i] : []));
        for (const r of results) expect(r.out).toMatch(/^(saved|refused: .*changed on disk since it was read; nothing was written)/);
        // writers that read the same version: one saves, the others are told and write nothing
        // (a writer started late may read a saved version and save on top of it: that loses nothing)
        expect(saved.length).toBeGreaterThanOrEqual(1);
        const data = frontMatter(file);
        for (let i = 0; i < 6; i++) expect(data[`x-writer-${i}`]).toBe(saved.includes(i) ? `w${i}` : undefined);
        expect(leftovers(dir)).toEqual([]);
      });
      await Promise.all(rounds);
    }, 120_000);
  }

  it('a lock left by a writer that was killed is taken over at once', async () => {
    const { dir, file } = caseFile();
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = await new Promise<number>((done) => dead.on('close', () => done(dead.pid!)));
    // the host tag is the writer's own; take it from a temp-name-free run: write the lock as the writer would
    const tag = (await import('node:crypto'))
      .createHash('sha256')
      .update((await import('node:os')).hostname())
      .digest('hex')
      .slice(0, 8);
    writeFileSync(join(dir, '.RF-C001.md.reunify-lock'), `${pid} ${tag} 2026-01-01T00:00:00.000Z\n`);
    expect((await run(['update', file, 'x-after', 'yes'])).out).toBe('saved');
    expect(frontMatter(file)['x-after']).toBe('yes');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a save that would go where the user may not write is refused', () => {
  it('a read-only case file: refused, nothing written', async () => {
    const { dir, file } = caseFile();
    chmodSync(file, 0o444);
    const r = await run(['update', file, 'x-change', 'yes']);
    expect(r.out).toMatch(/^refused: .*RF-C001\.md: the file is marked read-only; nothing was written$/);
    expect(readFileSync(file, 'utf8')).toBe(CASE);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a hard-linked case file: refused (saving would separate the links), both names unchanged', async () => {
    const { dir, file } = caseFile();
    const other = join(dir, 'copy.md');
    linkSync(file, other);
    const r = await run(['update', file, 'x-change', 'yes']);
    expect(r.out).toMatch(/the file has 2 hard links and saving would separate them; nothing was written$/);
    expect(readFileSync(file, 'utf8')).toBe(CASE);
    expect(statSync(file).ino).toBe(statSync(other).ino);
    rmSync(other);
    expect(leftovers(dir)).toEqual([]);
  });

  // run as root, these check another user's view: a user without write permission, and a file someone else owns
  const root = process.getuid?.() === 0;
  it.runIf(root)(
    unless(
      root ? undefined : 'needs root, to run the writer as another user',
      'another user without write permission on the file (the folder is writable): refused',
    ),
    async () => {
      const { dir, file } = caseFile();
      chmodSync(dir, 0o777);
      chmodSync(file, 0o644);
      const r = await run(['update', file, 'x-change', 'yes'], {}, 65534);
      expect(r.out).toMatch(/you do not have permission to change this file; nothing was written$/);
      expect(readFileSync(file, 'utf8')).toBe(CASE);
      expect(statSync(file).uid).toBe(0);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  it.runIf(root)(
    unless(root ? undefined : 'needs root, to give the file another owner', 'a save keeps the owner, group and mode of the case file'),
    async () => {
      const { dir, file } = caseFile();
      chownSync(file, 65534, 65534);
      chmodSync(file, 0o640);
      expect((await run(['update', file, 'x-change', 'yes'])).out).toBe('saved');
      const st = statSync(file);
      expect([st.uid, st.gid, st.mode & 0o777]).toEqual([65534, 65534, 0o640]);
      expect(frontMatter(file)['x-change']).toBe('yes');
      expect(leftovers(dir)).toEqual([]);
    },
  );

  it.runIf(!root)(unless(root ? 'as root the test of owner, group and mode covers it' : undefined, 'a save keeps the mode of the case file'), async () => {
    const { file } = caseFile();
    chmodSync(file, 0o640);
    expect((await run(['update', file, 'x-change', 'yes'])).out).toBe('saved');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
