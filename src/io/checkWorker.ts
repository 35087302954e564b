// A worker thread of `check`: builds the check environment once (schemas compiled
// once per worker), then checks each batch of files it is sent.
import { workerData } from 'node:worker_threads';
import { caseCheckEnv, type CheckOptions } from '../core/rules/check.js';
import { serveFiles } from './casePool.js';
import { checkOneFile } from './checkFile.js';

const env = caseCheckEnv(workerData as CheckOptions);
serveFiles((f) => checkOneFile(f, env));
