import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reunify } from './run.js';
import { EXAMPLE_CASE_COUNT, exampleCaseFiles } from '../exampleCases.js';

const AS_OF = ['--as-of', '2026-11-01'];

/** What every file in examples/broken must report (file → "line:column ruleId" list), as its README documents. */
const BROKEN: Record<string, string[]> = {
  'RF-9001.md': ['3:5 caseload/duplicate-id'],
  'dup/rf-9001.md': ['3:5 caseload/duplicate-id'],
  'alias.md': ['20:45 yaml-alias'],
  'bom-error.md': ['2:10 schema'],
  'crlf-schema-error.md': ['21:33 schema'],
  'custom-tag-foo.md': ['7:8 yaml-tag'],
  'custom-tag-js-function.md': ['7:8 yaml-tag'],
  'duplicate-key.md': ['6:1 yaml-duplicate-key'],
  'empty.md': ['1:1 file-empty'],
  'front-matter-list.md': ['2:1 front-matter-not-a-map'],
  'id-mismatch.md': ['3:5 case/id-matches-file'],
  'invalid-date.md': ['5:9 schema'],
  'js-front-matter.md': ['1:4 front-matter-language'],
  'missing-closing-fence.md': ['1:1 front-matter-unclosed'],
  'no-front-matter.md': ['1:1 front-matter-missing'],
  'not-applicable-without-reason.md': ['22:23 schema'],
  'proto-key.md': ['24:1 yaml-forbidden-key'],
  'stage-gate.md': ['4:8 stage-gate', '4:8 stage-gate', '27:34 stage-gate', '28:34 stage-gate', '29:34 stage-gate'],
  'task-done-without-date.md': ['19:23 schema', '19:23 schema'],
  'wrong-enum.md': ['10:17 schema'],
  'yaml-syntax-error.md': ['14:7 yaml-syntax'],
};

/** What the unplanned return RF-0011 reports (examples/caseload/README.md): its missing earlier-stage work and overdue RC3, as warnings. */
const UNPLANNED_RETURN_WARNINGS = [
  '2:1 warning stage3/backup-plan',
  '2:1 warning stage3/team-around-child',
  '2:1 warning stage4/reclassification-after-agreement',
  ...['4:8', '4:8', '4:8', '59:34', '60:34', '61:34', '62:34', '63:34', '64:34', '67:34', '68:34', '69:34', '70:34'].map((at) => `${at} warning stage-gate`),
  '80:14 warning timeliness/rc3-after-unplanned-return',
  '86:5 warning stage5/support-covers-return',
];

interface JsonOutput {
  version: number;
  asOf: string;
  files: {
    filePath: string;
    caseId: string | null;
    errorCount: number;
    warningCount: number;
    problems: { ruleId: string; severity: string; message: string; line: number | null; column: number | null; path: string | null }[];
  }[];
  summary: { files: number; filesWithProblems: number; errors: number; warnings: number };
}

describe('reunify check (built binary)', () => {
  it('the example caseload has no errors; warnings for the unplanned return RF-0011 and five suggestions that no longer recompute (as its README lists)', async () => {
    const r = await reunify(['check', 'examples/caseload', ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\(0 errors, \\d+ warnings?\\) in ${EXAMPLE_CASE_COUNT} case files$`));
    const out = JSON.parse((await reunify(['check', 'examples/caseload', ...AS_OF, '--format', 'json'])).stdout) as JsonOutput;
    expect(out.files.map((f) => f.filePath.replace('examples/caseload/cases/', '')).sort()).toEqual(exampleCaseFiles());
    expect(out.summary.errors).toBe(0);
    const withProblems = out.files.filter((f) => f.problems.length > 0);
    expect(withProblems.map((f) => f.filePath.replace('examples/caseload/cases/', ''))).toEqual([
      'RF-0001.md',
      'RF-0006.md',
      'RF-0007.md',
      'RF-0008.md',
      'RF-0011.md',
      'RF-0012.md',
    ]);
    const rf11 = withProblems.find((f) => f.filePath.endsWith('RF-0011.md'))!;
    expect(rf11.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.ruleId}`)).toEqual(UNPLANNED_RETURN_WARNINGS);
    for (const f of withProblems.filter((f) => f !== rf11))
      expect(f.problems.map((p) => `${p.severity} ${p.ruleId}`)).toEqual(['warning stage2/suggestion-recomputes']);
  });

  it('examples/broken reports exactly what its README lists, with lines and columns', async () => {
    const r = await reunify(['check', 'examples/broken', ...AS_OF, '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOutput;
    const got: Record<string, string[]> = {};
    for (const f of out.files) got[f.filePath.replace('examples/broken/', '')] = f.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`);
    expect(got).toEqual(BROKEN);
    expect(out.summary.errors).toBe(Object.values(BROKEN).flat().length);
  });

  it('never runs ---js front matter', async () => {
    rmSync('/tmp/reunify-pwned', { force: true });
    await reunify(['check', 'examples/broken/js-front-matter.md']);
    expect(existsSync('/tmp/reunify-pwned')).toBe(false);
  });

  it('json output carries no narrative text from the cases', async () => {
    const r = await reunify(['check', 'examples/caseload', ...AS_OF, '--format', 'json']);
    const text = r.stdout;
    for (const phrase of ['alcohol', 'Kinship assessment', 'hair-strand', 'Ms A', 'Child A']) expect(text).not.toContain(phrase);
    const out = JSON.parse(text) as JsonOutput;
    expect(out.version).toBe(1);
    expect(out.files).toHaveLength(EXAMPLE_CASE_COUNT);
  });

  it('sarif output has the SARIF 2.1.0 shape code scanning needs', async () => {
    const r = await reunify(['check', 'examples/broken', ...AS_OF, '--format', 'sarif']);
    expect(r.exitCode).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('reunify');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(run.results.length).toBe(Object.values(BROKEN).flat().length);
    for (const res of run.results) {
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(typeof res.message.text).toBe('string');
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^examples\/broken\/[\w./-]+\.md$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('junit output lists one failing test case per error', async () => {
    const r = await reunify(['check', 'examples/broken', ...AS_OF, '--format', 'junit']);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="reunify check"/);
    expect((r.stdout.match(/<failure /g) ?? []).length).toBe(Object.values(BROKEN).flat().length);
    expect(r.stdout).toContain('<testsuite name="examples/broken/duplicate-key.md" tests="1" failures="1">');
  });

  it('stylish output groups by file with line:column, severity, message and rule id', async () => {
    const r = await reunify(['check', 'examples/broken/duplicate-key.md']);
    expect(r.stdout).toBe(
      'examples/broken/duplicate-key.md\n  6:1  error  duplicate key in the front matter: Map keys must be unique  yaml-duplicate-key\n\n✖ 1 problem (1 error, 0 warnings) in 1 case file',
    );
    expect(r.exitCode).toBe(1);
  });

  it('colours only when asked: FORCE_COLOR colours, NO_COLOR and --no-color win', async () => {
    const args = ['check', 'examples/broken/duplicate-key.md'];
    expect((await reunify(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await reunify(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await reunify([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await reunify(args)).stdout).not.toContain('\u001b[');
  });

  it('a folder with no cases exits 2 and says what was looked for; --allow-empty accepts it (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-empty-'));
    const r = await reunify(['check', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `reunify: no case files found in "${dir}" (the default cases pattern "**/*.md"); pass --allow-empty if an empty caseload is expected`,
    );
    const allowed = await reunify(['check', dir, '--allow-empty']);
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stdout).toBe('✔ 0 case files checked, no problems');
  });

  it('a path that does not exist is a usage error (exit 2)', async () => {
    const r = await reunify(['check', 'no/such/folder']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no/such/folder: no such file or folder');
  });

  it('a bad flag value is a usage error (exit 2)', async () => {
    expect((await reunify(['check', '--as-of', '2026-02-30'])).exitCode).toBe(2);
    expect((await reunify(['check', '--format', 'xml'])).exitCode).toBe(2);
    expect((await reunify(['check', '--rule', 'nope=off'])).stderr).toContain('unknown rule "nope"');
    expect((await reunify(['check', '--max-warnings', 'x'])).exitCode).toBe(2);
  });

  it('--rule id=off and --quiet change what is reported', async () => {
    const off = await reunify(['check', 'examples/broken/duplicate-key.md', '--rule', 'yaml-duplicate-key=off']);
    expect(off.exitCode).toBe(0);
    const warn = await reunify(['check', 'examples/broken/duplicate-key.md', '--rule', 'yaml-duplicate-key=warn', '--quiet']);
    expect(warn.exitCode).toBe(0);
    expect(warn.stdout).toBe('');
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const args = ['check', 'examples/broken/duplicate-key.md', '--rule', 'yaml-duplicate-key=warn'];
    expect((await reunify([...args, '--max-warnings', '1'])).exitCode).toBe(0);
    const r = await reunify([...args, '--max-warnings', '0']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^reunify: 1 warning is more than --max-warnings 0$/m);
    const many = await reunify(['check', 'examples/caseload', '--as-of', '2026-11-01', '--max-warnings', '10', '--quiet']);
    expect(many.exitCode).toBe(1);
    expect(many.stderr).toMatch(/^reunify: 23 warnings are more than --max-warnings 10$/m);
  });

  it('an invalid config exits 2 with file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-badconfig-'));
    writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: x\nleaving_care_age: old\n');
    const r = await reunify(['check', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'reunify.config.yaml')}:2:19: /leaving_care_age: must be integer`);
  });

  it('config rule severities apply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-sev-'));
    copyFileSync('examples/broken/duplicate-key.md', join(dir, 'duplicate-key.md'));
    writeFileSync(join(dir, 'reunify.config.yaml'), 'rules:\n  yaml-duplicate-key: "off"\n');
    expect((await reunify(['check', dir])).exitCode).toBe(0);
  });

  it('one broken file does not stop the others being checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-mixed-'));
    mkdirSync(join(dir, 'cases'));
    for (const f of ['duplicate-key.md', 'yaml-syntax-error.md', 'empty.md']) copyFileSync(join('examples/broken', f), join(dir, 'cases', f));
    const r = await reunify(['check', dir, '--format', 'json']);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.files.map((f) => f.errorCount)).toEqual([1, 1, 1]);
  });

  it('exits quietly when stdout is closed early (| head)', async () => {
    const { execaCommand } = await import('execa');
    const r = await execaCommand(`node bin/reunify.js check examples/broken --as-of 2026-11-01 --format json | head -c 10`, {
      shell: true,
      reject: false,
      env: { NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
  });

  it('every broken example is listed in this test and in its README', () => {
    const files = readdirSync('examples/broken', { recursive: true, withFileTypes: false }) as string[];
    const cases = files.filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    expect(cases).toEqual(Object.keys(BROKEN).sort());
  });
});
