// The documents of a training pack: the facilitator's answer key with timings,
// and the participants' worksheets (case summaries without the answers, stumbling
// blocks, values, supervision questions). View models only: templates render them.
import type { CaseData } from '../core/model/caseTypes.js';
import { isSuperseded, type Contribution } from '../core/classify/classify.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { ageOn } from '../core/text/dates.js';
import { SCENARIO_INFO, bodySection, type PackCase } from '../core/training/packCases.js';
import type { Scenario } from '../core/training/generate.js';
import { FACTORS, LEVELS, TASK_LABELS, type Level } from '../core/model/ids.js';
import { supervisionSections, KOLB_INTRO } from './supervisionDoc.js';
import { FICTIONAL_NOTICE, answer, list, note, paragraph, questions, section, table, type TrainingSection, type TrainingView } from './trainingDoc.js';
import { idWords, longDate } from './words.js';
import { dayActivities, exerciseHandoutSections, facilitatorDaySections } from './trainingDay.js';
import { monitoringKeySections, monitoringWorksheetSections } from './monitoringKey.js';

export interface PackDocuments {
  facilitator: TrainingView;
  caseSummaries: TrainingView;
  stumblingBlocks: TrainingView;
  values: TrainingView;
  supervision: TrainingView;
  /** The handout for the day's other exercises (why useful, costs, fears, stages 1 and 3, sharing, pairs, theory, monitoring). */
  exercises: TrainingView;
}

export interface PackInfo {
  scenario: Scenario;
  seed: number;
  asOf: string;
  config: ReunifyConfig;
  /** Where each case file is, relative to the pack folder. */
  caseFile(id: string): string;
  /** The cohorts scenario's stages, when chosen (`--stages`). */
  stages?: readonly (number | string)[];
}

const FACTOR_KIND = new Map(FACTORS.map((f) => [f.id, f]));
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function view(title: string, info: PackInfo, sections: TrainingSection[], subtitle: string): TrainingView {
  return {
    header: {
      title,
      subtitle,
      caseId: `Training pack, seed ${info.seed}`,
      marking: 'FICTIONAL TRAINING MATERIAL',
      asOf: info.asOf,
      organisation: info.config.organisation,
      hasOrganisation: info.config.organisation !== '',
    },
    notice: FICTIONAL_NOTICE,
    sections,
  };
}

// ---------------------------------------------------------------- facts of a case, for people

function levelLabel(config: ReunifyConfig, level: Level | undefined): string {
  return level ? (config.labels.levels[level] ?? idWords(level)) : 'not recorded';
}

function factorName(id: string): string {
  return idWords(id);
}

/** The value a JSON pointer into the case names, or undefined. */
function at(data: CaseData, pointer: string): unknown {
  let v: unknown = data;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

const HISTORY_WORDS: Record<string, string> = {
  failed_returns: 'failed returns home',
  parent_prior_removals: 'earlier removals of children from the parent',
  missing_episodes: 'missing episodes',
};

/** The evidence a contribution rests on, quoted from the case in words, never as a pointer. */
export function quoteEvidence(data: CaseData, pointer: string): string {
  const value = at(data, pointer);
  const parts = pointer.split('/').slice(1);
  const quoted = (text: unknown, extra: string) => `${typeof text === 'string' && text !== '' ? `“${text}”` : 'No evidence written'}${extra}`;
  if (parts[0] === 'factors' && value && typeof value === 'object') {
    const f = value as { evidence?: string; status?: string; as_of?: string };
    return quoted(f.evidence, ` (${f.status ?? ''}${f.as_of ? `, ${longDate(f.as_of)}` : ''})`);
  }
  if (parts[0] === 'capacity_to_change' && parts.length > 1 && value && typeof value === 'object') {
    const c = value as { evidence?: string; rating?: string; as_of?: string };
    return quoted(c.evidence, ` (${idWords(c.rating ?? '').toLowerCase()}${c.as_of ? `, ${longDate(c.as_of)}` : ''})`);
  }
  if (parts[0] === 'capacity_to_change') return 'No capacity-to-change rating recorded for this parent';
  if (parts[0] === 'history' && parts[1])
    return `History: ${typeof value === 'number' ? value : 'not recorded'} ${HISTORY_WORDS[parts[1]] ?? idWords(parts[1]).toLowerCase()}`;
  if (parts[0] === 'agreement' && parts[1] === 'goals') {
    const goal = data.agreement?.goals?.[Number(parts[2])];
    const name = `Goal ${goal?.id ?? ''}: “${goal?.goal ?? ''}”`;
    if (parts[3] === 'by')
      return `${name}, to be met by ${goal?.by ? longDate(goal.by) : 'no date'}; latest rating ${goal?.progress?.[goal.progress.length - 1]?.rag ?? 'none'}`;
    if (parts[3] === 'progress' && parts[4] !== undefined && value && typeof value === 'object') {
      const p = value as { rag?: string; date?: string; comment?: string };
      return `${name}: ${p.rag ?? ''} on ${p.date ? longDate(p.date) : ''}${p.comment ? `, “${p.comment}”` : ''}`;
    }
    return `${name}: not yet rated`;
  }
  if (pointer === '/child/dob') return `Born ${longDate(data.child.dob)}`;
  if (pointer === '/return/unplanned') return data.return?.unplanned ? 'The return home was unplanned' : 'The return home was planned';
  if (pointer === '/return/returned') return `Went home on ${data.return?.returned ? longDate(data.return.returned) : 'a date not recorded'}`;
  if (pointer === '/transition/planned_return')
    return `Return planned for ${data.transition?.planned_return ? longDate(data.transition.planned_return) : 'a date not recorded'}`;
  if (pointer === '/return') return 'No return home recorded';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `“${String(value)}”`;
  return 'Recorded in the case file';
}

function contributionRow(c: Contribution, data: CaseData): string[] {
  const who = c.person ? ` (${c.person})` : c.goal ? ` (${c.goal}${c.overdue ? ', overdue' : ''})` : '';
  const status = c.rating ?? (c.overdue ? 'not green by its date' : (c.rag ?? c.status));
  const sum = c.status !== 'unknown' ? `${signed(c.weight)} × ${c.fraction} = ${signed(c.points)}` : isSuperseded(c) ? 'not counted' : 'gap: not counted';
  return [
    `${factorName(c.factor)}${who}`,
    status,
    sum,
    c.source,
    quoteEvidence(data, c.evidence) + (c.note ? ` (${c.note.replace(/\/[\w/]+/g, (p) => quoteEvidence(data, p))})` : ''),
  ];
}

function childFacts(data: CaseData, asOf: string): string[][] {
  const c = data.child;
  const rows: string[][] = [
    ['Child', `${c.ref}, ${ageOn(c.dob, asOf)} (born ${longDate(c.dob)})`],
    ['Legal status', `${idWords(c.legal_status)}${c.proceedings && c.proceedings !== 'none' ? `; ${idWords(c.proceedings)}` : ''}`],
    ['Looked after since', c.looked_after_since ? longDate(c.looked_after_since) : 'Not looked after'],
    [
      'Placement',
      `${idWords(c.placement ?? 'other')}${c.placement_moves !== undefined ? `, ${c.placement_moves} placement ${c.placement_moves === 1 ? 'move' : 'moves'}` : ''}`,
    ],
    ['Wants to go home', c.wants_to_return === undefined ? 'Too young to say' : c.wants_to_return ? 'Yes' : 'Has not said so'],
    ['Reunification work opened', longDate(data.opened)],
    ['Stage', data.stage === 'closed' ? 'Closed' : String(data.stage)],
  ];
  const h = data.history;
  if (h)
    rows.push([
      'History',
      `${h.entries_to_care ?? '?'} ${h.entries_to_care === 1 ? 'entry' : 'entries'} to care, ${h.failed_returns ?? '?'} failed ${h.failed_returns === 1 ? 'return' : 'returns'}, ${h.parent_prior_removals ?? '?'} earlier removals of children, ${h.missing_episodes ?? '?'} missing episodes`,
    ]);
  return rows;
}

function peopleRows(data: CaseData): string[][] {
  return (data.people ?? []).map((p) => [
    p.ref,
    idWords(p.relation),
    [
      p.pr ? 'PR' : '',
      p.household ? 'in the household' : '',
      p.returning_to ? 'child would return here' : '',
      p.carer ? 'carer' : '',
      p.safe_adult ? 'safe adult' : '',
    ]
      .filter(Boolean)
      .join(', '),
  ]);
}

// ---------------------------------------------------------------- discussion points

const SEVERE = ['domestic_abuse', 'new_household_adult', 'parental_substance_misuse', 'problems_unaddressed'];

function discussionPoints(c: PackCase, config: ReunifyConfig, asOf: string): string[] {
  const s = c.suggestion;
  const labels = config.labels.levels;
  const out: string[] = [];
  const gapWords = s.gaps.map((g) =>
    g.factor === 'capacity_to_change'
      ? `capacity to change (${g.person})`
      : g.factor === 'goal_progress'
        ? `progress on goal ${g.goal}`
        : factorName(g.factor).toLowerCase(),
  );
  out.push(
    gapWords.length > 0
      ? `Evidence missing: ${gapWords.join('; ')}. Unknown is not absent: ask what participants would need to find out, from whom, and whether they would classify now and flag it, or wait.`
      : 'Nothing is recorded as unknown: ask what the factors do not capture at all (the child’s own experience, a relative not yet met, what the school sees).',
  );
  const counted = s.contributions
    .filter((x) => x.fraction > 0 && x.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.factor.localeCompare(b.factor));
  if (counted.length > 0)
    out.push(
      `What matters most in the suggestion: ${counted
        .slice(0, 3)
        .map((x) => `${factorName(x.factor).toLowerCase()} (${x.rating ?? x.rag ?? x.status}, ${signed(x.points)})`)
        .join('; ')}. Do participants weigh them the same way?`,
    );
  const thresholds = LEVELS.slice(1).map((l) => ({ level: l, at: s.thresholds[l as Exclude<Level, 'low'>] }));
  const near = thresholds.filter((t) => Math.abs(s.score - t.at) <= 1.5);
  for (const t of near) {
    const where =
      s.score === t.at ? `exactly where ${labels[t.level]} starts` : `within ${Math.abs(s.score - t.at)} of where ${labels[t.level]} starts (${t.at})`;
    out.push(`The score (${s.score}) is ${where}: one factor rated differently changes the suggestion. How sure are participants of each rating?`);
  }
  const severe = s.contributions.filter((x) => SEVERE.includes(x.factor) && x.fraction > 0 && x.points > 0);
  // a departure is only discussed where there is a level to depart to
  const canRaise = s.level !== 'very_high';
  const canLower = s.level !== 'low';
  if (severe.length > 0 && canRaise)
    out.push(
      `A reasonable practitioner might set the level above the suggestion (single severe concern) because of ${severe.map((x) => factorName(x.factor).toLowerCase()).join(' and ')}: the count can understate one serious risk.`,
    );
  const age = ageOn(c.data.child.dob, asOf);
  if (age < 5)
    out.push(
      `${c.data.child.ref} is ${age}: the same risks weigh more for a very young child${canRaise ? ' (a child-specific vulnerability that may justify a higher level)' : ''}, and timescales are shorter.`,
    );
  const strong = s.contributions.filter(
    (x) =>
      (x.factor === 'household_change' || x.factor === 'sustained_parental_change' || x.factor === 'extended_family_support' || x.rating === 'demonstrated') &&
      x.points < 0 &&
      x.fraction === 1,
  );
  if (strong.length > 0 && canLower)
    out.push(
      `Others might set it below the suggestion (strong protective context) because of ${strong.map((x) => (x.rating ? `capacity to change ${x.rating}` : factorName(x.factor).toLowerCase())).join(' and ')}. What evidence would they need to show it?`,
    );
  if (s.gaps.length >= 2 && (canRaise || canLower))
    out.push(
      'With several unknowns, "information not captured" is a legitimate reason to depart from the suggestion, but only with the missing information named and a date to find it out.',
    );
  const statics = s.contributions.filter((x) => x.static && x.fraction > 0 && x.points > 0);
  if (statics.length > 0)
    out.push(
      `Static factors (${statics.map((x) => factorName(x.factor).toLowerCase()).join(', ')}) never resolve: they argue for more support and closer monitoring, not, on their own, against return.`,
    );
  const b = c.comparison;
  if (b.latest) {
    out.push(
      `Against the latest classification (${b.latest.point}, ${longDate(b.latest.date)}: ${labels[b.latest.level]}) the suggestion is ${labels[s.level]}, ${b.direction === 'same' ? 'the same level' : b.direction}. ${b.goalsMet.length > 0 ? `Goals met since: ${b.goalsMet.join(', ')}. ` : ''}${b.goalsMissed.length > 0 ? `Goals missed: ${b.goalsMissed.join(', ')}.` : ''}`.trim(),
    );
    if (b.latest.suggested && b.latest.suggested !== b.latest.level)
      out.push(
        `The recorded level departed from the suggestion then (${labels[b.latest.suggested]} suggested, ${labels[b.latest.level]} chosen): does that reasoning still hold?`,
      );
  }
  for (const f of b.flags) out.push(`Check for the manager: ${f.message}.`);
  return out;
}

/** Has return home been considered, in words: the latest decision, or the review that considered it. */
function returnConsidered(data: CaseData): string {
  const decisions = data.decisions ?? [];
  const latest = decisions[decisions.length - 1];
  const pointWords: Record<string, string> = { rc1_d2: 'Decision 2', rc2_d3: 'Decision 3', rc3_post_return: 'the post-return review' };
  if (latest) return `yes: ${pointWords[latest.point] ?? latest.point} on ${longDate(latest.date)} decided ${idWords(latest.outcome).toLowerCase()}`;
  const review = (data.triggers ?? []).find((t) => t.type === 'cla_review' && /return home considered/i.test(t.note ?? ''));
  const classified = (data.classifications ?? [])[0];
  if (classified) return `in progress: risk classified on ${longDate(classified.date)}; the decision is still to make`;
  if (review) return `yes, at the CLA review on ${longDate(review.date)}; no classification or decision yet`;
  return `the work opened on ${longDate(data.opened)}; no classification or decision yet`;
}

/** What should happen next for a child, from the open work, the triggers since the latest classification and the child's cohorts. */
export function nextSteps(c: PackCase): string[] {
  const d = c.data;
  const out: string[] = [];
  if (d.stage === 'closed') {
    out.push(`Closed (${idWords(d.outcome?.status ?? 'closed').toLowerCase()}): check the outcome and any follow-up are recorded; nothing else is due.`);
    return out;
  }
  if (c.openWork.length > 0) out.push(`Finish the open work at Stage ${d.stage}: ${c.openWork.map((w) => (TASK_LABELS[w] ?? w).toLowerCase()).join('; ')}.`);
  const classified = (d.classifications ?? [])
    .map((k) => k.date)
    .sort()
    .pop();
  const since = (d.triggers ?? []).filter(
    (t) => classified && t.date > classified && ['cla_review', 'updated_assessment', 'behaviour_change', 'missing_episode'].includes(t.type),
  );
  if (since.length > 0)
    out.push(
      `Reclassify against the baseline: ${since.map((t) => `${idWords(t.type).toLowerCase()} on ${longDate(t.date)}`).join(', ')} came after the latest classification.`,
    );
  const cohorts = d.cohorts ?? [];
  if (cohorts.includes('teen_future_care_leaver')) out.push('Plan for leaving care alongside the return: the pathway plan and the return plan should agree.');
  if (cohorts.includes('s20_placement')) out.push('Check the s20 arrangement is still agreed and that the plan is not drifting.');
  if (cohorts.includes('placement_at_risk')) out.push('The placement is at risk: is return home the plan, or a move? Decide before the placement ends.');
  if (d.stage === 5 && out.length === 0)
    out.push('Keep visiting with the child seen alone, check support is delivered as planned, and hold the post-return review when it is due.');
  const stageDone: Record<number, string> = {
    1: 'Stage 1 work is done: move to Stage 2, classify risk (RC1) and take Decision 2 to the manager.',
    2: 'Decision 2 is made and shared: move to Stage 3 and agree the parental agreement and goals.',
    3: 'Stage 3 work is done: review the goals with the family and regrade risk (RC2) before Decision 3.',
    4: 'Keep to the transition plan: review each contact step before the next, and check readiness before the move home.',
  };
  if (out.length === 0) out.push(stageDone[d.stage as number] ?? `Carry on with Stage ${d.stage} as planned, with the next review dates kept.`);
  return out;
}

function facilitatorCase(c: PackCase, info: PackInfo): TrainingSection[] {
  const { config, asOf } = info;
  const s = c.suggestion;
  const labels = config.labels.levels;
  const t = s.thresholds;
  const blocks = [
    paragraph(
      `${c.data.child.ref}, ${ageOn(c.data.child.dob, asOf)}; ${c.data.stage === 'closed' ? `closed (${idWords(c.data.outcome?.status ?? 'closed')})` : `stage ${c.data.stage}`}. Case file: ${info.caseFile(c.id)}.`,
    ),
    table(
      ['Question', 'Answer'],
      [
        ['Which cohorts?', (c.data.cohorts ?? []).map((x) => idWords(x).toLowerCase()).join(', ') || 'none'],
        ['Which trigger points?', (c.data.triggers ?? []).map((t) => `${idWords(t.type).toLowerCase()} (${longDate(t.date)})`).join('; ') || 'none'],
        ['Has return home been considered?', returnConsidered(c.data)],
        ['What next?', nextSteps(c).join(' ')],
      ],
    ),
    paragraph(
      c.openWork.length > 0
        ? `Open work for participants: ${c.openWork.map((w) => TASK_LABELS[w] ?? w).join('; ')}.`
        : 'No task is open at this stage: participants review the work done.',
    ),
    paragraph(
      `Suggested level: ${labels[s.level]} (score ${s.score}; ${labels.medium} from ${t.medium}, ${labels.high} from ${t.high}, ${labels.very_high} from ${t.very_high}).${s.point && s.decision ? ` Default decision at ${s.point}: ${idWords(s.decision)}.` : ''}`,
    ),
    ...s.forced.map((f) =>
      paragraph(`Raised to at least ${labels[f.minLevel]} by ${factorName(f.factor).toLowerCase()} (${quoteEvidence(c.data, f.evidence)}): ${f.reason}`),
    ),
    note(s.notice),
    table(
      ['Factor', 'Status', 'Weight × fraction = points', 'Source', 'Evidence'],
      s.contributions.map((x) => contributionRow(x, c.data)),
    ),
    paragraph(`Total: ${s.score}.`),
  ];
  if (c.comparison.factorChanges.length > 0 && c.comparison.latest) {
    const changed = c.comparison.factorChanges.filter((f) => !['unchanged', 'persisting', 'still_unknown'].includes(f.change));
    blocks.push(
      paragraph(
        `Since ${longDate(c.comparison.latest.date)}: ${changed.length === 0 ? 'no factor has changed.' : changed.map((f) => `${factorName(f.factor).toLowerCase()} ${f.change.replace('_', ' ')}`).join('; ') + '.'}`,
      ),
    );
  }
  return [
    section(`${c.id}: ${c.data.child.ref}`, blocks, true),
    section(
      `${c.id}: points for discussion`,
      [list(discussionPoints(c, config, asOf)), paragraph('Must answer before any decision:'), questions(c.supervision.mustAnswer)],
      true,
    ),
  ];
}

// ---------------------------------------------------------------- stumbling blocks and values

const GROUPS: readonly { id: string; name: string; obstacles: string; feelings: string; responses: string }[] = [
  {
    id: 'children',
    name: 'Children',
    obstacles: 'Mixed feelings about going home; loyalty to carers; fear that things will go back to how they were; not being asked, or not being believed.',
    feelings: 'Hope, guilt, loyalty, fear; the value of the child’s voice against adults deciding for them.',
    responses:
      'See the child alone and often; explain the plan in words that fit their age; agree a safe adult; record mixed feelings as normal, not as a reason to stop.',
  },
  {
    id: 'family',
    name: 'Families',
    obstacles:
      'Shame and distrust after removal; fear of being judged again (especially after earlier removals); disguised compliance; housing, money and work pressures.',
    feelings: 'Pride, anger, grief; the value of parental responsibility and of being treated as partners.',
    responses:
      'A plain-language agreement with clear non-negotiables; honesty about concerns and strengths; practical help first; evidence, not attendance, as the test of change.',
  },
  {
    id: 'social_workers',
    name: 'Social workers',
    obstacles: 'Fear of blame after a failed return; caseload pressure and drift; over-optimism about a family they like, or pessimism about one they do not.',
    feelings: 'Anxiety, attachment to the family, moral distress; the value of keeping children safe against keeping families together.',
    responses: 'Reflective supervision that names feelings; the framework’s structure and timescales; classification reasons written down and shared.',
  },
  {
    id: 'managers',
    name: 'Managers',
    obstacles: 'Sign-off delays; defensive decisions; not checking that return home is considered for every child; restructuring that loses the thread.',
    feelings: 'Accountability and exposure; the value of consistency against individual judgement.',
    responses:
      'Routine checks of the caseload view (not considered, awaiting sign-off); supervision that asks the must-answer questions; overrides reviewed as learning, not failure.',
  },
  {
    id: 'professionals',
    name: 'Other professionals (school, health, police, carers)',
    obstacles: 'Different thresholds for risk; foster carers attached to the child; hesitancy to share information; promises of services that do not start.',
    feelings: 'Protectiveness, professional pride; different values about risk and family life.',
    responses: 'A team around the child with named roles; shared goals and review dates; support in place from day one, not only promised.',
  },
  {
    id: 'organisation',
    name: 'The organisation',
    obstacles: 'Cost pressure on support services; performance targets that reward speed over quality; policies that make return the exception.',
    feelings: 'Risk aversion at the top; the value of permanence and of using public money well.',
    responses:
      'The cost case: support pays for itself if it prevents one failed return in about 13 (NSPCC 2024 figures); leadership that asks about return home at every review.',
  },
];

const VALUE_QUESTIONS: readonly string[] = [
  'Which values come into play when you think about a child going home: the child’s right to family life, to safety, to be heard; the parents’ rights and responsibilities; permanence within the child’s timescales?',
  'How emotionally demanding is this work, and what helps you carry it?',
  'Where do your values conflict, for you as a worker, with what the plan asks of you?',
  'Do other professionals (school, health, police, foster carers) share the same values? Where do they differ, and how does that show?',
];

const VALUE_POINTS: readonly string[] = [
  'The child’s right to a family life and the duty to protect can pull in different directions; the framework asks for both to be weighed, with reasons written down.',
  'Poverty and disadvantage are not the same as neglect: the family’s circumstances may need practical help, not only scrutiny.',
  'Honesty is a value in practice: parents need to hear the concerns plainly, and children need the decision explained.',
  'Long time in care does not rule a child out of going home; assumptions about drift deserve challenge.',
  'Carers who love the child may find the return hard; their values are real and can colour what they report.',
  'The emotional labour of the work is part of the work: supervision is where it is named.',
];

function caseValuePrompt(c: PackCase, asOf: string): string {
  const d = c.data;
  const parent = (d.people ?? []).find((p) => p.returning_to)?.ref ?? 'the parents';
  const parts: string[] = [];
  if (d.child.wants_to_return) parts.push(`${d.child.ref} wants to go home`);
  else if (d.child.wants_to_return === false) parts.push(`${d.child.ref} has not said they want to go home`);
  else parts.push(`${d.child.ref} is too young to say what they want`);
  if ((d.history?.failed_returns ?? 0) > 0) parts.push('an earlier return failed');
  if ((d.history?.parent_prior_removals ?? 0) > 0) parts.push(`${parent} has had children removed before`);
  if (ageOn(d.child.dob, asOf) >= 14) parts.push(`${d.child.ref} is a teenager who may soon leave care`);
  if ((d.people ?? []).some((p) => p.carer && !p.pr)) parts.push('the carers have looked after the child for some time');
  return `${c.id}: ${parts.join('; ')}. Whose rights and whose values pull which way?`;
}

function caseBlockPrompt(c: PackCase): string {
  const d = c.data;
  const facts: string[] = [];
  if ((d.history?.missing_episodes ?? 0) > 0) facts.push(`${d.child.ref} has gone missing`);
  if ((d.history?.failed_returns ?? 0) > 0) facts.push('a return has failed before');
  if ((d.people ?? []).some((p) => p.household && !p.pr && !p.carer)) facts.push('a new adult is in the household');
  if (d.return?.unplanned) facts.push('the return was unplanned');
  if ((d.agreement?.goals ?? []).some((g) => g.progress?.[g.progress.length - 1]?.rag === 'red')) facts.push('a goal is red');
  if (facts.length === 0) facts.push(`${d.child.ref} is at ${d.stage === 'closed' ? 'the end of the work' : `stage ${d.stage}`}`);
  return `${c.id}: ${facts.join('; ')}. Which group’s obstacles would you meet first?`;
}

// ---------------------------------------------------------------- the documents

export function packDocuments(cases: readonly PackCase[], info: PackInfo): PackDocuments {
  const scenario = SCENARIO_INFO[info.scenario];
  const subtitle = `${scenario.title}. Seed ${info.seed}, as of ${longDate(info.asOf)}, ${cases.length} ${cases.length === 1 ? 'case' : 'cases'}.`;
  const monitoring = info.scenario === 'monitoring';
  const activities = dayActivities(scenario.title.toLowerCase(), cases.length, monitoring);
  const made = `The cases are generated from seed ${info.seed}: the same command (reunify scaffold exercise --scenario ${info.scenario} --seed ${info.seed} --cases ${cases.length}${info.stages ? ` --stages ${info.stages.join(',')}` : ''}) makes the same pack, byte for byte.`;

  const facilitator = view(
    'Facilitator notes and answer key',
    info,
    [
      section('About this pack', [
        paragraph(scenario.purpose),
        paragraph(`Participants: ${scenario.task}`),
        ...(monitoring
          ? [
              paragraph(
                `${made} The pack's reunify.config.yaml records the exercise date (as_of ${info.asOf}), so reunify status and reunify check read the cases as of that day whenever they are run; check reports the drift too, as it would in a team.`,
              ),
              paragraph(
                'Each drifting case is a generated case as it stood some weeks ago with nothing recorded since, or with one record changed the way practice drifts (a sign-off left, a parent not told). The key below is what reunify status reports of each case with the pack’s settings; the next steps are what a team manager would be expected to do, for the discussion.',
              ),
            ]
          : [
              paragraph(
                `${made} The pack's reunify.config.yaml records the exercise date (as_of ${info.asOf}), so reunify check cases/ stays clean whenever it is run.`,
              ),
              paragraph(
                'The suggested levels below come from reunify classify with the pack’s settings. They are an aid to structured professional judgement, not the answer: a group that reaches a different level with good reasons has done the exercise well.',
              ),
            ]),
        note('Keep this document away from participants until the feedback.'),
      ]),
      ...facilitatorDaySections(activities, cases, info.config),
      ...(monitoring
        ? monitoringKeySections(cases, info.asOf, info.caseFile)
        : [
            section('Answer key', [
              paragraph('For each case: what participants are asked to do, the suggested level with every contribution, and points for the discussion.'),
            ]),
            ...cases.flatMap((c) => facilitatorCase(c, info)),
          ]),
      section('Stumbling blocks: points to draw out', [
        table(
          ['Group', 'Obstacles', 'Emotions and values behind them', 'Responses that keep the plan moving'],
          GROUPS.map((g) => [g.name, g.obstacles, g.feelings, g.responses]),
        ),
      ]),
      section('Values discussion: points to draw out', [list(VALUE_POINTS)]),
      section('Reflective supervision', [
        paragraph(KOLB_INTRO),
        paragraph(
          'In threes: one supervises, one is the case’s social worker, one observes which questions opened the conversation up and which closed it down. Swap roles for each case. Then ask each participant to write their own question for each stage of the cycle, and their own must-answer questions.',
        ),
      ]),
    ],
    subtitle,
  );

  const summaries = view(
    'Case summaries',
    info,
    [
      section('Your task', [
        paragraph(scenario.task),
        paragraph(
          monitoring
            ? 'Work from what reunify status and the case files show: where something is not recorded, say so rather than assume it was done.'
            : 'Work from the evidence on these pages: where something is not known, say so rather than assume it.',
        ),
      ]),
      ...(monitoring ? monitoringWorksheetSections(cases, info.asOf, (c) => childFacts(c.data, info.asOf)) : cases.flatMap((c) => summarySections(c, info))),
    ],
    subtitle,
  );

  const stumbling = view(
    'Stumbling blocks',
    info,
    [
      section('What to do', [
        paragraph(
          'For each group involved in a return home, note the obstacles you have met or expect, the emotions and values behind them, and how you would respond without stalling the plan.',
        ),
      ]),
      ...GROUPS.map((g) =>
        section(g.name, [answer('Obstacles', 2), answer('Emotions and values behind them', 2), answer('How to respond without stalling the plan', 2)], true),
      ),
      section('From the cases in this pack', [list(cases.map(caseBlockPrompt))]),
    ],
    subtitle,
  );

  const values = view(
    'Values discussion',
    info,
    [
      section('Questions', [questions(VALUE_QUESTIONS.map((text) => ({ text }))), answer('Notes', 4)]),
      section('From the cases in this pack', [list(cases.map((c) => caseValuePrompt(c, info.asOf)))]),
    ],
    subtitle,
  );

  const supervision = view(
    'Reflective supervision questions',
    info,
    [
      section('How to use these questions', [paragraph(KOLB_INTRO)]),
      ...cases.flatMap((c) => supervisionSections(c.supervision, { sub: true, withSpace: false, withFacts: false })),
      section('Your own questions', [
        paragraph(
          'Write one question of your own for each stage of the cycle, for a child going home from your own caseload, and the questions you would always want answered before a decision.',
        ),
        answer('Narrative: what happened?', 2),
        answer('Emotional: how does it feel?', 2),
        answer('Analytical: what does it mean?', 2),
        answer('Planning: what next?', 2),
        answer('My must-answer questions', 3),
      ]),
    ],
    subtitle,
  );

  const exercises = view(
    'Exercises for the day',
    info,
    [
      section('How to use this handout', [paragraph('One exercise a page, in the order of the day. Write on the pages; nothing here is an answer.')]),
      ...exerciseHandoutSections(cases, info.config),
    ],
    subtitle,
  );

  return { facilitator, caseSummaries: summaries, stumblingBlocks: stumbling, values, supervision, exercises };
}

// ---------------------------------------------------------------- case summaries (no answers)

function latestFactors(data: CaseData): NonNullable<CaseData['factors']> {
  const latest = new Map<string, NonNullable<CaseData['factors']>[number]>();
  for (const f of data.factors ?? []) {
    const key = `${f.id} ${f.person ?? ''}`;
    const prev = latest.get(key);
    if (!prev || (prev.as_of ?? '') <= (f.as_of ?? '')) latest.set(key, f);
  }
  return [...latest.values()];
}

function summarySections(c: PackCase, info: PackInfo): TrainingSection[] {
  const d = c.data;
  const scenario = info.scenario;
  const ratingHidden = scenario === 'classification';
  const blocks = [table(['', ''], childFacts(d, info.asOf)), paragraph('Family and network:'), table(['Person', 'Relation', ''], peopleRows(d))];
  if (scenario !== 'cohorts' && (d.triggers ?? []).length > 0)
    blocks.push(paragraph(`Trigger points: ${(d.triggers ?? []).map((t) => `${idWords(t.type)} (${longDate(t.date)})`).join('; ')}.`));
  if (scenario === 'cohorts')
    blocks.push(
      paragraph(
        `Events recorded: ${(d.triggers ?? []).map((t) => `${longDate(t.date)}${t.note ? `, ${t.note.toLowerCase()}` : ''}`).join('; ') || 'none'}. CLA reviews: ${(d.cla_reviews ?? []).map(longDate).join(', ') || 'none'}.`,
      ),
    );
  const factors = scenario === 'reclassification' ? [...(d.factors ?? [])] : latestFactors(d);
  if (factors.length > 0) {
    blocks.push(
      paragraph(ratingHidden ? 'Evidence about each factor (rate each one yourself: present, partly, absent or unknown):' : 'Factors and their evidence:'),
    );
    blocks.push(
      table(
        ['Factor', 'Risk or protective', 'Evidence', 'Date', ratingHidden ? 'Your rating' : 'Status'],
        factors.map((f) => [
          factorName(f.id),
          FACTOR_KIND.get(f.id)?.kind ?? 'local',
          f.evidence ?? 'No evidence recorded',
          f.as_of ? longDate(f.as_of) : '',
          ratingHidden ? '' : f.status,
        ]),
      ),
    );
  }
  const capacity = d.capacity_to_change ?? [];
  if (capacity.length > 0) {
    const who = (id: string) => (d.people ?? []).find((p) => p.id === id)?.ref ?? id;
    blocks.push(paragraph('Capacity to change:'));
    blocks.push(
      table(
        ['Parent', ratingHidden ? 'Your rating' : 'Rating', 'Evidence', 'Date'],
        capacity.map((x) => [who(x.person), ratingHidden ? '' : idWords(x.rating), x.evidence ?? '', x.as_of ? longDate(x.as_of) : '']),
      ),
    );
  }
  const recorded = (d.classifications ?? []).map((k): [string, string, string, string] => [
    longDate(k.date),
    idWords(k.point),
    levelLabel(info.config, k.level),
    (d.decisions ?? []).find((x) => x.point === k.point && x.date >= k.date)?.outcome ?? '',
  ]);
  if (recorded.length > 0) {
    blocks.push(paragraph('Classifications and decisions so far:'));
    blocks.push(
      table(
        ['Date', 'Decision point', 'Level', 'Decision'],
        recorded.map((r) => [r[0], r[1], r[2], r[3] ? idWords(r[3]) : 'not yet made']),
      ),
    );
  }
  const goals = d.agreement?.goals ?? [];
  if (goals.length > 0) {
    blocks.push(paragraph(`Parental agreement signed ${d.agreement?.signed ? longDate(d.agreement.signed) : 'not yet'}; goals and their ratings:`));
    blocks.push(
      table(
        ['Goal', 'By', 'Ratings, oldest first'],
        goals.map((g) => [
          `${g.id}: ${g.goal ?? ''}`,
          g.by ? longDate(g.by) : '',
          (g.progress ?? []).map((p) => `${p.rag} (${longDate(p.date)})`).join(', ') || 'not yet rated',
        ]),
      ),
    );
  }
  if (d.return?.returned) {
    const r = d.return;
    const seen = ageOn(d.child.dob, info.asOf) < 5 ? 'seen and observed' : 'seen alone';
    blocks.push(
      paragraph(
        `Went home on ${longDate(r.returned!)}${r.unplanned ? ' (unplanned)' : ''}. Visits since: ${(r.visits ?? []).length}, with the child ${seen} at ${(r.visits ?? []).filter((v) => v.seen_alone).length}.`,
      ),
    );
    if ((r.support_package ?? []).length > 0)
      blocks.push(
        table(
          ['Support', 'From', 'To', 'Delivery'],
          (r.support_package ?? []).map((s) => [
            s.service,
            s.from ? longDate(s.from) : '',
            s.to ? longDate(s.to) : '',
            s.delivered ? idWords(s.delivered) : '',
          ]),
        ),
      );
  }
  const views = bodySection(c.body, /^(child['’]s views|voice of the child)/i);
  if (views) blocks.push(paragraph(`The child's views: ${views.replace(/\s+/g, ' ')}`));
  const task =
    scenario === 'cohorts'
      ? [
          answer('Cohorts this child belongs to', 2),
          answer('Trigger points met, and what each calls for', 2),
          answer('Has return home been considered? What should happen next?', 3),
        ]
      : [
          answer('The level you would choose, and why', 3),
          answer('The decision it leads to', 2),
          answer('Evidence that is missing, and how you would find it', 2),
          answer('Where you might depart from a suggested level, and why', 2),
        ];
  // one case to a printed page, so each group can be handed its own
  return [section(`${c.id}: ${d.child.ref}`, blocks, true, true), section(`${c.id}: your answers`, task, true)];
}
