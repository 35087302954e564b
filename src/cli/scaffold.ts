// `reunify scaffold exercise`: a ready-to-run training pack of fictional cases,
// generated from a seed, with the facilitator's answer key and worksheets.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import {
  DEFAULT_EXERCISE_DATE,
  MAX_CASES,
  MIN_MONITORING_CASES,
  SCENARIO_NAMES,
  runExercise,
  runRebuild,
  type ExerciseFlags,
  type RebuildFlags,
} from '../app/scaffold.js';

export function registerScaffold(program: Command): void {
  const scaffold = program.command('scaffold').description('make training material from fictional cases');
  scaffold
    .command('exercise')
    .description('a training pack in a new folder: fictional cases from a seed, facilitator notes with the answer key, worksheets')
    .addOption(new Option('--scenario <name>', 'what the exercise practises').choices(SCENARIO_NAMES).default('classification'))
    .option('--seed <n>', 'seed for the cases: the same seed gives the same pack, byte for byte', '1')
    .option('--cases <k>', `how many cases (1 to ${MAX_CASES}, default 4; monitoring: ${MIN_MONITORING_CASES} to ${MAX_CASES}, default 12)`)
    .option('--out <dir>', 'new or empty folder for the pack (default: exercise-<scenario>-<seed>)')
    .option('--as-of <date>', 'the exercise date the cases are written up to (YYYY-MM-DD), recorded in the pack config', DEFAULT_EXERCISE_DATE)
    .option('--stages <list>', 'for the cohorts scenario: the stages its cases take in turn, e.g. 1,3 or 2,5,closed (default: 1 to 5 and closed)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Scenarios: classification (stage 2, classify from the evidence), reclassification
(stage 4, regrade with goal progress), return-home (stage 5, the first post-return
review), cohorts (a mix of stages, cohorts and trigger points), monitoring (a
caseload with drift planted for reunify status to find: stalled stages, sign-offs
waiting, decisions not shared, missed visits). See docs/training.md.

Examples:
  $ reunify scaffold exercise --seed 7 --out pack-7
  $ reunify scaffold exercise --scenario reclassification --seed 12 --cases 6 --out regrade
  $ reunify scaffold exercise --scenario cohorts --stages 1,3 --cases 6 --out early-stages
  $ reunify scaffold exercise --scenario monitoring --seed 3 --out drift && reunify status drift/cases
  $ reunify check pack-7/cases`,
    )
    .action(async (flags: ExerciseFlags) => {
      setExitCode(await runExercise(flags));
    });
  scaffold
    .command('rebuild')
    .description(
      'make a pack’s facilitator notes and worksheets again from its case files as they are now (after you edit one), with the pack’s settings or your own',
    )
    .argument('<pack>', 'the pack folder (made by reunify scaffold exercise)')
    .option('--config <file>', 'your council’s reunify.config.yaml (levels, decision map, timescales), used at the pack’s exercise date')
    .addOption(new Option('--scenario <name>', 'what the exercise practises (default: as the pack was made)').choices(SCENARIO_NAMES))
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
The case files are never written: only facilitator.* and worksheets/*. A case that does
not read cleanly stops the rebuild before anything is written.

Examples:
  $ reunify scaffold rebuild pack-7
  $ reunify scaffold rebuild pack-7 --config ../council/reunify.config.yaml`,
    )
    .action(async (pack: string, flags: RebuildFlags) => {
      setExitCode(await runRebuild(pack, flags));
    });
}
