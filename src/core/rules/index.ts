// Every practice rule, in the order `check --list-rules` shows them.
import { duplicateId } from './caseload/duplicate-id.js';
import { idMatchesFile } from './case/id-matches-file.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [idMatchesFile, duplicateId];
