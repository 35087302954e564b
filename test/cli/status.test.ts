// `reunify status` through the built binary (npm test builds first). The JSON
// numbers for examples/caseload are re-derived here straight from the case files,
// with plain loops over the parsed YAML, not with the code under test.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/core/escape/csv.js';
import { ROOT, reunify } from './run.js';
import { present } from '../present.js';

const AS_OF = '2026-11-01';
const CASELOAD = join(ROOT, 'examples', 'caseload');

// ---------------------------------------------------------------------------
// An independent reading of the caseload: deliberately naive and written out longhand.

/* eslint-disable @typescript-eslint/no-explicit-any -- the independent reading walks untyped YAML longhand */
type Any = any;

const defaults: Any = parse(readFileSync(join(ROOT, 'config', 'default.yaml'), 'utf8'));
const cases: Any[] = readdirSync(join(CASELOAD, 'cases'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) =>
    parse(present(readFileSync(join(CASELOAD, 'cases', f), 'utf8').split(/^---\s*$/m)[1], `front matter of ${f}`), { version: '1.2', schema: 'core' }),
  );

const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86400000;
const iso = (n: number) => new Date(n * 86400000).toISOString().slice(0, 10);
const plusMonths = (d: string, m: number) => {
  const y = +d.slice(0, 4);
  const mon = +d.slice(5, 7) - 1 + m;
  const last = new Date(Date.UTC(y, mon + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, mon, Math.min(+d.slice(8, 10), last))).toISOString().slice(0, 10);
};
const plusWorkingDays = (d: string, n: number) => {
  let x = day(d);
  while (n > 0) {
    x++;
    const dow = new Date(x * 86400000).getUTCDay();
    if (dow !== 0 && dow !== 6 && !defaults.bank_holidays.includes(iso(x))) n--;
  }
  return iso(x);
};
const stageNo = (c: Any) => (c.stage === 'closed' ? 6 : c.stage);
const open = (c: Any) => c.stage !== 'closed';
const home = (c: Any) => c.stage === 5 && c.return?.returned && c.return.returned <= AS_OF;
/** The last item with the greatest date (dates as text sort as dates). */
function lastByDate(items: Any[], when: (x: Any) => string | undefined = (x) => x.date): Any {
  let best: Any;
  for (const x of items) if (when(x) !== undefined && when(x)! <= AS_OF && (!best || when(x)! >= when(best)!)) best = x;
  return best;
}

function derive() {
  const openCases = cases.filter(open);
  const out: Any = {};

  const byStage: Any = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const byPoint: Any = { none: 0, rc1_d2: 0, rc2_d3: 0, rc3_post_return: 0 };
  for (const c of openCases) {
    byStage[c.stage]++;
    // Decision 1 (d1_start) is not one of the stage decision points the view counts by
    byPoint[lastByDate((c.decisions ?? []).filter((d: Any) => d.point !== 'd1_start'))?.point ?? 'none']++;
  }
  out.stage_counts = { open: openCases.length, closed: cases.length - openCases.length, by_stage: byStage, by_decision_point: byPoint };

  const notConsidered: string[] = [];
  for (const c of openCases) {
    if (!(c.cohorts ?? []).length) continue;
    // a child already home is not one whose return was never considered
    if (c.return?.returned && c.return.returned <= AS_OF) continue;
    if ((c.classifications ?? []).some((x: Any) => x.date <= AS_OF) || (c.decisions ?? []).some((x: Any) => x.date <= AS_OF)) continue;
    const dates = (c.triggers ?? []).filter((t: Any) => t.type === 'cla_review' && t.date <= AS_OF).map((t: Any) => t.date);
    const wa = c.tasks.written_assessment;
    if (wa?.status === 'done' && wa.recommendation && wa.date <= AS_OF) dates.push(wa.date);
    const last = dates.sort().pop();
    if (!last || day(AS_OF) - day(last) > defaults.status.not_considered_days) notConsidered.push(c.id);
  }
  out.not_considered = notConsidered;

  const stageTasks: Any = {
    1: ['case_history', 'engagement', 'family_assessment', 'safe_adult', 'written_assessment'],
    2: ['classification', 'decision', 'decision_shared', 'support_if_no_return'],
    3: ['child_views', 'agreement', 'relationships', 'team_around_child', 'backup_plan'],
    4: ['reclassification', 'support_review', 'transition_plan', 'readiness'],
    5: ['contact_plan', 'support_package', 'monitoring', 'step_down'],
  };
  let overdueTasks = 0;
  const overdueCases: string[] = [];
  for (const c of openCases) {
    let start = c.opened;
    if (c.stage > 1) {
      const done = stageTasks[c.stage - 1]
        .map((t: string) => c.tasks[t]?.date)
        .filter(Boolean)
        .sort();
      if (done.length) start = done[done.length - 1];
      else if (c.stage === 5 && c.return?.returned) start = c.return.returned;
    }
    if (day(AS_OF) - day(start) <= defaults.timescales.stage_weeks[c.stage] * 7) continue;
    overdueCases.push(c.id);
    overdueTasks += stageTasks[c.stage].filter((t: string) => !['done', 'not_applicable'].includes(c.tasks[t]?.status)).length;
  }
  out.overdue_tasks = { count: overdueTasks, cases: overdueCases };

  const kinds: Any = { written_assessment: 0, classification: 0, decision: 0 };
  for (const c of cases) {
    const wa = c.tasks.written_assessment;
    if (wa?.status === 'done' && !wa.signed_off && wa.date <= AS_OF) kinds.written_assessment++;
    for (const x of c.classifications ?? []) if (!x.signed_off && x.date <= AS_OF) kinds.classification++;
    for (const x of c.decisions ?? []) if (!x.signed_off && x.date <= AS_OF) kinds.decision++;
  }
  out.awaiting_signoff = kinds;

  const rank: Any = { low: 0, medium: 1, high: 2, very_high: 3 };
  const byLevel: Any = { low: 0, medium: 0, high: 0, very_high: 0, none: 0 };
  const move: Any = { rc1_to_rc2: { up: 0, down: 0, same: 0 }, rc2_to_rc3: { up: 0, down: 0, same: 0 } };
  const dir = (a: string, b: string) => (rank[b] > rank[a] ? 'up' : rank[b] < rank[a] ? 'down' : 'same');
  for (const c of cases) {
    const cls = c.classifications ?? [];
    if (open(c)) byLevel[lastByDate(cls)?.level ?? 'none']++;
    const at = (p: string) => lastByDate(cls.filter((x: Any) => x.point === p));
    const [r1, r2, r3] = [at('rc1_d2'), at('rc2_d3'), at('rc3_post_return')];
    if (r1 && r2) move.rc1_to_rc2[dir(r1.level, r2.level)]++;
    if (r2 && r3) move.rc2_to_rc3[dir(r2.level, r3.level)]++;
  }
  out.risk_mix = { by_level: byLevel, movement: move };

  let withSuggestion = 0;
  let overridden = 0;
  for (const c of cases) {
    for (const x of c.classifications ?? []) {
      if (!x.suggested || x.date > AS_OF) continue;
      withSuggestion++;
      if (x.level !== x.suggested) overridden++;
    }
  }
  out.overrides = { count: overridden, classifications: withSuggestion };

  let unshared = 0;
  for (const c of cases) {
    if (stageNo(c) < 2) continue;
    const closedNotReturned = c.stage === 'closed' && c.outcome?.status === 'not_returned';
    const parties = [
      'child',
      ...(c.people ?? []).filter((p: Any) => p.pr === true).map((p: Any) => p.id),
      ...(c.people ?? []).filter((p: Any) => p.carer === true).map((p: Any) => p.id),
      'iro',
    ];
    if (c.child.proceedings === 'care_proceedings') parties.push('childrens_guardian');
    for (const d of c.decisions ?? []) {
      // Decision 1 (to begin the assessment) is the service's own decision: no sharing is expected for it
      if (d.point === 'd1_start') continue;
      const due =
        d.point === 'rc1_d2'
          ? c.tasks.decision_shared?.status === 'done' || stageNo(c) > 2
          : d.point === 'rc2_d3'
            ? stageNo(c) > 4 && !closedNotReturned
            : day(AS_OF) - day(d.date) >= 14;
      if (!due) continue;
      const told = (d.shared ?? []).filter((s: Any) => s.date).map((s: Any) => s.party);
      if (parties.some((p) => !told.includes(p))) unshared++;
    }
  }
  out.decisions_not_shared = unshared;

  const reviews: Any = { cla: { overdue: 0, due_soon: 0 }, post_return_visits: { overdue: 0, due_soon: 0 } };
  const soon = iso(day(AS_OF) + defaults.status.reviews_due_days);
  for (const c of openCases) {
    const lookedAfter = c.child.legal_status !== 'not_looked_after' && !(home(c) && !['s31', 's38'].includes(c.child.legal_status));
    if (lookedAfter) {
      const held = (c.cla_reviews ?? []).filter((d: string) => d >= c.child.looked_after_since && d <= AS_OF).sort();
      const due =
        held.length === 0
          ? plusWorkingDays(c.child.looked_after_since, defaults.reviews.cla_first_working_days)
          : plusMonths(held[held.length - 1], held.length === 1 ? defaults.reviews.cla_second_months : defaults.reviews.cla_then_months);
      if (due < AS_OF) reviews.cla.overdue++;
      else if (due <= soon) reviews.cla.due_soon++;
    }
    if (home(c)) {
      const returned = c.return.returned;
      const windowClose = plusMonths(returned, defaults.reviews.post_return_visit_months);
      const end = windowClose < AS_OF ? windowClose : AS_OF;
      const seen = (c.return.visits ?? [])
        .filter((v: Any) => v.seen_alone === true && v.date >= returned && v.date <= end)
        .map((v: Any) => v.date)
        .sort();
      const due = iso(day(seen.length ? seen[seen.length - 1] : returned) + defaults.reviews.post_return_visit_weeks * 7);
      if (due < windowClose) {
        if (due < end) reviews.post_return_visits.overdue++;
        else if (due <= soon) reviews.post_return_visits.due_soon++;
      }
    }
  }
  // an unplanned return with no signed-off RC3, dated from the return to the as-of date, within rc3_after_unplanned_return_days
  let rc3Overdue = 0;
  for (const c of openCases) {
    const returned = c.return?.returned;
    if (c.return?.unplanned !== true || !returned || returned > AS_OF) continue;
    if (iso(day(returned) + defaults.reviews.rc3_after_unplanned_return_days) >= AS_OF) continue;
    const signed = (c.classifications ?? []).some(
      (k: Any) => k.point === 'rc3_post_return' && k.date >= returned && k.date <= AS_OF && k.signed_off && k.signed_off.date <= AS_OF,
    );
    if (!signed) rc3Overdue++;
  }
  reviews.rc3_after_unplanned_return = { overdue: rc3Overdue, within_days: defaults.reviews.rc3_after_unplanned_return_days };
  reviews.overdue = reviews.cla.overdue + reviews.post_return_visits.overdue + rc3Overdue;
  out.reviews_due = reviews;

  let red = 0;
  let stale = 0;
  let agreements = 0;
  for (const c of openCases) {
    if (!c.agreement) continue;
    let isRed = false;
    let isStale = false;
    for (const g of c.agreement.goals ?? []) {
      const last = lastByDate(g.progress ?? []);
      if (!last) continue;
      if (last.rag === 'red') isRed = true;
      const finished = last.rag === 'green' && !(g.by && g.by > AS_OF);
      if ((c.stage === 3 || c.stage === 4) && !finished && day(AS_OF) - day(last.date) > defaults.reviews.goal_rag_stale_days) isStale = true;
    }
    red += isRed ? 1 : 0;
    stale += isStale ? 1 : 0;
    agreements += isRed || isStale ? 1 : 0;
  }
  out.goals_red = { count: agreements, red, stale };

  // goals whose date has passed, not green on the as-of date
  const overdueGoals: Any = {};
  for (const c of openCases) {
    for (const g of c.agreement?.goals ?? []) {
      if (!g.by || g.by >= AS_OF) continue;
      if (lastByDate(g.progress ?? [])?.rag !== 'green') (overdueGoals[c.id] ??= []).push(g.id);
    }
  }
  out.goals_overdue = overdueGoals;

  // items whose recorder also signed them off (names compared without case, spaces or full stops);
  // a classification made by several people together (by a list) is not one person's own work
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[.\s]+/g, ' ')
      .trim();
  const selfSigned: string[] = [];
  for (const c of cases) {
    const items = [c.tasks.written_assessment, ...(c.classifications ?? [])].filter(Boolean);
    for (const x of items)
      if (typeof x.by === 'string' && x.signed_off && x.signed_off.date <= AS_OF && norm(x.by) === norm(x.signed_off.by)) selfSigned.push(c.id);
  }
  out.signed_by_recorder = selfSigned;

  const alerts: Any = { home: 0, count: 0, missing_episode: 0, new_household_adult: 0, unplanned_return: 0 };
  for (const c of openCases.filter(home)) {
    alerts.home++;
    const missing = (c.triggers ?? []).some((t: Any) => t.type === 'missing_episode' && t.date > c.return.returned && t.date <= AS_OF);
    const entries = (c.factors ?? []).filter((f: Any) => f.id === 'new_household_adult');
    const undated = entries.filter((f: Any) => !f.as_of);
    const current = undated.length ? undated[undated.length - 1] : lastByDate(entries, (f) => f.as_of);
    const adult = ['present', 'partly', 'unknown'].includes(current?.status);
    const unplanned = c.return.unplanned === true;
    alerts.missing_episode += missing ? 1 : 0;
    alerts.new_household_adult += adult ? 1 : 0;
    alerts.unplanned_return += unplanned ? 1 : 0;
    alerts.count += missing || adult || unplanned ? 1 : 0;
  }
  out.post_return_alerts = alerts;

  const preset = defaults.costs.presets[defaults.costs.preset];
  const inProgress = openCases.filter((c) => c.stage === 5);
  const atRisk = inProgress.filter((c) => {
    const level = lastByDate(c.classifications ?? [])?.level;
    const supported = (c.return?.support_package ?? []).some((s: Any) => !['not_delivered', 'ended'].includes(s.delivered));
    return level === 'high' || level === 'very_high' || level === undefined || !supported;
  });
  out.cost_exposure = {
    returns_in_progress: inProgress.length,
    support_cost: inProgress.length * preset.support,
    at_risk: atRisk.length,
    failed_return_cost_if_broken_down: atRisk.length * preset.failed_return,
  };

  const cohorts: Any = {};
  for (const id of [
    'teen_future_care_leaver',
    'wants_to_return',
    'placement_at_risk',
    'placement_with_parents',
    's20_placement',
    'edge_of_care',
    'pre_proceedings',
    'parent_prior_removals',
    'placement_disruptions',
  ]) {
    cohorts[id] = openCases.filter((c) => (c.cohorts ?? []).includes(id)).length;
  }
  out.cohorts = cohorts;

  const closedAs = (s: string) => cases.filter((c) => c.stage === 'closed' && c.outcome?.status === s).length;
  out.outcomes = {
    home_now: openCases.filter(home).length,
    at_home: closedAs('at_home'),
    stepped_down: cases.filter((c) => c.return?.step_down?.date && c.return.step_down.date <= AS_OF).length,
    not_returned: closedAs('not_returned'),
    re_entered_care: closedAs('re_entered_care'),
  };
  return out;
}

// ---------------------------------------------------------------------------

describe('reunify status (built binary)', () => {
  it('shows the count of unplanned returns with no signed-off post-return classification next to the other overdue reviews', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Post-return classifications overdue \(unplanned returns\) +1\n/);
    expect(r.stdout).toContain('RF-0011');
    const csv = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'csv']);
    expect(csv.stdout).toMatch(/^reviews_due,rc3_after_unplanned_return\.overdue,1,,$/m);
  });

  it('--format json: every number for examples/caseload matches an independent reading of the case files', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const view = JSON.parse(r.stdout);
    const want = derive();
    expect(view.scope).toMatchObject({ cases: cases.length, skipped: 0, shared: false });
    expect(view.stage_counts).toEqual(want.stage_counts);
    expect(view.not_considered.exceptions.map((e: Any) => e.id)).toEqual(want.not_considered);
    expect(view.not_considered.count).toBe(want.not_considered.length);
    expect(view.overdue_tasks.count).toBe(want.overdue_tasks.count);
    expect(view.overdue_tasks.exceptions.map((e: Any) => e.id)).toEqual(want.overdue_tasks.cases);
    expect(view.awaiting_signoff.by_kind).toEqual(want.awaiting_signoff);
    expect(view.risk_mix).toEqual(want.risk_mix);
    expect(view.overrides).toMatchObject(want.overrides);
    expect(view.overrides.rate).toBeCloseTo(want.overrides.count / want.overrides.classifications, 3);
    expect(view.decisions_not_shared.count).toBe(want.decisions_not_shared);
    expect(view.reviews_due).toMatchObject(want.reviews_due);
    expect(want.reviews_due.rc3_after_unplanned_return.overdue).toBeGreaterThan(0);
    expect(view.reviews_due.exceptions.filter((e: Any) => e.review === 'rc3_post_return').map((e: Any) => e.id)).toContain('RF-0011');
    expect(view.goals_red).toMatchObject(want.goals_red);
    expect(Object.fromEntries(view.goals_overdue.exceptions.map((e: Any) => [e.id, e.goals.map((g: Any) => g.goal)]))).toEqual(want.goals_overdue);
    expect(view.goals_overdue.exceptions.map((e: Any) => e.id)).toContain('RF-0008');
    expect(view.signed_by_recorder.exceptions.map((e: Any) => e.id)).toEqual(want.signed_by_recorder);
    expect(view.signed_by_recorder.count).toBe(want.signed_by_recorder.length);
    expect(view.post_return_alerts).toMatchObject(want.post_return_alerts);
    expect(view.cost_exposure).toMatchObject(want.cost_exposure);
    expect(view.cohorts).toEqual(want.cohorts);
    expect(view.outcomes).toEqual(want.outcomes);
  });

  it('--format json has the metric ids of framework.md §5.3 as keys, and no narrative from the cases', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json']);
    const view = JSON.parse(r.stdout);
    for (const id of [
      'stage_counts',
      'not_considered',
      'overdue_tasks',
      'awaiting_signoff',
      'risk_mix',
      'overrides',
      'decisions_not_shared',
      'reviews_due',
      'goals_red',
      'post_return_alerts',
      'cost_exposure',
    ]) {
      expect(view).toHaveProperty(id);
    }
    expect(view).toMatchObject({ version: 1, as_of: AS_OF, cohorts: expect.any(Object), outcomes: expect.any(Object), attention: expect.any(Array) });
    expect(view.cost_exposure.label).toMatch(/not a forecast/);
    // refs and evidence stay in the case files
    expect(r.stdout).not.toMatch(/"Child [A-Z]"|Ms [A-Z]\b|Foster carers|alcohol/i);
  });

  it('table: fits 100 columns and is plain when not a terminal', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Caseload status: Example Borough Council (fictional)');
    expect(r.stdout).toMatch(/── Risk mix/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('table: coloured with FORCE_COLOR, never with --no-color', async () => {
    const coloured = await reunify(['status', CASELOAD, '--as-of', AS_OF], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    const off = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('csv: one long table with the same numbers, five cells a row', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('section,measure,value,case_id,detail');
    const want = derive();
    expect(lines).toContain(`stage_counts,open,${want.stage_counts.open},,`);
    expect(lines).toContain(`cost_exposure,support_cost,${want.cost_exposure.support_cost},,`);
    const simple = lines.filter((l) => !l.includes('"'));
    for (const l of simple) expect(l.split(',')).toHaveLength(5);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[=+\-@]|,[=+\-@]/);
  });

  it('csv cells are safe against formula injection', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('md: headings per metric and escaped text', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'md', '--team', 'TM A.O.']);
    expect(r.exitCode).toBe(0);
    // the protective marking comes first, as on every written product
    expect(r.stdout).toMatch(/^\*\*OFFICIAL-SENSITIVE\*\*\n\n# Caseload status: Example Borough Council \(fictional\)/);
    expect(r.stdout).toContain('## Risk mix');
    expect(r.stdout).toContain('| Measure | Value |');
    expect(r.stdout).toContain('team: TM A.O.');
  });

  it('html: one self-contained page with no scripts and no external references, text escaped', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'html', '--team', '<b>TM A.O.</b>']);
    expect(r.exitCode).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toMatch(/<body>\n<p class="marking">OFFICIAL-SENSITIVE<\/p>\n<h1>/);
    // printed, the marking heads and foots every A4 page, as on every written product
    expect(html).toMatch(/@page \{\n {2}size: A4;/);
    expect(html).toContain('@top-center { content: "OFFICIAL\\2d SENSITIVE"');
    expect(html).toContain('@bottom-center { content: "OFFICIAL\\2d SENSITIVE"');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')).not.toMatch(/http|\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
    expect(html).toContain('&lt;b&gt;TM A.O.&lt;/b&gt;');
    expect(html).not.toContain('<b>TM A.O.</b>');
  });

  it('--shared with status.suppress_below hides small counts and lists no cases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-status-'));
    cpSync(join(CASELOAD, 'cases'), join(dir, 'cases'), { recursive: true });
    // 5 is the default: no setting needed
    writeFileSync(join(dir, 'reunify.config.yaml'), '# fictional\n');
    const r = await reunify(['status', dir, '--as-of', AS_OF, '--format', 'json', '--shared']);
    expect(r.exitCode).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.scope.shared).toBe(true);
    const want = derive();
    // by stage, every count is below 5 here, so the open total they add up to is hidden too
    expect(Object.values(want.stage_counts.by_stage).some((n) => typeof n === 'number' && n > 0 && n < 5)).toBe(true);
    expect(view.stage_counts.open).toBe(want.stage_counts.open >= 5 ? '[c]' : '<5');
    expect(view.scope.open).toBe(view.stage_counts.open);
    for (const n of Object.values(view.stage_counts.by_stage)) expect(n === 0 || n === '<5' || n === '[c]' || (typeof n === 'number' && n >= 5)).toBe(true);
    expect(r.stdout).not.toMatch(/RF-\d{4}/);
    expect(view).not.toHaveProperty('attention');
    const md = await reunify(['status', dir, '--as-of', AS_OF, '--format', 'md', '--shared']);
    expect(md.stdout).toContain('&lt;5');
    expect(md.stdout).not.toMatch(/RF-\d{4}/);
    // without --shared nothing is hidden
    const full = JSON.parse((await reunify(['status', dir, '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(full.stage_counts.open).toBe(want.stage_counts.open);
  });

  it('counts in the subtitle agree with their number: one file left out, one case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-status-'));
    mkdirSync(join(dir, 'cases'));
    cpSync(join(CASELOAD, 'cases', 'RF-0001.md'), join(dir, 'cases', 'RF-0001.md'));
    writeFileSync(join(dir, 'cases', 'RF-0098.md'), '---\nnot: [valid\n---\n');
    writeFileSync(join(dir, 'reunify.config.yaml'), '# fictional\n');
    const r = await reunify(['status', dir, '--as-of', AS_OF, '-q']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 case (1 open, 0 closed)');
    expect(r.stdout).toContain('\n1 file or folder left out: it could not be read or failed the schema (run reunify check)\n');
    expect(r.stdout).not.toMatch(/\b1 (files|cases|days)\b/);
    const md = await reunify(['status', dir, '--as-of', AS_OF, '--format', 'md', '-q']);
    expect(md.stdout).toContain('1 file or folder left out');
  });

  it('--filter and --team narrow the caseload; bad ones are usage errors (exit 2)', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json', '--filter', 'stage=5']);
    const view = JSON.parse(r.stdout);
    expect(view.scope).toMatchObject({ cases: cases.filter((c) => c.stage === 5).length, filter: { stage: ['5'] } });
    const team = JSON.parse((await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json', '--team', 'TM A.O.'])).stdout);
    expect(team.scope.cases).toBe(cases.filter((c) => c.team.team_manager === 'TM A.O.' || c.team.social_worker === 'TM A.O.').length);
    const bad = await reunify(['status', CASELOAD, '--filter', 'colour=red']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown key "colour"');
    expect((await reunify(['status', join(CASELOAD, 'nope')])).exitCode).toBe(2);
    expect((await reunify(['status', CASELOAD, '--as-of', '2026-13-01'])).exitCode).toBe(2);
  });

  it('html draws small inline charts after the attention list: stages, risk mix over time, sign-off waits, overdue work by team', async () => {
    const html = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'html'])).stdout;
    const attention = html.indexOf('<section id="attention"');
    const charts = html.indexOf('<section id="charts"');
    expect(attention).toBeGreaterThan(0);
    expect(charts).toBeGreaterThan(attention);
    expect(charts).toBeLessThan(html.indexOf('<section id="stage_counts"'));
    const section = html.slice(charts, html.indexOf('</section>', charts));
    // each chart says its numbers as text too: the stages as the case files have them
    const want = derive();
    const stages = [1, 2, 3, 4, 5].map((n) => `Stage ${n} ${want.stage_counts.by_stage[n]}`).join(', ');
    expect(section).toContain(`<title>Open cases by stage: ${stages}</title>`);
    // the risk mix at the end of each of six months and on the day: today's is the risk mix table's
    const risk = present(/<title>Risk mix over time: ([^<]*)<\/title>/.exec(section)?.[1], 'the risk chart').split('; ');
    expect(risk.map((r) => r.split(':')[0])).toEqual([
      '31 May 2026',
      '30 June 2026',
      '31 July 2026',
      '31 August 2026',
      '30 September 2026',
      '31 October 2026',
      '1 November 2026',
    ]);
    const level = want.risk_mix.by_level;
    expect(risk.at(-1)).toBe(
      `1 November 2026: Low ${level.low}, Medium ${level.medium}, High ${level.high}, Very high ${level.very_high}, Not classified ${level.none}`,
    );
    expect(section).toContain('Sign-off waiting times: nothing is waiting for sign-off.');
    // RF-0011's post-return classification is overdue: work overdue in TM D.E.'s team
    expect(section).toContain('<title>Overdue work by team: TM D.E. 1</title>');
    expect(section.match(/<svg /g)).toHaveLength(3);
    expect(section).not.toMatch(/<script|href=|src=|url\(|http/i);
    // a shared view hides small counts and names no one: no charts
    const shared = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'html', '--shared'])).stdout;
    expect(shared).not.toContain('<svg');
    expect(shared).toContain('<p class="marking">OFFICIAL-SENSITIVE</p>');
  });

  it('lists open decisions missing a further sign-off the config asks for, in words and in the attention list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-status-'));
    cpSync(join(CASELOAD, 'cases'), join(dir, 'cases'), { recursive: true });
    writeFileSync(
      join(dir, 'reunify.config.yaml'),
      'organisation: "Test (fictional)"\nadditional_signoffs:\n  - { role: senior_manager, label: "the head of service", point: rc2_d3, outcomes: [proceed_to_return] }\n  - { role: permanence_panel, point: rc1_d2, outcomes: [no_return] }\n',
    );
    const view = JSON.parse((await reunify(['status', dir, '--as-of', AS_OF, '--format', 'json'])).stdout);
    // Decision 3 to go home in the open cases RF-0001, RF-0009 and RF-0012 (RF-0013 is closed); RF-0004's no-return decision has its panel sign-off
    expect(view.role_signoffs_missing.exceptions.map((e: { id: string; role: string; date: string }) => [e.id, e.role, e.date])).toEqual([
      ['RF-0001', 'senior_manager', '2026-02-22'],
      ['RF-0009', 'senior_manager', '2026-10-14'],
      ['RF-0012', 'senior_manager', '2026-03-11'],
    ]);
    expect(view.role_signoffs_missing).toMatchObject({ count: 3, cases: 3 });
    const table = (await reunify(['status', dir, '--as-of', AS_OF])).stdout.replace(/\s+/g, ' ');
    expect(table).toContain(
      'RF-0009 Decision 3 of 14 October 2026 (go ahead with the return home) needs a sign-off by the head of service as well as the team manager’s',
    );
    const attention = table.slice(table.indexOf('Attention first'), table.indexOf('Cases by stage'));
    expect(attention).toContain('RF-0012 Stage 5:');
    expect(attention).toContain('needs a sign-off by the head of service');
    // the example caseload's own settings ask only for the panel, and RF-0004 has it
    const example = JSON.parse((await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(example.role_signoffs_missing).toEqual({ count: 0, cases: 0, exceptions: [] });
  });

  it('the attention list comes first in every format', async () => {
    const table = (await reunify(['status', CASELOAD, '--as-of', AS_OF])).stdout;
    expect(table.indexOf('── Attention first')).toBeGreaterThan(0);
    expect(table.indexOf('── Attention first')).toBeLessThan(table.indexOf('── Cases by stage'));
    const md = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'md'])).stdout;
    expect(md.match(/^## .*$/m)?.[0]).toBe('## Attention first');
    const html = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'html'])).stdout;
    expect(html.match(/<h2>[^<]*<\/h2>/)?.[0]).toBe('<h2>Attention first</h2>');
    const csv = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[2]).toMatch(/^attention,case,,RF-\d{4},/);
    const json = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json'])).stdout;
    expect(Object.keys(JSON.parse(json)).slice(0, 6)).toEqual(['version', 'as_of', 'organisation', 'scope', 'attention', 'stage_counts']);
  });

  it('table, Markdown and HTML say ids and dates in words; JSON keeps ids and ISO dates', async () => {
    const want = derive();
    for (const format of ['table', 'md', 'html']) {
      // read as running text: the table wraps long lines, HTML has its tags
      const out = (await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', format])).stdout.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
      expect(out).toContain('As of 1 November 2026');
      // RF-0011's unplanned return, the RC3 overdue, RF-0008's goal past its date
      expect(out).toContain('unplanned return on 15 May 2026');
      expect(out).toContain('post-return classification (RC3) after the unplanned return overdue by 142 days (due 12 June 2026)');
      expect(out).toContain('goal g2 was due 30 October 2026 and is amber');
      expect(out).toContain('the RC1 classification of 28 October 2025: Medium suggested, High chosen (one severe concern)');
      expect(out).toMatch(new RegExp(`Wants to return home\\W+${want.cohorts.wants_to_return}\\b`));
      expect(out).toMatch(new RegExp(`Latest decision: Decision 2\\W+${want.stage_counts.by_decision_point.rc1_d2}\\b`));
      // no framework id and no ISO date in what a reader sees
      expect(out).not.toMatch(/rc1_d2|rc2_d3|rc3_post_return|wants_to_return|single_severe_concern|new_household_adult|\b20\d\d-\d\d-\d\d\b/);
    }
    const view = JSON.parse((await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(view.overrides.exceptions[0]).toMatchObject({ id: 'RF-0001', point: 'rc1_d2', date: '2025-10-28', category: 'single_severe_concern' });
    expect(view.goals_overdue.exceptions).toEqual([
      { id: 'RF-0008', detail: 'g2 due 2026-10-30, amber', goals: [{ goal: 'g2', by: '2026-10-30', rag: 'amber' }] },
    ]);
  });

  it('a child already home is not "return home not considered", and an unclassified unplanned return counts in cost exposure', async () => {
    const view = JSON.parse((await reunify(['status', CASELOAD, '--as-of', AS_OF, '--format', 'json'])).stdout);
    // RF-0011 went home on 2026-05-15 (unplanned) and has no classification
    expect(view.not_considered.exceptions.map((e: Any) => e.id)).not.toContain('RF-0011');
    expect(view.cost_exposure.exceptions).toContainEqual(expect.objectContaining({ id: 'RF-0011', level: null, unclassified: true }));
    expect(view.cost_exposure.failed_return_cost_if_broken_down).toBeGreaterThan(0);
    const table = (await reunify(['status', CASELOAD, '--as-of', AS_OF])).stdout;
    expect(table).toMatch(/RF-0011 +an unplanned return not classified/);
    expect(table).toMatch(/If they broke down: × £105,804 +£105,804/);
  });

  it('flags goals at home not rated within status.home_goal_stale_days, and decisions shared with the family before sign-off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-status-'));
    cpSync(join(CASELOAD, 'cases'), join(dir, 'cases'), { recursive: true });
    writeFileSync(join(dir, 'reunify.config.yaml'), '# fictional\n');
    // RF-0012 is home; its goal g1, last rated green on 2026-02-27, is now due at the end of the year, so not met yet
    const rf12 = join(dir, 'cases', 'RF-0012.md');
    writeFileSync(rf12, readFileSync(rf12, 'utf8').replace('by: 2026-02-28', 'by: 2026-12-31'));
    // RF-0005's Decision 2, shared with the child and mum on 2026-10-19 and rk on 2026-10-20, now signed off on 2026-10-21
    const rf5 = join(dir, 'cases', 'RF-0005.md');
    writeFileSync(rf5, readFileSync(rf5, 'utf8').replace('date: 2026-10-16, frozen', 'date: 2026-10-21, frozen'));
    const view = JSON.parse((await reunify(['status', dir, '--as-of', AS_OF, '--format', 'json', '-q'])).stdout);
    expect(view.home_goals_stale).toMatchObject({
      count: 1,
      stale_days: 56,
      exceptions: [{ id: 'RF-0012', goals: [{ goal: 'g1', last_rated: '2026-02-27', days: 247 }] }],
    });
    expect(view.shared_before_signoff).toMatchObject({
      count: 1,
      exceptions: [
        {
          id: 'RF-0005',
          point: 'rc1_d2',
          signed_off: '2026-10-21',
          parties: [
            { party: 'child', date: '2026-10-19' },
            { party: 'mum', date: '2026-10-19' },
            { party: 'rk', date: '2026-10-20' },
          ],
        },
      ],
    });
    const md = (await reunify(['status', dir, '--as-of', AS_OF, '--format', 'md', '-q'])).stdout;
    expect(md).toContain('- **RF-0012**: goal g1 last rated 27 February 2026, 247 days ago');
    expect(md).toContain(
      '- **RF-0005**: Decision 2 of 16 October 2026 was shared with the child on 19 October 2026, mum on 19 October 2026 and rk on 20 October 2026, before its sign-off on 21 October 2026',
    );
    // both are reasons in the attention list
    const attention = md.slice(md.indexOf('## Attention first'), md.indexOf('## Cases by stage'));
    expect(attention).toContain('- **RF-0012**: Stage 5: goals at home not rated recently: goal g1 last rated 27 February 2026');
    expect(attention).toContain('- **RF-0005**: Stage 2: Decision 2 of 16 October 2026 was shared with the child');
    // the threshold is a setting
    writeFileSync(join(dir, 'reunify.config.yaml'), '# fictional\nstatus:\n  home_goal_stale_days: 300\n');
    const relaxed = JSON.parse((await reunify(['status', dir, '--as-of', AS_OF, '--format', 'json', '-q'])).stdout);
    expect(relaxed.home_goals_stale).toMatchObject({ count: 0, stale_days: 300, exceptions: [] });
  });

  it('lists written assessments and classifications signed off by the person who recorded them, without naming them', async () => {
    const r = await reunify(['status', CASELOAD, '--as-of', AS_OF]);
    const section = r.stdout
      .slice(r.stdout.indexOf('── Signed off by the person who recorded it'), r.stdout.indexOf('── Shared before sign-off'))
      .replace(/\s+/g, ' ');
    // RF-0001's RC2 of 20 February 2026 was recorded by TM A.O. and signed off by TM A.O.
    expect(section).toMatch(/RF-0001 +the RC2 classification of 20 February 2026 was signed off on 20 February 2026 by the person/);
    expect(section).not.toContain('TM A.O.');
    // its RC1, recorded by SW J.P. and signed off by TM A.O., is not listed
    expect(section).not.toContain('28 October 2025');
  });

  it('names a decision waiting for sign-off in words, Decision 1 included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-status-'));
    cpSync(join(CASELOAD, 'cases'), join(dir, 'cases'), { recursive: true });
    writeFileSync(join(dir, 'reunify.config.yaml'), '# fictional\n');
    // RF-0008's Decision 1 of 2026-05-26 loses its sign-off
    const rf8 = join(dir, 'cases', 'RF-0008.md');
    const text = readFileSync(rf8, 'utf8');
    expect(text).toContain('signed_off: { by: "TM A.O.", date: 2026-05-26 } }');
    writeFileSync(rf8, text.replace('signed_off: { by: "TM A.O.", date: 2026-05-26 } }', '}'));
    const md = (await reunify(['status', dir, '--as-of', AS_OF, '--format', 'md', '-q'])).stdout;
    expect(md).toContain('- **RF-0008**: Decision 1 of 26 May 2026, waiting 159 days');
    expect(md).toContain(
      '- **RF-0008**: Stage 3: goals past their date: goal g2 was due 30 October 2026 and is amber; awaiting sign-off: Decision 1 of 26 May 2026',
    );
  });

  it('help has real examples', async () => {
    const r = await reunify(['status', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ reunify status examples/caseload --as-of 2026-11-01');
  });
});
