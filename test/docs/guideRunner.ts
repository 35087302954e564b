// Reads a guide's runnable blocks and runs them the way a reader would, in order, in a
// scratch folder: ```sh blocks of `$ ` commands, each followed by a ```text block of
// what they print (stdout and stderr as a terminal shows them), and ```yaml file=PATH
// blocks the reader saves before the next command. `# exit N` after a command says it
// exits N (otherwise 0). A `cd DIR` command changes the folder for the commands after it.
import { execa } from 'execa';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { plainEnv } from '../cli/run.js';
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
      const r = await execa('bash', ['-c', `{\n${c.text}\n} 2>&1`], {
        cwd,
        reject: false,
        input: '',
        timeout: 120_000,
        env: plainEnv({ PATH: `${options.binDir}:${process.env.PATH}`, NO_COLOR: '1', CI: '', LC_ALL: 'C.UTF-8', TZ: 'UTC' }),
        extendEnv: false,
      });
      exits.push(r.exitCode ?? -1);
      // The scratch folder stands where the reader's copy of the repository is.
      if (r.stdout !== '') output += r.stdout.split(realpathSync(options.workdir)).join('/path/to/reunify').split(options.workdir).join('/path/to/reunify') + '\n';
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
