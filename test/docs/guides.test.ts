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
import { plainReunify, refusedUpdates, reunifyOnPath, runGuide, stepsOf } from './guideRunner.js';
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
  // one after another: a guide's in-process commands run in its working folder (guideRunner.ts)
  it.each(RUNNABLE)('%s', async (guide) => {
    const markdown = read(guide);
    const run = await runGuide(guide, markdown, { workdir: workdir(), binDir });
    if (!UPDATE) return expect(run.actual).toEqual(run.expected);
    // Update mode records output, never exit codes: a command that exits otherwise than its
    // `# exit N` says (an error the guide would then show as if expected) is refused, unwritten.
    const wrongExit = refusedUpdates(run);
    if (wrongExit.length > 0) throw new Error(`${guide} not updated: ${wrongExit.join('; ')}. Fix the command, or write the exit it should have as \`# exit N\` after it.`);
    writeFileSync(join(ROOT, 'docs', guide), run.updated);
  }, 300_000); // a hang guard: a guide runs a few dozen commands one after another
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

describe('the guide runner', () => {
  it('reads a plain reunify line as bash would, and leaves anything needing a shell to bash', () => {
    expect(plainReunify(`reunify task RF-1 x --note "Mr Z's \\"view\\"" --set 'a=b c'   # exit 1`)).toEqual({ args: ['task', 'RF-1', 'x', '--note', 'Mr Z\'s "view"', '--set', 'a=b c'] });
    expect(plainReunify('reunify check --quiet > out.txt   # exit 1')).toEqual({ args: ['check', '--quiet'], stdoutTo: 'out.txt' });
    expect(plainReunify('reunify status \\\n  --as-of 2026-11-01')).toEqual({ args: ['status', '--as-of', '2026-11-01'] });
    for (const line of ['reunify check | head', 'reunify check && echo ok', 'reunify check $X', 'reunify check cases/*.md', 'reunify check 2> err', 'reunify check > a b', 'cat x'])
      expect(plainReunify(line), line).toBeUndefined();
  });

  it('update mode refuses a command that exits otherwise than the guide says, naming it', async () => {
    const guide = ['```sh', '$ reunify check --config missing.yaml --as-of 2026-11-01', '```', '', '```text', 'old', '```', ''].join('\n');
    const run = await runGuide('probe.md', guide, { workdir: workdir(), binDir });
    expect(refusedUpdates(run)).toEqual(['probe.md:1 reunify check --config missing.yaml --as-of 2026-11-01: exited 2, the guide says 0']);
    expect(refusedUpdates({ expected: run.actual, actual: run.actual })).toEqual([]);
  });
});
