// Fixed records: signing off keeps a frozen copy of the written product and its
// SHA-256; report shows that copy byte for byte afterwards, whatever changes in
// the file; check reports a copy that is gone or changed; --draft renders afresh.
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reunify } from '../cli/run.js';
import { SNAPSHOT_CASES } from './harness.js';
import { present } from '../present.js';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A caseload with RF-0001 whose written assessment waits for sign-off. */
function caseload(edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-frozen-'));
  dirs.push(dir);
  copyFileSync(join(SNAPSHOT_CASES, 'reunify.config.yaml'), join(dir, 'reunify.config.yaml'));
  const text = readFileSync(join(SNAPSHOT_CASES, 'RF-0001.md'), 'utf8');
  // a complete assessment waiting for sign-off: signoff refuses one without what must change and other agencies
  const unsigned = text
    .replace('                         signed_off: { by: "TM A.O.", date: 2025-10-22 },\n', '')
    .replace(
      '\ntasks:',
      '\nassessment:\n  what_must_change: "Ms A stays alcohol-free, shown by monthly tests"\n  other_agencies: "Police: no call-outs since 2024"\ntasks:',
    );
  expect(unsigned).not.toContain('signed_off: { by: "TM A.O.", date: 2025-10-22 }');
  expect(unsigned).toContain('\nassessment:\n');
  const cases = join(dir, 'cases');
  mkdirSync(cases);
  writeFileSync(join(cases, 'RF-0001.md'), edit(unsigned));
  return dir;
}

function frontMatter(file: string): Record<string, unknown> {
  return parse(present(readFileSync(file, 'utf8').split(/^---$/m)[1], `front matter in ${file}`)) as Record<string, unknown>;
}

const sign = (dir: string) =>
  reunify(['signoff', '.', '--sign', 'RF-0001', '--item', 'written_assessment', '--by', 'TM A.O.', '--date', '2025-10-22'], { cwd: dir, today: '2025-10-22' });

describe('signing off keeps a frozen copy', () => {
  it('writes the assessment as Markdown and HTML under records/ and keeps each path and SHA-256 in the sign-off', async () => {
    const dir = caseload();
    const r = await sign(dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('frozen copy: records/RF-0001/assessment-2025-10-22.md');
    expect(r.stdout).toContain('frozen copy: records/RF-0001/assessment-2025-10-22.html');
    const md = readFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'));
    const html = readFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.html'));
    expect(md.toString()).toContain('# Written assessment');
    expect(html.toString()).toMatch(/^<!DOCTYPE html>/i);
    const data = frontMatter(join(dir, 'cases/RF-0001.md')) as { tasks: { written_assessment: { signed_off: unknown } } };
    expect(data.tasks.written_assessment.signed_off).toEqual({
      by: 'TM A.O.',
      date: '2025-10-22',
      frozen: [
        { path: '../records/RF-0001/assessment-2025-10-22.md', sha256: sha256(md) },
        { path: '../records/RF-0001/assessment-2025-10-22.html', sha256: sha256(html) },
      ],
    });
    // the copy is what report rendered on the sign-off date, with the sign-off in place
    expect(md.toString()).toContain('22 October 2025');
    const check = await reunify(['check', '.', '--as-of', '2025-10-22'], { cwd: dir });
    expect(check.stdout).not.toContain('case/frozen-copy');
    expect(check.stdout).not.toContain('records/');
  });

  it('a dry run writes no copy and says which it would keep', async () => {
    const dir = caseload();
    const r = await reunify(['signoff', '.', '--sign', 'RF-0001', '--item', 'written_assessment', '--by', 'TM A.O.', '--date', '2025-10-22', '--dry-run'], {
      cwd: dir,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('with frozen copies records/RF-0001/assessment-2025-10-22.md');
    expect(existsSync(join(dir, 'records'))).toBe(false);
  });

  it('never replaces a copy already kept: a second copy of the same name gets -2', async () => {
    const dir = caseload();
    mkdirSync(join(dir, 'records/RF-0001'), { recursive: true });
    writeFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'), 'kept before\n');
    const r = await sign(dir);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'), 'utf8')).toBe('kept before\n');
    expect(existsSync(join(dir, 'records/RF-0001/assessment-2025-10-22-2.md'))).toBe(true);
    expect(existsSync(join(dir, 'records/RF-0001/assessment-2025-10-22-2.html'))).toBe(true);
  });
});

describe('report shows the signed-off record', () => {
  async function signedThenEdited(): Promise<string> {
    const dir = caseload();
    expect((await sign(dir)).exitCode).toBe(0);
    // later: the body and the records change
    appendFileSync(join(dir, 'cases/RF-0001.md'), '\n## Analysis addendum\n\nWritten after the sign-off: CANARY-LATER.\n');
    const file = join(dir, 'cases/RF-0001.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Risk was set at *high*', 'Risk was set at *very high* (CANARY-EDIT)'));
    return dir;
  }

  it.each([
    ['md', '2025-11-01'],
    ['md', '2026-11-30'],
    ['html', '2026-02-01'],
  ])('as %s on %s is byte-identical to the frozen copy, and says so', async (format, asOf) => {
    const dir = await signedThenEdited();
    const out = join(dir, `out.${format}`);
    const r = await reunify(['report', 'cases/RF-0001.md', '--type', 'assessment', '--to', format, '--as-of', asOf, '--out', out], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(
      `the written assessment was signed off by TM A.O. on 2025-10-22: this is its frozen copy ../records/RF-0001/assessment-2025-10-22.${format}, byte for byte`,
    );
    expect(readFileSync(out).equals(readFileSync(join(dir, `records/RF-0001/assessment-2025-10-22.${format}`)))).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('CANARY');
  });

  it('--draft renders afresh from the file as it stands and says it is not the signed record', async () => {
    const dir = await signedThenEdited();
    const r = await reunify(['report', 'cases/RF-0001.md', '--type', 'assessment', '--draft', '--as-of', '2026-11-30'], { cwd: dir, today: '2026-11-30' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('CANARY-EDIT');
    expect(r.stderr).toContain(
      'its record is the frozen copy ../records/RF-0001/assessment-2025-10-22.md: this draft is rendered afresh and is not that record',
    );
  });

  it('a draft at a past date says the narrative body is as it stands today', async () => {
    const dir = await signedThenEdited();
    const r = await reunify(['report', 'cases/RF-0001.md', '--type', 'assessment', '--as-of', '2025-10-21'], { cwd: dir, today: '2026-11-30' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('CANARY-EDIT');
    expect(r.stderr).toBe(
      'reunify: note: this is a draft as of 2025-10-21: dated records are taken as they stood then, but the narrative body is as it stands today',
    );
  });

  it('a changed copy is never shown: report exits 1 and points to check and --draft', async () => {
    const dir = await signedThenEdited();
    appendFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'), 'tampered\n');
    const r = await reunify(['report', 'cases/RF-0001.md', '--type', 'assessment', '--as-of', '2026-11-30'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('its frozen copy ../records/RF-0001/assessment-2025-10-22.md no longer matches the SHA-256 kept in the sign-off');
  });
});

describe('check reports a frozen copy that is gone or changed (case/frozen-copy)', () => {
  it('names the case file, the line of the entry, and the copy', async () => {
    const dir = caseload();
    expect((await sign(dir)).exitCode).toBe(0);
    const before = await reunify(['check', '.', '--as-of', '2026-11-01', '--format', 'json'], { cwd: dir });
    const errors = (stdout: string) => (JSON.parse(stdout) as { files: { errorCount: number }[] }).files.reduce((n, f) => n + f.errorCount, 0);
    const count = errors(before.stdout);
    appendFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'), 'tampered\n');
    rmSync(join(dir, 'records/RF-0001/assessment-2025-10-22.html'));
    const r = await reunify(['check', '.', '--as-of', '2026-11-01'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const lineOf = (text: string) =>
      readFileSync(join(dir, 'cases/RF-0001.md'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(text)) + 1;
    const line = lineOf('assessment-2025-10-22.md');
    expect(line).toBeGreaterThan(0);
    expect(r.stdout).toContain('cases/RF-0001.md');
    expect(r.stdout).toMatch(
      new RegExp(
        `\\n\\s+${line}:\\d+\\s+error\\s+the frozen copy \\.\\./records/RF-0001/assessment-2025-10-22\\.md of the written assessment no longer matches the SHA-256 kept with the sign-off.*case/frozen-copy`,
      ),
    );
    expect(r.stdout).toMatch(
      /error\s+the frozen copy \.\.\/records\/RF-0001\/assessment-2025-10-22\.html of the written assessment, as signed off, is missing \(no such file\).*case\/frozen-copy/,
    );
    const after = await reunify(['check', '.', '--as-of', '2026-11-01', '--format', 'json'], { cwd: dir });
    expect(errors(after.stdout)).toBe(count + 2);
  });

  it('check --cache sees a copy changed while the case file stayed the same', async () => {
    const dir = caseload();
    expect((await sign(dir)).exitCode).toBe(0);
    const cache = join(dir, 'cache');
    const args = ['check', '.', '--as-of', '2026-11-01', '--cache', '--cache-location', cache];
    const env = { XDG_CACHE_HOME: join(dir, 'xdg') };
    const first = await reunify(args, { cwd: dir, env });
    expect(first.stdout).not.toContain('case/frozen-copy');
    appendFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.md'), 'tampered\n');
    const second = await reunify(args, { cwd: dir, env });
    expect(second.stdout).toContain('case/frozen-copy');
  });
});

describe('a sign-off recorded by task or classify keeps a frozen copy as signoff does', () => {
  /** Change the case after the sign-off: the narrative, a factor entry, a later visit. */
  const changeCase = (dir: string) => {
    const file = join(dir, 'cases/RF-0001.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Risk was set at *high*', 'Risk was set at *very high* (CANARY-EDIT)'));
    appendFileSync(file, '\n## Analysis addendum\n\nWritten after the sign-off: CANARY-LATER.\n');
  };
  const copyOf = (dir: string, name: string) => readFileSync(join(dir, 'records/RF-0001', name));
  /** The manager's sign-off of RF-0001's written assessment, recorded by its task. */
  const SIGN_BY_TASK = [
    'task',
    'RF-0001',
    'written_assessment',
    '--set',
    'tasks.written_assessment.signed_off.by=TM A.O.',
    '--set',
    'tasks.written_assessment.signed_off.date=2025-10-22',
    '--as-of',
    '2025-10-22',
  ];

  it('task written_assessment: the same copy signoff --sign keeps, shown byte for byte after the case changes', async () => {
    const dir = caseload();
    const r = await reunify(SIGN_BY_TASK, { cwd: dir, today: '2025-10-22' });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('  frozen copy: records/RF-0001/assessment-2025-10-22.md\n  frozen copy: records/RF-0001/assessment-2025-10-22.html\n');
    const md = copyOf(dir, 'assessment-2025-10-22.md');
    const html = copyOf(dir, 'assessment-2025-10-22.html');
    const data = frontMatter(join(dir, 'cases/RF-0001.md')) as { tasks: { written_assessment: { signed_off: unknown } } };
    expect(data.tasks.written_assessment.signed_off).toEqual({
      by: 'TM A.O.',
      date: '2025-10-22',
      frozen: [
        { path: '../records/RF-0001/assessment-2025-10-22.md', sha256: sha256(md) },
        { path: '../records/RF-0001/assessment-2025-10-22.html', sha256: sha256(html) },
      ],
    });
    // byte for byte what signoff --sign keeps for the same sign-off
    const other = caseload();
    expect((await sign(other)).exitCode).toBe(0);
    expect(copyOf(other, 'assessment-2025-10-22.md').equals(md)).toBe(true);
    expect(copyOf(other, 'assessment-2025-10-22.html').equals(html)).toBe(true);

    changeCase(dir);
    for (const format of ['md', 'html']) {
      const out = join(dir, `out.${format}`);
      const shown = await reunify(['report', 'cases/RF-0001.md', '--type', 'assessment', '--to', format, '--as-of', '2026-11-30', '--out', out], { cwd: dir });
      expect(shown.exitCode).toBe(0);
      expect(shown.stderr).toContain(`this is its frozen copy ../records/RF-0001/assessment-2025-10-22.${format}, byte for byte`);
      expect(readFileSync(out).equals(copyOf(dir, `assessment-2025-10-22.${format}`))).toBe(true);
      expect(readFileSync(out, 'utf8')).not.toContain('CANARY');
    }
    const check = await reunify(['check', '.', '--as-of', '2026-11-30'], { cwd: dir });
    expect(check.stdout).not.toContain('case/frozen-copy');
    appendFileSync(join(dir, 'records/RF-0001/assessment-2025-10-22.html'), 'tampered\n');
    const tampered = await reunify(['check', '.', '--as-of', '2026-11-30'], { cwd: dir });
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stdout).toMatch(
      /the frozen copy \.\.\/records\/RF-0001\/assessment-2025-10-22\.html of the written assessment no longer matches.*case\/frozen-copy/,
    );
  });

  it('classify --record with a sign-off keeps the decision record and the post-return review (RC3), one copy for the classification and its decision', async () => {
    const dir = caseload();
    const r = await reunify(
      [
        'classify',
        'cases/RF-0001.md',
        '--as-of',
        '2026-08-20',
        '--record',
        '--level',
        'low',
        '--by',
        'SW J.P.',
        '--signed-off-by',
        'TM A.O.',
        '--signed-off-date',
        '2026-08-20',
        '--date',
        '2026-08-20',
        '--decision',
        'continue',
        '--reasons',
        'Settled at home; Mrs A visits twice a week',
      ],
      { cwd: dir, today: '2026-08-20' },
    );
    expect(r.exitCode).toBe(0);
    const names = ['decision-rc3_post_return-2026-08-20.md', 'decision-rc3_post_return-2026-08-20.html', 'review-2026-08-20.md', 'review-2026-08-20.html'];
    expect(r.stdout).toContain(names.map((name) => `  frozen copy: records/RF-0001/${name}`).join('\n'));
    const frozen = names.map((name) => ({ path: `../records/RF-0001/${name}`, sha256: sha256(copyOf(dir, name)) }));
    const data = frontMatter(join(dir, 'cases/RF-0001.md')) as { classifications: { signed_off: unknown }[]; decisions: { signed_off: unknown }[] };
    expect(data.classifications.at(-1)!.signed_off).toEqual({ by: 'TM A.O.', date: '2026-08-20', frozen });
    expect(data.decisions.at(-1)!.signed_off).toEqual({ by: 'TM A.O.', date: '2026-08-20', frozen });
    expect(copyOf(dir, 'decision-rc3_post_return-2026-08-20.md').toString()).toContain('Settled at home; Mrs A visits twice a week');

    changeCase(dir);
    const file = join(dir, 'cases/RF-0001.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Settled at home; Mrs A visits twice a week', 'CANARY-REASONS'));
    for (const [type, name] of [
      ['decision', 'decision-rc3_post_return-2026-08-20.md'],
      ['review', 'review-2026-08-20.md'],
    ]) {
      const out = join(dir, `${type}.md`);
      const shown = await reunify(
        ['report', 'cases/RF-0001.md', '--type', type!, ...(type === 'decision' ? ['--point', 'rc3_post_return'] : []), '--as-of', '2026-08-20', '--out', out],
        { cwd: dir },
      );
      expect(shown.exitCode).toBe(0);
      expect(shown.stderr).toContain(`this is its frozen copy ../records/RF-0001/${name}, byte for byte`);
      expect(readFileSync(out).equals(copyOf(dir, name!))).toBe(true);
      expect(readFileSync(out, 'utf8')).not.toContain('CANARY');
    }
    const check = await reunify(['check', '.', '--as-of', '2026-08-20'], { cwd: dir });
    expect(check.stdout).not.toContain('case/frozen-copy');
    rmSync(join(dir, 'records/RF-0001/review-2026-08-20.md'));
    const gone = await reunify(['check', '.', '--as-of', '2026-08-20'], { cwd: dir });
    expect(gone.exitCode).toBe(1);
    // named once for each sign-off that keeps it: the classification's and the decision's
    expect(
      gone.stdout.match(
        /the frozen copy \.\.\/records\/RF-0001\/review-2026-08-20\.md of the rc3_post_return (classification|decision), as signed off, is missing/g,
      ),
    ).toHaveLength(2);
  });

  it('the same sign-off given again keeps the copies it names, and writes no new one', async () => {
    const dir = caseload();
    expect((await reunify(SIGN_BY_TASK, { cwd: dir, today: '2025-10-22' })).exitCode).toBe(0);
    const signed = (frontMatter(join(dir, 'cases/RF-0001.md')) as { tasks: { written_assessment: { signed_off: unknown } } }).tasks.written_assessment
      .signed_off;
    const again = await reunify(SIGN_BY_TASK, { cwd: dir, today: '2025-10-22' });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).not.toContain('frozen copy');
    expect(
      (frontMatter(join(dir, 'cases/RF-0001.md')) as { tasks: { written_assessment: { signed_off: unknown } } }).tasks.written_assessment.signed_off,
    ).toEqual(signed);
    expect(readdirSync(join(dir, 'records/RF-0001')).sort()).toEqual(['assessment-2025-10-22.html', 'assessment-2025-10-22.md']);
  });

  it('a dry run writes no copy and says which it would keep', async () => {
    const dir = caseload();
    const r = await reunify([...SIGN_BY_TASK, '--dry-run'], { cwd: dir, today: '2025-10-22' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('frozen: [{ path: ../records/RF-0001/assessment-2025-10-22.md');
    expect(r.stderr).toContain(
      'would keep frozen copies of the sign-off: records/RF-0001/assessment-2025-10-22.md, records/RF-0001/assessment-2025-10-22.html',
    );
    expect(existsSync(join(dir, 'records'))).toBe(false);
    expect(readFileSync(join(dir, 'cases/RF-0001.md'), 'utf8')).not.toContain('frozen');
  });
});

describe('signoff --freeze', () => {
  it('keeps copies of a sign-off given before copies were kept, says when, and never twice', async () => {
    const dir = caseload((t) =>
      t.replace(
        'recommendation: return_if_change_evidenced }',
        'signed_off: { by: "TM A.O.", date: 2025-10-22 },\n                         recommendation: return_if_change_evidenced }',
      ),
    );
    const r = await reunify(['signoff', '.', '--freeze', 'RF-0001', '--item', 'written_assessment'], { cwd: dir, today: '2026-12-01' });
    expect(r.exitCode).toBe(0);
    const file = readFileSync(join(dir, 'cases/RF-0001.md'), 'utf8');
    // who signed and when stay exactly as written
    expect(file).toContain('signed_off: { by: "TM A.O.", date: 2025-10-22, frozen: [');
    const data = frontMatter(join(dir, 'cases/RF-0001.md')) as { tasks: { written_assessment: { signed_off: { frozen: { made: string }[] } } } };
    expect(data.tasks.written_assessment.signed_off.frozen.map((c) => c.made)).toEqual(['2026-12-01', '2026-12-01']);
    const again = await reunify(['signoff', '.', '--freeze', 'RF-0001', '--item', 'written_assessment'], { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already has frozen copies');
  });

  it('refuses an item that is not signed off: it never signs', async () => {
    const dir = caseload();
    const r = await reunify(['signoff', '.', '--freeze', 'RF-0001', '--item', 'written_assessment'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('is not signed off: a frozen copy is kept only of a signed-off record');
    expect(existsSync(join(dir, 'records'))).toBe(false);
    expect(readFileSync(join(dir, 'cases/RF-0001.md'), 'utf8')).not.toContain('frozen');
  });
});

describe('body Markdown in HTML products', () => {
  it('renders emphasis and code, and shows raw HTML and <script> as text', async () => {
    const dir = caseload((t) =>
      t.replace('Risk was set at *high*', 'Risk was set at *high* and `static` <script>alert("x")</script> <div onclick="y()">raw</div>'),
    );
    const r = await reunify(['report', resolve(dir, 'cases/RF-0001.md'), '--type', 'assessment', '--to', 'html', '--as-of', '2025-10-21'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      'Risk was set at <em>high</em> and <code>static</code> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;div onclick=&quot;y()&quot;&gt;raw&lt;/div&gt;',
    );
    expect(r.stdout).not.toContain('<script>alert');
    expect(r.stdout).not.toContain('<div onclick');
    expect(r.stdout).not.toContain('*high*');
  });
});
