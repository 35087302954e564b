// What a reader of a written product sees: one suggested level per record, facts as
// they stand on the report date, plain words instead of ids or research commentary.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseData, Classification } from '../../src/core/model/caseTypes.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import { recomputeSuggestion, whyDiffers } from '../../src/core/classify/recomputed.js';
import { reunify } from '../cli/run.js';
import { renderCase } from '../../src/app/renderCase.js';
import type { ReportCase } from '../../src/app/renderCase.js';
import { longDate } from '../../src/report/words.js';
import { mergeSettings } from '../../src/core/model/config.js';
import { CASES, exampleCase, exampleConfig, liveCase, renderText } from './harness.js';
import { present } from '../present.js';

const config = exampleConfig();
/** A frozen example case with some of its data replaced. */
function edited(id: string, change: (data: CaseData) => CaseData): ReportCase {
  const rc = exampleCase(id, config);
  return { ...rc, data: change(structuredClone(rc.data!)) };
}
const count = (text: string, part: string) => text.split(part).length - 1;

describe('one authoritative suggested level', () => {
  it('states the recorded suggestion and, once, why a recomputation differs', () => {
    // RF-0006 keeps only the latest entry per factor, all dated after its RC1 of 24 April 2026
    const md = renderText(exampleCase('RF-0006', config), 'decision', 'md', { config, point: 'rc1_d2' });
    expect(md).toContain('| Level suggested | Medium |');
    expect(md).toContain('Suggested level, recorded with the classification on 24 April 2026: **Medium**.');
    expect(md).toMatch(
      /Recomputed from the entries dated on or before that day, the score gives Low instead \(score [-\d.]+; Medium from 3, High from 7, Very high from 12\): 8 factor entries and 2 capacity-to-change ratings were recorded later and are not included\. The recorded suggestion stands; the table below is the recomputation\./,
    );
    expect(count(md, 'recorded later')).toBe(1);
    expect(md).not.toContain('**Low**');
    expect(md).not.toContain('Suggested level on');
  });

  it('the previous round is named once, and as the baseline when it is RC1', () => {
    const md = renderText(exampleCase('RF-0001', config), 'decision', 'md', { config, point: 'rc2_d3' });
    expect(md).toContain('| Previous (RC1, the baseline) | 28 October 2025 | High | Down |');
    expect(md).not.toContain('Baseline (RC1)');
  });

  it('says nothing more when the recomputation agrees', () => {
    const md = renderText(exampleCase('RF-0009', config), 'decision', 'md', { config });
    expect(md).toContain('Recomputed from the entries dated on or before that day: score');
    expect(md).not.toContain('instead');
  });

  it('a factor with no entry at the earlier round says so instead of reading as new', () => {
    const md = renderText(exampleCase('RF-0009', config), 'decision', 'md', { config });
    expect(md).toContain('- Drug or alcohol misuse by a parent: Partly (no entry at RC2)');
    expect(md).not.toMatch(/Not recorded → /);
  });
});

describe('correct words', () => {
  it('relations keep their apostrophe; while the child is in care, the household is the home the child would return to', () => {
    const md = renderText(exampleCase('RF-0004', config), 'assessment', 'md', { config });
    expect(md).toContain("- **Mr P**, Mother's partner · lives in the home the child would return to");
    expect(md).not.toContain("lives in the child's household");
    expect(md).toContain("mother's partner");
  });

  it('section 20 ends on the return home; before it, the return factor is not applicable yet', () => {
    const home = renderText(exampleCase('RF-0001', config), 'assessment', 'md', { config });
    expect(home).toContain('| Legal status | Section 20 accommodation ended on the return home (1 April 2026) |');
    const away = renderText(exampleCase('RF-0002', config), 'assessment', 'md', { config });
    expect(away).toContain(
      '| Return brought about by the child or parent, not planned by the council (static) | Not applicable yet | The child has not returned home yet |',
    );
    expect(away).not.toContain('No return yet');
  });

  it('ages under 2 are given in months', () => {
    const baby = edited('RF-0002', (d) => ({ ...d, child: { ...d.child, dob: '2025-12-03' } }));
    const md = renderText(baby, 'assessment', 'md', { config });
    expect(md).toContain('(age 10 months)');
    expect(md).toContain('Aged 10 months on 1 November 2026');
    expect(md).not.toMatch(/Age 0\b/);
  });

  it('no research commentary, goal ids or decision-point ids in a product', () => {
    for (const [id, type] of [
      ['RF-0009', 'decision'],
      ['RF-0006', 'agreement'],
      ['RF-0001', 'review'],
      ['RF-0004', 'assessment'],
    ] as const) {
      for (const format of ['md', 'html'] as const) {
        const text = renderText(exampleCase(id, config), type, format, { config });
        expect(text, `${id} ${type} ${format}`).not.toContain('strongest single predictor');
        expect(text, `${id} ${type} ${format}`).not.toMatch(/\bg\d\b|rc\d_(d\d|post_return)|childrens_guardian/);
      }
    }
  });

  it('a forcing factor is named by its label', () => {
    const forcing = mergeSettings(config, {
      classification: { forcing: [{ factor: 'parental_substance_misuse', min_level: 'very_high', reason: 'Local rule for heroin use' }] },
    });
    const md = renderText(exampleCase('RF-0004', forcing), 'decision', 'md', { config: forcing });
    expect(md).toContain('- Raised to at least Very high because of Drug or alcohol misuse by a parent: Local rule for heroin use');
  });

  it('a no-return decision has no parallel plan line, and its disagreement comes from the sharing log', () => {
    const md = renderText(exampleCase('RF-0004', config), 'decision', 'md', { config });
    expect(md).toContain('**No return home**');
    expect(md).not.toContain('Parallel plan');
    expect(md).toContain('| Disagreement | Ms D (mother): Disagrees; given advocacy details (from the sharing log) |');
  });

  it('a no-return decision says its timescale and conditions do not apply, rather than that they were not recorded', () => {
    const md = renderText(exampleCase('RF-0004', config), 'decision', 'md', { config });
    expect(md).toContain('| Timescale | Not applicable: no return home |');
    expect(md).toMatch(/### Conditions\s+Not applicable: no return home\./);
    const html = renderText(exampleCase('RF-0004', config), 'decision', 'html', { config });
    expect(html).toContain('<p class="muted">Not applicable: no return home.</p>');
    // a decision for a return still says so when nothing was recorded
    const rf6 = renderText(exampleCase('RF-0006', config), 'decision', 'md', { config, point: 'rc1_d2' });
    expect(rf6).toContain('| Timescale |');
    expect(rf6).not.toContain('Not applicable: no return home');
  });

  it('the configured visit frequency is a local standard, not the agreed plan; empty tables are one sentence', () => {
    const md = renderText(exampleCase('RF-0012', config), 'transition', 'md', { config });
    expect(md).toContain('Local standard: after a return home, a visit at least every 6 weeks');
    expect(md).not.toContain('Monitoring after the return:');
    expect(md).not.toMatch(/\|---\|[^\n]*\n\n/);
    const review = renderText(exampleCase('RF-0011', config), 'review', 'md', { config });
    expect(review).toContain('No goals are recorded yet.');
    expect(review).not.toMatch(/\|---\|[^\n]*\n\n/);
  });

  it('--as-of a second reclassification round prints that round, with its decision still to come', () => {
    const rc = exampleCase('RF-0009', config);
    const [first, second] = rc.data!.classifications!.filter((c) => c.point === 'rc2_d3');
    if (second === undefined) throw new Error('expected two rc2_d3 classifications');
    const outcome = renderCase(rc, config, { type: 'decision', format: 'md', asOf: second.date, point: 'rc2_d3' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.text).toContain(`| Date | ${longDate(second.date)} |`);
    expect(outcome.text).not.toContain(`| Date | ${longDate(present(first).date)} |`);
    expect(outcome.text).toContain('No decision is recorded for this classification yet.');
  });
});

describe('every example classification states one suggested level, and check warns where a recomputation differs', () => {
  const live = loadConfig({ paths: [CASES] }).config;
  const ids = readdirSync(CASES)
    .filter((name) => /^RF-\d{4}\.md$/.test(name))
    .map((name) => name.slice(0, -3));
  const rounds = ids.flatMap((id) => ((liveCase(id, live).data?.classifications ?? []) as Classification[]).map((c, index) => ({ id, c, index })));

  it('reads the classifications of every example', () => expect(rounds.length).toBeGreaterThanOrEqual(20));

  it.each(rounds.map((r) => [`${r.id} ${r.c.point} of ${r.c.date}`, r] as const))('%s', async (_name, { id, c, index }) => {
    const rc = liveCase(id, live);
    const outcome = renderCase(rc, live, { type: 'decision', format: 'md', asOf: c.date, point: c.point });
    if (!outcome.ok) throw new Error(`not rendered: ${JSON.stringify(outcome)}`);
    const md = outcome.text;
    const label = present(live.labels.levels[present(c.suggested)]);
    // the table and the sentence give the level recorded with the classification, and no other
    expect(md).toContain(`| Level suggested | ${label} |`);
    expect(md).toContain(`Suggested level, recorded with the classification on ${longDate(c.date)}: **${label}**.`);
    expect(md).not.toContain('Suggested level on');
    expect(md).not.toMatch(/Not recorded → /);
    const r = recomputeSuggestion(rc.data!, live, c);
    const check = await reunify(['check', `examples/caseload/cases/${id}.md`, '--as-of', '2026-12-07', '--format', 'json']);
    const warned = (JSON.parse(check.stdout) as { files: { problems: { ruleId: string; message: string }[] }[] }).files
      .flatMap((f) => f.problems)
      .filter((m) => m.ruleId === 'stage2/suggestion-recomputes' && m.message.startsWith(`the ${c.point} classification of ${c.date} `));
    if (r.differs) {
      // once, with why; and check says so
      expect(count(md, `the score gives ${present(live.labels.levels[r.suggestion.level])} instead`)).toBe(1);
      expect(md).toContain(`${whyDiffers(r)}. The recorded suggestion stands`);
      expect(warned).toHaveLength(1);
    } else {
      expect(md).not.toContain('instead');
      expect(warned).toEqual([]);
    }
    expect(index).toBeGreaterThanOrEqual(0);
  });

  it('a decision record as it stood before anyone was told: no sharing from later, and no disagreement missing', () => {
    const rc = liveCase('RF-0001', live);
    const d = rc.data!.decisions!.find((x) => x.point === 'rc1_d2')!;
    const outcome = renderCase(rc, live, { type: 'decision', format: 'md', asOf: d.date, point: 'rc1_d2' });
    if (!outcome.ok) throw new Error('not rendered');
    expect(outcome.text).toContain('| Disagreement | Not applicable yet: no one has been told of the decision yet |');
    expect(outcome.text).toContain('The decision has not been shared with anyone yet.');
    expect(outcome.text).not.toContain('3 November 2025');
  });
});
