// docs/commands/ is written from the same commander definitions that print --help
// (run `npm run docs:commands` after changing a command), and every command's help
// shows real examples.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_DOCS_DIR, afterHelp, commandDocFiles, leafCommands } from '../../src/cli/commandDocs.js';
import { buildProgram } from '../../src/cli/index.js';

const program = buildProgram();
const files = commandDocFiles(program);

describe('docs/commands (run `npm run docs:commands` after changing a command)', () => {
  it.each([...files.keys()])('%s is up to date', (path) => {
    expect(existsSync(path), `${path} is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(files.get(path));
  });

  it('has no page for a command that no longer exists', () => {
    const stale = readdirSync(COMMAND_DOCS_DIR).filter((name) => !files.has(`${COMMAND_DOCS_DIR}/${name}`));
    expect(stale).toEqual([]);
  });

  it('a page shows the usage line, every option and the examples', () => {
    const page = files.get(`${COMMAND_DOCS_DIR}/check.md`)!;
    expect(page).toContain('reunify check [options] [paths...]');
    expect(page).toContain('| `-f, --format <format>` | output format (github: annotations in GitHub Actions; gitlab: a Code Quality report; see docs/formats.md) (choices: "stylish", "json", "sarif", "junit", "github", "gitlab", default: "stylish") |');
    expect(page).toContain('in &lt;caseload&gt;/.reunify-cache');
    expect(page).toMatch(/## Examples\n\n```sh\n\$ reunify check /);
  });
});

describe('--help', () => {
  it.each(leafCommands(program).map((c) => [c.name, c.cmd] as const))('reunify %s --help has an Examples section with at least two real commands', (_name, cmd) => {
    const { examples } = afterHelp(cmd);
    expect(examples.filter((l) => l.startsWith('$ reunify ')).length).toBeGreaterThanOrEqual(2);
  });

  it('the top-level help has examples too', () => {
    expect(afterHelp(program).examples.filter((l) => l.startsWith('$ reunify ')).length).toBeGreaterThanOrEqual(2);
  });
});
