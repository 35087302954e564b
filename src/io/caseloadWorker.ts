// A worker thread for the caseload-wide views: reads and validates each file it is
// sent and returns the record (or why it is left out).
import { workerData } from 'node:worker_threads';
import { domainIdsOf, type ReunifyConfig } from '../core/model/config.js';
import { caseValidator } from '../core/model/validate.js';
import { serveFiles } from './casePool.js';
import { openCaseloadFile } from './openCaseload.js';

const { config } = workerData as { config: ReunifyConfig };
const validator = caseValidator(domainIdsOf(config));
serveFiles((f) => openCaseloadFile(f, config, validator));
