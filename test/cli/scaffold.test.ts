// `reunify scaffold exercise` through the built binary (npm test builds first).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reunify } from './run.js';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('reunify scaffold exercise (built binary)', () => {
  it('--seed 7 twice gives byte-identical folders, and check passes on the cases without --as-of', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    const a = await reunify(['scaffold', 'exercise', '--seed', '7', '--out', 'pack-7'], { cwd: root });
    expect(a.stderr).toContain('created pack-7');
    expect(a.exitCode).toBe(0);
    const b = await reunify(['scaffold', 'exercise', '--seed', '7', '--out', 'pack-7b', '-q'], { cwd: root });
    expect(b.exitCode).toBe(0);
    expect(b.stderr).toBe('');
    const first = tree(join(root, 'pack-7'));
    expect(tree(join(root, 'pack-7b'))).toEqual(first);
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'README.md',
        'reunify.config.yaml',
        'cases/TR-01.md',
        'cases/TR-04.md',
        'facilitator.md',
        'facilitator.html',
        'worksheets/case-summaries.md',
        'worksheets/stumbling-blocks.html',
        'worksheets/values.md',
        'worksheets/supervision.md',
      ]),
    );
    const check = await reunify(['check', 'pack-7/cases'], { cwd: root });
    expect(check.stdout).toContain('4 case files checked, no problems');
    expect(check.exitCode).toBe(0);
    // and from inside the pack, with the teaching files ignored
    const inside = await reunify(['check'], { cwd: join(root, 'pack-7') });
    expect(inside.stdout).toContain('4 case files checked, no problems');
    expect(readFileSync(join(root, 'pack-7', 'reunify.config.yaml'), 'utf8')).toContain('as_of: 2026-11-01');
  });

  it.each(['reclassification', 'return-home', 'cohorts'])('the %s scenario checks clean too', async (scenario) => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    const r = await reunify(['scaffold', 'exercise', '--scenario', scenario, '--seed', '3', '--cases', '6', '--out', 'p', '-q'], { cwd: root });
    expect(r.exitCode).toBe(0);
    const check = await reunify(['check', 'p/cases', '--max-warnings', '0'], { cwd: root });
    expect(check.stdout).toContain('6 case files checked, no problems');
    expect(check.exitCode).toBe(0);
  });

  it('the facilitator notes hold the answer key and timings; the worksheets do not give the answers away', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    await reunify(['scaffold', 'exercise', '--seed', '11', '--cases', '2', '--out', 'p', '-q'], { cwd: root });
    const facilitator = readFileSync(join(root, 'p', 'facilitator.md'), 'utf8');
    expect(facilitator).toMatch(/Suggested level: (Low|Medium|High|Very high) \(score/);
    expect(facilitator).toContain('| Factor | Status | Weight × fraction = points | Source | Evidence |');
    expect(facilitator).toContain('## Full-day plan');
    expect(facilitator).toContain('## Half-day plan');
    expect(facilitator).toMatch(/Evidence missing|Nothing is recorded as unknown/);
    expect(facilitator).toContain('What has changed in the reasons');
    const summaries = readFileSync(join(root, 'p', 'worksheets', 'case-summaries.md'), 'utf8');
    expect(summaries).not.toMatch(/Suggested level|score \d/);
    expect(summaries).toContain('Your rating');
    const blocks = readFileSync(join(root, 'p', 'worksheets', 'stumbling-blocks.md'), 'utf8');
    for (const group of ['Children', 'Families', 'Social workers', 'Managers', 'Other professionals', 'The organisation'])
      expect(blocks).toContain(`### ${group}`);
    const supervision = readFileSync(join(root, 'p', 'worksheets', 'supervision.md'), 'utf8');
    for (const stage of ['Narrative', 'Emotional', 'Analytical', 'Planning']) expect(supervision).toContain(`${stage}:`);
    const html = readFileSync(join(root, 'p', 'facilitator.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('FICTIONAL TRAINING MATERIAL');
    const firstCase = readFileSync(join(root, 'p', 'cases', 'TR-01.md'), 'utf8');
    expect(firstCase).toMatch(/^---\nreunify: 1\nid: TR-01\nfictional: true\n/);
  });

  it('rebuild makes the same notes and worksheets from an unedited pack, and never writes a case file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    await reunify(['scaffold', 'exercise', '--scenario', 'return-home', '--seed', '4', '--cases', '5', '--out', 'p', '-q'], { cwd: root });
    const before = tree(join(root, 'p'));
    const r = await reunify(['scaffold', 'rebuild', 'p'], { cwd: root });
    expect(r.exitCode).toBe(0);
    expect(r.stderr.trim()).toBe('rebuilt p: facilitator notes and five worksheets from 5 cases (as of 2026-11-01)');
    expect(tree(join(root, 'p'))).toEqual(before);
  });

  it('rebuild follows a case the trainer edited, and a council’s own settings with --config', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    await reunify(['scaffold', 'exercise', '--seed', '7', '--out', 'p', '-q'], { cwd: root });
    const file = join(root, 'p', 'cases', 'TR-02.md');
    // the trainer adds fresh evidence of a risk, dated the exercise date
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(
      /^factors:\n/m,
      'factors:\n  - { id: parental_substance_misuse, status: present, evidence: "A positive hair-strand test in October", as_of: 2026-11-01 }\n',
    );
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const classify = await reunify(['classify', 'p/cases/TR-02.md', '--format', 'json'], { cwd: root });
    const level = (JSON.parse(classify.stdout) as { level: string }).level;
    const labels: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' };
    const r = await reunify(['scaffold', 'rebuild', 'p', '-q'], { cwd: root });
    expect(r.exitCode).toBe(0);
    const key = (doc: string) => doc.slice(doc.indexOf('### TR-02:'), doc.indexOf('### TR-03:'));
    const facilitator = readFileSync(join(root, 'p', 'facilitator.md'), 'utf8');
    expect(key(facilitator)).toContain(`Suggested level: ${labels[level]} (score`);
    expect(key(facilitator)).toContain('“A positive hair-strand test in October” (present, 1 November 2026)');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // a council's levels and thresholds, at the pack's date
    writeFileSync(
      join(root, 'council.yaml'),
      'labels:\n  levels: { low: Green, medium: Amber, high: Red, very_high: Purple }\nclassification:\n  thresholds: { medium: 2, high: 5, very_high: 9 }\n',
    );
    const council = await reunify(['scaffold', 'rebuild', 'p', '--config', 'council.yaml'], { cwd: root });
    expect(council.exitCode).toBe(0);
    expect(council.stderr).toContain('with the settings of council.yaml (as of 2026-11-01)');
    const local = readFileSync(join(root, 'p', 'facilitator.md'), 'utf8');
    expect(local).toMatch(/Suggested level: (Green|Amber|Red|Purple) \(score [\d.]+; Amber from 2, Red from 5, Purple from 9\)/);
    expect(local).not.toMatch(/Suggested level: (Low|Medium|High|Very high) /);
  });

  it('rebuild refuses a case that does not read cleanly, writing nothing, and a folder that is not a pack', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    await reunify(['scaffold', 'exercise', '--seed', '3', '--out', 'p', '-q'], { cwd: root });
    const before = tree(join(root, 'p'));
    const broken = join(root, 'p', 'cases', 'TR-01.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^stage: 2$/m, 'stage: nine'));
    const r = await reunify(['scaffold', 'rebuild', 'p'], { cwd: root });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('p/cases/TR-01.md');
    expect(r.stderr).toContain('1 case file does not read cleanly; nothing was written');
    const after = tree(join(root, 'p'));
    delete before['cases/TR-01.md'];
    delete after['cases/TR-01.md'];
    expect(after).toEqual(before);
    mkdirSync(join(root, 'empty'));
    const notPack = await reunify(['scaffold', 'rebuild', 'empty'], { cwd: root });
    expect(notPack.exitCode).toBe(2);
    expect(notPack.stderr).toContain('empty is not a training pack');
  });

  it('--stages chooses the case mix of a cohorts pack; the pack says how it was made and rebuilds the same', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    const r = await reunify(['scaffold', 'exercise', '--scenario', 'cohorts', '--stages', '1,3', '--cases', '6', '--out', 'p', '-q'], { cwd: root });
    expect(r.exitCode).toBe(0);
    const stages = readdirSync(join(root, 'p', 'cases'))
      .sort()
      .map((f) => /^stage: (.+)$/m.exec(readFileSync(join(root, 'p', 'cases', f), 'utf8'))?.[1]);
    expect(stages.filter((s) => s === '1').length).toBe(3);
    expect(stages.filter((s) => s === '3').length).toBe(3);
    const check = await reunify(['check', 'p/cases', '--max-warnings', '0'], { cwd: root });
    expect(check.exitCode).toBe(0);
    expect(readFileSync(join(root, 'p', 'README.md'), 'utf8')).toContain('--cases 6 --as-of 2026-11-01 --stages 1,3`');
    expect(readFileSync(join(root, 'p', 'facilitator.md'), 'utf8')).toContain('--cases 6 --stages 1,3) makes the same pack');
    const before = tree(join(root, 'p'));
    expect((await reunify(['scaffold', 'rebuild', 'p', '-q'], { cwd: root })).exitCode).toBe(0);
    expect(tree(join(root, 'p'))).toEqual(before);
  });

  it('refuses a folder that is not empty, and changes nothing in it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-pack-'));
    mkdirSync(join(root, 'busy'));
    writeFileSync(join(root, 'busy', 'notes.txt'), 'mine');
    const r = await reunify(['scaffold', 'exercise', '--out', 'busy'], { cwd: root });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('busy is not empty');
    expect(readdirSync(join(root, 'busy'))).toEqual(['notes.txt']);
    mkdirSync(join(root, 'empty'));
    const ok = await reunify(['scaffold', 'exercise', '--out', 'empty', '-q'], { cwd: root });
    expect(ok.exitCode).toBe(0);
    expect(readdirSync(join(root, 'empty'))).toContain('facilitator.md');
    expect(readdirSync(root).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('usage errors exit 2: a bad seed, too many cases, an unknown scenario, a bad date', async () => {
    for (const args of [
      ['--seed', 'x'],
      ['--cases', '0'],
      ['--cases', '101'],
      ['--scenario', 'nonsense'],
      ['--as-of', '2026-02-30'],
      ['--stages', '2'],
      ['--scenario', 'cohorts', '--stages', '1,6'],
    ]) {
      const r = await reunify(['scaffold', 'exercise', ...args, '--out', join(tmpdir(), 'never-made')]);
      expect(r.exitCode, args.join(' ')).toBe(2);
    }
  });

  it('help shows real examples', async () => {
    const r = await reunify(['scaffold', 'exercise', '--help']);
    expect(r.stdout).toContain('reunify scaffold exercise --seed 7 --out pack-7');
  });
});
