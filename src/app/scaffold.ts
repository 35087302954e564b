// `reunify scaffold exercise`: a ready-to-run training pack of fictional cases,
// generated from a seed, with the facilitator's answer key and worksheets.
import { EXIT, UsageError, parseAsOf, writeErr, type CommonOptions, flagPathsFromCwd, fromCwd } from './shared.js';

export interface ExerciseFlags extends CommonOptions {
  scenario: string;
  seed: string;
  /** Default: 4, or 12 for the monitoring scenario. */
  cases?: string;
  out?: string;
  asOf: string;
  stages?: string;
}

export const SCENARIO_NAMES = ['classification', 'reclassification', 'return-home', 'cohorts', 'monitoring'];
/** A monitoring pack's fewest cases: six kinds of drift and two cases in order. */
export const MIN_MONITORING_CASES = 8;
/** A fixed exercise date, so the same seed gives the same pack on any day. */
export const DEFAULT_EXERCISE_DATE = '2026-11-01';
export const MAX_CASES = 100;
/** The organisation a pack's config names, so a rebuild with the pack's settings reads the same. */
export const PACK_ORGANISATION = 'Training pack (fictional)';

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${value}`);
  return n;
}

/** `--stages 1,3,closed`: the stages a cohorts pack's cases take in turn, each once. */
function stageList(value: string, scenario: string): ('closed' | 1 | 2 | 3 | 4 | 5)[] {
  if (scenario === 'monitoring') throw new UsageError('--stages is for the cohorts scenario; a monitoring pack’s stages follow the drift it plants');
  if (scenario !== 'cohorts') throw new UsageError(`--stages is for the cohorts scenario; the ${scenario} scenario's cases are all at one stage`);
  const out: ('closed' | 1 | 2 | 3 | 4 | 5)[] = [];
  for (const word of value.split(',').map((w) => w.trim())) {
    const stage = word === 'closed' ? 'closed' : ['1', '2', '3', '4', '5'].includes(word) ? (Number(word) as 1 | 2 | 3 | 4 | 5) : undefined;
    if (stage === undefined) throw new UsageError(`--stages takes stages 1 to 5 and closed, separated by commas, got "${word}"`);
    if (!out.includes(stage)) out.push(stage);
  }
  return out;
}

export async function runExercise(flags: ExerciseFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  const seed = wholeNumber('--seed', flags.seed, 0, Number.MAX_SAFE_INTEGER);
  const scenario = flags.scenario as import('../core/training/generate.js').Scenario;
  // a monitoring pack plants six kinds of drift at least, and leaves cases in order beside them
  const cases = wholeNumber(
    '--cases',
    flags.cases ?? (scenario === 'monitoring' ? '12' : '4'),
    scenario === 'monitoring' ? MIN_MONITORING_CASES : 1,
    MAX_CASES,
  );
  const asOf = parseAsOf(flags.asOf);
  const stages = flags.stages === undefined ? undefined : stageList(flags.stages, scenario);
  const out = flags.out ?? `exercise-${scenario}-${seed}`;
  if (out.trim() === '') throw new UsageError('--out needs a folder name');
  const { defaultConfig } = await import('../io/loadConfig.js');
  const { writePackFolder, PackFolderError } = await import('../io/writePack.js');
  const { exercisePackFiles } = await import('./exercisePack.js');
  // packs use the shipped settings, so a pack reads the same in every council
  const config = { ...defaultConfig(), as_of: asOf, organisation: PACK_ORGANISATION };
  const { files } = exercisePackFiles({ scenario, seed, cases, asOf, config, ...(stages ? { stages } : {}) });
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
    writeErr(scenario === 'monitoring' ? `next: reunify status ${out}/cases\n` : `next: reunify check ${out}/cases\n`);
  }
  return EXIT.ok;
}

export interface RebuildFlags extends CommonOptions {
  scenario?: string;
}

/**
 * `reunify scaffold rebuild <pack>`: the facilitator notes and worksheets made again from
 * the pack's case files as they are now (after a trainer has edited one), with the pack's
 * settings, or a council's own (`--config`) at the pack's exercise date. The case files
 * are not touched; a case that does not read cleanly stops it before anything is written.
 */
export async function runRebuild(pack: string, flags: RebuildFlags): Promise<number> {
  const givenConfig = flags.config;
  flags = flagPathsFromCwd(flags, ['config']);
  const { existsSync, readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { CONFIG_FILE_NAME, loadConfig } = await import('../io/loadConfig.js');
  const { openCase } = await import('../io/openCase.js');
  const { replacePackFiles } = await import('../io/writePack.js');
  const { documentFiles, packOrigin } = await import('./exercisePack.js');
  const { packCase, openWorkOf } = await import('../core/training/packCases.js');
  const { reportProblems } = await import('./workflowShared.js');
  const dir = fromCwd(pack);
  const packConfigPath = join(dir, CONFIG_FILE_NAME);
  const casesDir = join(dir, 'cases');
  if (!existsSync(packConfigPath) || !existsSync(casesDir))
    throw new UsageError(`${pack} is not a training pack (it needs ${CONFIG_FILE_NAME} and cases/, as reunify scaffold exercise makes them)`);
  const origin = packOrigin(readFileSync(packConfigPath, 'utf8'));
  const scenario = (flags.scenario ?? origin?.scenario) as import('../core/training/generate.js').Scenario | undefined;
  if (scenario === undefined) throw new UsageError(`${pack}/${CONFIG_FILE_NAME} does not say which scenario made the pack: give --scenario`);
  const packConfig = loadConfig({ configPath: packConfigPath }).config;
  const asOf = packConfig.as_of;
  if (!asOf) throw new UsageError(`${pack}/${CONFIG_FILE_NAME} has no as_of: the pack's exercise date`);
  // a council's own settings (levels, decision map, timescales), at the pack's exercise date
  const config = flags.config ? { ...loadConfig({ configPath: flags.config }).config, as_of: asOf } : packConfig;
  const files = readdirSync(casesDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new UsageError(`${pack}/cases holds no case files`);
  const cases = [];
  let refused = 0;
  for (const name of files) {
    const shown = `${pack}/cases/${name}`;
    const opened = openCase(join(casesDir, name), config);
    if (!opened.data || !opened.loaded.split) {
      reportProblems(shown, opened.problems);
      refused++;
      continue;
    }
    cases.push(packCase(opened.data, opened.loaded.split.body, openWorkOf(opened.data, asOf), config, asOf));
  }
  if (refused > 0) {
    writeErr(`reunify: ${refused} case ${refused === 1 ? 'file does' : 'files do'} not read cleanly; nothing was written (reunify check ${pack}/cases)\n`);
    return EXIT.problems;
  }
  replacePackFiles(dir, documentFiles(cases, { scenario, seed: origin?.seed ?? 0, asOf, config, ...(origin?.stages ? { stages: origin.stages } : {}) }));
  if (!flags.quiet)
    writeErr(
      `rebuilt ${pack}: facilitator notes and five worksheets from ${cases.length} ${cases.length === 1 ? 'case' : 'cases'}${givenConfig ? `, with the settings of ${givenConfig}` : ''} (as of ${asOf})\n`,
    );
  return EXIT.ok;
}
