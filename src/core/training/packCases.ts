// The cases of a training pack (`reunify scaffold exercise`): generated from one
// seed, each with the engine's suggestion, its comparison with the baseline and
// the supervision questions its facts call for. Pure: files are written by
// src/io/writePack.ts, documents built by src/report/exercise.ts.
import type { CaseData, IsoDate } from '../model/caseTypes.js';
import { classify, type Suggestion } from '../classify/classify.js';
import type { ReunifyConfig } from '../model/config.js';
import { generateCase, newPackMemory, type ClosedOutcome, type Scenario } from './generate.js';
import { TASKS_BY_STAGE, type Level, type StageValue } from '../model/ids.js';
import { isTaskDone, taskOf } from '../workflow/stageProgress.js';
import { daysBetween } from '../text/dates.js';
import { createRng } from './random.js';
import { compareWithBaseline, type BaselineComparison } from '../classify/reclassify.js';
import { superviseQuestions, type SupervisionPlan } from '../workflow/supervision.js';
import { caseFindings, monitoringCase, monitoringPlan, type Finding } from './drift.js';

export interface ScenarioInfo {
  title: string;
  /** What the cases are for, in a sentence. */
  purpose: string;
  /** What participants do with each case. */
  task: string;
}

export const SCENARIO_INFO: Record<Scenario, ScenarioInfo> = {
  classification: {
    title: 'Classifying risk from the evidence',
    purpose: 'Each child is at Stage 2: the assessment is written and signed off, and the first classification (RC1) and Decision 2 are still to make.',
    task: 'Rate each factor from the evidence (present, partly, absent or unknown), agree a risk level and the decision it leads to, and say what evidence is missing.',
  },
  reclassification: {
    title: 'Regrading risk before the return',
    purpose:
      'Each child is at Stage 4: the parental agreement has run with goals rated red, amber or green, and risk must be regraded (RC2) before Decision 3.',
    task: 'Compare the picture now with the RC1 baseline: which factors have changed, which goals are met? Agree the RC2 level and Decision 3: proceed to return, extend the work, or no return.',
  },
  'return-home': {
    title: 'The first months home',
    purpose: 'Each child is at Stage 5, home for two to three months, with visits and support recorded and the first post-return review (RC3) due.',
    task: 'Review the return so far (visits, support planned against delivered, goals), agree the RC3 level and what the post-return review recommends.',
  },
  cohorts: {
    title: 'Cohorts and trigger points across a caseload',
    purpose: 'A small caseload of children at different stages, some closed, in a mix of cohorts and with trigger points recorded.',
    task: 'For each child: which cohorts does the child belong to, which trigger points have been met, has return home been considered, and what should happen next?',
  },
  monitoring: {
    title: 'Monitoring a caseload for drift',
    purpose:
      'A team’s caseload of children at every stage, as a manager would find it: in some cases the work has drifted (a stage stalled past its timescale, a sign-off waiting, a decision not shared, a visit missed after the return), and some cases are in order.',
    task: 'Run reunify status on the caseload. For each child it names: what has drifted, what it means for the child, and what the manager should do next, and by when? Which children are in order?',
  },
};

export interface PackCase {
  id: string;
  data: CaseData;
  body: string;
  /** The work left for participants at the current stage. */
  openWork: string[];
  suggestion: Suggestion;
  comparison: BaselineComparison;
  supervision: SupervisionPlan;
  /** What `reunify status` reports of the case on the exercise date (the monitoring scenario's key). */
  findings: Finding[];
}

export interface PackOptions {
  scenario: Scenario;
  seed: number;
  cases: number;
  asOf: IsoDate;
  config: ReunifyConfig;
  /** For the cohorts scenario: the stages the cases take in turn (default: 1 to 5 and closed). */
  stages?: readonly StageValue[];
}

const STAGE_OF: Record<Exclude<Scenario, 'cohorts' | 'monitoring'>, StageValue> = { classification: 2, reclassification: 4, 'return-home': 5 };
export const COHORT_MIX: readonly StageValue[] = [1, 2, 3, 4, 5, 'closed'];
const OUTCOMES: readonly ClosedOutcome[] = ['at_home', 're_entered_care', 'not_returned'];

/** Case ids: TR-01 … (three digits from 100 cases). */
export function packCaseId(index: number, count: number): string {
  return `TR-${String(index + 1).padStart(count >= 100 ? 3 : 2, '0')}`;
}

/** `##` headings of a markdown body that have content under them. */
export function bodyHeadings(body: string): string[] {
  const out: string[] = [];
  const parts = body.split(/^## +/m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const heading = (newline < 0 ? part : part.slice(0, newline)).trim();
    if (newline >= 0 && part.slice(newline).trim() !== '') out.push(heading);
  }
  return out;
}

/** The text under one `## heading` of a body, or '' when there is none. */
export function bodySection(body: string, heading: RegExp): string {
  for (const part of body.split(/^## +/m).slice(1)) {
    const newline = part.indexOf('\n');
    if (newline >= 0 && heading.test(part.slice(0, newline).trim())) return part.slice(newline + 1).trim();
  }
  return '';
}

/** Generate the cases of a pack: the same options give the same cases, byte for byte. */
export function generatePackCases(options: PackOptions): PackCase[] {
  const { scenario, seed, cases: count, asOf, config } = options;
  const rng = createRng(seed);
  if (scenario === 'monitoring') {
    const memory = newPackMemory();
    const told = new Set<string>();
    return monitoringPlan(rng.fork('monitoring'), count).map((slot, i) => {
      const id = packCaseId(i, count);
      const made = monitoringCase(rng.fork(`case ${i + 1}`), { id, asOf, config, memory, told, source: `seed ${seed}`, ...slot });
      return packCase(made.data, made.body, openWorkOf(made.data, asOf), config, asOf);
    });
  }
  const mix = rng.fork('stages').shuffle(options.stages && options.stages.length > 0 ? options.stages : COHORT_MIX);
  const outcomes = rng.fork('outcomes').shuffle(OUTCOMES);
  let closedSoFar = 0;
  // one memory for the pack: no two families share a letter, and stories are not told twice while others are left
  const memory = newPackMemory();
  // every level, and so every decision the level leads to, in turn: a pack practises no return, more time,
  // more support and return to care as well as going home
  const keys = rng.fork('keys').shuffle<Level>(['low', 'medium', 'high', 'very_high']);
  return Array.from({ length: count }, (_, i) => {
    const id = packCaseId(i, count);
    const stage = scenario === 'cohorts' ? mix[i % mix.length]! : STAGE_OF[scenario]; // COHORT_MIX is not empty
    const outcome = stage === 'closed' ? outcomes[closedSoFar++ % outcomes.length] : undefined;
    const generated = generateCase(rng.fork(`case ${i + 1}`), {
      stage,
      id,
      asOf,
      scenario,
      config,
      memory,
      ...(scenario !== 'cohorts' ? { keyLevel: keys[i % keys.length] } : {}),
      source: `seed ${seed}`,
      ...(outcome ? { outcome } : {}),
    });
    return packCase(generated.data, generated.body, generated.openWork, config, asOf);
  });
}

/** A case of a pack with its key: the engine's suggestion, the comparison with the baseline, the supervision questions. */
export function packCase(data: CaseData, body: string, openWork: string[], config: ReunifyConfig, asOf: IsoDate): PackCase {
  const suggestion = classify(data, config, asOf);
  return {
    id: data.id,
    data,
    body,
    openWork,
    suggestion,
    comparison: compareWithBaseline(data, config, suggestion),
    supervision: superviseQuestions(data, config, asOf, bodyHeadings(body)),
    findings: caseFindings(data.id, data, config, asOf),
  };
}

/**
 * The open work of a case a trainer has edited, read from its task records: the tasks of
 * its stage not yet done, leaving out sharing a decision not yet made and support after a
 * decision that is not no return; the decision point an exercise asks for (Decision 3, the
 * post-return review once due) is named first.
 */
export function openWorkOf(data: CaseData, asOf: IsoDate): string[] {
  if (data.stage === 'closed') return [];
  const decided = (data.decisions ?? []).filter((d) => d.point === 'rc1_d2');
  const open = TASKS_BY_STAGE[data.stage].filter((t) => {
    if (isTaskDone(data, t) || taskOf(data, t)?.status === 'not_applicable') return false;
    if (t === 'decision_shared') return decided.length > 0;
    if (t === 'support_if_no_return') return decided.at(-1)?.outcome === 'no_return';
    return true;
  });
  // the decision points, as the generator names them for an exercise
  if (open[0] === 'reclassification' && !(data.decisions ?? []).some((d) => d.point === 'rc2_d3')) open.splice(1, 0, 'Decision 3 (rc2_d3)');
  const returned = data.return?.returned;
  // the first post-return review falls due about nine weeks after the return
  const reviewDue = returned !== undefined && daysBetween(returned, asOf) >= 63;
  if (data.stage === 5 && reviewDue && !(data.classifications ?? []).some((c) => c.point === 'rc3_post_return' && c.date >= returned))
    open.unshift('Post-return review (rc3_post_return)');
  return open;
}
