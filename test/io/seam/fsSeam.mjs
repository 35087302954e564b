// Preloaded into a child writer (`node --import`): makes renames of case files slow
// and/or busy, as on a shared drive or under a virus scanner. Patches node:fs and
// syncs the ESM named exports, so the writer's `import { renameSync }` sees it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const delayMs = Number(process.env.SEAM_RENAME_DELAY_MS ?? 0);
let busy = Number(process.env.SEAM_EBUSY ?? 0);
const realRename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).endsWith('.md')) {
    if (delayMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delayMs);
    if (busy > 0) {
      busy--;
      throw Object.assign(new Error(`EBUSY: resource busy or locked, rename (injected)`), { code: 'EBUSY' });
    }
  }
  return realRename(from, to);
};
syncBuiltinESMExports();
