// One case file as `check` sees it: read (the fast parser wherever the screens allow it,
// else the careful one) and judged by every rule that needs no other case.
// The check's worker threads run this; so does the check in this thread.
import { caseProblems, fileResult, type CaseCheckEnv, type CaseloadEntry, type CheckableCase } from '../core/rules/check.js';
import type { FileResult } from '../core/model/problem.js';
import { frozenCopyHash } from './frozenCopies.js';
import { bodySections } from '../core/parse/bodySections.js';
import type { LoadedCase } from '../core/parse/caseFile.js';
import { loadCase } from './loadCase.js';

/** The per-case outcome: what a worker sends back and the cache keeps. No narrative text. */
export interface CaseOutcome {
  result: FileResult;
  entry?: CaseloadEntry;
  /** The frozen copies the rules compared, and what each was then (a SHA-256, or missing): a cached outcome holds only while they are unchanged. */
  frozen?: { path: string; seen: string }[];
}

/** With `frozenCopies: false` (a text held in memory), the frozen copies a case names are not compared. */
export function toCheckable(loaded: LoadedCase, options: { frozenCopies?: boolean } = {}): CheckableCase {
  const split = loaded.split;
  let sections: ReturnType<typeof bodySections> | undefined;
  return {
    filePath: loaded.filePath,
    stem: loaded.stem,
    data: loaded.data,
    problems: loaded.problems,
    locate: (pointer) => loaded.locate(pointer),
    // several rules read the sections: cut the body up once
    sections: () => (sections ??= split ? bodySections(split.body) : []),
    ...(options.frozenCopies === false ? {} : { frozenCopy: (path: string) => frozenCopyHash(loaded.filePath, path) }),
  };
}

/** Load one file and say everything about it that needs no other case. */
export function checkOneFile(filePath: string, env: CaseCheckEnv): CaseOutcome {
  const c = toCheckable(loadCase(filePath, { fast: true }));
  const frozen: { path: string; seen: string }[] = [];
  const read = c.frozenCopy;
  if (read) {
    c.frozenCopy = (path) => {
      const found = read(path);
      frozen.push({ path, seen: frozenSeen(found) });
      return found;
    };
  }
  const { problems, entry } = caseProblems(c, env);
  return { result: fileResult(c, problems, env.settings), entry, ...(frozen.length > 0 ? { frozen } : {}) };
}

/** A frozen copy's state as a cached outcome keeps it. */
export function frozenSeen(found: { sha256: string } | { missing: string }): string {
  return 'sha256' in found ? found.sha256 : 'missing';
}

/** Are the frozen copies a cached outcome compared still as they were? */
export function frozenUnchanged(filePath: string, outcome: CaseOutcome): boolean {
  return (outcome.frozen ?? []).every((f) => frozenSeen(frozenCopyHash(filePath, f.path)) === f.seen);
}
