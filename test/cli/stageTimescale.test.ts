// The stage clock as a practice lead sees it in `reunify check`: built binary, on temp
// copies of example cases edited to a no_return decision and an extend_work decision.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';

const EXAMPLES = join(ROOT, 'examples', 'caseload');

/** A temp caseload with the examples' config and the given case files. */
function caseload(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-stage-clock-'));
  copyFileSync(join(EXAMPLES, 'reunify.config.yaml'), join(dir, 'reunify.config.yaml'));
  mkdirSync(join(dir, 'cases'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'cases', name), text);
  return dir;
}

function example(id: string): string {
  return readFileSync(join(EXAMPLES, 'cases', `${id}.md`), 'utf8');
}

/** Replace text that must be there, so an edit to the example fails loudly here. */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  expect(out, `expected to find ${String(from)}`).not.toBe(text);
  return out;
}

/** RF-0009 as it stood after the first RC2: Decision 3 extend_work on 2026-04-20 signed off, back at stage 3, no stage 3 task dated since. */
function afterExtension(): string {
  let t = example('RF-0009');
  t = edit(t, /^stage: 4 .*$/m, 'stage: 3');
  t = edit(t, /backup_plan: +\{ status: done, date: 2026-10-02[^\n]*/, 'backup_plan:         { status: done, date: 2025-12-19, by: "SW T.N." }');
  t = edit(
    t,
    /reclassification: +\{[^\n]*\n(?:.*\n){3}/,
    'reclassification:    { status: in_progress }\n  support_review:      { status: todo }\n  transition_plan:     { status: todo }\n  readiness:           { status: todo }\n',
  );
  t = edit(t, / {2}- \{ date: 2026-10-12, point: rc2_d3[^\n]*\n[^\n]*\n/, '');
  t = edit(t, / {2}- \{ date: 2026-10-14, point: rc2_d3(?:.*\n)*?(?=agreement:)/, '');
  // the evidence as it stood in the summer
  t = t.replaceAll('as_of: 2026-10-09', 'as_of: 2026-07-24').replace(/\n *- \{ date: 2026-10-09, rag:[^\n]*/g, '');
  return t;
}

interface Problem {
  ruleId: string;
  message: string;
}

async function stageProblems(dir: string, asOf: string): Promise<Record<string, string[]>> {
  const r = await reunify(['check', dir, '--as-of', asOf, '--format', 'json']);
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { files: { caseId: string; problems: Problem[] }[] };
  return Object.fromEntries(out.files.map((f) => [f.caseId, f.problems.filter((p) => p.ruleId === 'timeliness/stage-timescale').map((p) => p.message)]));
}

describe('timeliness/stage-timescale through reunify check', () => {
  it('does not time a case parked at stage 2 on a signed-off no_return decision', async () => {
    const dir = caseload({ 'RF-0004.md': example('RF-0004') });
    // stage 2 began 2026-10-07; by 2027-01-15 it is far past its 4 weeks, but the decision was no_return
    expect(await stageProblems(dir, '2027-01-15')).toEqual({ 'RF-0004': [] });
  });

  it('still times stage 2 while the no_return decision waits for sign-off', async () => {
    const text = edit(example('RF-0004'), /(outcome: no_return,\n(?:.*\n)*?) +signed_off: \{ by: "TM A.O.", date: 2026-10-14[^\n]*\},\n/, '$1');
    const dir = caseload({ 'RF-0004.md': text });
    expect(await stageProblems(dir, '2027-01-15')).toEqual({
      'RF-0004': ['stage 2 (decide) has been open 14 weeks 2 days since stage 1 work finished on 2026-10-07, longer than the local timescale of 4 weeks'],
    });
  });

  it('counts stage 3 from an extend_work decision, and warns once the extension runs past the stage 3 timescale', async () => {
    const dir = caseload({ 'RF-0009.md': afterExtension() });
    // 14 weeks after the extension; 36 weeks after stage 2 work finished on 2025-11-20
    expect(await stageProblems(dir, '2026-08-01')).toEqual({ 'RF-0009': [] });
    expect(await stageProblems(dir, '2026-11-01')).toEqual({
      'RF-0009': [
        'stage 3 (agree) has been open 27 weeks 6 days since the extend_work decision (Decision 3) on 2026-04-20, longer than the local timescale of 26 weeks',
      ],
    });
  });
});
