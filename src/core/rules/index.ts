// Every practice rule, in the order `check --list-rules` shows them.
import { duplicateId } from './caseload/duplicate-id.js';
import { idMatchesFile } from './case/id-matches-file.js';
import { siblingsConsistent } from './caseload/siblings-consistent.js';
import { datesInOrder } from './tasks/dates-in-order.js';
import { datesNotFuture } from './tasks/dates-not-future.js';
import { recordExists } from './tasks/record-exists.js';
import { stageComplete } from './tasks/stage-complete.js';
import { assessmentRecommendation } from './stage1/assessment-recommendation.js';
import { caseHistorySection } from './stage1/case-history-section.js';
import { genogramPeople } from './stage1/genogram-people.js';
import { safeAdultNamed } from './stage1/safe-adult-named.js';
import { decisionMatchesLevel } from './stage2/decision-matches-level.js';
import { decisionShared } from './stage2/decision-shared.js';
import { overrideReasoned } from './stage2/override-reasoned.js';
import { signedOff } from './stage2/signed-off.js';
import { supportIfNoReturn } from './stage2/support-if-no-return.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  idMatchesFile,
  duplicateId,
  // Tasks and records, across stages
  stageComplete,
  recordExists,
  datesNotFuture,
  datesInOrder,
  // Stage 1: assessment
  safeAdultNamed,
  assessmentRecommendation,
  caseHistorySection,
  genogramPeople,
  // Stage 2: classification and decision
  signedOff,
  overrideReasoned,
  decisionMatchesLevel,
  decisionShared,
  supportIfNoReturn,
  // Caseload
  siblingsConsistent,
];
