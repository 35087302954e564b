// Every written product for example cases, in both formats, against reviewed
// snapshots; and every example case either renders a report or says why not.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unavailableReason, REPORT_TYPES } from '../../src/report/views.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import { CASES, exampleCase, exampleConfig, liveCase, render, renderText } from './harness.js';

const SNAPSHOTS: [string, (typeof REPORT_TYPES)[number], string?][] = [
  ['RF-0001', 'assessment'],
  ['RF-0002', 'assessment'],
  ['RF-0004', 'assessment'],
  ['RF-0011', 'assessment'],
  ['RF-0001', 'decision', 'rc1_d2'],
  ['RF-0004', 'decision'],
  ['RF-0009', 'decision'],
  ['RF-0012', 'decision', 'rc3_post_return'],
  ['RF-0006', 'agreement'],
  ['RF-0012', 'agreement'],
  ['RF-0011', 'agreement'],
  ['RF-0001', 'transition'],
  ['RF-0009', 'transition'],
  ['RF-0012', 'transition'],
  ['RF-0001', 'review'],
  ['RF-0011', 'review'],
  ['RF-0013', 'review'],
];

describe('written products (snapshots, reviewed like code)', () => {
  const config = exampleConfig();
  for (const [id, type, point] of SNAPSHOTS) {
    for (const format of ['md', 'html'] as const) {
      it(`${id} ${type}${point ? ` at ${point}` : ''} as ${format}`, async () => {
        const text = renderText(exampleCase(id, config), type, format, { point: point as never, config });
        await expect(text).toMatchFileSnapshot(`__snapshots__/${id}-${type}${point ? `-${point}` : ''}.${format}`);
      });
    }
  }
});

describe('every example case, every report type', () => {
  const config = loadConfig({ paths: [CASES] }).config;
  const ids = readdirSync(CASES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''));

  for (const id of ids) {
    it(`${id}: renders each report the case has reached, in both formats, and says why not otherwise`, () => {
      const rc = liveCase(id, config);
      expect(rc.problems).toEqual([]);
      for (const type of REPORT_TYPES) {
        const reason = unavailableReason(type, rc.data!, undefined, '2026-11-01');
        for (const format of ['md', 'html'] as const) {
          const outcome = render(rc, type, format, { config });
          if (reason) {
            expect(outcome).toEqual({ ok: false, unavailable: reason });
            expect(reason).toContain(id);
          } else {
            expect(outcome.ok, `${id} ${type} ${format}`).toBe(true);
            if (outcome.ok) expect(outcome.text).not.toContain('undefined');
          }
        }
      }
    });
  }
});

describe('availability and decision points', () => {
  const config = exampleConfig();
  const stageOf = (id: string) => exampleCase(id, config).data!.stage;
  const reached = (stage: number | 'closed', needed: number) => stage === 'closed' || stage >= needed;

  it('stage decides availability: stage 1 has only the assessment; a stage 5 case has all but what it never recorded', () => {
    expect(stageOf('RF-0002')).toBe(1);
    const rc2 = exampleCase('RF-0002', config);
    expect(REPORT_TYPES.filter((t) => !unavailableReason(t, rc2.data!, undefined, '2026-11-01'))).toEqual(['assessment']);
    expect(unavailableReason('agreement', rc2.data!)).toBe('RF-0002 is at stage 1: the parental agreement is stage 3 work');
    const rc1 = exampleCase('RF-0001', config);
    expect(REPORT_TYPES.filter((t) => unavailableReason(t, rc1.data!, undefined, '2026-11-01'))).toEqual([]);
    expect(reached(stageOf('RF-0001'), 5)).toBe(true);
    // unplanned return: stage 5 reached, but no classification or decision was ever recorded
    expect(unavailableReason('decision', exampleCase('RF-0011', config).data!)).toMatch(/RF-0011 is at stage 5 and has no classification or decision yet/);
    expect(unavailableReason('decision', rc2.data!, 'rc2_d3')).toMatch(
      /no classification or decision at rc2_d3 \(Risk Classification 2 and Decision 3, stage 4\)/,
    );
  });

  it('a decision record defaults to the latest decision point and can be asked for an earlier one', () => {
    const rc = exampleCase('RF-0009', config);
    const latest = renderText(rc, 'decision', 'md', { config });
    expect(latest).toContain('## 1. Risk Classification 2 and Decision 3');
    // the latest rc2_d3 round, not the earlier extend_work one
    expect(latest).toContain('**Go ahead with the return home**');
    expect(latest).not.toContain('More time on the agreed goals');
    const first = renderText(rc, 'decision', 'md', { config, point: 'rc1_d2' });
    expect(first).toContain('## 1. Risk Classification 1 and Decision 2');
    expect(first).toContain('This is the first classification: the baseline later rounds are compared with.');
  });
});
