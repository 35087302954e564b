// `reunify classify` through the built binary (npm test builds first), on temp
// copies of a fixture case written with comments, aligned columns and mixed styles.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { reunify as reunifyInProcess } from './run.js';
import { reunifyBinary } from './spawn.js';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/io/loadCase.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'classify', 'RF-C001.md');
const CHANGE_AFTER_READ = join(ROOT, 'test', 'fixtures', 'classify', 'change-after-read.mjs');
const AS_OF = ['--as-of', '2026-11-01'];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** In-process, but through the real binary when node itself must load a hook first. */
async function reunify(args: string[], options: { cwd?: string; nodeArgs?: string[]; env?: Record<string, string> } = {}) {
  return options.nodeArgs ? reunifyBinary(args, options) : reunifyInProcess(args, options);
}

/** A temp caseload folder holding a copy of the fixture. */
function tempCase(text?: string): { dir: string; file: string; before: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-classify-'));
  const file = join(dir, 'RF-C001.md');
  if (text === undefined) copyFileSync(FIXTURE, file);
  else writeFileSync(file, text);
  return { dir, file, before: readFileSync(file, 'utf8') };
}

const RECORD = [
  '--record',
  '--level',
  'high',
  '--by',
  'SW Q.A.',
  '--override-category',
  'single_severe_concern',
  '--override-reason',
  'Fictional: the 2024 return failed within weeks',
];

describe('reunify classify <case> (built binary)', () => {
  it('prints the suggestion, every contribution, gaps, the baseline and the decision', async () => {
    const { file } = tempCase();
    const r = await reunify(['classify', file, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Suggested level: Medium  (score 3; Medium from 3, High from 7, Very high from 12)');
    expect(r.stdout).toMatch(/^ +factor +status +weight × fraction = points +source +dated +evidence$/m);
    // facts from the history carry no evidence date; entered ones show their as_of, or say they have none
    expect(r.stdout).toMatch(/previous_failed_return\s+present\s+\+2 × 1 = \+2\s+derived from history\s+-\s+\/history\/failed_returns/);
    expect(r.stdout).toMatch(/parental_substance_misuse\s+partly\s+\+4 × 0.5 = \+2\s+entered\s+2026-10-01\s+\/factors\/0/);
    expect(r.stdout).toMatch(/new_household_adult\s+unknown\s+gap: not counted\s+entered\s+undated\s+\/factors\/2/);
    expect(r.stdout).toMatch(/extended_family_support\s+present\s+-2 × 1 = -2/);
    // 31 days old is within the default 182: nothing is marked old
    expect(r.stdout).not.toContain('(old)');
    // by hand: score 3, plus new_household_adult's weight 2 if it were present = 5, medium (from 3)
    expect(r.stdout).toMatch(/Gaps to assess[^\n]*\n\s+new_household_adult\s+\/factors\/2\s+if present: Medium \(score 5\)$/m);
    expect(r.stdout).toContain('No earlier classification: this would be the first.');
    expect(r.stdout).toContain('Suggested decision at rc1_d2: return_if_goals_met');
    expect(r.stdout).toContain('not a validated actuarial instrument');
    expect(r.stdout).not.toMatch(/probability of|\d+ ?%/);
  });

  it('an unknown factor entry superseded by a later assessment is shown as not counted, and is no longer a gap', async () => {
    const text = readFileSync(FIXTURE, 'utf8').replace(
      '  - { id: extended_family_support,',
      '  - { id: new_household_adult, status: absent, evidence: "Fictional: checks clear, no one has moved in", as_of: 2026-10-20 }\n  - { id: extended_family_support,',
    );
    const { file } = tempCase(text);
    const r = await reunify(['classify', file, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/new_household_adult\s+unknown\s+not counted\s+entered\s+undated\s+\/factors\/2\s+\(superseded by \/factors\/3\)/);
    expect(r.stdout).toMatch(/new_household_adult\s+absent\s+\+2 × 0 = 0\s+entered\s+2026-10-20\s+\/factors\/3/);
    expect(r.stdout).toContain('Gaps to assess: none');
    expect(r.stdout).not.toContain('gap: not counted');
    const json = JSON.parse((await reunify(['classify', file, ...AS_OF, '--format', 'json'])).stdout);
    expect(json.gaps).toEqual([]);
    expect(json.ifPresent).toEqual([]);
    expect(json.baseline.unknownsNow).toBe(0);
    // as of a date before the later entry, the unknown stands and is a gap again
    const before = await reunify(['classify', file, '--as-of', '2026-10-10']);
    expect(before.stdout).toMatch(/Gaps to assess[^\n]*\n\s+new_household_adult\s+\/factors\/2/);
  });

  it('--format json has the documented shape and carries pointers, not narrative', async () => {
    const { file } = tempCase();
    const r = await reunify(['classify', file, ...AS_OF, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      version: 1,
      caseId: 'RF-C001',
      stage: 2,
      asOf: '2026-11-01',
      point: 'rc1_d2',
      level: 'medium',
      scoreLevel: 'medium',
      score: 3,
      thresholds: { medium: 3, high: 7, very_high: 12 },
      decision: 'return_if_goals_met',
      forced: [],
      baseline: { latest: null, rc1: null, direction: null, flags: [] },
    });
    expect(out.gaps).toEqual([{ factor: 'new_household_adult', kind: 'risk', evidence: '/factors/2', source: 'entered' }]);
    expect(out.ifPresent).toEqual([{ evidence: '/factors/2', factor: 'new_household_adult', level: 'medium', score: 5 }]);
    expect(out).toMatchObject({ evidenceMaxAgeDays: 182, oldEvidence: [] });
    for (const c of out.contributions) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['factor', 'kind', 'status', 'weight', 'fraction', 'points', 'source', 'evidence']));
      expect(c.evidence).toMatch(/^\//);
    }
    expect(out.contributions.reduce((sum: number, c: { points: number }) => sum + c.points, 0)).toBe(out.score);
    expect(r.stdout).not.toContain('Fictional');
  });

  it('--record appends the entries and marks the tasks done, keeping every other byte', async () => {
    const { file, before } = tempCase();
    const r = await reunify([
      'classify',
      file,
      ...AS_OF,
      ...RECORD,
      '--signed-off-by',
      'TM Q.B.',
      '--signed-off-date',
      '2026-11-01',
      '--decision',
      'return_if_change_evidenced',
      '--reasons',
      'Fictional reasons',
    ]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Recorded: rc1_d2 level high (suggested medium) by SW Q.A., override single_severe_concern');
    // the sign-off keeps the decision record as signed, as signoff --sign does: one copy serves the classification and its decision
    const dir = join(file, '..');
    const copyMd = join(dir, 'records/RF-C001/decision-rc1_d2-2026-11-01.md');
    const copyHtml = join(dir, 'records/RF-C001/decision-rc1_d2-2026-11-01.html');
    expect(r.stdout).toContain(`  frozen copy: ${relative(ROOT, copyMd)}\n  frozen copy: ${relative(ROOT, copyHtml)}`);
    expect(readdirSync(join(dir, 'records/RF-C001')).sort()).toEqual(['decision-rc1_d2-2026-11-01.html', 'decision-rc1_d2-2026-11-01.md']);
    expect(readFileSync(copyMd, 'utf8')).toContain('signed off by TM Q.B. on 1 November 2026');
    const frozen = [
      { path: 'records/RF-C001/decision-rc1_d2-2026-11-01.md', sha256: sha256(readFileSync(copyMd)) },
      { path: 'records/RF-C001/decision-rc1_d2-2026-11-01.html', sha256: sha256(readFileSync(copyHtml)) },
    ];
    const after = readFileSync(file, 'utf8');

    // the body after the closing fence is byte for byte the same
    const fence = (t: string) => t.indexOf('\n---\n', 4);
    expect(after.slice(fence(after))).toBe(before.slice(fence(before)));
    // every line but the two task lines is kept, in order; the rest are additions
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    const changed = beforeLines.filter((line) => !afterLines.includes(line));
    expect(changed).toEqual(['  classification:      { status: todo }      # RC1 to record', '  decision:            { status: todo }']);
    const kept = afterLines.filter((line) => beforeLines.includes(line));
    expect(kept).toEqual(beforeLines.filter((line) => !changed.includes(line)));
    expect(afterLines.find((l) => l.startsWith('  classification:'))).toMatch(
      /^ {2}classification: {6}\{ status: done, date: 2026-11-01, by: "?SW Q\.A\."? \} {6}# RC1 to record$/,
    );
    // additions come only after the last line of the old front matter
    const firstAdded = afterLines.findIndex((line) => !beforeLines.includes(line) && !line.startsWith('  classification:') && !line.startsWith('  decision:'));
    expect(firstAdded).toBeGreaterThan(afterLines.indexOf('  support_if_no_return: { status: todo }'));

    const data = loadCase(file).data as Record<string, unknown>;
    expect(data.classifications).toEqual([
      {
        date: '2026-11-01',
        point: 'rc1_d2',
        level: 'high',
        suggested: 'medium',
        by: 'SW Q.A.',
        signed_off: { by: 'TM Q.B.', date: '2026-11-01', frozen },
        override_category: 'single_severe_concern',
        override_reason: 'Fictional: the 2024 return failed within weeks',
      },
    ]);
    expect(data.decisions).toEqual([
      {
        date: '2026-11-01',
        point: 'rc1_d2',
        outcome: 'return_if_change_evidenced',
        reasons: 'Fictional reasons',
        signed_off: { by: 'TM Q.B.', date: '2026-11-01', frozen },
      },
    ]);
    expect((data.tasks as Record<string, unknown>).classification).toEqual({ status: 'done', date: '2026-11-01', by: 'SW Q.A.' });
    // the decision is the team manager's who signed it off
    expect((data.tasks as Record<string, unknown>).decision).toEqual({ status: 'done', date: '2026-11-01', by: 'TM Q.B.' });

    // a second round appends after the first and compares against it
    const again = await reunify(['classify', file, ...AS_OF, '--record', '--level', 'medium', '--by', 'SW Q.A.', '--date', '2026-11-02', '--format', 'json']);
    expect(again.exitCode).toBe(0);
    const out = JSON.parse(again.stdout);
    expect(out.baseline.latest).toMatchObject({ index: 0, level: 'high', point: 'rc1_d2' });
    expect(out.baseline.direction).toBe('down');
    expect(out.baseline.flags.map((f: { id: string }) => f.id)).toEqual(['lowering-without-evidence']);
    expect(out.recorded).toEqual({
      written: true,
      classification: { date: '2026-11-02', point: 'rc1_d2', level: 'medium', suggested: 'medium', by: 'SW Q.A.' },
      tasks: ['classification'],
    });
    const third = loadCase(file).data as { classifications: unknown[] };
    expect(third.classifications).toHaveLength(2);
    const latest = readFileSync(file, 'utf8');
    expect(latest.slice(fence(latest))).toBe(before.slice(fence(before)));
  });

  it('--with records the people who classified together as a list, and --by alone stays one name', async () => {
    const { file } = tempCase();
    const r = await reunify(['classify', file, ...AS_OF, ...RECORD, '--with', 'TM Q.B.']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Recorded: rc1_d2 level high (suggested medium) by SW Q.A. and TM Q.B., override single_severe_concern');
    const data = loadCase(file).data as { classifications: { by: unknown }[]; tasks: Record<string, unknown> };
    expect(data.classifications[0]!.by).toEqual(['SW Q.A.', 'TM Q.B.']);
    // the task is the worker's who recorded it
    expect(data.tasks.classification).toEqual({ status: 'done', date: '2026-11-01', by: 'SW Q.A.' });
    // the list is valid: check's only error is the sign-off still to come
    const check = await reunify(['check', file, '--format', 'json', ...AS_OF]);
    const problems = (JSON.parse(check.stdout) as { files: { problems: { ruleId: string; severity: string }[] }[] }).files[0]!.problems;
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(['stage2/signed-off']);
    const usage = await reunify(['classify', file, ...AS_OF, '--with', 'TM Q.B.']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('--with only with --record');
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const { file, before } = tempCase();
    const r = await reunify(['classify', file, ...AS_OF, ...RECORD, '--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Would record: rc1_d2 level high (suggested medium)');
    expect(r.stdout).toMatch(/^\+classifications:$/m);
    expect(r.stdout).toMatch(/^- {2}classification: {6}\{ status: todo \}/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses to write when the file changed since it was read', async () => {
    const { file, before } = tempCase();
    const r = await reunify(['classify', file, ...AS_OF, ...RECORD], {
      nodeArgs: ['--import', CHANGE_AFTER_READ],
      env: { REUNIFY_TEST_CHANGE_AFTER_READ: 'RF-C001.md' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('changed on disk since it was read; nothing was written');
    expect(readFileSync(file, 'utf8')).toBe(before + '\nA line added by someone else.\n');
  });

  const refusals: { name: string; args: string[]; message: RegExp }[] = [
    {
      name: 'an override without a category or reason',
      args: ['--record', '--level', 'high', '--by', 'SW Q.A.'],
      message: /give its category .* give the reasoning/,
    },
    {
      name: 'an override without a reason',
      args: ['--record', '--level', 'low', '--by', 'SW Q.A.', '--override-category', 'strong_protective_context'],
      message: /give the reasoning/,
    },
    {
      name: 'an unknown override category',
      args: ['--record', '--level', 'low', '--by', 'SW Q.A.', '--override-category', 'hunch', '--override-reason', 'x'],
      message: /"hunch" is not an override category/,
    },
    {
      name: 'an outcome not valid at the point',
      args: ['--record', '--level', 'medium', '--by', 'SW Q.A.', '--decision', 'proceed_to_return'],
      message: /"proceed_to_return" is not a decision at rc1_d2/,
    },
  ];
  for (const row of refusals) {
    it(`refuses ${row.name} (exit 1, nothing written)`, async () => {
      const { file, before } = tempCase();
      const r = await reunify(['classify', file, ...AS_OF, ...row.args]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(row.message);
      expect(r.stderr).toContain('nothing was recorded');
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }

  it('--next-review writes when the next post-return review is on an RC3 decision, and only there', async () => {
    const rf1 = readFileSync(join(ROOT, 'examples/caseload/cases/RF-0001.md'), 'utf8');
    const { file } = tempCase(rf1);
    const rc3 = [
      '--as-of',
      '2026-11-20',
      '--record',
      '--level',
      'low',
      '--by',
      'SW J.P.',
      '--date',
      '2026-11-20',
      '--decision',
      'continue',
      '--reasons',
      'Settled',
    ];
    const early = await reunify(['classify', file, ...rc3, '--next-review', '2026-11-20']);
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain('--next-review 2026-11-20 must be after the decision it follows (2026-11-20)');
    const r = await reunify(['classify', file, ...rc3, '--next-review', '2027-02-19', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const decisions = (loadCase(file).data as { decisions: Record<string, unknown>[] }).decisions;
    expect(decisions.at(-1)).toEqual({ date: '2026-11-20', point: 'rc3_post_return', outcome: 'continue', reasons: 'Settled', next_review: '2027-02-19' });

    const alone = await reunify(['classify', file, ...rc3.slice(0, 9), '--next-review', '2027-02-19']);
    expect(alone.exitCode).toBe(2);
    expect(alone.stderr).toContain('--next-review needs --decision');
    const { file: rc1 } = tempCase();
    const notRc3 = await reunify(['classify', rc1, ...AS_OF, ...RECORD, '--decision', 'return_if_goals_met', '--reasons', 'x', '--next-review', '2027-02-19']);
    expect(notRc3.exitCode).toBe(1);
    expect(notRc3.stderr).toContain('--next-review is for a post-return review decision (rc3_post_return), not rc1_d2');
  });

  it('refuses a case with schema errors', async () => {
    const broken = readFileSync(FIXTURE, 'utf8').replace('legal_status: s20', 'legal_status: s99');
    const { file, before } = tempCase(broken);
    const r = await reunify(['classify', file, ...AS_OF, ...RECORD]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/RF-C001\.md:12:17: .*must be one of/);
    expect(r.stderr).toContain('could not be classified');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses to record at stage 1', async () => {
    const { file, before } = tempCase(readFileSync(FIXTURE, 'utf8').replace('stage: 2 ', 'stage: 1 '));
    const r = await reunify(['classify', file, ...AS_OF, '--record', '--level', 'medium', '--by', 'SW Q.A.']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/no decision point at stage 1/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  const usage: { name: string; args: string[]; message: RegExp }[] = [
    { name: '--level without --record', args: ['--level', 'high'], message: /--level only with --record/ },
    { name: '--record without --by', args: ['--record', '--level', 'high'], message: /--record needs --by/ },
    { name: 'a bad --date', args: ['--record', '--level', 'medium', '--by', 'x', '--date', '2026-13-01'], message: /--date must be a date/ },
    { name: 'an unknown level', args: ['--record', '--level', 'severe', '--by', 'x'], message: /severe/ },
    {
      name: '--signed-off-by without --signed-off-date (the record date is not assumed for it)',
      args: ['--record', '--level', 'medium', '--by', 'SW Q.A.', '--signed-off-by', 'TM Q.B.'],
      message: /--signed-off-by needs --signed-off-date \(the date the team manager signed it off; none is assumed\)/,
    },
  ];
  for (const row of usage) {
    it(`usage error: ${row.name} (exit 2)`, async () => {
      const { file, before } = tempCase();
      const r = await reunify(['classify', file, ...AS_OF, ...row.args]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(row.message);
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }

  it('--help shows examples', async () => {
    const r = await reunify(['classify', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--override-category');
  });
});

describe('reunify classify: evidence dates and unknowns', () => {
  it('marks evidence older than classification.evidence_max_age_days as (old), in text and JSON', async () => {
    const { dir, file } = tempCase();
    // as of 2027-06-01 the 2026-10-01 entries are 243 days old, past the default 182
    const late = await reunify(['classify', file, '--as-of', '2027-06-01']);
    expect(late.exitCode).toBe(0);
    expect(late.stdout).toMatch(/parental_substance_misuse\s+partly\s+\+4 × 0.5 = \+2\s+entered\s+2026-10-01 \(old\)\s+\/factors\/0/);
    expect(late.stdout).toMatch(/capacity_to_change \(mum\)\s+emerging\s+0 × 1 = 0\s+capacity to change\s+2026-10-01 \(old\)/);
    expect(late.stdout).toMatch(/new_household_adult\s+unknown\s+gap: not counted\s+entered\s+undated\s+\/factors\/2/);
    expect(late.stdout).toContain('(old): evidence dated more than 182 days before 2027-06-01 (classification.evidence_max_age_days): check it still holds');
    // a local setting of 20 days: 31 days old on 2026-11-01 is old
    writeFileSync(join(dir, 'reunify.config.yaml'), 'classification:\n  evidence_max_age_days: 20\n');
    const strict = await reunify(['classify', file, ...AS_OF, '--format', 'json']);
    expect(strict.exitCode).toBe(0);
    const json = JSON.parse(strict.stdout);
    expect(json.evidenceMaxAgeDays).toBe(20);
    expect(json.oldEvidence).toEqual(['/factors/0', '/factors/1', '/factors/3', '/capacity_to_change/0']);
    // the age changes no points
    expect(json.score).toBe(3);
  });

  it('gives, for each unknown factor, the level the same calculation gives with it present', async () => {
    // a second unknown, protective: present it would take 3 off (score 0, low); derived history unknown too
    const text = readFileSync(FIXTURE, 'utf8')
      .replace(
        '  - { id: extended_family_support,',
        '  - { id: sustained_parental_change, status: unknown, as_of: 2026-10-01 }\n  - { id: extended_family_support,',
      )
      .replace(/^ {2}failed_returns: 1\b.*$/m, '');
    const { file } = tempCase(text);
    const r = await reunify(['classify', file, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    // failed_returns not recorded: score 3 - 2 = 1, low; each line below is that score plus the factor's weight
    expect(r.stdout).toContain('Suggested level: Low  (score 1;');
    expect(r.stdout).toMatch(/^ +previous_failed_return +\/history\/failed_returns +if present: Medium \(score 3\)$/m);
    expect(r.stdout).toMatch(/^ +new_household_adult +\/factors\/2 +if present: Medium \(score 3\)$/m);
    expect(r.stdout).toMatch(/^ +sustained_parental_change +\/factors\/3 +if present: Low \(score -2\)$/m);
    // the case file is read, never changed
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a forcing factor raises the level an unknown would give', async () => {
    const { dir, file } = tempCase();
    writeFileSync(
      join(dir, 'reunify.config.yaml'),
      'classification:\n  forcing:\n    - { factor: new_household_adult, min_level: high, reason: "Fictional: assess first" }\n',
    );
    const r = await reunify(['classify', file, ...AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ +new_household_adult +\/factors\/2 +if present: High \(score 5\)$/m);
  });
});

describe('reunify classify <dir> (built binary)', () => {
  it('summarises every open case of the example caseload, skipping stage 1 and closed', async () => {
    const r = await reunify(['classify', 'examples/caseload', ...AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.failed).toEqual([]);
    const files = readdirSync(join(ROOT, 'examples', 'caseload', 'cases')).filter((f) => f.endsWith('.md'));
    expect(out.cases.length + out.skipped.length).toBe(files.length);
    for (const c of out.cases) {
      expect(Object.keys(c).sort()).toEqual(
        [
          'baseline',
          'caseId',
          'decision',
          'decisionShouldChange',
          'direction',
          'file',
          'flags',
          'gaps',
          'latest',
          'oldEvidence',
          'point',
          'score',
          'stage',
          'suggested',
        ].sort(),
      );
      expect([2, 3, 4, 5]).toContain(c.stage);
    }
    for (const s of out.skipped) expect(s.reason).toMatch(/stage 1|closed/);
    expect(out.cases.find((c: { caseId: string }) => c.caseId === 'RF-0004')).toMatchObject({
      point: 'rc1_d2',
      baseline: 'very_high',
      latest: 'very_high',
      suggested: 'very_high',
      direction: 'same',
      decision: 'no_return',
    });
    // baseline is RC1 (high, 2026-07-17), latest the RC2 of 2026-10-16 (medium): the direction is against latest
    expect(out.cases.find((c: { caseId: string }) => c.caseId === 'RF-0008')).toMatchObject({
      point: 'rc2_d3',
      baseline: 'high',
      latest: 'medium',
      suggested: 'low',
      direction: 'down',
    });
  });

  it('the baseline column is the RC1 level and latest the latest recorded level', async () => {
    const r = await reunify(['classify', 'examples/caseload', ...AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^case +stage +point +baseline +latest +suggested +direction +suggested decision +flags$/m);
    // RF-0008: RC1 high on 2026-07-17, RC2 medium on 2026-10-16, suggested low
    expect(r.stdout).toMatch(/^RF-0008 +3 +rc2_d3 +High +Medium +Low +down +proceed_to_return +lowering-without-evidence$/m);
    // RF-0011 has no classification recorded
    expect(r.stdout).toMatch(/^RF-0011 +5 +rc3_post_return +- +- +High +- +increase_support$/m);
  });

  it('prints a table, and exits 1 when a case cannot be classified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-classify-dir-'));
    mkdirSync(join(dir, 'cases'));
    copyFileSync(FIXTURE, join(dir, 'cases', 'RF-C001.md'));
    writeFileSync(join(dir, 'cases', 'RF-C002.md'), readFileSync(FIXTURE, 'utf8').replace('RF-C001', 'RF-C002').replace('stage: 2 ', 'stage: 9 '));
    const r = await reunify(['classify', dir, ...AS_OF]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^case\s+stage\s+point\s+baseline\s+latest\s+suggested\s+direction\s+suggested decision/m);
    expect(r.stdout).toMatch(/^RF-C001\s+2\s+rc1_d2\s+-\s+-\s+Medium\s+-\s+return_if_goals_met/m);
    expect(r.stdout).toContain('1 case classified as of 2026-11-01; 0 skipped (stage 1 or closed); 1 could not be classified');
    expect(r.stdout).toContain('baseline: the RC1 level; latest: the latest recorded level; direction: suggested against latest');
    expect(r.stderr).toMatch(/RF-C002\.md:\d+:\d+: .*\(schema\)/);
  });
});
