// Replays the worked example in docs/workflow.md: every answers block goes through the
// command above it, in order, from `new` to closure, so the documented answers-file
// format cannot drift from what the commands accept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, onTestFinished, vi } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { checkCaseload } from '../../src/app/checkCaseload.js';
import { expectUntouchedBytesKept } from './bytes.js';
import { present } from '../present.js';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/workflow.md'), 'utf8');

function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => present(m[1] ?? m[2]));
}

const steps = [...DOC.matchAll(/<!-- replay: (.+?) -->\n(?:```yaml\n([\s\S]*?)```\n)?/g)].map((m) => ({ args: shellWords(present(m[1])), answers: m[2] }));

let err = '';
const cwd = process.cwd();
beforeEach(() => {
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.chdir(cwd);
  process.exitCode = undefined;
});

it('the worked example covers every task and replays from opening to closure', async () => {
  const tasks = new Set(steps.filter((s) => s.args[0] === 'task').map((s) => s.args[2]));
  expect(tasks.size).toBe(22);
  const dir = mkdtempSync(join(tmpdir(), 'reunify-docs-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Docs borough (fictional)"\n');
  process.chdir(dir);
  let last = '';
  for (const [i, step] of steps.entries()) {
    const args = [...step.args];
    if (step.answers !== undefined) {
      const file = join(dir, `answers-${i}.yaml`);
      writeFileSync(file, step.answers);
      args.push('--answers', file);
    }
    err = '';
    process.exitCode = undefined;
    const file = join(dir, 'RF-0100.md');
    const before = i > 0 ? readFileSync(file, 'utf8') : undefined;
    await buildProgram().parseAsync(['node', 'reunify', ...args]);
    expect(process.exitCode ?? 0, `reunify ${step.args.join(' ')}\n${err}`).toBe(0);
    // the template's comments, and everything else not asked about, survive every command
    if (before !== undefined) expectUntouchedBytesKept(before, readFileSync(file, 'utf8'));
    last = args.find((a) => /^\d{4}-\d{2}-\d{2}$/.test(a)) ?? last;
  }
  const text = readFileSync(join(dir, 'RF-0100.md'), 'utf8');
  expect(text).toMatch(/^stage: closed +#/m);
  const { result } = await checkCaseload({ paths: [dir], asOf: last, workers: 1 });
  expect(present(result.results[0]).problems.filter((p) => p.severity === 'error')).toEqual([]);
});
