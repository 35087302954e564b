// The one guarded writer behind every --out: what it refuses, and that a refusal writes nothing.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputRefusedError, isCaseFile, writeIntoFolder, writeOutputFile } from '../../src/io/outputFile.js';
import { reunify } from '../cli/run.js';

const temp = () => mkdtempSync(join(tmpdir(), 'reunify-out-'));
// a valid case whose `reunify:` line comes after 600 bytes of comments
const LATE_CASE = `---\n${'# a long comment line kept by the team to explain the file layout\n'.repeat(10)}id: RF-0900\nreunify: 1\n---\nBody\n`;

describe('isCaseFile (by parsing the front matter)', () => {
  it('knows a case file whose reunify key is past the first 512 bytes, and a broken one by its keys', () => {
    const dir = temp();
    writeFileSync(join(dir, 'late.md'), LATE_CASE);
    writeFileSync(join(dir, 'broken.md'), '---\nreunify: 1\nid: [unclosed\n---\n');
    writeFileSync(join(dir, 'notes.md'), '---\ntitle: not a case\n---\nreunify: in the body only\n');
    writeFileSync(join(dir, 'plain.txt'), 'reunify: 1\n');
    expect(LATE_CASE.indexOf('reunify:')).toBeGreaterThan(512);
    expect(isCaseFile(join(dir, 'late.md'))).toBe(true);
    expect(isCaseFile(join(dir, 'broken.md'))).toBe(true);
    expect(isCaseFile(join(dir, 'notes.md'))).toBe(false);
    expect(isCaseFile(join(dir, 'plain.txt'))).toBe(false);
  });
});

describe('writeOutputFile', () => {
  it('writes a new file, making its folder', () => {
    const dir = temp();
    writeOutputFile(join(dir, 'a', 'b', 'out.html'), 'hello');
    expect(readFileSync(join(dir, 'a', 'b', 'out.html'), 'utf8')).toBe('hello');
  });

  it('never replaces an existing file without force, and replaces one with it', () => {
    const dir = temp();
    const file = join(dir, 'out.md');
    writeFileSync(file, 'before');
    expect(() => writeOutputFile(file, 'after')).toThrow(/already exists; nothing was written \(give --force to replace it\)/);
    expect(readFileSync(file, 'utf8')).toBe('before');
    writeOutputFile(file, 'after', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('after');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('never replaces a case file, even with force', () => {
    const dir = temp();
    const file = join(dir, 'RF-0900.md');
    writeFileSync(file, LATE_CASE);
    for (const force of [false, true]) {
      const err = (() => {
        try {
          writeOutputFile(file, 'report', { force });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(OutputRefusedError);
      expect((err as OutputRefusedError).caseFile).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(LATE_CASE);
    }
  });

  it('refuses a symbolic link that leads out of the folder, even with force', () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(outside, 'victim.txt'), 'keep');
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'out.txt'));
    expect(() => writeOutputFile(join(dir, 'out.txt'), 'x', { force: true })).toThrow(/leads out of its folder/);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep');
  });
});

describe('writeIntoFolder', () => {
  it('refuses a name that climbs out of the folder, and writes nothing', () => {
    const dir = temp();
    expect(() =>
      writeIntoFolder(join(dir, 'out'), [
        { name: 'ok.txt', text: 'a' },
        { name: '../../escaped.txt', text: 'b' },
      ]),
    ).toThrow(/would land outside/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a planted symbolic link inside the folder that points elsewhere', () => {
    const dir = temp();
    const outside = temp();
    writeFileSync(join(outside, 'case.schema.json'), 'theirs');
    mkdirSync(join(dir, 'schemas'));
    symlinkSync(join(outside, 'case.schema.json'), join(dir, 'schemas', 'case.schema.json'));
    expect(() => writeIntoFolder(join(dir, 'schemas'), [{ name: 'case.schema.json', text: 'ours' }], { force: true })).toThrow(/outside/);
    expect(readFileSync(join(outside, 'case.schema.json'), 'utf8')).toBe('theirs');
  });
});

describe('every --out goes through it', () => {
  const CASE = 'examples/caseload/cases/RF-0001.md';
  const AS_OF = ['--as-of', '2026-11-01'];

  it('report --out FILE: exists → exit 1 and unchanged; --force replaces it; a late-keyed case file → exit 2', async () => {
    const dir = temp();
    const file = join(dir, 'letter.md');
    writeFileSync(file, 'mine');
    const r = await reunify(['report', CASE, '--type', 'agreement', '--out', file, ...AS_OF]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('already exists; nothing was written (give --force to replace it)');
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const forced = await reunify(['report', CASE, '--type', 'agreement', '--out', file, '--force', ...AS_OF]);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('agreement');
    const late = join(dir, 'RF-0900.md');
    writeFileSync(late, LATE_CASE);
    const refused = await reunify(['report', CASE, '--type', 'agreement', '--out', late, '--force', ...AS_OF]);
    expect(refused.exitCode).toBe(2);
    expect(readFileSync(late, 'utf8')).toBe(LATE_CASE);
  });

  it('report --for with a person id holding ../ stays inside the --out folder', async () => {
    const dir = temp();
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    const text = readFileSync(CASE, 'utf8').replaceAll(/\bmum\b/g, 'x/../../../escaped');
    writeFileSync(join(cases, 'RF-0001.md'), text);
    const out = join(dir, 'letters', 'deep');
    const r = await reunify(['report', join(cases, 'RF-0001.md'), '--type', 'agreement', '--for', 'x/../../../escaped', '--out', `${out}/`, ...AS_OF]);
    expect(r.stderr).not.toMatch(/escaped\.md/);
    expect(r.exitCode).toBe(0);
    const written = readdirSync(out);
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain('/');
    expect(readdirSync(dir).sort()).toEqual(['cases', 'letters']);
  });

  it('schema --out refuses a planted link to a case file, and a second run without --force', async () => {
    const dir = temp();
    const caseFile = join(dir, 'RF-0001.md');
    writeFileSync(caseFile, readFileSync(CASE));
    const out = join(dir, 'schemas');
    mkdirSync(out);
    symlinkSync(caseFile, join(out, 'case.schema.json'));
    const r = await reunify(['schema', '--out', out]);
    expect(r.exitCode).not.toBe(0);
    expect(readFileSync(caseFile)).toEqual(readFileSync(CASE));
    const clean = join(dir, 'clean');
    expect((await reunify(['schema', '--out', clean])).exitCode).toBe(0);
    const again = await reunify(['schema', '--out', clean]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await reunify(['schema', '--out', clean, '--force'])).exitCode).toBe(0);
  });
});
