// Stages 4 (prepare) and 5 (return_home): regrading risk and Decision 3, the support
// plan, the transition plan, readiness; then contact, support, monitoring, step down.
import type { CaseData } from '../../model/caseTypes.js';
import { isAfter } from '../../text/dates.js';
import { CARE_ORDER_STATUSES, ROLE_PARTIES, STEP_DOWN_TO, SUPPORT_DELIVERY, type Level } from '../../model/ids.js';
import { requiredParties } from '../sharing.js';
import { getIn, isBlank, isPlainObject, list, question, type Answers, type Step } from '../answers.js';
import { latestAt } from '../../rules/recordReaders.js';
import {
  appendNew,
  compact,
  describePerson,
  isParentOrCarer,
  itemsAt,
  noteStep,
  notAfterToday,
  statusSteps,
  taskFieldEdits,
  whenDone,
  whenRecording,
  type FlowCase,
  type FlowContext,
  type TaskFlow,
  type WorkflowEdit,
} from '../flow.js';
import { describeGoal, ratingEdits, ratingList } from './goals.js';
import {
  classificationEdits,
  classificationList,
  decisionEdits,
  decisionList,
  latestLevel,
  missingRoleSignOffEdits,
  missingRoleSignOffSteps,
} from './decisionPoint.js';

const reclassification: TaskFlow = {
  task: 'reclassification',
  steps(c, ctx) {
    const done = whenDone('reclassification');
    return [
      ...statusSteps(c, 'reclassification', ctx, { by: c.data.team.team_manager }),
      // [local] a Decision 3 already recorded may still await a senior manager's or a panel's sign-off
      ...missingRoleSignOffSteps(c, ctx, ['rc2_d3']),
      classificationList(c, ctx, 'reclassification', done),
      // Decision 3 has no task of its own: it is made on the RC2 classification (docs/decisions.md)
      decisionList(c, ctx, 'reclassification', 'rc2_d3', {
        when: done,
        min: 0,
        level: latestLevel(c.data, 'rc2_d3') ?? latestLevel(c.data, 'rc1_d2'),
        levelFrom: (root) => getIn(root, ['classifications', 0, 'level']) as Level | undefined,
      }),
    ];
  },
  change: (c, answers, ctx) => ({
    edits: [
      ...classificationEdits(c, ctx, 'reclassification', 'rc2_d3', answers),
      ...decisionEdits(c, ctx, 'reclassification', 'rc2_d3', answers),
      ...missingRoleSignOffEdits(c, ctx, ['rc2_d3'], answers),
      ...taskFieldEdits('reclassification', answers),
    ],
    sections: [],
  }),
};

function serviceSteps(ctx: { date: string }, withDelivery: boolean) {
  return [
    question('text', ['service'], 'The service (e.g. family support worker, alcohol service)', { required: true }),
    question('date', ['from'], 'From', { default: ctx.date }),
    question('date', ['to'], 'To (its last day; optional)', {
      check: (v: unknown, scope: Answers) =>
        typeof scope.from === 'string' && isAfter(scope.from, String(v)) ? `must not be before ${scope.from}` : undefined,
    }),
    ...(withDelivery ? [question('choice', ['delivered'], 'Delivered?', { choices: SUPPORT_DELIVERY.map((s) => ({ value: s, name: s })) })] : []),
    question('text', ['note'], 'Short note (optional)'),
  ];
}

const describeService = (s: { service: string; from?: string; to?: string; delivered?: string }) =>
  `${s.service}${s.from ? ` from ${s.from}` : ''}${s.to ? ` to ${s.to}` : ''}${s.delivered ? ` (${s.delivered})` : ''}`;

const supportReview: TaskFlow = {
  task: 'support_review',
  steps(c, ctx) {
    const existing = c.data.return?.support_package ?? [];
    return [
      ...statusSteps(c, 'support_review', ctx),
      list(['return', 'support_package'], 'service', 'Add a service to the support plan for the return?', serviceSteps(ctx, false), {
        when: whenRecording('support_review'),
        existing: existing.map(describeService),
        min: (root) => (whenDone('support_review')({}, root) && existing.length === 0 ? 1 : 0),
      }),
      noteStep('support_review', 'What changed in the plan now that the return is real? (optional)', c),
    ];
  },
  change: (c, answers) => ({
    edits: [
      ...appendNew(['return', 'support_package'], itemsAt(answers, ['return', 'support_package']), c.data.return?.support_package),
      ...taskFieldEdits('support_review', answers),
    ],
    sections: [],
  }),
};

function transitionParties(c: FlowCase, tokens: readonly string[]) {
  const required = requiredParties(c.data, tokens);
  return [
    ...required.map((r) => ({ value: r.party, name: `${r.party} (${r.role})` })),
    ...(c.data.people ?? []).filter((p) => !required.some((r) => r.party === p.id)).map((p) => ({ value: p.id, name: `${p.id} (${p.relation})` })),
    ...ROLE_PARTIES.filter((r) => !required.some((q) => q.party === r)).map((r) => ({ value: r, name: r })),
  ];
}

/** What the plan already says, shown in a question that is asked with nothing pre-filled. */
const recordedNote = (value: string | undefined) => (isBlank(value) ? '' : ` (recorded: ${value}; leave empty to keep it)`);

/** Whose view of the transition plan may be recorded: the parents and carers in the family network. */
function viewParties(c: FlowCase) {
  return (c.data.people ?? []).filter(isParentOrCarer).map((p) => ({ value: p.id, name: describePerson(p) }));
}

const underCareOrder = (data: CaseData) => (CARE_ORDER_STATUSES as readonly string[]).includes(data.child.legal_status);

const transitionPlan: TaskFlow = {
  task: 'transition_plan',
  steps(c, ctx) {
    const done = whenDone('transition_plan');
    const t = c.data.transition ?? {};
    const required = requiredParties(c.data, ctx.config.sharing.required_parties).filter((r) => r.party !== 'childrens_guardian');
    return [
      ...statusSteps(c, 'transition_plan', ctx),
      question('date', ['transition', 'agreed'], 'Date the transition plan was agreed', {
        when: whenRecording('transition_plan'),
        required: done,
        attests: true,
        recorded: t.agreed,
        check: notAfterToday(ctx),
      }),
      question('choices', ['transition', 'agreed_by'], 'Agreed by', {
        when: whenRecording('transition_plan'),
        required: done,
        // who agreed is theirs to say: the required parties are suggested at a prompt, never ticked or assumed
        attests: true,
        recorded: t.agreed_by,
        offer: required.map((r) => r.party),
        choices: transitionParties(c, ctx.config.sharing.required_parties),
      }),
      question('date', ['transition', 'planned_return'], 'Planned date of the move home', {
        when: whenRecording('transition_plan'),
        required: done,
        default: t.planned_return,
        check: (v, _s, root) => {
          const agreed = getIn(root, ['transition', 'agreed']);
          return typeof agreed === 'string' && isAfter(agreed, String(v)) ? `must not be before the plan is agreed (${agreed})` : undefined;
        },
      }),
      // under a care order the placement with parents is approved before the move: who approved is theirs to say
      question('text', ['transition', 'placement_approval', 'by'], 'Placement with parents approved by (role and initials; leave empty if not yet approved)', {
        when: (s, root) => whenRecording('transition_plan')(s, root) && underCareOrder(c.data) && !t.placement_approval,
        attests: true,
      }),
      question('date', ['transition', 'placement_approval', 'date'], 'Date of the approval', {
        when: (_s, root) => !isBlank(getIn(root, ['transition', 'placement_approval', 'by'])),
        required: true,
        attests: true,
        check: notAfterToday(ctx),
      }),
      // the plan's own parts, as the parents, carers and professionals agreed them: nothing pre-filled, a part skipped stays absent
      list(
        ['transition', 'warning_signs'],
        'warning sign',
        'Add a warning sign, with the response agreed to it?',
        [
          question('text', ['sign'], 'The warning sign (what would show the return is going wrong)', { required: true }),
          question('text', ['response'], 'The agreed response (who does what, and how soon)', { required: true }),
        ],
        { when: whenRecording('transition_plan'), existing: (t.warning_signs ?? []).map((w) => `${w.sign}: ${w.response}`) },
      ),
      question('text', ['transition', 'school'], `School: the arrangements for the move${recordedNote(t.school)} (optional)`, {
        when: whenRecording('transition_plan'),
      }),
      question(
        'text',
        ['transition', 'health'],
        `Health: the arrangements for the move (GP, health visitor, appointments)${recordedNote(t.health)} (optional)`,
        {
          when: whenRecording('transition_plan'),
        },
      ),
      list(
        ['transition', 'views'],
        'view',
        "Add a parent's or carer's view of the plan?",
        [
          // whose view it is, and what they said, are theirs: never pre-selected
          question('choice', ['party'], 'Whose view?', { required: true, attests: true, choices: viewParties(c) }),
          question('text', ['view'], 'Their view of the plan, in their words where possible', { required: true }),
        ],
        {
          when: (s, root) => whenRecording('transition_plan')(s, root) && viewParties(c).length > 0,
          existing: (t.views ?? []).map((v) => `${v.party}: ${v.view}`),
        },
      ),
    ];
  },
  change(c, answers) {
    const t = (c.data.transition ?? {}) as Answers;
    const edits: WorkflowEdit[] = ['agreed', 'agreed_by', 'planned_return', 'placement_approval', 'school', 'health']
      .filter((f) => !isBlank(getIn(answers, ['transition', f])) && JSON.stringify(getIn(answers, ['transition', f])) !== JSON.stringify(t[f]))
      // an approval is recorded only with the person who gave it
      .filter((f) => f !== 'placement_approval' || !isBlank(getIn(answers, ['transition', f, 'by'])))
      .map((f) => ({ op: 'set', path: ['transition', f], value: getIn(answers, ['transition', f]) }));
    edits.push(...appendNew(['transition', 'warning_signs'], itemsAt(answers, ['transition', 'warning_signs']), c.data.transition?.warning_signs));
    edits.push(...appendNew(['transition', 'views'], itemsAt(answers, ['transition', 'views']), c.data.transition?.views));
    return { edits: [...edits, ...taskFieldEdits('transition_plan', answers)], sections: [] };
  },
};

const readiness: TaskFlow = {
  task: 'readiness',
  steps: (c, ctx) => [
    ...statusSteps(c, 'readiness', ctx),
    noteStep(
      'readiness',
      'How ready are the child, parents, carers and school? (Mixed feelings are normal: record them, they are not a reason to stop.)',
      c,
      whenDone('readiness'),
    ),
  ],
  change: (_c, answers) => ({ edits: taskFieldEdits('readiness', answers), sections: [] }),
};

const contactPlan: TaskFlow = {
  task: 'contact_plan',
  steps(c, ctx) {
    const phases = c.data.return?.contact_phases ?? [];
    return [
      ...statusSteps(c, 'contact_plan', ctx),
      list(
        ['return', 'contact_phases'],
        'contact phase',
        'Add a step of contact (day visits, overnights, weekends, the move)?',
        [
          question('date', ['from'], 'From', { required: true, default: ctx.date }),
          question('date', ['to'], 'To (optional)', {
            check: (v, scope) => (typeof scope.from === 'string' && isAfter(scope.from, String(v)) ? `must not be before ${scope.from}` : undefined),
          }),
          question('text', ['pattern'], 'The pattern (e.g. day visits at weekends)', { required: true }),
          question('text', ['conditions'], 'Conditions for moving on to the next step (optional)'),
          question('text', ['note'], 'How it went (optional)'),
        ],
        {
          when: whenRecording('contact_plan'),
          existing: phases.map((p) => `${p.from}${p.to ? ` to ${p.to}` : ''}: ${p.pattern ?? ''}`),
          min: (root) => (whenDone('contact_plan')({}, root) && phases.length === 0 ? 1 : 0),
        },
      ),
      question('date', ['return', 'returned'], 'Date the child went home (the transfer of care), once it has happened', {
        when: whenRecording('contact_plan'),
        default: c.data.return?.returned,
        check: notAfterToday(ctx),
      }),
    ];
  },
  change(c, answers) {
    const returned = getIn(answers, ['return', 'returned']);
    const edits: WorkflowEdit[] = appendNew(['return', 'contact_phases'], itemsAt(answers, ['return', 'contact_phases']), c.data.return?.contact_phases);
    if (typeof returned === 'string' && returned !== c.data.return?.returned) edits.push({ op: 'set', path: ['return', 'returned'], value: returned });
    return { edits: [...edits, ...taskFieldEdits('contact_plan', answers)], sections: [] };
  },
};

const supportPackage: TaskFlow = {
  task: 'support_package',
  steps(c, ctx) {
    const existing = c.data.return?.support_package ?? [];
    return [
      ...statusSteps(c, 'support_package', ctx, { ongoing: true }),
      list(['return', 'support_package'], 'service', 'Add a service to the support package?', serviceSteps(ctx, true), {
        when: whenRecording('support_package'),
        existing: existing.map(describeService),
      }),
      noteStep('support_package', 'Services planned against delivered: any gaps, and increases made (optional)', c),
    ];
  },
  change: (c, answers) => ({
    edits: [
      ...appendNew(['return', 'support_package'], itemsAt(answers, ['return', 'support_package']), c.data.return?.support_package),
      ...taskFieldEdits('support_package', answers),
    ],
    sections: [],
  }),
};

/** The visits answered, with `seen_alone` as given: yes, no, or (not given) left out, never assumed either way. */
function visitsGiven(answers: Answers): Answers[] {
  const given = getIn(answers, ['return', 'visits']);
  return (Array.isArray(given) ? given.filter(isPlainObject) : []).map((v) => ({
    ...compact({ date: v.date }),
    ...(typeof v.seen_alone === 'boolean' ? { seen_alone: v.seen_alone } : {}),
    ...compact({ note: v.note }),
  }));
}

/** The latest post-return review decision (RC3) on or before the date, when it does not yet say when the next review is. */
function reviewWithoutNext(c: FlowCase, ctx: FlowContext) {
  const latest = latestAt(c.data.decisions, 'rc3_post_return', ctx.date);
  return latest && !latest.record.next_review ? latest : undefined;
}

/**
 * When the next post-return review is, for the latest review decision that does not say:
 * asked with nothing pre-filled (the date is the team's to set), and left absent when skipped.
 * The answer's path is `decisions.0.next_review`: the latest review decision, as `decision_shared` names it.
 */
function nextReviewSteps(c: FlowCase, ctx: FlowContext): Step[] {
  const review = reviewWithoutNext(c, ctx);
  if (!review) return [];
  const { date, outcome } = review.record;
  return [
    question('date', ['decisions', 0, 'next_review'], `Date of the next post-return review, after the review decision of ${date} (${outcome}) (optional)`, {
      when: whenRecording('monitoring'),
      check: (v) => (isAfter(String(v), date) ? undefined : `must be after the review decision it follows (${date})`),
    }),
  ];
}

const monitoring: TaskFlow = {
  task: 'monitoring',
  steps(c, ctx) {
    const goals = c.data.agreement?.goals ?? [];
    return [
      ...statusSteps(c, 'monitoring', ctx, { ongoing: true }),
      // [local] a post-return review decision (RC3) already recorded may still await a further sign-off
      ...missingRoleSignOffSteps(c, ctx, ['rc3_post_return']),
      list(
        ['return', 'visits'],
        'visit',
        'Record a visit?',
        [
          question('date', ['date'], 'Date of the visit', { required: true, default: ctx.date, check: notAfterToday(ctx) }),
          // a safeguarding fact: recorded only as given, never pre-answered (docs/decisions.md)
          question('yesno', ['seen_alone'], 'Was the child seen alone?', { attests: true }),
          question('text', ['note'], 'Short note (optional)'),
        ],
        {
          when: whenRecording('monitoring'),
          min: 1,
          max: 1,
          existing: (c.data.return?.visits ?? [])
            .slice(-3)
            .map((v) => `${v.date}${v.seen_alone === true ? ', seen alone' : v.seen_alone === false ? ', not seen alone' : ''}`),
        },
      ),
      list(
        ['agreement', 'goals'],
        'goal rating',
        'Record a red/amber/green rating for a goal?',
        [question('choice', ['id'], 'Which goal?', { required: true, choices: goals.map((g) => ({ value: g.id, name: describeGoal(g) })) }), ratingList(ctx)],
        { when: (s, root) => whenRecording('monitoring')(s, root) && goals.length > 0, existing: goals.map(describeGoal) },
      ),
      ...nextReviewSteps(c, ctx),
    ];
  },
  change(c, answers, ctx) {
    const goals = c.data.agreement?.goals ?? [];
    const edits: WorkflowEdit[] = appendNew(['return', 'visits'], visitsGiven(answers), c.data.return?.visits);
    edits.push(...ratingEdits(goals, itemsAt(answers, ['agreement', 'goals'])));
    const review = reviewWithoutNext(c, ctx);
    const next = getIn(answers, ['decisions', 0, 'next_review']);
    if (review && typeof next === 'string') edits.push({ op: 'set', path: ['decisions', review.index, 'next_review'], value: next });
    edits.push(...missingRoleSignOffEdits(c, ctx, ['rc3_post_return'], answers));
    return { edits: [...edits, ...taskFieldEdits('monitoring', answers)], sections: [] };
  },
};

const stepDown: TaskFlow = {
  task: 'step_down',
  steps(c, ctx) {
    const current = c.data.return?.step_down ?? undefined;
    return [
      ...statusSteps(c, 'step_down', ctx, { by: c.data.team.team_manager }),
      question('date', ['return', 'step_down', 'date'], 'Date of the step down', {
        when: whenRecording('step_down'),
        required: whenDone('step_down'),
        default: current?.date ?? ctx.date,
        check: notAfterToday(ctx),
      }),
      question('choice', ['return', 'step_down', 'to'], 'Stepped down to', {
        when: whenRecording('step_down'),
        required: whenDone('step_down'),
        // the manager's decision: kept as recorded, never pre-selected
        attests: true,
        recorded: current?.to,
        choices: STEP_DOWN_TO.map((s) => ({ value: s, name: s })),
      }),
      question('text', ['return', 'step_down', 'note'], 'Evidence for the lower level, and the follow-up date (optional)', {
        when: whenRecording('step_down'),
        default: current?.note,
      }),
    ];
  },
  change(c, answers) {
    const given = getIn(answers, ['return', 'step_down']);
    const edits: WorkflowEdit[] = [];
    // what was not given again (the level stepped down to, kept as recorded) stays as it is
    const merged = isPlainObject(given) ? { ...((c.data.return?.step_down ?? {}) as Answers), ...compact(given) } : undefined;
    if (merged && !isBlank(merged.date) && !isBlank(merged.to)) {
      const value = compact(merged);
      if (JSON.stringify(value) !== JSON.stringify(c.data.return?.step_down ?? null)) edits.push({ op: 'set', path: ['return', 'step_down'], value });
    }
    return { edits: [...edits, ...taskFieldEdits('step_down', answers)], sections: [] };
  },
};

export const STAGE4_FLOWS: readonly TaskFlow[] = [reclassification, supportReview, transitionPlan, readiness];
export const STAGE5_FLOWS: readonly TaskFlow[] = [contactPlan, supportPackage, monitoring, stepDown];
