// One runner for every rule's test table (after ESLint's RuleTester): `valid`
// cases must produce no problems; `invalid` cases exactly the listed ones.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { mergeSettings, type ReunifyConfig } from '../../src/core/model/config.js';
import { bodySections } from '../../src/core/parse/bodySections.js';
import { defaultConfig } from '../../src/io/loadConfig.js';
import type { CaseView, Rule, RuleProblem } from '../../src/core/rules/types.js';
import { present } from '../present.js';

export const AS_OF = '2026-11-01';

/** A minimal, valid stage-1 case; tables spread their own fields over it. */
export function stage1Case(): CaseData {
  return {
    reunify: 1,
    id: 'RF-T001',
    stage: 1,
    opened: '2026-09-20',
    child: { ref: 'Child T', dob: '2018-03-02', looked_after_since: '2026-09-01', legal_status: 's20', proceedings: 'none', placement: 'foster' },
    team: { social_worker: 'SW T.T.', team_manager: 'TM T.M.', iro: 'IRO T.I.' },
    people: [
      { id: 'mum', ref: 'Ms T', relation: 'mother', pr: true, household: true, returning_to: true },
      { id: 'fc', ref: 'Foster carers T', relation: 'foster_carer', carer: true },
    ],
    cla_reviews: ['2026-09-26'],
    tasks: {
      case_history: { status: 'in_progress' },
      engagement: { status: 'todo' },
      family_assessment: { status: 'todo' },
      safe_adult: { status: 'todo' },
      written_assessment: { status: 'todo' },
    },
  };
}

export interface TableRow {
  name: string;
  data: CaseData;
  /** Markdown body (default: a `## Case history` section with content). */
  body?: string;
  stem?: string;
  asOf?: string;
  /** Settings merged over the shipped defaults. */
  config?: Record<string, unknown>;
  /** Files beside the case, by the path the case names them with (frozen copies); a view without it cannot read files. */
  files?: Record<string, string>;
}

export interface InvalidRow extends TableRow {
  problems: { path: string; message?: string | RegExp; severity?: 'error' | 'warning' }[];
}

export function viewOf(row: TableRow): CaseView {
  const body = row.body ?? '## Case history\n\nChronology of entries to care and earlier returns.\n';
  const files = row.files;
  return {
    stem: row.stem ?? row.data.id,
    data: row.data,
    sections: () => bodySections(body),
    ...(files
      ? {
          frozenCopy: (path: string) =>
            Object.hasOwn(files, path) ? { sha256: createHash('sha256').update(present(files[path], path)).digest('hex') } : { missing: 'no such file' },
        }
      : {}),
  };
}

export function configOf(row: TableRow): ReunifyConfig {
  return row.config ? mergeSettings(defaultConfig(), row.config) : defaultConfig();
}

/** Problems a rule reports for one case (a caseload rule sees the case alone). */
export function runRule(rule: Rule, row: TableRow): RuleProblem[] {
  const ctx = { asOf: row.asOf ?? AS_OF, config: configOf(row) };
  if (rule.scope === 'caseload') return rule.check([viewOf(row)], ctx).get(0) ?? [];
  return rule.check(viewOf(row), ctx);
}

export function ruleTable(rule: Rule, table: { valid: TableRow[]; invalid: InvalidRow[] }): void {
  describe(rule.id, () => {
    it('has docs with a failing and a passing example', () => {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.docs.why.length).toBeGreaterThan(20);
      expect(rule.docs.fails.length).toBeGreaterThan(0);
      expect(rule.docs.passes.length).toBeGreaterThan(0);
    });
    for (const row of table.valid) {
      it(`valid: ${row.name}`, () => {
        expect(runRule(rule, row)).toEqual([]);
      });
    }
    for (const row of table.invalid) {
      it(`invalid: ${row.name}`, () => {
        const got = runRule(rule, row);
        expect(got.map((p) => p.path)).toEqual(row.problems.map((p) => p.path));
        row.problems.forEach((want, i) => {
          const problem = present(got[i], `problem ${i + 1}`);
          if (want.message instanceof RegExp) expect(problem.message).toMatch(want.message);
          else if (want.message !== undefined) expect(problem.message).toBe(want.message);
          expect(problem.severity ?? rule.defaultSeverity).toBe(want.severity ?? rule.defaultSeverity);
        });
      });
    }
  });
}
