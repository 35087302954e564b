// A worker thread of the check pool: builds the check environment once (schemas
// compiled once per worker), then checks each batch of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { caseCheckEnv, type CheckOptions } from '../core/check.js';
import { checkOneFile } from './runCheck.js';

const env = caseCheckEnv(workerData as CheckOptions);

parentPort!.on('message', (msg: { start: number; files: string[] }) => {
  parentPort!.postMessage({ start: msg.start, outcomes: msg.files.map((f) => checkOneFile(f, env)) });
});
