// The monitoring scenario: a caseload whose drift `reunify status` finds. For several
// seeds the pack is made and status run on it through the command line: every drift
// the facilitator's key names is an exception of that metric for that case, with the
// same line; cases the key calls in order are named by no metric; and the participants'
// pages hold no answers.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONITORED_METRICS, metricsOf } from '../../src/core/training/drift.js';
import { caseViolations, packViolations } from '../../src/core/training/coherence.js';
import { generatePackCases } from '../../src/core/training/packCases.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import { METRIC_WORDS } from '../../src/report/monitoringKey.js';
import { reunify } from '../cli/run.js';

const AS_OF = '2026-11-01';
const config = defaultConfig();

type View = Record<string, { exceptions?: { id: string; detail: string }[] }>;

interface KeyCase {
  id: string;
  /** [plain name, metric id, status's line] for each drift; empty: in order. */
  drift: [string, string, string][];
  clean: boolean;
}

/** The answer key of facilitator.md, case by case, as a facilitator reads it. */
function readKey(facilitator: string): KeyCase[] {
  const start = facilitator.indexOf('\n## Answer key\n');
  const end = facilitator.indexOf('\n## ', start + 5);
  expect(start).toBeGreaterThan(0);
  const key = facilitator.slice(start, end);
  return key
    .split(/^### /m)
    .slice(1)
    .map((part) => {
      const id = part.slice(0, part.indexOf(':'));
      const drift = part
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Drift |'))
        .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')))
        .map(([name, shows]) => {
          const m = /^([a-z_]+): (.*)$/.exec(shows ?? '');
          expect(m, `${id}: ${shows}`).not.toBeNull();
          return [name!, m![1]!, m![2]!] as [string, string, string];
        });
      return { id, drift, clean: part.includes('Nothing for status to find') };
    });
}

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

async function pack(seed: number, extra: string[] = []) {
  const root = mkdtempSync(join(tmpdir(), 'reunify-monitoring-'));
  const made = await reunify(['scaffold', 'exercise', '--scenario', 'monitoring', '--seed', String(seed), '--out', 'p', ...extra], { cwd: root });
  expect(made.exitCode, made.stderr).toBe(0);
  return { root, dir: join(root, 'p') };
}

async function statusOf(root: string): Promise<View> {
  const r = await reunify(['status', 'p/cases', '--format', 'json', '--as-of', AS_OF], { cwd: root });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as View;
}

const named = (view: View, metric: string, id: string) => (view[metric]?.exceptions ?? []).filter((e) => e.id === id);

describe('the monitoring scenario', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: status finds every drift the key names, for that case and with that line, and nothing in the cases the key calls in order',
    async (seed) => {
      const { root, dir } = await pack(seed);
      const key = readKey(readFileSync(join(dir, 'facilitator.md'), 'utf8'));
      expect(key.map((k) => k.id)).toEqual(Array.from({ length: 12 }, (_, i) => `TR-${String(i + 1).padStart(2, '0')}`));
      const view = await statusOf(root);
      const text = (await reunify(['status', 'p/cases', '--as-of', AS_OF], { cwd: root })).stdout;
      const kinds = new Set<string>();
      for (const k of key) {
        // a case is either in order or has drift, never both, never neither
        expect(k.clean, k.id).toBe(k.drift.length === 0);
        for (const [name, metric, line] of k.drift) {
          kinds.add(metric);
          expect(
            named(view, metric, k.id).map((e) => e.detail),
            `${k.id} ${metric}`,
          ).toContain(line);
          // the key's plain name is the section status shows the case under
          expect(name).toBe(METRIC_WORDS[metric as keyof typeof METRIC_WORDS].name);
          expect(text).toContain(`── ${name} `);
        }
        if (k.clean) for (const metric of MONITORED_METRICS) expect(named(view, metric, k.id), `${k.id} ${metric}`).toEqual([]);
      }
      // the key names all that status finds in the monitored metrics
      const found = MONITORED_METRICS.flatMap((m) => (view[m]?.exceptions ?? []).map((e) => `${e.id} ${m}: ${e.detail}`)).sort();
      expect(found).toEqual(key.flatMap((k) => k.drift.map(([, m, line]) => `${k.id} ${m}: ${line}`)).sort());
      expect(kinds.size).toBeGreaterThanOrEqual(6);
      expect(key.filter((k) => k.clean).length).toBeGreaterThanOrEqual(2);
    },
    60_000,
  );

  it('the participants’ pages hold no answers: no metric, no status line, no next step, no file that holds them', async () => {
    const { dir } = await pack(3);
    const key = readKey(readFileSync(join(dir, 'facilitator.md'), 'utf8'));
    const lines = key.flatMap((k) => k.drift.map(([, , line]) => line));
    expect(lines.length).toBeGreaterThan(6);
    for (const name of readdirSync(join(dir, 'worksheets'))) {
      const page = readFileSync(join(dir, 'worksheets', name), 'utf8');
      for (const metric of MONITORED_METRICS) expect(page, `${name} ${metric}`).not.toContain(`${metric}:`);
      for (const words of Object.values(METRIC_WORDS)) expect(page, name).not.toContain(words.next);
      for (const line of lines) expect(page, name).not.toContain(line);
      expect(page, name).not.toMatch(/Nothing for status to find|in order \||answer key|cases\/|\.md\b|facilitator/i);
    }
    const summaries = readFileSync(join(dir, 'worksheets', 'case-summaries.md'), 'utf8');
    expect(summaries).toContain('Run reunify status');
    expect(summaries).toContain('What reunify status shows for this child (or: nothing)');
    for (const k of key) expect(summaries).toContain(`## ${k.id}: `);
  }, 60_000);

  it('is the same pack for the same seed; rebuild gives the same files, and follows a case the trainer edited', async () => {
    const a = await pack(6);
    const b = await pack(6, ['-q']);
    expect(tree(b.dir)).toEqual(tree(a.dir));
    expect(a.dir).not.toBe(b.dir);
    const rebuilt = await reunify(['scaffold', 'rebuild', 'p', '-q'], { cwd: a.root });
    expect(rebuilt.exitCode).toBe(0);
    expect(tree(a.dir)).toEqual(tree(b.dir));
    // the trainer takes the sign-off off the written assessment of a case in order
    const before = readKey(readFileSync(join(a.dir, 'facilitator.md'), 'utf8'));
    const signed = / signed_off: \{ by: [^}]+\},/;
    const target = before.find(
      (k) => k.clean && signed.test(/written_assessment: \{.*\}/.exec(readFileSync(join(a.dir, 'cases', `${k.id}.md`), 'utf8'))?.[0] ?? ''),
    );
    expect(target).toBeDefined();
    const file = join(a.dir, 'cases', `${target!.id}.md`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(written_assessment: \{.*?), signed_off: \{ by: [^}]+\}/, '$1'));
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    expect((await reunify(['scaffold', 'rebuild', 'p', '-q'], { cwd: a.root })).exitCode).toBe(0);
    const after = readKey(readFileSync(join(a.dir, 'facilitator.md'), 'utf8')).find((k) => k.id === target!.id)!;
    expect(after.clean).toBe(false);
    expect(after.drift.map(([, metric]) => metric)).toContain('awaiting_signoff');
    expect(named(await statusOf(a.root), 'awaiting_signoff', target!.id)).toHaveLength(1);
  }, 60_000);

  it('takes 8 cases at least (12 by default), and no --stages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reunify-monitoring-'));
    const few = await reunify(['scaffold', 'exercise', '--scenario', 'monitoring', '--cases', '7', '--out', 'few'], { cwd: root });
    expect(few.exitCode).toBe(2);
    expect(few.stderr).toContain('--cases must be from 8 to 100, got 7');
    const stages = await reunify(['scaffold', 'exercise', '--scenario', 'monitoring', '--stages', '1,3', '--out', 's'], { cwd: root });
    expect(stages.exitCode).toBe(2);
    expect(stages.stderr).toContain('--stages is for the cohorts scenario');
    const eight = await reunify(['scaffold', 'exercise', '--scenario', 'monitoring', '--cases', '8', '--seed', '9', '--out', 'eight'], { cwd: root });
    expect(eight.exitCode).toBe(0);
    expect(eight.stderr).toContain('created eight: 8 fictional cases');
    expect(eight.stderr).toContain('next: reunify status eight/cases');
    expect(readdirSync(join(root, 'eight', 'cases'))).toHaveLength(8);
    const key = readKey(readFileSync(join(root, 'eight', 'facilitator.md'), 'utf8'));
    expect(new Set(key.flatMap((k) => k.drift.map(([, m]) => m))).size).toBeGreaterThanOrEqual(6);
    expect(key.filter((k) => k.clean)).toHaveLength(2);
    const help = await reunify(['scaffold', 'exercise', '--help']);
    expect(help.stdout).toMatch(/monitoring \(a\s+caseload with drift planted for reunify status to find/);
    expect(help.stdout).toContain('"monitoring"');
  }, 60_000);

  it('over 20 packs and a pack of 100: every case coherent, the planted drift exactly what status finds, every kind planted', () => {
    const kinds = new Set<string>();
    for (let seed = 10; seed < 30; seed++) {
      const cases = generatePackCases({ scenario: 'monitoring', seed, cases: seed % 2 === 0 ? 8 : 12, asOf: AS_OF, config });
      expect(packViolations(cases)).toEqual([]);
      for (const c of cases) {
        expect(caseViolations(c, AS_OF), c.id).toEqual([]);
        for (const m of metricsOf(c.findings)) kinds.add(m);
      }
      expect(new Set(cases.flatMap((c) => metricsOf(c.findings))).size, `seed ${seed}`).toBeGreaterThanOrEqual(6);
    }
    expect([...kinds].sort()).toEqual(
      [
        'awaiting_signoff',
        'cost_exposure',
        'decisions_not_shared',
        'goals_overdue',
        'goals_red',
        'not_considered',
        'overdue_tasks',
        'post_return_alerts',
        'reviews_due',
        'shared_before_signoff',
        'signed_by_recorder',
      ].sort(),
    );
    const big = generatePackCases({ scenario: 'monitoring', seed: 1, cases: 100, asOf: AS_OF, config });
    expect(big).toHaveLength(100);
    expect(big.filter((c) => c.findings.length === 0)).toHaveLength(25);
    for (const c of big) expect(caseViolations(c, AS_OF), c.id).toEqual([]);
  }, 180_000);
});
