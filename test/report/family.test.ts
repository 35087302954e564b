// Family copies (`report --for`) attacked: a fixture with a canary in every
// free-text field, note, goal, progress comment, body section and x- field, each
// tied to one person (or to no family reader), rendered for every product and every
// reader; the shipped examples the same way; and random names and placements.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/caseTypes.js';
import { factorCatalogue } from '../../src/core/classify.js';
import { names } from '../../src/core/familyCopy.js';
import { DECISION_POINTS, type DecisionPoint } from '../../src/core/ids.js';
import { openCase } from '../../src/io/openCase.js';
import type { ReportCase } from '../../src/app/renderCase.js';
import { REPORT_TYPES, type ReportType } from '../../src/report/views.js';
import { CASES, ROOT, exampleConfig, render } from './harness.js';
import { reunify } from '../cli/run.js';

const FIXTURE = resolve(ROOT, 'test/fixtures/family/RF-C001.md');
const READERS = ['mum', 'dad', 'gran', 'partner', 'child'] as const;

/** Canary owners each reader may see (their own, and what the fixture marks as shared with them). */
const ALLOWED: Record<(typeof READERS)[number], string[]> = {
  mum: ['MUM', 'AGR', 'TAC', 'HOME', 'SHARED', 'SHAREG', 'FAM', 'CHILD07'],
  dad: ['DAD', 'FAM'],
  gran: ['GRAN', 'SHAREG', 'SHARED', 'HOME', 'TAC', 'FAM'],
  partner: ['PARTNER', 'SHARED', 'HOME', 'TAC', 'FAM'],
  child: ['CHILD'],
};

const fixture = () => openCase(FIXTURE, exampleConfig(), { sections: true });

function canaries(rc: ReportCase): string[] {
  const text = JSON.stringify(rc.data) + rc.sections.map((s) => s.content).join('\n');
  return [...new Set(text.match(/QZ[A-Z]+\d+/g))];
}

const allowed = (reader: (typeof READERS)[number], canary: string) => ALLOWED[reader].some((owner) => canary === `QZ${owner}` || new RegExp(`^QZ${owner}\\d+$`).test(canary));

/** Every copy a reader can be given of a case: each product, each decision point, both formats. */
function copies(rc: ReportCase, reader: string) {
  const out: { label: string; type: ReportType; text?: string; refused?: string; unavailable?: string }[] = [];
  const jobs: { type: ReportType; point?: DecisionPoint }[] = [...REPORT_TYPES.map((type) => ({ type })), ...DECISION_POINTS.map((point) => ({ type: 'decision' as const, point }))];
  for (const { type, point } of jobs) {
    for (const format of ['md', 'html'] as const) {
      const outcome = render(rc, type, format, { reader, point });
      const label = `${rc.data?.id} ${type}${point ? ` ${point}` : ''} ${format} --for ${reader}`;
      if (outcome.ok) out.push({ label, type, text: outcome.text });
      else if ('refused' in outcome) out.push({ label, type, refused: outcome.refused });
      else if ('unavailable' in outcome) out.push({ label, type, unavailable: outcome.unavailable });
      else throw new Error(`${label}: ${JSON.stringify(outcome)}`);
    }
  }
  return out;
}

/** What a reader sees: HTML without its style sheet and tags. */
const visible = (text: string) => text.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

/** Words a family copy must never hold: scoring, factor tables, internal ids, research. */
function internalWords(rc: ReportCase): RegExp[] {
  const factorIds = [...factorCatalogue(exampleConfig()).keys()];
  const goalIds = (rc.data?.agreement?.goals ?? []).map((g) => g.id);
  return [
    /\bscore\b|\bpoints\b|\bweight(ing)?\b|Risk Classification \d|\bRC[123]\b|\bfactors?\b|actuarial|Farmer|research/i,
    new RegExp(`\\b(${[...DECISION_POINTS, ...factorIds].join('|')})\\b`),
    ...(goalIds.length > 0 ? [new RegExp(`(?<![\\w-])(${goalIds.join('|')})(?![\\w-])`)] : []),
  ];
}

describe('the canary fixture: every product for every reader', () => {
  const rc = fixture();
  const all = canaries(rc);

  it('holds canaries for every owner the test knows', () => {
    for (const owner of ['MUM', 'DAD', 'GRAN', 'PARTNER', 'CHILD', 'PRO', 'RISK', 'AGR', 'TAC', 'HOME', 'SHARED', 'SHAREG', 'FAM']) expect(all.some((c) => new RegExp(`^QZ${owner}\\d+$`).test(c)), owner).toBe(true);
    expect(all.length).toBeGreaterThan(70);
  });

  for (const reader of READERS) {
    it(`--for ${reader}: no canary of anyone else, nothing withheld reads "Not recorded", no score, id or factor`, () => {
      const made = copies(rc, reader);
      const texts = made.filter((c) => c.text !== undefined);
      expect(texts.length).toBeGreaterThan(0);
      for (const copy of texts) {
        for (const canary of all) if (!allowed(reader, canary)) expect(copy.text, `${copy.label} shows ${canary}`).not.toContain(canary);
        // every field of the fixture is filled, so nothing may read as missing
        expect(copy.text, copy.label).not.toMatch(/Not recorded|unknown/i);
        for (const word of internalWords(rc)) expect(visible(copy.text!), `${copy.label} ${word}`).not.toMatch(word);
      }
    });
  }

  it('the reader sees their own records and what is marked for them, and no one else does', () => {
    const text = (reader: string, type: ReportType, point?: DecisionPoint) => {
      const o = render(rc, type, 'md', { reader, point });
      if (!o.ok) throw new Error(JSON.stringify(o));
      return o.text;
    };
    const mum = text('mum', 'agreement');
    for (const c of ['QZMUM08', 'QZMUM10', 'QZMUM16', 'QZSHAREG01', 'QZAGR01', 'QZCHILD07', 'QZMUM06']) expect(mum).toContain(c);
    expect(mum).toContain('### Your goal 1');
    expect(mum).toContain('Steps you will take: QZMUM11 step one; QZMUM12 step two');
    const gran = text('gran', 'agreement');
    expect(gran).toContain('QZSHAREG01');
    expect(gran).not.toContain('QZCHILD07');
    // the reasons gran was not given are withheld, not "not recorded"
    expect(gran).toMatch(/## Why\n\nWithheld from this copy\./);
    // dad's latest capacity entry names the person he poses a risk to: withheld, said so
    const dad = text('dad', 'assessment');
    expect(dad).toContain('You have not yet shown the changes needed.');
    expect(dad).toContain('What shows this: Withheld from this copy.');
    expect(dad).not.toContain('QZRISK01');
    expect(text('child', 'decision', 'rc1_d2')).toContain('QZCHILD03 You can go home when Mum has done her work.');
  });

  it('body sections come only from config report.family_sections, never Analysis, and not to a reader they name someone protected from', () => {
    const config = exampleConfig();
    config.report.family_sections = ['Analysis', 'Case history'];
    const text = (reader: string) => {
      const o = render(rc, 'assessment', 'md', { reader, config });
      if (!o.ok) throw new Error(JSON.stringify(o));
      return o.text;
    };
    expect(text('mum')).toContain('## Case history');
    // the case history names Mr C as well: a paragraph naming another adult is withheld from every reader
    expect(text('mum')).not.toContain('QZPRO19');
    expect(text('mum')).toMatch(/## Case history\s+Withheld from this copy\./);
    for (const reader of ['mum', 'gran', 'dad', 'child']) expect(text(reader)).not.toContain('QZPRO20');
    // the case history names Ms C: never in the copy for the father she is protected from
    expect(text('dad')).not.toContain('QZPRO19');
    // and the shipped default shows the section written for the family
    expect(render(rc, 'assessment', 'md', { reader: 'dad' }).ok && (render(rc, 'assessment', 'md', { reader: 'dad' }) as { text: string }).text).toContain('## What happens next');
  });

  it('case text cannot change the structure of a family copy or run as a template', () => {
    const hostile = '# Heading | cell [link](javascript:alert(1)) <script>alert(1)</script> {{header.caseId}}\n- item';
    const data = structuredClone(rc.data!);
    data.agreement!.parents![0].strengths = hostile;
    data.agreement!.goals![0].goal = hostile;
    data.agreement!.goals![0].progress![0].comment = hostile;
    const sections = rc.sections.map((x) => (x.heading === 'What happens next' ? { ...x, content: `${hostile.replace(/\n/g, ' ')}\n\n| a | b |\n|---|---|\n| ${hostile.replace(/\n/g, ' ').replace(/\|/g, '\\|')} | x |` } : x));
    const hostileCase: ReportCase = { ...rc, data, sections };
    const md = render(hostileCase, 'agreement', 'md', { reader: 'mum' });
    const html = render(hostileCase, 'agreement', 'html', { reader: 'mum' });
    if (!md.ok || !html.ok) throw new Error('not rendered');
    expect(md.text.split('\n').filter((l) => l.startsWith('# '))).toEqual(['# Parental agreement: your copy']);
    expect(md.text).not.toMatch(/<script|\]\(javascript:|^- item/m);
    expect(md.text).toContain('{{header.caseId}}');
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('&lt;script&gt;');
    expect(html.text).toContain('{{header.caseId}}');
  });

  it('signature rows are for the parties only', () => {
    const o = render(rc, 'agreement', 'md', { reader: 'mum' });
    const rows = o.ok ? o.text.split('## Signatures')[1].split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Name')) : [];
    expect(rows).toEqual(['| Ms C | You | | |', '| SW C.S. | Social worker | | |', '| TM C.M. | Team manager | | |']);
    const gran = render(rc, 'agreement', 'md', { reader: 'gran' });
    expect(gran.ok && gran.text).not.toContain('## Signatures');
  });

  it('a person who poses a risk gets only what they are a party to', () => {
    const refused = copies(rc, 'dad').filter((c) => c.refused !== undefined).map((c) => `${c.type}`);
    expect(new Set(refused)).toEqual(new Set(['agreement', 'transition', 'review', 'decision']));
    const told = render(rc, 'decision', 'md', { reader: 'dad', point: 'rc1_d2' });
    expect(told.ok && told.text).toContain('On 13 February 2026 the team decided: Return home once the agreed goals are met.');
    expect(told.ok && told.text).toContain('What you said: QZDAD05 opposes it');
  });

  it('--for a risk reader on a product they are not party to exits 1 with a clear message and prints nothing', async () => {
    const r = await reunify(['report', FIXTURE, '--type', 'agreement', '--for', 'dad', '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'reunify: no family copy of the parental agreement for dad: the case records that dad poses a risk to someone in it (people[].risk_to) and dad is not a party to the parental agreement',
    );
  });

  it('--for child is a short, plain summary: no tables, scores or levels, and an easy reading level', () => {
    for (const copy of copies(rc, 'child').filter((c) => c.text !== undefined && c.label.includes(' md '))) {
      const text = copy.text!;
      for (const heading of ['## What was decided', '## What happens next', '## Who you can talk to']) expect(text, copy.label).toContain(heading);
      expect(text).not.toMatch(/^\|/m);
      expect(text).not.toMatch(/\b(level|high|medium|low|classification|override)\b/i);
      readingLevel(text.replace(/QZ[A-Z]+\d+ /g, ''), copy.label);
    }
  });
});

/** Short sentences and short words: the child's copy reads at a primary-school level. */
function readingLevel(markdown: string, label: string): void {
  const prose = markdown
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('**'))
    .join(' ')
    .replace(/\b(SW|TM|IRO) [A-Z]\.[A-Z]\.(?=\s|$)/g, 'Sam.')
    .replace(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/g, 'May 1');
  const sentences = prose.split(/(?<=[.!?])\s+/).filter((s) => /\w/.test(s));
  const words = prose.match(/[A-Za-z’'-]+/g) ?? [];
  const longest = Math.max(...sentences.map((s) => s.split(/\s+/).length));
  const perSentence = words.length / sentences.length;
  const letters = words.reduce((n, w) => n + w.replace(/[^A-Za-z]/g, '').length, 0) / words.length;
  expect(longest, `${label}: longest sentence`).toBeLessThanOrEqual(16);
  expect(perSentence, `${label}: words per sentence`).toBeLessThanOrEqual(11);
  expect(letters, `${label}: letters per word`).toBeLessThanOrEqual(4.3);
  expect(words.filter((w) => w.length > 9), `${label}: long words`).toEqual([]);
}

describe('every example case, every product, every reader', () => {
  const config = exampleConfig();
  const files = readdirSync(CASES).filter((f) => f.endsWith('.md'));

  /** Text recorded as one person's own: what another reader's copy must not show. */
  function ownTexts(data: CaseData): { owner: string; text: string; sharedWith: string[] }[] {
    const out: { owner: string; text: string; sharedWith: string[] }[] = [];
    const add = (owner: string | undefined, text: string | undefined, sharedWith: string[] = []) => {
      if (owner && text && text.trim().length > 12) out.push({ owner, text, sharedWith });
    };
    for (const p of data.people ?? []) add(p.id, p.note);
    for (const f of data.factors ?? []) add(f.person, f.evidence);
    for (const c of data.capacity_to_change ?? []) add(c.person, c.evidence);
    for (const p of data.agreement?.parents ?? []) {
      add(p.person, p.strengths);
      add(p.person, p.worries);
    }
    for (const d of data.decisions ?? []) for (const s of d.shared ?? []) add(s.party, s.response);
    return out;
  }

  for (const file of files) {
    it(file, () => {
      const rc = openCase(resolve(CASES, file), config, { sections: true });
      const data = rc.data!;
      const readers = ['child', ...(data.people ?? []).map((p) => p.id)];
      const own = ownTexts(data);
      let made = 0;
      for (const reader of readers) {
        const risky = new Set(((data.people ?? []).find((p) => p.id === reader)?.risk_to ?? []).map((r) => r.id));
        // everything naming a person this reader poses a risk to
        const aboutProtected = JSON.stringify(data).match(/"[^"]{12,}"/g)?.map((s) => JSON.parse(s) as string).filter((s) => (data.people ?? []).some((p) => risky.has(p.id) && names(s, p))) ?? [];
        for (const copy of copies(rc, reader)) {
          if (copy.text === undefined) continue;
          made++;
          for (const o of own) if (o.owner !== reader && !o.sharedWith.includes(reader)) expect(copy.text, `${copy.label} shows ${o.owner}'s "${o.text}"`).not.toContain(o.text);
          for (const s of aboutProtected) expect(copy.text, `${copy.label} shows "${s}"`).not.toContain(s);
          expect(copy.text, copy.label).not.toMatch(/unknown/i);
          // every field a family copy of an example is entitled to is recorded, so "Not recorded" could only be withheld data misdescribed
          expect(copy.text, copy.label).not.toContain('Not recorded');
          for (const word of internalWords(rc)) expect(visible(copy.text!), `${copy.label} ${word}`).not.toMatch(word);
          if (reader === 'child') {
            expect(copy.text).not.toMatch(/^\|/m);
            if (copy.label.includes(' md ')) readingLevel(copy.text, copy.label);
          }
        }
      }
      expect(made).toBeGreaterThan(0);
    });
  }

  it("RF-0006: the father's copies hold nothing about the mother, and the products he is not party to are refused", () => {
    const rc = openCase(resolve(CASES, 'RF-0006.md'), config, { sections: true });
    const made = copies(rc, 'dad');
    expect(made.filter((c) => c.type === 'agreement').every((c) => c.refused !== undefined)).toBe(true);
    for (const copy of made.filter((c) => c.text !== undefined)) {
      for (const leak of ['Ms F', 'Mr F seen outside', 'school-run', 'anxiety', 'counselling', 'tenancy', "I don't want Dad", 'Still unknown', 'Not recorded']) expect(copy.text, `${copy.label}: ${leak}`).not.toContain(leak);
    }
  });
});

describe('random names and placements (property)', () => {
  const base = fixture().data!;
  const ref = fc.stringMatching(/^[A-Z][a-z]{1,8}(?:[-' ][A-Z][a-z]{1,8})?$/);
  const fields = ['strengths', 'worries', 'goal', 'step', 'comment', 'capacity', 'reasons', 'summary', 'views'] as const;

  it("text naming the mother, wherever it is put, never reaches the father's copy, and reaches the grandmother only when marked for her", () => {
    fc.assert(
      fc.property(ref, ref, fc.constantFrom(...fields), fc.boolean(), (mumName, dadName, field, upper) => {
        fc.pre(mumName !== dadName && !mumName.includes(dadName) && !dadName.includes(mumName));
        const data = structuredClone(base);
        const mum = data.people!.find((p) => p.id === 'mum')!;
        const dad = data.people!.find((p) => p.id === 'dad')!;
        mum.ref = `Ms ${mumName}`;
        dad.ref = `Mr ${dadName}`;
        const secret = `QZSECRET ${upper ? mum.ref.toUpperCase() : mum.ref}'s new flat`;
        const sections = fixture().sections.map((s) => ({ ...s }));
        const g2 = data.agreement!.goals![1];
        switch (field) {
          case 'strengths': data.agreement!.parents![0].strengths = secret; break;
          case 'worries': data.agreement!.parents![0].worries = secret; break;
          case 'goal': g2.goal = secret; break;
          case 'step': g2.steps = [secret]; break;
          case 'comment': g2.progress = [{ date: '2026-04-01', rag: 'green', comment: secret }]; break;
          case 'capacity': data.capacity_to_change!.push({ person: 'dad', rating: 'limited', evidence: secret, as_of: '2026-03-01' }); break;
          case 'reasons': data.decisions![0].reasons = secret; data.decisions![0].share_with = ['dad', 'gran']; break;
          case 'summary': data.decisions![0].shared![2].summary = secret; break;
          case 'views': data.tasks.child_views.shared_with = ['dad', 'gran']; sections.find((s) => s.heading === "Child's views")!.content = secret; break;
        }
        const rc: ReportCase = { filePath: FIXTURE, data, sections, problems: [] };
        for (const type of REPORT_TYPES) {
          for (const point of type === 'decision' ? DECISION_POINTS : [undefined]) {
            const forDad = render(rc, type, 'md', { reader: 'dad', point });
            if (forDad.ok) expect(forDad.text).not.toContain('QZSECRET');
            const forGran = render(rc, type, 'md', { reader: 'gran', point });
            const markedForGran = field === 'goal' || field === 'step' || field === 'comment' || field === 'reasons' || field === 'views';
            if (forGran.ok && !markedForGran) expect(forGran.text).not.toContain('QZSECRET');
          }
        }
      }),
      { numRuns: 25, seed: 60 },
    );
  });
});
