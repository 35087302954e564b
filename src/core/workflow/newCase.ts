// A new case at stage 1: what `reunify new` asks, and the commented template the
// answers are written into (built from ids.ts, so its comments list the ids in force).
import { isAfter } from '../text/dates.js';
import { COHORTS, FORMAT_VERSION, LEGAL_STATUSES, PLACEMENTS, PROCEEDINGS, TASK_LABELS, TASKS_BY_STAGE, TRIGGERS } from '../model/ids.js';
import { getIn, isBlank, list, question, type Answers, type Step } from './answers.js';
import { notAfterToday, type FlowContext, type WorkflowEdit } from './flow.js';

const choicesOf = (ids: readonly string[]) => ids.map((id) => ({ value: id, name: id }));

export function newCaseSteps(ctx: FlowContext): Step[] {
  const cohorts = [...COHORTS, ...(ctx.config.additions?.cohorts ?? [])];
  const triggers = [...TRIGGERS, ...(ctx.config.additions?.triggers ?? [])];
  return [
    question('text', ['child', 'ref'], 'The child’s reference: initials or a pseudonym, never a full name (e.g. "Child A")', { required: true }),
    question('date', ['child', 'dob'], 'Date of birth', { required: true, check: notAfterToday(ctx) }),
    question('date', ['child', 'looked_after_since'], 'Date the child became looked after (this episode)', {
      required: true,
      check: (v, _s, root) => {
        const dob = getIn(root, ['child', 'dob']);
        return typeof dob === 'string' && isAfter(dob, String(v)) ? `must not be before the date of birth (${dob})` : notAfterToday(ctx)(v);
      },
    }),
    question('choice', ['child', 'legal_status'], 'Legal status', { required: true, choices: choicesOf(LEGAL_STATUSES) }),
    question('choice', ['child', 'proceedings'], 'Court proceedings', { required: true, default: 'none', choices: choicesOf(PROCEEDINGS) }),
    question('choice', ['child', 'placement'], 'Where the child lives now', { required: true, choices: choicesOf(PLACEMENTS) }),
    question('count', ['child', 'placement_moves'], 'Placement moves in this episode (optional; 0 if none)'),
    question('yesno', ['child', 'wants_to_return'], 'Does the child say they want to go home? (optional)'),
    question('choices', ['cohorts'], 'Cohorts to consider for return home (docs/framework.md §5.2; none is fine)', { choices: choicesOf(cohorts) }),
    list(
      ['triggers'],
      'trigger point',
      'Record the trigger point?',
      [
        question('choice', ['type'], 'The trigger point that started the work', { required: true, choices: choicesOf(triggers) }),
        question('date', ['date'], 'When it happened or was held', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
      ],
      { min: 1, max: 1 },
    ),
    question('text', ['team', 'social_worker'], 'Social worker (role and initials, e.g. "SW J.P.")', { required: true }),
    question('text', ['team', 'team_manager'], 'Team manager (role and initials; optional)'),
    question('text', ['team', 'iro'], 'Independent Reviewing Officer (role and initials; optional)'),
  ];
}

const pad = (text: string, width = 30) => (text.length >= width ? `${text} ` : text.padEnd(width));

/**
 * The file `reunify new` writes, with `""` and `[]` where the answers go (the
 * writer fills them in, so quoting and comments follow its rules). Optional team
 * members and child details are present only when given.
 */
export function newCaseTemplate(
  id: string,
  opened: string,
  given: { teamManager: boolean; iro: boolean; placementMoves?: boolean; wantsToReturn?: boolean },
): string {
  const stage1 = TASKS_BY_STAGE[1];
  const taskLines = stage1.flatMap((t) => [`${pad(`  ${t}:`)}# ${TASK_LABELS[t]}`, '    status: todo']);
  return [
    '---',
    '# A reunify case file: the structured record of one child’s return-home work (front matter),',
    '# then the narrative under ## headings. Initials or pseudonyms only, never full names.',
    `${pad(`reunify: ${FORMAT_VERSION}`)}# case file format version`,
    `${pad(`id: ${id}`)}# case reference: the file name without .md, unique in the caseload`,
    `${pad('stage: 1')}# 1 assess, 2 decide, 3 agree, 4 prepare, 5 return_home, or closed: move on with reunify advance`,
    `${pad(`opened: ${opened}`)}# when the reunification work started (Decision 1)`,
    'child:',
    `${pad('  ref: ""')}# initials or a pseudonym, e.g. "Child A"`,
    `${pad('  dob: ""')}# date of birth, YYYY-MM-DD`,
    `${pad('  looked_after_since: ""')}# date the child became looked after (this episode)`,
    `${pad('  legal_status: ""')}# ${LEGAL_STATUSES.join(' | ')}`,
    `${pad('  proceedings: ""')}# ${PROCEEDINGS.join(' | ')}`,
    `${pad('  placement: ""')}# ${PLACEMENTS.join(' | ')}`,
    ...(given.placementMoves ? [`${pad('  placement_moves: ""')}# placement moves in this episode`] : []),
    ...(given.wantsToReturn ? [`${pad('  wants_to_return: ""')}# true when the child says they want to go home`] : []),
    `# cohorts (docs/framework.md §5.2): ${COHORTS.join(', ')}`,
    `${pad('cohorts: []')}# the cohorts this child is in, to consider for return home`,
    `# trigger points (docs/framework.md §5.1): ${TRIGGERS.join(', ')}`,
    `${pad('triggers: []')}# what started or revisited the work: { type, date }`,
    `${pad('cla_reviews: []')}# looked-after (CLA) review dates, held or planned`,
    `${pad('team:')}# roles and initials`,
    `${pad('  social_worker: ""')}# the child's social worker`,
    ...(given.teamManager ? [`${pad('  team_manager: ""')}# signs off assessments, classifications and decisions`] : []),
    ...(given.iro ? [`${pad('  iro: ""')}# Independent Reviewing Officer`] : []),
    `${pad('tasks:')}# stage 1 (assess): where each task stands (todo, in_progress, done, not_applicable);`,
    '                              # record them with reunify task, which also adds people, history and factors',
    ...taskLines,
    '---',
    '## Case history',
    '',
    '<!-- Chronology: entries to care, earlier returns, removals of siblings, services offered and used, and the patterns in them. The genogram is drawn from `people`. -->',
    '',
    '## Analysis',
    '',
    '<!-- For each parent: strengths, risks, protective factors, progress on the problems that led to care, capacity to change. What must change for a safe return. -->',
    '',
    "## Child's views",
    '',
    "<!-- The child's wishes, feelings and worries, in their own words where possible; whether they were seen alone. -->",
    '',
    '## Notes',
    '',
  ].join('\n');
}

/** The writer edits that put the answers into the template. */
export function newCaseEdits(answers: Answers): WorkflowEdit[] {
  const edits: WorkflowEdit[] = [];
  for (const path of [
    ['child', 'ref'],
    ['child', 'dob'],
    ['child', 'looked_after_since'],
    ['child', 'legal_status'],
    ['child', 'proceedings'],
    ['child', 'placement'],
    ['child', 'placement_moves'],
    ['child', 'wants_to_return'],
    ['cohorts'],
    ['triggers'],
    ['team', 'social_worker'],
    ['team', 'team_manager'],
    ['team', 'iro'],
  ]) {
    const value = getIn(answers, path);
    if (!isBlank(value)) edits.push({ op: 'set', path, value });
  }
  // a CLA review that started the work is also the first review held
  const reviews = ((getIn(answers, ['triggers']) as Answers[] | undefined) ?? []).filter((t) => t.type === 'cla_review').map((t) => t.date);
  if (reviews.length > 0) edits.push({ op: 'set', path: ['cla_reviews'], value: reviews });
  return edits;
}
