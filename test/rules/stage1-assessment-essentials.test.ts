import { assessmentEssentials } from '../../src/core/rules/stage1/assessment-essentials.js';
import { stage2Case, withTasks } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

const complete = {
  what_must_change: 'Ms T stays alcohol-free, shown by monthly tests',
  other_agencies: 'Police: no call-outs since 2024. School: attendance 96%.',
};

ruleTable(assessmentEssentials, {
  valid: [
    { name: 'signed off with both in the assessment record', data: { ...stage2Case(), assessment: complete } },
    {
      name: 'signed off with both as body sections (a file written before the fields)',
      data: stage2Case(),
      body: '## Case history\n\nEntries to care.\n\n## What must change\n\nMs T stays alcohol-free.\n\n## Other agencies\n\nPolice: no call-outs.\n',
    },
    { name: 'still being written: nothing to check yet', data: withTasks(stage1Case(), { written_assessment: { status: 'in_progress', by: 'SW T.T.' } }) },
    {
      name: 'done but not yet signed off (signoff refuses it until complete)',
      data: withTasks(stage1Case(), { written_assessment: { status: 'done', date: '2026-10-08', by: 'SW T.T.', recommendation: 'no_return' } }),
    },
  ],
  invalid: [
    {
      name: 'signed off with neither',
      data: stage2Case(),
      problems: [
        {
          path: '/tasks/written_assessment/signed_off',
          message:
            'the written assessment is signed off but does not say what must change for a safe return (assessment.what_must_change, or a "## What must change" section)',
        },
        {
          path: '/tasks/written_assessment/signed_off',
          message:
            'the written assessment is signed off but does not say other agencies\' information (assessment.other_agencies, or a "## Other agencies" section)',
        },
      ],
    },
    {
      name: 'an assessment record without other agencies, and an empty section under the heading',
      data: { ...stage2Case(), assessment: { what_must_change: complete.what_must_change, other_agencies: '  ' } },
      body: '## Case history\n\nEntries to care.\n\n## Other agencies\n\n<!-- what police, health and school said -->\n',
      problems: [{ path: '/assessment', message: /other agencies' information/ }],
    },
  ],
});
