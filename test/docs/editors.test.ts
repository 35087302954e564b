// docs/editors.md: the snippets are valid, point at files `reunify schema --out` writes,
// and the VS Code problem matcher reads every problem `reunify check` prints.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reunify } from '../cli/run.js';
import { loadConfig } from '../../src/io/loadConfig.js';
import { writeFileSync } from 'node:fs';
import { present } from '../present.js';

const page = readFileSync('docs/editors.md', 'utf8');
const blocks = (lang: string) => [...page.matchAll(new RegExp('^( *)```' + lang + '\\n([\\s\\S]*?)^\\1```$', 'gm'))].map((m) => present(m[2]).replace(new RegExp(`^${m[1]}`, 'gm'), ''));
const json = blocks('json').map((b) => JSON.parse(b));
const settings = json.find((j) => j['yaml.schemas']);
const tasks = json.find((j) => j.tasks);

describe('docs/editors.md', () => {
  it('names schema files that `reunify schema --out` writes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reunify-editors-'));
    const r = await reunify(['schema', 'examples/caseload', '--out', join(out, '.vscode/reunify-schemas')]);
    expect(r.exitCode).toBe(0);
    const written = (name: string) => readFileSync(join(out, name), 'utf8');
    const modeline = /# yaml-language-server: \$schema=(\S+)/.exec(page)![1];
    expect(JSON.parse(written(present(modeline))).$id).toBe('https://reunify.dev/schemas/v1/config.schema.json');
    for (const schemaPath of Object.keys(settings['yaml.schemas'])) expect(JSON.parse(written(schemaPath)).title).toBeDefined();
  });

  it('the example settings file with its schema comment is a valid reunify.config.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-editors-config-'));
    const example = blocks('yaml').find((b) => b.startsWith('# yaml-language-server:'))!;
    writeFileSync(join(dir, 'reunify.config.yaml'), example);
    const { config } = loadConfig({ paths: [dir] });
    expect(config.rules['stage5/support-covers-return']).toBe('error');
  });

  it('the VS Code problem matcher reads file, line, column, severity, message and rule of every problem', async () => {
    const [fileLine, problemLine] = tasks.tasks[0].problemMatcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
    const r = await reunify(['check', 'examples/broken', '--as-of', '2026-11-01', '--format', 'json']);
    const expected = JSON.parse(r.stdout).files.flatMap((f: { filePath: string; problems: { line: number; column: number; severity: string; ruleId: string; message: string }[] }) =>
      f.problems.map((p) => ({ file: f.filePath, line: p.line, column: p.column, severity: p.severity, message: p.message, code: p.ruleId })),
    );
    const stylish = (await reunify(['check', 'examples/broken', '--as-of', '2026-11-01'])).stdout;
    const matched: unknown[] = [];
    let file = '';
    for (const line of stylish.split('\n')) {
      const f = fileLine.exec(line);
      if (f) file = f[1];
      const p = problemLine.exec(line);
      if (p) matched.push({ file, line: Number(p[1]), column: Number(p[2]), severity: p[3], message: p[4], code: p[5] });
    }
    expect(expected.length).toBeGreaterThan(15);
    expect(matched).toEqual(expected);
  });
});
