// The words the command line offers as choices, for src/cli to build its options from.
export { CASE_ID_PATTERN, DECISION_POINTS, LEGAL_STATUSES, LEVELS, OUTCOME_STATUSES, PLACEMENTS, PROCEEDINGS, TASK_STATUSES } from '../core/model/ids.js';
export { INPUT_OPTIONS_HELP, collect } from './workflowShared.js';
