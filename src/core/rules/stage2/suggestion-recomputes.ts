import { recomputeSuggestion, whyDiffers } from '../../classify/recomputed.js';
import type { CaseRule, RuleProblem } from '../types.js';

export const suggestionRecomputes: CaseRule = {
  id: 'stage2/suggestion-recomputes',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'The suggested level recorded with a classification can be recomputed from the factor entries dated on or before it',
  docs: {
    why:
      'A classification keeps the level the tool suggested on the day, and that record stands. ' +
      'When the factor log no longer holds what was seen then (entries recorded later, an earlier entry overwritten instead of added to), ' +
      'a reader who recomputes the suggestion from the file gets another level and cannot follow the reasoning. ' +
      'Keep the factor log dated: add a new entry with its own `as_of` instead of changing an old one.',
    fails:
      'factors:\n  - { id: parental_substance_misuse, status: present, evidence: "Daily use", as_of: 2026-11-20 }\nclassifications:\n  - { date: 2026-10-12, point: rc1_d2, level: high, suggested: high, by: "SW J.P." }',
    passes:
      'factors:\n  - { id: parental_substance_misuse, status: present, evidence: "Daily use", as_of: 2026-10-01 }\n  - { id: parental_substance_misuse, status: partly, evidence: "Tests now negative", as_of: 2026-11-20 }\nclassifications:\n  - { date: 2026-10-12, point: rc1_d2, level: medium, suggested: medium, by: "SW J.P." }',
  },
  check(view, ctx) {
    const problems: RuleProblem[] = [];
    (view.data.classifications ?? []).forEach((c, i) => {
      // nothing to compare without a recorded suggestion (recomputing costs a whole classification)
      if (c.suggested === undefined) return;
      const r = recomputeSuggestion(view.data, ctx.config, c);
      if (!r.differs) return;
      problems.push({
        path: `/classifications/${i}/suggested`,
        message: `the ${c.point} classification of ${c.date} records the suggested level ${c.suggested}, but recomputing from the entries dated on or before it gives ${r.suggestion.level}: ${whyDiffers(r)}`,
      });
    });
    return problems;
  },
};
