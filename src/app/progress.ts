// A one-line progress note on stderr for long runs at a terminal ("checked 4200 of
// 10000 case files"): shown only after about a second, redrawn in place with `\r`,
// and wiped when the run ends, so short runs and piped output never see it.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** What the line says, e.g. (done, total) => `checked ${done} of ${total} case files`. */
  describe: (done: number, total: number) => string;
  /** False for --quiet (or anything else that wants silence); a non-TTY stream is always silent. */
  enabled?: boolean;
  /** Nothing is shown before this many milliseconds (default 1000). */
  delayMs?: number;
  /** Redraw at most this often (default 100 ms), so a fast loop does not flood the terminal. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Clear the line if anything was shown. */
  end(): void;
}

const CLEAR_LINE = '\r\x1b[K';

export function startProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  const silent = { update() {}, end() {} };
  if (options.enabled === false || !stream.isTTY) return silent;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 100;
  const started = now();
  let shownAt: number | undefined;
  return {
    update(done, total) {
      const t = now();
      if (t - started < delay) return;
      if (shownAt !== undefined && t - shownAt < interval && done < total) return;
      stream.write(CLEAR_LINE + options.describe(done, total));
      shownAt = t;
    },
    end() {
      if (shownAt !== undefined) stream.write(CLEAR_LINE);
      shownAt = undefined;
    },
  };
}

/**
 * The progress line of a command that reads a whole caseload ("read 4200 of 10000 case
 * files"): on stderr, at a terminal that is not TERM=dumb, never with --quiet; timed by the
 * command's own clock.
 */
export function caseloadProgress(env: { stderr: ProgressStream; vars: Readonly<Record<string, string | undefined>>; now(): Date }, quiet = false): Progress {
  return startProgress(env.stderr, {
    enabled: !quiet && env.vars.TERM !== 'dumb',
    describe: (done, total) => `read ${done} of ${total} case file${total === 1 ? '' : 's'}`,
    now: () => env.now().getTime(),
  });
}

/** Open a caseload with its progress line (see caseloadProgress), wiped when the reading ends or fails. */
export async function withCaseloadProgress<T>(
  env: Parameters<typeof caseloadProgress>[0],
  open: (onProgress: Progress['update']) => Promise<T>,
  quiet = false,
): Promise<T> {
  const progress = caseloadProgress(env, quiet);
  try {
    return await open(progress.update);
  } finally {
    progress.end();
  }
}
