// SARIF rules with help and links that resolve, a %SRCROOT% that makes locations resolve
// from a subfolder, and JUnit names CI servers can group and tell apart.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';
import { present } from '../present.js';

const AS_OF = ['--as-of', '2026-11-01'];

interface SarifRule {
  id: string;
  helpUri: string;
  help: { text: string; markdown: string };
}

async function sarifOf(args: string[], cwd?: string) {
  const r = await reunify(['check', ...args, ...AS_OF, '--format', 'sarif'], { cwd });
  return JSON.parse(r.stdout).runs[0];
}

describe('SARIF', () => {
  it('every rule has help text and a helpUri to its page shipped under docs/rules/ (built-in checks to the index)', async () => {
    const run = await sarifOf(['examples/broken', 'examples/caseload/cases/RF-0011.md']);
    const rules = run.tool.driver.rules as SarifRule[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['schema', 'yaml-syntax', 'stage-gate', 'stage3/backup-plan', 'caseload/duplicate-id']));
    for (const rule of rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown.length).toBeGreaterThan(20);
      const [page, fragment] = rule.helpUri.split('#');
      const file = present(page, 'a page in the helpUri');
      expect(existsSync(fileURLToPath(file)), rule.helpUri).toBe(true);
      expect(file.startsWith(pathToFileURL(join(ROOT, 'docs', 'rules')).href + '/')).toBe(true);
      if (fragment) expect(readFileSync(fileURLToPath(file), 'utf8')).toContain('## Built-in checks');
    }
    const backup = rules.find((r) => r.id === 'stage3/backup-plan')!;
    expect(backup.helpUri).toBe(pathToFileURL(join(ROOT, 'docs', 'rules', 'stage3', 'backup-plan.md')).href);
    expect(backup.help.markdown).toContain('## Why it matters');
    expect(rules.find((r) => r.id === 'schema')!.helpUri).toMatch(/\/docs\/rules\/README\.md#built-in-checks$/);
  });

  it('--docs-url sets where the rule links point; a value that is not a URL is a usage error', async () => {
    const run = await sarifOf(['examples/caseload/cases/RF-0011.md', '--docs-url', 'https://docs.example.org/reunify/rules']);
    const rules = run.tool.driver.rules as SarifRule[];
    expect(rules.find((r) => r.id === 'stage3/backup-plan')!.helpUri).toBe('https://docs.example.org/reunify/rules/stage3/backup-plan.md');
    const bad = await reunify(['check', 'examples/caseload/cases/RF-0011.md', '--format', 'sarif', '--docs-url', 'not a url']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--docs-url takes a URL');
  });

  it('%SRCROOT% is the git repository root and file URIs are relative to it, so a run from a subfolder resolves', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'reunify-sarif-root-')));
    execFileSync('git', ['init', '-q', root]);
    mkdirSync(join(root, 'team', 'cases'), { recursive: true });
    copyFileSync('examples/broken/duplicate-key.md', join(root, 'team', 'cases', 'RF-0001.md'));
    const run = await sarifOf(['cases'], join(root, 'team'));
    const srcroot: string = run.originalUriBaseIds['%SRCROOT%'].uri;
    expect(srcroot).toBe(pathToFileURL(root).href + '/');
    const location = run.results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'team/cases/RF-0001.md', uriBaseId: '%SRCROOT%' });
    expect(existsSync(fileURLToPath(new URL(location.uri, srcroot)))).toBe(true);
  });
});

describe('JUnit', () => {
  it('classname is the dotted path without .md, and test names are unique in each file', async () => {
    const r = await reunify(['check', 'examples/broken', ...AS_OF, '--format', 'junit']);
    const classNames = [...r.stdout.matchAll(/classname="([^"]*)"/g)].map((m) => m[1]);
    expect(classNames).toContain('examples.broken.stage-gate');
    expect(classNames).toContain('examples.broken.dup.rf-9001');
    for (const c of classNames) expect(c).not.toMatch(/\.md$|\//);
    for (const suite of r.stdout.split('<testsuite ').slice(1)) {
      const names = [...suite.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);
      expect(new Set(names).size, suite.slice(0, 60)).toBe(names.length);
    }
    expect(r.stdout).toContain('<testcase classname="examples.broken.stage-gate" name="4:8 stage-gate (2)">');
  });
});
