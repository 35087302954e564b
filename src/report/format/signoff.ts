// The sign-off queue as text (at most 100 columns) and as JSON.
import type { ChalkInstance } from 'chalk';
import { sameSigner, type SignoffItem } from '../../core/workflow/signoff.js';
import { wrap } from './statusTable.js';

export interface QueueEntry extends SignoffItem {
  filePath: string;
}

export function formatQueueText(queue: readonly QueueEntry[], asOf: string, c: ChalkInstance): string {
  const n = queue.length;
  const out = [c.bold(`Sign-off queue as of ${asOf}: ${n === 0 ? 'nothing waiting' : `${n} item${n === 1 ? '' : 's'}, oldest first`}`)];
  if (n === 0) return out.join('\n') + '\n';
  const idWidth = Math.min(16, Math.max(...queue.map((q) => q.caseId.length)));
  const itemWidth = Math.max(...queue.map((q) => q.item.length));
  for (const q of queue) {
    const id = q.caseId.length > idWidth ? q.caseId.slice(0, idWidth - 1) + '…' : q.caseId.padEnd(idWidth);
    const ownWork = q.by !== undefined && q.manager !== undefined && sameSigner(q.by, q.manager);
    const who = ownWork ? `by ${q.by}, the case's manager` : [q.by ? `by ${q.by}` : '', q.manager ? `for ${q.manager}` : ''].filter(Boolean).join(', ');
    const head = `${q.item.padEnd(itemWidth)}  ${q.date}  ${`${q.waitingDays} day${q.waitingDays === 1 ? '' : 's'}`.padStart(8)}${who ? `  ${who}` : ''}`;
    const indent = 2 + idWidth + 2;
    const lines = head.length <= 100 - indent ? [head] : wrap(head, 100 - indent, 100 - indent);
    out.push(`  ${c.cyan(id)}  ${lines[0]}`, ...lines.slice(1).map((l) => ' '.repeat(indent) + l));
    const note = ownWork ? `${q.waitingFor}; another manager signs` : q.waitingFor;
    out.push(...wrap(note, 100 - indent, 100 - indent).map((l) => ' '.repeat(indent) + c.dim(l)));
  }
  out.push('', c.dim('Record a sign-off: reunify signoff --sign <case> --item <item> --by "<manager>"'));
  return out.join('\n') + '\n';
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
    })),
  };
}
