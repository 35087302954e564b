// Words for generated fictional cases: evidence for each factor and status, goals,
// services, views and reasons. Templates name people only by their case refs
// ({parent} = "Ms K", {child} = "Child K"); no real people, places or events.
import type { CapacityRating, FactorStatus } from './ids.js';

type Known = Exclude<FactorStatus, 'unknown'>;

/** Evidence per factor and status; each status has one or more wordings. */
export const FACTOR_EVIDENCE: Record<string, Partial<Record<FactorStatus, readonly string[]>>> = {
  parental_substance_misuse: {
    present: ['{parent} drinks most days by their own account; the GP confirms raised liver tests', 'Two hair-strand tests positive for cocaine in the last three months; {parent} disputes them'],
    partly: ['{parent} attends the drug and alcohol service weekly; one lapse reported by the key worker', 'Tests mostly clear for three months; one missed test not explained'],
    absent: ['Six months of clear tests confirmed by the drug and alcohol service', '{parent} completed detox and has kept every recovery group since'],
    unknown: ['Test results from the new service not yet received'],
  },
  domestic_abuse: {
    present: ['Police called to the home twice this quarter; {parent} still in contact with the former partner', 'Child protection conference heard of assaults witnessed by {child}'],
    partly: ['Former partner has left and a non-molestation order is in force; he was seen near the home once', 'No call-outs since the spring; {parent} is on the waiting list for a recovery programme'],
    absent: ['No incidents or call-outs for over a year; the former partner has moved out of the area', 'Police and the domestic abuse service report no concerns since the separation'],
    unknown: ["Police information about the new partner has been requested and not yet received"],
  },
  parental_mental_health: {
    present: ['{parent} has low mood and has stopped prescribed medication; no current treatment', 'Two hospital admissions for self-harm in the last year'],
    partly: ['{parent} sees the community mental health team monthly; mood still variable', 'Counselling under way; the GP describes {parent} as more stable but still anxious'],
    absent: ["{parent}'s mental health is stable on treatment, confirmed by the GP", 'Discharged from the mental health team after a year of stability'],
    unknown: ['Consent to speak to the GP given this month; reply awaited'],
  },
  problems_unaddressed: {
    present: ['The neglect that led to care (home conditions, missed health appointments) has not changed', '{parent} does not accept the reasons for care and has refused the parenting course'],
    partly: ['Home conditions improved after the family support worker began; health appointments still missed', '{parent} accepts some of the concerns; the parenting course is half done'],
    absent: ['Home conditions have been good at every unannounced visit for four months', 'The problems that led to care have been worked through and are confirmed by the health visitor'],
  },
  parental_ambivalence: {
    present: ['{parent} says at times that {child} would be better staying where they are', '{parent} cancelled three family-time sessions and talks of needing a break'],
    partly: ['{parent} wants {child} home but worries about managing the evenings', 'Mixed messages about the timing of the return; clearer since the last meeting'],
    absent: ['{parent} is clear and consistent about wanting {child} home and has planned for it', '{parent} has kept every family-time session and prepared a bedroom'],
  },
  parental_isolation: {
    present: ['{parent} has no family nearby and no friends they would ask for help', '{parent} has moved twice this year and knows no one locally'],
    partly: ['{parent} has joined a parents group but still has little practical support', 'Some support from a neighbour; relatives are far away'],
    absent: ['{parent} has a settled network of friends and family who visit weekly', 'A church group and two close friends give regular practical help'],
  },
  new_household_adult: {
    present: ['A new partner has moved in and has not agreed to be assessed', 'An adult lodger is living at the home; no checks have been done'],
    partly: ['The new partner stays some nights; checks have started but are not complete', 'A new partner visits often; a viability assessment is booked'],
    absent: ['No other adult lives in or stays at the home, confirmed at unannounced visits', '{parent} lives alone; checks confirm no new adults'],
    unknown: ['Neighbours mention a man staying at the home; {parent} has not said who he is'],
  },
  child_behaviour_difficulties: {
    present: ['{child} has angry outbursts after family time and has been excluded from school twice', '{child} self-harms at times of stress; CAMHS referral made'],
    partly: ['Outbursts less frequent since the school support plan began', '{child} is settling with carers; still struggles after contact'],
    absent: ['{child} is settled at home with the carers and at school; no incidents this term', 'School reports good behaviour and friendships'],
  },
  missing_episodes: {
    present: ['{child} went missing three times this year, found each time at a friend\'s flat', 'Missing overnight twice last month; return interviews held'],
    partly: ['One missing episode since the spring, down from several; return interview held', '{child} was missing once briefly; now keeps to agreed times'],
    absent: ['No missing episodes since the placement began', 'No missing episodes in the last nine months'],
  },
  poor_assessment_planning: {
    present: ['The parenting assessment is out of date and no written plan exists yet', 'Agencies have not been asked for their information; the plan rests on the family’s account'],
    partly: ['Assessment updated but the plan for the return is still being written', 'Plan drafted; the school and health visitor not yet involved'],
    absent: ['Thorough assessment completed with the family and other agencies', 'Written plan agreed with everyone involved'],
  },
  insufficient_services: {
    present: ['The parenting programme has a six-month wait; no interim help offered', 'No specialist service for the family in this area at present'],
    partly: ['Family support worker in place; the specialist service is still to start', 'Some services in place; the child has no therapeutic support yet'],
    absent: ['Every service the plan needs is in place and attended', 'Services matched to the plan have started and are reviewed monthly'],
  },
  household_change: {
    present: ['The adult who harmed {child} has left the household and has no contact', 'The family moved away from the address linked to the harm'],
    partly: ['The former partner has left but still visits the area', 'A move is planned; the tenancy is agreed but not yet started'],
    absent: ['Nothing has changed in the household since {child} came into care'],
  },
  sustained_parental_change: {
    present: ['Change seen by the health visitor, the school and the family support worker over six months', 'Others confirm the change has lasted through a difficult period'],
    partly: ['Positive change for three months, seen by the key worker; not yet tested under stress', 'Change reported by {parent}; partly confirmed by others'],
    absent: ['Promises of change, but nothing confirmed by anyone else yet'],
  },
  clear_conditions: {
    present: ['Non-negotiable conditions written into the agreement and signed by {parent}', 'Clear conditions agreed and understood by {parent}, shown by them explaining them back'],
    partly: ['Conditions discussed with {parent} but not yet written down'],
    absent: ['No conditions agreed yet'],
  },
  phased_return: {
    present: ['Contact increased step by step with a review before each step'],
    partly: ['Overnight stays started; the later steps are not yet planned'],
    absent: ['No plan yet for increasing contact'],
  },
  specialist_services: {
    present: ['Specialist service matched to need, attended every week', 'Specialist recovery programme, most sessions attended'],
    partly: ['Referral accepted; sessions start next month', 'Attending the specialist service, but irregularly'],
    absent: ['No specialist help in place'],
  },
  extended_family_support: {
    present: ['{relative} lives nearby and helps with school runs and evenings', '{relative} has {child} after school and is a second pair of eyes'],
    partly: ['{relative} offers help at weekends but lives an hour away', 'Family offer support but disagree with the plan'],
    absent: ['No wider family is able to help at present'],
  },
  carer_continuity: {
    present: ['The carers have offered to stay in touch and have {child} for tea once a week', 'The carers will keep in touch after the return, agreed with {parent}'],
    partly: ['The carers are willing to keep in touch by phone'],
    absent: ['The placement ended suddenly; no link with the carers now'],
  },
  child_views_heard: {
    present: ['{child} was seen alone three times and their wishes are written into the plan', "{child}'s views were gathered by the advocate and shared at the review"],
    partly: ['{child} has been asked but finds it hard to talk; views gathered through play'],
    absent: ['{child} has not yet been seen alone'],
  },
  consistent_social_worker: {
    present: ['The same social worker since the case opened'],
    partly: ['One change of social worker this year, with a handover visit'],
    absent: ['Three social workers in twelve months'],
  },
  safe_adult_in_place: {
    present: ['{child} has chosen {relative} and knows how to reach them', '{child} named {relative} as the person to tell if things go wrong'],
    partly: ['{child} likes {relative} but has not yet agreed they are the person to tell'],
    absent: ['No safe adult identified yet'],
  },
};

export const CAPACITY_EVIDENCE: Record<CapacityRating, readonly string[]> = {
  demonstrated: ['{parent} has made the changes, kept them for six months, and others confirm it', 'Change sustained through a bereavement and a house move; confirmed by three agencies'],
  emerging: ['{parent} accepts the concerns and is using help; change not yet sustained under stress', 'Real change for three months; too early to say it will last'],
  limited: ['{parent} accepts some concerns but attendance is patchy and little has changed', 'Says the right things; the key worker sees little change'],
  not_shown: ['{parent} does not accept the reasons for care and has declined services', 'No change shown; {parent} blames the school and the carers'],
};

/** Reason-for-care story by primary concern: what happened, for the case history. */
export const CARE_REASONS: Record<string, readonly string[]> = {
  parental_substance_misuse: ['{parent} was found intoxicated while caring for {child} alone', 'police found {child} alone at home while {parent} was using drugs'],
  domestic_abuse: ['police attended a serious assault on {parent} by a partner with {child} present', 'repeated domestic abuse at home, witnessed by {child}'],
  parental_mental_health: ['{parent} was admitted to hospital in a mental health crisis with no one to care for {child}', "{parent}'s untreated depression left {child} without basic care"],
  problems_unaddressed: ['long-standing neglect: poor home conditions, missed health appointments and school absence', 'neglect that continued despite a child protection plan'],
};

/** Goals per concern: goal, steps, support, success. */
export const GOALS: Record<string, readonly { goal: string; steps: string[]; support: string; success: string }[]> = {
  parental_substance_misuse: [
    { goal: '{parent} stays alcohol-free, shown by monthly tests', steps: ['Weekly sessions with the alcohol service', 'Monthly hair-strand test'], support: 'Alcohol service key worker', success: 'Three clear tests in a row' },
    { goal: '{parent} stays drug-free and keeps every recovery appointment', steps: ['Attend the recovery group twice a week', 'Random urine tests'], support: 'Drug service recovery worker', success: 'Four months of clear tests and full attendance' },
  ],
  domestic_abuse: [
    { goal: '{parent} completes the domestic abuse recovery programme and can explain the safety plan', steps: ['Attend all 12 weekly sessions', 'Write a safety plan with the recovery worker'], support: 'Domestic abuse recovery worker', success: 'Programme completed; safety plan known to the school' },
    { goal: '{parent} keeps the former partner away from the home and reports any contact within 24 hours', steps: ['Report any contact the same day', 'Keep the protective order in place'], support: 'Social worker; neighbourhood police team', success: 'No unreported contact over four months' },
  ],
  parental_mental_health: [
    { goal: '{parent} keeps to the treatment plan agreed with the mental health team', steps: ['Take medication as prescribed', 'Monthly review with the care coordinator'], support: 'Community mental health team', success: 'Care coordinator confirms stability for three months' },
  ],
  problems_unaddressed: [
    { goal: '{parent} keeps the home safe and clean, seen at unannounced visits', steps: ['Weekly visits from the family support worker', 'Agreed cleaning routine'], support: 'Family support worker', success: 'Home conditions good at every visit for three months' },
    { goal: '{parent} takes {child} to every health appointment', steps: ['Use the shared calendar', 'Health visitor reminders'], support: 'Health visitor', success: 'No missed appointments for three months' },
  ],
  school: [
    { goal: '{parent} gets {child} to school on time every day of the family-time weeks', steps: ['School runs on agreed days', 'Attend the parents evening'], support: 'School family liaison officer', success: 'Attendance above 95% for a half-term' },
  ],
  parenting: [
    { goal: '{parent} completes the parenting programme and uses the routines at family time', steps: ['Attend the ten-week course', 'Practise the bedtime routine at family time'], support: 'Parenting practitioner', success: 'Course completed; routines seen at two observed sessions' },
  ],
};

export const RAG_COMMENTS: Record<'red' | 'amber' | 'green', readonly string[]> = {
  red: ['Not started', 'Missed most sessions', 'Two missed tests', 'No progress since the last review'],
  amber: ['Started; some sessions missed', 'Progress, not yet consistent', 'One lapse, reported openly', 'Halfway there'],
  green: ['On track', 'All sessions attended', 'Tests clear', 'Met and kept up', 'Confirmed by the key worker'],
};

/** Services anyone may need, and those matched to the concern that led to care. */
export const SERVICES: readonly string[] = ['Family support worker', 'Parenting practitioner', 'School family liaison officer', 'Young people’s counsellor', 'Health visitor'];
export const CONCERN_SERVICES: Record<string, readonly string[]> = {
  parental_substance_misuse: ['Alcohol service key worker', 'Drug service recovery worker'],
  domestic_abuse: ['Domestic abuse recovery worker', 'Independent domestic violence adviser'],
  parental_mental_health: ['Community mental health team', 'Talking therapies service'],
  problems_unaddressed: ['Family support worker', 'Parenting practitioner'],
};

export const NON_NEGOTIABLES: Record<string, readonly string[]> = {
  parental_substance_misuse: ['No alcohol or drugs while caring for {child}', 'Agree to random testing'],
  domestic_abuse: ['The former partner does not come to the family home', 'Report any contact from the former partner within 24 hours'],
  parental_mental_health: ['Tell the social worker if treatment stops'],
  problems_unaddressed: ['Let the family support worker in for unannounced visits'],
  new_household_adult: ['No new adult stays at the home until they have been assessed'],
};

export const CHILD_VIEWS: Record<'young' | 'middle' | 'teen', readonly string[]> = {
  young: [
    'Too young to say; observed at family time reaching for {parent} and settling quickly in their arms.',
    'Observed to be calm and playful with {parent}; becomes unsettled when family time ends.',
  ],
  middle: [
    '"I want to go home but I want someone to check on us."',
    '"I miss my {mumdad}. I like it here too. Can I still see my carers?"',
    '"I want to live with my {mumdad} if things are better now."',
  ],
  teen: [
    '"I want to go home. I am old enough to say what I want."',
    '"I want to go home but not if things go back to how they were."',
    '"I don\'t know. I want to see my friends and I want my own room."',
  ],
};

export const OVERRIDE_REASONS: Record<string, readonly string[]> = {
  single_severe_concern: ['The last return broke down within weeks for the same reason, and that concern is not yet tested at home', 'One serious concern outweighs the factor count: the harm that led to care was severe'],
  strong_protective_context: ['A strong network around the family (relatives nearby, carers staying in touch) outweighs the remaining risks', 'Protective factors confirmed by several agencies carry more weight than the count shows'],
  information_not_captured: ['Information from the latest agency reports is not captured by the factors', 'The police check on a new adult came back after the factors were entered'],
  child_specific_vulnerability: ["{child}'s age and health needs make the same risks more serious", "{child}'s additional needs mean the risks weigh more heavily"],
};

export const SCHOOL_NAMES = ['Ashgrove', 'Brambleton', 'Cindervale', 'Dunmere', 'Elmstead Fold', 'Foxwell', 'Greystoke Lane', 'Hollinbrook', 'Isleby Vale', 'Juniper Hill', 'Kestrel Park', 'Larchmere'] as const;
export const TOWN_NAMES = ['Quillhaven', 'Eastwold Minor', 'Northby Cross', 'Pebbleford', 'Milbury Heath', 'Rookwillow', 'Thistlemere', 'Wrenfold'] as const;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (Object.hasOwn(values, key) ? values[key] : m));
}

export type { Known };
