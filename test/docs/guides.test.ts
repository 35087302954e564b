// Each guide in docs/ (and docs/editors.md) runs start to finish with the built binary, in a scratch copy of
// the repository's examples, and prints exactly what the guide shows. After changing
// a command or the example caseload, refresh the shown output with `npm run docs:guides`
// and read the diff like code.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { BIN, ROOT } from '../cli/run.js';
import { reunifyOnPath, runGuide, stepsOf } from './guideRunner.js';
import { present } from '../present.js';

const GUIDES = ['guide-practice-lead.md', 'guide-social-worker.md', 'guide-trainer.md'];
/** Other pages whose commands run the same way. */
const RUNNABLE = [...GUIDES, 'editors.md'];
const UPDATE = process.env.REUNIFY_UPDATE_GUIDES === '1';

const read = (guide: string) => readFileSync(join(ROOT, 'docs', guide), 'utf8');

/** A scratch folder laid out like the repository, as far as the guides need it. */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-guide-'));
  cpSync(join(ROOT, 'examples/caseload'), join(dir, 'examples/caseload'), { recursive: true });
  return dir;
}

const binDir = reunifyOnPath(BIN);

describe('the guides run as written', () => {
  it.concurrent.each(RUNNABLE)('%s', async (guide) => {
    const markdown = read(guide);
    const run = await runGuide(guide, markdown, { workdir: workdir(), binDir });
    if (UPDATE) writeFileSync(join(ROOT, 'docs', guide), run.updated);
    else expect(run.actual).toEqual(run.expected);
  }, 600_000); // a hang guard: a guide runs a few dozen commands one after another, each a new process
});

describe('the guides are reproducible', () => {
  const program = buildProgram();
  const dated = new Map(program.commands.map((c) => [c.name(), c.options.some((o) => o.long === '--as-of' || o.long === '--date')]));

  // A pack or anonymised copy records its own date (as_of in its config); the guide says so in a comment.
  it.each(RUNNABLE)('%s gives every dated command a fixed --as-of or --date, or says the config holds as_of', (guide) => {
    const undated = stepsOf(read(guide))
      .flatMap((s) => (s.kind === 'run' ? s.commands.map((c) => c.text) : []))
      .flatMap((text) => text.split(/(?=\breunify \w)/).filter((part) => part.startsWith('reunify ')))
      .filter((part) => dated.get(present(part.split(/\s+/)[1])) && !/--(as-of|date)\b|--help|--list-rules|#.*\bas_of\b/.test(part));
    expect(undated).toEqual([]);
  });

  it.each(GUIDES)('%s has commands to run, each with its output shown', (guide) => {
    const runs = stepsOf(read(guide)).filter((s) => s.kind === 'run');
    expect(runs.length).toBeGreaterThan(3);
  });
});
