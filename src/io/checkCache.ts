// `check --cache`: per-case results kept between runs, so a re-check costs only
// what changed. One JSON file under `<caseload>/.reunify-cache/` (or the folder
// given). An entry is reused when the file's size and modification time are
// unchanged, or, if they changed, when its content hash is; the whole cache is
// dropped when the program, the config, the as-of date or the rule flags change.
// It holds ids, rule messages and positions, never narrative text.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeveritySetting } from '../core/problem.js';
import { PACKAGE_VERSION } from '../version.js';
import type { CaseOutcome, PreparedRun } from './runCheck.js';

const CACHE_FORMAT = 1;

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  outcome: CaseOutcome;
}

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, Entry>;
}

export interface CheckCache {
  lookup(filePath: string): CaseOutcome | undefined;
  store(filePath: string, outcome: CaseOutcome): void;
  save(): void;
}

/** The program's own identity: its version and when its compiled rules were built. */
function programId(): string {
  const here = fileURLToPath(import.meta.url);
  const stamps = [here, join(dirname(here), '..', 'core', 'rules', 'index.js'), join(dirname(here), '..', 'core', 'schemas.js')].map((p) => {
    try {
      return statSync(p).mtimeMs;
    } catch {
      return 0;
    }
  });
  return `${PACKAGE_VERSION}:${stamps.join(':')}`;
}

function hashOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}

export function openCheckCache(run: PreparedRun, where: string | true, ruleSettings: Record<string, SeveritySetting> | undefined): CheckCache {
  const dir = where === true ? join(run.root, '.reunify-cache') : resolve(where);
  const file = join(dir, 'check.json');
  const key = hashOf(Buffer.from(JSON.stringify([programId(), run.config, run.asOf, ruleSettings ?? {}])));
  let entries: Record<string, Entry> = Object.create(null);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (saved.format === CACHE_FORMAT && saved.key === key && saved.entries && typeof saved.entries === 'object') {
      entries = Object.assign(Object.create(null), saved.entries);
    }
  } catch {
    // no cache yet, or an unreadable one: start afresh
  }
  const fresh: Record<string, Entry> = Object.create(null);
  const pending = new Map<string, { size: number; mtimeMs: number; hash?: string }>();
  return {
    lookup(filePath) {
      const abs = resolve(filePath);
      let st;
      try {
        st = statSync(abs);
      } catch {
        return undefined;
      }
      const entry = entries[abs];
      if (entry && entry.size === st.size && entry.mtimeMs === st.mtimeMs) {
        fresh[abs] = entry;
        return withPath(entry.outcome, filePath);
      }
      let hash: string | undefined;
      if (entry && entry.size === st.size) {
        try {
          hash = hashOf(readFileSync(abs));
        } catch {
          return undefined;
        }
        if (hash === entry.hash) {
          fresh[abs] = { ...entry, mtimeMs: st.mtimeMs };
          return withPath(entry.outcome, filePath);
        }
      }
      pending.set(abs, { size: st.size, mtimeMs: st.mtimeMs, hash });
      return undefined;
    },
    store(filePath, outcome) {
      const abs = resolve(filePath);
      const seen = pending.get(abs);
      if (!seen) return;
      let hash = seen.hash;
      try {
        hash ??= hashOf(readFileSync(abs));
        // A file that changed while it was being checked is not cached.
        const st = statSync(abs);
        if (st.size !== seen.size || st.mtimeMs !== seen.mtimeMs) return;
      } catch {
        return;
      }
      fresh[abs] = { size: seen.size, mtimeMs: seen.mtimeMs, hash, outcome };
    },
    save() {
      const data: CacheFile = { format: CACHE_FORMAT, key, entries: fresh };
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(data));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written only costs time next run.
      }
    },
  };
}

function withPath(outcome: CaseOutcome, filePath: string): CaseOutcome {
  return { ...outcome, result: { ...outcome.result, filePath } };
}
