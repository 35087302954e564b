// Supervision questions as training documents: `reunify supervise` for one case,
// and the supervision worksheet of a training pack.
import type { SupervisionPlan } from '../core/workflow/supervision.js';
import type { SupervisionRecord } from '../core/workflow/supervisionRecord.js';
import { FICTIONAL_NOTICE, answer, list, note, paragraph, questions, section, table, type TrainingSection, type TrainingView } from './trainingDoc.js';

export interface DocumentOptions {
  marking: string;
  organisation: string;
  /** Fictional (training) material carries the notice. */
  fictional: boolean;
}

export const KOLB_INTRO =
  "Questions follow Kolb's learning cycle as Morrison's 4x4x4 supervision model uses it: what happened (experience), how it feels (reflection), what it means (analysis), and what happens next (action planning). Each question was chosen from this case's own record; a note in brackets says which fact chose it.";

/** The sections for one case's questions (headings at `sub` level when part of a longer document). */
export function supervisionSections(plan: SupervisionPlan, options: { sub: boolean; withSpace: boolean; withFacts: boolean }): TrainingSection[] {
  const out: TrainingSection[] = [];
  if (options.withFacts)
    out.push(section(options.sub ? `${plan.caseId}: what the questions are drawn from` : 'What the questions are drawn from', [list(plan.facts)], options.sub));
  for (const group of plan.groups) {
    const blocks = [questions(group.questions)];
    if (options.withSpace) blocks.push(answer('Notes', 3));
    out.push(section(`${options.sub ? `${plan.caseId}: ` : ''}${group.title} (${group.cycle})`, blocks, options.sub));
  }
  const must = [paragraph('Before any decision, these must have an answer.'), questions(plan.mustAnswer)];
  if (options.withSpace) must.push(answer('Notes', 3));
  out.push(section(`${options.sub ? `${plan.caseId}: ` : ''}Must answer before any decision`, must, options.sub));
  return out;
}

/** `reunify supervise <case>`: the questions for one case. */
export function supervisionView(plan: SupervisionPlan, options: DocumentOptions): TrainingView {
  return {
    header: {
      title: `Reflective supervision: ${plan.childRef}`,
      subtitle: `Case ${plan.caseId}, ${plan.stage === 'closed' ? 'closed' : `stage ${plan.stage}`}, as of ${plan.asOf}`,
      caseId: plan.caseId,
      marking: options.marking,
      asOf: plan.asOf,
      organisation: options.organisation,
      hasOrganisation: options.organisation !== '',
    },
    notice: options.fictional ? FICTIONAL_NOTICE : '',
    sections: [
      section('How to use these questions', [paragraph(KOLB_INTRO), paragraph('Answers belong in a supervision record, never in the child’s case file.')]),
      ...supervisionSections(plan, { sub: false, withSpace: false, withFacts: true }),
    ],
  };
}

/** A saved supervision record, printed: who met, each group's questions with the answers given, the actions agreed and the next date. */
export function supervisionRecordView(plan: SupervisionPlan, record: SupervisionRecord, options: DocumentOptions): TrainingView {
  const answers = new Map(record.questions.map((q) => [q.id, 'answer' in q ? q.answer : undefined]));
  const answered = (qs: readonly { id: string; text: string }[]) =>
    qs.flatMap((q) => [paragraph(q.text), paragraph(`Answer: ${answers.get(q.id) ?? 'not answered in this supervision.'}`)]);
  const who = [
    `Supervisor: ${record.supervisor ?? 'not given'}`,
    `Worker: ${record.worker ?? 'not given'}`,
    `Date: ${record.date}`,
    `Next supervision: ${record.next_supervision ?? 'not set'}`,
  ];
  const actions = record.actions ?? [];
  return {
    header: {
      title: `Supervision record: ${plan.childRef}`,
      subtitle: `Case ${plan.caseId}, ${plan.stage === 'closed' ? 'closed' : `stage ${plan.stage}`}, ${record.date}`,
      caseId: plan.caseId,
      marking: options.marking,
      asOf: plan.asOf,
      organisation: options.organisation,
      hasOrganisation: options.organisation !== '',
    },
    notice: options.fictional ? FICTIONAL_NOTICE : '',
    sections: [
      section('Supervision', [
        list(who),
        ...(record.complete === false ? [note('This record was not finished: the questions after the last answer were not reached.')] : []),
        paragraph('A supervision record, kept apart from the child’s case file.'),
      ]),
      ...plan.groups.map((g) => section(`${g.title} (${g.cycle})`, answered(g.questions))),
      section('Must answer before any decision', answered(plan.mustAnswer)),
      section('Actions agreed', [
        actions.length === 0
          ? paragraph('No actions were agreed.')
          : table(
              ['Action', 'Who', 'By'],
              actions.map((a) => [a.action, 'owner' in a && a.owner ? a.owner : 'not given', 'by' in a && a.by ? a.by : 'not given']),
            ),
      ]),
    ],
  };
}
