// Check case-file texts in memory with the real pipeline (loader, schemas, rules).
import { checkCases } from '../../src/core/rules/check.js';
import type { ReunifyConfig } from '../../src/core/model/config.js';
import type { Problem } from '../../src/core/model/problem.js';
import { parseCaseText } from '../../src/core/parse/caseFile.js';
import { toCheckable } from '../../src/io/checkFile.js';
import { present } from '../present.js';

export function checkTexts(files: readonly { stem: string; text: string }[], config: ReunifyConfig, asOf: string): { stem: string; problems: Problem[] }[] {
  const cases = files.map((f) => toCheckable(parseCaseText({ filePath: `${f.stem}.md`, stem: f.stem, problems: [], locate: () => undefined }, f.text)));
  const result = checkCases(cases, { asOf, config });
  return result.results.map((r, i) => ({ stem: present(files[i]).stem, problems: r.problems }));
}

export function problemLines(results: readonly { stem: string; problems: Problem[] }[]): string[] {
  return results.flatMap((r) => r.problems.map((p) => `${r.stem}: ${p.severity} ${p.ruleId}: ${p.message}`));
}
