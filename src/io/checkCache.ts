// `check --cache`: per-case results kept between runs, so a re-check costs only
// what changed. One JSON file under `<caseload>/.reunify-cache/` (or the folder
// given). With the `metadata` strategy an entry is reused when the file's size and
// modification time are unchanged, or, if they changed, when its content hash is;
// with `content`, only when the hash of its bytes is. The whole cache is dropped
// when the program, the config, the as-of date or the rule flags change.
// It holds ids, rule messages and positions, never narrative text.
//
// The cache file's first line carries an HMAC-SHA256 of the rest, keyed by a secret
// kept in the user's own cache folder (mode 0600), not beside the caseload, so somebody
// who can write the caseload's cache but not the user's home cannot forge a result: a
// file whose MAC does not match is not read at all (every file is checked again, and
// the cache rewritten). One MAC over the bytes as written, instead of one per entry over
// each entry serialised again, costs a hash of the file where it cost a serialisation of
// every result on every run. An entry that is malformed all the same is ignored and
// rewritten. The cache file is written through a random O_EXCL temp file that never
// follows a symlink, then renamed into place.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants as fsConstants, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeveritySetting } from '../core/model/problem.js';
import { PACKAGE_VERSION } from '../version.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { frozenUnchanged, type CaseOutcome } from './checkFile.js';
import { LIMITS } from '../core/parse/screen.js';
import { readRegularFile } from './readRegularFile.js';

export type CacheStrategy = 'metadata' | 'content';

const CACHE_FORMAT = 3;
/** The first line of a cache file: this, a space, and the MAC of everything after the line. */
const HEADER = 'reunify-check-cache';
const HEADER_LINE = new RegExp(`^${HEADER} ([A-Za-z0-9+/]{43}=)$`);
/** The length of the user's secret (cache-secret). */
const SECRET_BYTES = 32;
/** A cache file bigger than this is not read (it is rebuilt). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

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
  return createHash('sha256').update(bytes).digest('base64');
}

/** The hash of a case file's bytes, read as `check` reads them (undefined when it cannot be: then nothing is cached for it). */
function hashOfCase(abs: string): string | undefined {
  const read = readRegularFile(abs, LIMITS.maxFileBytes);
  return 'bytes' in read ? hashOf(read.bytes) : undefined;
}

const EXCL_NOFOLLOW = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0);

/** Write a new file (never an existing one, never through a symlink). */
function writeExclusive(path: string, data: string | Buffer, mode: number): void {
  const fd = openSync(path, EXCL_NOFOLLOW, mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
}

/**
 * The user's own secret for the cache's MACs: `$XDG_CACHE_HOME/reunify/cache-secret`
 * (else `~/.cache/reunify/`), made once with mode 0600. Undefined when it cannot be
 * read or made: then no entry is trusted.
 */
function userSecret(userCacheHome: string | undefined): Buffer | undefined {
  const base = userCacheHome || join(homedir(), '.cache');
  const file = join(base, 'reunify', 'cache-secret');
  for (let attempt = 0; attempt < 2; attempt++) {
    // read like every other file the tool did not just write (a FIFO there is refused, not waited on)
    const read = readRegularFile(file, SECRET_BYTES);
    if ('bytes' in read) return read.bytes.length === SECRET_BYTES ? read.bytes : undefined;
    if ('refused' in read) return undefined;
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeExclusive(file, randomBytes(SECRET_BYTES), 0o600);
    } catch {
      // made by another run meanwhile (read it next time round), or no home to write in
    }
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of a stored entry, without trusting any of it. */
function wellFormed(e: unknown): e is Entry {
  if (!isRecord(e)) return false;
  if (typeof e.size !== 'number' || typeof e.mtimeMs !== 'number' || typeof e.hash !== 'string') return false;
  const o = e.outcome;
  if (!isRecord(o) || !isRecord(o.result)) return false;
  const r = o.result;
  return (
    Array.isArray(r.problems) &&
    // the fields every output writes out as they are (src/report/format/json.ts)
    r.problems.every((p) => isRecord(p) && typeof p.ruleId === 'string' && typeof p.severity === 'string' && typeof p.message === 'string') &&
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number' &&
    (o.entry === undefined || isRecord(o.entry)) &&
    (o.frozen === undefined || (Array.isArray(o.frozen) && o.frozen.every((f) => isRecord(f) && typeof f.path === 'string' && typeof f.seen === 'string')))
  );
}

/** `run`: the folder the config applies to, and what every cached result depends on. */
/** `userCacheHome` is $XDG_CACHE_HOME as the command sees it (the secret lives there; else ~/.cache). */
export function openCheckCache(
  run: { root: string; config: ReunifyConfig; asOf: string },
  where: string | true,
  ruleSettings: Record<string, SeveritySetting> | undefined,
  strategy: CacheStrategy = 'metadata',
  userCacheHome: string | undefined = process.env.XDG_CACHE_HOME,
): CheckCache {
  const dir = where === true ? join(run.root, '.reunify-cache') : resolve(where);
  const file = join(dir, 'check.json');
  const key = hashOf(Buffer.from(JSON.stringify([programId(), run.config, run.asOf, ruleSettings ?? {}])));
  const secret = userSecret(userCacheHome);
  const macOf = (body: Buffer) => createHmac('sha256', secret!).update(body).digest();
  let entries: Record<string, unknown> = Object.create(null);
  try {
    // read like a case file (a FIFO or a device planted at check.json is refused, never waited
    // on or read without end), and never through a symbolic link
    const read = secret ? readRegularFile(file, MAX_CACHE_BYTES, { noFollow: true }) : undefined;
    if (read && 'bytes' in read) {
      const bytes = read.bytes;
      const eol = bytes.indexOf(0x0a);
      const header = HEADER_LINE.exec(bytes.subarray(0, Math.max(eol, 0)).toString('latin1'));
      const body = bytes.subarray(eol + 1);
      const got = header ? Buffer.from(header[1]!, 'base64') : undefined;
      const want = macOf(body);
      // a file anyone but this user could have written is not read
      if (got && got.length === want.length && timingSafeEqual(got, want)) {
        const saved: unknown = JSON.parse(body.toString('utf8'));
        if (isRecord(saved) && saved.format === CACHE_FORMAT && saved.key === key && isRecord(saved.entries)) {
          entries = Object.assign(Object.create(null), saved.entries);
        }
      }
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
      const stored = Object.hasOwn(entries, abs) ? entries[abs] : undefined;
      // a malformed entry counts as none: the file is checked and the entry rewritten
      const entry = wellFormed(stored) ? stored : undefined;
      // a frozen copy the rules compared may have changed while the case file did not
      const copiesAsBefore = () => entry !== undefined && frozenUnchanged(abs, entry.outcome);
      if (entry && strategy === 'metadata' && entry.size === st.size && entry.mtimeMs === st.mtimeMs && copiesAsBefore()) {
        fresh[abs] = entry;
        return withPath(entry.outcome, filePath);
      }
      let hash: string | undefined;
      if (entry && entry.size === st.size) {
        // same size, other time (metadata), or always (content): the bytes decide
        hash = hashOfCase(abs);
        if (hash === undefined) return undefined;
        if (hash === entry.hash && copiesAsBefore()) {
          fresh[abs] = { size: entry.size, mtimeMs: st.mtimeMs, hash, outcome: entry.outcome };
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
      const hash = seen.hash ?? hashOfCase(abs);
      if (hash === undefined) return;
      try {
        // A file that changed while it was being checked is not cached.
        const st = statSync(abs);
        if (st.size !== seen.size || st.mtimeMs !== seen.mtimeMs) return;
      } catch {
        return;
      }
      if (!secret) return;
      fresh[abs] = { size: seen.size, mtimeMs: seen.mtimeMs, hash, outcome };
    },
    save() {
      // without the user's secret nothing written could be trusted next time
      if (!secret) return;
      const data: CacheFile = { format: CACHE_FORMAT, key, entries: fresh };
      const body = Buffer.from(JSON.stringify(data));
      const tmp = join(dir, `.check.json.${randomBytes(12).toString('hex')}.tmp`);
      try {
        mkdirSync(dir, { recursive: true });
        writeExclusive(tmp, Buffer.concat([Buffer.from(`${HEADER} ${macOf(body).toString('base64')}\n`), body]), 0o600);
        renameSync(tmp, file); // replaces a symlink at check.json rather than writing through it
      } catch {
        // A cache that cannot be written only costs time next run.
        try {
          unlinkSync(tmp);
        } catch {
          // never made
        }
      }
    },
  };
}

function withPath(outcome: CaseOutcome, filePath: string): CaseOutcome {
  return { ...outcome, result: { ...outcome.result, filePath } };
}
