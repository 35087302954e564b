// Stage 2 (decide): the RC1 classification, Decision 2, telling everyone, and
// support when the child is not to go home.
import { ROLE_PARTIES } from '../../model/ids.js';
import { taskOf } from '../stageProgress.js';
import type { Decision } from '../../model/caseTypes.js';
import { latestAt } from '../../rules/recordReaders.js';
import { partiesNotTold, requiredParties } from '../sharing.js';
import { list, question } from '../answers.js';
import { appendNew, itemsAt, noteStep, notAfterToday, statusSteps, taskFieldEdits, whenDone, whenRecording, type FlowCase, type TaskFlow } from '../flow.js';
import {
  classificationEdits,
  classificationList,
  decisionEdits,
  decisionList,
  givesMissingRoleSignOff,
  latestLevel,
  missingRoleSignOffEdits,
  missingRoleSignOffSteps,
} from './decisionPoint.js';

const classification: TaskFlow = {
  task: 'classification',
  steps: (c, ctx) => [...statusSteps(c, 'classification', ctx), classificationList(c, ctx, 'classification', whenDone('classification'))],
  change: (c, answers, ctx) => ({
    edits: [...classificationEdits(c, ctx, 'classification', 'rc1_d2', answers), ...taskFieldEdits('classification', answers)],
    sections: [],
  }),
};

const decision: TaskFlow = {
  task: 'decision',
  blocked: (c) => (latestLevel(c.data, 'rc1_d2') ? undefined : 'there is no RC1 classification yet: record the classification task first'),
  steps: (c, ctx) => [
    ...statusSteps(c, 'decision', ctx, { by: c.data.team.team_manager }),
    // [local] a decision already recorded may still await a senior manager's or a panel's sign-off
    ...missingRoleSignOffSteps(c, ctx, ['d1_start', 'rc1_d2']),
    // a new decision is asked for, unless the run gives a further sign-off of the decision the latest RC1 classification already has
    decisionList(c, ctx, 'decision', 'rc1_d2', {
      when: whenDone('decision'),
      min: (root) => (roundDecided(c) && givesMissingRoleSignOff(root) ? 0 : 1),
      level: latestLevel(c.data, 'rc1_d2'),
    }),
  ],
  change: (c, answers, ctx) => ({
    edits: [
      ...decisionEdits(c, ctx, 'decision', 'rc1_d2', answers),
      ...missingRoleSignOffEdits(c, ctx, ['d1_start', 'rc1_d2'], answers),
      ...taskFieldEdits('decision', answers),
    ],
    sections: [],
  }),
};

/** Whether the latest RC1 classification already has a Decision 2 made on or after it. */
function roundDecided(c: FlowCase): boolean {
  const classified = latestAt(c.data.classifications, 'rc1_d2')?.record.date;
  const decided = latestAt(c.data.decisions, 'rc1_d2')?.record.date;
  return classified !== undefined && decided !== undefined && decided >= classified;
}

/** The decision to share: the latest one made (Decision 2 at stage 2, Decision 3 at stage 4, a post-return decision at stage 5). */
function currentDecision(c: FlowCase): { record: Decision; index: number } | undefined {
  let best: { record: Decision; index: number } | undefined;
  (c.data.decisions ?? []).forEach((record, index) => {
    if (!best || record.date >= best.record.date) best = { record, index };
  });
  return best;
}

const decisionShared: TaskFlow = {
  task: 'decision_shared',
  blocked: (c) => (currentDecision(c) ? undefined : 'there is no decision yet: record the decision task first'),
  steps(c, ctx) {
    const { record } = currentDecision(c)!;
    const required = requiredParties(c.data, ctx.config.sharing.required_parties);
    const untold = partiesNotTold(record, required);
    const parties = [
      ...required.map((r) => ({ value: r.party, name: `${r.party} (${r.role})` })),
      ...(c.data.people ?? []).filter((p) => !required.some((r) => r.party === p.id)).map((p) => ({ value: p.id, name: `${p.id} (${p.relation})` })),
      ...ROLE_PARTIES.filter((r) => !required.some((q) => q.party === r)).map((r) => ({ value: r, name: r })),
    ];
    const done = whenDone('decision_shared');
    return [
      ...statusSteps(c, 'decision_shared', ctx),
      list(
        ['decisions', 0, 'shared'],
        'party told',
        `Record telling someone else of the ${record.point} decision of ${record.date} (${record.outcome})?`,
        [
          question('choice', ['party'], 'Who was told?', { required: true, attests: true, choices: parties }),
          question('date', ['date'], 'When?', {
            required: true,
            default: ctx.date,
            check: (v) => (String(v) < record.date ? `must not be before the decision (${record.date})` : notAfterToday(ctx)(v)),
          }),
          question('text', ['method'], 'How (visit, meeting, letter, phone, email; for the child, in a way suited to their age)?', { required: true }),
          question('text', ['response'], 'How did they respond? (their words where possible; optional)'),
        ],
        {
          when: whenRecording('decision_shared'),
          existing: (record.shared ?? []).map((s) => `${s.party}${s.date ? ` on ${s.date}` : ''}${s.method ? ` (${s.method})` : ''}`),
          min: (root) => (done({}, root) ? untold.length : 0),
          // who was told is theirs to say: the next party still to be told is a choice at a prompt, never pre-selected or assumed
          itemOffers: (i) => (untold[i] ? { party: untold[i].party } : {}),
          check: (items, root) => {
            if (!done({}, root)) return undefined;
            const told = new Set(items.filter((s) => s.date).map((s) => s.party));
            const still = untold.filter((u) => !told.has(u.party));
            return still.length ? `still to be told, before the task is done: ${still.map((u) => `${u.party} (${u.role})`).join(', ')}` : undefined;
          },
        },
      ),
    ];
  },
  change(c, answers) {
    const { record, index } = currentDecision(c)!;
    const items = itemsAt(answers, ['decisions', 0, 'shared']);
    return { edits: [...appendNew(['decisions', index, 'shared'], items, record.shared), ...taskFieldEdits('decision_shared', answers)], sections: [] };
  },
};

const supportIfNoReturn: TaskFlow = {
  task: 'support_if_no_return',
  steps(c, ctx) {
    const outcome = latestAt(c.data.decisions, 'rc1_d2')?.record.outcome;
    const entry = taskOf(c.data, 'support_if_no_return');
    const steps = statusSteps(c, 'support_if_no_return', ctx);
    const [statusStep, reasonStep] = steps; // statusSteps always asks the status, then the reason
    if (outcome && outcome !== 'no_return' && !entry?.status?.match(/done|not_applicable/) && statusStep && reasonStep) {
      // when the decision is to work towards return, the task does not apply
      steps[0] = { ...statusStep, default: 'not_applicable' };
      steps[1] = { ...reasonStep, default: entry?.reason ?? `The decision is to work towards return (${outcome})` };
    }
    return [
      ...steps,
      noteStep(
        'support_if_no_return',
        'The plan: alternative permanence, family time, help for the child to understand the decision, services for the parents',
        c,
        whenDone('support_if_no_return'),
      ),
    ];
  },
  change: (_c, answers) => ({ edits: taskFieldEdits('support_if_no_return', answers), sections: [] }),
};

export const STAGE2_FLOWS: readonly TaskFlow[] = [classification, decision, decisionShared, supportIfNoReturn];
