// The real prompts (Inquirer) in a pseudo-terminal, through util-linux `script`: keys
// are typed only once the prompt they answer has appeared. Skipped where `script` is
// missing. Run `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN } from './run.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const RF2 = readFileSync(join(import.meta.dirname, '../../examples/caseload/cases/RF-0002.md'), 'utf8');

function caseload(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-tty-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Test borough (fictional)"\n');
  writeFileSync(join(dir, 'RF-0002.md'), RF2);
  return dir;
}

/** Run a command in a pseudo-terminal, typing each answer once its prompt shows. */
function typeInto(dir: string, args: string[], answers: [prompt: RegExp, keys: string][]): Promise<{ exitCode: number | null; screen: string }> {
  const command = ['node', BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  const pending = [...answers];
  let screen = '';
  let since = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    while (pending.length > 0 && pending[0][0].test(screen.slice(since))) {
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

describe.skipIf(!hasScript)('prompts in a terminal', () => {
  it('walks through a task with the pre-filled answers and saves it', async () => {
    const dir = caseload();
    const r = await typeInto(dir, ['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02'], [
      [/where does it stand\?/, '\r'],
      [/Date it was done/, '\r'],
      [/Done by/, '\r'],
      [/recommendation about return/, '\x1b[B\r'], // one down: return_if_goals_met
      [/Signed off by/, '\r'],
      [/Date of the sign-off/, '\r'],
    ]);
    expect(r.screen).toContain('saved RF-0002.md');
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'RF-0002.md'), 'utf8')).toMatch(
      /written_assessment: \{ status: done, date: 2026-11-02, by: SW K\.L\., recommendation: return_if_goals_met, signed_off: \{ by: TM D\.E\., date: 2026-11-02 \} \}/,
    );
  });

  it('supervise --prompt refuses an --out that exists before asking anything, so no answer is typed in vain', async () => {
    const dir = caseload();
    writeFileSync(join(dir, 'record.yaml'), 'an earlier record\n');
    const r = await typeInto(dir, ['supervise', 'RF-0002.md', '--as-of', '2026-11-01', '--prompt', '--out', 'record.yaml'], []);
    expect(r.exitCode).toBe(1);
    expect(r.screen).toContain('record.yaml already exists; nothing was written');
    expect(r.screen).not.toContain('?');
    expect(readFileSync(join(dir, 'record.yaml'), 'utf8')).toBe('an earlier record\n');
  });

  it('Ctrl-C leaves the file untouched and exits 130', async () => {
    const dir = caseload();
    const r = await typeInto(dir, ['task', 'RF-0002', 'written_assessment', '--date', '2026-11-02'], [
      [/where does it stand\?/, '\r'],
      [/Date it was done/, '\x03'],
    ]);
    expect(r.exitCode).toBe(130);
    expect(r.screen).toContain('interrupted; nothing was written');
    expect(readFileSync(join(dir, 'RF-0002.md'), 'utf8')).toBe(RF2);
  });
});
