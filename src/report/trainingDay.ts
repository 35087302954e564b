// The training day a pack is run in: every exercise of the framework's training
// (docs/framework.md §7), in a full-day plan and a half-day one, each with the
// facilitator's notes, and the participants' handout for the exercises that are not
// about the pack's cases one at a time. View models only: templates render them.
import type { ReunifyConfig } from '../core/model/config.js';
import { breakEven, costFigures, costSettingProblem } from '../core/status/costs.js';
import { requiredParties } from '../core/workflow/sharing.js';
import type { PackCase } from '../core/training/packCases.js';
import { partyWords } from './words.js';
import { answer, list, paragraph, questions, section, table, type TrainingBlock, type TrainingSection } from './trainingDoc.js';

export type PlanLength = 'full' | 'half';

export interface Activity {
  id: string;
  title: string;
  /** Minutes in the full day and the half day; 0: not in that plan. */
  minutes: Record<PlanLength, number>;
  /** Where participants work (a file of the pack), or '' for none. */
  material: string;
  /** Facilitator's notes: what it is for, how to run it, what to draw out. */
  aim: string;
  run: string[];
  drawOut: string[];
}

const HANDOUT = 'worksheets/exercises.md';

/** Every activity of the day, in the order the full day runs them. `caseWork` is what the pack's scenario practises. */
export function dayActivities(caseWork: string, cases: number, monitoring = false): Activity[] {
  const feedbackCases = Math.min(cases, 5);
  return [
    {
      id: 'welcome',
      title: 'Welcome, aims and ground rules',
      minutes: { full: 15, half: 10 },
      material: '',
      aim: 'Set the day up: what the framework is for, what participants will practise, and how the room works.',
      run: [
        'Introductions: name, team, and one return home that went well or badly (no names).',
        'Ground rules: the cases are fictional; what is said about real children stays in the room; challenge ideas, not people.',
      ],
      drawOut: ['Most children who leave care go home; the framework is about doing that well, not about stopping it.'],
    },
    {
      id: 'why_useful',
      title: 'Why the framework is useful',
      minutes: { full: 25, half: 15 },
      material: HANDOUT,
      aim: 'Participants say, from their own experience, what goes wrong when return home is unplanned, and what a structured framework adds.',
      run: [
        'Individually (5 minutes): the handout’s questions.',
        'In pairs, then the whole room: collect what goes wrong on a flip chart, and map each point to the stage of the framework that addresses it.',
      ],
      drawOut: [
        'Returns drift when nobody owns the decision; the framework gives each stage a decision and a timescale.',
        'Families feel more involved and better informed when the plan, goals and support are written down and shared.',
        'Structure supports judgement: the suggested level is an aid, not the answer.',
      ],
    },
    {
      id: 'evidence_costs',
      title: 'Evidence and costs',
      minutes: { full: 15, half: 0 },
      material: HANDOUT,
      aim: 'What the research says about returns that fail, and the arithmetic of supporting a return against the cost of it failing.',
      run: [
        'Walk through the handout’s figures (they are the pack’s settings: a council’s own figures appear when it sets them).',
        'Ask groups to work out the break-even point and what it would mean for their own caseload.',
      ],
      drawOut: [
        'A failed return harms the child first; the cost is a second argument, never the first.',
        'Support pays for itself when it prevents one failure in every few returns: the break-even figure on the handout.',
        'National averages hide local differences: the figures are an illustration, not a forecast.',
      ],
    },
    {
      id: 'fears_risk_aversion',
      title: 'Fears and risk aversion',
      minutes: { full: 25, half: 15 },
      material: HANDOUT,
      aim: 'Name the fears a return raises (for the child, the family, the worker and the organisation) and how they push practice towards caution or towards drift.',
      run: [
        'Small groups list the fears on the handout, then sort each: does it push towards keeping the child in care, or towards returning without a plan?',
        'Whole room: which fears are about the child’s safety, and which about blame?',
      ],
      drawOut: [
        'Fear of blame can keep a child in care longer than their safety needs, or rush a return to close a case.',
        'Evidence, written reasons and management oversight are the answer to fear, not caution alone.',
        'Supervision is where a worker’s fear can be named and used.',
      ],
    },
    { id: 'break', title: 'Break', minutes: { full: 15, half: 0 }, material: '', aim: '', run: [], drawOut: [] },
    {
      id: 'stage1',
      title: 'Stage 1: the assessment',
      minutes: { full: 20, half: 0 },
      material: HANDOUT,
      aim: 'Practise Stage 1: what an assessment of return home must find out, from whom, before a level can be set.',
      run: [
        'Pairs take the first case of the pack and, from its history only, list what they would need to find out and from whom (handout).',
        'Take three answers; compare with the Stage 1 tasks (reunify task lists them for any case).',
      ],
      drawOut: [
        'The reasons the child came into care are the first thing to assess: has anything changed, and how do we know?',
        'The child’s views, the history of earlier returns, and the views of other agencies are part of the assessment, not extras.',
        'Unknown is not absent: record what is not known and how it will be found out.',
      ],
    },
    {
      id: 'case_work',
      title: `Case work in small groups: ${caseWork}`,
      minutes: { full: 35, half: 35 },
      material: 'worksheets/case-summaries.md',
      aim: monitoring
        ? 'The pack’s caseload: groups run reunify status on it (or read it from the screen), then take the children it names, one case to a page, and say what has drifted and what the manager should do.'
        : 'The pack’s cases: each group works one case (two, with more cases than groups) from the case summaries, one case to a page.',
      run: monitoring
        ? [
            'Show reunify status on the pack’s cases on the screen, or have each group run it in the pack folder; hand out the case pages; the answer key stays with the facilitator.',
            'Each group takes three or four children, including at least one that status does not name, and records what it finds on the page.',
          ]
        : ['Hand out one case summary to each group; the answer key stays with the facilitator.', 'Groups record their answers on the page.'],
      drawOut: ['Ask each group for the evidence behind its answer, not only the answer.'],
    },
    {
      id: 'feedback',
      title: 'Feedback against the answer key',
      minutes: { full: 25, half: 20 },
      material: 'facilitator.md',
      aim: 'Compare each group’s answer with the answer key and the points for discussion.',
      run: [
        cases > feedbackCases
          ? `Take ${feedbackCases} of the ${cases} cases (about 5 minutes each); the key covers the others for later reading.`
          : `About ${Math.floor(25 / Math.max(1, cases))} minutes a case in the full day.`,
        monitoring
          ? 'Give the key’s line only after the group has said what it found and what it would do.'
          : 'Give the suggested level only after the group has given its own, with its reasons.',
      ],
      drawOut: [
        monitoring
          ? 'Status names the drift; the manager’s question is why it happened and what the child is waiting for.'
          : 'A group that reaches a different level with good reasons has done the exercise well.',
      ],
    },
    { id: 'lunch', title: 'Lunch', minutes: { full: 45, half: 0 }, material: '', aim: '', run: [], drawOut: [] },
    {
      id: 'stage3',
      title: 'Stage 3: the agreement and its goals',
      minutes: { full: 25, half: 0 },
      material: HANDOUT,
      aim: 'Practise Stage 3: write goals a family can understand and a manager can review, with the support that goes with them.',
      run: [
        'Pairs write two goals for the first case of the pack: what the parent will do, the steps, the support, how success will be seen, and by when (handout).',
        'Swap with another pair, who rate each goal: could it be marked red, amber or green at a review without argument?',
      ],
      drawOut: [
        'A goal is about the reasons for care, in words the family uses, with a date.',
        'Support is named with the service and who provides it, not “support will be offered”.',
        'Non-negotiables and the back-up plan are written down before the work starts.',
      ],
    },
    {
      id: 'links_to_supports',
      title: 'Links to supports',
      minutes: { full: 10, half: 0 },
      material: HANDOUT,
      aim: 'Map the local services a return home depends on, so support can start on the first day home.',
      run: ['The room fills in the handout’s table together: service, what it is for, how to refer, how long it takes to start.'],
      drawOut: ['Where a service has a waiting list, the referral goes in at Stage 3, not on the day of return.'],
    },
    {
      id: 'decision_sharing',
      title: 'Decision sharing',
      minutes: { full: 10, half: 10 },
      material: HANDOUT,
      aim: 'Who must be told of a decision, how, and in what words: the child first.',
      run: ['Pairs list, for the first case of the pack, who must be told of the decision and how; then draft the two sentences they would say to the child.'],
      drawOut: ['The answer key below lists who the pack’s settings say must be told.', 'A decision not shared has not been made, for the family.'],
    },
    {
      id: 'case_study_pairs',
      title: 'Case studies in pairs',
      minutes: { full: 25, half: 0 },
      material: HANDOUT,
      aim: 'Look back on a real return home from participants’ own work, anonymised, in pairs.',
      run: [
        'Before the day: each participant makes an anonymised copy of one of their own cases with reunify redact and reads its report (handout); nothing identifying comes into the room.',
        'In pairs: one tells the case, the other asks the handout’s questions; swap after 12 minutes.',
      ],
      drawOut: [
        'Where did the plan follow the framework, and where did it drift?',
        'What would have been different with a written agreement and a classification at each decision?',
      ],
    },
    {
      id: 'theory_integration',
      title: 'Theory integration',
      minutes: { full: 15, half: 0 },
      material: HANDOUT,
      aim: 'How the theories and methods the team already uses fit the framework’s stages.',
      run: [
        'Groups take one method each (for example attachment, systemic practice, motivational interviewing, strengths-based work) and place it against the five stages (handout).',
      ],
      drawOut: ['The framework is a structure for decisions; the team’s methods are how the work is done within it.'],
    },
    { id: 'break2', title: 'Break', minutes: { full: 15, half: 15 }, material: '', aim: '', run: [], drawOut: [] },
    {
      id: 'stumbling_blocks',
      title: 'Stumbling blocks: obstacles for each group involved, and how to respond',
      minutes: { full: 25, half: 25 },
      material: 'worksheets/stumbling-blocks.md',
      aim: 'Obstacles for children, families, social workers, managers, other professionals and the organisation.',
      run: ['Each group takes two of the six groups involved; points to draw out are in the table below.'],
      drawOut: ['See “Stumbling blocks: points to draw out”.'],
    },
    {
      id: 'values_discussion',
      title: 'Values discussion',
      minutes: { full: 15, half: 15 },
      material: 'worksheets/values.md',
      aim: 'The values at play when a child may go home: rights, family life, safety and the worker’s own.',
      run: ['Whole room, from the worksheet’s questions and the pack’s cases.'],
      drawOut: ['See “Values discussion: points to draw out”.'],
    },
    {
      id: 'implementation_monitoring',
      title: 'Obstacles to implementation and manager monitoring',
      minutes: { full: 20, half: 15 },
      material: HANDOUT,
      aim: 'Where use of the framework fades when managers do not check it, and what a manager looks at across a caseload.',
      run: [
        monitoring
          ? 'The case work has found the pack’s drift: now ask what would have caught it sooner. Show reunify status on the pack’s cases again: which measure would a manager look at first, and how often?'
          : 'Show reunify status on the pack’s cases (or on a monitoring pack, made with reunify scaffold exercise --scenario monitoring, whose caseload has drift planted to find): what is overdue, which decisions are not shared, which children have waited longest.',
        'Groups answer the handout’s questions for their own team.',
      ],
      drawOut: [
        'Councils that adopted the framework mostly adapted it; where team managers did not check its use, it faded.',
        'A monthly look at the caseload, with one question per child, keeps it alive.',
      ],
    },
    {
      id: 'reflective_supervision',
      title: 'Reflective supervision in threes (supervisor, worker, observer), one case each',
      minutes: { full: 30, half: 30 },
      material: 'worksheets/supervision.md',
      aim: 'Practise supervision of a return home with the 4x4x4 model and the must-answer questions.',
      run: ['See “Reflective supervision” below.'],
      drawOut: ['Which questions opened the conversation up, and which closed it down?'],
    },
    {
      id: 'close',
      title: 'Close: one thing each participant will do differently',
      minutes: { full: 10, half: 5 },
      material: '',
      aim: 'Each participant names one change to their own practice, and who will check it.',
      run: ['A round of the room.'],
      drawOut: [],
    },
  ];
}

const START = 9 * 60 + 30;
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A plan's rows: start time, activity, minutes, material; and the total. */
export function planRows(activities: readonly Activity[], length: PlanLength): { rows: string[][]; total: number } {
  let at = START;
  const rows: string[][] = [];
  for (const a of activities) {
    const m = a.minutes[length];
    if (m === 0) continue;
    rows.push([clock(at), a.title, String(m), a.material]);
    at += m;
  }
  return { rows, total: at - START };
}

/** The facilitator's plans for the day and the notes for each exercise. */
export function facilitatorDaySections(activities: readonly Activity[], cases: readonly PackCase[], config: ReunifyConfig): TrainingSection[] {
  const plan = (length: PlanLength, heading: string, intro: string) => {
    const { rows, total } = planRows(activities, length);
    const left = activities.filter((a) => a.minutes[length] === 0 && a.aim !== '').map((a) => a.title);
    const blocks: TrainingBlock[] = [
      paragraph(intro),
      table(['Start', 'Activity', 'Minutes', 'Material'], [...rows, [clock(START + total), 'End (total minutes)', String(total), '']]),
    ];
    if (left.length > 0) blocks.push(paragraph(`Left for a second session: ${left.join('; ')}.`));
    return section(heading, blocks);
  };
  const first = cases[0];
  const person = (c: PackCase, party: string) => (c.data.people ?? []).find((p) => p.id === party)?.ref;
  const sharing = first
    ? requiredParties(first.data, config.sharing.required_parties).map((p) =>
        p.party === 'child'
          ? `${first.data.child.ref} (the child)`
          : (person(first, p.party) ?? '') !== ''
            ? `${person(first, p.party)} (${p.role})`
            : partyWords(p.party),
      )
    : [];
  return [
    plan('full', 'Full-day plan', 'Every exercise of the framework’s training, 09:30 to 16:30 with two breaks and lunch. Times add up to the end time shown.'),
    plan(
      'half',
      'Half-day plan',
      'A morning, 09:30 to 13:00: the pack’s cases, fears, stumbling blocks, values, decision sharing, monitoring and supervision.',
    ),
    section('Running each exercise', [
      paragraph('For each exercise: what it is for, how to run it, and the points to draw out. Times are for the full day (half day in brackets).'),
    ]),
    ...activities
      .filter((a) => a.aim !== '')
      .map((a) => {
        const blocks: TrainingBlock[] = [
          paragraph(
            `${a.minutes.full} minutes${a.minutes.half > 0 ? ` (${a.minutes.half} in the half day)` : ' (full day only)'}${a.material ? `; ${a.material}` : ''}. ${a.aim}`,
          ),
        ];
        if (a.run.length > 0) blocks.push(paragraph('How to run it:'), list(a.run));
        if (a.drawOut.length > 0) blocks.push(paragraph('Points to draw out:'), list(a.drawOut));
        if (a.id === 'decision_sharing' && first && sharing.length > 0)
          blocks.push(paragraph(`For ${first.id}, the pack’s settings say these must be told of each decision, each with a date: ${sharing.join('; ')}.`));
        return section(a.title, blocks, true);
      }),
  ];
}

/** 61614 → £61,614 (no locale API, so every machine writes the same). */
function money(n: number, currency: string): string {
  const digits = String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return currency === 'GBP' ? `£${digits}` : `${digits} ${currency}`;
}

/** The evidence-and-costs page, from the pack's settings (a council's own figures when it has set them). */
function costBlocks(config: ReunifyConfig): TrainingBlock[] {
  if (costSettingProblem(config) !== undefined) return [paragraph('No cost figures are set in this pack’s settings.')];
  const f = costFigures(config);
  const b = breakEven(f);
  return [
    paragraph(
      `The settings of this pack: a return that fails costs about ${money(f.failedReturn, f.currency)} a year in care; supporting a child and family on return costs about ${money(f.support, f.currency)} (${f.source}, ${f.year}).`,
    ),
    paragraph(`Expected breakdown without extra support: ${Math.round(f.breakdownRate * 100)}% (${f.breakdownSource}).`),
    paragraph(
      `So support pays for itself if it prevents one failed return in every ${b.returnsPerFailurePrevented.toFixed(1)} supported returns: a fall of ${(b.improvement * 100).toFixed(1)} percentage points in the failure rate. The figures are national averages, a rough guide and not a forecast; the harm to a child is not counted in them.`,
    ),
    answer('Support for 20 children going home from your team in a year: what it would cost, and how many failures it would need to prevent', 3),
    answer('What the arithmetic leaves out', 2),
  ];
}

/** The participants' handout for the day's exercises: questions and space, no answers. */
export function exerciseHandoutSections(cases: readonly PackCase[], config: ReunifyConfig): TrainingSection[] {
  const first = cases[0];
  const firstName = first ? `${first.id} (${first.data.child.ref})` : 'the first case of the pack';
  const page = (heading: string, blocks: TrainingBlock[]) => section(heading, blocks, false, true);
  return [
    page('Why the framework is useful', [
      questions([
        { text: 'Think of a return home that broke down. What went wrong, and when could it have been seen?' },
        { text: 'What does a written plan, with a decision at each stage, add to what you do now?' },
        { text: 'Who gains from a structured framework: the child, the family, the worker, the court?' },
      ]),
      answer('Notes', 4),
    ]),
    page('Evidence and costs', costBlocks(config)),
    page('Fears and risk aversion', [
      paragraph(
        'List the fears a return home raises. For each, say whose fear it is and which way it pushes: towards keeping the child in care, or towards a return without a plan.',
      ),
      table(
        ['Fear', 'Whose', 'Pushes towards', 'What would answer it'],
        Array.from({ length: 6 }, () => ['', '', '', '']),
      ),
    ]),
    page('Stage 1: the assessment', [
      paragraph(`From the history of ${firstName}: what would an assessment need to find out before a level could be set, and from whom?`),
      answer('What led to care, and has it changed? How would you know?', 3),
      answer('Earlier returns, and what ended them', 2),
      answer('What the child wants, and how you would find out at their age', 2),
      answer('Who else you would ask (school, health, police, adult services)', 2),
    ]),
    page('Stage 3: the agreement and its goals', [
      paragraph(`Write two goals for the parent in ${firstName}, in words the family would use.`),
      table(
        ['', 'Goal 1', 'Goal 2'],
        [
          ['What the parent will do', '', ''],
          ['Steps', '', ''],
          ['Support, and who gives it', '', ''],
          ['How success will be seen', '', ''],
          ['By when', '', ''],
        ],
      ),
      answer('A non-negotiable, and the back-up plan', 2),
    ]),
    page('Links to supports', [
      paragraph('The local services a return home depends on.'),
      table(
        ['Service', 'What it is for', 'How to refer', 'How long before it starts'],
        Array.from({ length: 8 }, () => ['', '', '', '']),
      ),
    ]),
    page('Decision sharing', [
      paragraph(`The decision for ${firstName} has been made.`),
      answer('Who must be told, how, and by when', 3),
      answer('What you would say to the child, in two sentences', 3),
    ]),
    page('Case studies in pairs', [
      paragraph('Bring one return home from your own work, anonymised before the day: nothing identifying comes into the room.'),
      list(
        [
          'reunify redact <your case file> --out case-study (names, places, dates and identifiers replaced; the original is never changed)',
          'Read the copy’s redaction report and change by hand anything it lists for review.',
          'Read the whole copy before you bring it: rare details can identify a family.',
        ],
        true,
      ),
      questions([
        { text: 'What was the decision, who made it, and on what evidence?' },
        { text: 'What was the plan for support on the first day home?' },
        { text: 'Where did the work follow the framework’s stages, and where did it drift?' },
        { text: 'What would you do differently now?' },
      ]),
      answer('Notes', 4),
    ]),
    page('Theory integration', [
      paragraph('Place a method your team uses against the five stages: where does it help, and where might it pull against the framework?'),
      table(
        ['Stage', 'Method', 'How it helps', 'Where it pulls against'],
        [
          ['1 Assess', '', '', ''],
          ['2 Decide', '', '', ''],
          ['3 Agree', '', '', ''],
          ['4 Prepare', '', '', ''],
          ['5 Return home', '', '', ''],
        ],
      ),
    ]),
    page('Obstacles to implementation and manager monitoring', [
      questions([
        { text: 'What would stop your team using the framework six months from now?' },
        { text: 'What would a team manager look at each month to know it is being used?' },
        { text: 'Which children on your caseload have waited longest for a decision about going home?' },
      ]),
      answer('One change to make in your team, and who will check it', 3),
    ]),
  ];
}
