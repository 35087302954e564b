// A child process that sets one field of a case and says what happened:
//   node caseWriter.mjs update FILE KEY VALUE           lock, read, edit, write (updateCaseFile)
//   node caseWriter.mjs stale FILE KEY VALUE START_MS   read now, write at START_MS (writeCaseFile)
// Prints `saved`, `unchanged` or `refused: <message>`.
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../../dist/io');
const { loadCase } = await import(`${dist}/loadCase.js`);
const { applyEdits, updateCaseFile, writeCaseFile, WriteConflictError } = await import(`${dist}/writeCase.js`);

const [mode, file, key, value, startMs] = process.argv.slice(2);
const edit = (loaded) => applyEdits(loaded.split.text, [{ op: 'set', path: [key], value }]);
try {
  let result;
  if (mode === 'update') {
    result = updateCaseFile(file, edit);
  } else {
    const loaded = loadCase(file);
    const wait = Number(startMs) - Date.now();
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    result = writeCaseFile(loaded, edit(loaded));
  }
  process.stdout.write(result.changed ? 'saved\n' : 'unchanged\n');
} catch (err) {
  if (!(err instanceof WriteConflictError)) throw err;
  process.stdout.write(`refused: ${err.message}\n`);
}
