import { createHash } from 'node:crypto';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { frozenCopy } from '../../src/core/rules/case/frozen-copy.js';
import { ruleTable, stage1Case } from './harness.js';

const MD = '../records/RF-T001/assessment-2026-10-22.md';
const HTML = '../records/RF-T001/assessment-2026-10-22.html';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const COPIES = { [MD]: '# Written assessment\n', [HTML]: '<!DOCTYPE html>\n' };

function signedWith(frozen: { path: string; sha256: string }[] | undefined): CaseData {
  const c = stage1Case();
  c.tasks.written_assessment = {
    status: 'done',
    date: '2026-10-20',
    by: 'SW T.T.',
    recommendation: 'return_if_goals_met',
    signed_off: { by: 'TM T.M.', date: '2026-10-22', ...(frozen ? { frozen } : {}) },
  };
  return c;
}

const both = [
  { path: MD, sha256: sha(COPIES[MD]) },
  { path: HTML, sha256: sha(COPIES[HTML]) },
];

ruleTable(frozenCopy, {
  valid: [
    { name: 'both copies there, byte for byte', data: signedWith(both), files: COPIES },
    { name: 'a sign-off from before copies were kept names none', data: signedWith(undefined), files: {} },
    { name: 'a view that cannot read files (a caseload summary) judges nothing', data: signedWith(both) },
  ],
  invalid: [
    {
      name: 'a copy changed after sign-off',
      data: signedWith(both),
      files: { ...COPIES, [MD]: '# Written assessment\n\nedited later\n' },
      problems: [
        {
          path: '/tasks/written_assessment/signed_off/frozen/0/sha256',
          message: `the frozen copy ${MD} of the written assessment no longer matches the SHA-256 kept with the sign-off: it was changed after it was signed; restore it from a backup`,
        },
      ],
    },
    {
      name: 'a copy gone',
      data: signedWith(both),
      files: { [MD]: COPIES[MD] },
      problems: [
        {
          path: '/tasks/written_assessment/signed_off/frozen/1/path',
          message: /^the frozen copy \.\.\/records\/RF-T001\/assessment-2026-10-22\.html of the written assessment, as signed off, is missing \(no such file\)/,
        },
      ],
    },
    {
      name: 'copies of a classification and a decision, each judged',
      data: {
        ...signedWith(undefined),
        stage: 3,
        classifications: [
          {
            date: '2026-10-28',
            point: 'rc1_d2',
            level: 'medium',
            suggested: 'medium',
            by: 'SW T.T.',
            signed_off: { by: 'TM T.M.', date: '2026-10-29', frozen: [{ path: '../records/RF-T001/decision-rc1_d2-2026-10-29.md', sha256: sha('x') }] },
          },
        ],
        decisions: [
          {
            date: '2026-10-30',
            point: 'rc1_d2',
            outcome: 'return_if_goals_met',
            signed_off: { by: 'TM T.M.', date: '2026-10-30', frozen: [{ path: '../records/RF-T001/decision-rc1_d2-2026-10-30.md', sha256: sha('y') }] },
          },
        ],
      },
      files: { '../records/RF-T001/decision-rc1_d2-2026-10-29.md': 'x', '../records/RF-T001/decision-rc1_d2-2026-10-30.md': 'changed' },
      problems: [{ path: '/decisions/0/signed_off/frozen/0/sha256', message: /of the rc1_d2 decision no longer matches/ }],
    },
  ],
});
