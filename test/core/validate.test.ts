import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TASKS_BY_STAGE, type StageNumber } from '../../src/core/model/ids.js';
import type { Problem } from '../../src/core/model/problem.js';
import { BASE_IDS, type DomainIds } from '../../src/core/model/schemas.js';
import { caseValidator, gatedStages } from '../../src/core/model/validate.js';
import { loadCase } from '../../src/io/loadCase.js';
import { present } from '../present.js';

// Any shape: tests delete and overwrite fields freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests delete and overwrite fields freely
type Case = Record<string, any>;

const EXAMPLE = fileURLToPath(new URL('../fixtures/design-example/RF-0001.md', import.meta.url));
const validator = caseValidator();

function designExample(): Case {
  const loaded = loadCase(EXAMPLE);
  expect(loaded.problems).toEqual([]);
  return loaded.data as Case;
}

const done = (date: string) => ({ status: 'done', date, by: 'SW T.S.' });
const signedOff = (date: string) => ({ by: 'TM R.V.', date });

/** The least a fictional case needs to pass every gate up to its stage. */
function minimalCase(stage: StageNumber): Case {
  const tasks: Case = {};
  for (const s of [1, 2, 3, 4, 5] as const) {
    for (const task of TASKS_BY_STAGE[s]) {
      if (s < stage) tasks[task] = done('2026-01-20');
      else if (s === stage) tasks[task] = { status: 'todo' };
    }
  }
  if (stage > 1) Object.assign(tasks.written_assessment, { recommendation: 'return_if_goals_met', signed_off: signedOff('2026-01-21') });
  const c: Case = {
    reunify: 1,
    id: 'RF-9100',
    stage,
    opened: '2026-01-05',
    fictional: true,
    child: { ref: 'Child T', dob: '2016-03-02', looked_after_since: '2025-12-20', legal_status: 's20' },
    team: { social_worker: 'SW T.S.' },
    tasks,
  };
  if (stage >= 3) {
    c.classifications = [{ date: '2026-02-01', point: 'rc1_d2', level: 'medium', by: 'SW T.S.', signed_off: signedOff('2026-02-02') }];
    c.decisions = [{ date: '2026-02-03', point: 'rc1_d2', outcome: 'return_if_goals_met', signed_off: signedOff('2026-02-03') }];
  }
  if (stage >= 4) c.agreement = { signed: '2026-02-10', goals: [{ id: 'g1', goal: 'Fictional goal' }] };
  if (stage >= 5) {
    c.decisions.push({ date: '2026-04-01', point: 'rc2_d3', outcome: 'proceed_to_return', signed_off: signedOff('2026-04-01') });
    c.transition = { agreed: '2026-04-02' };
  }
  return c;
}

const gateProblem = (path: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({ ruleId: 'stage-gate', severity, message, path });
const schemaProblem = (path: string, message: string): Problem => ({ ruleId: 'schema', severity: 'error', message, path });

describe('the design.md §3.1 example', () => {
  it('validates clean at stage 5', () => {
    const example = designExample();
    expect(example.stage).toBe(5);
    expect(validator.validate(example)).toEqual([]);
  });

  it('keeps its dates as strings', () => {
    const example = designExample();
    expect(example.opened).toBe('2025-09-01');
    expect(example.child.dob).toBe('2014-04-30');
    expect(example.decisions[0].shared[0].date).toBe('2025-11-03');
  });

  it('validates clean once closed at home (all five gates)', () => {
    const closed = { ...designExample(), stage: 'closed', outcome: { status: 'at_home', date: '2026-12-01' } };
    expect(gatedStages(closed)).toEqual([1, 2, 3, 4, 5]);
    expect(validator.validate(closed)).toEqual([]);
  });
});

interface GateRow {
  name: string;
  stage: StageNumber;
  change(c: Case): void;
  expected: Problem[];
}

const GATE_ROWS: GateRow[] = [
  {
    name: 'a stage 1 task without an entry',
    stage: 1,
    change: (c) => delete c.tasks.safe_adult,
    expected: [gateProblem('/tasks/safe_adult', 'to be at stage 1: task safe_adult (Identify a safe adult) needs an entry in tasks')],
  },
  {
    name: 'a stage 1 task still in progress',
    stage: 2,
    change: (c) => (c.tasks.family_assessment = { status: 'in_progress' }),
    expected: [
      gateProblem(
        '/tasks/family_assessment/status',
        'to be at stage 2: stage 1 task family_assessment (Assessment done with the family) must be done or not_applicable',
      ),
    ],
  },
  {
    name: 'a written assessment without its recommendation',
    stage: 2,
    change: (c) => delete c.tasks.written_assessment.recommendation,
    expected: [gateProblem('/tasks/written_assessment/recommendation', 'to be at stage 2: the written assessment needs its recommendation about return')],
  },
  {
    name: 'a written assessment without sign-off',
    stage: 2,
    change: (c) => delete c.tasks.written_assessment.signed_off,
    expected: [gateProblem('/tasks/written_assessment/signed_off', "to be at stage 2: the written assessment needs the team manager's sign-off")],
  },
  {
    name: 'a stage 2 task without an entry',
    stage: 2,
    change: (c) => delete c.tasks.decision_shared,
    expected: [
      gateProblem('/tasks/decision_shared', 'to be at stage 2: task decision_shared (Share the decision with everyone involved) needs an entry in tasks'),
    ],
  },
  {
    name: 'an RC1 classification without sign-off',
    stage: 3,
    change: (c) => delete c.classifications[0].signed_off,
    expected: [gateProblem('/classifications', 'to be at stage 3: an RC1 classification (point rc1_d2) with sign-off is needed')],
  },
  {
    name: 'no classifications at all',
    stage: 3,
    change: (c) => delete c.classifications,
    expected: [gateProblem('/classifications', 'to be at stage 3: an RC1 classification (point rc1_d2) with sign-off is needed')],
  },
  {
    name: 'an RC1 decision without sign-off',
    stage: 3,
    change: (c) => delete c.decisions[0].signed_off,
    expected: [gateProblem('/decisions', 'to be at stage 3: an RC1 decision (point rc1_d2) with sign-off and an outcome other than no_return is needed')],
  },
  {
    name: 'an RC1 decision of no_return',
    stage: 3,
    change: (c) => (c.decisions[0].outcome = 'no_return'),
    expected: [gateProblem('/decisions', 'to be at stage 3: an RC1 decision (point rc1_d2) with sign-off and an outcome other than no_return is needed')],
  },
  {
    name: 'a stage 2 task still to do',
    stage: 3,
    change: (c) => (c.tasks.decision_shared = { status: 'todo' }),
    expected: [
      gateProblem(
        '/tasks/decision_shared/status',
        'to be at stage 3: stage 2 task decision_shared (Share the decision with everyone involved) must be done or not_applicable',
      ),
    ],
  },
  {
    name: 'a stage 3 task without an entry',
    stage: 3,
    change: (c) => delete c.tasks.backup_plan,
    expected: [gateProblem('/tasks/backup_plan', 'to be at stage 3: task backup_plan (Shared back-up plan) needs an entry in tasks')],
  },
  {
    name: 'no parental agreement',
    stage: 4,
    change: (c) => delete c.agreement,
    expected: [gateProblem('/agreement', 'to be at stage 4: a written parental agreement (agreement) is needed')],
  },
  {
    name: 'an unsigned agreement',
    stage: 4,
    change: (c) => delete c.agreement.signed,
    expected: [gateProblem('/agreement/signed', 'to be at stage 4: the parental agreement needs the date it was signed')],
  },
  {
    name: 'an agreement without goals',
    stage: 4,
    change: (c) => (c.agreement.goals = []),
    expected: [gateProblem('/agreement/goals', 'to be at stage 4: the parental agreement needs at least one goal')],
  },
  {
    name: 'a stage 3 task still to do',
    stage: 4,
    change: (c) => (c.tasks.child_views = { status: 'todo' }),
    expected: [gateProblem('/tasks/child_views/status', 'to be at stage 4: stage 3 task child_views (Voice of the child) must be done or not_applicable')],
  },
  {
    name: 'a stage 4 task without an entry',
    stage: 4,
    change: (c) => delete c.tasks.readiness,
    expected: [gateProblem('/tasks/readiness', 'to be at stage 4: task readiness (Prepare everyone) needs an entry in tasks')],
  },
  {
    name: 'no Decision 3',
    stage: 5,
    change: (c) => c.decisions.pop(),
    expected: [
      gateProblem('/decisions', 'to be at stage 5: a Decision 3 (point rc2_d3) of proceed_to_return with sign-off is needed, unless the return was unplanned'),
    ],
  },
  {
    name: 'a Decision 3 to extend the work',
    stage: 5,
    change: (c) => (c.decisions[1].outcome = 'extend_work'),
    expected: [
      gateProblem('/decisions', 'to be at stage 5: a Decision 3 (point rc2_d3) of proceed_to_return with sign-off is needed, unless the return was unplanned'),
    ],
  },
  {
    name: 'no transition plan',
    stage: 5,
    change: (c) => delete c.transition,
    expected: [gateProblem('/transition', 'to be at stage 5: a transition plan (transition) is needed, unless the return was unplanned')],
  },
  {
    name: 'a stage 4 task in progress',
    stage: 5,
    change: (c) => (c.tasks.transition_plan = { status: 'in_progress' }),
    expected: [
      gateProblem(
        '/tasks/transition_plan/status',
        'to be at stage 5: stage 4 task transition_plan (Agree the transition (reunification) plan) must be done or not_applicable, unless the return was unplanned',
      ),
    ],
  },
  {
    name: 'a stage 5 task without an entry',
    stage: 5,
    change: (c) => delete c.tasks.monitoring,
    expected: [gateProblem('/tasks/monitoring', 'to be at stage 5: task monitoring (Monitor risk and progress) needs an entry in tasks')],
  },
];

describe('stage gates', () => {
  it.each([1, 2, 3, 4, 5] as const)('a minimal stage %i case passes', (stage) => {
    expect(validator.validate(minimalCase(stage))).toEqual([]);
  });

  it.each([1, 2, 3, 4] as const)('a minimal stage %i case is not yet at the next stage', (stage) => {
    const next = (stage + 1) as StageNumber;
    const problems = validator.validate({ ...minimalCase(stage), stage: next });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.ruleId === 'stage-gate' && p.message.startsWith(`to be at stage ${next}: `))).toBe(true);
  });

  it.each(GATE_ROWS.map((row) => [row.stage, row.name, row] as const))('stage %i, %s', (_stage, _name, row) => {
    const c = minimalCase(row.stage);
    row.change(c);
    expect(validator.validate(c)).toEqual(row.expected);
  });

  it('accepts a written assessment marked not applicable, with a reason', () => {
    const c = minimalCase(2);
    c.tasks.written_assessment = { status: 'not_applicable', reason: 'Fictional: assessment held by the court' };
    expect(validator.validate(c)).toEqual([]);
  });

  it('reports one problem per unmet requirement, in gate order, across stages', () => {
    const c = minimalCase(5);
    delete c.agreement;
    delete c.transition;
    c.classifications = [];
    expect(validator.validate(c)).toEqual([
      gateProblem('/classifications', 'to be at stage 3: an RC1 classification (point rc1_d2) with sign-off is needed'),
      gateProblem('/agreement', 'to be at stage 4: a written parental agreement (agreement) is needed'),
      gateProblem('/transition', 'to be at stage 5: a transition plan (transition) is needed, unless the return was unplanned'),
    ]);
  });

  it('checks one gate alone, e.g. before advancing', () => {
    const c = minimalCase(2);
    expect(validator.checkGate(c, 2)).toEqual([]);
    expect(validator.checkGate(c, 3).map((p) => p.path)).toEqual([
      '/classifications',
      '/decisions',
      ...TASKS_BY_STAGE[2].map((t) => `/tasks/${t}/status`),
      ...TASKS_BY_STAGE[3].map((t) => `/tasks/${t}`),
    ]);
  });

  it('checks no gate when the stage itself is wrong', () => {
    const c = { ...minimalCase(1), stage: 6, tasks: {} };
    expect(gatedStages(c)).toEqual([]);
    expect(validator.validate(c)).toEqual([schemaProblem('/stage', 'must be one of: 1, 2, 3, 4, 5, closed')]);
  });

  it('checks only stages 1–2 for a case closed without a return', () => {
    const c: Case = { ...minimalCase(3), stage: 'closed', outcome: { status: 'not_returned', date: '2026-03-01' } };
    c.decisions[0].outcome = 'no_return';
    c.tasks.support_if_no_return = { ...done('2026-02-20') };
    expect(gatedStages(c)).toEqual([1, 2]);
    expect(validator.validate(c)).toEqual([]);
  });
});

describe('unplanned return', () => {
  /** A child home after a parent ended s20: stage 5 without the planned route. */
  function unplannedCase(): Case {
    const c = minimalCase(5);
    c.return = { unplanned: true, returned: '2026-03-01' };
    c.decisions.pop();
    delete c.transition;
    for (const task of TASKS_BY_STAGE[4]) c.tasks[task] = { status: 'todo' };
    return c;
  }

  it('lets a case into stage 5 without Decision 3, a transition plan or stage 4 work', () => {
    expect(validator.validate(unplannedCase())).toEqual([]);
  });

  it('turns the gates into stages 2–4 into warnings, and keeps stage 1 and 5 gates as errors', () => {
    const c = unplannedCase();
    c.tasks.engagement = { status: 'todo' };
    delete c.classifications;
    delete c.agreement;
    delete c.tasks.case_history;
    delete c.tasks.monitoring;
    expect(validator.validate(c)).toEqual([
      gateProblem('/tasks/case_history', 'to be at stage 1: task case_history (Analytical case history with genogram) needs an entry in tasks'),
      gateProblem(
        '/tasks/engagement/status',
        'to be at stage 2: stage 1 task engagement (Engage the child and family) must be done or not_applicable',
        'warning',
      ),
      gateProblem('/classifications', 'to be at stage 3: an RC1 classification (point rc1_d2) with sign-off is needed', 'warning'),
      gateProblem('/agreement', 'to be at stage 4: a written parental agreement (agreement) is needed', 'warning'),
      gateProblem('/tasks/monitoring', 'to be at stage 5: task monitoring (Monitor risk and progress) needs an entry in tasks'),
    ]);
    c.return.unplanned = false;
    const planned = validator.validate(c);
    expect(planned.every((p) => p.severity === 'error')).toBe(true);
    expect(planned.map((p) => p.path)).toEqual([
      '/tasks/case_history',
      '/tasks/engagement/status',
      '/classifications',
      '/agreement',
      '/decisions',
      '/transition',
      ...TASKS_BY_STAGE[4].map((t) => `/tasks/${t}/status`),
      '/tasks/monitoring',
    ]);
  });

  it('never softens schema errors', () => {
    const c = unplannedCase();
    c.child.legal_status = 'accommodated';
    expect(validator.validate(c)).toEqual([schemaProblem('/child/legal_status', 'must be one of: s20, s31, s38, not_looked_after, other')]);
  });
});

describe('common schema problems', () => {
  const withChange = (change: (c: Case) => void): Problem[] => {
    const c = designExample();
    change(c);
    return validator.validate(c);
  };

  it.each([
    ['a month that does not exist', '2025-13-45'],
    ['a day that does not exist', '2025-02-30'],
    ['a date in another format', '30/04/2014'],
  ])('reports %s once', (_name, dob) => {
    expect(withChange((c) => (c.child.dob = dob))).toEqual([schemaProblem('/child/dob', 'must be a date written YYYY-MM-DD')]);
  });

  it('refuses dates that are not strings', () => {
    expect(withChange((c) => (c.opened = new Date('2025-09-01')))).toEqual([schemaProblem('/opened', 'must be text')]);
  });

  it('points a missing field at where it belongs', () => {
    expect(withChange((c) => delete c.child.legal_status)).toEqual([schemaProblem('/child/legal_status', '"legal_status" is required')]);
  });

  it('needs looked_after_since only while the child is looked after', () => {
    expect(withChange((c) => delete c.child.looked_after_since)).toEqual([
      schemaProblem('/child/looked_after_since', '"looked_after_since" is required while the child is looked after (legal_status other than not_looked_after)'),
    ]);
    // an edge-of-care child has no looked-after date to give
    expect(
      withChange((c) => {
        delete c.child.looked_after_since;
        c.child.legal_status = 'not_looked_after';
      }),
    ).toEqual([]);
    // a child no longer looked after may keep the date of the episode that ended
    expect(withChange((c) => (c.child.legal_status = 'not_looked_after'))).toEqual([]);
  });

  it('says a done task needs its date and author', () => {
    expect(withChange((c) => (c.tasks.safe_adult = { status: 'done' }))).toEqual([
      schemaProblem('/tasks/safe_adult/date', '"date" is required when status is done'),
      schemaProblem('/tasks/safe_adult/by', '"by" is required when status is done'),
    ]);
  });

  it('says a task marked not applicable needs a reason', () => {
    expect(withChange((c) => (c.tasks.support_if_no_return = { status: 'not_applicable' }))).toEqual([
      schemaProblem('/tasks/support_if_no_return/reason', '"reason" is required when status is not_applicable'),
    ]);
  });

  it('checks a decision outcome against its own decision point', () => {
    expect(withChange((c) => (c.decisions[1].outcome = 'continue'))).toEqual([
      schemaProblem('/decisions/1/outcome', 'when point is rc2_d3, must be one of: proceed_to_return, extend_work, no_return'),
      // The same decision no longer lets the case into stage 5.
      gateProblem('/decisions', 'to be at stage 5: a Decision 3 (point rc2_d3) of proceed_to_return with sign-off is needed, unless the return was unplanned'),
    ]);
  });

  it('refuses unknown task ids', () => {
    const problems = withChange((c) => (c.tasks.home_visit = { status: 'todo' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'schema', path: '/tasks/home_visit' });
    expect(present(problems[0]).message).toMatch(/^unknown key; must be one of: case_history, engagement, /);
  });

  it('refuses unknown fields, except x- keys at the top level', () => {
    expect(
      withChange((c) => {
        c['x-local-panel'] = { date: '2026-01-01' };
        c.notes = 'Fictional';
        c.child.gender = 'Fictional';
      }),
    ).toEqual([
      schemaProblem('/notes', 'unknown field: not part of the case file format (local extensions start with x-)'),
      schemaProblem('/child/gender', 'unknown field: not part of this record'),
    ]);
  });

  it('points a repeated cohort at the repeat', () => {
    expect(withChange((c) => c.cohorts.push('wants_to_return'))).toEqual([schemaProblem('/cohorts/3', 'repeats an earlier entry of the list')]);
  });

  it('checks counts, the format version, the case id and null-or-record fields', () => {
    expect(
      withChange((c) => {
        c.history.failed_returns = -1;
        c.reunify = 2;
        c.id = 'RF 0001';
        c.return.step_down = 'soon';
      }),
    ).toEqual([
      schemaProblem('/reunify', 'must be 1'),
      schemaProblem('/id', 'must start with a letter or digit and use only letters, digits, ".", "_" or "-" (64 at most)'),
      schemaProblem('/history/failed_returns', 'must be 0 or more'),
      schemaProblem('/return/step_down', 'must be a map of fields or empty (null)'),
    ]);
  });

  it('reports front matter that is not a map once, with no gates', () => {
    for (const data of [null, [], 'text', 5]) expect(validator.validate(data)).toEqual([schemaProblem('', 'must be a map of fields')]);
  });

  it('never puts a value from the case in a message', () => {
    const secret = 'Zed Quartermaine';
    const problems = withChange((c) => {
      c.child.ref = 42;
      c.child.legal_status = secret;
      c.cohorts = [secret];
      c.factors[0] = { id: secret, status: secret, evidence: 7 };
      c.tasks.safe_adult = { status: secret, date: secret };
      c.decisions[0].outcome = secret;
      c.outcome = secret;
      c.stage = secret;
    });
    expect(problems.length).toBeGreaterThan(8);
    for (const p of problems) expect(p.message).not.toContain('Quartermaine');
  });

  it('gives paths only, never lines or columns', () => {
    const problems = withChange((c) => delete c.team.social_worker);
    expect(problems).toEqual([schemaProblem('/team/social_worker', '"social_worker" is required')]);
    expect(problems[0]).not.toHaveProperty('line');
  });

  it('treats __proto__ as data, never as a setter', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "tasks": {"constructor": {"status": "todo"}}}');
    const problems = validator.validate({ ...designExample(), ...data, tasks: { ...designExample().tasks, ...data.tasks } });
    expect(problems).toContainEqual(schemaProblem('/__proto__', 'unknown field: not part of the case file format (local extensions start with x-)'));
    expect(problems.map((p) => p.path)).toContain('/tasks/constructor');
    expect(({} as Case).polluted).toBeUndefined();
  });
});

describe('local additions and compiling once', () => {
  const extended: DomainIds = {
    ...BASE_IDS,
    factors: [...BASE_IDS.factors, { id: 'local_housing_instability', kind: 'risk', about: 'household', static: false, meaning: 'Fictional', source: 'Local' }],
    cohorts: [...BASE_IDS.cohorts, 'local_unaccompanied'],
  };
  const local = (c: Case) => {
    c.factors.push({ id: 'local_housing_instability', status: 'present' });
    c.cohorts.push('local_unaccompanied');
    return c;
  };

  it('accepts a local factor and cohort only with the local ids', () => {
    expect(caseValidator(extended).validate(local(designExample()))).toEqual([]);
    const base = validator.validate(local(designExample()));
    expect(base.map((p) => p.path)).toEqual(['/cohorts/3', '/factors/4/id']);
  });

  it('compiles once per distinct set of ids', () => {
    expect(caseValidator()).toBe(validator);
    expect(caseValidator(BASE_IDS)).toBe(validator);
    expect(caseValidator(structuredClone(BASE_IDS))).toBe(validator);
    expect(caseValidator(extended)).toBe(caseValidator(structuredClone(extended)));
    expect(caseValidator(extended)).not.toBe(validator);
  });
});
