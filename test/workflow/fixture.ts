// A fictional stage-1 case written the way people write them by hand: comments on
// nearly every line, comment lines between keys, flow and block styles mixed, and a
// long narrative body. Workflow tests check that they never disturb any of it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const longNotes = Array.from(
  { length: 300 },
  (_, i) => `- ${2026}-10-${String((i % 28) + 1).padStart(2, '0')}: note ${i} --- not a fence --- # not a comment`,
).join('\n');

export const COMMENTED_CASE = `---
# Fictional case for tests: every name, place and date is invented.
reunify: 1                    # format version
id: RF-0900                   # case reference
stage: 1                      # assessment under way
opened: 2026-09-21            # Decision 1
child:                        # the child
  ref: "Child N"              # pseudonym
  dob: 2017-06-14             # date of birth
  looked_after_since: 2026-09-07   # s20 from this date
  legal_status: s20           # s20 | s31 | s38 | not_looked_after | other
  proceedings: none           # none yet
  placement: foster           # with foster carers
  placement_moves: 0          # none so far
  wants_to_return: true       # says so at every visit
cohorts: [s20_placement, wants_to_return]   # framework.md §5.2
# the CLA review is the trigger
triggers:
  - { type: cla_review, date: 2026-09-30 }  # first review
cla_reviews: [2026-09-30]     # held
team: { social_worker: "SW K.L.", team_manager: "TM D.E.", iro: "IRO F.G." }   # roles and initials
people:                       # family network
  - { id: mum, ref: "Ms N", relation: mother, pr: true, household: true, returning_to: true }   # lives alone
  - { id: dad, ref: "Mr N", relation: father, pr: true, household: false }   # another town
  - { id: aunt, ref: "Aunt N", relation: maternal_aunt }   # weekends
  - { id: fc, ref: "Foster carer H", relation: foster_carer, carer: true }   # since September
history:                      # counts
  entries_to_care: 1          # first time
  previous_returns: 0
  failed_returns: 0
  parent_prior_removals: 0
  missing_episodes: 0
factors:                      # dynamic factors
  - { id: parental_mental_health, status: partly, evidence: "Crisis team visits", as_of: 2026-10-15 }   # improving
tasks:                        # stage 1
  case_history:       { status: in_progress }   # chronology being written
  engagement:         { status: todo }          # meeting booked
  family_assessment:  { status: todo }          # not started
  safe_adult:         { status: todo }          # ask at next visit
  written_assessment: { status: todo }          # due mid-November
# end of front matter
---
## Case history

Fictional case. Child N was accommodated under s20 on 2026-09-07 when Ms N was admitted to hospital.

| Date | Event | Analysis |
|---|---|---|
| 2026-09 | Ms N admitted; Child N accommodated | Crisis, not long-standing neglect |

## Analysis

Early view: a single crisis.

## Child's views

Child N: "I want to go home when Mummy is better."

## Notes

${longNotes}
`;

/** A caseload folder holding the commented case (and a config), for one test. */
export function caseloadWith(files: Record<string, string> = { 'RF-0900.md': COMMENTED_CASE }): { dir: string; path(name?: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-workflow-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Test borough (fictional)"\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, path: (name = 'RF-0900.md') => join(dir, name) };
}
