// `reunify scaffold exercise`: a ready-to-run training pack of fictional cases,
// generated from a seed, with the facilitator's answer key and worksheets.
import { Command, Option } from 'commander';
import { EXIT, UsageError, parseAsOf, writeErr, type CommonOptions } from './shared.js';

interface ExerciseFlags extends CommonOptions {
  scenario: string;
  seed: string;
  cases: string;
  out?: string;
  asOf: string;
}

const SCENARIO_NAMES = ['classification', 'reclassification', 'return-home', 'cohorts'];
/** A fixed exercise date, so the same seed gives the same pack on any day. */
export const DEFAULT_EXERCISE_DATE = '2026-11-01';
const MAX_CASES = 100;

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return n;
}

export function registerScaffold(program: Command): void {
  const scaffold = program.command('scaffold').description('make training material from fictional cases');
  scaffold
    .command('exercise')
    .description('a training pack in a new folder: fictional cases from a seed, facilitator notes with the answer key, worksheets')
    .addOption(new Option('--scenario <name>', 'what the exercise practises').choices(SCENARIO_NAMES).default('classification'))
    .option('--seed <n>', 'seed for the cases: the same seed gives the same pack, byte for byte', '1')
    .option('--cases <k>', `how many cases (1 to ${MAX_CASES})`, '4')
    .option('--out <dir>', 'new or empty folder for the pack (default: exercise-<scenario>-<seed>)')
    .option('--as-of <date>', 'the exercise date the cases are written up to (YYYY-MM-DD), recorded in the pack config', DEFAULT_EXERCISE_DATE)
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Scenarios: classification (stage 2, classify from the evidence), reclassification
(stage 4, regrade with goal progress), return-home (stage 5, the first post-return
review), cohorts (a mix of stages, cohorts and trigger points). See docs/training.md.

Examples:
  $ reunify scaffold exercise --seed 7 --out pack-7
  $ reunify scaffold exercise --scenario reclassification --seed 12 --cases 6 --out regrade
  $ reunify check pack-7/cases`,
    )
    .action(async (flags: ExerciseFlags) => {
      process.exitCode = await runExercise(flags);
    });
}

async function runExercise(flags: ExerciseFlags): Promise<number> {
  const seed = wholeNumber('--seed', flags.seed, 0, Number.MAX_SAFE_INTEGER);
  const cases = wholeNumber('--cases', flags.cases, 1, MAX_CASES);
  const asOf = parseAsOf(flags.asOf);
  const scenario = flags.scenario as import('../core/generate.js').Scenario;
  const out = flags.out ?? `exercise-${scenario}-${seed}`;
  if (out.trim() === '') throw new UsageError('--out needs a folder name');
  const { defaultConfig } = await import('../io/loadConfig.js');
  const { exercisePackFiles, writePackFolder, PackFolderError } = await import('../io/writePack.js');
  // packs use the shipped settings, so a pack reads the same in every council
  const config = { ...defaultConfig(), as_of: asOf };
  const { files } = exercisePackFiles({ scenario, seed, cases, asOf, config });
  try {
    writePackFolder(out, files);
  } catch (err) {
    if (err instanceof PackFolderError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
  if (!flags.quiet) {
    writeErr(`created ${out}: ${cases} fictional ${cases === 1 ? 'case' : 'cases'}, facilitator notes and four worksheets (seed ${seed}, as of ${asOf})\n`);
    writeErr(`next: reunify check ${out}/cases\n`);
  }
  return EXIT.ok;
}
