// `reunify completion <shell>`: scripts generated from the command definitions, and
// each one really completes in its shell (zsh and fish only where installed).
import { execa } from 'execa';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { completionModel, type CommandSpec } from '../../src/cli/completionScripts.js';
import { buildProgram } from '../../src/cli/index.js';
import { runs, unless } from '../probe.js';
import { reunify } from './run.js';
import { present } from '../present.js';

const model = completionModel(buildProgram());
const everyCommand = (list: CommandSpec[]): CommandSpec[] => list.flatMap((c) => [c, ...everyCommand(c.subcommands)]);
/** A command with commands of its own (`scaffold exercise`), if the program has one. */
const parent = model.commands.find((c) => c.subcommands.length > 0);
const NO_ZSH = runs('zsh', ['-c', 'exit 0']) ? undefined : 'zsh is not installed';
const NO_FISH = runs('fish', ['-c', 'exit 0']) ? undefined : 'fish is not installed';

const scripts: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'reunify-completion-'));
beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await reunify(['completion', shell]);
    expect(r.exitCode).toBe(0);
    scripts[shell] = r.stdout + '\n';
    writeFileSync(join(dir, `reunify.${shell}`), scripts[shell]);
  }
  mkdirSync(join(dir, 'cases'));
  writeFileSync(join(dir, 'cases', 'RF-0001.md'), '');
});

describe('every script names every command and every long option', () => {
  it.each(['bash', 'zsh', 'fish'])('%s', (shell) => {
    for (const c of everyCommand(model.commands)) {
      expect(scripts[shell]).toContain(c.name);
      for (const o of c.options) if (o.long) expect(scripts[shell], `${c.name} ${o.long}`).toContain(shell === 'fish' ? `-l ${o.long.slice(2)}` : o.long);
    }
  });
});

it('refuses a shell it does not know', async () => {
  const r = await reunify(['completion', 'tcsh']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
});

describe('bash', () => {
  async function complete(...words: string[]): Promise<string[]> {
    const script = `source reunify.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _reunify; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = await execa('bash', ['-c', script], { cwd: dir });
    return r.stdout.split('\n').filter(Boolean).sort();
  }

  it('completes commands, options, --format and --type choices, and file names', async () => {
    expect(await complete('reunify', 'st')).toEqual(['status']);
    expect(await complete('reunify', 'check', '--format', '')).toEqual(['github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
    expect(await complete('reunify', 'report', 'cases/RF-0001.md', '--type', 'a')).toEqual(['agreement', 'assessment']);
    expect(await complete('reunify', 'status', '--f')).toEqual(['--filter', '--format']);
    expect(await complete('reunify', 'check', 'cas')).toEqual(['cases']);
    expect(await complete('reunify', 'check', '--as-of', '')).toEqual([]);
  });

  it('completes the commands under a command, then their own options', async () => {
    expect(parent, 'a command with commands of its own (scaffold exercise)').toBeDefined();
    const sub = present(parent!.subcommands[0]);
    expect(await complete('reunify', parent!.name, '')).toEqual(parent!.subcommands.map((c) => c.name).sort());
    expect(await complete('reunify', parent!.name, sub.name, '--')).toEqual(sub.options.flatMap((o) => (o.long ? [o.long] : [])).sort());
  });
});

/** Types a line and Tab into an interactive zsh on a pseudo-terminal, and returns what it shows. */
const ZSH_TAB = `zmodload zsh/zpty zsh/datetime
zpty z zsh -f -i
zpty -w z "fpath=($1 \\$fpath); autoload -Uz compinit; compinit -u -D; zstyle ':completion:*' menu no"
zpty -w -n z "$2"$'\\t'
out="" chunk="" quiet=0 start=$EPOCHREALTIME
while (( EPOCHREALTIME - start < 20 )); do
  if zpty -r -t z chunk 2>/dev/null; then out+=$chunk; quiet=0
  else sleep 0.2; (( quiet += 1 )); [[ $out == *$'\\a'* || $out == *"$2"?* ]] && (( quiet > 8 )) && break; fi
done
zpty -d z
print -r -- "\${out//$'\\r'/}"
`;

describe('zsh', () => {
  it.skipIf(NO_ZSH)(unless(NO_ZSH, 'is valid zsh'), async () => {
    expect((await execa('zsh', ['-n', join(dir, 'reunify.zsh')], { reject: false })).exitCode).toBe(0);
    expect(scripts.zsh).toContain(`'(-f --format)'{-f,--format}'[output format]:value:(stylish json sarif junit)'`);
    expect(scripts.zsh).toMatch(/^#compdef reunify$/m);
  });

  it.skipIf(NO_ZSH)(unless(NO_ZSH, 'completes commands, --format choices and a subcommand option at a real zsh prompt'), async () => {
    const fpath = join(dir, 'zsh-functions');
    mkdirSync(fpath, { recursive: true });
    writeFileSync(join(fpath, '_reunify'), present(scripts.zsh));
    writeFileSync(join(dir, 'tab.zsh'), ZSH_TAB);
    const tab = async (line: string) =>
      (await execa('zsh', ['-f', join(dir, 'tab.zsh'), fpath, line], { cwd: dir, timeout: 30_000 })).stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '');
    expect(await tab('reunify check --format ')).toMatch(/json +junit +sarif +stylish/);
    expect(await tab('reunify sig')).toContain('reunify signoff ');
    const sub = parent?.subcommands[0];
    const choices = sub?.options.find((o) => o.value?.kind === 'choices');
    if (sub && choices?.value?.kind === 'choices') {
      const shown = await tab(`reunify ${parent!.name} ${sub.name} ${choices.long} `);
      for (const c of choices.value.choices) expect(shown).toContain(c);
    }
  });
});

describe('fish', () => {
  it.skipIf(NO_FISH)(unless(NO_FISH, 'completes commands, --format and --type choices'), async () => {
    const complete = async (line: string) =>
      (await execa('fish', ['-c', `source reunify.fish; complete -C '${line}'`], { cwd: dir })).stdout
        .split('\n')
        .map((l) => l.split('\t')[0])
        .filter(Boolean)
        .sort();
    expect(await complete('reunify sig')).toEqual(['signoff']);
    expect(await complete('reunify check --format ')).toEqual(['json', 'junit', 'sarif', 'stylish']);
    expect(await complete('reunify report --type t')).toEqual(['transition']);
    expect(await complete('reunify completion ')).toEqual(['bash', 'fish', 'zsh']);
    if (parent) {
      const sub = present(parent.subcommands[0]);
      expect(await complete(`reunify ${parent.name} `)).toEqual(parent.subcommands.map((c) => c.name).sort());
      expect(await complete(`reunify ${parent.name} ${sub.name} --`)).toEqual(sub.options.flatMap((o) => (o.long ? [o.long] : [])).sort());
    }
  });
});
