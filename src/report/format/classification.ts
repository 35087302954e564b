// Text and JSON views of `reunify classify` results. The JSON carries ids, levels,
// numbers and JSON pointers, never narrative from the case.
import type { ChalkInstance } from 'chalk';
import { isSuperseded, type Contribution, type Suggestion } from '../../core/classify/classify.js';
import type { Level } from '../../core/model/ids.js';
import { classifiersText } from '../../core/classify/classificationRecord.js';
import type { BaselineComparison, Direction } from '../../core/classify/reclassify.js';
import type { IfPresent } from '../../core/classify/whatIf.js';

export interface ClassifiedView {
  filePath: string;
  suggestion: Suggestion;
  comparison: BaselineComparison;
  /** For each unknown factor, the level if it were present. */
  ifPresent: IfPresent[];
  /** Evidence pointers older than `evidenceMaxAgeDays`. */
  oldEvidence: string[];
  evidenceMaxAgeDays: number;
}

export interface RecordedView {
  written: boolean;
  classification: {
    date: string;
    point: string;
    level: Level;
    suggested: Level;
    /** One person, or several who classified together. */
    by: string | string[];
    signed_off?: { by: string; date: string };
    override_category?: string;
  };
  decision?: { date: string; point: string; outcome: string };
  tasks: string[];
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '0');
const LEVEL_STYLE: Record<Level, (c: ChalkInstance, s: string) => string> = {
  low: (c, s) => c.green(s),
  medium: (c, s) => c.yellow(s),
  high: (c, s) => c.red(s),
  very_high: (c, s) => c.bold.red(s),
};

function table(rows: string[][], indent = '  '): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  // a cell beyond the first row's width is not padded (padEnd(undefined) pads nothing)
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

function factorName(c: Contribution): string {
  if (c.person) return `${c.factor} (${c.person})`;
  if (c.goal) return `${c.factor} (${c.goal}${c.overdue ? ', overdue' : ''})`;
  return c.factor;
}

function statusText(c: Contribution): string {
  if (c.rating) return c.rating;
  if (c.overdue) return `not green by ${c.date}`;
  if (c.rag) return c.rag;
  return c.status;
}

/** The evidence date of a line: its date, "(old)" past the configured age; "undated" for an entry without one; "-" for facts from history or dob. */
function datedText(c: Contribution, old: ReadonlySet<string>): string {
  if (c.overdue) return '-';
  if (c.date === undefined) return c.source === 'entered' || c.source === 'capacity to change' ? 'undated' : '-';
  return old.has(c.evidence) ? `${c.date} (old)` : c.date;
}

function directionText(d: Direction | undefined): string {
  return d === undefined ? '' : d === 'same' ? 'same level' : d === 'up' ? 'up' : 'down';
}

export function formatClassificationText(view: ClassifiedView, labels: Record<Level, string>, color: ChalkInstance, recorded?: RecordedView): string {
  const { suggestion: s, comparison: b } = view;
  const level = (l: Level) => LEVEL_STYLE[l](color, labels[l] ?? l);
  const out: string[] = [];
  out.push(color.bold(`${s.caseId}  stage ${s.stage}  ${s.point ? `decision point ${s.point}` : 'no decision point'}  as of ${s.asOf}`));
  out.push('');
  const t = s.thresholds;
  out.push(
    `Suggested level: ${level(s.level)}  (score ${s.score}; ${labels.medium} from ${t.medium}, ${labels.high} from ${t.high}, ${labels.very_high} from ${t.very_high})`,
  );
  for (const f of s.forced) out.push(`  raised from ${labels[s.scoreLevel]} to at least ${labels[f.minLevel]} by ${f.factor} (${f.evidence}): ${f.reason}`);
  out.push('');
  out.push('Contributions (weight × fraction = points)');
  const old = new Set(view.oldEvidence);
  const rows: [string, string, string, string, string, string][] = [['factor', 'status', 'weight × fraction = points', 'source', 'dated', 'evidence']];
  for (const c of s.contributions) {
    const sum = c.status !== 'unknown' ? `${signed(c.weight)} × ${c.fraction} = ${signed(c.points)}` : isSuperseded(c) ? 'not counted' : 'gap: not counted';
    rows.push([factorName(c), statusText(c), sum, c.source, datedText(c, old), c.evidence + (c.note ? `  (${c.note})` : '')]);
  }
  out.push(...table(rows));
  out.push(`  ${'total'.padEnd(Math.max(...rows.map((r) => r[0].length)))}  score ${s.score}`);
  if (old.size > 0) {
    out.push(
      color.yellow(
        `  (old): evidence dated more than ${view.evidenceMaxAgeDays} days before ${s.asOf} (classification.evidence_max_age_days): check it still holds`,
      ),
    );
  }
  out.push('');
  if (s.gaps.length > 0) {
    out.push('Gaps to assess (unknown: no points, never counted as absent)');
    const ifPresent = new Map(view.ifPresent.map((p) => [p.evidence, p]));
    out.push(
      ...table(
        s.gaps.map((g) => {
          const p = g.factor === 'capacity_to_change' || g.factor === 'goal_progress' ? undefined : ifPresent.get(g.evidence);
          const name = g.person ? `${g.factor} (${g.person})` : g.goal ? `${g.factor} (${g.goal})` : g.factor;
          return [name, g.evidence, p ? `if present: ${level(p.level)} (score ${p.score})` : ''];
        }),
      ),
    );
  } else out.push('Gaps to assess: none');
  for (const n of s.notes) out.push(`Note: ${n}`);
  out.push('');
  if (b.latest) {
    out.push(
      `Compared with the latest classification (${b.latest.point}, ${b.latest.date}): ${level(b.latest.level)} → ${level(s.level)}, ${directionText(b.direction)}`,
    );
    if (b.rc1 && b.rc1.index !== b.latest.index)
      out.push(`Compared with RC1 (${b.rc1.date}): ${level(b.rc1.level)} → ${level(s.level)}, ${directionText(b.directionFromRc1)}`);
    const changed = b.factorChanges.filter((f) => !['unchanged', 'persisting', 'still_unknown'].includes(f.change));
    out.push(
      `Factors since ${b.latest.date}: ${changed.length === 0 ? 'no change' : changed.map((f) => `${f.factor} ${f.change.replace('_', ' ')}`).join(', ')}`,
    );
    const persisting = b.factorChanges.filter((f) => f.change === 'persisting').map((f) => f.factor);
    if (persisting.length > 0) out.push(`Persisting: ${persisting.join(', ')}`);
    out.push(`Evidence dated after ${b.latest.date}: ${b.changedSince.length === 0 ? 'none' : b.changedSince.map((c) => c.evidence).join(', ')}`);
    out.push(`Goals met since: ${b.goalsMet.join(', ') || 'none'}; missed since: ${b.goalsMissed.join(', ') || 'none'}`);
    out.push(`Unknowns: ${b.unknownsNow} now, ${b.unknownsAtBaseline} then`);
  } else out.push('No earlier classification: this would be the first.');
  for (const f of b.flags) out.push(color.yellow(`Flag (${f.id}): ${f.message}`));
  out.push('');
  if (s.point) {
    const decision = s.decision ?? 'none configured (decision_map)';
    let line = `Suggested decision at ${s.point}: ${decision}`;
    if (b.latestDecision)
      line += `; latest decision ${b.latestDecision.outcome} (${b.latestDecision.date})${b.decisionShouldChange ? ': the suggestion differs, review the decision' : ''}`;
    out.push(line);
  }
  if (recorded) {
    out.push('');
    const c = recorded.classification;
    const verb = recorded.written ? 'Recorded' : 'Would record';
    out.push(
      `${verb}: ${c.point} level ${c.level} (suggested ${c.suggested}) by ${classifiersText(c.by)}${c.override_category ? `, override ${c.override_category}` : ''}`,
    );
    if (recorded.decision) out.push(`${verb}: decision ${recorded.decision.outcome} at ${recorded.decision.point}`);
    if (recorded.tasks.length > 0) out.push(`${verb}: tasks ${recorded.tasks.join(', ')} done`);
  }
  out.push('');
  out.push(color.dim(s.notice));
  return out.join('\n') + '\n';
}

export function classificationJson(view: ClassifiedView, recorded?: RecordedView): object {
  const { suggestion: s, comparison: b } = view;
  return {
    file: view.filePath,
    caseId: s.caseId,
    stage: s.stage,
    asOf: s.asOf,
    point: s.point ?? null,
    level: s.level,
    score: s.score,
    scoreLevel: s.scoreLevel,
    thresholds: s.thresholds,
    forced: s.forced,
    contributions: s.contributions,
    gaps: s.gaps,
    ifPresent: view.ifPresent,
    evidenceMaxAgeDays: view.evidenceMaxAgeDays,
    oldEvidence: view.oldEvidence,
    notes: s.notes,
    decision: s.decision ?? null,
    baseline: {
      latest: b.latest ?? null,
      rc1: b.rc1 ?? null,
      direction: b.direction ?? null,
      directionFromRc1: b.directionFromRc1 ?? null,
      factorChanges: b.factorChanges,
      changedSince: b.changedSince.map((c) => c.evidence),
      goalsMet: b.goalsMet,
      goalsMissed: b.goalsMissed,
      unknownsAtBaseline: b.unknownsAtBaseline,
      unknownsNow: b.unknownsNow,
      latestDecision: b.latestDecision ?? null,
      decisionShouldChange: b.decisionShouldChange ?? null,
      flags: b.flags,
    },
    ...(recorded ? { recorded } : {}),
    notice: s.notice,
  };
}

export interface SummaryRow {
  filePath: string;
  caseId?: string;
  stage?: string | number;
  view?: ClassifiedView;
  skipped?: string;
  failed?: string;
}

export function summaryJson(rows: readonly SummaryRow[], asOf: string, notice: string): object {
  return {
    version: 1,
    asOf,
    cases: rows
      .filter((r) => r.view)
      .map((r) => {
        const { suggestion: s, comparison: b } = r.view!;
        return {
          file: r.filePath,
          caseId: s.caseId,
          stage: s.stage,
          point: s.point ?? null,
          baseline: b.rc1?.level ?? null,
          latest: b.latest?.level ?? null,
          suggested: s.level,
          score: s.score,
          direction: b.direction ?? null,
          decision: s.decision ?? null,
          decisionShouldChange: b.decisionShouldChange ?? null,
          gaps: s.gaps.length,
          oldEvidence: r.view!.oldEvidence,
          flags: b.flags.map((f) => f.id),
        };
      }),
    skipped: rows.filter((r) => r.skipped).map((r) => ({ file: r.filePath, caseId: r.caseId ?? null, reason: r.skipped })),
    failed: rows.filter((r) => r.failed).map((r) => ({ file: r.filePath, reason: r.failed })),
    notice,
  };
}

export function formatSummaryText(rows: readonly SummaryRow[], asOf: string, labels: Record<Level, string>, color: ChalkInstance, notice: string): string {
  const header = ['case', 'stage', 'point', 'baseline', 'latest', 'suggested', 'direction', 'suggested decision', 'flags'];
  const body = rows
    .filter((r) => r.view)
    .map((r) => {
      const { suggestion: s, comparison: b } = r.view!;
      return [
        s.caseId,
        String(s.stage),
        s.point ?? '-',
        b.rc1 ? labels[b.rc1.level] : '-',
        b.latest ? labels[b.latest.level] : '-',
        labels[s.level],
        b.direction ?? '-',
        (s.decision ?? '-') + (b.decisionShouldChange ? ' *' : ''),
        b.flags.map((f) => f.id).join(', '),
      ];
    });
  const out = body.length > 0 ? table([header, ...body], '') : [];
  const skipped = rows.filter((r) => r.skipped).length;
  const failed = rows.filter((r) => r.failed).length;
  out.push('');
  out.push(
    `${body.length} ${body.length === 1 ? 'case' : 'cases'} classified as of ${asOf}; ${skipped} skipped (stage 1 or closed)${failed > 0 ? `; ${color.red(`${failed} could not be classified`)}` : ''}`,
  );
  if (body.length > 0) out.push('baseline: the RC1 level; latest: the latest recorded level; direction: suggested against latest');
  if (body.some((r) => r[7]?.endsWith(' *'))) out.push('* the suggested decision differs from the latest decision at that point');
  out.push(color.dim(notice));
  return out.join('\n') + '\n';
}
