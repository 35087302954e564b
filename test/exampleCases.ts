// The example caseload's case files, read from the folder. Tests that count the example
// cases take the count from here, so adding a case does not mean editing every test, and a
// command that drops or miscounts a case still fails: its output is compared with the files
// actually found.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXAMPLE_CASES_DIR = resolve(import.meta.dirname, '../examples/caseload/cases');

/** The file names (`RF-0001.md`, …) in examples/caseload/cases, sorted. */
export function exampleCaseFiles(): string[] {
  const files = readdirSync(EXAMPLE_CASES_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new Error(`no case files found in ${EXAMPLE_CASES_DIR}`);
  return files;
}

/** How many case files the example caseload holds. */
export const EXAMPLE_CASE_COUNT = exampleCaseFiles().length;
