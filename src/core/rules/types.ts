// A practice rule is data plus one function (after ESLint): id, default severity,
// docs, message templates, and `check`, which reads a prepared view of one case
// and returns problems with JSON-pointer paths. Rules do no I/O and parse nothing.
import type { CaseData } from '../model/caseTypes.js';
import type { ReunifyConfig } from '../model/config.js';
import type { Severity } from '../model/problem.js';

export interface CaseView {
  /** File name without `.md`. */
  stem: string;
  data: CaseData;
  /** `## Heading` sections of the markdown body. */
  sections(): { heading: string; content: string }[];
  /** The SHA-256 of a frozen copy the case names (a path relative to the case file's folder), or why it cannot be read; supplied by io where files can be read. */
  frozenCopy?(path: string): { sha256: string } | { missing: string };
}

export interface RuleContext {
  /** The date every date rule is relative to (YYYY-MM-DD). */
  asOf: string;
  config: ReunifyConfig;
}

export interface RuleProblem {
  path: string;
  message: string;
  /** A rule may lower its own severity, e.g. for gaps before an unplanned return. */
  severity?: Severity;
}

export interface RuleDocs {
  /** What the rule checks and why it matters in practice. */
  why: string;
  /** YAML front-matter fragments. */
  fails: string;
  passes: string;
}

interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown by `check --list-rules`. */
  description: string;
  docs: RuleDocs;
}

export interface CaseRule extends RuleMeta {
  scope: 'case';
  check(view: CaseView, ctx: RuleContext): RuleProblem[];
}

/** A rule over the whole caseload, e.g. duplicate ids; returns problems per case index. */
export interface CaseloadRule extends RuleMeta {
  scope: 'caseload';
  check(views: readonly CaseView[], ctx: RuleContext): Map<number, RuleProblem[]>;
}

export type Rule = CaseRule | CaseloadRule;
