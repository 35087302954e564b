// A worker thread for the caseload-wide views: reads and validates each file it is
// sent and returns the record (or why it is left out); for the status view, only the
// case's share of the view.
import { workerData } from 'node:worker_threads';
import { serveFiles } from './casePool.js';
import { caseloadReader, type CaseloadWorkerSettings } from './openCaseload.js';

const { config, status } = workerData as CaseloadWorkerSettings;
serveFiles(caseloadReader(config, status));
