// Reads a guide's runnable blocks and runs them the way a reader would, in order, in a
// scratch folder: ```sh blocks of `$ ` commands, each followed by a ```text block of
// what they print (stdout and stderr as a terminal shows them), and ```yaml file=PATH
// blocks the reader saves before the next command. `# exit N` after a command says it
// exits N (otherwise 0). A `cd DIR` command changes the folder for the commands after it.
// A plain `reunify …` command (at most with `> FILE`) runs in-process through the built
// entry point's run(argv, env), stdout and stderr into one stream as a terminal shows them;
// anything else, `reunify … | head` included (a closed pipe is something only a process
// shows), runs in bash with the built binary on PATH.
import { execa } from 'execa';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AppEnv } from '../../src/app/env.js';
import { plainEnv, ROOT } from '../cli/run.js';
import { present } from '../present.js';

export interface Command {
  text: string;
  exit: number;
}

export type Step =
  | { kind: 'run'; line: number; commands: Command[]; expected?: { text: string; open: number; close: number }; after: number }
  | { kind: 'file'; line: number; path: string; content: string };

interface Block {
  lang: string;
  info: string;
  body: string;
  /** Line numbers (0-based) of the opening and closing fences. */
  open: number;
  close: number;
}

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(`{3,})(\w*)(.*)$/.exec(present(lines[i]));
    if (!m) continue;
    const end = lines.findIndex((l, j) => j > i && l === m[1]);
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`);
    blocks.push({ lang: present(m[2]), info: present(m[3]).trim(), body: lines.slice(i + 1, end).join('\n'), open: i, close: end });
    i = end;
  }
  return blocks;
}

/** `$ ` lines, with `\` continuation lines joined to the command they continue. */
function commandsOf(body: string): Command[] {
  const commands: Command[] = [];
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    if (line.startsWith('$ ')) {
      current = [line.slice(2)];
      commands.push({ text: '', exit: 0 });
    } else if (current && present(current[current.length - 1]).endsWith('\\')) current.push(line);
    else if (line.trim() !== '') throw new Error(`a line in a $ block that is not a command: ${line}`);
    if (current) {
      const text = current.join('\n');
      const exit = /#\s*exit (\d+)\s*$/.exec(text);
      commands[commands.length - 1] = { text, exit: exit ? Number(exit[1]) : 0 };
    }
  }
  return commands;
}

export function stepsOf(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const blocks = blocksOf(lines);
  const steps: Step[] = [];
  blocks.forEach((b, k) => {
    const file = /(?:^|\s)file=(\S+)/.exec(b.info);
    if (file) {
      steps.push({ kind: 'file', line: b.open + 1, path: present(file[1]), content: b.body + '\n' });
      return;
    }
    if (b.lang !== 'sh' || !b.body.startsWith('$ ')) return;
    const next = blocks[k + 1];
    const adjacent = next && next.lang === 'text' && lines.slice(b.close + 1, next.open).every((l) => l.trim() === '');
    steps.push({
      kind: 'run',
      line: b.open + 1,
      commands: commandsOf(b.body),
      expected: adjacent ? { text: next.body, open: next.open, close: next.close } : undefined,
      after: b.close,
    });
  });
  return steps;
}

/** A folder holding a `reunify` command that runs the built binary. */
export function reunifyOnPath(bin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-guide-bin-'));
  writeFileSync(join(dir, 'reunify'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`);
  chmodSync(join(dir, 'reunify'), 0o755);
  return dir;
}

/**
 * The words of a `reunify …` command line as bash would pass them, and the file a final
 * `> FILE` sends stdout to; undefined for anything that needs a shell (pipes, `&&`,
 * variables, globs, other redirections). A trailing `# comment` is dropped.
 */
export function plainReunify(text: string): { args: string[]; stdoutTo?: string } | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let stdoutTo: string | undefined;
  let redirect = false;
  const end = () => {
    if (word === undefined) return;
    if (redirect) {
      if (stdoutTo !== undefined) return true;
      stdoutTo = word;
    } else if (stdoutTo !== undefined) return true;
    else words.push(word);
    word = undefined;
    return false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (end()) return undefined;
      continue;
    }
    if (ch === '#' && word === undefined) break;
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let part = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && '"\\$`'.includes(text[j + 1] ?? '')) part += text[++j];
        else if ('$`'.includes(text.charAt(j))) return undefined;
        else part += text[j];
      }
      if (j >= text.length) return undefined;
      word = (word ?? '') + part;
      i = j;
      continue;
    }
    if (ch === '>' && word === undefined && !redirect && words.length > 1) {
      redirect = true;
      continue;
    }
    if ('|&;<>()$`*?[]{}~!\\'.includes(ch)) return undefined;
    word = (word ?? '') + ch;
  }
  if (end()) return undefined;
  if (words[0] !== 'reunify' || (redirect && stdoutTo === undefined)) return undefined;
  return { args: words.slice(1), stdoutTo };
}

type Run = (args: readonly string[], env: AppEnv) => Promise<number>;
let entry: Promise<Run> | undefined;

/** One plain command in-process: its exit code and what a terminal shows (stdout and stderr in the order written). */
async function inProcess(args: string[], cwd: string, stdoutTo: string | undefined, vars: Record<string, string | undefined>): Promise<{ exitCode: number; output: string }> {
  const run = await (entry ??= import(resolve(ROOT, 'dist/cli/index.js')).then((m: { run: Run }) => m.run));
  let output = '';
  let file = '';
  // The binary names files the way they were typed when it runs in their folder; so does
  // run() when the process's folder is the command's. Guides run one after another, so no
  // other command sees this folder.
  const home = process.cwd();
  process.chdir(cwd);
  const exitCode = await run(args, {
    cwd,
    today: () => new Date().toISOString().slice(0, 10),
    now: () => new Date(),
    stdout: { write: (s) => void (stdoutTo === undefined ? (output += s) : (file += s)), isTTY: false },
    stderr: { write: (s) => void (output += s), isTTY: false },
    stdinIsTTY: false,
    vars,
  }).finally(() => process.chdir(home));
  if (stdoutTo !== undefined) writeFileSync(resolve(cwd, stdoutTo), file);
  return { exitCode, output: output.replace(/\r?\n$/, '') };
}

/** Trailing spaces, blank lines and CRLF line ends (CSV has them) are not something a reader can see. */
export const normalise = (s: string) => s.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, '').replace(/\s+$/, '');

export interface StepResult {
  at: string;
  exits: number[];
  output: string;
}

export interface GuideRun {
  /** What the guide expects, in the same shape as `actual`. */
  expected: StepResult[];
  actual: StepResult[];
  /** The guide with every output block replaced by what the commands really printed. */
  updated: string;
}

export async function runGuide(name: string, markdown: string, options: { workdir: string; binDir: string }): Promise<GuideRun> {
  const steps = stepsOf(markdown);
  const lines = markdown.split('\n');
  const replacements: { from: number; to: number; lines: string[] }[] = [];
  const expected: StepResult[] = [];
  const actual: StepResult[] = [];
  let cwd = options.workdir;
  const env = plainEnv({ PATH: `${options.binDir}:${process.env.PATH}`, NO_COLOR: '1', CI: '', LC_ALL: 'C.UTF-8', TZ: 'UTC' });
  // The scratch folder stands where the reader's copy of the repository is.
  const masked = (text: string) => text.split(realpathSync(options.workdir)).join('/path/to/reunify').split(options.workdir).join('/path/to/reunify');
  for (const step of steps) {
    if (step.kind === 'file') {
      const path = resolve(cwd, step.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, step.content);
      continue;
    }
    let output = '';
    const exits: number[] = [];
    for (const c of step.commands) {
      const cd = /^cd\s+(\S+)$/.exec(c.text);
      if (cd) {
        cwd = resolve(cwd, present(cd[1]));
        exits.push(0);
        continue;
      }
      const plain = plainReunify(c.text);
      if (plain) {
        const r = await inProcess(plain.args, cwd, plain.stdoutTo, env);
        exits.push(r.exitCode);
        if (r.output !== '') output += masked(r.output) + '\n';
        continue;
      }
      const r = await execa('bash', ['-c', `{\n${c.text}\n} 2>&1`], {
        cwd,
        reject: false,
        input: '',
        timeout: 120_000,
        env,
        extendEnv: false,
      });
      exits.push(r.exitCode ?? -1);
      if (r.stdout !== '') output += masked(r.stdout) + '\n';
    }
    const at = `${name}:${step.line} ${step.commands.map((c) => c.text.split('\n')[0]).join(' ; ')}`;
    expected.push({ at, exits: step.commands.map((c) => c.exit), output: normalise(step.expected?.text ?? '') });
    actual.push({ at, exits, output: normalise(output) });
    const shown = normalise(output);
    // Output replaces the block's body; no output removes the block; new output gets a block.
    if (step.expected && shown !== '') replacements.push({ from: step.expected.open + 1, to: step.expected.close, lines: shown.split('\n') });
    else if (step.expected) replacements.push({ from: step.after + 1, to: step.expected.close + 1, lines: [] });
    else if (shown !== '') replacements.push({ from: step.after + 1, to: step.after + 1, lines: ['', '```text', ...shown.split('\n'), '```'] });
  }
  for (const r of replacements.reverse()) lines.splice(r.from, r.to - r.from, ...r.lines);
  return { expected, actual, updated: lines.join('\n') };
}

/** Each step whose commands exited otherwise than the guide declares, as "where: exited X, the guide says Y". */
export function refusedUpdates(run: Pick<GuideRun, 'expected' | 'actual'>): string[] {
  return run.actual.flatMap((a, i) => {
    const want = run.expected[i]?.exits ?? [];
    return a.exits.join() === want.join() ? [] : [`${a.at}: exited ${a.exits.join(', ')}, the guide says ${want.join(', ')}`];
  });
}
