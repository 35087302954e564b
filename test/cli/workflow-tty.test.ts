// The real prompts (Inquirer) in a pseudo-terminal, through util-linux `script`: keys
// are typed only once the prompt they answer has appeared. Without `script` the tests are
// skipped, each saying why. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { TASKS_BY_STAGE } from '../../src/core/model/ids.js';
import { runs, unless } from '../probe.js';
import { BIN } from './run.js';
import { present } from '../present.js';

/** Why the prompts cannot be driven here, if they cannot: each test is then skipped, saying so. */
const noScript = runs('script') ? undefined : 'util-linux `script` is not installed: the prompts cannot be driven in a pseudo-terminal here';
const example = (id: string) => readFileSync(join(import.meta.dirname, `../../examples/caseload/cases/${id}.md`), 'utf8');
const RF2 = example('RF-0002');

function caseloadOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-tty-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Test borough (fictional)"\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const caseload = () => caseloadOf({ 'RF-0002.md': RF2 });

const quoted = (args: string[]) => ['node', BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');

/** Run a command in a pseudo-terminal, typing each answer once its prompt shows. */
function typeInto(dir: string, args: string[], answers: [prompt: RegExp, keys: string][]): Promise<{ exitCode: number | null; screen: string }> {
  const child = spawn('script', ['-qfec', quoted(args), '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  const pending = [...answers];
  let screen = '';
  let since = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    while (pending.length > 0 && present(pending[0])[0].test(screen.slice(since))) {
      const [, keys] = pending.shift()!;
      since = screen.length;
      setTimeout(() => child.stdin.write(keys), 30);
    }
  });
  return new Promise((resolve) => {
    const guard = setTimeout(() => child.kill(), 25_000); // a hang guard, not a timing test
    child.on('exit', (exitCode) => {
      clearTimeout(guard);
      resolve({ exitCode, screen });
    });
  });
}

describe('prompts in a terminal', () => {
  it.skipIf(noScript)(unless(noScript, 'walks through a task, choosing the recommendation and the suggested team manager, and saves it'), async () => {
    const dir = caseload();
    const down = '\x1b[B';
    const r = await typeInto(
      dir,
      ['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02'],
      [
        [/where does it stand\?/, '\r'],
        [/Date it was done/, '\r'],
        [/Done by/, '\r'],
        [/recommendation about return/, `${down}${down}\r`], // past "not answered" and return_with_support: return_if_goals_met
        [/What must change for a safe return/, 'Ms B keeps her medication and crisis plan\r'],
        [/reasons for the recommendation/, 'Ms B is recovering and the goals test it\r'],
        [/Other agencies' information/, '\r'], // keeps what the case already says
        [/Signed off by/, `${down}\r`], // past "not answered": TM D.E. (suggested)
        [/Date of the sign-off/, '\r'],
      ],
    );
    expect(r.screen).toContain('(not answered: record nothing)');
    expect(r.screen).toContain('TM D.E. (suggested)');
    expect(r.screen).toContain('saved RF-0002.md');
    expect(r.exitCode).toBe(0);
    const saved = readFileSync(join(dir, 'RF-0002.md'), 'utf8');
    expect(saved).toMatch(
      /written_assessment: \{ status: done, date: 2026-11-02, by: SW K\.L\., recommendation: return_if_goals_met, signed_off: \{ by: TM D\.E\., date: 2026-11-02, frozen: \[\{ path: records\/RF-0002\/assessment-2026-11-02\.md, sha256: [0-9a-f]{64} \}, \{ path: records\/RF-0002\/assessment-2026-11-02\.html, sha256: [0-9a-f]{64} \}\] \} \}/,
    );
    // the sign-off keeps the written assessment as signed, as signoff --sign does
    expect(r.screen).toContain('frozen copy: records/RF-0002/assessment-2026-11-02.md');
    expect(saved).toMatch(/^ {2}what_must_change: Ms B keeps her medication and crisis plan$/m);
    expect(saved).toMatch(/^ {2}reasons: Ms B is recovering and the goals test it$/m);
    expect(saved.match(/^ {2}other_agencies: .*$/gm)).toEqual(RF2.match(/^ {2}other_agencies: .*$/gm));
  });

  it.skipIf(noScript)(unless(noScript, 'supervise --prompt refuses an --out that exists before asking anything, so no answer is typed in vain'), async () => {
    const dir = caseload();
    writeFileSync(join(dir, 'record.yaml'), 'an earlier record\n');
    const r = await typeInto(dir, ['supervise', 'RF-0002.md', '--as-of', '2026-11-01', '--prompt', '--out', 'record.yaml'], []);
    expect(r.exitCode).toBe(1);
    expect(r.screen).toContain('record.yaml already exists; nothing was written');
    expect(r.screen).not.toContain('?');
    expect(readFileSync(join(dir, 'record.yaml'), 'utf8')).toBe('an earlier record\n');
  });

  it.skipIf(noScript)(unless(noScript, 'Ctrl-C leaves the file untouched and exits 130'), async () => {
    const dir = caseload();
    const r = await typeInto(
      dir,
      ['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02'],
      [
        [/where does it stand\?/, '\r'],
        [/Date it was done/, '\x03'],
      ],
    );
    expect(r.exitCode).toBe(130);
    expect(r.screen).toContain('interrupted; nothing was written');
    expect(readFileSync(join(dir, 'RF-0002.md'), 'utf8')).toBe(RF2);
  });

  it.skipIf(noScript)(
    unless(
      noScript,
      'pressing Enter at every prompt of every task, at every stage, never records a sign-off, an agreement, a seen-alone, a sharing, a recommendation, a level or a decision',
    ),
    async () => {
      const dir = caseloadOf(STAGE_CASES);
      const runs = [
        ...Object.entries(TASKS_BY_STAGE).flatMap(([stage, tasks]) =>
          tasks.map((task) => ({ file: present(CASE_AT_STAGE[Number(stage)], `the case at stage ${stage}`), task })),
        ),
        // a recommendation recorded but not signed: Enter keeps it and goes on to the sign-off
        { file: 'RF-0902.md', task: 'written_assessment' },
        // a step-down the team manager has marked done but not yet described: Enter keeps it and goes on to where the child was stepped down to
        { file: 'RF-0913.md', task: 'step_down' },
      ];
      const before = Object.fromEntries(Object.keys(STAGE_CASES).map((f) => [f, attestedIn(readFileSync(join(dir, f), 'utf8'))]));
      const screens: string[] = [];
      // four cases at a time (the runs mostly wait for screens to settle), each case's tasks one after another (a case changed meanwhile is
      // never saved over); each run waits for its own screen to settle, so a busy machine only slows it
      const queue = Object.keys(STAGE_CASES).map((file) => runs.filter((r) => r.file === file));
      const worker = async () => {
        for (let group = queue.shift(); group; group = queue.shift())
          for (const run of group) {
            const r = await pressEnterThroughout(dir, ['task', run.file, run.task, '--date', '2026-11-02']);
            screens.push(`${run.file} ${run.task}:\n${r.screen}`);
            expect([0, 2, 130], `${run.file} ${run.task} ended with ${r.exitCode}:\n${r.screen.slice(-600)}`).toContain(r.exitCode);
          }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      for (const f of Object.keys(STAGE_CASES)) expect(attestedIn(readFileSync(join(dir, f), 'utf8')), f).toEqual(before[f]);
      const all = screens.join('\n');
      // the walk reached each of them, and Enter went through to the end of several tasks
      for (const prompt of [
        'recommendation about return',
        'Signed off by',
        'Risk level',
        'Decision (the decision map',
        'Who was told?',
        'Was the child seen alone?',
        'Date the transition plan was agreed',
        'Stepped down to',
      ])
        expect(all, prompt).toContain(prompt);
      expect(all).toContain('(not answered: record nothing)');
      // a manager's task not yet done (RF-0912's step-down): whether it is done starts on "not answered" too
      const stepDown = screens.find((sc) => sc.startsWith('RF-0912.md step_down:'))!;
      expect(stepDown).toMatch(/where does it stand\?[^?]*❯ \(not answered: record nothing\)/);
      expect(all).toContain('(keep what is recorded: return_with_support)');
      expect(screens.filter((sc) => /(saved|nothing changed in) RF-09\d\d\.md/.test(sc)).length).toBeGreaterThanOrEqual(6);
    },
    300_000,
  );
});

/** One example case at each stage, the stage-2 one with parties still to be told of its decision. */
const CASE_AT_STAGE: Record<number, string> = { 1: 'RF-0901.md', 2: 'RF-0905.md', 3: 'RF-0906.md', 4: 'RF-0910.md', 5: 'RF-0912.md' };
const STAGE_CASES: Record<string, string> = {
  'RF-0901.md': RF2.replace(/^id: RF-0002/m, 'id: RF-0901'),
  'RF-0902.md': RF2.replace(/^id: RF-0002/m, 'id: RF-0902').replace(
    /^( {2}written_assessment: +)\{ status: todo \}/m,
    '$1{ status: in_progress, recommendation: return_with_support }',
  ),
  'RF-0905.md': example('RF-0005')
    .replace(/^id: RF-0005/m, 'id: RF-0905')
    .replace(/^( {2}decision_shared: +)\{[^}]*\}/m, '$1{ status: in_progress }')
    .replace(/\n\s*\{ party: iro[^}]*\},?/, '')
    .replace(/\n\s*\{ party: rk[^}]*\},?/, ''),
  'RF-0906.md': example('RF-0006').replace(/^id: RF-0006/m, 'id: RF-0906'),
  'RF-0910.md': example('RF-0010').replace(/^id: RF-0010/m, 'id: RF-0910'),
  'RF-0912.md': example('RF-0012').replace(/^id: RF-0012/m, 'id: RF-0912'),
  'RF-0913.md': example('RF-0012')
    .replace(/^id: RF-0012/m, 'id: RF-0913')
    .replace(/^( {2}step_down: +)\{ status: todo \}/m, '$1{ status: done, date: 2026-11-01, by: "TM A.O." }'),
};

/** Everything in a case file that only a person can say: sign-offs, agreements, who was told, seen alone, recommendations, levels, decisions. */
function attestedIn(text: string): unknown {
  type Entry = Record<string, unknown>;
  type CaseFront = {
    tasks?: { written_assessment?: { recommendation?: unknown } };
    classifications?: Entry[];
    decisions?: Entry[];
    agreement?: { signed?: unknown };
    transition?: { agreed?: unknown; agreed_by?: unknown };
    return?: { visits?: Entry[]; step_down?: { to?: unknown } };
  };
  const data = parse(text.split(/^---$/m)[1] ?? '') as CaseFront;
  const signOffs: unknown[] = [];
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'signed_off') signOffs.push([at, x]);
        else walk(x, `${at}.${k}`);
      }
    }
  };
  walk(data, '');
  return {
    signOffs,
    recommendation: data.tasks?.written_assessment?.recommendation,
    classifications: (data.classifications ?? []).map((k) => [k.date, k.point, k.level, k.override_category]),
    decisions: (data.decisions ?? []).map((d) => [d.date, d.point, d.outcome, d.shared]),
    agreement: data.agreement?.signed,
    transition: [data.transition?.agreed, data.transition?.agreed_by],
    seenAlone: (data.return?.visits ?? []).filter((v) => v.seen_alone !== undefined).map((v) => [v.date, v.seen_alone]),
    stepDown: data.return?.step_down?.to,
  };
}

/**
 * Press Enter whenever the screen settles after a prompt, up to `enters` times; then Ctrl-C,
 * then EOF. A prompt that refuses an empty answer asks again: once refused twice it is a
 * stall, ended with Ctrl-C as a person would end it. A hang guard kills what is left.
 */
function pressEnterThroughout(dir: string, args: string[], enters = 16): Promise<{ exitCode: number | null; screen: string }> {
  const child = spawn('script', ['-qfec', quoted(args), '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  child.stdin.on('error', () => {}); // a key typed as the program ends goes nowhere
  let screen = '';
  let pressed = 0;
  let settle: NodeJS.Timeout | undefined;
  let quiet: NodeJS.Timeout | undefined;
  const keys = () => {
    // the same empty answer refused twice: it is stalled, and more Enters change nothing
    if (pressed < enters && (screen.match(/an answer is needed/g) ?? []).length >= 2) pressed = enters;
    const key = pressed < enters ? '\r' : pressed === enters ? '\x03' : '\x04';
    pressed++;
    if (child.stdin.writable) child.stdin.write(key);
    // no answer to a key at all (typed before the prompt listened, or nothing left to ask): the next key
    clearTimeout(quiet);
    quiet = setTimeout(keys, 4_000);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    clearTimeout(settle);
    clearTimeout(quiet);
    settle = setTimeout(keys, 150);
  });
  return new Promise((resolve) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), 45_000); // a hang guard, not a timing test
    child.on('exit', (exitCode) => {
      clearTimeout(guard);
      clearTimeout(settle);
      clearTimeout(quiet);
      resolve({ exitCode, screen });
    });
  });
}
