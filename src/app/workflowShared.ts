// What `new`, `task` and `advance` share: opening a case named by path or id,
// gathering answers (answers file, --set, flags), deciding whether to prompt, and
// writing through the one writer (or printing the diff with --dry-run).
import { EXIT, UsageError, cwd, fromCwd, parseAsOf, writeErr, type CommonOptions, writeOutHuman } from './shared.js';
import { terminalText } from '../core/escape/terminal.js';
import { mayPrompt, mergeAnswers, parseSetFlags, setFlagAnswers, inquirerAsker, PromptInterrupted, type Asker } from './prompting.js';
import type { AnswerPath, Answers, Resolved, Step } from '../core/workflow/answers.js';
import type { CaseData } from '../core/model/caseTypes.js';
import type { ReunifyConfig } from '../core/model/config.js';
import type { Problem } from '../core/model/problem.js';
import type { LoadedCase } from '../core/parse/caseFile.js';

export interface WorkflowFlags extends CommonOptions {
  answers?: string;
  set: string[];
  /** false with --no-input */
  input?: boolean;
  dryRun?: boolean;
  /** --as-of, as every command names the date it works as of. */
  asOf?: string;
  /** --date, the older name of --as-of; after asOfFlag, the date either gave. */
  date?: string;
}

/** Injected by tests: a scripted Asker stands in for the terminal. */
export interface WorkflowDeps {
  asker?: Asker;
}

export function parseDateFlag(value: string | undefined, flag = '--date'): string {
  return parseAsOf(value, flag);
}

/**
 * `--as-of`, or `--date` (its older name, kept): the flags with `date` set to the one
 * given, checked now so a mistyped date is named by the flag typed, before anything is read.
 */
export function asOfFlag<F extends WorkflowFlags>(flags: F): F {
  if (flags.asOf !== undefined && flags.date !== undefined && flags.asOf !== flags.date) {
    throw new UsageError(
      `--date is the older name of --as-of: give one of them (got --as-of ${terminalText(flags.asOf)} and --date ${terminalText(flags.date)})`,
    );
  }
  const date = flags.asOf ?? flags.date;
  if (date !== undefined) parseDateFlag(date, flags.asOf !== undefined ? '--as-of' : '--date');
  return { ...flags, date };
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Answers from --answers, then --set, then the command's own flags (later wins). */
export async function gatherAnswers(flags: WorkflowFlags, fromFlags: Answers): Promise<{ given: Answers; onCommandLine: boolean }> {
  let given: Answers = {};
  if (flags.answers !== undefined) {
    const { readAnswersFile, AnswersFileError } = await import('../io/readAnswers.js');
    try {
      given = readAnswersFile(flags.answers);
    } catch (err) {
      if (!(err instanceof AnswersFileError)) throw err;
      for (const p of err.problems) writeErr(`${err.filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}\n`);
      throw new UsageError(`the answers file ${flags.answers} cannot be used`);
    }
  }
  const set = await setFlagAnswers(flags.set ?? []);
  given = mergeAnswers(mergeAnswers(given, set), stripUndefined(fromFlags));
  const onCommandLine = flags.answers !== undefined || (flags.set ?? []).length > 0 || Object.keys(stripUndefined(fromFlags)).length > 0;
  return { given, onCommandLine };
}

function stripUndefined(a: Answers): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const inner = stripUndefined(v as Answers);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

/** Who answers: nobody when answers came on the command line or prompting is not allowed. */
export async function chooseAsker(flags: WorkflowFlags, deps: WorkflowDeps, answersGiven: boolean): Promise<Asker | undefined> {
  if (flags.input === false || answersGiven) return undefined;
  if (deps.asker) return deps.asker;
  return mayPrompt(flags) ? inquirerAsker() : undefined;
}

export function reportProblems(filePath: string, problems: readonly Problem[]): void {
  for (const p of problems) writeErr(`${filePath}:${p.line ?? 1}:${p.column ?? 1}: ${p.message} (${p.ruleId})\n`);
}

export interface WorkingCase {
  filePath: string;
  loaded: LoadedCase;
  data: CaseData;
  body: string;
  text: string;
  config: ReunifyConfig;
  /** The config file the case goes by: its folder is the caseload root that keeps frozen copies. */
  configPath?: string;
}

/** The case named on the command line, read and schema-checked; a number is the exit code when it cannot be used. */
export async function openCaseArgument(arg: string, flags: WorkflowFlags): Promise<WorkingCase | number> {
  const { statSync } = await import('node:fs');
  const { loadConfig } = await import('../io/loadConfig.js');
  const { resolveCaseArgument } = await import('../io/caseArgument.js');
  let isFile = false;
  try {
    isFile = statSync(fromCwd(arg)).isFile();
  } catch {
    // an id, or a file that does not exist
  }
  let { config, configPath } = loadConfig({ configPath: flags.config, paths: isFile ? [arg] : [], cwd: cwd() });
  const resolved = resolveCaseArgument(arg, config, cwd());
  if ('error' in resolved) {
    writeErr(`reunify: ${resolved.error}\n`);
    return EXIT.usage;
  }
  const filePath = resolved.filePath;
  if (!isFile) ({ config, configPath } = loadConfig({ configPath: flags.config, paths: [fromCwd(filePath)], cwd: cwd() }));
  const { openCase } = await import('../io/openCase.js');
  const { loaded, data, problems, refused } = openCase(fromCwd(filePath), config);
  if (refused === 'schema') {
    reportProblems(filePath, problems);
    writeErr(`reunify: ${filePath} does not match the case file format: fix the problems above first\n`);
    return EXIT.problems;
  }
  if (refused === 'reading' || !data || !loaded.split || !loaded.bytes) {
    reportProblems(filePath, problems);
    writeErr(`reunify: ${filePath} cannot be worked on until it reads cleanly (reunify check ${filePath})\n`);
    return EXIT.problems;
  }
  return { filePath, loaded, data, body: loaded.split.body, text: loaded.bytes.toString('utf8'), config, configPath };
}

/**
 * Write the new text (or print its diff); 0 when done, 1 when the file changed on disk meanwhile.
 * A sign-off the new text records keeps its frozen copies, as `signoff --sign` keeps them.
 */
export async function saveCase(opened: WorkingCase, newText: string, flags: WorkflowFlags): Promise<{ exit: number; changed: boolean }> {
  const { writeCaseFile, WriteConflictError } = await import('../io/writeCase.js');
  const { OutputRefusedError } = await import('../io/outputFile.js');
  const { freezeNewSignoffs, writeWithFrozenCopies } = await import('./freeze.js');
  const plan = freezeNewSignoffs({
    filePath: opened.loaded.filePath,
    stem: opened.loaded.stem,
    before: opened.data,
    text: newText,
    config: opened.config,
    configPath: opened.configPath,
  });
  let result: { changed: boolean; diff?: string };
  try {
    result = writeWithFrozenCopies(plan, flags.dryRun, () => writeCaseFile(opened.loaded, plan.text, { dryRun: flags.dryRun }));
  } catch (err) {
    if (err instanceof WriteConflictError || err instanceof OutputRefusedError) {
      writeErr(`reunify: ${err.message}\n`);
      return { exit: EXIT.problems, changed: false };
    }
    throw err;
  }
  const { relative } = await import('node:path');
  const copies = plan.planned.map((c) => relative(cwd(), c.target) || c.target);
  if (flags.dryRun) {
    if (result.diff) writeOutHuman(result.diff);
    else if (!flags.quiet) writeErr('no change\n');
    if (!flags.quiet && copies.length > 0) writeErr(`would keep frozen copies of the sign-off: ${copies.join(', ')}\n`);
  } else if (!flags.quiet) {
    writeErr(result.changed ? `saved ${opened.filePath}\n` : `nothing changed in ${opened.filePath}\n`);
    for (const c of copies) writeErr(`  frozen copy: ${c}\n`);
  }
  if (!flags.quiet) for (const s of plan.skipped) writeErr(`reunify: no frozen copy of ${s}\n`);
  return { exit: EXIT.ok, changed: result.changed };
}

export function reportAnswerGaps(what: string, missing: readonly string[], invalid: readonly string[]): void {
  if (missing.length > 0) writeErr(`reunify: ${what} needs ${missing.length === 1 ? 'this answer' : 'these answers'}: ${missing.join(', ')}\n`);
  for (const i of invalid) writeErr(`reunify: ${what}: ${i}\n`);
}

/** A command's own flag that gives an answer, e.g. `task --note`. */
export interface AnswerFlag {
  flag: string;
  path: AnswerPath;
  value: unknown;
}

/**
 * Answers given on the command line (`--set`, and flags such as `--note`) that no question
 * of the steps asks for are named on stderr, with the answers the command does take:
 * true when there were any, and the command then writes nothing (exit 2).
 */
export async function reportUnasked(
  what: string,
  steps: readonly Step[],
  flags: WorkflowFlags,
  answerFlags: readonly AnswerFlag[] = [],
  takesNone = '',
): Promise<boolean> {
  const { answerPaths, unaskedPaths } = await import('../core/workflow/answers.js');
  const name = (path: AnswerPath) => path.map(String).join('.');
  const unasked: string[] = [];
  for (const set of await parseSetFlags(flags.set ?? [])) {
    for (const path of unaskedPaths(steps, set.path, set.value))
      unasked.push(name(path) === set.name ? `--set ${set.name}` : `${name(path)} (in --set ${set.name})`);
  }
  for (const f of answerFlags) if (f.value !== undefined) for (const path of unaskedPaths(steps, f.path, f.value)) unasked.push(`${f.flag} (${name(path)})`);
  if (unasked.length === 0) return false;
  for (const u of unasked) writeErr(`reunify: ${what}: no question asks for ${u}\n`);
  const paths = answerPaths(steps);
  writeErr(
    `reunify: ${what} takes ${paths.length > 0 ? `these answers: ${paths.join(', ')}` : `no answers${takesNone ? ` (${takesNone})` : ''}`}; nothing was written\n`,
  );
  return true;
}

export const INPUT_OPTIONS_HELP = {
  answers: 'answers in a YAML file, with the same field names as the case file (docs/workflow.md); no prompts',
  set: 'one answer, e.g. --set tasks.safe_adult.person=gran (repeatable); no prompts',
  noInput: 'never prompt: fail at once, naming any answer that is missing',
  date: "the date recorded by default, and the latest date accepted (YYYY-MM-DD; default: the config's as_of, else today)",
  dateAlias: 'the older name of --as-of',
  dryRun: 'print the change as a unified diff and write nothing',
};

/**
 * The answers to a flow's questions: asked at a terminal when there is an asker,
 * otherwise taken from what was given. Ctrl-C at a prompt says so on stderr and
 * gives back the exit code instead: nothing has been written.
 */
export async function answerSteps(steps: readonly Step[], given: Answers, asker: Asker | undefined): Promise<Resolved | number> {
  const { resolveAnswers } = await import('../core/workflow/answers.js');
  if (!asker) return resolveAnswers(steps, given);
  const { askSteps } = await import('./askSteps.js');
  try {
    return resolveAnswers(steps, await askSteps(steps, asker));
  } catch (err) {
    if (!(err instanceof PromptInterrupted)) throw err;
    writeErr('\nreunify: interrupted; nothing was written\n');
    return EXIT.interrupted;
  }
}
