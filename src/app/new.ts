// `reunify new <id>`: a new case file at stage 1, from a commented template, with the
// child's details, cohorts and trigger point asked for (or given as answers).
import { EXIT, UsageError, cwd, writeErr, flagPathsFromCwd, fromCwd, writeOutHuman } from './shared.js';
import { NON_INTERACTIVE_HINT } from './prompting.js';
import {
  answerSteps,
  asOfFlag,
  chooseAsker,
  gatherAnswers,
  reportAnswerGaps,
  reportProblems,
  reportUnasked,
  type WorkflowDeps,
  type WorkflowFlags,
} from './workflowShared.js';
import { CASE_ID_PATTERN } from '../core/model/ids.js';

export interface NewFlags extends WorkflowFlags {
  dir?: string;
  ref?: string;
  dob?: string;
  lookedAfterSince?: string;
  legalStatus?: string;
  proceedings?: string;
  placement?: string;
  cohort: string[];
  trigger?: string;
  triggerDate?: string;
  socialWorker?: string;
  teamManager?: string;
  iro?: string;
}

export async function runNewCommand(id: string, flags: NewFlags, deps: WorkflowDeps = {}): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'answers']);
  if (!new RegExp(CASE_ID_PATTERN).test(id))
    throw new UsageError(`the case id "${id}" must start with a letter or digit and use only letters, digits, ".", "_" or "-" (64 at most)`);
  flags = asOfFlag(flags); // --as-of or --date; a mistyped date is named by its flag, before anything is read
  const { existsSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = flags.dir ?? '.';
  let isDir = false;
  try {
    isDir = statSync(fromCwd(dir)).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`--dir ${dir}: no such folder`);
  const filePath = join(dir, `${id}.md`);
  if (existsSync(fromCwd(filePath))) {
    writeErr(`reunify: ${filePath} already exists; nothing was written\n`);
    return EXIT.problems;
  }
  const { loadConfig } = await import('../io/loadConfig.js');
  const { config } = loadConfig({ configPath: flags.config, paths: [dir], cwd: cwd() });
  const { resolveAsOf } = await import('./asOf.js');
  const date = await resolveAsOf(flags.date, { paths: [dir], configPath: flags.config });
  const { caseloadRoot, casesWithId } = await import('../io/caseArgument.js');
  const root = caseloadRoot(fromCwd(dir));
  const clashes = casesWithId(root, id, config);
  if (clashes.length > 0) {
    writeErr(
      `reunify: the case id ${id} is already used in the caseload ${root}: ${clashes.join(', ')} (ids are compared ignoring case); nothing was written\n`,
    );
    return EXIT.problems;
  }

  const { newCaseSteps, newCaseTemplate, newCaseEdits } = await import('../core/workflow/newCase.js');
  const ctx = { date, config };
  const steps = newCaseSteps(ctx);
  const fromFlags = {
    child: {
      ref: flags.ref,
      dob: flags.dob,
      looked_after_since: flags.lookedAfterSince,
      legal_status: flags.legalStatus,
      proceedings: flags.proceedings,
      placement: flags.placement,
    },
    cohorts: flags.cohort.length > 0 ? flags.cohort : undefined,
    triggers: flags.trigger ? [{ type: flags.trigger, date: flags.triggerDate ?? date }] : undefined,
    team: { social_worker: flags.socialWorker, team_manager: flags.teamManager, iro: flags.iro },
  };
  if (flags.triggerDate && !flags.trigger) throw new UsageError('--trigger-date needs --trigger');
  const { given, onCommandLine } = await gatherAnswers(flags, fromFlags);
  if (await reportUnasked(`new case ${id}`, steps, flags)) return EXIT.usage;
  const asker = await chooseAsker(flags, deps, onCommandLine);
  const resolved = await answerSteps(steps, given, asker);
  if (typeof resolved === 'number') return resolved;
  if (resolved.missing.length > 0 || resolved.invalid.length > 0) {
    reportAnswerGaps(`new case ${id}`, resolved.missing, resolved.invalid);
    if (resolved.missing.length > 0 && !asker) writeErr(`reunify: ${NON_INTERACTIVE_HINT}\n`);
    return EXIT.usage;
  }

  const team = resolved.answers.team as { team_manager?: string; iro?: string } | undefined;
  const child = resolved.answers.child as { placement_moves?: number; wants_to_return?: boolean } | undefined;
  const { applyEdits, createCaseFile, CaseExistsError } = await import('../io/writeCase.js');
  const named = {
    teamManager: Boolean(team?.team_manager),
    iro: Boolean(team?.iro),
    placementMoves: child?.placement_moves !== undefined,
    wantsToReturn: child?.wants_to_return !== undefined,
  };
  const text = applyEdits(newCaseTemplate(id, date, named), newCaseEdits(resolved.answers) as never);
  // a new case starts clean: anything the check pipeline calls an error is refused here
  const { checkText } = await import('./workflowChange.js');
  const problems = checkText(filePath, id, text, config, date);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    reportProblems(filePath, errors);
    writeErr(`reunify: the new case would not pass reunify check; nothing was written\n`);
    return EXIT.problems;
  }
  let created;
  try {
    created = createCaseFile(fromCwd(filePath), text, { dryRun: flags.dryRun });
  } catch (err) {
    if (err instanceof CaseExistsError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
  if (flags.dryRun) {
    writeOutHuman(created.diff ?? '');
    return EXIT.ok;
  }
  if (!flags.quiet) {
    writeErr(`created ${filePath} at stage 1 (assess)\n`);
    reportProblems(filePath, problems);
    writeErr(`next: reunify task ${id}\n`);
  }
  return EXIT.ok;
}
