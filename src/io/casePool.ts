// Spreads per-file work over worker threads, one per core. Files go out in small
// batches so a slow batch never leaves a core idle; results come back in the order
// the files were given. Each worker module handles `{ start, files }` messages (see
// serveFiles) and is told its settings through workerData.
import { parentPort, Worker } from 'node:worker_threads';

const BATCH = 40;

/** From this many files up, a caseload is read by worker threads (one per core) unless told otherwise. */
export const PARALLEL_THRESHOLD = 300;

/** How many workers read `count` files: as asked, else one per core for a big caseload, else none. */
export function workersFor(count: number, asked: number | undefined, cores: number): number {
  return asked ?? (count >= PARALLEL_THRESHOLD ? cores : 1);
}

/** `onBatch` is told how many files each finished batch held. */
export function runInWorkers<T>(workerUrl: URL, files: readonly string[], settings: unknown, workers: number, onBatch?: (count: number) => void): Promise<T[]> {
  const results: T[] = new Array(files.length);
  let next = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) {
        if (--running === 0) finish();
        return;
      }
      const start = next;
      next = Math.min(files.length, next + BATCH);
      w.postMessage({ start, files: files.slice(start, next) });
    };
    for (let i = 0; i < Math.min(workers, Math.ceil(files.length / BATCH)); i++) {
      const w = new Worker(workerUrl, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      pool.push(w);
      running++;
      w.on('message', (msg: { start: number; results: T[] }) => {
        msg.results.forEach((r, k) => (results[msg.start + k] = r));
        onBatch?.(msg.results.length);
        feed(w);
      });
      w.on('error', finish);
      feed(w);
    }
  });
}

/** The worker side: answer each batch with `handle` applied to every file. */
export function serveFiles<T>(handle: (filePath: string) => T): void {
  parentPort!.on('message', (msg: { start: number; files: string[] }) => {
    parentPort!.postMessage({ start: msg.start, results: msg.files.map(handle) });
  });
}
