// `reunify supervise <case>`: reflective-supervision questions drawn from the case's
// own facts; `--prompt` (or `--answers`) records the answers in a separate, dated
// supervision record, never in the child's case file.
import { EXIT, UsageError, writeErr, writeOut, type CommonOptions, flagPathsFromCwd, writeErrHuman, writeOutHuman } from './shared.js';

export interface SuperviseFlags extends CommonOptions {
  to: 'md' | 'html' | 'json';
  asOf?: string;
  prompt?: boolean;
  answers?: string;
  out?: string;
  force?: boolean;
  /** false with --no-input */
  input?: boolean;
}


export async function runSupervise(target: string, flags: SuperviseFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'answers']);
  const recording = flags.prompt === true || flags.answers !== undefined;
  if (flags.prompt && flags.answers !== undefined) throw new UsageError('give --prompt or --answers, not both');
  if (flags.out !== undefined && !recording) throw new UsageError('--out saves answers: use it with --prompt or --answers');
  const { mayPrompt } = await import('./prompting.js');
  if (flags.prompt && !mayPrompt({ input: flags.input, answers: undefined })) {
    throw new UsageError('--prompt needs a terminal (and no --no-input or CI): give the answers in a file with --answers FILE; reunify supervise <case> --to json lists the question ids');
  }
  const { openCaseArgument } = await import('./workflowShared.js');
  const opened = await openCaseArgument(target, { config: flags.config, set: [] });
  if (typeof opened === 'number') return opened;
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [opened.filePath], configPath: flags.config });
  const { superviseQuestions } = await import('../core/workflow/supervision.js');
  const { bodySections } = await import('../core/parse/bodySections.js');
  const headings = bodySections(opened.body).filter((s) => s.content.trim() !== '').map((s) => s.heading);
  const { terminalText } = await import('../core/escape/terminal.js');
  // refs and ids come from the case: no control or bidi character reaches a terminal or a page
  const plan = visibleStrings(superviseQuestions(opened.data, opened.config, asOf, headings), terminalText);
  if (!recording) return printQuestions(plan, flags, opened);
  return recordAnswers(plan, flags, opened.filePath);
}

function visibleStrings<T>(value: T, safe: (s: string) => string): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((v) => visibleStrings(v, safe)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: visibleStrings(v, safe), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

async function printQuestions(plan: import('../core/workflow/supervision.js').SupervisionPlan, flags: SuperviseFlags, opened: { config: import('../core/model/config.js').ReunifyConfig; data: { fictional?: boolean } }): Promise<number> {
  if (flags.to === 'json') {
    const { asciiSafeJson } = await import('../core/escape/json.js');
    writeOut(asciiSafeJson(JSON.stringify({ version: 1, ...plan }, null, 2)) + '\n');
    return EXIT.ok;
  }
  const { supervisionView } = await import('../report/supervisionDoc.js');
  const { renderReport } = await import('../report/render.js');
  const { SHIPPED_TEMPLATES } = await import('../io/runReport.js');
  const config = opened.config;
  const marking = typeof config.report?.marking === 'string' ? config.report.marking : 'OFFICIAL-SENSITIVE';
  const view = supervisionView(plan, { marking, organisation: config.organisation, fictional: opened.data.fictional === true });
  writeOutHuman(renderReport('training', flags.to, view, { shippedDir: SHIPPED_TEMPLATES, levelLabels: config.labels.levels }));
  return EXIT.ok;
}

async function recordAnswers(plan: import('../core/workflow/supervision.js').SupervisionPlan, flags: SuperviseFlags, caseFile: string): Promise<number> {
  const { safeFileName } = await import('../io/safeOutput.js');
  const out = flags.out ?? `supervision-${safeFileName(plan.caseId)}-${plan.asOf}.yaml`;
  const ids = [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer].map((q) => q.id);
  const { supervisionRecordText } = await import('../io/supervisionRecord.js');
  const { outputRefusal } = await import('./output.js');
  // asked before any question, so no answer is typed in vain
  const refusal = /\.md$/i.test(out)
    ? `${out}: a supervision record is not a case file; give it a .yaml name (reunify check reads every .md file in a caseload)`
    : outputRefusal(out, { force: flags.force, sources: [caseFile] });
  if (refusal) {
    writeErrHuman(`reunify: ${refusal}\n`);
    return EXIT.problems;
  }
  let given: import('../io/supervisionRecord.js').SupervisionAnswers;
  if (flags.answers !== undefined) {
    given = await answersFromFile(flags.answers, ids);
  } else {
    const { inquirerAsker, PromptInterrupted } = await import('./prompting.js');
    const asker = await inquirerAsker();
    given = { answers: {} };
    try {
      for (const group of [...plan.groups, { title: 'Must answer before any decision', questions: plan.mustAnswer }]) {
        asker.say(`\n${group.title}`);
        for (const q of group.questions) given.answers[q.id] = await asker.input({ message: q.text, validate: () => true });
      }
    } catch (err) {
      if (err instanceof PromptInterrupted) {
        writeErr('reunify: interrupted; nothing was written\n');
        return EXIT.interrupted;
      }
      throw err;
    }
  }
  const { writeOutput } = await import('./output.js');
  const written = await writeOutput(out, supervisionRecordText(plan, given), { force: flags.force, sources: [caseFile] });
  if (written !== EXIT.ok) return written;
  if (!flags.quiet) writeErr(`saved the supervision record to ${out} (the case file is unchanged)\n`);
  return EXIT.ok;
}

async function answersFromFile(file: string, ids: readonly string[]): Promise<import('../io/supervisionRecord.js').SupervisionAnswers> {
  const { readAnswersFile, AnswersFileError } = await import('../io/readAnswers.js');
  let raw: Record<string, unknown>;
  try {
    raw = readAnswersFile(file);
  } catch (err) {
    if (err instanceof AnswersFileError) throw new UsageError(`${file}: ${err.problems.map((p) => `${p.line ?? 1}:${p.column ?? 1}: ${p.message}`).join('; ')}`);
    throw err;
  }
  const unknownKeys = Object.keys(raw).filter((k) => !['supervisor', 'worker', 'answers'].includes(k));
  if (unknownKeys.length > 0) throw new UsageError(`${file}: unknown field ${unknownKeys.map((k) => `"${k}"`).join(', ')} (expected supervisor, worker, answers)`);
  const answers = raw.answers ?? {};
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new UsageError(`${file}: answers must be a map of question id to text`);
  const out: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (!ids.includes(id)) throw new UsageError(`${file}: "${id}" is not a question for this case (reunify supervise <case> --to json lists them)`);
    if (typeof value !== 'string') throw new UsageError(`${file}: the answer to ${id} must be text`);
    out[id] = value;
  }
  const text = (v: unknown, name: string) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new UsageError(`${file}: ${name} must be text`);
    return v;
  };
  return { supervisor: text(raw.supervisor, 'supervisor'), worker: text(raw.worker, 'worker'), answers: out };
}
