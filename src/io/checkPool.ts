// Spreads the per-case phase of `check` over worker threads, one per core. Files go
// out in small batches so a slow batch never leaves a core idle; results come back
// in the order the files were given.
import { Worker } from 'node:worker_threads';
import type { CheckOptions } from '../core/check.js';
import type { CaseOutcome } from './runCheck.js';

const BATCH = 40;

/** `onBatch` hears how many more files are done each time a batch comes back. */
export function checkInWorkers(files: readonly string[], options: CheckOptions, workers: number, onBatch?: (count: number) => void): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = new Array(files.length);
  let next = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (err?: unknown) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(outcomes);
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
      const w = new Worker(new URL('./checkWorker.js', import.meta.url), { workerData: options });
      pool.push(w);
      running++;
      w.on('message', (msg: { start: number; outcomes: CaseOutcome[] }) => {
        msg.outcomes.forEach((o, k) => (outcomes[msg.start + k] = o));
        onBatch?.(msg.outcomes.length);
        feed(w);
      });
      w.on('error', finish);
      feed(w);
    }
  });
}
