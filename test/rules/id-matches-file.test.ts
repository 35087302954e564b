import { idMatchesFile } from '../../src/core/rules/case/id-matches-file.js';
import { ruleTable, stage1Case } from './harness.js';

ruleTable(idMatchesFile, {
  valid: [{ name: 'id equals the file name', data: stage1Case(), stem: 'RF-T001' }],
  invalid: [
    {
      name: 'id differs from the file name',
      data: stage1Case(),
      stem: 'RF-T002',
      problems: [{ path: '/id', message: 'id "RF-T001" does not match the file name "RF-T002.md"' }],
    },
    { name: 'letter case differs', data: stage1Case(), stem: 'rf-t001', problems: [{ path: '/id' }] },
  ],
});
