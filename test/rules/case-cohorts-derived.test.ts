import { cohortsDerived } from '../../src/core/rules/case/cohorts-derived.js';
import { ruleTable, stage1Case } from './harness.js';

const withChild = (child: object, more: object = {}) => ({ ...stage1Case(), child: { ...stage1Case().child, ...child }, ...more });
const teenS20 = { dob: '2010-05-01', legal_status: 's20', placement: 'foster', placement_moves: 4, wants_to_return: true };

ruleTable(cohortsDerived, {
  valid: [
    {
      name: 'a 16-year-old in s20 with four moves who wants to go home, all four cohorts tagged',
      data: withChild(teenS20, { cohorts: ['teen_future_care_leaver', 'wants_to_return', 's20_placement', 'placement_disruptions'] }),
    },
    {
      name: 'an edge-of-care child tagged edge_of_care',
      data: withChild(
        {
          dob: '2018-01-01',
          legal_status: 'not_looked_after',
          looked_after_since: undefined,
          placement: 'parents',
          proceedings: 'pre_proceedings',
          placement_moves: 0,
        },
        { cohorts: ['edge_of_care', 'pre_proceedings'] },
      ),
    },
    {
      name: 'thresholds come from the config: four moves are below a threshold of five',
      data: withChild({ dob: '2018-01-01', legal_status: 's31', placement: 'foster', placement_moves: 4 }, { cohorts: [] }),
      config: { cohort_rules: { teen_age: 13, placement_moves: 5, parent_prior_removals: 1 } },
    },
    { name: 'a closed case is not checked', data: withChild(teenS20, { stage: 'closed', cohorts: [] }) },
  ],
  invalid: [
    {
      name: 'the same young person with cohorts: []',
      data: withChild(teenS20, { cohorts: [] }),
      problems: [
        {
          path: '/cohorts',
          message: 'the file shows cohort teen_future_care_leaver (aged 16, looked after; from 13 while looked after) but cohorts does not list it',
          severity: 'warning',
        },
        { path: '/cohorts', message: 'the file shows cohort wants_to_return (child.wants_to_return is true) but cohorts does not list it' },
        { path: '/cohorts', message: 'the file shows cohort s20_placement (legal status s20) but cohorts does not list it' },
        { path: '/cohorts', message: 'the file shows cohort placement_disruptions (4 placement moves; from 2) but cohorts does not list it' },
      ],
    },
    {
      name: 'a tagged cohort the file contradicts',
      data: withChild(
        { dob: '2018-01-01', legal_status: 's31', placement: 'foster', placement_moves: 0, wants_to_return: false },
        { cohorts: ['s20_placement'] },
      ),
      problems: [{ path: '/cohorts/0', message: 'cohort s20_placement is tagged but the file does not support it (legal status s31)' }],
    },
  ],
});
