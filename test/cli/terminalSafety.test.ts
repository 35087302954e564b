// No control character from a case file or the config reaches a terminal: every
// free-text and id field of a case and the config's organisation, labels, notice and
// marking hold ESC, BEL, CSI and OSC sequences, and every command is run in its
// human format. Only line breaks and tabs may be raw in what comes out.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, reunify } from './run.js';
import { present } from '../present.js';

const EVIL = '\x1b]0;pwned\x07\x1b[2J\x1b[31mforged\x9b1m\x07';
// C0 (but \t \n), DEL and C1 controls
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const AS_OF = ['--as-of', '2026-11-01'];

/** Every string value in the front matter: free text gets EVIL appended; with `ids`, identifiers too. */
function poison(text: string, ids: boolean): string {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const doc = parseDocument(present(m[1]));
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const v = node.value;
      const identifier =
        /^[a-z0-9_]+$/.test(v) ||
        /^\d{4}-\d{2}-\d{2}$/.test(v) ||
        /^[A-Z]{2}-\d{4}$/.test(v) ||
        /^[A-Z]{2,4} [A-Z.]+$/.test(v) ||
        /^(\.\.\/)*records\//.test(v) ||
        /^[0-9a-f]{64}$/.test(v); // frozen copies' paths and hashes are schema-checked identifiers too
      if (identifier && !ids) return;
      node.value = v + EVIL;
    },
  });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${m[2]}\n## Notes ${EVIL}\n\nBody ${EVIL}\n`;
}

let dir: string;
const cases = () => readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.md'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reunify-terminal-'));
  mkdirSync(join(dir, 'cases'));
  const src = join(ROOT, 'examples', 'caseload', 'cases');
  for (const f of readdirSync(src).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(src, f), 'utf8');
    writeFileSync(join(dir, 'cases', f), poison(text, false));
  }
  // one case with its ids poisoned too: it cannot be read cleanly, and is named in "left out" notes and errors
  writeFileSync(join(dir, 'cases', 'RF-0099.md'), poison(readFileSync(join(src, 'RF-0005.md'), 'utf8'), true));
  writeFileSync(
    join(dir, 'reunify.config.yaml'),
    [
      `organisation: ${JSON.stringify('Org ' + EVIL)}`,
      `labels: { levels: { low: ${JSON.stringify('Low ' + EVIL)}, medium: ${JSON.stringify('Med ' + EVIL)}, high: ${JSON.stringify('High ' + EVIL)}, very_high: ${JSON.stringify('VH ' + EVIL)} } }`,
      `classification: { notice: ${JSON.stringify('Notice ' + EVIL)} }`,
      `report: { marking: ${JSON.stringify('MARK ' + EVIL)} }`,
      '',
    ].join('\n'),
  );
});

function expectInert(what: string, r: { stdout: string; stderr: string }) {
  const at = (text: string) => {
    const s = text.replace(/\r\n/g, '\n'); // CSV ends its records with CRLF
    const i = s.search(RAW_CONTROL);
    return i < 0 ? '' : JSON.stringify(s.slice(Math.max(0, i - 40), i + 20));
  };
  expect(at(r.stdout), `${what}: stdout`).toBe('');
  expect(at(r.stderr), `${what}: stderr`).toBe('');
}

describe('case and config text cannot drive the terminal', () => {
  it('the poisoned caseload is mostly readable (the test exercises real output)', async () => {
    const r = await reunify(['status', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).scope.cases).toBeGreaterThan(5);
    expect(r.stdout).toContain('\\u001b'); // json stays exact: the text is there, escaped as JSON escapes it
  });

  const commands: [string, string[]][] = [
    ['check', ['check', '.']],
    ['check --list-rules', ['check', '--list-rules']],
    ['status table', ['status']],
    ['status md', ['status', '--format', 'md']],
    ['status csv', ['status', '--format', 'csv']],
    ['status html', ['status', '--format', 'html']],
    ['classify folder', ['classify', 'cases']],
    ['classify case', ['classify', 'cases/RF-0005.md']],
    ['classify broken case', ['classify', 'cases/RF-0099.md']],
    ['signoff', ['signoff']],
    ['costs', ['costs', '.']],
    ['task list', ['task', 'cases/RF-0002.md']],
    ['task list of the broken case', ['task', 'cases/RF-0099.md']],
    ['task record --dry-run', ['task', 'cases/RF-0002.md', 'family_assessment', '--status', 'in_progress', '--note', 'x', '--dry-run', '--date', '2026-11-01']],
    ['advance --dry-run', ['advance', 'cases/RF-0002.md', '--dry-run', '--date', '2026-11-01']],
    ['report md', ['report', 'cases/RF-0006.md', '--type', 'agreement']],
    ['report html', ['report', 'cases/RF-0006.md', '--type', 'agreement', '--to', 'html']],
    ['report --for an unknown person', ['report', 'cases/RF-0006.md', '--type', 'agreement', '--for', 'nobody\x1b]0;x\x07']],
    ['report caseload', ['report', '--caseload', '.']],
    ['supervise', ['supervise', 'cases/RF-0006.md']],
  ];
  it.each(commands)('%s', async (what, args) => {
    const withDate = args.includes('--date') || args.includes('--list-rules') ? args : [...args, ...AS_OF];
    const r = await reunify(withDate, { cwd: dir });
    expectInert(what, r);
    expect(r.stdout + r.stderr, `${what} printed something`).not.toBe('');
  });

  it('the cases are all there', () => {
    expect(cases().length).toBeGreaterThan(5);
  });
});
