// What the written assessment must hold before the team manager signs it off, beyond
// its recommendation: what must change for a safe return and other agencies'
// information (framework §6). Each is the `assessment` field or, in older files, the
// body section of the same name. Read by `signoff` (which refuses without them) and by
// rule stage1/assessment-essentials (which reports a sign-off given without them).
import type { CaseData } from '../model/caseTypes.js';
import { headingIs } from '../parse/sectionHeadings.js';

export interface AssessmentEssential {
  field: 'what_must_change' | 'other_agencies';
  /** How a manager says it. */
  words: string;
  /** Body headings that hold it in files written before the field. */
  headings: readonly string[];
}

export const ASSESSMENT_ESSENTIALS: readonly AssessmentEssential[] = [
  { field: 'what_must_change', words: 'what must change for a safe return', headings: ['What must change', 'What must change for a safe return'] },
  { field: 'other_agencies', words: "other agencies' information", headings: ['Other agencies', "Other agencies' information"] },
];

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** A body section with words in it, other than a `reunify new` prompt (an HTML comment). */
function sectionHolds(sections: readonly { heading: string; content: string }[], headings: readonly string[]): boolean {
  return sections.some((s) => headingIs(s.heading, headings) && s.content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '');
}

/** The essentials the written assessment does not hold yet, in the order a manager reads them. */
export function missingAssessmentEssentials(data: CaseData, sections: readonly { heading: string; content: string }[]): AssessmentEssential[] {
  const a = data.assessment ?? undefined;
  return ASSESSMENT_ESSENTIALS.filter((e) => !filled(a?.[e.field]) && !sectionHolds(sections, e.headings));
}
