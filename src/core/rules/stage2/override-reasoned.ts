import { hasReached } from '../../workflow/stageProgress.js';
import type { CaseRule, RuleProblem } from '../types.js';

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

export const overrideReasoned: CaseRule = {
  id: 'stage2/override-reasoned',
  scope: 'case',
  defaultSeverity: 'error',
  description: 'A classification whose level differs from the suggested level records the override category and reasoning',
  docs: {
    why:
      'The suggested level is an aid to consistent judgement, not a score, and overriding it is legitimate: one severe concern can outweigh a low factor count. ' +
      'What makes an override defensible is the written reason and its category, which managers and practice leads also review as a learning signal.',
    fails: 'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: high, suggested: medium, by: "SW J.P." }',
    passes:
      'classifications:\n  - { date: 2026-10-28, point: rc1_d2, level: high, suggested: medium, by: "SW J.P.",\n      override_category: single_severe_concern, override_reason: "…" }',
  },
  check(view) {
    const { data } = view;
    if (!hasReached(data, 2)) return [];
    const problems: RuleProblem[] = [];
    (data.classifications ?? []).forEach((c, i) => {
      if (c.suggested === undefined || c.suggested === c.level) return;
      const what = `the ${c.point} classification of ${c.date} chose ${c.level} over the suggested ${c.suggested}`;
      if (isBlank(c.override_category)) problems.push({ path: `/classifications/${i}/override_category`, message: `${what} but gives no override category` });
      if (isBlank(c.override_reason)) problems.push({ path: `/classifications/${i}/override_reason`, message: `${what} but gives no override reasoning` });
    });
    return problems;
  },
};
