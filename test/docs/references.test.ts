// Every rule id, command and option that a reader may copy from the README, docs/, the
// `--help` texts, the templates or the config `reunify init` writes exists: a rule id
// mentioned anywhere is a real one, and every `reunify …` command line in code (code spans,
// code blocks, help examples) names a real command with options that command has.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterHelp } from '../../src/cli/commandDocs.js';
import { buildProgram } from '../../src/cli/index.js';
import { knownRuleIds } from '../../src/core/rules/check.js';
import { reunify, ROOT } from '../cli/run.js';
import { present } from '../present.js';

interface Source { name: string; text: string; code: string[] }

const RULE_ID = /(?<![\w/.-])(?:stage[1-5]|timeliness|triggers|tasks|caseload|case)\/[a-z0-9]+(?:-[a-z0-9]+)*(?![\w/.-])/g;
/** Rule ids misspelt on purpose, to show the error a misspelling gets, and where. */
const MISSPELT_ON_PURPOSE = new Set(['docs/guide-practice-lead.md: timeliness/post-return-visit']);

/** Code spans and fenced code blocks of a markdown text. */
function codeOf(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1/gm)].map((m) => present(m[2]));
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm, '');
  const spans = [...prose.matchAll(/(`+)([^`]+?)\1/g)].map((m) => present(m[2]));
  return [...blocks, ...spans];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const program = buildProgram();
const rules = knownRuleIds();

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
const optionNames = (cmd: Command) => new Set([...cmd.options.flatMap((o) => [o.long, o.short].filter((n): n is string => !!n)), '--help', '-h']);
const everyOption = new Set([...optionNames(program), ...allCommands(program).flatMap((c) => [...optionNames(c)]), '--version', '-V']);

function sources(initConfig: string): Source[] {
  const md = [join(ROOT, 'README.md'), join(ROOT, 'examples/ci/README.md'), ...walk(join(ROOT, 'docs')).filter((p) => p.endsWith('.md'))];
  const out: Source[] = md.map((p) => {
    const text = readFileSync(p, 'utf8');
    return { name: relative(ROOT, p), text, code: codeOf(text) };
  });
  for (const p of walk(join(ROOT, 'templates'))) {
    const text = readFileSync(p, 'utf8');
    out.push({ name: relative(ROOT, p), text, code: [text] });
  }
  for (const cmd of [program, ...allCommands(program)]) {
    const text = `${cmd.helpInformation()}\n${afterHelp(cmd).notes}\n${afterHelp(cmd).examples.join('\n')}`;
    out.push({ name: `reunify ${cmd.name()} --help`, text, code: [text] });
  }
  out.push({ name: 'the config `reunify init` writes', text: initConfig, code: [initConfig] });
  return out;
}

/**
 * `reunify …` command lines in code: a line (or code span) that starts with `reunify` or
 * `node bin/reunify.js` (after an optional `$ ` prompt), up to a shell operator or comment.
 */
function commandLines(code: string): string[][] {
  const found: string[][] = [];
  for (const m of code.matchAll(/^[ \t]*(?:\$[ \t]+)?(?:[A-Z_]+=\S* +)*(?:reunify|node bin\/reunify\.js)((?: +[^\s|;&<>#`)]+)*)/gm)) {
    const words = present(m[1]).trim().split(/\s+/).filter(Boolean);
    if (words.length > 0) found.push(words);
  }
  return found;
}

/** What is wrong with one command line, if anything. */
function problemsOf(words: string[]): string[] {
  const problems: string[] = [];
  let cmd: Command = program;
  let i = 0;
  // Descend through command and subcommand names.
  while (i < words.length && !present(words[i]).startsWith('-') && cmd.commands.length > 0) {
    const sub = cmd.commands.find((c) => c.name() === words[i] || c.aliases().includes(present(words[i])));
    if (!sub) {
      // `reunify <placeholder>` or prose like "reunify's": only a lower-case word is a command name.
      if (/^[a-z][a-z-]*$/.test(present(words[i])) && cmd === program) problems.push(`no command "${words[i]}"`);
      return problems;
    }
    cmd = sub;
    i++;
  }
  const known = optionNames(cmd === program ? program : cmd);
  if (cmd === program) for (const o of ['--version', '-V']) known.add(o);
  for (; i < words.length; i++) {
    const w = words[i];
    const long = /^(--[a-z][a-z0-9-]*)(?:=(.*))?$/.exec(present(w));
    if (long) {
      if (!known.has(present(long[1]))) problems.push(`reunify ${cmd.name()} has no option ${long[1]}`);
      if (long[1] === '--rule') {
        const value = long[2] ?? words[i + 1] ?? '';
        const id = present(value.replace(/^['"]/, '').split('=')[0]);
        if (!/[<…]/.test(id) && !rules.has(id)) problems.push(`--rule names no rule "${id}"`);
      }
    }
  }
  return problems;
}

let all: Source[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-refs-'));
  const r = await reunify(['init', dir, '--quiet']);
  expect(r.exitCode, r.stderr).toBe(0);
  all = sources(readFileSync(join(dir, 'reunify.config.yaml'), 'utf8'));
}, 60_000);

describe('references in the docs, help and templates', () => {
  it('reads README, docs, templates, every --help and the init config', () => {
    const names = all.map((s) => s.name);
    for (const n of ['README.md', 'docs/config.md', 'docs/commands/check.md', 'docs/framework.md', 'reunify check --help', 'the config `reunify init` writes']) expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith('templates/')).length).toBeGreaterThan(5);
  });

  it('every rule id mentioned is a rule', () => {
    const unknown = all.flatMap((s) => [...s.text.matchAll(RULE_ID)].map((m) => m[0]).filter((id) => !rules.has(id)).map((id) => `${s.name}: ${id}`)).filter((u) => !MISSPELT_ON_PURPOSE.has(u));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('every reunify command line in code names a real command, its real options and real rules', () => {
    const bad = all.flatMap((s) => s.code.flatMap(commandLines).flatMap((words) => problemsOf(words).map((p) => `${s.name}: reunify ${words.join(' ')}: ${p}`)));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('every long option mentioned on its own in the docs and help is an option of some command', () => {
    const bad = all.filter((s) => !s.name.startsWith('templates/')).flatMap((s) =>
      s.code
        .filter((c) => !/\breunify\b|\bnpm\b|\bnode\b|\bgit\b|\bpre-commit\b|\bnpx\b|\bvitest\b/.test(c))
        .flatMap((c) => [...c.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]))
        .filter((o) => !everyOption.has(present(o)))
        .map((o) => `${s.name}: ${o}`),
    );
    expect([...new Set(bad)]).toEqual([]);
  });

  it('the checker catches what it is for', () => {
    expect(problemsOf(['check', '--rule', 'stage5/visits-due=off'])).toEqual(['--rule names no rule "stage5/visits-due"']);
    expect(problemsOf(['check', '--rule=timeliness/post-return-visits=off'])).toEqual([]);
    expect(problemsOf(['chek', '.'])).toEqual(['no command "chek"']);
    expect(problemsOf(['status', '--max-warnings', '0'])).toEqual(['reunify status has no option --max-warnings']);
    expect('# rules:\n#   stage1/timescale: warn'.match(RULE_ID)).toEqual(['stage1/timescale']);
    expect('examples/caseload/cases/RF-0001.md'.match(RULE_ID)).toBeNull();
    expect(commandLines('$ reunify chek .\n  # reunify settings\nNO_COLOR=1 reunify status --as-of 2026-11-01 | head')).toEqual([['chek', '.'], ['status', '--as-of', '2026-11-01']]);
  });
});

describe('citations of the practice guide', () => {
  /** Every file under src/ and config/ (product text: help, prompts, case-file comments, config comments). */
  const product = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'config'))].map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
  const guide = readFileSync(join(ROOT, 'docs', 'framework.md'), 'utf8');
  const CITATION = /(?<![\w.-])([\w./-]*framework\.md)(?: (§\d+(?:\.\d+)*|Stage \d))?/g;

  it('product text cites the shipped docs/framework.md, never a bare framework.md the package does not have', () => {
    const citations = product.flatMap((f) => [...f.text.matchAll(CITATION)].map((m) => ({ at: f.name, file: m[1], section: m[2] })));
    expect(citations.length).toBeGreaterThan(40);
    expect(citations.filter((c) => c.file !== 'docs/framework.md').map((c) => `${c.at}: ${c.file}`)).toEqual([]);
  });

  it('every section cited is a heading of docs/framework.md', () => {
    const sections = product.flatMap((f) => [...f.text.matchAll(CITATION)].flatMap((m) => (m[2] ? [m[2]] : [])));
    const headings = (s: string) => (s.startsWith('§') ? new RegExp(`^#{2,3} ${s.slice(1).replace(/\./g, '\\.')}[. ]`, 'm') : new RegExp(`^### ${s} `, 'm'));
    expect([...new Set(sections)].filter((s) => !headings(s).test(guide))).toEqual([]);
  });
});
