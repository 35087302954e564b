// The hand-written pages give the same default date as --help: every command with an
// --as-of or --date uses the caseload config's `as_of` before today (src/cli/asOf.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';

const DOCS = join(import.meta.dirname, '../../docs');
const program = buildProgram();
const dateOptions = (name: string) => program.commands.find((c) => c.name() === name)!.options.filter((o) => o.long === '--as-of' || o.long === '--date');
const readsConfig = program.commands.filter((c) => dateOptions(c.name()).some((o) => o.description.includes("the config's as_of"))).map((c) => c.name());
const todayOnly = program.commands.filter((c) => dateOptions(c.name()).length > 0 && !readsConfig.includes(c.name())).map((c) => c.name());

describe('the default as-of date in the docs', () => {
  it('--help says which commands read the config first', () => {
    expect(readsConfig.sort()).toEqual(['advance', 'check', 'classify', 'costs', 'new', 'redact', 'report', 'signoff', 'status', 'supervise', 'task']);
    expect(todayOnly).toEqual([]);
  });

  it.each([
    ['status.md', 'status'],
    ['classification.md', 'classify'],
  ])("%s gives %s's --as-of default as --help does: the config's as_of, else today", (page) => {
    const text = readFileSync(join(DOCS, page), 'utf8').replace(/\s+/g, ' ');
    const stated = /`--as-of[^`]*`[^.]*?\bdefault\b[^.]*/.exec(text)?.[0];
    expect(stated).toMatch(/config's `as_of`, else today/);
  });

  it('no page says a --as-of or --date defaults to today, except for a command that does', () => {
    const stale: string[] = [];
    for (const page of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(DOCS, page), 'utf8').replace(/\s+/g, ' ');
      for (const m of text.matchAll(/\bdefault(?:s| is)?(?: to)?:? today\b|\buses today's date\b/g)) {
        const before = text.slice(Math.max(0, m.index - 200), m.index);
        if (!/--as-of|--date/.test(before)) continue; // not about a command's date
        if (todayOnly.some((c) => before.includes(`reunify ${c}`) || before.includes(`\`${c}\``))) continue;
        if (/as_of/.test(text.slice(m.index, m.index + 120))) continue; // "today, or the config's as_of"
        stale.push(`${page}: …${before.slice(-80)}${m[0]}`);
      }
    }
    expect(stale).toEqual([]);
  });
});
