// Agreement goals and their red/amber/green ratings: the latest rating of a goal,
// and goals left unrated too long. Used by rule stage3/goal-rag-stale and the
// caseload status view (goals_red).
import type { CaseData, Goal, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { daysBetween, isAfter, latestOnOrBefore } from '../text/dates.js';
import type { Rag } from '../model/ids.js';

/** The latest RAG update, or the one standing on a date (a later entry wins a tie of dates). */
export function lastRagUpdate(goal: Goal, onOrBefore?: IsoDate): { date: IsoDate; rag: Rag } | undefined {
  const found = latestOnOrBefore(goal.progress, onOrBefore)?.item;
  return found && { date: found.date, rag: found.rag };
}

export interface StaleGoal {
  index: number;
  goal: Goal;
  last: { date: IsoDate; rag: Rag };
  /** Days since the last rating. */
  days: number;
}

/**
 * Goals still being worked on (stages 3 and 4) whose last rating is older than
 * reviews.goal_rag_stale_days. A goal rated green with its `by` date passed is
 * finished; a goal never rated is stage3/goals-smart's concern, not this one.
 */
export function staleGoals(data: CaseData, config: Pick<ReunifyConfig, 'reviews'>, asOf: IsoDate): StaleGoal[] {
  if (data.stage !== 3 && data.stage !== 4) return [];
  const staleDays = config.reviews.goal_rag_stale_days;
  const out: StaleGoal[] = [];
  (data.agreement?.goals ?? []).forEach((goal, index) => {
    const last = lastRagUpdate(goal);
    if (!last) return;
    const finished = last.rag === 'green' && !(goal.by && isAfter(goal.by, asOf));
    const days = daysBetween(last.date, asOf);
    if (!finished && days > staleDays) out.push({ index, goal, last, days });
  });
  return out;
}
