// Applying a workflow's change to a case file's text (front-matter edits through the
// one writer, then narrative added to body sections), and checking a would-be text
// in memory with the same pipeline as `reunify check`.
import { checkCases } from '../core/rules/check.js';
import type { ReunifyConfig } from '../core/model/config.js';
import type { Problem } from '../core/model/problem.js';
import { appendToSection } from '../core/workflow/body.js';
import type { WorkflowChange } from '../core/workflow/flow.js';
import { splitCase } from '../core/parse/frontMatter.js';
import { parseCaseText } from '../core/parse/caseFile.js';
import { toCheckable } from '../io/checkFile.js';
import { applyEdits, type CaseEdit } from '../io/writeCase.js';

export function applyChange(text: string, change: WorkflowChange): string {
  const edited = applyEdits(text, change.edits as CaseEdit[]);
  if (change.sections.length === 0) return edited;
  const split = splitCase(edited);
  let body = split.body;
  for (const section of change.sections) body = appendToSection(body, section, split.eol);
  if (body === split.body) return edited;
  const head = split.bom ? '\uFEFF' : '';
  // a closing fence at the very end of the file needs its line ended before a body can follow
  const fenceEnded = split.bodyStart === 0 || split.text[split.bodyStart - 1] === '\n';
  return head + split.text.slice(0, split.bodyStart) + (fenceEnded ? '' : split.eol) + body;
}

/**
 * Every problem `reunify check` would report for this text as the file `filePath`, as
 * of `asOf`, about the record itself: whether the frozen copies it names are intact
 * is `check`'s to say, and never holds up a stage move.
 */
export function checkText(filePath: string, stem: string, text: string, config: ReunifyConfig, asOf: string): Problem[] {
  const loaded = parseCaseText({ filePath, stem, problems: [], locate: () => undefined }, text);
  return checkCases([toCheckable(loaded, { frozenCopies: false })], { asOf, config }).results.flatMap((r) => r.problems); // one case in, one result out
}
