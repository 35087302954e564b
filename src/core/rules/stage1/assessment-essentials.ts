import { isTaskDone } from '../../workflow/stageProgress.js';
import { missingAssessmentEssentials } from '../../workflow/assessmentRecord.js';
import type { CaseRule } from '../types.js';

export const assessmentEssentials: CaseRule = {
  id: 'stage1/assessment-essentials',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A signed-off written assessment says what must change for a safe return and what other agencies said',
  docs: {
    why:
      'The written assessment is the evidence the Stage 2 classification and decision rest on. A manager cannot judge a recommendation about return without knowing what must change for the child to go home safely, ' +
      "and what the police, health, school and other services know: a return planned on the family's account alone misses what others have seen. " +
      '`reunify signoff` does not sign off an assessment without them; this rule finds one signed off without them (before the fields existed, or by hand). ' +
      'Each is the `assessment` field (`what_must_change`, `other_agencies`) or, in older files, the body section `## What must change` or `## Other agencies`. It is a warning: the sign-off stands, the gap is for the manager to close.',
    fails:
      'tasks:\n  written_assessment: { status: done, date: 2026-10-20, by: "SW J.P.", recommendation: return_if_goals_met,\n    signed_off: { by: "TM A.O.", date: 2026-10-22 } }\nassessment:\n  reason_for_care: "Ms A relapsed and could not keep Child A safe"',
    passes:
      'tasks:\n  written_assessment: { status: done, date: 2026-10-20, by: "SW J.P.", recommendation: return_if_goals_met,\n    signed_off: { by: "TM A.O.", date: 2026-10-22 } }\n' +
      'assessment:\n  other_agencies: "Police (October 2026): no call-outs since 2024. School DSL: attendance 96%."\n  what_must_change: "Ms A stays alcohol-free, shown by monthly tests over three months"',
  },
  check(view) {
    const { data } = view;
    if (!isTaskDone(data, 'written_assessment') || data.tasks.written_assessment?.signed_off === undefined) return [];
    return missingAssessmentEssentials(data, view.sections()).map((m) => ({
      path: data.assessment ? `/assessment` : '/tasks/written_assessment/signed_off',
      message: `the written assessment is signed off but does not say ${m.words} (assessment.${m.field}, or a "## ${m.headings[0]}" section)`,
    }));
  },
};
