// Words for generated fictional cases: evidence for each factor and status, goals,
// services, views and reasons. Templates name people only by their case refs
// ({parent} = "Ms K", {child} = "Child K"); no real people, places or events.
import type { CapacityRating, FactorStatus } from '../model/ids.js';

type Known = Exclude<FactorStatus, 'unknown'>;

/** What a wording needs to be true of the case before it may be used. */
export interface TextContext {
  /** The child's age in whole years on the date the text is written. */
  age: number;
  /** A partner of the parent lives in the household. */
  partner: boolean;
  /** An earlier return home broke down. */
  failedReturn: boolean;
  /** The child lives with a relative. */
  kinship: boolean;
}

/** A wording, plain or with a test of the case it fits. */
export type Wording = string | { text: string; when: (c: TextContext) => boolean };

export const wordingText = (w: Wording): string => (typeof w === 'string' ? w : w.text);
export const fits = (w: Wording, c: TextContext): boolean => typeof w === 'string' || w.when(c);

const speaks = (c: TextContext) => c.age >= 5;
const underFive = (c: TextContext) => c.age < 5;
const atSchool = (c: TextContext) => c.age >= 5;
const withPartner = (c: TextContext) => c.partner;
const noPartner = (c: TextContext) => !c.partner;

/** Evidence per factor and status; each status has one or more wordings. */
export const FACTOR_EVIDENCE: Record<string, Partial<Record<FactorStatus, readonly Wording[]>>> = {
  parental_substance_misuse: {
    present: [
      '{parent} drinks most days by their own account; the GP confirms raised liver tests',
      'Two hair-strand tests positive for cocaine in the last three months; {parent} disputes them',
      '{parent} was seen drunk at two family-time sessions this month',
    ],
    partly: [
      '{parent} attends the drug and alcohol service weekly; one lapse reported by the key worker',
      'Tests mostly clear for three months; one missed test not explained',
    ],
    absent: ['Six months of clear tests confirmed by the drug and alcohol service', '{parent} completed detox and has kept every recovery group since'],
    unknown: ['Test results from the new service not yet received'],
  },
  domestic_abuse: {
    present: [
      'Police called to the home twice this quarter; {parent} still in contact with the former partner',
      'Child protection conference heard of assaults witnessed by {child}',
    ],
    partly: [
      'Former partner has left and a non-molestation order is in force; the former partner was seen near the home once',
      'No call-outs since the spring; {parent} is on the waiting list for a recovery programme',
    ],
    absent: [
      'No incidents or call-outs for over a year; the former partner has moved out of the area',
      'Police and the domestic abuse service report no concerns since the separation',
    ],
    unknown: [
      { text: 'Police information about the new partner has been requested and not yet received', when: withPartner },
      { text: "Police disclosure about {parent}'s former partner requested; not yet received", when: noPartner },
    ],
  },
  parental_mental_health: {
    present: ['{parent} has low mood and has stopped prescribed medication; no current treatment', 'Two hospital admissions for self-harm in the last year'],
    partly: [
      '{parent} sees the community mental health team monthly; mood still variable',
      'Counselling under way; the GP describes {parent} as more stable but still anxious',
    ],
    absent: ["{parent}'s mental health is stable on treatment, confirmed by the GP", 'Discharged from the mental health team after a year of stability'],
    unknown: ['Consent to speak to the GP given this month; reply awaited'],
  },
  // problems_unaddressed: worded by the reason for care (REASON_EVIDENCE)
  parental_ambivalence: {
    present: [
      '{parent} says at times that {child} would be better staying where they are',
      '{parent} cancelled three family-time sessions and talks of needing a break',
    ],
    partly: [
      '{parent} wants {child} home but worries about managing the evenings',
      'Mixed messages about the timing of the return; clearer since the last meeting',
    ],
    absent: [
      '{parent} is clear and consistent about wanting {child} home and has planned for it',
      '{parent} has kept every family-time session and prepared a bedroom',
    ],
  },
  parental_isolation: {
    present: ['{parent} has no family nearby and no friends they would ask for help', '{parent} has moved twice this year and knows no one locally'],
    partly: ['{parent} has joined a parents group but still has little practical support', 'Some support from a neighbour; relatives are far away'],
    absent: [
      '{parent} has a settled network of friends and family who visit weekly',
      'Friends from the community centre and two neighbours give regular practical help',
    ],
  },
  new_household_adult: {
    present: [{ text: 'The new partner has moved in and has not agreed to be assessed', when: withPartner }],
    partly: [
      { text: 'The new partner lives at the home; checks have started but are not complete', when: withPartner },
      { text: 'The new partner has agreed to a viability assessment, booked for next month', when: withPartner },
    ],
    absent: [
      { text: 'No other adult lives in or stays at the home, confirmed at unannounced visits', when: noPartner },
      { text: '{parent} lives alone with the children; checks confirm no other adults', when: noPartner },
    ],
    unknown: [{ text: 'Neighbours mention an adult staying at the home; {parent} has not said who', when: noPartner }],
  },
  child_behaviour_difficulties: {
    present: [
      { text: '{child} has angry outbursts after family time and has been excluded from school twice', when: atSchool },
      { text: '{child} self-harms at times of stress; CAMHS referral made', when: (c) => c.age >= 11 },
      { text: 'Tantrums and head-banging after family time, reported by the carers', when: underFive },
    ],
    partly: [
      { text: 'Outbursts less frequent since the school support plan began', when: atSchool },
      '{child} is settling with the carers; still struggles after family time',
    ],
    absent: [{ text: 'School reports good behaviour and friendships', when: atSchool }, 'No incidents at home or in placement for three months'],
  },
  missing_episodes: {
    present: ["{child} went missing three times this year, found each time at a friend's flat", 'Missing overnight twice last month; return interviews held'],
    partly: ['One missing episode since the spring, down from several; return interview held', '{child} was missing once briefly; now keeps to agreed times'],
    absent: ['No further missing episodes since the safety plan was agreed', 'No missing episodes in the last six months; return interviews closed'],
  },
  poor_assessment_planning: {
    present: [
      'The parenting assessment is out of date and no written plan exists yet',
      'Agencies have not been asked for their information; the plan rests on the family’s account',
    ],
    partly: [
      'Assessment updated but the plan for the return is still being written',
      { text: 'Plan drafted; the school not yet involved', when: atSchool },
      { text: 'Plan drafted; the health visitor not yet involved', when: underFive },
    ],
    absent: ['Thorough assessment completed with the family and other agencies', 'Written plan agreed with everyone involved'],
  },
  insufficient_services: {
    present: ['The parenting programme has a six-month wait; no interim help offered', 'No specialist service for the family in this area at present'],
    partly: ['Family support worker in place; the specialist service is still to start', 'Some services in place; the child has no therapeutic support yet'],
    absent: ['Every service the plan needs is in place and attended', 'Services matched to the plan have started and are reviewed monthly'],
  },
  household_change: {
    present: [
      'The adult who harmed {child} has left the household and has no contact',
      'The former partner has left the home; a non-molestation order keeps them away',
    ],
    partly: ['The former partner has left but still visits the area', 'The adult who caused the harm has moved out; contact arrangements are not yet settled'],
    absent: ['The adult who caused the harm still lives at or visits the home'],
  },
  sustained_parental_change: {
    present: ['Change seen by {professional} and the family support worker over six months', 'Others confirm the change has lasted through a difficult period'],
    partly: [
      'Positive change for three months, seen by the key worker; not yet tested under stress',
      'Change reported by {parent}; partly confirmed by others',
    ],
    absent: ['Promises of change, but nothing confirmed by anyone else yet'],
  },
  clear_conditions: {
    present: [
      'Non-negotiable conditions written into the agreement and signed by {parent}',
      'Clear conditions agreed and understood by {parent}, shown by them explaining them back',
    ],
    partly: ['Conditions discussed with {parent} but not yet written down'],
    absent: ['No conditions agreed yet'],
  },
  phased_return: {
    present: ['Contact increased step by step with a review before each step'],
    partly: ['Overnight stays started; the later steps are not yet planned'],
    absent: ['No plan yet for increasing contact'],
  },
  specialist_services: {
    present: ['Specialist service matched to need, attended every week', 'Specialist programme under way, most sessions attended'],
    partly: ['Referral accepted; sessions start next month', 'Attending the specialist service, but irregularly'],
    absent: ['No specialist help in place'],
  },
  extended_family_support: {
    present: [
      { text: '{relative} lives nearby and helps with school runs and evenings', when: atSchool },
      { text: '{relative} lives nearby and helps with bathtime and bedtime', when: underFive },
      '{relative} has {child} one evening a week and is a second pair of eyes',
    ],
    partly: ['{relative} offers help at weekends but lives an hour away', 'Family offer support but disagree with the plan'],
    absent: [{ text: 'Wider family are fond of {child} but cannot offer practical help', when: (c) => !c.kinship }],
  },
  carer_continuity: {
    present: [
      'The carers have offered to stay in touch and have {child} for tea once a week',
      'The carers will keep in touch after the return, agreed with {parent}',
    ],
    partly: ['The carers are willing to keep in touch by phone'],
    absent: ['The carers have not offered to keep in touch after the return'],
  },
  child_views_heard: {
    present: [
      { text: '{child} was seen alone three times and their wishes are written into the plan', when: speaks },
      { text: "{child}'s views were gathered by the advocate and shared at the review", when: (c) => c.age >= 8 },
      { text: '{child} was observed at family time and in placement; what the observations show is written into the plan', when: underFive },
    ],
    partly: [
      { text: '{child} has been asked but finds it hard to talk; views gathered through play', when: (c) => c.age >= 5 && c.age < 11 },
      { text: '{child} talks to the carers but not yet to the social worker', when: (c) => c.age >= 11 },
      { text: 'Observed once at family time; more observation planned', when: underFive },
    ],
    absent: [
      { text: 'No one has yet asked {child} about the plan', when: speaks },
      { text: 'No observation of {child} with {parent} recorded yet', when: underFive },
    ],
  },
  consistent_social_worker: {
    present: ['The same social worker since the case opened'],
    partly: ['One change of social worker this year, with a handover visit'],
    absent: ['Three social workers in twelve months'],
  },
  safe_adult_in_place: {
    present: [
      { text: '{child} has chosen {safe} and knows how to reach them', when: speaks },
      { text: '{child} named {safe} as the person to tell if things go wrong', when: speaks },
      { text: '{safe} has agreed to be the safe adult for {child} and sees them every week', when: underFive },
    ],
    partly: [
      { text: '{child} likes {safe} but has not yet agreed they are the person to tell', when: speaks },
      { text: '{safe} is willing to be the safe adult; visits are not yet regular', when: underFive },
    ],
  },
};

export const CAPACITY_EVIDENCE: Record<CapacityRating, readonly string[]> = {
  demonstrated: [
    '{parent} has made the changes, kept them for six months, and others confirm it',
    'Change sustained through a bereavement and a house move; confirmed by three agencies',
  ],
  emerging: [
    '{parent} accepts the concerns and is using help; change not yet sustained under stress',
    'Real change for three months; too early to say it will last',
  ],
  limited: ['{parent} accepts some concerns but attendance is patchy and little has changed', 'Says the right things; the key worker sees little change'],
  not_shown: ['{parent} does not accept the reasons for care and has declined services', 'No change shown; {parent} blames the carers and the social worker'],
};

export const CONCERNS = ['parental_substance_misuse', 'domestic_abuse', 'parental_mental_health', 'problems_unaddressed'] as const;
export type Concern = (typeof CONCERNS)[number];

export const CARE_REASON_IDS = [
  'neglect',
  'physical_abuse',
  'sexual_abuse',
  'exploitation',
  'adolescent_conflict',
  'learning_disability',
  'mental_health',
  'substance_misuse',
  'domestic_abuse',
] as const;
export type CareReasonId = (typeof CARE_REASON_IDS)[number];

export interface CareReason {
  /** The factor the reason is counted under. */
  concern: Concern;
  /** Youngest age (years, at the date of entry to care) the reason fits. */
  minAge: number;
  maxAge?: number;
  weight: number;
  /** What happened, completing "looked after since …, after …". */
  stories: readonly Wording[];
  worries: readonly Wording[];
}

export const CARE_REASONS: Record<CareReasonId, CareReason> = {
  neglect: {
    concern: 'problems_unaddressed',
    minAge: 0,
    weight: 0.2,
    stories: [
      'long-standing neglect: poor home conditions, missed health appointments and no routine',
      'neglect that continued despite a child protection plan',
      { text: 'a health visitor found {child} underweight and the home without food or heating', when: underFive },
      'a neighbour found {child} alone and hungry late at night',
      'the home was found without working heating or food and {child} unwashed for days',
    ],
    worries: [
      'Routines slip without regular support',
      'Minimises the effect of neglect on {child}',
      'Copes well with help but lets things slide when the help stops',
      'Money worries and debt crowd out routines',
    ],
  },
  physical_abuse: {
    concern: 'problems_unaddressed',
    minAge: 0,
    weight: 0.12,
    stories: [
      'unexplained bruising found by {professional}, later accepted by {parent} as caused by rough handling',
      'a broken arm that {parent} first said was a fall and later admitted happened in anger',
      'marks from being hit with a belt, seen by {professional}',
      'a black eye that {child} said came from being punched at home',
    ],
    worries: ['Loses temper when tired; still learning other ways to manage', 'Was harshly punished as a child and finds it hard to see the harm'],
  },
  sexual_abuse: {
    concern: 'problems_unaddressed',
    minAge: 3,
    weight: 0.08,
    stories: [
      "{child}'s disclosure of sexual abuse by a family friend whom {parent} did not at first believe",
      'sexual abuse by a lodger in the home, which {parent} did not act on when first told',
      'sexual abuse by an older cousin, which {parent} kept from the school and the police',
    ],
    worries: ['Found it hard to believe {child} at first and still doubts at times', 'Trusts new people quickly; safety planning is new to {parent}'],
  },
  exploitation: {
    concern: 'problems_unaddressed',
    minAge: 12,
    weight: 0.1,
    stories: [
      'criminal exploitation: {child} was found carrying drugs for an older group in another town',
      'sexual exploitation by older men who groomed {child} online and met them after school',
      'repeated missing episodes linked to a county lines group',
      'being found in a flat used for drug dealing, forty miles from home',
    ],
    worries: ['Feels powerless against the group who exploited {child}', 'Blames {child} for the exploitation at times'],
  },
  adolescent_conflict: {
    concern: 'problems_unaddressed',
    minAge: 12,
    weight: 0.1,
    stories: [
      'conflict at home that turned violent between {parent} and {child}, ending with {parent} asking for {child} to be accommodated',
      '{parent} told {child} to leave after months of fights about curfew and school',
      'a fight in which {child} and {parent} both needed hospital treatment',
    ],
    worries: ['Feels rejected by {child} and answers anger with anger', 'Struggles to set limits without rows'],
  },
  learning_disability: {
    concern: 'problems_unaddressed',
    minAge: 0,
    weight: 0.08,
    stories: [
      "{parent}'s learning disability and the loss of the support that had held routines together, leaving {child}'s needs unmet",
      "{child}'s needs outgrowing what {parent} could manage without adapted support",
      'an unsafe feeding routine that {parent} had not understood, found after {child} lost weight',
    ],
    worries: ['Needs information in easy-read form and time to practise', 'Relies on one support worker; struggles when they are away'],
  },
  mental_health: {
    concern: 'parental_mental_health',
    minAge: 0,
    weight: 0.12,
    stories: [
      '{parent} was admitted to hospital in a mental health crisis with no one to care for {child}',
      "{parent}'s untreated depression left {child} without basic care",
      '{parent} became very unwell after a bereavement and could not keep {child} safe',
      '{parent} heard voices telling them {child} was in danger and kept {child} off school for weeks',
    ],
    worries: ['Stops treatment when feeling better', 'Struggles at times of stress without support'],
  },
  substance_misuse: {
    concern: 'parental_substance_misuse',
    minAge: 0,
    weight: 0.18,
    stories: [
      '{parent} was found intoxicated while caring for {child} alone',
      'police found {child} alone at home while {parent} was using drugs',
      '{parent} was arrested while drunk with {child} in the car',
      'a drugs overdose at home that {child} found {parent} after',
    ],
    worries: [
      { text: 'Drinks when low; the last return ended after a relapse', when: (c) => c.failedReturn },
      'Drinks when low and has relapsed after treatment before',
      'Recovery is recent and untested at home',
    ],
  },
  domestic_abuse: {
    concern: 'domestic_abuse',
    minAge: 0,
    weight: 0.16,
    stories: [
      'police attended a serious assault on {parent} by a partner with {child} present',
      'repeated domestic abuse at home, witnessed by {child}',
      'the former partner broke into the home and threatened {parent} in front of {child}',
      '{child} was hurt trying to stop an attack on {parent}',
    ],
    worries: ['Has let the former partner back before after promises of change', 'Still in touch with the former partner by phone'],
  },
};

/** What the parent brings, in two halves, so no two families of a pack read the same. */
export const STRENGTHS: readonly [readonly string[], readonly string[]] = [
  [
    'Warm with {child}',
    'Asks for help early',
    'Knows {child} well',
    'Answers calls and keeps meetings',
    'Loves {child} and says so',
    'Plays well with {child} at family time',
    'Has kept a tenancy and a job through hard times',
    'Takes advice from the family support worker',
  ],
  [
    'family time is affectionate',
    'honest about setbacks',
    'plans family time around their needs',
    'follows through on what is agreed',
    'says plainly what they find hard',
    'proud of small steps',
    'reads the signs when {child} is upset',
    'listens when challenged',
  ],
];

/** A second worry anyone may have, added to the worry that comes with the reason for care. */
export const WORRIES: readonly string[] = [
  'little sleep and a lot of stress',
  'money is tight and debts are growing',
  'few people to turn to in the evenings',
  'finds professionals hard to trust',
  'struggles to ask for help until late',
  'the housing is overcrowded',
  'hard on themselves after a bad day',
  'relies on one friend for everything',
];

/** problems_unaddressed in the words of each reason for care it stands for. */
export const REASON_EVIDENCE: Partial<Record<CareReasonId, Record<Known, readonly string[]>>> = {
  neglect: {
    present: [
      'The neglect that led to care (home conditions, missed health appointments) continues: no food in the home at the last two visits',
      '{parent} does not accept the reasons for care and has refused the parenting course',
    ],
    partly: [
      'Home conditions improved after the family support worker began; health appointments still missed',
      '{parent} accepts some of the concerns; the parenting course is half done',
    ],
    absent: [
      'Home conditions have been good at every unannounced visit for four months',
      'Routines and appointments kept for four months, confirmed by the family support worker',
    ],
  },
  physical_abuse: {
    present: ['{parent} still says the injuries were accidental and has not started the work on managing anger'],
    partly: ['{parent} accepts hurting {child} and is halfway through the anger-management course'],
    absent: [
      '{parent} has finished the course, can explain what triggers their anger and how they now stay calm; family time observed without concern for four months',
    ],
  },
  sexual_abuse: {
    present: ["{parent} does not yet believe {child}'s account and has let the man accused visit"],
    partly: ['{parent} now believes {child} and has ended contact with the man accused; the protective parenting course is half done'],
    absent: ['{parent} has completed protective parenting work, believes {child} and keeps the safety plan; the man accused has no contact'],
  },
  exploitation: {
    present: ['{child} is still in contact with the adults who exploited them; {parent} does not see the danger'],
    partly: ['{parent} works with the exploitation team and reports sightings; {child} still receives messages from the group'],
    absent: ['No contact with the group for six months; {parent} and the exploitation team keep a shared safety plan'],
  },
  adolescent_conflict: {
    present: ['Arguments at home still turn physical; {parent} and {child} have not yet met the mediation service'],
    partly: ['Family mediation has begun; arguments continue but no violence since the spring'],
    absent: ['Mediation completed; {parent} and {child} agree house rules and settle arguments without violence'],
  },
  learning_disability: {
    present: ['Parenting support adapted to {parent}’s learning disability has not started; feeding and hygiene routines slip'],
    partly: ['{parent} uses the easy-read routine chart with the family support worker; routines hold on most days'],
    absent: ['With adapted support {parent} has kept routines for four months, seen at unannounced visits'],
  },
};

/** A goal with the ways a review would rate it: comments fit the goal and the rating. */
export interface GoalText {
  goal: string;
  steps: string[];
  support: string;
  success: string;
  comments: Record<'red' | 'amber' | 'green', readonly string[]>;
  when?: (c: TextContext) => boolean;
}

const TESTS = {
  red: ['Two missed tests', 'A positive test last month'],
  amber: ['One lapse, reported openly', 'Most tests clear; one missed'],
  green: ['Tests clear', 'Every test clear since the last review'],
};
const SESSIONS = {
  red: ['Missed most sessions', 'Has not yet started the sessions'],
  amber: ['Started; some sessions missed', 'Halfway through; attendance patchy'],
  green: ['All sessions attended', 'Completed and using what was learnt'],
};
const VISITS = {
  red: ['Concerns at the last two visits', 'No progress since the last review'],
  amber: ['Progress, not yet consistent', 'Good at most visits; one concern'],
  green: ['Good at every visit', 'Met and kept up'],
};

/** Goals per reason for care (and for anyone: school, parenting). */
export const GOALS: Record<string, readonly GoalText[]> = {
  substance_misuse: [
    {
      goal: '{parent} stays alcohol-free, shown by monthly tests',
      steps: ['Weekly sessions with the alcohol service', 'Monthly hair-strand test'],
      support: 'Alcohol service key worker',
      success: 'Three clear tests in a row',
      comments: TESTS,
    },
    {
      goal: '{parent} stays drug-free and keeps every recovery appointment',
      steps: ['Attend the recovery group twice a week', 'Random urine tests'],
      support: 'Drug service recovery worker',
      success: 'Four months of clear tests and full attendance',
      comments: TESTS,
    },
  ],
  domestic_abuse: [
    {
      goal: '{parent} completes the domestic abuse recovery programme and can explain the safety plan',
      steps: ['Attend all 12 weekly sessions', 'Write a safety plan with the recovery worker'],
      support: 'Domestic abuse recovery worker',
      success: 'Programme completed; safety plan known to everyone involved',
      comments: SESSIONS,
    },
    {
      goal: '{parent} keeps the former partner away from the home and reports any contact within 24 hours',
      steps: ['Report any contact the same day', 'Keep the protective order in place'],
      support: 'Social worker; neighbourhood police team',
      success: 'No unreported contact over four months',
      comments: {
        red: ['Contact not reported twice', 'The former partner was at the home'],
        amber: ['One late report of contact', 'Reported contact, a day late'],
        green: ['Every contact reported the same day', 'No contact and the order kept'],
      },
    },
  ],
  mental_health: [
    {
      goal: '{parent} keeps to the treatment plan agreed with the mental health team',
      steps: ['Take medication as prescribed', 'Monthly review with the care coordinator'],
      support: 'Community mental health team',
      success: 'Care coordinator confirms stability for three months',
      comments: {
        red: ['Stopped medication; two reviews missed', 'No contact with the care coordinator'],
        amber: ['Mostly keeping to the plan; one review missed', 'Mood variable; treatment kept up'],
        green: ['Stable; every review attended', 'Care coordinator confirms stability'],
      },
    },
  ],
  neglect: [
    {
      goal: '{parent} keeps the home safe and clean, seen at unannounced visits',
      steps: ['Weekly visits from the family support worker', 'Agreed cleaning routine'],
      support: 'Family support worker',
      success: 'Home conditions good at every visit for three months',
      comments: VISITS,
    },
    {
      goal: '{parent} takes {child} to every health appointment',
      steps: ['Use the shared calendar', 'Reminders from {health}'],
      support: '{healthWorker}',
      success: 'No missed appointments for three months',
      comments: {
        red: ['Two appointments missed', 'Missed the last appointment without reason'],
        amber: ['One appointment missed', 'Most appointments kept'],
        green: ['Every appointment kept', 'Every appointment kept since the last review'],
      },
    },
  ],
  physical_abuse: [
    {
      goal: '{parent} completes the anger-management course and uses calm ways to manage {child}',
      steps: ['Attend the ten-week course', 'Practise the calm-down plan at family time'],
      support: 'Parenting practitioner',
      success: 'Course completed; calm handling seen at three observed sessions',
      comments: SESSIONS,
    },
  ],
  sexual_abuse: [
    {
      goal: '{parent} completes protective parenting work and keeps the safety plan',
      steps: ['Attend the protective parenting group', 'Agree the safety plan with the social worker'],
      support: 'Specialist protective parenting worker',
      success: 'Group completed; the safety plan kept for four months',
      comments: SESSIONS,
    },
  ],
  exploitation: [
    {
      goal: '{parent} and {child} keep the safety plan agreed with the exploitation team',
      steps: ['Weekly sessions with the exploitation worker', 'Report any contact from the group'],
      support: 'Exploitation team worker',
      success: 'No contact with the group for three months',
      comments: {
        red: ['Contact with the group again', 'Safety plan not followed'],
        amber: ['One contact, reported promptly', 'Safety plan mostly kept'],
        green: ['No contact with the group', 'Safety plan kept throughout'],
      },
    },
  ],
  adolescent_conflict: [
    {
      goal: '{parent} and {child} finish family mediation and keep to the house rules they agreed',
      steps: ['Six mediation sessions together', 'Review the house rules each month'],
      support: 'Family mediation service',
      success: 'No violence and house rules kept for three months',
      comments: SESSIONS,
    },
  ],
  learning_disability: [
    {
      goal: '{parent} keeps the daily routine using the easy-read plan',
      steps: ['Weekly visits from the family support worker', 'Practise the routine at family time'],
      support: 'Family support worker (learning disability team)',
      success: 'Routine kept at every visit for three months',
      comments: VISITS,
    },
  ],
  school: [
    {
      goal: '{parent} gets {child} to school on time every day of the family-time weeks',
      steps: ['School runs on agreed days', 'Attend the parents evening'],
      support: 'School family liaison officer',
      success: 'Attendance above 95% for a half-term',
      comments: {
        red: ['Attendance below 80%', 'Late most days'],
        amber: ['Attendance improving; some late starts', 'Attendance at 90%'],
        green: ['Attendance above 95%', 'On time every day'],
      },
      when: (c) => c.age >= 5,
    },
  ],
  parenting: [
    {
      goal: '{parent} completes the parenting programme and uses the routines at family time',
      steps: ['Attend the ten-week course', 'Practise the bedtime routine at family time'],
      support: 'Parenting practitioner',
      success: 'Course completed; routines seen at two observed sessions',
      comments: SESSIONS,
    },
  ],
};

/** Services anyone may need (with the ages they fit), and those matched to the reason for care. */
export const SERVICES: readonly Wording[] = [
  'Family support worker',
  'Parenting practitioner',
  { text: 'School family liaison officer', when: (c) => c.age >= 5 },
  { text: 'Young people’s counsellor', when: (c) => c.age >= 11 },
  { text: 'Health visitor', when: underFive },
  { text: 'Children’s centre play sessions', when: underFive },
];
export const REASON_SERVICES: Record<CareReasonId, readonly string[]> = {
  substance_misuse: ['Alcohol service key worker', 'Drug service recovery worker'],
  domestic_abuse: ['Domestic abuse recovery worker', 'Independent domestic violence adviser'],
  mental_health: ['Community mental health team', 'Talking therapies service'],
  neglect: ['Family support worker', 'Parenting practitioner'],
  physical_abuse: ['Parenting practitioner', 'Anger-management course'],
  sexual_abuse: ['Specialist protective parenting worker', 'Therapeutic service for children after sexual abuse'],
  exploitation: ['Exploitation team worker', 'Youth worker'],
  adolescent_conflict: ['Family mediation service', 'Youth worker'],
  learning_disability: ['Family support worker (learning disability team)', 'Adult learning disability team'],
};

export const NON_NEGOTIABLES: Record<string, readonly string[]> = {
  substance_misuse: ['No alcohol or drugs while caring for {child}', 'Agree to random testing'],
  domestic_abuse: ['The former partner does not come to the family home', 'Report any contact from the former partner within 24 hours'],
  mental_health: ['Tell the social worker if treatment stops'],
  neglect: ['Let the family support worker in for unannounced visits'],
  physical_abuse: ['No physical punishment of {child}, ever'],
  sexual_abuse: ['The man accused has no contact with {child}'],
  exploitation: ['Tell the police and the social worker the same day if {child} is missing'],
  adolescent_conflict: ['No one is told to leave the home; take time out instead'],
  learning_disability: ['Keep the weekly visit from the family support worker'],
  new_household_adult: ['No new adult stays at the home until they have been assessed'],
};

/** The child's views, in their words or as observed, by age and by what they want. Each view is one opening and one detail. */
export const CHILD_VIEWS = {
  young: {
    opening: [
      'Too young to say; observed at family time reaching for {parent} and settling quickly in their arms.',
      'Observed to be calm and playful with {parent}; unsettled when family time ends.',
      'Observed babbling and smiling when {parent} arrives; clings to {carer} at handover.',
      'Watched {parent} closely at the start of family time, then played happily.',
      'Sought comfort from {carer} when upset, and from {parent} by the end of the session.',
      'Fed and settled well with {parent}; cried when the session ended.',
    ],
    detail: [
      '{carer} says sleep is unsettled for a night after each session.',
      'Sleeps and feeds well in placement.',
      'Meets milestones; speech checked and on track.',
      'Brings a favourite toy to every session.',
      'Calmer since family time moved to the same day each week.',
      'Likes bath time and songs with {parent}.',
    ],
  },
  home: {
    opening: [
      '"I like being home. I still see {carer} sometimes."',
      '"It\'s better now. My {mumdad} doesn\'t shout."',
      '"I\'m glad I came home. I want the visits to stop one day."',
      '"Home is OK. I miss my old school friends."',
      '"I like my room. I worry things will go back."',
      '"Being home is good but I get nervous when we argue."',
    ],
    detail: [
      'Says they know who to tell if something is wrong.',
      'Wants fewer meetings and more time with friends.',
      'Talked about cooking tea with their {mumdad}.',
      'Says the evenings are the hardest part.',
      'Likes walking to school with their {mumdad}.',
      'Asked whether their carers can come to their birthday.',
    ],
  },
  wants: {
    opening: [
      '"I want to go home but I want someone to check on us."',
      '"I want to live with my {mumdad} if things are better now."',
      '"I want to go home. I am old enough to say what I want."',
      '"I want to go home but not if things go back to how they were."',
      '"I want to go home. I miss my {mumdad} and my own bed."',
      '"I want to go home, and I want to keep seeing {carer}."',
    ],
    detail: [
      'Asked to keep the same school.',
      'Wants their pet back when they go home.',
      'Worried about being a worry to their {mumdad}.',
      'Wants to know the date as soon as it is agreed.',
      'Said the weekends at home are the best part of the week.',
      'Wants their carers to visit after the move.',
    ],
  },
  unsure: {
    opening: [
      '"I don\'t know. I want to see my friends and I want my own room."',
      '"I miss my {mumdad}. I like it here too. Can I still see my carers?"',
      '"I\'m not sure. It was scary before."',
      '"I like it here. I don\'t want to go back yet."',
      '"Not yet. Maybe when things are better."',
      '"I don\'t want to talk about going home."',
    ],
    detail: [
      'Asked whether they will have to choose.',
      'Says family time is good but short.',
      'Wants things to stay as they are for now.',
      'Worried about leaving their friends behind.',
      'Said they would think about it and talk again.',
      'Wants the social worker to ask again later.',
    ],
  },
} as const;

/** Culture, faith, language, disability and family life: one line about who the family are. */
export const BACKGROUNDS: readonly Wording[] = [
  'The family are of Polish heritage and speak Polish at home; {parent} chooses an interpreter for meetings.',
  'The family are practising Muslims; the carers cook halal food and take {child} to the mosque on Fridays.',
  "The family are Romany Gypsy; {parent}'s wider family travel in the summer and want {child} to keep that link.",
  'The family are Nigerian British and attend a Pentecostal church, whose pastor is a support to {parent}.',
  "The family speak Bengali and English at home; {child}'s grandparents speak only Sylheti.",
  'The family are Sikh; keeping {child}’s hair uncut matters to {parent} and the carers follow this.',
  '{parent} is Deaf and uses British Sign Language; an interpreter joins every meeting.',
  '{parent} uses a wheelchair; family time is held at a centre with step-free access.',
  { text: '{child} is autistic; changes are planned with a visual timetable.', when: (c) => c.age >= 3 },
  { text: '{child} has cerebral palsy and needs help with mobility; the carers are trained in their care.', when: (c) => c.age >= 2 },
  { text: '{child} has a hearing impairment and wears hearing aids; visits are planned in quiet rooms.', when: (c) => c.age >= 2 },
  { text: '{child} has ADHD and takes medication; the school has a support plan.', when: (c) => c.age >= 7 },
  'The family are Jewish and keep Shabbat; family time is not arranged on Friday evenings.',
  'The family are Catholic; {child} was baptised and {parent} wants them to make their first communion.',
  'The family came to the UK from Syria five years ago; {parent} is learning English.',
  'The family are Jamaican British; {child}’s hair and skin care was planned with {parent}.',
  'The family are Portuguese; {parent} speaks Portuguese with {child} and English with professionals.',
  'The family are Hindu; the carers keep a vegetarian kitchen for {child}.',
  'The family are Lithuanian and speak Lithuanian at home; written plans are translated.',
  '{parent} is a care leaver and has no contact with their own parents.',
  '{parent} works night shifts at a warehouse; meetings are held in the afternoon.',
  'The family are Irish Traveller; {parent} wants {child} to keep contact with cousins on the site.',
  'The family are Somali British; {parent} speaks Somali and English and prefers meetings at home.',
  'The family are Ukrainian and arrived in 2022; {child} keeps in touch with grandparents by video.',
];

export const OVERRIDE_REASONS: Record<string, readonly Wording[]> = {
  single_severe_concern: [
    { text: 'The last return broke down within weeks for the same reason, and that concern is not yet tested at home', when: (c) => c.failedReturn },
    'One serious concern outweighs the factor count: the harm that led to care was severe',
  ],
  strong_protective_context: [
    'A strong network around the family (relatives nearby, carers staying in touch) outweighs the remaining risks',
    'Protective factors confirmed by several agencies carry more weight than the count shows',
  ],
  information_not_captured: [
    'Information from the latest agency reports is not captured by the factors',
    { text: 'The police check on the new partner came back after the factors were entered', when: withPartner },
  ],
  child_specific_vulnerability: [
    "{child}'s age and health needs make the same risks more serious",
    "{child}'s additional needs mean the risks weigh more heavily",
  ],
};

/** What kind of school a child attends, by age; undefined: not yet at nursery or school. */
export function schoolKind(age: number): string | undefined {
  if (age < 3) return undefined;
  if (age < 4) return 'Nursery';
  if (age < 11) return 'Primary School';
  return 'Academy';
}
export const SCHOOL_KINDS = ['Nursery', 'Primary School', 'Academy'] as const;

export const SCHOOL_NAMES = [
  'Ashgrove',
  'Brambleton',
  'Cindervale',
  'Dunmere',
  'Elmstead Fold',
  'Foxwell',
  'Greystoke Lane',
  'Hollinbrook',
  'Isleby Vale',
  'Juniper Hill',
  'Kestrel Park',
  'Larchmere',
] as const;
export const TOWN_NAMES = ['Quillhaven', 'Eastwold Minor', 'Northby Cross', 'Pebbleford', 'Milbury Heath', 'Rookwillow', 'Thistlemere', 'Wrenfold'] as const;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (Object.hasOwn(values, key) ? values[key]! : m)); // an own key holds a string
}

export type { Known };
