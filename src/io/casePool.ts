// Spreads per-file work over worker threads, one per core. Files go out in small
// batches so a slow batch never leaves a core idle; results come back in the order
// the files were given. Each worker module handles `{ start, files }` messages (see
// serveFiles) and is told its settings through workerData.
import { parentPort, Worker } from 'node:worker_threads';

const BATCH = 40;

/**
 * Each worker's heap is kept small: left alone, V8 lets a worker's old generation grow
 * with garbage long before it collects it (together about 150 MB over 10,000 cases), and
 * peak memory was mostly that. A file that needs more (a front matter near the size
 * limits) makes its worker run out; the batch is then read again by a worker with no
 * such limit, so nothing is lost.
 */
const WORKER_OLD_GENERATION_MB = 128;
const YOUNG_GENERATION_MB = 16;

/** From this many files up, a caseload is read by worker threads (one per core) unless told otherwise. */
export const PARALLEL_THRESHOLD = 300;

/** How many workers read `count` files: as asked, else one per core for a big caseload, else none. */
export function workersFor(count: number, asked: number | undefined, cores: number): number {
  return asked ?? (count >= PARALLEL_THRESHOLD ? cores : 1);
}

interface Batch {
  start: number;
  files: string[];
}

export interface WorkerMemory {
  /** Each worker's old generation, in MB (default WORKER_OLD_GENERATION_MB). */
  oldGenerationMb?: number;
  /** Told how many files were read again because their worker ran out of memory. */
  onReread?: (count: number) => void;
}

/** `onBatch` is told how many files each finished batch held. */
export function runInWorkers<T>(
  workerUrl: URL,
  files: readonly string[],
  settings: unknown,
  workers: number,
  onBatch?: (count: number) => void,
  memory: WorkerMemory = {},
): Promise<T[]> {
  const keptSmall = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: memory.oldGenerationMb ?? WORKER_OLD_GENERATION_MB };
  const unlimited = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const results: T[] = new Array(files.length);
  let next = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    const pool = new Set<Worker>();
    const sent = new Map<Worker, Batch>();
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const send = (w: Worker, batch: Batch) => {
      sent.set(w, batch);
      w.postMessage(batch);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) {
        sent.delete(w);
        if (--running === 0) finish();
        return;
      }
      const start = next;
      next = Math.min(files.length, next + BATCH);
      send(w, { start, files: files.slice(start, next) });
    };
    const start = (limits: typeof unlimited, batch?: Batch) => {
      const w = new Worker(workerUrl, { workerData: settings, resourceLimits: limits });
      pool.add(w);
      w.on('message', (msg: { start: number; results: T[] }) => {
        msg.results.forEach((r, k) => (results[msg.start + k] = r));
        onBatch?.(msg.results.length);
        feed(w);
      });
      w.on('error', (err: Error & { code?: string }) => {
        if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY' || limits === unlimited) return finish(err);
        pool.delete(w);
        const lost = sent.get(w);
        // out of memory after its last batch came back: it was already counted out
        if (!lost) return;
        sent.delete(w);
        // the batch it was reading goes to a worker without the limit, which then carries on
        memory.onReread?.(lost.files.length);
        start(unlimited, lost);
      });
      // a worker that stops without an error while it holds a batch must not leave the run waiting
      w.on('exit', (code) => {
        if (sent.has(w)) finish(new Error(`a worker thread stopped (exit code ${code}) while reading case files`));
      });
      if (batch) send(w, batch);
      else feed(w);
    };
    for (let i = 0; i < Math.min(workers, Math.ceil(files.length / BATCH)); i++) {
      running++;
      start(keptSmall);
    }
  });
}

/**
 * The worker side: answer each batch with `handle` applied to every file.
 *
 * A worker's environment is already its own copy of the parent's, taken when it started;
 * here it becomes a plain object, so reading a variable is a property read instead of a
 * call into the system's environment (the careful YAML parser reads one for every token:
 * about a fifth of its time on a broken front matter).
 */
export function serveFiles<T>(handle: (filePath: string) => T): void {
  process.env = { ...process.env };
  parentPort!.on('message', (msg: { start: number; files: string[] }) => {
    parentPort!.postMessage({ start: msg.start, results: msg.files.map(handle) });
  });
}
