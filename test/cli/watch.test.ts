import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN } from './run.js';
import { EXAMPLE_CASE_COUNT } from '../exampleCases.js';

function waitFor(read: () => string, pattern: RegExp, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (pattern.test(read())) resolve();
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${pattern}; got:\n${read()}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

describe('reunify check --watch', () => {
  it('prints the first result, then only the files whose result changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-watch-'));
    cpSync('examples/caseload', dir, { recursive: true });
    const child = execa('node', [BIN, 'check', dir, '--as-of', '2026-11-01', '--watch'], { reject: false, env: { NO_COLOR: '1' } });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out, new RegExp(`in ${EXAMPLE_CASE_COUNT} case files`));
      const first = out;
      const target = join(dir, 'cases', 'RF-0002.md');
      writeFileSync(target, readFileSync(target, 'utf8').replace(/legal_status: \w+/, 'legal_status: s99'));
      await waitFor(() => out.slice(first.length), /RF-0002\.md\n.*must be one of/);
      const second = out.slice(first.length);
      expect(second).toContain('re-checked');
      expect(second).not.toContain('RF-0001.md');
      const settled = out.length;
      await new Promise((r) => setTimeout(r, 800));
      expect(out.length).toBe(settled);
    } finally {
      child.kill('SIGINT');
      const r = await child;
      expect(r.exitCode === 130 || r.signal === 'SIGINT').toBe(true);
    }
  }, 60_000);
});
