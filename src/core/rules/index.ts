// Every practice rule, in the order `check --list-rules` shows them.
import { duplicateId } from './caseload/duplicate-id.js';
import { idMatchesFile } from './case/id-matches-file.js';
import { cohortsDerived } from './case/cohorts-derived.js';
import { additionalSignoffs } from './case/additional-signoffs.js';
import { protectedPersonNamed } from './case/protected-person-named.js';
import { frozenCopy } from './case/frozen-copy.js';
import { siblingsConsistent } from './caseload/siblings-consistent.js';
import { datesInOrder } from './tasks/dates-in-order.js';
import { datesNotFuture } from './tasks/dates-not-future.js';
import { recordExists } from './tasks/record-exists.js';
import { assessmentRecommendation } from './stage1/assessment-recommendation.js';
import { caseHistorySection } from './stage1/case-history-section.js';
import { assessmentEssentials } from './stage1/assessment-essentials.js';
import { genogramPeople } from './stage1/genogram-people.js';
import { safeAdultNamed } from './stage1/safe-adult-named.js';
import { decisionMatchesLevel } from './stage2/decision-matches-level.js';
import { decisionShared } from './stage2/decision-shared.js';
import { overrideReasoned } from './stage2/override-reasoned.js';
import { signedOff } from './stage2/signed-off.js';
import { supportIfNoReturn } from './stage2/support-if-no-return.js';
import { suggestionRecomputes } from './stage2/suggestion-recomputes.js';
import { childViews } from './stage3/child-views.js';
import { goalsSmart } from './stage3/goals-smart.js';
import { goalRagStale } from './stage3/goal-rag-stale.js';
import { backupPlan } from './stage3/backup-plan.js';
import { teamAroundChild } from './stage3/team-around-child.js';
import { agreementReviews } from './stage3/agreement-reviews.js';
import { reclassificationAfterAgreement } from './stage4/reclassification-after-agreement.js';
import { returnNeedsProceed } from './stage4/return-needs-proceed.js';
import { placementWithParentsApproved } from './stage4/placement-with-parents-approved.js';
import { transitionAgreed } from './stage4/transition-agreed.js';
import { transitionPlanComplete } from './stage4/transition-plan-complete.js';
import { redGoalsReasoned } from './stage4/red-goals-reasoned.js';
import { contactBeforeReturn } from './stage5/contact-before-return.js';
import { supportCoversReturn } from './stage5/support-covers-return.js';
import { stepDownAfterRc3 } from './stage5/step-down-after-rc3.js';
import { outcomeWhenClosed } from './stage5/outcome-when-closed.js';
import { nextReview } from './stage5/next-review.js';
import { stageTimescale } from './timeliness/stage-timescale.js';
import { claReviewDue } from './timeliness/cla-review-due.js';
import { court26Weeks } from './timeliness/court-26-weeks.js';
import { postReturnVisits } from './timeliness/post-return-visits.js';
import { rc3AfterUnplannedReturn } from './timeliness/rc3-after-unplanned-return.js';
import { leavingCareAge } from './triggers/leaving-care-age.js';
import { missingEpisodesAssessed } from './triggers/missing-episodes-assessed.js';
import { staticFactorsConsistent } from './triggers/static-factors-consistent.js';
import { reclassifyAfterReview } from './triggers/reclassify-after-review.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  idMatchesFile,
  duplicateId,
  protectedPersonNamed,
  cohortsDerived,
  frozenCopy,
  additionalSignoffs,
  // Tasks and records, across stages
  recordExists,
  datesNotFuture,
  datesInOrder,
  // Stage 1: assessment
  safeAdultNamed,
  assessmentRecommendation,
  assessmentEssentials,
  caseHistorySection,
  genogramPeople,
  // Stage 2: classification and decision
  signedOff,
  overrideReasoned,
  suggestionRecomputes,
  decisionMatchesLevel,
  decisionShared,
  supportIfNoReturn,
  // Stage 3: agreement, goals and support
  childViews,
  goalsSmart,
  goalRagStale,
  backupPlan,
  teamAroundChild,
  agreementReviews,
  // Stage 4: reclassification, decision and planning
  reclassificationAfterAgreement,
  returnNeedsProceed,
  transitionAgreed,
  transitionPlanComplete,
  placementWithParentsApproved,
  redGoalsReasoned,
  // Stage 5: return home, support and monitoring
  contactBeforeReturn,
  supportCoversReturn,
  stepDownAfterRc3,
  nextReview,
  outcomeWhenClosed,
  // Timeliness
  stageTimescale,
  claReviewDue,
  court26Weeks,
  postReturnVisits,
  rc3AfterUnplannedReturn,
  // Trigger points
  leavingCareAge,
  missingEpisodesAssessed,
  staticFactorsConsistent,
  reclassifyAfterReview,
  // Caseload
  siblingsConsistent,
];
