// Reads an answers file: YAML in the case file's own shape, parsed as strictly as a
// case file (no aliases, tags or forbidden keys).
import { readFileSync } from 'node:fs';
import { answersAsText, type Answers } from '../core/workflow/answers.js';
import type { Problem } from '../core/model/problem.js';
import { lineStarts, positionAt } from '../core/parse/frontMatter.js';
import { decodeCaseBytes } from '../core/parse/screen.js';
import { parseYamlText } from '../core/parse/strictYaml.js';
import { systemReason } from './systemReason.js';

export class AnswersFileError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: Problem[],
  ) {
    super(`${filePath}: the answers file cannot be read`);
  }
}

export function readAnswersFile(filePath: string): Answers {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (err) {
    throw new AnswersFileError(filePath, [{ ruleId: 'answers', severity: 'error', message: `could not be read (${systemReason(err)})`, line: 1, column: 1 }]);
  }
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) throw new AnswersFileError(filePath, [decoded.problem]);
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const starts = lineStarts(text);
  const parsed = parseYamlText(text, 0, (o) => positionAt(starts, o), 'answers file');
  if (parsed.problems.length === 1 && parsed.problems[0]?.ruleId === 'front-matter-empty') return {};
  if (parsed.problems.length > 0) throw new AnswersFileError(filePath, parsed.problems);
  // plain scalars as the text written, so a text answer is stored as given
  return (parsed.doc ? answersAsText(parsed.doc) : parsed.data) as Answers;
}
