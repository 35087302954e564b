// A worker for test/io/casePool.test.ts: answers each batch as a case worker does (one
// result per file), and misbehaves when a batch holds one of these names.
import { setTimeout } from 'node:timers';
import { parentPort } from 'node:worker_threads';
import { serveFiles } from '../../../dist/io/casePool.js';

parentPort.on('message', (msg) => {
  // answer the batch, then fill the heap until the worker runs out of memory
  if (msg.files.includes('out-of-memory-after')) {
    setTimeout(() => {
      const hoard = [];
      for (;;) hoard.push(new Array(100_000).fill({ n: Math.random() }));
    }, 0);
  }
  // stop without an error while holding the batch
  if (msg.files.includes('exit-mid-batch')) process.exit(3);
  // hold this batch a while, so the run is still going when the other worker runs out
  if (msg.files.includes('slow')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
});
serveFiles((file) => `read ${file}`);
