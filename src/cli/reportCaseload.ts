// `reunify report --caseload [dir]`: the caseload status view rendered for a practice lead.
import { EXIT, writeErr } from './shared.js';

export async function runCaseloadReport(_dir: string, _flags: { to: 'md' | 'html'; out?: string; quiet?: boolean; config?: string; templates?: string }, _asOf: string): Promise<number> {
  writeErr('reunify: the caseload report is not available yet\n');
  return EXIT.problems;
}
