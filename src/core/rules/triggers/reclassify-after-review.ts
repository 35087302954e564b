import { daysBetween, isAfter, latest } from '../../text/dates.js';
import { hasReached } from '../../workflow/stageProgress.js';
import type { CaseRule } from '../types.js';

/** Triggers that call for risk to be regraded against the baseline (docs/framework.md §5.1). */
const RECLASSIFY_TRIGGERS = ['cla_review', 'updated_assessment', 'behaviour_change', 'missing_episode'];

const EVENT_WORDS: Record<string, string> = {
  cla_review: 'CLA review',
  updated_assessment: 'updated assessment',
  behaviour_change: 'change in behaviour',
  missing_episode: 'missing episode',
};

export const reclassifyAfterReview: CaseRule = {
  id: 'triggers/reclassify-after-review',
  scope: 'case',
  defaultSeverity: 'warning',
  description: 'A CLA review, updated assessment, change in behaviour or missing episode since the latest classification prompts a reclassification',
  docs: {
    why:
      "Risk levels go stale: a looked-after review, a new assessment, a marked change in the child's behaviour or a missing episode may be new evidence. " +
      'Each is a trigger point to confirm that return home is still being considered and to regrade risk against the baseline if the evidence has changed.',
    fails:
      'stage: 3\nclassifications:\n  - { date: 2026-07-01, point: rc1_d2, level: medium, by: "SW T.T." }\ntriggers:\n  - { type: behaviour_change, date: 2026-09-14 }',
    passes:
      'stage: 3\nclassifications:\n  - { date: 2026-07-01, point: rc1_d2, level: medium, by: "SW T.T." }\n  - { date: 2026-09-20, point: rc1_d2, level: medium, by: "SW T.T." }\ntriggers:\n  - { type: behaviour_change, date: 2026-09-14 }',
  },
  check(view, ctx) {
    const { data } = view;
    if (data.stage === 'closed' || !hasReached(data, 3)) return [];
    const classified = latest((data.classifications ?? []).map((c) => c.date));
    if (!classified) return [];
    // Events after the latest classification and not in the future, one per kind and date.
    const since = (date: string) => isAfter(date, classified) && !isAfter(date, ctx.asOf);
    const events = new Map<string, { type: string; date: string; path: string }>();
    const add = (type: string, date: string, path: string) => {
      if (since(date) && !events.has(`${type} ${date}`)) events.set(`${type} ${date}`, { type, date, path });
    };
    (data.triggers ?? []).forEach((t, i) => {
      if (RECLASSIFY_TRIGGERS.includes(t.type)) add(t.type, t.date, `/triggers/${i}`);
    });
    (data.cla_reviews ?? []).forEach((date, i) => add('cla_review', date, `/cla_reviews/${i}`));
    if (events.size === 0) return [];
    const list = [...events.values()].sort((a, b) => daysBetween(b.date, a.date));
    const named = list.map((e) => `${EVENT_WORDS[e.type]} on ${e.date}`).join(', ');
    return [
      {
        path: list[0]!.path, // events.size > 0, checked above
        message: `${named} since the latest classification on ${classified}: consider whether return home is still on track and reclassify against the baseline if there is new evidence`,
      },
    ];
  },
};
