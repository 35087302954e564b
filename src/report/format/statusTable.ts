// `reunify status` as a terminal table: at most 100 columns (or the terminal's width), risk levels coloured
// when colour is on (a terminal, or FORCE_COLOR), case ids before their reasons.
import type { ChalkInstance } from 'chalk';
import type { Level } from '../../core/model/ids.js';
import type { StatusLayout, StatusRow } from '../statusSections.js';

export const TABLE_WIDTH = 100;
const VALUE_END = 72;

/** Greedy word wrap; the first line has `first` columns, later lines `rest`. */
export function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
      width = rest;
    }
    // a word longer than the line is cut rather than overflow
    let w = word;
    while (!line && w.length > width) {
      lines.push(w.slice(0, width));
      w = w.slice(width);
      width = rest;
    }
    line = line ? `${line} ${w}` : w;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function levelColour(c: ChalkInstance, level: Level): (s: string) => string {
  switch (level) {
    case 'low':
      return c.green;
    case 'medium':
      return c.yellow;
    case 'high':
      return c.red;
    default:
      return c.magenta.bold;
  }
}

function rowLine(r: StatusRow, c: ChalkInstance, width: number): string {
  const valueWidth = Math.max(r.value.length, 8);
  const labelWidth = Math.max(1, Math.min(VALUE_END, width) - 2 - valueWidth - 1);
  const label = r.label.length > labelWidth ? r.label.slice(0, labelWidth - 1) + '…' : r.label;
  let value = r.value.padStart(valueWidth);
  if (r.level) value = levelColour(c, r.level)(value);
  else if (r.flag) value = c.yellow.bold(value);
  const shownLabel = r.level ? levelColour(c, r.level)(label) : label;
  return `  ${shownLabel}${' '.repeat(labelWidth - label.length + 1)}${value}`;
}

/** `width`: the columns a line may take (TABLE_WIDTH, or a narrower terminal's). */
export function formatStatusTable(layout: StatusLayout, c: ChalkInstance, width = TABLE_WIDTH): string {
  const out: string[] = wrap(layout.title, width, width).map((l) => c.bold(l));
  for (const s of layout.subtitle) out.push(...wrap(s, width, width));
  for (const section of layout.sections) {
    out.push('');
    const [title = '', ...more] = wrap(section.title, width - 7, width - 3);
    out.push(c.bold(`── ${title} `) + c.dim('─'.repeat(Math.max(3, width - title.length - 4))));
    out.push(...more.map((l) => c.bold(`   ${l}`)));
    if (section.note) out.push(...wrap(section.note, width - 2, width - 2).map((l) => c.dim(`  ${l}`)));
    for (const r of section.rows) out.push(rowLine(r, c, width));
    if (section.exceptions && section.exceptions.length > 0) {
      const idWidth = Math.min(16, Math.max(...section.exceptions.map((e) => e.id.length)));
      for (const e of section.exceptions) {
        const indent = 4 + idWidth + 2;
        const lines = wrap(e.detail, width - indent, width - indent);
        const id = e.id.length > idWidth ? e.id.slice(0, idWidth - 1) + '…' : e.id.padEnd(idWidth);
        out.push(`    ${c.cyan(id)}  ${lines[0]}`);
        for (const l of lines.slice(1)) out.push(' '.repeat(indent) + l);
      }
    } else if (section.exceptions && section.id === 'attention') {
      out.push('  Nothing needs attention first.');
    }
  }
  return out.join('\n') + '\n';
}
