// `reunify check [paths…]`: every case's YAML, schema and practice-rule problems.
import { appEnv } from './env.js';
import {
  EXIT,
  cwd,
  UsageError,
  parseAsOf,
  makeColor,
  noCaseFiles,
  writeErr,
  writeOut,
  writeOutChunks,
  type CommonOptions,
  flagPathsFromCwd,
  writeOutHuman,
} from './shared.js';
import type { SeveritySetting } from '../core/model/problem.js';
import { counted } from '../core/text/plural.js';

export interface CheckFlags extends CommonOptions {
  format: 'stylish' | 'json' | 'sarif' | 'junit' | 'github' | 'gitlab';
  asOf?: string;
  rule: string[];
  maxWarnings?: string;
  listRules?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'metadata' | 'content';
  workers?: string;
  watch?: boolean;
  allowEmpty?: boolean;
  docsUrl?: string;
  /** false with --no-warn-ignored: files named but left out are not mentioned. */
  warnIgnored?: boolean;
}

function parseRuleFlags(values: readonly string[], known: Set<string>): Record<string, SeveritySetting> {
  const settings: Record<string, SeveritySetting> = {};
  for (const v of values) {
    const m = /^([^=]+)=(off|warn|error)$/.exec(v);
    if (!m) throw new UsageError(`--rule takes id=off|warn|error, got "${v}"`);
    const id = m[1]!; // both groups of the pattern are not optional
    if (!known.has(id)) throw new UsageError(`--rule: unknown rule "${id}" (see reunify check --list-rules)`);
    settings[id] = m[2] as SeveritySetting;
  }
  return settings;
}

export async function runCheckCommand(paths: string[], flags: CheckFlags): Promise<number> {
  flags = flagPathsFromCwd(flags, ['config', 'cacheLocation']);
  const { RULES } = await import('../core/rules/index.js');
  const { BUILT_IN_CHECKS, knownRuleIds } = await import('../core/rules/check.js');
  if (flags.listRules) {
    const rows = [
      ...BUILT_IN_CHECKS.map((c): [string, string, string] => [c.id, 'error', c.description]),
      ...RULES.map((r): [string, string, string] => [r.id, r.defaultSeverity, r.description]),
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    writeOutHuman(rows.map(([id, sev, d]) => `${id.padEnd(w)}  ${sev.padEnd(7)}  ${d}`).join('\n') + '\n');
    return EXIT.ok;
  }
  // without --as-of, each config's as_of (checkCaseload), else today
  const asOf = flags.asOf === undefined ? undefined : parseAsOf(flags.asOf);
  const known = knownRuleIds();
  const ruleSettings = parseRuleFlags(flags.rule, known);
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, got "${flags.maxWarnings}"`);
  }
  let workers: number | undefined;
  if (flags.workers !== undefined) {
    workers = Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers takes a whole number of 1 or more, got "${flags.workers}"`);
  }
  const { checkCaseload } = await import('./checkCaseload.js');
  const cache = flags.cacheLocation ?? (flags.cache || flags.watch || flags.cacheStrategy ? true : undefined);
  const cacheStrategy = flags.cacheStrategy;
  if (flags.watch) return watchCommand(paths, flags, { asOf, ruleSettings, known, workers, cache, cacheStrategy });
  const { startProgress } = await import('./progress.js');
  const progress = startProgress(appEnv().stderr, {
    enabled: !flags.quiet && appEnv().vars.TERM !== 'dumb',
    describe: (done, total) => `checked ${done} of ${counted(total, 'case file')}`,
  });
  const { result, missing, skipped, casesGlob, configPath } = await checkCaseload({
    paths,
    cwd: cwd(),
    configPath: flags.config,
    asOf,
    ruleSettings,
    known,
    workers,
    cache,
    cacheStrategy,
    onProgress: (done, total) => progress.update(done, total),
  }).finally(() => progress.end());
  for (const m of missing) writeErr(`reunify: ${m}: no such file or folder\n`);
  if (flags.warnIgnored !== false) {
    for (const s of skipped) {
      writeErr(
        s.why === 'frozen-copy'
          ? `reunify: note: ${s.file} is a frozen copy of a signed-off record, not a case file: rule case/frozen-copy checks it when its case is checked (use --no-warn-ignored to hide this)\n`
          : `reunify: warning: ${s.file} is ignored by ${s.configPath ?? 'the default ignore patterns'} (use --no-warn-ignored to hide this)\n`,
      );
    }
  }
  if (missing.length > 0 && result.results.length === 0) return EXIT.usage;
  if (result.results.length === 0 && !flags.allowEmpty) {
    // a mistyped path or an unmounted share must not pass as a clean caseload
    writeErr(noCaseFiles(paths.length > 0 ? paths : ['.'], casesGlob, configPath));
    return EXIT.usage;
  }
  const shown = flags.quiet
    ? { ...result, results: result.results.map((f) => ({ ...f, problems: f.problems.filter((p) => p.severity === 'error'), warningCount: 0 })) }
    : result;
  if (flags.quiet) shown.summary = { ...shown.summary, warnings: 0 };
  switch (flags.format) {
    case 'json': {
      const { jsonChunks } = await import('../report/format/json.js');
      writeOutChunks(jsonChunks(shown));
      break;
    }
    case 'sarif': {
      const { formatSarif } = await import('../report/format/sarif.js');
      const { PACKAGE_VERSION } = await import('./shared.js');
      writeOut(formatSarif(shown, [...BUILT_IN_CHECKS, ...RULES], PACKAGE_VERSION, { ...(await pathBase()), docsBase: await docsBase(flags.docsUrl) }));
      break;
    }
    case 'github': {
      const { formatGithub } = await import('../report/format/github.js');
      writeOut(formatGithub(shown, await pathBase()));
      break;
    }
    case 'gitlab': {
      const { formatGitlab } = await import('../report/format/gitlab.js');
      writeOut(formatGitlab(shown, await pathBase()));
      break;
    }
    case 'junit': {
      const { formatJunit } = await import('../report/format/junit.js');
      writeOut(formatJunit(shown));
      break;
    }
    default: {
      const { formatStylish } = await import('../report/format/stylish.js');
      const color = makeColor(undefined, flags.color);
      const text = formatStylish(shown, color);
      if (!(flags.quiet && shown.summary.errors === 0)) writeOutHuman(text, color);
    }
  }
  if (result.summary.errors > 0) return EXIT.problems;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    writeErr(
      `reunify: ${counted(result.summary.warnings, 'warning')} ${result.summary.warnings === 1 ? 'is' : 'are'} more than --max-warnings ${maxWarnings}\n`,
    );
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Where machine-readable output names files from: the git repository root, else the working folder. */
async function pathBase(): Promise<{ cwd: string; root: string }> {
  const { resolve } = await import('node:path');
  const { sourceRoot } = await import('../io/sourceRoot.js');
  const dir = resolve(cwd());
  return { cwd: dir, root: sourceRoot(dir) };
}

/** Where SARIF's rule links point: `--docs-url`, else the rule pages in the installed package. */
async function docsBase(url: string | undefined): Promise<string> {
  if (url !== undefined) {
    if (!URL.canParse(url)) throw new UsageError(`--docs-url takes a URL, e.g. https://example.org/reunify/docs/rules/, got "${url}"`);
    return url.endsWith('/') ? url : `${url}/`;
  }
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { PACKAGE_ROOT } = await import('../io/loadConfig.js');
  return `${pathToFileURL(join(PACKAGE_ROOT, 'docs', 'rules')).href}/`;
}

/** Runs until interrupted: the first result in full, then only what changed. */
async function watchCommand(paths: string[], flags: CheckFlags, options: Omit<import('./checkCaseload.js').CheckCaseloadOptions, 'paths'>): Promise<number> {
  if (flags.format !== 'stylish') throw new UsageError('--watch prints stylish output only');
  const { watchCheck } = await import('./watchCheck.js');
  const { formatStylish } = await import('../report/format/stylish.js');
  const color = makeColor(undefined, flags.color);
  await watchCheck({
    ...options,
    paths,
    cwd: cwd(),
    configPath: flags.config,
    report({ first, changed, removed, result }) {
      const shown = { ...result, results: changed.map((f) => (flags.quiet ? { ...f, problems: f.problems.filter((p) => p.severity === 'error') } : f)) };
      if (!first) {
        const clean = changed.filter((f) => f.problems.length === 0).map((f) => `${f.filePath}: no problems now`);
        writeOutHuman(`\n[${appEnv().now().toLocaleTimeString('en-GB')}] re-checked\n` + [...clean, ...removed.map((f) => `${f}: removed`), ''].join('\n'));
      }
      writeOutHuman(formatStylish(shown, color), color);
    },
  });
  return new Promise<number>(() => {
    // Runs until Ctrl-C (exit 130, handled in index.ts).
  });
}
