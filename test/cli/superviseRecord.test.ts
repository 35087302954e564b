// The supervision record: who met, the answers, the actions agreed and the next date;
// saved as it is answered, so Ctrl-C keeps what was said; printable.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { parse } from 'yaml';
import { runSupervise } from '../../src/app/supervise.js';
import { CTRL_C, ENTER, script, type Reply } from '../workflow/scripted.js';
import { ROOT, reunify } from './run.js';

const CASES = join(ROOT, 'examples', 'caseload', 'cases');
const AS_OF = '2026-11-01';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-supervision-record-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(CASES, 'RF-0006.md'), join(dir, 'RF-0006.md'));
  return dir;
}

describe('a supervision record from an answers file', () => {
  const ANSWERS = `supervisor: "TM D.E."
worker: "SW R.M."
answers:
  must.safe: "Yes: the safety plan has held for five months"
actions:
  - { action: "Ask the school for attendance since September", owner: "SW R.M.", by: 2026-11-15 }
  - { action: "Book the family group conference" }
next_supervision: 2026-12-01
`;

  it('keeps the supervisor, worker, actions with owner and date, and the next supervision date', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
    const r = await reunify(['supervise', 'RF-0006.md', '--as-of', AS_OF, '--answers', 'answers.yaml', '--out', 'record.yaml'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    const record = parse(readFileSync(join(dir, 'record.yaml'), 'utf8'));
    expect(record).toMatchObject({ supervision: 1, case: 'RF-0006', date: AS_OF, supervisor: 'TM D.E.', worker: 'SW R.M.', next_supervision: '2026-12-01' });
    expect(record.actions).toEqual([
      { action: 'Ask the school for attendance since September', owner: 'SW R.M.', by: '2026-11-15' },
      { action: 'Book the family group conference' },
    ]);
    expect(record).not.toHaveProperty('complete');
  });

  it('--to html also prints the saved record, answers and actions included, with the protective marking', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
    const r = await reunify(['supervise', 'RF-0006.md', '--as-of', AS_OF, '--answers', 'answers.yaml', '--out', 'record.yaml', '--to', 'html'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('Supervision record: Child F1');
    expect(r.stdout).toContain('OFFICIAL-SENSITIVE');
    expect(r.stdout).toContain('Answer: Yes: the safety plan has held for five months');
    expect(r.stdout).toContain('Ask the school for attendance since September');
    expect(r.stdout).toContain('Next supervision: 2026-12-01');
    expect(r.stdout).toContain('Answer: not answered in this supervision.');
    const md = await reunify(['supervise', 'RF-0006.md', '--as-of', AS_OF, '--answers', 'answers.yaml', '--out', 'again.yaml', '--to', 'md'], { cwd: dir });
    expect(md.stdout).toContain('| Book the family group conference | not given | not given |');
  });

  it('refuses an action without words, or a date that is not one, naming where (exit 2), and writes nothing', async () => {
    const dir = folder();
    const cases: [answers: string, message: string][] = [
      ['actions:\n  - { owner: "SW R.M." }\n', 'actions[0].action: an action needs its words'],
      ['actions:\n  - { action: "Call school", by: 2026-02-30 }\n', 'actions[0].by: must be a date'],
      ['next_supervision: "next week"\n', 'next_supervision: must be a date'],
      ['actions:\n  - { action: "Call school", when: soon }\n', 'actions[0]: unknown field "when"'],
    ];
    for (const [answers, message] of cases) {
      writeFileSync(join(dir, 'answers.yaml'), answers);
      const r = await reunify(['supervise', 'RF-0006.md', '--as-of', AS_OF, '--answers', 'answers.yaml', '--out', 'record.yaml'], { cwd: dir });
      expect(r.exitCode, answers).toBe(2);
      expect(r.stderr, answers).toContain(message);
      expect(existsSync(join(dir, 'record.yaml'))).toBe(false);
    }
  });
});

describe('a supervision record at the prompt', () => {
  let err = '';
  beforeEach(() => {
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  const answer = (m: string): string | boolean | typeof ENTER =>
    m.startsWith('Supervisor') ? 'TM D.E.' : m.startsWith('Worker') ? 'SW R.M.' : m.startsWith('Is Child F1 safe now') ? 'Yes, for now' : ENTER;

  it('asks who met, every question, the actions agreed (what, who, by when) and the next date, and saves them', async () => {
    const dir = folder();
    const out = join(dir, 'record.yaml');
    let actions = 0;
    const reply: Reply = (m: string) => {
      if (m.startsWith('Record an action') || m.startsWith('Record another')) return actions++ === 0;
      if (m === 'The action') return 'Call the school';
      if (m.startsWith('Who will do it')) return 'SW R.M.';
      if (m.startsWith('By when')) return '2026-11-20';
      if (m.startsWith('Date of the next supervision')) return '2026-12-03';
      return answer(m);
    };
    const s = script(Array(80).fill(reply));
    const code = await runSupervise(join(dir, 'RF-0006.md'), { asOf: AS_OF, prompt: true, out }, { asker: s.asker });
    expect(err).toContain(`saved the supervision record to ${out}`);
    expect(code).toBe(0);
    expect(s.asked[0]).toBe('Supervisor (role and initials)');
    expect(s.asked[1]).toBe('Worker supervised (role and initials)');
    const record = parse(readFileSync(out, 'utf8'));
    expect(record).toMatchObject({
      supervisor: 'TM D.E.',
      worker: 'SW R.M.',
      actions: [{ action: 'Call the school', owner: 'SW R.M.', by: '2026-11-20' }],
      next_supervision: '2026-12-03',
    });
    expect(record.questions.find((q: { id: string }) => q.id === 'must.safe')).toMatchObject({ answer: 'Yes, for now' });
    expect(record).not.toHaveProperty('complete');
  });

  it('Ctrl-C keeps every answer given so far, marked complete: false, and exits 130', async () => {
    const dir = folder();
    const out = join(dir, 'record.yaml');
    let questions = 0;
    const reply: Reply = (m: string) => {
      if (m.startsWith('Supervisor') || m.startsWith('Worker')) return answer(m);
      questions++;
      return questions <= 2 ? `answer ${questions}` : CTRL_C;
    };
    const s = script(Array(10).fill(reply));
    const code = await runSupervise(join(dir, 'RF-0006.md'), { asOf: AS_OF, prompt: true, out }, { asker: s.asker });
    expect(code).toBe(130);
    expect(err).toContain(`interrupted; what was answered is kept in ${out}, marked complete: false`);
    const record = parse(readFileSync(out, 'utf8'));
    expect(record).toMatchObject({ complete: false, supervisor: 'TM D.E.', worker: 'SW R.M.' });
    expect(record.questions.filter((q: { answer?: string }) => q.answer !== undefined).map((q: { answer: string }) => q.answer)).toEqual([
      'answer 1',
      'answer 2',
    ]);
    expect(readFileSync(join(dir, 'RF-0006.md'), 'utf8')).toBe(readFileSync(join(CASES, 'RF-0006.md'), 'utf8'));
  });

  it('Ctrl-C before anything is answered writes nothing', async () => {
    const dir = folder();
    const out = join(dir, 'record.yaml');
    const s = script([CTRL_C]);
    const code = await runSupervise(join(dir, 'RF-0006.md'), { asOf: AS_OF, prompt: true, out }, { asker: s.asker });
    expect(code).toBe(130);
    expect(err).toContain('interrupted; nothing was written');
    expect(existsSync(out)).toBe(false);
  });
});
