import { caseHistorySection } from '../../src/core/rules/stage1/case-history-section.js';
import { stage2Case } from './fixtures-pathway.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(caseHistorySection, {
  valid: [
    { name: 'done, with a case history section', data: stage2Case() },
    { name: 'heading in another letter case', data: stage2Case(), body: '## Case History\n\n| Date | Event |\n|---|---|\n| 2026-09 | Entered care |\n' },
    { name: 'not done yet, no body', data: stage1Case(), body: '' },
  ],
  invalid: [
    {
      name: 'done with no case history section',
      data: stage2Case(),
      body: '## Analysis\n\nPatterns across the two entries to care.\n',
      problems: [{ path: '/tasks/case_history', message: 'the case history task is done but the body has no "## Case history" section' }],
    },
    {
      name: 'done with an empty section',
      data: stage2Case(),
      body: '## Case history\n\n## Analysis\n\nPatterns.\n',
      problems: [{ path: '/tasks/case_history', message: 'the case history task is done but the "## Case history" section is empty' }],
    },
    {
      name: 'done with only the prompt `reunify new` wrote under the heading',
      data: stage2Case(),
      body: '## Case history\n\n<!-- Chronology: entries to care, earlier returns, … -->\n\n## Analysis\n\nPatterns.\n',
      problems: [{ path: '/tasks/case_history', message: 'the case history task is done but the "## Case history" section is empty' }],
    },
    {
      name: 'after an unplanned return it is a warning',
      data: { ...stage2Case(), stage: 5, return: { unplanned: true } },
      body: '',
      problems: [{ path: '/tasks/case_history', severity: 'warning' }],
    },
  ],
});
