// A worker thread for the caseload-wide views: reads and validates each file it is
// sent and returns the record (or why it is left out); for the status view, only the
// case's share of the view.
import { workerData } from 'node:worker_threads';
import { domainIdsOf } from '../core/model/config.js';
import { caseValidator } from '../core/model/validate.js';
import { serveFiles } from './casePool.js';
import { openCaseloadFile, statusOfCaseloadFile, type CaseloadFile, type CaseloadWorkerSettings, type StatusFile } from './openCaseload.js';

const { config, status } = workerData as CaseloadWorkerSettings;
const validator = caseValidator(domainIdsOf(config));
serveFiles<StatusFile | CaseloadFile>(status ? (f) => statusOfCaseloadFile(f, config, validator, status) : (f) => openCaseloadFile(f, config, validator));
