// The files of a training pack (`reunify scaffold exercise`): cases, facilitator
// notes, worksheets and config, rendered; src/io/writePack.ts writes them.
import { caseFileText } from '../core/model/caseText.js';
import type { ReunifyConfig } from '../core/model/config.js';
import { SCENARIO_INFO, generatePackCases, type PackCase } from '../core/training/packCases.js';
import type { Scenario } from '../core/training/generate.js';
import type { StageValue } from '../core/model/ids.js';
import { packDocuments } from '../report/exercise.js';
import { renderReport } from '../report/render.js';
import type { TrainingView } from '../report/trainingDoc.js';
import { CONFIG_FILE_NAME } from '../io/loadConfig.js';
import { SHIPPED_TEMPLATES } from '../io/runReport.js';
import { safeFileName } from '../io/safeOutput.js';
import type { PackFile } from '../io/writePack.js';
import { PACK_ORGANISATION } from './scaffold.js';

export interface ExerciseRequest {
  scenario: Scenario;
  seed: number;
  cases: number;
  asOf: string;
  config: ReunifyConfig;
  /** For the cohorts scenario: the stages the cases take in turn. */
  stages?: readonly StageValue[];
}

/** Every file of a pack, in a fixed order; the same request gives the same bytes. */
export function exercisePackFiles(request: ExerciseRequest): { files: PackFile[]; cases: PackCase[] } {
  const cases = generatePackCases(request);
  const files: PackFile[] = [
    { path: 'README.md', text: packReadme(request, cases.length) },
    { path: CONFIG_FILE_NAME, text: packConfig(request) },
    ...cases.map((c) => ({ path: caseFile(c.id), text: caseFileText(c.data, c.body) })),
    ...documentFiles(cases, request),
  ];
  return { files, cases };
}

const caseFile = (id: string) => `cases/${safeFileName(id, '.md')}`;

/**
 * The facilitator notes and worksheets, made again from the pack's cases as they are now
 * (a trainer may have edited them) and the settings given: `reunify scaffold rebuild`.
 */
export function documentFiles(cases: readonly PackCase[], request: Omit<ExerciseRequest, 'cases'>): PackFile[] {
  const { config } = request;
  const documents = packDocuments(cases, {
    scenario: request.scenario,
    seed: request.seed,
    asOf: request.asOf,
    config,
    caseFile,
    ...(request.stages ? { stages: request.stages } : {}),
  });
  const render = (name: string, doc: TrainingView): PackFile[] =>
    (['md', 'html'] as const).map((format) => ({
      path: `${name}.${format}`,
      text: renderReport('training', format, doc, { shippedDir: SHIPPED_TEMPLATES, levelLabels: config.labels.levels }),
    }));
  return [
    ...render('facilitator', documents.facilitator),
    ...render('worksheets/case-summaries', documents.caseSummaries),
    ...render('worksheets/stumbling-blocks', documents.stumblingBlocks),
    ...render('worksheets/values', documents.values),
    ...render('worksheets/supervision', documents.supervision),
    ...render('worksheets/exercises', documents.exercises),
  ];
}

/** What made a pack, from the first line of its reunify.config.yaml: scenario and seed, or undefined. */
export function packOrigin(configText: string): { scenario: Scenario; seed: number; stages?: StageValue[] } | undefined {
  const m = /^# A training pack made by `reunify scaffold exercise --scenario ([a-z-]+) --seed (\d+) [^`\n]*?(?: --stages ([0-9a-z,]+))?`/m.exec(configText);
  if (!m || !Object.hasOwn(SCENARIO_INFO, m[1]!)) return undefined;
  const stages = m[3]?.split(',').map((w) => (w === 'closed' ? 'closed' : (Number(w) as StageValue)));
  return { scenario: m[1] as Scenario, seed: Number(m[2]), ...(stages ? { stages } : {}) };
}

function command(request: ExerciseRequest): string {
  const stages = request.stages ? ` --stages ${request.stages.join(',')}` : '';
  return `reunify scaffold exercise --scenario ${request.scenario} --seed ${request.seed} --cases ${request.cases} --as-of ${request.asOf}${stages}`;
}

function packConfig(request: ExerciseRequest): string {
  return [
    `# A training pack made by \`${command(request)}\`.`,
    '# Every case, person, place and date in this folder is fictional.',
    `organisation: "${PACK_ORGANISATION}"`,
    '',
    '# The exercise date: check, status and classify work as of this date when --as-of',
    '# is not given, so the pack checks clean whenever it is used.',
    `as_of: ${request.asOf}`,
    '',
    '# Facilitator notes and worksheets are not case files.',
    'ignore: ["**/README.md", "**/CHANGELOG.md", "facilitator.md", "worksheets/**"]',
    '',
  ].join('\n');
}

function packReadme(request: ExerciseRequest, count: number): string {
  const info = SCENARIO_INFO[request.scenario];
  const monitoring = request.scenario === 'monitoring';
  return [
    `# Training pack: ${info.title}`,
    '',
    'Fictional training material: every case, person, place and date in this folder is invented.',
    '',
    `Made by \`${command(request)}\`; the same command makes the same pack, byte for byte.`,
    '',
    info.purpose,
    '',
    '| File | For | What it holds |',
    '|---|---|---|',
    `| \`cases/\` | everyone | ${count} fictional case ${count === 1 ? 'file' : 'files'} in the reunify format |`,
    monitoring
      ? '| `facilitator.md`, `facilitator.html` | the facilitator only | a full-day and a half-day plan with notes for every exercise, and the answer key: what reunify status finds in each case and what the manager should do next |'
      : '| `facilitator.md`, `facilitator.html` | the facilitator only | a full-day and a half-day plan with notes for every exercise, the answer key (suggested levels with every contribution) and points for discussion |',
    monitoring
      ? '| `worksheets/case-summaries.*` | participants | how to run reunify status on the pack, and a page for each child to write what it finds |'
      : '| `worksheets/case-summaries.*` | participants | the cases without the answers, with space to write |',
    '| `worksheets/stumbling-blocks.*` | participants | obstacles for each group involved, and responses |',
    '| `worksheets/values.*` | participants | the values discussion |',
    '| `worksheets/supervision.*` | participants | reflective-supervision questions for each case |',
    '| `worksheets/exercises.*` | participants | the day’s other exercises, one a page: why the framework is useful, evidence and costs, fears, Stage 1 and Stage 3 work, links to supports, decision sharing, case studies in pairs, theory, monitoring |',
    '',
    'Print the `.html` files from a browser, or read the `.md` files in any Markdown viewer.',
    '',
    'After editing a case, make the notes and worksheets again (the case files are not touched): `reunify scaffold rebuild <this folder>`; add `--config <file>` for your council’s own levels, decision map and timescales.',
    '',
    '```sh',
    ...(monitoring
      ? [
          'reunify status                # the drift to find, as of the exercise date in reunify.config.yaml',
          'reunify check cases/          # errors and warnings for what is late or missing in the records',
        ]
      : ['reunify check cases/          # clean: the exercise date is in reunify.config.yaml']),
    `reunify classify cases/${safeFileName(`TR-${String(1).padStart(count >= 100 ? 3 : 2, '0')}`, '.md')}`,
    `reunify supervise cases/${safeFileName(`TR-${String(1).padStart(count >= 100 ? 3 : 2, '0')}`, '.md')}`,
    '```',
    '',
  ].join('\n');
}
