// Every product of every live example reads complete: no section says "Not recorded"
// where the case has reached it. A part that could not be written says so plainly
// instead (RF-0011's return was unplanned: no transition plan, and no agreement yet).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unavailableReason, REPORT_TYPES } from '../../src/report/views.js';
import { DECISION_POINTS, type DecisionPoint } from '../../src/core/model/ids.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import { CASES, liveCase, renderText } from './harness.js';

const IDS = readdirSync(CASES)
  .filter((name) => /^RF-\d{4}\.md$/.test(name))
  .map((name) => name.slice(0, -3))
  .sort();

describe('example products are complete', () => {
  it('reads every example', () => expect(IDS.length).toBeGreaterThanOrEqual(13));
  const config = loadConfig({ paths: [CASES] }).config;
  for (const id of IDS) {
    for (const type of REPORT_TYPES) {
      const points: (DecisionPoint | undefined)[] = type === 'decision' ? [...DECISION_POINTS] : [undefined];
      for (const point of points) {
        it(`${id} ${type}${point ? ` at ${point}` : ''}`, () => {
          const rc = liveCase(id, config);
          if (!rc.data) throw new Error(`${id} did not open`);
          const reason = unavailableReason(type, rc.data, point);
          if (reason !== undefined) {
            // a product the case has not reached says why, and there is nothing to read
            expect(reason).toMatch(/stage|closed|no classification or decision|no return/);
            return;
          }
          for (const format of ['md', 'html'] as const) {
            const text = renderText(rc, type, format, { config, point });
            expect(text.split('\n').filter((line) => line.includes('Not recorded'))).toEqual([]);
          }
        });
      }
    }
  }
});

describe('a part that could not be written says why', () => {
  const config = loadConfig({ paths: [CASES] }).config;
  const rc = liveCase('RF-0011', config);

  it("RF-0011's agreement: not written yet, because the return came first", () => {
    const text = renderText(rc, 'agreement', 'md', { config });
    expect(text).toContain('**No agreement was made before the return: it was unplanned (Child L went home on 15 May 2026).**');
    expect(text).toContain('Signed on: Not signed yet.');
    expect(text).toContain('## 1. What needs to change, and why\n\nNot decided yet: the return was unplanned, before Decision 2 (RC1) was made.');
    expect(text).toContain('## 2. Strengths and worries\n\nNot written yet: the return was unplanned, before any agreement was made.');
    expect(text).toContain('## 7. If the goals are not met: the back-up plan\n\nNot written yet: the return was unplanned, before any agreement was made.');
  });

  it("RF-0011's transition plan: there is none, because the return was unplanned", () => {
    for (const format of ['md', 'html'] as const) {
      const text = renderText(rc, 'transition', format, { config });
      expect(text).toContain('No transition plan: the return was unplanned (Child L went home on 15 May 2026).');
      expect(text).toMatch(/School(\s\|\s|<\/th><td>)No transition plan: the return was unplanned/);
      expect(text).toContain("The parents' and carers' views: No transition plan: the return was unplanned.");
      expect(text).toContain('Never agreed: the return was unplanned');
      expect(text).not.toContain('Not written yet: no transition plan is recorded');
    }
  });
});
