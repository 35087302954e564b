// Generates a second, varied benchmark caseload, written from the case-file contract
// (docs/case-file.md, schemas/) rather than copied from the examples. Every case is
// fictional. Seeded and reproducible: the same count and seed give byte-identical files.
//
// What varies from file to file, as it does when people write case files by hand:
// - layout: flow and block maps and sequences, comments between entries and after values,
//   quoted keys, plain / single-quoted / double-quoted / folded (>) / literal (|) strings,
//   indentation of 2, 3 or 4 spaces, key order;
// - stage: 1 to 5 and closed, with the tasks and records a case at that stage would have;
// - problems, at rates a team sees in its first months of use (PROBLEM_RATES): most files
//   carry at least one practice-rule warning or error (late tasks, overdue reviews, missing
//   sections, stage-gate gaps), about a fifth a schema error, a few a YAML error;
// - size: a few KB, most of it narrative body.
//
// Cached in bench/.varied-N-sSEED/ (git-ignored); a folder whose marker matches the
// parameters is reused. Usage: node bench/generate-varied.mjs [count] [seed] [dir]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveCohorts } from '../dist/core/rules/case/cohorts-derived.js';
import { defaultConfig } from '../dist/io/loadConfig.js';

const here = dirname(fileURLToPath(import.meta.url));
const VERSION = 5;
export const AS_OF = '2026-11-01';
/** The shipped defaults (config/default.yaml): the cohort thresholds a clean file is tagged by. */
const DEFAULTS = defaultConfig();

/** The share of files given each kind of deliberate problem. Rule problems also arise on
 *  their own from dates and stages, so the share of files with a rule problem is higher. */
export const PROBLEM_RATES = { schema: 0.2, yaml: 0.03, rule: 0.4 };

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- dates --------------------------------------------------------------------------
const DAY = 86400000;
const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const daysBefore = (n) => asOfMs - n * DAY;
const plus = (ms, n) => ms + n * DAY;

// ---- word pools (all fictional) -------------------------------------------------------
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWZ';
const WORKERS = ['SW J.P.', 'SW K.L.', 'SW R.T.', 'SW M.N.', 'SW D.F.', 'SW H.Q.', 'SW O.B.', 'SW E.W.'];
const MANAGERS = ['TM A.O.', 'TM C.S.', 'TM G.H.', 'TM P.R.'];
const IROS = ['IRO B.B.', 'IRO L.V.', 'IRO N.C.'];
const SERVICES = [
  'Family support worker',
  'Alcohol service key worker',
  'Parenting group',
  'Adult mental health team',
  'Domestic abuse outreach',
  'School nurse',
  'Youth worker',
  'Drug and alcohol service',
];
const PATTERNS = [
  'Day visits at weekends',
  'After-school tea twice a week',
  'One overnight a week',
  'Two overnights a week',
  'Weekends at home, Sunday return',
];
const OPENERS = [
  'Fictional case. {c} has been looked after since {d}, after concerns about {r}.',
  'Fictional case. {c} came into care on {d}; the referral described {r}.',
  'Fictional case. Police protection on {d} after a neighbour reported {r}; {c} went to foster carers the same night.',
];
const REASONS = [
  'neglect of basic care during a period of heavy drinking',
  'domestic abuse witnessed at home',
  "a parent's mental health crisis and hospital admission",
  'repeated missing episodes and exploitation worries',
  'unexplained bruising and poor school attendance',
  'an unsafe new partner moving into the household',
];
const SENTENCES = [
  '{p} has kept every family-time session since the summer and arrives on time.',
  'The school reports that {c} is calmer in the mornings and has joined an after-school club.',
  'Tests from the alcohol service have been clear for three months; one session was missed in a week of illness.',
  '{p} described the evening of the removal in her own words and named what had to change.',
  'The foster carers say {c} sleeps badly after contact but settles within a day.',
  'Health visitor notes show development on track; the two-year check was completed in clinic.',
  'A neighbour who was named as a support has moved away, so the network is thinner than at assessment.',
  '{c} asked whether the dog would still be at home and whether she could keep her bedroom.',
  'The family support worker has seen the home four times; it was warm, stocked and tidy on each visit.',
  'There is no new information from the police since the last review.',
  '{p} has started a parenting group on Tuesdays and brought the handouts to the last visit.',
  'The IRO asked for the contingency plan to be written down and shared with the carers.',
  'Attendance this term is 94%, up from 71% in the spring.',
  '{p} was anxious at the meeting but stayed, asked questions and agreed the next steps.',
  'When the plan was explained, {c} said she wanted more time at home before the weekends.',
  'Grandparents have offered after-school care on two days a week and have been assessed as safe.',
];
const QUOTES = [
  '"I want to go home but I want Nan to check on us."',
  '"I like my carers but I miss my own bed."',
  '"Mum is better now. She laughs more."',
  '"I don\'t want to move school again."',
  '"Can my brother come home too?"',
];
const STAGE_TASKS = [
  ['case_history', 'engagement', 'family_assessment', 'safe_adult', 'written_assessment'],
  ['classification', 'decision', 'decision_shared', 'support_if_no_return'],
  ['child_views', 'agreement', 'relationships', 'team_around_child', 'backup_plan'],
  ['reclassification', 'support_review', 'transition_plan', 'readiness', 'contact_plan'],
  ['support_package', 'monitoring', 'step_down'],
];
const FACTORS = [
  'parental_substance_misuse',
  'domestic_abuse',
  'parental_mental_health',
  'parental_isolation',
  'new_household_adult',
  'extended_family_support',
  'carer_continuity',
  'child_views_heard',
  'consistent_social_worker',
  'sustained_parental_change',
  'child_behaviour_difficulties',
  'specialist_services',
];
const COHORTS = [
  'teen_future_care_leaver',
  'wants_to_return',
  'placement_at_risk',
  'placement_with_parents',
  's20_placement',
  'edge_of_care',
  'pre_proceedings',
  'parent_prior_removals',
  'placement_disruptions',
];
const COMMENTS = [
  'checked at supervision',
  'see chronology',
  'updated after the CLA review',
  'agreed with the family',
  'from the assessment',
  'TODO confirm with IRO',
  'as told to the worker',
];

// ---- the case as data ---------------------------------------------------------------
function buildCase(rand, index) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p) => rand() < p;
  const some = (xs, lo, hi) => [...xs].sort(() => rand() - 0.5).slice(0, int(lo, hi));

  const lastDone = (d) => Math.min(d, asOfMs - DAY);
  const id = `VX-${String(index + 1).padStart(6, '0')}`;
  const stageIdx = Math.floor(rand() * 6); // 0..4 stages 1-5, 5 closed
  const stage = stageIdx === 5 ? 'closed' : stageIdx + 1;
  const reached = stageIdx === 5 ? 5 : stageIdx + 1;
  const letter = LETTERS[index % LETTERS.length];
  const childRef = chance(0.7) ? `Child ${letter}` : `${letter}.${LETTERS[int(0, LETTERS.length - 1)]}.`;
  const parentRef = `Ms ${letter}`;
  const sw = pick(WORKERS);
  const tm = pick(MANAGERS);
  // Later stages have been open longer; some are running late on purpose.
  // A careful case is kept up to date in every respect the rules look at; the others drift
  // the way real records do (late tasks, reviews overdue, parties not told).
  const careful = chance(0.45);
  const openedDaysAgo = careful
    ? [int(20, 45), int(60, 75), int(110, 200), int(230, 290), int(320, 420), int(420, 480)][stageIdx]
    : int(20, 60) + reached * int(40, 110);
  const opened = daysBefore(openedDaysAgo);
  const ageYears = careful ? int(0, 13) : int(0, 16);
  const dob = daysBefore(openedDaysAgo + ageYears * 365 + int(0, 300));
  const lookedAfter = plus(opened, -int(5, 120));
  const legal = pick(['s20', 's20', 's31', 's38', 'other']);
  const c = {
    reunify: 1,
    id,
    stage,
    opened: iso(opened),
  };
  if (chance(0.6)) c.fictional = true;
  c.child = {
    ref: childRef,
    dob: iso(dob),
    looked_after_since: iso(lookedAfter),
    legal_status: legal,
  };
  if (chance(0.8)) c.child.proceedings = legal === 's38' ? 'care_proceedings' : pick(['none', 'none', 'pre_proceedings']);
  if (chance(0.8)) c.child.placement = pick(['foster', 'foster', 'kinship', 'residential']);
  if (chance(0.6)) c.child.placement_moves = int(0, 5);
  if (chance(0.7)) c.child.wants_to_return = chance(0.8);
  if (chance(0.7)) c.cohorts = some(COHORTS, 1, 3);
  if (!careful && chance(0.6))
    c.triggers = [{ type: pick(['cla_review', 'updated_assessment', 'behaviour_change', 's20_ending']), date: iso(plus(opened, -int(1, 20))) }];
  const reviews = [];
  for (let d = plus(lookedAfter, 20); d < asOfMs + 90 * DAY && reviews.length < 6; d = plus(d, int(90, 200))) reviews.push(iso(d));
  if (careful) {
    // held and planned reviews on time: 20 working days, then 3 months, then every 6 months
    const on = [plus(lookedAfter, 21)];
    on.push(plus(on[0], 80));
    while (on[on.length - 1] < asOfMs) on.push(plus(on[on.length - 1], 170));
    c.cla_reviews = on.map(iso);
  } else if (chance(0.85)) c.cla_reviews = reviews;
  c.team = { social_worker: sw };
  if (careful || chance(0.9)) c.team.team_manager = tm;
  if (careful || chance(0.7)) c.team.iro = pick(IROS);
  if (careful && c.child.proceedings === 'care_proceedings') c.team.childrens_guardian = `CG ${letter}.${letter}.`;
  const people = [{ id: 'mum', ref: parentRef, relation: 'mother', pr: true, household: true, returning_to: true }];
  if (chance(0.6)) people.push({ id: 'dad', ref: `Mr ${letter}`, relation: 'father', pr: chance(0.7), household: false });
  if (chance(0.7)) people.push({ id: 'gran', ref: `Mrs ${letter}`, relation: 'maternal_grandmother' });
  people.push({ id: 'fc', ref: `Foster carers ${LETTERS[(index + 3) % LETTERS.length]}`, relation: 'foster_carer', carer: true });
  if (chance(0.15))
    people.push({ id: 'partner', ref: `Mr ${LETTERS[(index + 7) % LETTERS.length]}`, relation: 'mother_partner', note: 'Police information requested' });
  c.people = people;
  if (chance(0.8))
    c.history = {
      entries_to_care: int(1, 3),
      previous_returns: int(0, 2),
      failed_returns: int(0, 1),
      parent_prior_removals: int(0, 1),
      missing_episodes: careful ? 0 : int(0, 4),
    };
  if (chance(0.85)) {
    c.factors = some(FACTORS, 2, 6).map((f) => {
      const e = { id: f, status: pick(['present', 'partly', 'absent', 'unknown']) };
      if (e.status !== 'unknown' && chance(0.85)) {
        e.evidence = pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef);
        e.as_of = iso(plus(opened, int(1, openedDaysAgo - 5)));
      }
      return e;
    });
  }
  if (chance(0.7))
    c.capacity_to_change = [
      {
        person: 'mum',
        rating: pick(['demonstrated', 'emerging', 'limited', 'not_shown']),
        evidence: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef),
        as_of: iso(lastDone(plus(opened, int(10, 60)))),
      },
    ];

  // Tasks: every task of every earlier stage done (mostly), the current stage mixed.
  const tasks = {};
  let t = plus(opened, careful ? int(2, 5) : int(5, 15));
  for (let s = 0; s < reached; s++) {
    for (const name of STAGE_TASKS[s]) {
      const earlier = s < reached - 1 || stage === 'closed';
      let status;
      if (name === 'support_if_no_return') status = 'not_applicable';
      else if (earlier) status = careful || chance(0.95) ? 'done' : pick(['in_progress', 'todo']);
      else if (careful) status = s === 0 || s === 2 ? pick(['done', 'in_progress']) : 'in_progress';
      else status = pick(['done', 'done', 'in_progress', 'todo']);
      t = lastDone(plus(t, careful ? int(1, 4) : int(2, 20)));
      if (status === 'done') {
        tasks[name] = { status, date: iso(t), by: name === 'decision' || name === 'classification' ? tm : sw };
        if (name === 'safe_adult') tasks[name].person = people.some((p) => p.id === 'gran') ? 'gran' : 'fc';
        if (name === 'written_assessment') {
          tasks[name].signed_off = { by: tm, date: iso(lastDone(plus(t, int(0, 4)))) };
          tasks[name].recommendation = pick(['return_with_support', 'return_if_goals_met', 'return_if_change_evidenced']);
        }
        if (chance(0.1)) tasks[name].note = pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef);
      } else if (status === 'not_applicable') tasks[name] = { status, reason: 'Decision is to work towards return' };
      else tasks[name] = { status };
    }
  }
  c.tasks = tasks;
  // a signed-off written assessment says what must change and what other agencies said (rule stage1/assessment-essentials)
  if (tasks.written_assessment?.signed_off)
    c.assessment = {
      other_agencies: `Police: no call-outs this year. School: ${childRef} attends well.`,
      what_must_change: `${parentRef} keeps to the plan, shown over three months`,
    };

  const told = (dd) =>
    [...people.map((p) => p.id), 'child', ...(c.team.iro ? ['iro'] : []), ...(c.team.childrens_guardian ? ['childrens_guardian'] : [])].map((party) => ({
      party,
      date: iso(lastDone(plus(dd, int(1, 4)))),
    }));
  const signed = (d) => ({ by: tm, date: iso(lastDone(plus(d, int(0, 3)))) });
  if (reached >= 2 && (tasks.classification?.status === 'done' || reached > 2)) {
    const d = Date.parse(tasks.classification?.date ?? iso(plus(opened, 40)));
    const level = pick(['low', 'medium', 'high', 'very_high']);
    const suggested = chance(0.8) ? level : pick(['low', 'medium', 'high']);
    const cl = { date: iso(d), point: 'rc1_d2', level, suggested, by: sw, signed_off: signed(d) };
    if (suggested !== level)
      Object.assign(cl, {
        override_category: 'single_severe_concern',
        override_reason: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef),
      });
    c.classifications = [cl];
    const dd = plus(d, int(1, 5));
    c.decisions = [
      {
        date: iso(dd),
        point: 'rc1_d2',
        outcome: pick(['return_with_support', 'return_if_goals_met', 'return_if_change_evidenced']),
        reasons: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef),
        signed_off: signed(dd),
        shared: careful
          ? told(dd)
          : [
              { party: 'mum', date: iso(plus(dd, int(1, 6))), method: pick(['meeting', 'visit', 'letter', 'phone']) },
              ...(chance(0.6) ? [{ party: 'child', date: iso(plus(dd, int(1, 6))) }] : []),
            ],
      },
    ];
  }
  if (reached >= 3) {
    const s = Date.parse(tasks.agreement?.date ?? iso(plus(opened, 90)));
    const goals = Array.from({ length: int(1, 3) }, (_, g) => ({
      id: `g${g + 1}`,
      goal: pick([
        'Ms stays alcohol-free, shown by monthly tests',
        'Home is safe and warm, with food in the cupboards',
        'Child attends school every day',
        'No contact with the former partner at the family home',
        'Mum attends every mental health appointment',
      ])
        .replace('Ms', parentRef)
        .replace('Mum', parentRef),
      steps: some(
        [
          'Weekly key-worker sessions',
          'Monthly hair-strand test',
          'Parenting group on Tuesdays',
          'GP review every eight weeks',
          'Safety plan agreed with the police',
        ],
        1,
        3,
      ),
      by: iso(plus(s, int(40, 160))),
      support: pick(SERVICES),
      success: pick(['Three clear tests in a row', 'Four unannounced visits find the home safe', 'Attendance above 95% for a term']),
      progress: careful
        ? [
            { date: iso(lastDone(plus(s, 20))), rag: 'amber', comment: 'Good start' },
            { date: iso(daysBefore(int(3, 40))), rag: 'green', comment: 'Tests clear' },
          ]
            .filter((x) => x.date > iso(s))
            .sort((a, b) => (a.date < b.date ? -1 : 1))
        : Array.from({ length: int(0, 3) }, (_, k) => ({
            date: iso(lastDone(plus(s, 30 * (k + 1)))),
            rag: pick(['red', 'amber', 'green', 'green']),
            comment: pick(['Tests clear', 'One missed session', 'Good progress', 'Slipped back after a hard month']),
          })),
    }));
    c.agreement = {
      signed: iso(s),
      parents: [{ person: 'mum', strengths: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef), worries: pick(REASONS) }],
      goals,
      non_negotiables: some(['No contact with Mr X at the family home', 'No alcohol in the home', 'The child is never left with the former partner'], 1, 2),
      team_around_child: some(['School DSL', 'GP', 'Alcohol service', 'Health visitor', 'Youth worker'], 1, 4),
      backup_plan: `If things go wrong, ${childRef} stays with the foster carers while the plan is reviewed; ${parentRef} knows this plan`,
    };
    // a careful file says when the agreement will be reviewed (rule stage3/agreement-reviews)
    if (careful) c.agreement.review_dates = [iso(plus(s, 42)), iso(plus(s, 84))];
  }
  if (reached >= 4) {
    const d = Date.parse(tasks.reclassification?.date ?? iso(plus(opened, 200)));
    if (tasks.reclassification?.status === 'done' || reached > 4) {
      const level = pick(['low', 'medium', 'medium']);
      c.classifications.push({ date: iso(d), point: 'rc2_d3', level, suggested: level, by: tm, signed_off: signed(d) });
      const dd = plus(d, int(1, 4));
      c.decisions.push({
        date: iso(dd),
        point: 'rc2_d3',
        outcome: 'proceed_to_return',
        reasons: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef),
        signed_off: signed(dd),
        shared: careful
          ? told(dd)
          : [
              { party: 'mum', date: iso(plus(dd, 2)) },
              { party: 'child', date: iso(plus(dd, 2)) },
            ],
      });
      c.transition = {
        agreed: iso(plus(dd, 5)),
        agreed_by: careful ? told(dd).map((x) => x.party) : ['child', 'mum', 'fc'],
        planned_return: iso(plus(dd, int(20, 50))),
      };
      // a careful file's plan is complete (rule stage4/transition-plan-complete)
      if (careful)
        Object.assign(c.transition, {
          warning_signs: [{ sign: `${parentRef} misses two sessions running`, response: 'The social worker visits within two days and the plan is reviewed' }],
          school: `${childRef} stays at the same school; transport agreed`,
          health: 'GP registration moves with the child',
          views: [{ party: 'mum', view: 'Wants the return and agrees the plan' }],
        });
    }
  }
  if (reached >= 5) {
    const start = Date.parse(c.transition?.agreed ?? iso(plus(opened, 240)));
    const returned = lastDone(plus(start, int(20, 50)));
    const unplanned = !c.transition;
    c.return = {
      unplanned,
      contact_phases: [
        { from: iso(plus(start, 2)), to: iso(plus(start, 14)), pattern: pick(PATTERNS) },
        { from: iso(plus(start, 15)), to: iso(returned - DAY), pattern: pick(PATTERNS) },
      ],
      returned: iso(returned),
      support_package: some(SERVICES, 1, 3).map((s) => ({
        service: s,
        from: iso(returned),
        to: iso(plus(returned, careful ? int(190, 260) : int(90, 200))),
        delivered: careful ? 'on_track' : pick(['on_track', 'on_track', 'partly', 'not_delivered']),
      })),
      visits: Array.from({ length: careful ? Math.max(1, Math.ceil((asOfMs - returned) / (30 * DAY))) : int(0, 5) }, (_, k) => ({
        date: iso(lastDone(plus(returned, (careful ? 25 : 20) + 30 * k))),
        seen_alone: careful || chance(0.8),
        note: pick(SENTENCES).replaceAll('{p}', parentRef).replaceAll('{c}', childRef),
      })).filter((v, k) => k === 0 || v.date < AS_OF),
      step_down: null,
    };
    if (stage === 'closed') {
      const sd = lastDone(plus(returned, int(120, 200)));
      c.return.step_down = { date: iso(sd), to: pick(['cin', 'early_help', 'universal']) };
      c.outcome = { status: 'at_home', date: iso(sd), note: 'Stepped down after six months at home' };
    } else if (chance(0.5)) c.outcome = null;
  }
  if (careful && reached >= 5) {
    // a post-return review, regraded and shared, before any step-down
    const d = plus(Date.parse(c.return.returned), 60);
    if (d < asOfMs) {
      c.classifications.push({ date: iso(d), point: 'rc3_post_return', level: 'low', suggested: 'low', by: sw, signed_off: signed(d) });
      c.decisions.push({
        date: iso(d),
        point: 'rc3_post_return',
        outcome: 'continue',
        reasons: 'Settled at home; keep support and visits for the first six months',
        signed_off: signed(d),
        shared: told(d),
        // the next review, not yet due on the caseload's date (rule stage5/next-review)
        next_review: iso(Math.max(plus(d, 90), plus(asOfMs, 28))),
      });
    }
  }
  const body = buildBody(rand, { careful, childRef, parentRef, opened, tasks, reached, pick, int, chance });
  // a file meant to be clean tags exactly the cohorts it shows, by check's own test
  if (careful)
    c.cohorts = Object.entries(deriveCohorts(c, DEFAULTS, AS_OF))
      .filter(([, f]) => f?.in === true)
      .map(([id]) => id);
  return { c, body, reached };
}

function buildBody(rand, { careful, childRef, parentRef, opened, tasks, reached, pick, int, chance }) {
  const fill = (s) => s.replaceAll('{p}', parentRef).replaceAll('{c}', childRef).replaceAll('{d}', iso(opened)).replaceAll('{r}', pick(REASONS));
  const para = (n) => Array.from({ length: n }, () => fill(pick(SENTENCES))).join(' ');
  const out = [];
  // Leaving out a section the rules read is one of the commonest practice problems.
  if (careful || tasks.case_history?.status !== 'done' || chance(0.88)) {
    out.push('## Case history', '', fill(pick(OPENERS)), '');
    if (chance(0.6)) {
      out.push('| Date | Event | Analysis |', '|---|---|---|');
      for (let k = 0; k < int(2, 6); k++)
        out.push(`| ${iso(plus(opened, -400 + k * 90)).slice(0, 7)} | ${fill(pick(SENTENCES)).slice(0, 60)} | ${pick(REASONS)} |`);
      out.push('');
    }
    out.push(para(int(2, 5)), '');
  }
  out.push('## Analysis', '', para(int(3, 7)), '', para(int(2, 5)), '');
  if (careful || reached < 3 || chance(0.85))
    out.push(`## ${chance(0.8) ? "Child's views" : 'Voice of the child'}`, '', `${childRef} (seen alone): ${pick(QUOTES)}`, '', para(int(1, 3)), '');
  if (chance(0.5)) out.push('## Safe adult', '', para(int(1, 2)), '');
  const visits = int(0, 8);
  if (visits) {
    out.push('## Chronology of visits', '');
    for (let k = 0; k < visits; k++) out.push(`- ${iso(plus(opened, 14 * (k + 1)))}: ${fill(pick(SENTENCES))}`);
    out.push('');
  }
  if (chance(0.6)) out.push('## What happens next', '', para(int(1, 3)), '');
  out.push('## Notes', '', para(int(1, 4)), '');
  return out.join('\n');
}

// ---- deliberate problems, applied to the data before it is written ------------------
const SCHEMA_PROBLEMS = [
  (c) => {
    c.child.legal_status = 's21';
  }, // not one of the legal statuses
  (c) => {
    c.child.placement = 'foster care';
  },
  (c) => {
    c.opened = `${Number(c.opened.slice(8))} Nov ${c.opened.slice(0, 4)}`;
  }, // a date as people say it
  (c) => {
    c.team = { social_worker_name: c.team.social_worker };
  }, // misspelt key, required key gone
  (c) => {
    c.child.wants_to_return = 'yes';
  }, // text, not true/false
  (c) => {
    c.notes = 'Remember to book the review';
  }, // an unknown top-level key
  (c) => {
    const k = Object.keys(c.tasks)[0];
    c.tasks[k] = { status: 'complete' };
  },
  (c) => {
    if (c.factors?.length) c.factors[0].status = 'maybe';
    else c.stage = 6;
  },
  (c) => {
    c.child.placement_moves = 'two';
  },
  (c) => {
    delete c.child.dob;
  },
];
const RULE_PROBLEMS = [
  // a task marked done without its date or its author is a schema problem, so rule problems
  // are made from the records: a classification whose level differs with no reason given,
  // a decision nobody was told about, a done task without its record.
  (c) => {
    if (c.classifications?.[0]) {
      c.classifications[0].suggested = c.classifications[0].level === 'low' ? 'high' : 'low';
      delete c.classifications[0].override_category;
      delete c.classifications[0].override_reason;
    } else c.tasks.case_history = { status: 'todo' };
  },
  (c) => {
    if (c.decisions?.[0]) delete c.decisions[0].shared;
    else c.tasks.engagement = { status: 'in_progress' };
  },
  (c) => {
    if (c.agreement) delete c.agreement.backup_plan;
    if (c.tasks.agreement && !c.agreement) c.tasks.agreement = { status: 'done', date: c.opened, by: c.team.social_worker ?? 'SW X' };
  },
  (c) => {
    c.cla_reviews = (c.cla_reviews ?? []).filter((d) => d < AS_OF).slice(0, 1);
  },
  (c) => {
    if (c.return) c.return.visits = [];
    else if (c.tasks.written_assessment) delete c.tasks.written_assessment;
  },
];

// ---- writing YAML in the many ways people do ----------------------------------------
const SAFE_PLAIN = /^[A-Za-z][A-Za-z0-9 .,'()%/-]*[A-Za-z0-9.)%]$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const IDENT = /^[a-z][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function makeWriter(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const chance = (p) => rand() < p;
  const style = {
    indent: pick([2, 2, 2, 3, 4]),
    flowBias: pick([0.1, 0.4, 0.8]), // how readily small maps and lists are written inline
    quoteBias: pick([0.1, 0.5, 0.9]), // how often text is quoted when it need not be
    commentRate: pick([0, 0.05, 0.15]),
    quoteKeys: chance(0.15) ? pick([0.1, 0.4]) : 0,
    shuffleKeys: chance(0.3),
    wrap: pick([0, 60, 80]),
  };
  const isScalar = (v) => v === null || typeof v !== 'object';
  const key = (k) => (chance(style.quoteKeys) ? (chance(0.5) ? `"${k}"` : `'${k}'`) : k);
  const dq = (s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  const sq = (s) => `'${s.replaceAll("'", "''")}'`;
  const comment = () => (chance(style.commentRate) ? `  # ${pick(COMMENTS)}` : '');

  function scalarInline(v) {
    if (v === null) return chance(0.8) ? 'null' : '~';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (DATE.test(v) || IDENT.test(v)) return chance(style.quoteBias / 3) ? dq(v) : v;
    if (/^\d+$/.test(v) || RESERVED.test(v)) return dq(v);
    return chance(0.5) ? dq(v) : sq(v);
  }
  function scalarBlock(v, pad) {
    if (typeof v === 'string' && !DATE.test(v) && !IDENT.test(v)) {
      if (v.length > 50 && chance(0.25)) {
        // folded or literal block scalar, wrapped at word boundaries
        const inner = pad + ' '.repeat(style.indent);
        const words = v.split(' ');
        const lines = [];
        let line = '';
        for (const w of words) {
          if (line && (line + ' ' + w).length > (style.wrap || 70)) {
            lines.push(line);
            line = w;
          } else line = line ? `${line} ${w}` : w;
        }
        lines.push(line);
        return `${chance(0.6) ? '>' : '|'}${chance(0.3) ? '-' : ''}\n${lines.map((l) => inner + l).join('\n')}`;
      }
      if (v.length > 70 && style.wrap && chance(0.3)) {
        // a double-quoted string continued over several lines
        const cut = v.lastIndexOf(' ', style.wrap);
        if (cut > 10) return `"${v.slice(0, cut).replaceAll('"', '\\"')}\n${pad}${' '.repeat(style.indent)}${v.slice(cut + 1).replaceAll('"', '\\"')}"`;
      }
      if (SAFE_PLAIN.test(v) && !RESERVED.test(v) && !v.includes(': ') && !v.includes(' #') && !chance(style.quoteBias)) return v;
    }
    return scalarInline(v);
  }
  function flow(v) {
    if (isScalar(v)) return scalarInline(v);
    if (Array.isArray(v)) return v.length ? `[${v.map(flow).join(', ')}]` : '[]';
    const ks = Object.keys(v);
    return ks.length ? `{ ${ks.map((k) => `${key(k)}: ${flow(v[k])}`).join(', ')} }` : '{}';
  }
  const small = (v) =>
    JSON.stringify(v).length < 160 && !(Array.isArray(v) ? v : Object.values(v)).some((x) => x && typeof x === 'object' && JSON.stringify(x).length > 90);
  const order = (o) => {
    const ks = Object.keys(o);
    if (!style.shuffleKeys || ks.length < 3) return ks;
    return [...ks].sort(() => rand() - 0.5);
  };
  function node(v, pad, lines, depth) {
    // writes the value v of a key whose line is lines[lines.length - 1]
    const last = lines.length - 1;
    if (isScalar(v)) {
      lines[last] += ` ${scalarBlock(v, pad)}${comment()}`;
      return;
    }
    if ((Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) || (depth > 0 && small(v) && chance(style.flowBias))) {
      lines[last] += ` ${flow(v)}${comment()}`;
      return;
    }
    const inner = pad + ' '.repeat(style.indent);
    if (Array.isArray(v)) {
      const dashPad = chance(0.7) ? inner : pad; // "- " indented or flush with the key
      for (const item of v) {
        if (style.commentRate && chance(style.commentRate)) lines.push(`${dashPad}# ${pick(COMMENTS)}`);
        if (isScalar(item)) lines.push(`${dashPad}- ${scalarBlock(item, dashPad)}`);
        else if (Array.isArray(item) || chance(style.flowBias)) lines.push(`${dashPad}- ${flow(item)}`);
        else {
          const ks = order(item);
          const itemPad = dashPad + '  ';
          ks.forEach((k, j) => {
            lines.push(`${j === 0 ? dashPad + '- ' : itemPad}${key(k)}:`);
            node(item[k], itemPad, lines, depth + 2);
          });
        }
      }
      return;
    }
    for (const k of order(v)) {
      if (style.commentRate && chance(style.commentRate)) lines.push(`${inner}# ${pick(COMMENTS)}`);
      lines.push(`${inner}${key(k)}:`);
      node(v[k], inner, lines, depth + 1);
    }
  }
  return function write(c) {
    const lines = [];
    const ks = Object.keys(c);
    const top = style.shuffleKeys ? [...ks.slice(0, 2), ...ks.slice(2).sort(() => rand() - 0.5)] : ks;
    for (const k of top) {
      if (style.commentRate && chance(style.commentRate * 2)) lines.push(`# ${pick(COMMENTS)}`);
      lines.push(`${key(k)}:`);
      node(c[k], '', lines, 0);
    }
    return lines.join('\n');
  };
}

// ---- YAML errors, applied to the written text ---------------------------------------
const YAML_PROBLEMS = [
  (fm) => fm.replace(/^opened:.*$/m, (l) => `${l}\nopened: 2020-01-01`), // a duplicate key
  (fm) => fm.replace(/^( +)(\w+: [^\n]+\n)\1(\w+:)/m, (_, sp, l, k) => `${sp}${l}${sp} ${k}`), // a key indented one space too far
  (fm) => fm.replace(/^id:.*$/m, (l) => `${l}\nteam_note: "Handed over from the duty team`), // an unclosed quote
];

// ---- the caseload ---------------------------------------------------------------------
/** One case file's text and the problems deliberately put into it. */
export function generateCase(seed, index) {
  const rand = mulberry32(seed * 1000003 + index * 7919 + 17);
  const { c, body } = buildCase(rand, index);
  const planted = [];
  const roll = rand();
  if (roll < PROBLEM_RATES.yaml) planted.push('yaml');
  else if (roll < PROBLEM_RATES.yaml + PROBLEM_RATES.schema) {
    SCHEMA_PROBLEMS[Math.floor(rand() * SCHEMA_PROBLEMS.length)](c);
    planted.push('schema');
  }
  if (rand() < PROBLEM_RATES.rule) {
    RULE_PROBLEMS[Math.floor(rand() * RULE_PROBLEMS.length)](c);
    planted.push('rule');
  }
  let fm = makeWriter(rand)(c);
  if (planted[0] === 'yaml') {
    const p = YAML_PROBLEMS[Math.floor(rand() * YAML_PROBLEMS.length)];
    const broken = p(fm);
    fm = broken === fm ? YAML_PROBLEMS[0](fm) : broken;
  }
  const crlf = rand() < 0.05;
  let text = `---\n${fm}\n---\n${body}`;
  if (crlf) text = text.replaceAll('\n', '\r\n');
  return { id: c.id, team: `team-${String(index % 40).padStart(2, '0')}`, text, planted };
}

export function generateVariedCaseload(count, seed = 1, dir = join(here, `.varied-${count}-s${seed}`)) {
  const marker = join(dir, '.generated.json');
  const params = JSON.stringify({ count, seed, VERSION });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === params) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'reunify.config.yaml'), 'organisation: "Varied Benchmark Borough (fictional)"\n');
  const teams = new Set();
  for (let i = 0; i < count; i++) {
    const f = generateCase(seed, i);
    if (!teams.has(f.team)) {
      mkdirSync(join(dir, f.team), { recursive: true });
      teams.add(f.team);
    }
    writeFileSync(join(dir, f.team, `${f.id}.md`), f.text);
  }
  writeFileSync(marker, params);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10000);
  console.log(generateVariedCaseload(count, Number(process.argv[3] ?? 1), process.argv[4]));
}
