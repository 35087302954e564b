// Reflective-supervision questions for one case (docs/framework.md §7.2): Morrison's
// 4x4x4 model on Kolb's cycle, one group of questions per stage of the cycle, each
// chosen and worded from the case's own facts, then the questions every decision
// must answer. Pure: the facts come from the record, the words from here.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import { classify, levelRank, type Suggestion } from '../classify/classify.js';
import { ageOn, daysBetween } from '../text/dates.js';
import { factorConcern } from '../classify/factorEntries.js';
import { lastRagUpdate, staleGoals } from './goals.js';
import { FACTORS, STAGES, TASKS_BY_STAGE, TASK_LABELS, type Level, type StageNumber } from '../model/ids.js';
import { isLookedAfter, nextClaReviewDue, nextSeenAloneVisitDue, postReturnWindow, stageClock, visitOverdue } from '../status/timeliness.js';
import { SECTION_HEADINGS, headingIs } from '../parse/sectionHeadings.js';

export type KolbGroup = 'narrative' | 'emotional' | 'analytical' | 'planning';

export const KOLB_GROUPS: readonly { id: KolbGroup; title: string; cycle: string }[] = [
  { id: 'narrative', title: 'Narrative: what happened?', cycle: 'experience' },
  { id: 'emotional', title: 'Emotional: how does it feel?', cycle: 'reflection' },
  { id: 'analytical', title: 'Analytical: what does it mean?', cycle: 'analysis' },
  { id: 'planning', title: 'Planning: what next?', cycle: 'action planning' },
];

export interface SupervisionQuestion {
  /** Stable id, e.g. `narrative.failed_returns`: which fact chose the question. */
  id: string;
  group: KolbGroup | 'must_answer';
  text: string;
  /** The fact that chose it, in words (never narrative from the case). */
  because?: string;
}

export interface SupervisionPlan {
  caseId: string;
  childRef: string;
  stage: CaseData['stage'];
  asOf: IsoDate;
  /** The facts the questions were chosen from, in words. */
  facts: string[];
  groups: { id: KolbGroup; title: string; cycle: string; questions: SupervisionQuestion[] }[];
  mustAnswer: SupervisionQuestion[];
}

/** What the questions are chosen from. Refs only: no narrative text from the case. */
export interface SupervisionFacts {
  child: string;
  age: number;
  parent: string;
  partner?: string;
  carer?: string;
  manager: string;
  stage: number;
  closed: boolean;
  latest?: { point: string; date: IsoDate; level: Level; suggested?: Level; overrideCategory?: string };
  previous?: { level: Level };
  direction?: 'up' | 'down' | 'same';
  suggestion?: Suggestion;
  decision?: string;
  overdueStage?: { days: number; weeks: number; tasks: string[] };
  claReviewOverdue?: IsoDate;
  visitOverdue?: IsoDate;
  failedReturns: number;
  missingEpisodes: number;
  priorRemovals: number;
  wantsToReturn?: boolean;
  childViewsRecorded: boolean;
  redGoals: { id: string; goal: string }[];
  staleGoals: string[];
  gaps: string[];
  newAdult: boolean;
  returned?: IsoDate;
  unplanned: boolean;
  staticFactors: string[];
  /** The concerns that brought the child into care, present or partly present on the date, in words. */
  concerns: string[];
  /** Concerns recorded at any time up to the date (those now resolved too). */
  pastConcerns: string[];
  /** The legal context, in words, e.g. "an interim care order (s38), in care proceedings". */
  legal: string;
  legalStatus: string;
  /** Weeks looked after. */
  weeksInCare: number;
  /** The decision is that the child will not go home (or the case closed without a return). */
  noReturn: boolean;
}

const CONCERN_WORDS: Record<string, string> = {
  parental_substance_misuse: 'drink or drugs',
  domestic_abuse: 'domestic abuse',
  parental_mental_health: 'mental health',
  problems_unaddressed: 'the problems that led to care',
};

const LEGAL_CONTEXT: Record<string, string> = {
  s20: 'accommodation under s20 with the parents’ agreement',
  s31: 'a care order (s31)',
  s38: 'an interim care order (s38)',
  not_looked_after: 'no order: the child is not looked after',
};

const FACTOR_WORDS: Record<string, string> = Object.fromEntries(FACTORS.map((f) => [f.id, f.id.replace(/_/g, ' ')]));

function words(list: readonly string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The facts of a case that supervision questions are chosen from. `headings` are the body's `##` headings with content. */
export function supervisionFacts(data: CaseData, config: ReunifyConfig, asOf: IsoDate, headings: readonly string[] = []): SupervisionFacts {
  const people = data.people ?? [];
  const parentPerson = people.find((p) => p.returning_to) ?? people.find((p) => p.pr && p.household) ?? people.find((p) => p.pr);
  // a partner is a new adult; a grown-up brother or sister at home is not
  const partner = people.find((p) => p.household && !p.pr && !p.returning_to && !p.carer && /partner/.test(p.relation));
  const carer = people.find((p) => p.carer && !p.pr);
  const classifications = [...(data.classifications ?? [])].filter((c) => c.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = classifications[classifications.length - 1];
  const previous = classifications[classifications.length - 2];
  const stage = data.stage === 'closed' ? 6 : data.stage;
  const suggestion = stage >= 2 && stage <= 5 ? classify(data, config, asOf) : undefined;
  const clock = stageClock(data, config, asOf);
  const openTasks =
    data.stage === 'closed'
      ? []
      : TASKS_BY_STAGE[data.stage as StageNumber].filter((t) => !['done', 'not_applicable'].includes(data.tasks[t]?.status ?? 'todo'));
  let claReviewOverdue: IsoDate | undefined;
  if (isLookedAfter(data, asOf)) {
    const { due } = nextClaReviewDue(data, config, asOf);
    if (due < asOf) claReviewOverdue = due;
  }
  let visitDue: IsoDate | undefined;
  const window = postReturnWindow(data, config, asOf);
  if (window) {
    const { due } = nextSeenAloneVisitDue(window);
    if (visitOverdue(window, due)) visitDue = due;
  }
  const redGoals = (data.agreement?.goals ?? []).filter((g) => lastRagUpdate(g)?.rag === 'red').map((g) => ({ id: g.id, goal: g.goal ?? g.id }));
  // only the entries that stand on the as-of date count, as in classify and status: a later `absent` rules the adult out
  const newAdult = partner !== undefined || factorConcern(data, 'new_household_adult', asOf) !== undefined;
  const decisions = [...(data.decisions ?? [])].filter((d) => d.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const views = headings.some((h) => headingIs(h, SECTION_HEADINGS.childViews));
  return {
    child: data.child.ref,
    age: ageOn(data.child.dob, asOf),
    parent: parentPerson?.ref ?? 'the parents',
    ...(partner ? { partner: partner.ref } : {}),
    ...(carer ? { carer: carer.ref } : {}),
    manager: data.team.team_manager ?? 'the team manager',
    stage,
    closed: data.stage === 'closed',
    ...(latest
      ? {
          latest: {
            point: latest.point,
            date: latest.date,
            level: latest.level,
            ...(latest.suggested ? { suggested: latest.suggested } : {}),
            ...(latest.override_category ? { overrideCategory: latest.override_category } : {}),
          },
        }
      : {}),
    ...(previous ? { previous: { level: previous.level } } : {}),
    ...(latest && previous
      ? { direction: levelRank(latest.level) > levelRank(previous.level) ? 'up' : levelRank(latest.level) < levelRank(previous.level) ? 'down' : 'same' }
      : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(decisions.length > 0 ? { decision: decisions[decisions.length - 1]!.outcome } : {}),
    ...(clock?.overdue ? { overdueStage: { days: clock.days, weeks: clock.limitWeeks, tasks: openTasks } } : {}),
    ...(claReviewOverdue ? { claReviewOverdue } : {}),
    ...(visitDue ? { visitOverdue: visitDue } : {}),
    failedReturns: data.history?.failed_returns ?? 0,
    missingEpisodes: Math.max(data.history?.missing_episodes ?? 0, (data.triggers ?? []).filter((t) => t.type === 'missing_episode' && t.date <= asOf).length),
    priorRemovals: data.history?.parent_prior_removals ?? 0,
    ...(data.child.wants_to_return !== undefined ? { wantsToReturn: data.child.wants_to_return } : {}),
    childViewsRecorded: views || data.tasks.child_views?.status === 'done',
    redGoals,
    staleGoals: staleGoals(data, config, asOf).map((g) => g.goal.id),
    gaps: (suggestion?.gaps ?? []).map((g) =>
      g.factor === 'capacity_to_change'
        ? `${g.person ?? 'a parent'}'s capacity to change`
        : g.factor === 'goal_progress'
          ? `progress on goal ${g.goal}`
          : (FACTOR_WORDS[g.factor] ?? g.factor),
    ),
    newAdult,
    ...(data.return?.returned && data.return.returned <= asOf ? { returned: data.return.returned } : {}),
    unplanned: data.return?.unplanned === true,
    staticFactors: (suggestion?.contributions ?? [])
      .filter((c) => c.static && c.status === 'present' && c.fraction > 0)
      .map((c) => FACTOR_WORDS[c.factor] ?? c.factor),
    concerns: Object.entries(CONCERN_WORDS)
      .filter(([id]) => {
        const c = factorConcern(data, id, asOf);
        return c === 'present' || c === 'partly';
      })
      .map(([, concern]) => concern),
    pastConcerns: Object.entries(CONCERN_WORDS)
      .filter(([id]) => (data.factors ?? []).some((e) => e.id === id && (e.status === 'present' || e.status === 'partly') && (e.as_of ?? '') <= asOf))
      .map(([, concern]) => concern),
    legal: `${LEGAL_CONTEXT[data.child.legal_status] ?? data.child.legal_status.replace(/_/g, ' ')}${data.child.proceedings === 'care_proceedings' ? ', in care proceedings' : data.child.proceedings === 'pre_proceedings' ? ', in pre-proceedings' : ''}`,
    legalStatus: data.child.legal_status,
    weeksInCare: data.child.looked_after_since ? Math.max(0, Math.floor(daysBetween(data.child.looked_after_since, asOf) / 7)) : 0,
    noReturn: decisions.some((d) => d.outcome === 'no_return') || data.outcome?.status === 'not_returned',
  };
}

interface Template {
  id: string;
  group: KolbGroup;
  when(f: SupervisionFacts): boolean;
  text(f: SupervisionFacts): string;
  because?(f: SupervisionFacts): string;
  /** Asked in every supervision: the support, development, mediation and management functions of 4x4x4. */
  always?: boolean;
}

const levelWords = (l: Level) => l.replace('_', ' ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const atHome = (f: SupervisionFacts) => f.returned !== undefined && !f.closed;
const beforeReturn = (f: SupervisionFacts) => f.returned === undefined && !f.closed;
/** Still working towards a return: not home, not closed, and no decision against it. */
const towardsReturn = (f: SupervisionFacts) => beforeReturn(f) && !f.noReturn;
const mainConcern = (f: SupervisionFacts) => words(f.concerns.length > 0 ? f.concerns : f.pastConcerns);

const NEXT_STEP: Record<number, (f: SupervisionFacts) => string> = {
  1: (f) => `What must the written assessment show before it goes to ${f.manager} for sign-off, and when will it be ready?`,
  2: (f) =>
    f.decision
      ? `How and when will ${f.child}, ${f.parent} and the others involved hear the decision (${f.decision.replace(/_/g, ' ')}), and who will explain it?`
      : `What level and decision will you take to ${f.manager}, and how will you explain them to ${f.child} and ${f.parent}?`,
  3: () => 'What has to be true before the next review of the goals, and who will check it?',
  4: () => 'What has to be true before the next contact step, and who will check it?',
  5: () => 'When is the next post-return review due, and what would bring it forward?',
  6: () => 'What does the family know about where to turn now the case is closed, and who follows up?',
};

// Ordered: within a group, questions chosen by a fact of this case come first.
const TEMPLATES: readonly Template[] = [
  // ---------------------------------------------------------------- narrative (experience)
  {
    id: 'narrative.overdue_stage',
    group: 'narrative',
    when: (f) => f.overdueStage !== undefined,
    text: (f) =>
      `Stage ${f.stage} has been open ${Math.floor(f.overdueStage!.days / 7)} weeks against a local timescale of ${f.overdueStage!.weeks}: what has happened with ${words(f.overdueStage!.tasks.map((t) => TASK_LABELS[t]?.toLowerCase() ?? t)) || 'the remaining work'} since the stage began?`,
    because: (f) => `stage ${f.stage} open longer than ${f.overdueStage!.weeks} weeks`,
  },
  {
    id: 'narrative.failed_returns',
    group: 'narrative',
    when: (f) => f.failedReturns > 0,
    text: (f) =>
      `What happened in ${f.failedReturns === 1 ? 'the earlier return' : `the ${f.failedReturns} earlier returns`}, and how ${plural(f.failedReturns, 'did it', 'did they')} end?`,
    because: (f) => `${f.failedReturns} failed ${plural(f.failedReturns, 'return', 'returns')} in the history`,
  },
  {
    id: 'narrative.missing',
    group: 'narrative',
    when: (f) => f.missingEpisodes > 0,
    text: (f) => `Take me through the most recent time ${f.child} went missing: where was ${f.child} found, and what did the return interview show?`,
    because: (f) => `${f.missingEpisodes} missing ${plural(f.missingEpisodes, 'episode', 'episodes')} recorded`,
  },
  {
    id: 'narrative.unplanned',
    group: 'narrative',
    when: (f) => f.unplanned,
    text: (f) => `How did ${f.child} come to go home without a plan, and what happened in the first days?`,
    because: () => 'the return was unplanned',
  },
  {
    id: 'narrative.home_life',
    group: 'narrative',
    when: atHome,
    text: (f) => `What does an ordinary day at home look like for ${f.child} since going home on ${f.returned}?`,
    because: (f) => `home since ${f.returned}`,
  },
  {
    id: 'narrative.new_adult',
    group: 'narrative',
    when: (f) => f.newAdult && !f.closed,
    text: (f) =>
      f.partner
        ? `Tell me about ${f.partner}: when did they arrive, how often are they there, and what do we know about them?`
        : `Is another adult living at or visiting ${f.parent}'s home? What do we know about them, and how would we find out?`,
    because: () => 'a new adult in the household',
  },
  {
    id: 'narrative.family_time',
    group: 'narrative',
    when: beforeReturn,
    text: (f) => `Take me through the last family-time visit between ${f.child} and ${f.parent}: who was there, and how did it end?`,
  },
  { id: 'narrative.household', group: 'narrative', when: (f) => !f.closed, text: (f) => `Who lives in ${f.parent}'s household now, and who visits?` },
  {
    id: 'narrative.seen_alone',
    group: 'narrative',
    when: (f) => f.age >= 5 && !f.closed,
    text: (f) =>
      `When did you last see ${f.child} alone, and what did ${f.child} say about ${atHome(f) ? 'being home' : f.noReturn ? 'the plan to stay in care' : 'going home'}?`,
  },
  {
    id: 'narrative.observed',
    group: 'narrative',
    when: (f) => f.age < 5 && !f.closed,
    text: (f) =>
      `What did you observe of ${f.child} with ${f.parent} at the last ${atHome(f) ? 'visit' : 'family time'}: how did ${f.child} seek comfort, and from whom?`,
  },
  {
    id: 'narrative.concern',
    group: 'narrative',
    when: (f) => (f.concerns.length > 0 || f.pastConcerns.length > 0) && !f.closed,
    text: (f) => `What has happened with ${mainConcern(f)} since we last met, and who told you?`,
    because: (f) => `concern: ${mainConcern(f)}`,
  },
  {
    id: 'narrative.legal',
    group: 'narrative',
    when: (f) => !f.closed,
    text: (f) => `Where do things stand legally (${f.legal}), and what has happened since we last talked about it?`,
    because: (f) => f.legal,
  },
  {
    id: 'narrative.partners',
    always: true,
    group: 'narrative',
    when: (f) => !f.closed,
    text: (f) => `What are the school, health and the police seeing in ${f.child}'s life now, and does it match what you see?`,
  },
  {
    id: 'narrative.closed_people',
    group: 'narrative',
    when: (f) => f.closed,
    text: (f) => `Who was involved at the end (${f.child}, ${f.parent}, the carers, other agencies), and what did each say about how it ended?`,
  },
  { id: 'narrative.closed_last', group: 'narrative', when: (f) => f.closed, text: (f) => `When did you last see ${f.child}, and how were things then?` },
  {
    id: 'narrative.closed',
    group: 'narrative',
    when: (f) => f.closed,
    text: (f) => `Looking back over the whole case, what were the turning points for ${f.child} and ${f.parent}?`,
  },
  // ---------------------------------------------------------------- emotional (reflection)
  {
    id: 'emotional.level_up',
    group: 'emotional',
    when: (f) => f.direction === 'up',
    text: (f) =>
      `The level went up from ${levelWords(f.previous!.level)} to ${levelWords(f.latest!.level)}: how did it feel to raise it, and how did ${f.parent} take it?`,
    because: (f) => `level up from ${f.previous!.level} to ${f.latest!.level}`,
  },
  {
    id: 'emotional.level_down',
    group: 'emotional',
    when: (f) => f.direction === 'down',
    text: (f) =>
      `The level has come down from ${levelWords(f.previous!.level)} to ${levelWords(f.latest!.level)}: how sure do you feel, and what would shake that?`,
    because: (f) => `level down from ${f.previous!.level} to ${f.latest!.level}`,
  },
  {
    id: 'emotional.red_goals',
    group: 'emotional',
    when: (f) => f.redGoals.length > 0,
    text: (f) =>
      `How do you feel when you see ${plural(f.redGoals.length, 'goal', 'goals')} ${words(f.redGoals.map((g) => g.id))} still red? What does it stir up about ${f.parent}?`,
    because: (f) => `${plural(f.redGoals.length, 'goal', 'goals')} ${words(f.redGoals.map((g) => g.id))} red`,
  },
  {
    id: 'emotional.reassessed',
    group: 'emotional',
    when: (f) => f.priorRemovals > 0 || f.failedReturns > 0,
    text: (f) =>
      `How might ${f.parent} feel about being assessed again, ${f.priorRemovals > 0 ? 'having lost children to care before' : `after ${f.child} came back into care before`}?`,
    because: (f) =>
      f.priorRemovals > 0 ? `${f.priorRemovals} earlier ${plural(f.priorRemovals, 'removal', 'removals')} of children` : 'an earlier failed return',
  },
  {
    id: 'emotional.fear_blame',
    group: 'emotional',
    when: (f) => !f.noReturn && (f.failedReturns > 0 || (f.latest !== undefined && levelRank(f.latest.level) >= 2)),
    text: () => 'Is fear of blame, or a past case, shaping your view of this return?',
    because: (f) => (f.failedReturns > 0 ? 'a return has failed before' : `level ${f.latest!.level}`),
  },
  {
    id: 'emotional.not_wanting',
    group: 'emotional',
    when: (f) => f.wantsToReturn === false && towardsReturn(f),
    text: (f) => `${f.child} has not said they want to go home: how does that sit with you, and with ${f.parent}?`,
    because: () => 'the child has not said they want to return',
  },
  {
    id: 'emotional.no_return',
    group: 'emotional',
    when: (f) => f.noReturn && !f.closed,
    text: (f) => `The decision is that ${f.child} will not go home: how are you, ${f.child} and ${f.parent} living with that?`,
    because: () => 'decision: no return',
  },
  {
    id: 'emotional.concern',
    group: 'emotional',
    when: (f) => f.concerns.length > 0 && !f.closed,
    text: (f) => `What does working with ${mainConcern(f)} stir up in you, and how does it affect how you see ${f.parent}?`,
    because: (f) => `concern: ${mainConcern(f)}`,
  },
  {
    id: 'emotional.support',
    always: true,
    group: 'emotional',
    when: () => true,
    text: () => 'What support do you need from me, or from the team, to keep doing this work well?',
  },
  {
    id: 'emotional.carer',
    group: 'emotional',
    when: (f) => f.carer !== undefined && towardsReturn(f),
    text: (f) => `How ${/carers\b/i.test(f.carer!) ? 'do' : 'does'} ${f.carer} feel about the return, and could that colour what they report?`,
  },
  {
    id: 'emotional.picture_home',
    group: 'emotional',
    when: (f) => atHome(f) || towardsReturn(f),
    text: (f) =>
      atHome(f)
        ? `How do you feel when you leave the house after a visit to ${f.child} and ${f.parent}?`
        : `How do you feel when you picture ${f.child} back home with ${f.parent}?`,
  },
  {
    id: 'emotional.child_feelings',
    group: 'emotional',
    when: (f) => !f.closed,
    text: (f) => `How might ${f.child} feel about the plan, and how could that show in ${f.child}'s behaviour?`,
  },
  {
    id: 'emotional.closed_family',
    group: 'emotional',
    when: (f) => f.closed,
    text: (f) => `How do you think ${f.child} and ${f.parent} feel about how things ended?`,
  },
  {
    id: 'emotional.closed',
    group: 'emotional',
    when: (f) => f.closed,
    text: () => 'What are you carrying from this case, and what do you need to put it down?',
  },
  // ---------------------------------------------------------------- analytical (analysis)
  {
    id: 'analytical.engine_differs',
    group: 'analytical',
    when: (f) => f.suggestion !== undefined && f.latest !== undefined && f.suggestion.level !== f.latest.level,
    text: (f) =>
      `The factors now suggest ${levelWords(f.suggestion!.level)}, where the latest classification (${f.latest!.point}, ${f.latest!.date}) is ${levelWords(f.latest!.level)}: what has changed, and is it time to reclassify?`,
    because: (f) => `suggested ${f.suggestion!.level} against recorded ${f.latest!.level}`,
  },
  {
    id: 'analytical.override',
    group: 'analytical',
    when: (f) => f.latest?.suggested !== undefined && f.latest.suggested !== f.latest.level,
    text: (f) =>
      `The ${f.latest!.point} level was set at ${levelWords(f.latest!.level)} against a suggested ${levelWords(f.latest!.suggested!)}${f.latest!.overrideCategory ? ` (${f.latest!.overrideCategory.replace(/_/g, ' ')})` : ''}: does that reasoning still hold?`,
    because: (f) => `override at ${f.latest!.point}`,
  },
  {
    id: 'analytical.red_goals',
    group: 'analytical',
    when: (f) => f.redGoals.length > 0,
    text: (f) =>
      `${plural(f.redGoals.length, 'Goal', 'Goals')} ${words(f.redGoals.map((g) => g.id))} ${plural(f.redGoals.length, 'is', 'are')} red: what does that tell us about ${f.parent}'s capacity to change, and should we reclassify?`,
    because: (f) => `${f.redGoals.length} red ${plural(f.redGoals.length, 'goal', 'goals')}`,
  },
  {
    id: 'analytical.concern',
    group: 'analytical',
    when: (f) => (f.concerns.length > 0 || f.pastConcerns.length > 0) && !f.closed,
    text: (f) =>
      f.concerns.length > 0
        ? `What evidence, from whom, would show that ${mainConcern(f)} no longer puts ${f.child} at risk?`
        : `${mainConcern(f)} is no longer recorded as a concern: what keeps it from coming back, and who would notice first?`,
    because: (f) => `concern: ${mainConcern(f)}`,
  },
  {
    id: 'analytical.legal',
    group: 'analytical',
    when: (f) => !f.closed,
    text: (f) =>
      f.legalStatus === 's38'
        ? `What will the court need to see at the final hearing, and does our timetable fit ${f.child}'s?`
        : f.legalStatus === 's20'
          ? `${f.child} has been accommodated under s20 for ${f.weeksInCare} weeks: is the parents' agreement still informed and real, or is the plan drifting?`
          : f.age >= 15 && !atHome(f)
            ? `${f.child} is ${f.age}: how do leaving care and the pathway plan bear on the plan for home?`
            : f.legalStatus === 's31'
              ? `Under a care order we share parental responsibility: which decisions rest with us, and which with ${f.parent}?`
              : 'Without an order, what keeps the family working with us, and what would we do if they stopped?',
    because: (f) => f.legal,
  },
  {
    id: 'analytical.partners',
    always: true,
    group: 'analytical',
    when: () => true,
    text: () => 'Where do other agencies see this differently from us, and how will we bring those views together?',
  },
  {
    id: 'analytical.missing',
    group: 'analytical',
    when: (f) => f.missingEpisodes > 0,
    text: (f) =>
      `What is ${f.child} going missing telling us, and how does it bear on ${atHome(f) ? 'the return' : f.noReturn || f.closed ? 'the plan' : 'going home'}?`,
    because: (f) => `${f.missingEpisodes} missing ${plural(f.missingEpisodes, 'episode', 'episodes')}`,
  },
  {
    id: 'analytical.views_missing',
    group: 'analytical',
    when: (f) => !f.childViewsRecorded && f.stage >= 2 && !f.closed,
    text: (f) => `${f.child}'s views are not written down: what do we think ${f.child} wants, and how do we know?`,
    because: () => "no Child's views recorded",
  },
  {
    id: 'analytical.gaps',
    group: 'analytical',
    when: (f) => f.gaps.length > 0,
    text: (f) => `We do not know enough about ${words(f.gaps)}: who have we not heard from, and what might we be missing?`,
    because: (f) => `${f.gaps.length} unknown ${plural(f.gaps.length, 'factor', 'factors')}`,
  },
  {
    id: 'analytical.changed_since',
    group: 'analytical',
    when: (f) => f.latest !== undefined && !f.closed,
    text: (f) =>
      `Which factors have changed since the ${f.latest!.point} classification on ${f.latest!.date}, and which never can${f.staticFactors.length > 0 ? ` (${words(f.staticFactors)})` : ''}?`,
  },
  {
    id: 'analytical.compliance',
    group: 'analytical',
    when: (f) => f.stage >= 3 && !f.closed,
    text: () => 'Is this lasting change, or compliance that will fade when we step back?',
  },
  {
    id: 'analytical.explanations',
    group: 'analytical',
    when: (f) => f.stage < 3 || f.closed,
    text: (f) =>
      f.closed
        ? 'What explains how this case ended, and what would you do differently?'
        : 'What explanations fit what we are seeing, and what evidence would tell them apart?',
  },
  {
    id: 'analytical.learning',
    always: true,
    group: 'analytical',
    when: () => true,
    text: () => 'What is this case teaching you that you would take to the next family?',
  },
  {
    id: 'analytical.opposite',
    group: 'analytical',
    when: (f) => f.decision !== undefined && !f.closed,
    text: (f) => `What is the best argument against the decision (${f.decision!.replace(/_/g, ' ')})?`,
  },
  // ---------------------------------------------------------------- planning (action planning)
  {
    id: 'planning.overdue_tasks',
    group: 'planning',
    when: (f) => (f.overdueStage?.tasks.length ?? 0) > 0,
    text: (f) => `Which of the open tasks (${words(f.overdueStage!.tasks)}) will you finish first, and what help do you need?`,
    because: () => 'overdue tasks',
  },
  {
    id: 'planning.cla_overdue',
    group: 'planning',
    when: (f) => f.claReviewOverdue !== undefined,
    text: (f) => `The CLA review was due by ${f.claReviewOverdue}: when will it be held, and who will tell the IRO?`,
    because: (f) => `CLA review overdue since ${f.claReviewOverdue}`,
  },
  {
    id: 'planning.visit_overdue',
    group: 'planning',
    when: (f) => f.visitOverdue !== undefined,
    text: (f) => `A visit with ${f.child} seen alone was due by ${f.visitOverdue}: when will it happen, and who will do it?`,
    because: (f) => `visit overdue since ${f.visitOverdue}`,
  },
  {
    id: 'planning.red_goals',
    group: 'planning',
    when: (f) => f.redGoals.length > 0,
    text: (f) =>
      `What will change for ${words(f.redGoals.map((g) => g.id))} before the next review, and what happens if ${plural(f.redGoals.length, 'it stays', 'they stay')} red?`,
    because: (f) => `${f.redGoals.length} red ${plural(f.redGoals.length, 'goal', 'goals')}`,
  },
  {
    id: 'planning.stale_goals',
    group: 'planning',
    when: (f) => f.staleGoals.length > 0,
    text: (f) => `When will ${words(f.staleGoals)} next be rated with ${f.parent}?`,
    because: (f) => `${f.staleGoals.length} goals not rated recently`,
  },
  {
    id: 'planning.missing',
    group: 'planning',
    when: (f) => f.missingEpisodes > 0 && !f.closed,
    text: (f) => `What is the plan if ${f.child} goes missing ${atHome(f) ? 'from home' : 'again'}, and does everyone know it?`,
    because: (f) => `${f.missingEpisodes} missing ${plural(f.missingEpisodes, 'episode', 'episodes')}`,
  },
  {
    id: 'planning.views',
    group: 'planning',
    when: (f) => !f.childViewsRecorded && !f.closed,
    text: (f) => `How and when will you hear ${f.child}'s views before the next decision?`,
    because: () => "no Child's views recorded",
  },
  { id: 'planning.next_step', group: 'planning', when: () => true, text: (f) => NEXT_STEP[f.stage]!(f) }, // stage is 1 to 5, or 6 once closed
  {
    id: 'planning.concern',
    group: 'planning',
    when: (f) => f.concerns.length > 0 && !f.closed,
    text: (f) => `Which service is working with ${f.parent} on ${mainConcern(f)}, and what will you ask them before the next review?`,
    because: (f) => `concern: ${mainConcern(f)}`,
  },
  {
    id: 'planning.legal',
    group: 'planning',
    when: (f) => !f.closed && f.legalStatus !== 'not_looked_after',
    text: (f) =>
      f.legalStatus === 's38'
        ? 'What is due for the court next, and by when?'
        : f.legalStatus === 's20'
          ? `When will you next check with ${f.parent} that the s20 agreement still stands, and record it?`
          : 'When is the next CLA review, and what will you bring to it?',
    because: (f) => f.legal,
  },
  { id: 'planning.actions', always: true, group: 'planning', when: () => true, text: () => 'What have we agreed today, who will do each thing, and by when?' },
  {
    id: 'planning.organisation',
    always: true,
    group: 'planning',
    when: () => true,
    text: () => 'Is anything in how we work (workload, resources, policy) getting in the way of this plan, and who needs to hear about it?',
  },
  {
    id: 'planning.backup',
    group: 'planning',
    when: (f) => f.stage >= 3 && !f.closed && !f.noReturn,
    text: (f) =>
      atHome(f)
        ? 'If things start to go wrong at home, what is the back-up plan, and does the family know it?'
        : 'If the return falters in the first month, what is the back-up plan, and does the family know it?',
  },
  {
    id: 'planning.services',
    group: 'planning',
    when: (f) => f.stage >= 4 && !f.closed && !f.noReturn,
    text: (f) =>
      atHome(f)
        ? 'Which services in the support package are delivered, and which are only promised?'
        : 'Which services will be in place on day one, and which are only promised?',
  },
  {
    id: 'planning.reclassify',
    group: 'planning',
    when: (f) => f.stage >= 3 && !f.closed,
    text: () => 'When is the next reclassification due, and what would bring it forward?',
  },
  {
    id: 'planning.step_down',
    group: 'planning',
    when: (f) => atHome(f) && f.latest !== undefined && levelRank(f.latest.level) <= 1 && daysBetween(f.returned!, f.suggestion?.asOf ?? f.returned!) >= 150,
    text: (f) => `Is it time to consider step down, and what evidence would you put to ${f.manager}?`,
    because: () => 'home for five months or more at a low or medium level',
  },
];

/** How many questions a group shows: every fact-chosen one, topped up with general ones to this many. */
const PER_GROUP = 4;

/** Questions for one case, grouped by the stages of the reflective cycle, and the must-answer questions. */
export function superviseQuestions(data: CaseData, config: ReunifyConfig, asOf: IsoDate, headings: readonly string[] = []): SupervisionPlan {
  const f = supervisionFacts(data, config, asOf, headings);
  const groups = KOLB_GROUPS.map((g) => {
    const fitting = TEMPLATES.filter((t) => t.group === g.id && t.when(f));
    const chosen = fitting.filter((t) => t.because);
    const always = fitting.filter((t) => t.always && !t.because);
    const general = fitting.filter((t) => !t.because && !t.always);
    const questions = [...chosen, ...general.slice(0, Math.max(0, PER_GROUP - chosen.length - always.length)), ...always].map((t) => ({
      id: t.id,
      group: g.id,
      text: t.text(f),
      ...(t.because ? { because: t.because(f) } : {}),
    }));
    return { ...g, questions };
  });
  const atHomeNow = atHome(f);
  const mustAnswer: SupervisionQuestion[] = [
    {
      id: 'must.safe',
      group: 'must_answer',
      text: atHomeNow
        ? `Is ${f.child} safe at home now, and how do we know?`
        : `Is ${f.child} safe now, and would ${f.child} be safe at home with ${f.parent}?`,
    },
    { id: 'must.changed', group: 'must_answer', text: `What has changed in the reasons ${f.child} came into care, and how do we know?` },
    {
      id: 'must.child_wants',
      group: 'must_answer',
      text: `What does ${f.child} want?${f.wantsToReturn === undefined && f.age < 4 ? ` (For a child of ${f.age}, what do we observe of ${f.child}'s wishes and feelings?)` : ''}`,
    },
    { id: 'must.if_not_working', group: 'must_answer', text: 'What is the plan if it does not work?' },
  ];
  return {
    caseId: data.id,
    childRef: data.child.ref,
    stage: data.stage,
    asOf,
    facts: factSentences(f, asOf),
    groups,
    mustAnswer,
  };
}

function factSentences(f: SupervisionFacts, asOf: IsoDate): string[] {
  const out: string[] = [];
  out.push(f.closed ? 'The case is closed.' : `Stage ${f.stage}: ${STAGES[f.stage - 1]!.name.toLowerCase()}.`); // STAGES lists stages 1 to 5 in order
  if (f.latest)
    out.push(
      `Latest classification: ${levelWords(f.latest.level)} (${f.latest.point}, ${f.latest.date})${f.direction && f.previous ? `, ${f.direction === 'same' ? 'unchanged' : f.direction} from ${levelWords(f.previous.level)}` : ''}.`,
    );
  if (f.suggestion) out.push(`Suggested level as of ${asOf}: ${levelWords(f.suggestion.level)} (an aid to judgement, not a score).`);
  if (f.overdueStage)
    out.push(`Stage open ${f.overdueStage.days} days against ${f.overdueStage.weeks} weeks; open tasks: ${words(f.overdueStage.tasks) || 'none'}.`);
  if (f.claReviewOverdue) out.push(`CLA review overdue since ${f.claReviewOverdue}.`);
  if (f.visitOverdue) out.push(`Visit with the child seen alone overdue since ${f.visitOverdue}.`);
  if (f.failedReturns > 0) out.push(`${f.failedReturns} failed ${plural(f.failedReturns, 'return', 'returns')} before.`);
  if (f.missingEpisodes > 0) out.push(`${f.missingEpisodes} missing ${plural(f.missingEpisodes, 'episode', 'episodes')}.`);
  if (f.redGoals.length > 0) out.push(`Red ${plural(f.redGoals.length, 'goal', 'goals')}: ${words(f.redGoals.map((g) => g.id))}.`);
  if (f.returned) out.push(`Home since ${f.returned} (${daysBetween(f.returned, asOf)} days)${f.unplanned ? ', unplanned' : ''}.`);
  out.push(f.childViewsRecorded ? "The child's views are recorded." : "The child's views are not recorded.");
  if (f.gaps.length > 0) out.push(`Unknown: ${words(f.gaps)}.`);
  return out;
}
