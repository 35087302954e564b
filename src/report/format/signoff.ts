// The sign-off queue as text (at most 100 columns, or the terminal's width) and as JSON, and what a sign-off
// signs: the level (and whether it overrides the suggestion), the outcome or the
// recommendation, and any sharing with the family made before the sign-off.
import type { ChalkInstance } from 'chalk';
import { sameSigner, type SignedContent, type SignoffItem } from '../../core/workflow/signoff.js';
import type { Level } from '../../core/model/ids.js';
import { wrap } from './statusTable.js';

export interface QueueEntry extends SignoffItem {
  filePath: string;
}

/** "level Medium (suggested High): override, strong_protective_context", "outcome return_if_goals_met", … */
export function contentText(kind: SignoffItem['kind'], content: SignedContent, labels: Record<Level, string>): string {
  if (kind === 'written_assessment') return `recommendation ${content.recommendation ?? '(none recorded)'}`;
  if (kind === 'decision') return `outcome ${content.outcome ?? '(none recorded)'}`;
  if (!content.level) return 'level (none recorded)';
  const level = labels[content.level] ?? content.level;
  if (!content.suggested) return `level ${level} (no suggested level recorded)`;
  const suggested = labels[content.suggested] ?? content.suggested;
  if (!content.override) return `level ${level}, as suggested`;
  return `level ${level} (suggested ${suggested}): override${content.overrideCategory ? `, ${content.overrideCategory}` : ', no category recorded'}`;
}

/** "child 2026-10-19, mum 2026-10-19", or undefined when nothing was shared before the sign-off. */
export function sharedText(content: SignedContent): string | undefined {
  if (content.sharedBefore.length === 0) return undefined;
  return content.sharedBefore.map((s) => `${s.party} ${s.date}`).join(', ');
}

/** `lineWidth`: the columns a line may take (100, or a narrower terminal's). */
export function formatQueueText(queue: readonly QueueEntry[], asOf: string, c: ChalkInstance, labels: Record<Level, string>, lineWidth = 100): string {
  const n = queue.length;
  const title = `Sign-off queue as of ${asOf}: ${n === 0 ? 'nothing waiting' : `${n} item${n === 1 ? '' : 's'}, oldest first`}`;
  const out = wrap(title, lineWidth, lineWidth).map((l) => c.bold(l));
  if (n === 0) return out.join('\n') + '\n';
  const idWidth = Math.min(16, Math.max(...queue.map((q) => q.caseId.length)));
  const itemWidth = Math.max(...queue.map((q) => q.item.length));
  for (const q of queue) {
    const id = q.caseId.length > idWidth ? q.caseId.slice(0, idWidth - 1) + '…' : q.caseId.padEnd(idWidth);
    const ownWork = q.by !== undefined && q.manager !== undefined && sameSigner(q.by, q.manager);
    const who = ownWork ? `by ${q.by}, the case's manager` : [q.by ? `by ${q.by}` : '', q.manager ? `for ${q.manager}` : ''].filter(Boolean).join(', ');
    const head = `${q.item.padEnd(itemWidth)}  ${q.date}  ${`${q.waitingDays} day${q.waitingDays === 1 ? '' : 's'}`.padStart(8)}${who ? `  ${who}` : ''}`;
    const indent = 2 + idWidth + 2;
    const width = Math.max(20, lineWidth - indent);
    const lines = head.length <= width ? [head] : wrap(head, width, width);
    out.push(`  ${c.cyan(id)}  ${lines[0]}`, ...lines.slice(1).map((l) => ' '.repeat(indent) + l));
    const signs = `signs: ${contentText(q.kind, q.content, labels)}`;
    const override = q.content.override === true;
    out.push(...wrap(signs, width, width).map((l) => ' '.repeat(indent) + (override ? c.yellow(l) : l)));
    const shared = sharedText(q.content);
    if (shared) out.push(...wrap(`already shared before sign-off: ${shared}`, width, width).map((l) => ' '.repeat(indent) + c.yellow(l)));
    const note = ownWork ? `${q.waitingFor}; another manager should sign (a self sign-off is warned about)` : q.waitingFor;
    out.push(...wrap(note, width, width).map((l) => ' '.repeat(indent) + c.dim(l)));
  }
  out.push('', ...wrap('Record a sign-off: reunify signoff --sign <case> --item <item> --by "<manager>"', lineWidth, lineWidth).map((l) => c.dim(l)));
  return out.join('\n') + '\n';
}

/** The content as JSON: ids and dates only. */
export function contentJson(content: SignedContent): object {
  return {
    level: content.level ?? null,
    suggested: content.suggested ?? null,
    override: content.override ?? null,
    override_category: content.overrideCategory ?? null,
    outcome: content.outcome ?? null,
    recommendation: content.recommendation ?? null,
    shared_before_signoff: content.sharedBefore,
  };
}

export function queueJson(queue: readonly QueueEntry[], asOf: string): object {
  return {
    version: 1,
    as_of: asOf,
    count: queue.length,
    items: queue.map((q) => ({
      case_id: q.caseId,
      file: q.filePath,
      item: q.item,
      kind: q.kind,
      point: q.point ?? null,
      pointer: q.pointer,
      date: q.date,
      by: q.by ?? null,
      manager: q.manager ?? null,
      waiting_days: q.waitingDays,
      waiting_for: q.waitingFor,
      ...contentJson(q.content),
    })),
  };
}
