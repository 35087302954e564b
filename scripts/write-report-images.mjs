// Rewrites docs/images/report-*.png: the first screen of each written product of the
// example case RF-0013, and of the caseload summary, as headless Chromium shows it
// (Debian's chromium; run after `npm run build`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CASE = 'examples/caseload/cases/RF-0013.md';
const AS_OF = '2026-11-01';
const shots = [
  ['assessment', ['report', CASE, '--type', 'assessment']],
  ['decision', ['report', CASE, '--type', 'decision']],
  ['agreement', ['report', CASE, '--type', 'agreement']],
  ['transition', ['report', CASE, '--type', 'transition']],
  ['review', ['report', CASE, '--type', 'review']],
  ['caseload', ['report', '--caseload', 'examples/caseload/cases']],
];

const dir = mkdtempSync(join(tmpdir(), 'reunify-images-'));
mkdirSync('docs/images', { recursive: true });
for (const [name, args] of shots) {
  const html = join(dir, `${name}.html`);
  writeFileSync(
    html,
    execFileSync('node', ['bin/reunify.js', ...args, '--to', 'html', '--as-of', AS_OF], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const png = resolve(`docs/images/report-${name}.png`);
  // 800 × 1130 CSS pixels: about an A4 page at 96 pixels an inch
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--window-size=800,1130',
      `--screenshot=${png}`,
      `file://${html}`,
    ],
    { stdio: 'ignore', env: { ...process.env, HOME: dir } },
  );
  console.log(`wrote docs/images/report-${name}.png`);
}
