// `reunify supervise <case>`: reflective-supervision questions drawn from the case's
// own facts; `--prompt` (or `--answers`) records the answers in a separate, dated
// supervision record, never in the child's case file.
import { notADate, parseIsoDate } from '../core/text/dates.js';
import { EXIT, UsageError, writeErr, writeOut, type CommonOptions, flagPathsFromCwd, writeErrHuman, writeOutHuman } from './shared.js';

export interface SuperviseFlags extends CommonOptions {
  /** md when not given; with --prompt or --answers, given only to print the saved record too */
  to?: 'md' | 'html' | 'json';
  asOf?: string;
  prompt?: boolean;
  answers?: string;
  out?: string;
  force?: boolean;
  /** false with --no-input */
  input?: boolean;
}

export async function runSupervise(target: string, flags: SuperviseFlags, deps: { asker?: import('./prompting.js').Asker } = {}): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'answers']);
  const recording = flags.prompt === true || flags.answers !== undefined;
  if (flags.prompt && flags.answers !== undefined) throw new UsageError('give --prompt or --answers, not both');
  if (flags.out !== undefined && !recording) throw new UsageError('--out saves answers: use it with --prompt or --answers');
  const { mayPrompt } = await import('./prompting.js');
  if (flags.prompt && deps.asker === undefined && !mayPrompt({ input: flags.input, answers: undefined })) {
    throw new UsageError(
      '--prompt needs a terminal (and no --no-input or CI): give the answers in a file with --answers FILE; reunify supervise <case> --to json lists the question ids',
    );
  }
  const { openCaseArgument } = await import('./workflowShared.js');
  const opened = await openCaseArgument(target, { config: flags.config, set: [] });
  if (typeof opened === 'number') return opened;
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [opened.filePath], configPath: flags.config });
  const { superviseQuestions } = await import('../core/workflow/supervision.js');
  const { bodySections } = await import('../core/parse/bodySections.js');
  const headings = bodySections(opened.body)
    .filter((s) => s.content.trim() !== '')
    .map((s) => s.heading);
  const { terminalText } = await import('../core/escape/terminal.js');
  // refs and ids come from the case: no control or bidi character reaches a terminal or a page
  const plan = visibleStrings(superviseQuestions(opened.data, opened.config, asOf, headings), terminalText);
  if (!recording) return printQuestions(plan, flags, opened);
  return recordAnswers(plan, flags, opened, deps.asker);
}

function visibleStrings<T>(value: T, safe: (s: string) => string): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((v) => visibleStrings(v, safe)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: visibleStrings(v, safe), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

async function printQuestions(
  plan: import('../core/workflow/supervision.js').SupervisionPlan,
  flags: SuperviseFlags,
  opened: { config: import('../core/model/config.js').ReunifyConfig; data: { fictional?: boolean } },
): Promise<number> {
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
  writeOutHuman(renderReport('training', flags.to ?? 'md', view, { shippedDir: SHIPPED_TEMPLATES, levelLabels: config.labels.levels }));
  return EXIT.ok;
}

async function recordAnswers(
  plan: import('../core/workflow/supervision.js').SupervisionPlan,
  flags: SuperviseFlags,
  opened: { filePath: string; config: import('../core/model/config.js').ReunifyConfig; data: { fictional?: boolean } },
  asker?: import('./prompting.js').Asker,
): Promise<number> {
  const caseFile = opened.filePath;
  const { safeFileName } = await import('../io/safeOutput.js');
  const out = flags.out ?? `supervision-${safeFileName(plan.caseId)}-${plan.asOf}.yaml`;
  const ids = [...plan.groups.flatMap((g) => g.questions), ...plan.mustAnswer].map((q) => q.id);
  const { supervisionRecordText } = await import('../io/supervisionRecord.js');
  const { outputRefusal, writeOutput } = await import('./output.js');
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
    const written = await writeOutput(out, supervisionRecordText(plan, given), { force: flags.force, sources: [caseFile] });
    if (written !== EXIT.ok) return written;
  } else {
    const { inquirerAsker, PromptInterrupted } = await import('./prompting.js');
    const ask = asker ?? (await inquirerAsker());
    const record: import('../io/supervisionRecord.js').SupervisionAnswers = { answers: {} };
    given = record;
    // saved after every answer (marked `complete: false` until the end), so Ctrl-C keeps what was said
    let saved = false;
    const save = async (complete: boolean): Promise<number> => {
      const code = await writeOutput(out, supervisionRecordText(plan, record, complete), { force: flags.force === true || saved, sources: [caseFile] });
      if (code === EXIT.ok) saved = true;
      return code;
    };
    const text = async (message: string, validate: (v: string) => string | true = () => true): Promise<string | undefined> => {
      const value = (await ask.input({ message, validate })).trim();
      return value === '' ? undefined : value;
    };
    const dateOrBlank = (v: string) => (v.trim() === '' || parseIsoDate(v.trim()) ? true : notADate());
    try {
      record.supervisor = await text('Supervisor (role and initials)');
      record.worker = await text('Worker supervised (role and initials)');
      let code = await save(false);
      if (code !== EXIT.ok) return code;
      for (const group of [...plan.groups, { title: 'Must answer before any decision', questions: plan.mustAnswer }]) {
        ask.say(`\n${group.title}`);
        for (const q of group.questions) {
          record.answers[q.id] = (await ask.input({ message: q.text, validate: () => true })).trim();
          code = await save(false);
          if (code !== EXIT.ok) return code;
        }
      }
      ask.say('\nActions agreed');
      for (;;) {
        const more = await ask.confirm({
          message: (record.actions ?? []).length === 0 ? 'Record an action agreed in this supervision?' : 'Record another action?',
          default: false,
        });
        if (!more) break;
        const action = await text('The action', (v) => (v.trim() === '' ? 'an action needs its words' : true));
        const owner = await text('Who will do it (role and initials)');
        const by = await text('By when (YYYY-MM-DD; blank if no date was agreed)', dateOrBlank);
        record.actions = [...(record.actions ?? []), { action: action ?? '', ...(owner ? { owner } : {}), ...(by ? { by } : {}) }];
        code = await save(false);
        if (code !== EXIT.ok) return code;
      }
      record.nextSupervision = await text('Date of the next supervision (YYYY-MM-DD; blank if not set)', dateOrBlank);
    } catch (err) {
      if (err instanceof PromptInterrupted) {
        writeErr(saved ? `reunify: interrupted; what was answered is kept in ${out}, marked complete: false\n` : 'reunify: interrupted; nothing was written\n');
        return EXIT.interrupted;
      }
      throw err;
    }
    const code = await save(true);
    if (code !== EXIT.ok) return code;
  }
  if (!flags.quiet) writeErr(`saved the supervision record to ${out} (the case file is unchanged)\n`);
  if (flags.to !== undefined) return printRecord(plan, given, flags.to, opened);
  return EXIT.ok;
}

/** The record just saved, printed in `--to`'s format: for the supervisor's file or a printer. */
async function printRecord(
  plan: import('../core/workflow/supervision.js').SupervisionPlan,
  given: import('../io/supervisionRecord.js').SupervisionAnswers,
  to: 'md' | 'html' | 'json',
  opened: { config: import('../core/model/config.js').ReunifyConfig; data: { fictional?: boolean } },
): Promise<number> {
  const { supervisionRecord } = await import('../core/workflow/supervisionRecord.js');
  const record = visibleStrings(supervisionRecord(plan, given, true), (await import('../core/escape/terminal.js')).terminalText);
  if (to === 'json') {
    const { asciiSafeJson } = await import('../core/escape/json.js');
    writeOut(asciiSafeJson(JSON.stringify(record, null, 2)) + '\n');
    return EXIT.ok;
  }
  const { supervisionRecordView } = await import('../report/supervisionDoc.js');
  const { renderReport } = await import('../report/render.js');
  const { SHIPPED_TEMPLATES } = await import('../io/runReport.js');
  const config = opened.config;
  const marking = typeof config.report?.marking === 'string' ? config.report.marking : 'OFFICIAL-SENSITIVE';
  const view = supervisionRecordView(plan, record, { marking, organisation: config.organisation, fictional: opened.data.fictional === true });
  writeOutHuman(renderReport('training', to, view, { shippedDir: SHIPPED_TEMPLATES, levelLabels: config.labels.levels }));
  return EXIT.ok;
}

async function answersFromFile(file: string, ids: readonly string[]): Promise<import('../io/supervisionRecord.js').SupervisionAnswers> {
  const { readAnswersFile, AnswersFileError } = await import('../io/readAnswers.js');
  let raw: Record<string, unknown>;
  try {
    raw = readAnswersFile(file);
  } catch (err) {
    if (err instanceof AnswersFileError)
      throw new UsageError(`${file}: ${err.problems.map((p) => `${p.line ?? 1}:${p.column ?? 1}: ${p.message}`).join('; ')}`);
    throw err;
  }
  const FIELDS = ['supervisor', 'worker', 'answers', 'actions', 'next_supervision'];
  const unknownKeys = Object.keys(raw).filter((k) => !FIELDS.includes(k));
  if (unknownKeys.length > 0) throw new UsageError(`${file}: unknown field ${unknownKeys.map((k) => `"${k}"`).join(', ')} (expected ${FIELDS.join(', ')})`);
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
  const date = (v: unknown, name: string) => {
    if (v === undefined) return undefined;
    // YAML reads an unquoted date as a Date: take it back as the date it was written
    const written = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v;
    if (typeof written !== 'string' || !parseIsoDate(written)) throw new UsageError(`${file}: ${name}: ${notADate()}`);
    return written;
  };
  if (raw.actions !== undefined && !Array.isArray(raw.actions)) throw new UsageError(`${file}: actions must be a list of { action, owner, by }`);
  const actions = ((raw.actions as unknown[] | undefined) ?? []).map((a, i) => {
    const at = `actions[${i}]`;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) throw new UsageError(`${file}: ${at} must be a map: { action, owner, by }`);
    const item = a as Record<string, unknown>;
    const extra = Object.keys(item).filter((k) => !['action', 'owner', 'by'].includes(k));
    if (extra.length > 0) throw new UsageError(`${file}: ${at}: unknown field ${extra.map((k) => `"${k}"`).join(', ')} (expected action, owner, by)`);
    const action = text(item.action, `${at}.action`);
    if (action === undefined || action.trim() === '') throw new UsageError(`${file}: ${at}.action: an action needs its words`);
    const owner = text(item.owner, `${at}.owner`);
    const by = date(item.by, `${at}.by`);
    return { action, ...(owner ? { owner } : {}), ...(by ? { by } : {}) };
  });
  return {
    supervisor: text(raw.supervisor, 'supervisor'),
    worker: text(raw.worker, 'worker'),
    answers: out,
    ...(actions.length > 0 ? { actions } : {}),
    ...(raw.next_supervision !== undefined ? { nextSupervision: date(raw.next_supervision, 'next_supervision') } : {}),
  };
}
