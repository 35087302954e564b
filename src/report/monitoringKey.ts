// The monitoring scenario's documents: the facilitator's key (for each case, what
// `reunify status` finds, by the metric's plain name, and what the manager should do
// next) and the participants' pages (the task, and space to write what they find; no
// answers). View models only: templates render them.
import type { MonitoredMetric, Finding } from '../core/training/drift.js';
import type { PackCase } from '../core/training/packCases.js';
import { ageOn } from '../core/text/dates.js';
import { answer, list, note, paragraph, section, table, type TrainingSection } from './trainingDoc.js';
import { idWords, longDate } from './words.js';

/** Each metric by the name `reunify status` gives its section, and what a manager does about a case it names. */
export const METRIC_WORDS: Record<MonitoredMetric, { name: string; next: string }> = {
  post_return_alerts: {
    name: 'Post-return alerts',
    next: 'Harm at home comes first: make sure the return interview and the visit since are recorded, reclassify risk now (RC3) rather than at the next review, and check the safety plan and the back-up plan with the family.',
  },
  reviews_due: {
    name: 'Reviews due',
    next: 'Arrange the visit this week, with the child seen alone, and ask in supervision why the visiting plan slipped; check the next visits are in the diary.',
  },
  decisions_not_shared: {
    name: 'Decisions not shared',
    next: 'Make sure the decision is explained to each person not yet told, in words they understand, and the date recorded; a decision not shared has not been made, for the family.',
  },
  shared_before_signoff: {
    name: 'Shared before sign-off',
    next: 'Read the decision and sign it off (or revisit it with the worker), check that what the family was told matches it, and agree that decisions are signed off before they are shared.',
  },
  goals_red: {
    name: 'Goals red or not rated',
    next: 'Hold the goal review with the family now: rate each goal on the evidence, ask whether the agreement is still working and what support is missing, and consider bringing the regrade (RC2) forward.',
  },
  goals_overdue: {
    name: 'Goals past their date',
    next: 'Review the goal with the family and the team around the child: extend it with a new date and the support to meet it, change it, or regrade risk; record the reasons either way.',
  },
  home_goals_stale: {
    name: 'Goals at home not rated recently',
    next: 'Rate the goals at the next visit, with the family, and agree how often they are reviewed while the child is home.',
  },
  not_considered: {
    name: 'Return home not considered',
    next: 'Ask for return home to be considered now (at the next CLA review, or bring it forward), name who assesses and by when, and record the outcome, even if the answer is “not yet”.',
  },
  awaiting_signoff: {
    name: 'Awaiting sign-off',
    next: 'Read it and sign it off, or send it back with reasons, this week: the next step of the work waits for it.',
  },
  role_signoffs_missing: {
    name: 'Further sign-offs missing',
    next: 'Ask the named role for the sign-off the settings require before the decision is acted on.',
  },
  overdue_tasks: {
    name: 'Overdue tasks',
    next: 'In supervision this week: what is stopping the open tasks, who will finish each and by when; if the plan has changed, record why and the new timescale.',
  },
  signed_by_recorder: {
    name: 'Signed off by the person who recorded it',
    next: 'The manager reads the record and signs it off in their own name; check who can sign off in the case system so a worker cannot sign their own work.',
  },
  cost_exposure: {
    name: 'Cost exposure (estimate)',
    next: 'The support in the plan has not started: find out why from each service, escalate the referrals, and decide whether the return is safe without it (a failed return costs the child first).',
  },
};

/** What the key says of a case: each finding by metric, with the line status shows and what to do next. */
export function findingRows(findings: readonly Finding[]): string[][] {
  return findings.map((f) => [METRIC_WORDS[f.metric].name, `${f.metric}: ${f.detail}`, METRIC_WORDS[f.metric].next]);
}

const stageWords = (c: PackCase) =>
  c.data.stage === 'closed' ? `closed (${idWords(c.data.outcome?.status ?? 'closed').toLowerCase()})` : `stage ${c.data.stage}`;

/** The facilitator's key: an overview of the caseload, then each case. */
export function monitoringKeySections(cases: readonly PackCase[], asOf: string, caseFile: (id: string) => string): TrainingSection[] {
  const drifting = cases.filter((c) => c.findings.length > 0);
  const kinds = new Set(cases.flatMap((c) => c.findings.map((f) => f.metric)));
  const overview = section('Answer key', [
    paragraph(
      `What reunify status finds in each case on the exercise date (${longDate(asOf)}), by the name of the section it appears in and its metric id in the JSON: ${drifting.length} of ${cases.length} cases have drifted, in ${kinds.size} ${kinds.size === 1 ? 'way' : 'different ways'}; the others are in order. Participants should find every case below, and say which children need nothing.`,
    ),
    table(
      ['Case', 'Stage', 'What status finds'],
      cases.map((c) => [
        c.id,
        stageWords(c),
        c.findings.length > 0 ? [...new Set(c.findings.map((f) => METRIC_WORDS[f.metric].name))].join('; ') : 'Nothing: in order',
      ]),
    ),
    note(
      'Run reunify status on the pack’s cases before the session: the same lines appear there. After editing a case, reunify scaffold rebuild makes this key again from the cases as they are.',
    ),
  ]);
  const perCase = cases.map((c) =>
    section(
      `${c.id}: ${c.data.child.ref}`,
      [
        paragraph(
          `${c.data.child.ref}, ${ageOn(c.data.child.dob, asOf)}; ${stageWords(c)}; work opened ${longDate(c.data.opened)}. Case file: ${caseFile(c.id)}.`,
        ),
        ...(c.findings.length > 0
          ? [table(['Drift', 'What status shows', 'What the manager should do next'], findingRows(c.findings))]
          : [
              paragraph(
                'Nothing for status to find: the work is within its timescales, signed off and shared, and reviews and visits are in date. Ask participants how they know, and what status cannot see (the quality of the work, the child’s experience).',
              ),
            ]),
      ],
      true,
    ),
  );
  return [overview, ...perCase];
}

/** The participants' pages: how to run status on the pack, then one page a case to write what they find. No answers. */
export function monitoringWorksheetSections(cases: readonly PackCase[], asOf: string, facts: (c: PackCase) => string[][]): TrainingSection[] {
  return [
    section('How to find the drift', [
      list(
        [
          'Open a terminal in the pack’s folder: its settings hold the exercise date, so status works as of that day.',
          'Run reunify status: the attention list comes first, then each measure with the children it names.',
          'For a page to print or share on screen: reunify status --format html --out status.html.',
          'For one child, open their case file and run reunify check on it: its errors and warnings say what is late or missing, and since when.',
        ],
        true,
      ),
      paragraph(`The exercise date is ${longDate(asOf)}. Some children’s work has drifted; some children’s work is in order. Say which, for every child.`),
    ]),
    ...cases.map((c) =>
      section(
        `${c.id}: ${c.data.child.ref}`,
        [
          table(['', ''], facts(c)),
          answer('What reunify status shows for this child (or: nothing)', 2),
          answer('What it means for the child and the family', 2),
          answer('What the manager should do next, who does it, and by when', 3),
        ],
        true,
        true,
      ),
    ),
    section(
      'Across the caseload',
      [
        answer('Which children need action first, and why?', 3),
        answer('Which kind of drift appears more than once? What does it say about how the team works?', 3),
        answer('What would you check each month, and with whom?', 2),
      ],
      false,
      true,
    ),
  ];
}
