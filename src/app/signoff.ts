// `reunify signoff [dir]`: the team manager's queue of written assessments,
// classifications and decisions waiting for sign-off, oldest first, each with what
// would be signed (level and any override, outcome, recommendation) and any sharing
// made before the sign-off; `--sign` records one through the one writer, keeping every
// other byte of the file, says what was signed, and warns of a self sign-off.
import { appEnv } from './env.js';
import {
  EXIT,
  UsageError,
  cwd,
  makeColor,
  parseAsOf,
  today,
  writeErr,
  writeOut,
  type CommonOptions,
  flagPathsFromCwd,
  fromCwd,
  writeOutHuman,
  safeStrings,
  textWidth,
} from './shared.js';

export interface SignoffFlags extends CommonOptions {
  format: 'table' | 'json';
  asOf?: string;
  team?: string;
  sign?: string;
  /** Keep frozen copies for a sign-off given before they were kept. */
  freeze?: string;
  item?: string;
  by?: string;
  /** [local] A further sign-off of a decision by this role (config additional_signoffs), beside the team manager's. */
  role?: string;
  date?: string;
  dryRun?: boolean;
}

function checkFlags(flags: SignoffFlags): void {
  const signOnly: [keyof SignoffFlags, string][] = [
    ['item', '--item'],
    ['by', '--by'],
    ['role', '--role'],
    ['date', '--date'],
    ['dryRun', '--dry-run'],
  ];
  if (flags.freeze !== undefined) {
    if (flags.sign !== undefined) throw new UsageError('--sign and --freeze cannot be used together');
    const signing = (
      [
        ['by', '--by'],
        ['role', '--role'],
        ['date', '--date'],
      ] as const
    )
      .filter(([key]) => flags[key] !== undefined)
      .map(([, name]) => name);
    if (signing.length > 0) throw new UsageError(`${signing.join(', ')} only with --sign: --freeze keeps copies of a sign-off already given`);
    if (!flags.item?.trim()) throw new UsageError('--freeze needs --item (which signed-off item, e.g. /classifications/0)');
    return;
  }
  if (flags.sign === undefined) {
    const given = signOnly.filter(([key]) => flags[key] !== undefined).map(([, name]) => name);
    if (given.length > 0) throw new UsageError(`${given.join(', ')} only with --sign <case>`);
    return;
  }
  if (!flags.item?.trim()) throw new UsageError('--sign needs --item (what to sign, e.g. classification:rc1_d2)');
  if (!flags.by?.trim()) throw new UsageError('--sign needs --by (the manager signing)');
  if (flags.role !== undefined && !/^[a-z][a-z0-9_]{0,63}$/.test(flags.role))
    throw new UsageError(
      `--role "${flags.role}" is not a role id (lowercase letters, digits and _, as the config's additional_signoffs names it, e.g. senior_manager)`,
    );
  if (flags.date !== undefined) parseAsOf(flags.date, '--date');
}

export async function runSignoffCommand(dir: string, flags: SignoffFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config']);
  dir = fromCwd(dir);
  if (flags.sign !== undefined && /[\\/]|\.md$/i.test(flags.sign)) flags = { ...flags, sign: fromCwd(flags.sign) };
  if (flags.freeze !== undefined && /[\\/]|\.md$/i.test(flags.freeze)) flags = { ...flags, freeze: fromCwd(flags.freeze) };
  checkFlags(flags);
  if (flags.freeze !== undefined) {
    const { existsSync, statSync } = await import('node:fs');
    const isFile = existsSync(flags.freeze) && statSync(flags.freeze).isFile();
    return signCase(flags.freeze, [isFile ? flags.freeze : dir], flags, 'freeze');
  }
  // a bad --as-of is refused whatever else is asked; the queue alone uses the date
  if (flags.asOf !== undefined) parseAsOf(flags.asOf);
  const { existsSync, statSync } = await import('node:fs');
  if (flags.sign !== undefined && existsSync(flags.sign) && statSync(flags.sign).isFile()) return signCase(flags.sign, [flags.sign], flags);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    writeErr(`reunify: ${dir}: no such folder\n`);
    return EXIT.usage;
  }
  if (flags.sign !== undefined) return signCase(flags.sign, [dir], flags);
  const { resolveAsOf } = await import('./asOf.js');
  const asOf = await resolveAsOf(flags.asOf, { paths: [dir], configPath: flags.config });

  const { openCaseload } = await import('../io/openCaseload.js');
  const { signoffQueue } = await import('../core/workflow/signoff.js');
  const { inTeam } = await import('../core/status/status.js');
  const { withCaseloadProgress } = await import('./progress.js');
  const caseload = await withCaseloadProgress(appEnv(), (onProgress) => openCaseload({ paths: [dir], configPath: flags.config, onProgress }));
  if (!flags.quiet) for (const s of caseload.skipped) writeErr(`reunify: ${s.filePath}: left out (${s.reason})\n`);
  const cases = caseload.cases.filter((c) => !flags.team || inTeam(c.data, flags.team));
  const files = new Map(cases.map((c) => [c.id, c.filePath]));
  const queue = signoffQueue(cases, asOf).map((q) => ({ ...q, filePath: files.get(q.caseId) ?? '' }));
  const { formatQueueText, queueJson } = await import('../report/format/signoff.js');
  if (flags.format === 'json') writeOut(JSON.stringify(queueJson(queue, asOf), null, 2) + '\n');
  else {
    const color = makeColor(undefined, flags.color);
    writeOutHuman(formatQueueText(safeStrings(queue), asOf, color, safeStrings(caseload.config.labels.levels), textWidth()), color);
  }
  return EXIT.ok;
}

/** Find the case (by id in the folder, or the file given), check the item, and write the sign-off. */
async function signCase(which: string, paths: string[], flags: SignoffFlags, mode: 'sign' | 'freeze' = 'sign'): Promise<number> {
  const { openCaseload } = await import('../io/openCaseload.js');
  const { findSignoffTarget, signoffRefusal, describeTarget, selfSignoffWarning, signedContent } = await import('../core/workflow/signoff.js');
  const caseload = await openCaseload({ paths, configPath: flags.config, keep: true });
  const isFile = paths[0] === which;
  const matching = isFile ? caseload.cases.slice(0, 1) : caseload.cases.filter((c) => c.id.toLowerCase() === which.toLowerCase());
  if (matching.length > 1) {
    writeErr(`reunify: ${matching.length} files hold case ${which} (${matching.map((c) => c.filePath).join(', ')}); name the file instead\n`);
    return EXIT.problems;
  }
  const found = matching[0];
  if (!found) {
    const skipped = caseload.skipped.find((s) => !s.folder && (isFile || s.filePath.toLowerCase().endsWith(`${which.toLowerCase()}.md`)));
    const folders = caseload.skipped.filter((s) => s.folder).map((s) => s.filePath);
    const unsearched = folders.length > 0 ? `; not searched, as ${folders.length === 1 ? 'it' : 'they'} could not be read: ${folders.join(', ')}` : '';
    if (skipped) writeErr(`reunify: ${skipped.filePath}: cannot be signed off until it reads cleanly (${skipped.reason}); run reunify check\n`);
    else writeErr(`reunify: no case "${which}" in ${paths[0]}${unsearched}\n`);
    return EXIT.problems;
  }
  if (mode === 'sign' && flags.role !== undefined) return signForRole(found, caseload.config, flags, flags.role);
  const result = findSignoffTarget(found.data, flags.item!);
  if ('error' in result) {
    writeErr(`reunify: ${found.id}: ${result.error}\n`);
    return EXIT.problems;
  }
  const given = result.target.signedOff;
  if (mode === 'freeze') {
    // copies of a sign-off already given: who signed and when stay as recorded
    const refusal = !given
      ? `${describeTarget(result.target)} is not signed off: a frozen copy is kept only of a signed-off record (sign it with --sign)`
      : given.frozen !== undefined
        ? `${describeTarget(result.target)} already has frozen copies (${given.frozen.map((c) => c.path).join(', ')}): they are never replaced`
        : undefined;
    if (refusal) {
      writeErr(`reunify: ${found.id}: nothing was written: ${refusal}\n`);
      return EXIT.problems;
    }
  }
  const by = mode === 'freeze' ? given!.by : flags.by!.trim();
  const date = mode === 'freeze' ? given!.date : (flags.date ?? today());
  const { bodySections } = await import('../core/parse/bodySections.js');
  const sections = bodySections(found.loaded.split?.body ?? '');
  const refusal = mode === 'sign' ? signoffRefusal(found.data, result.target, by, date, sections) : undefined;
  if (refusal) {
    writeErr(`reunify: ${found.id}: nothing was signed: ${refusal}\n`);
    return EXIT.problems;
  }
  // what is signed, read from the record as it stands; sharing dated before the sign-off is flagged
  const content = signedContent(found.data, result.target.path, { signDate: date });
  const selfSignoff = selfSignoffWarning(result.target, by);
  const { applyEdits, writeCaseFile, WriteConflictError } = await import('../io/writeCase.js');
  const { OutputRefusedError } = await import('../io/outputFile.js');
  const { caseloadRootOf, planFrozenCopies, writeFrozenCopies, removeFrozenCopies } = await import('../io/frozenCopies.js');
  const { renderSignedProducts } = await import('./freeze.js');
  // the written product as signed: rendered now, kept as it is, its hash in the sign-off entry
  const rendered = renderSignedProducts({
    filePath: found.filePath,
    data: found.data,
    sections,
    config: caseload.config,
    configPath: caseload.configPath,
    kind: result.target.kind,
    point: result.target.point,
    path: result.target.path,
    signedOff: { by, date },
  });
  const root = caseloadRootOf(found.filePath, caseload.configPath);
  const planned = planFrozenCopies(found.filePath, root, found.id, rendered.copies);
  // a copy made after the sign-off says when: it is the product as the file read then
  const made = mode === 'freeze' ? { made: today() } : {};
  const signedOff = { by, date, ...(planned.length > 0 ? { frozen: planned.map((c) => ({ path: c.path, sha256: c.sha256, ...made })) } : {}) };
  if (mode === 'freeze' && planned.length === 0) {
    writeErr(
      `reunify: ${found.id}: nothing was written: ${describeTarget(result.target)} has no written product to keep (${rendered.skipped.join('; ') || 'none'})\n`,
    );
    return EXIT.problems;
  }
  let written: { changed: boolean; diff?: string };
  let copiesWritten: string[] = [];
  try {
    // --freeze adds the copies to the sign-off given, leaving who and when exactly as written
    const edit =
      mode === 'freeze'
        ? { op: 'set' as const, path: [...result.target.path, 'signed_off', 'frozen'], value: signedOff.frozen }
        : { op: 'set' as const, path: [...result.target.path, 'signed_off'], value: signedOff };
    const text = applyEdits(found.loaded.bytes!.toString('utf8'), [edit]);
    if (!flags.dryRun && planned.length > 0) copiesWritten = writeFrozenCopies(root, planned);
    try {
      written = writeCaseFile(found.loaded, text, { dryRun: flags.dryRun });
    } catch (err) {
      // the sign-off was not recorded: the copies made for it go too
      removeFrozenCopies(copiesWritten);
      throw err;
    }
  } catch (err) {
    if (err instanceof WriteConflictError || err instanceof OutputRefusedError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
  const what = describeTarget(result.target);
  const { contentText, contentJson, sharedText } = await import('../report/format/signoff.js');
  const signs = safeStrings(contentText(result.target.kind, content, caseload.config.labels.levels));
  const shared = sharedText(safeStrings(content));
  // a warning, not a refusal: the manager may be the only one able to sign
  if (selfSignoff && mode === 'sign') writeErr(`reunify: ${found.id}: warning: ${safeStrings(selfSignoff)}\n`);
  const { relative } = await import('node:path');
  const shownCopies = planned.map((c) => relative(cwd(), c.target) || c.target);
  if (flags.format === 'json') {
    writeOut(
      JSON.stringify(
        {
          version: 1,
          case_id: found.id,
          file: found.filePath,
          item: result.target.pointer,
          kind: result.target.kind,
          point: result.target.point ?? null,
          signed: contentJson(content),
          self_signoff: selfSignoff !== undefined,
          signed_off: signedOff,
          written: !flags.dryRun && written.changed,
          frozen_copies: shownCopies,
          ...(flags.dryRun ? { diff: written.diff ?? '' } : {}),
        },
        null,
        2,
      ) + '\n',
    );
  } else if (flags.dryRun) {
    const diff = written.diff ?? '';
    writeOutHuman(diff === '' || diff.endsWith('\n') ? diff : diff + '\n');
    const would = shownCopies.length > 0 ? ` with frozen copies ${shownCopies.join(', ')}` : '';
    writeErr(`Dry run: ${what} in ${found.id} would be ${mode === 'freeze' ? 'kept' : `signed off by ${by} on ${date}`}${would}; nothing was written.\n`);
    if (mode === 'sign') writeErr(`  would sign: ${signs}\n${shared ? `  already shared before this sign-off: ${shared}\n` : ''}`);
  } else if (!flags.quiet) {
    const kept = shownCopies.map((p) => `  frozen copy: ${p}\n`).join('');
    const done =
      mode === 'freeze'
        ? `Kept frozen copies of ${what} in ${found.id} (${found.filePath}), signed off by ${by} on ${date}, made today from the file as it stands.`
        : `Signed off ${what} in ${found.id} (${found.filePath}) by ${by} on ${date}.`;
    const signed = mode === 'sign' ? `  signed: ${signs}\n${shared ? `  already shared before this sign-off: ${shared}\n` : ''}` : '';
    writeOutHuman(`${done}\n${signed}${kept}`);
  }
  if (!flags.quiet) for (const s of rendered.skipped) writeErr(`reunify: no frozen copy of ${s}\n`);
  return EXIT.ok;
}

/**
 * A further sign-off of a decision by a role the config names (a senior manager, a permanence
 * panel): appended to the decision's additional_signoffs, every other byte kept. The team
 * manager's sign-off and its frozen copies are untouched.
 */
async function signForRole(
  found: { id: string; filePath: string; data: import('../core/model/caseTypes.js').CaseData; loaded: import('../core/parse/caseFile.js').LoadedCase },
  config: import('../core/model/config.js').ReunifyConfig,
  flags: SignoffFlags,
  role: string,
): Promise<number> {
  const { findRoleSignoffTarget, requiredRoleSignoffs, roleLabel } = await import('../core/workflow/signoff.js');
  const { isAfter } = await import('../core/text/dates.js');
  const target = findRoleSignoffTarget(found.data, flags.item!, role);
  if ('error' in target) {
    writeErr(`reunify: ${found.id}: ${safeStrings(target.error)}\n`);
    return EXIT.problems;
  }
  const { decision, index } = target;
  const by = flags.by!.trim();
  const date = flags.date ?? today();
  const what = `the ${decision.point} decision of ${decision.date} (/decisions/${index})`;
  if (isAfter(decision.date, date)) {
    writeErr(`reunify: ${found.id}: nothing was signed: the sign-off date ${date} is before ${what} was made\n`);
    return EXIT.problems;
  }
  const rule = requiredRoleSignoffs(decision, config).find((r) => r.role === role);
  const label = rule ? roleLabel(rule) : role.replace(/_/g, ' ');
  const { applyEdits, writeCaseFile, WriteConflictError } = await import('../io/writeCase.js');
  const entry = { role, by, date };
  let written: { changed: boolean; diff?: string };
  try {
    const text = applyEdits(found.loaded.bytes!.toString('utf8'), [{ op: 'append', path: ['decisions', index, 'additional_signoffs'], value: entry }]);
    written = writeCaseFile(found.loaded, text, { dryRun: flags.dryRun });
  } catch (err) {
    if (err instanceof WriteConflictError) {
      writeErr(`reunify: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
  // a warning, not a refusal: the settings may not list every sign-off a council asks for
  const notAsked = rule
    ? undefined
    : `the config's additional_signoffs does not ask for a ${label} sign-off of ${decision.point} ${decision.outcome}; it is recorded as given`;
  if (notAsked) writeErr(`reunify: ${found.id}: warning: ${safeStrings(notAsked)}\n`);
  if (flags.format === 'json') {
    writeOut(
      JSON.stringify(
        {
          version: 1,
          case_id: found.id,
          file: found.filePath,
          item: `/decisions/${index}`,
          kind: 'decision',
          point: decision.point,
          outcome: decision.outcome,
          role,
          required: rule !== undefined,
          additional_signoff: entry,
          written: !flags.dryRun && written.changed,
          ...(flags.dryRun ? { diff: written.diff ?? '' } : {}),
        },
        null,
        2,
      ) + '\n',
    );
  } else if (flags.dryRun) {
    const diff = written.diff ?? '';
    writeOutHuman(diff === '' || diff.endsWith('\n') ? diff : diff + '\n');
    writeErr(
      `Dry run: ${safeStrings(what)} in ${found.id} would be signed off for ${safeStrings(label)} by ${safeStrings(by)} on ${date}; nothing was written.\n`,
    );
  } else if (!flags.quiet) {
    writeOutHuman(
      `Signed off ${what} in ${found.id} (${found.filePath}) for ${label} by ${by} on ${date}.\n  signed: outcome ${decision.outcome}${decision.signed_off ? `, signed off by the team manager ${decision.signed_off.by} on ${decision.signed_off.date}` : ', not yet signed off by the team manager'}\n`,
    );
  }
  return EXIT.ok;
}
