// `reunify scaffold exercise`: a ready-to-run training pack of fictional cases,
// generated from a seed, with the facilitator's answer key and worksheets.
import { EXIT, UsageError, parseAsOf, writeErr, type CommonOptions, flagPathsFromCwd, fromCwd } from './shared.js';

export interface ExerciseFlags extends CommonOptions {
  scenario: string;
  seed: string;
  cases: string;
  out?: string;
  asOf: string;
}

export const SCENARIO_NAMES = ['classification', 'reclassification', 'return-home', 'cohorts'];
/** A fixed exercise date, so the same seed gives the same pack on any day. */
export const DEFAULT_EXERCISE_DATE = '2026-11-01';
export const MAX_CASES = 100;

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return n;
}

export async function runExercise(flags: ExerciseFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  const seed = wholeNumber('--seed', flags.seed, 0, Number.MAX_SAFE_INTEGER);
  const cases = wholeNumber('--cases', flags.cases, 1, MAX_CASES);
  const asOf = parseAsOf(flags.asOf);
  const scenario = flags.scenario as import('../core/training/generate.js').Scenario;
  const out = flags.out ?? `exercise-${scenario}-${seed}`;
  if (out.trim() === '') throw new UsageError('--out needs a folder name');
  const { defaultConfig } = await import('../io/loadConfig.js');
  const { writePackFolder, PackFolderError } = await import('../io/writePack.js');
  const { exercisePackFiles } = await import('./exercisePack.js');
  // packs use the shipped settings, so a pack reads the same in every council
  const config = { ...defaultConfig(), as_of: asOf };
  const { files } = exercisePackFiles({ scenario, seed, cases, asOf, config });
  try {
    writePackFolder(fromCwd(out), files);
  } catch (err) {
    if (err instanceof PackFolderError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
  if (!flags.quiet) {
    writeErr(`created ${out}: ${cases} fictional ${cases === 1 ? 'case' : 'cases'}, facilitator notes and five worksheets (seed ${seed}, as of ${asOf})\n`);
    writeErr(`next: reunify check ${out}/cases\n`);
  }
  return EXIT.ok;
}
