// Family copies (`report --for`) attacked: a fixture with a canary in every
// free-text field, note, goal, progress comment, body section and x- field, each
// tied to one person (or to no family reader), rendered for every product and every
// reader; the shipped examples the same way; and random names and placements.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../src/core/model/caseTypes.js';
import { factorCatalogue } from '../../src/core/classify/classify.js';
import { names } from '../../src/core/copies/familyCopy.js';
import { DECISION_POINTS, type DecisionPoint } from '../../src/core/model/ids.js';
import { openCase } from '../../src/io/openCase.js';
import type { ReportCase } from '../../src/app/renderCase.js';
import { REPORT_TYPES, type ReportType } from '../../src/report/views.js';
import { CASES, ROOT, exampleConfig, render } from './harness.js';
import { reunify } from '../cli/run.js';
import { present } from '../present.js';

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

const allowed = (reader: (typeof READERS)[number], canary: string) =>
  ALLOWED[reader].some((owner) => canary === `QZ${owner}` || new RegExp(`^QZ${owner}\\d+$`).test(canary));

/** Every copy a reader can be given of a case: each product, each decision point, both formats. */
function copies(rc: ReportCase, reader: string) {
  const out: { label: string; type: ReportType; text?: string; refused?: string; unavailable?: string }[] = [];
  const jobs: { type: ReportType; point?: DecisionPoint }[] = [
    ...REPORT_TYPES.map((type) => ({ type })),
    ...DECISION_POINTS.map((point) => ({ type: 'decision' as const, point })),
  ];
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
    for (const owner of ['MUM', 'DAD', 'GRAN', 'PARTNER', 'CHILD', 'PRO', 'RISK', 'AGR', 'TAC', 'HOME', 'SHARED', 'SHAREG', 'FAM'])
      expect(
        all.some((c) => new RegExp(`^QZ${owner}\\d+$`).test(c)),
        owner,
      ).toBe(true);
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
    expect(render(rc, 'assessment', 'md', { reader: 'dad' }).ok && (render(rc, 'assessment', 'md', { reader: 'dad' }) as { text: string }).text).toContain(
      '## What happens next',
    );
  });

  it('a field config report.withhold_for_family leaves out says it is withheld, never "Not recorded"', () => {
    const config = exampleConfig();
    config.report.withhold_for_family = [
      ...config.report.withhold_for_family,
      '/agreement/parents/*/worries',
      '/agreement/goals/*/steps',
      '/agreement/goals/*/support',
    ];
    const o = render(rc, 'agreement', 'md', { reader: 'mum', config });
    if (!o.ok) throw new Error(JSON.stringify(o));
    expect(o.text).toContain('- What we are worried about: Withheld from this copy.');
    expect(o.text).toContain('Steps you will take: Withheld from this copy.');
    expect(o.text).toContain('- Who will help you: Withheld from this copy.');
    expect(o.text).not.toMatch(/QZMUM09|QZMUM11|QZMUM13|Not recorded/);
    // a list of records withheld is said to be withheld, not "none recorded"; list entries are taken out, not left as holes
    config.report.withhold_for_family = ['/agreement/goals/*/progress', '/decisions/*/shared/*', '/agreement/goals/0'];
    const lists = render(rc, 'agreement', 'md', { reader: 'mum', config });
    if (!lists.ok) throw new Error(JSON.stringify(lists));
    expect(lists.text).toContain('- Progress is withheld from this copy.');
    expect(lists.text).not.toMatch(/No progress recorded|QZMUM10|QZMUM04/);
    expect(lists.text).toContain('QZSHAREG01');
    // a decision the config takes out (its date, or the whole entry) is withheld, not "not recorded yet"
    for (const path of ['/decisions/*/date', '/decisions/0', '/decisions/*']) {
      config.report.withhold_for_family = [path];
      const withheld = render(rc, 'agreement', 'md', { reader: 'mum', config });
      if (!withheld.ok) throw new Error(JSON.stringify(withheld));
      expect(withheld.text, path).toMatch(/## What needs to change\s+Withheld from this copy\./);
      expect(withheld.text, path).not.toMatch(/No decision has been recorded|Not recorded/);
    }
  });

  it('a body section named like a section of the copy is printed under that heading once', () => {
    const config = exampleConfig();
    config.report.family_sections = ['What happens next', 'Who to contact', 'Meetings'];
    const sections = [
      ...rc.sections,
      { heading: 'Who to contact', content: 'QZFAM90 the duty line, weekdays.' },
      { heading: 'Meetings', content: 'QZFAM91 the review is at the family centre.' },
    ];
    const o = render({ ...rc, sections }, 'decision', 'md', { reader: 'mum', point: 'rc1_d2', config });
    if (!o.ok) throw new Error(JSON.stringify(o));
    const headings = o.text.split('\n').filter((l) => /^#+ /.test(l));
    expect(headings.filter((h) => h === '## Who to contact')).toHaveLength(1);
    expect(headings.filter((h) => h === '## Meetings')).toHaveLength(1);
    expect(o.text).toContain('QZFAM90 the duty line, weekdays.');
    expect(o.text).toContain('QZFAM91 the review is at the family centre.');
  });

  it('case text cannot change the structure of a family copy or run as a template', () => {
    const hostile = '# Heading | cell [link](javascript:alert(1)) <script>alert(1)</script> {{header.caseId}}\n- item';
    const data = structuredClone(rc.data!);
    present(data.agreement!.parents![0]).strengths = hostile;
    present(data.agreement!.goals![0]).goal = hostile;
    present(present(data.agreement!.goals![0]).progress![0]).comment = hostile;
    const sections = rc.sections.map((x) =>
      x.heading === 'What happens next'
        ? { ...x, content: `${hostile.replace(/\n/g, ' ')}\n\n| a | b |\n|---|---|\n| ${hostile.replace(/\n/g, ' ').replace(/\|/g, '\\|')} | x |` }
        : x,
    );
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
    const rows = o.ok
      ? present(o.text.split('## Signatures')[1])
          .split('\n')
          .filter((l) => l.startsWith('| ') && !l.startsWith('| Name'))
      : [];
    expect(rows).toEqual(['| Ms C | You | | |', '| SW C.S. | Social worker | | |', '| TM C.M. | Team manager | | |']);
    const gran = render(rc, 'agreement', 'md', { reader: 'gran' });
    expect(gran.ok && gran.text).not.toContain('## Signatures');
  });

  it('a person who poses a risk gets only what they are a party to', () => {
    const refused = copies(rc, 'dad')
      .filter((c) => c.refused !== undefined)
      .map((c) => `${c.type}`);
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
  expect(
    words.filter((w) => w.length > 9),
    `${label}: long words`,
  ).toEqual([]);
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
        const aboutProtected =
          JSON.stringify(data)
            .match(/"[^"]{12,}"/g)
            ?.map((s) => JSON.parse(s) as string)
            .filter((s) => (data.people ?? []).some((p) => risky.has(p.id) && names(s, p))) ?? [];
        for (const copy of copies(rc, reader)) {
          if (copy.text === undefined) continue;
          made++;
          for (const o of own)
            if (o.owner !== reader && !o.sharedWith.includes(reader)) expect(copy.text, `${copy.label} shows ${o.owner}'s "${o.text}"`).not.toContain(o.text);
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

  /** Free-text fields: each gets a canary (ZC<n>Z) in front of what it says; so does every body paragraph. */
  const FREE = new Set([
    'note',
    'evidence',
    'reasons',
    'conditions',
    'timescale',
    'parallel_plan',
    'disagreement',
    'method',
    'response',
    'summary',
    'strengths',
    'worries',
    'goal',
    'steps',
    'support',
    'success',
    'comment',
    'non_negotiables',
    'team_around_child',
    'backup_plan',
    'pattern',
    'service',
    'override_reason',
    'reason',
  ]);

  function withCanaries(rc: ReportCase): { rc: ReportCase; paths: Map<string, { path: string; text: string }> } {
    const paths = new Map<string, { path: string; text: string }>();
    const tag = (path: string, text: string) => {
      const canary = `ZC${paths.size + 1}Z`;
      paths.set(canary, { path, text });
      return `${canary} ${text}`;
    };
    const walk = (node: unknown, path: string, free: boolean): unknown => {
      if (typeof node === 'string') return free && node.trim() !== '' ? tag(path, node) : node;
      if (Array.isArray(node)) return node.map((x, i) => walk(x, `${path}/${i}`, free));
      if (node !== null && typeof node === 'object')
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, `${path}/${k}`, free || FREE.has(k) || k.startsWith('x-'))]));
      return node;
    };
    const data = walk(rc.data, '', false) as CaseData;
    // a section every family copy shows, with a paragraph naming each person in turn
    const people = rc.data!.people ?? [];
    const next = ['The social worker visits every two weeks.', ...people.map((p) => `${p.ref} comes to the next meeting.`)];
    const sections = [...rc.sections, { heading: 'What happens next', content: next.join('\n\n') }].map((sec) => ({
      ...sec,
      content: sec.content
        .split(/\n\s*\n/)
        .map((para, i) => (para.trim() === '' ? para : tag(`/body/${sec.heading.trim()}/${i}`, para)))
        .join('\n\n'),
    }));
    return { rc: { ...rc, data, sections }, paths };
  }

  /** May this field reach this reader, by the allow-list: as their own (or marked for them), as text shown only when it names no one else, or not at all. */
  function entitled(data: CaseData, reader: string, path: string): 'own' | 'unnamed' | false {
    const at = (re: RegExp) => path.match(re);
    const parents = data.agreement?.parents ?? [];
    let m: RegExpMatchArray | null;
    if ((m = at(/^\/decisions\/(\d+)\/shared\/(\d+)\/(summary|method|response)$/)))
      return present(present(data.decisions![Number(m[1])], 'the decision').shared![Number(m[2])], 'the sharing entry').party === reader ? 'own' : false;
    if (reader === 'child') return false;
    if ((m = at(/^\/agreement\/parents\/(\d+)\/(strengths|worries)$/))) return present(parents[Number(m[1])], 'the parent').person === reader ? 'own' : false;
    if ((m = at(/^\/capacity_to_change\/(\d+)\/evidence$/)))
      return present(data.capacity_to_change![Number(m[1])], 'the capacity entry').person === reader ? 'own' : false;
    if ((m = at(/^\/agreement\/goals\/(\d+)\/(goal|steps\/\d+|support|success|progress\/\d+\/comment)$/))) {
      const g = present(data.agreement!.goals![Number(m[1])], 'the goal');
      const own = g.person === reader || (g.person === undefined && parents.length === 1 && present(parents[0], 'the parent').person === reader);
      return own || (g.share_with ?? []).includes(reader) ? 'own' : false;
    }
    if ((m = at(/^\/decisions\/(\d+)\/(reasons|conditions(\/\d+)?)$/))) {
      const d = present(data.decisions![Number(m[1])], 'the decision');
      if ((d.share_with ?? []).includes(reader)) return 'own';
      return (d.shared ?? []).some((x) => x.party === reader && x.date !== undefined) ? 'unnamed' : false;
    }
    if (at(/^\/agreement\/(non_negotiables\/\d+|backup_plan)$/)) return parents.some((p) => p.person === reader) ? 'own' : false;
    if (at(/^\/agreement\/team_around_child\/\d+$|^\/return\/(contact_phases\/\d+\/pattern|support_package\/\d+\/service)$/)) return 'unnamed';
    if ((m = at(/^\/body\/(.+)\/\d+$/))) {
      if (present(m[1], 'the heading').toLowerCase() === 'what happens next') return 'unnamed';
      const views = Object.hasOwn(data.tasks, 'child_views') ? present(data.tasks.child_views, 'the child views task').shared_with : undefined;
      return /^child['’]s views/i.test(present(m[1], 'the heading')) && (views ?? []).includes(reader) ? 'own' : false;
    }
    return false;
  }

  for (const file of files) {
    it(`${file} with a canary in every free-text field, x- field and body paragraph: each reaches only a reader entitled to it`, () => {
      const original = openCase(resolve(CASES, file), config, { sections: true });
      const { rc, paths } = withCanaries(original);
      const data = original.data!;
      expect(paths.size).toBeGreaterThan(10);
      let seen = 0;
      for (const reader of ['child', ...(data.people ?? []).map((p) => p.id)]) {
        const others = (data.people ?? []).filter((p) => p.id !== reader);
        const risky = new Set(((data.people ?? []).find((p) => p.id === reader)?.risk_to ?? []).map((r) => r.id));
        for (const copy of copies(rc, reader)) {
          for (const canary of new Set(copy.text?.match(/ZC\d+Z/g) ?? [])) {
            seen++;
            const { path, text } = paths.get(canary)!;
            const may = entitled(data, reader, path);
            expect(may, `${copy.label} shows ${path}: "${text}"`).not.toBe(false);
            if (may === 'unnamed') for (const p of others) expect(names(text, p), `${copy.label} shows ${path}, naming ${p.id}: "${text}"`).toBe(false);
            for (const p of others.filter((x) => risky.has(x.id) || x.protected_address === true))
              expect(names(text, p), `${copy.label} shows ${path}, naming ${p.id}: "${text}"`).toBe(false);
          }
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
  }

  it("RF-0006: the father's copies hold nothing about the mother, and the products he is not party to are refused", () => {
    const rc = openCase(resolve(CASES, 'RF-0006.md'), config, { sections: true });
    const made = copies(rc, 'dad');
    expect(made.filter((c) => c.type === 'agreement').every((c) => c.refused !== undefined)).toBe(true);
    for (const copy of made.filter((c) => c.text !== undefined)) {
      for (const leak of ['Ms F', 'Mr F seen outside', 'school-run', 'anxiety', 'counselling', 'tenancy', "I don't want Dad", 'Still unknown', 'Not recorded'])
        expect(copy.text, `${copy.label}: ${leak}`).not.toContain(leak);
    }
  });
});

describe('attack fixtures: a risk between parents, a protected address, hostile text in every field', () => {
  // Canaries XQ<OWNER><n> in every free-text field, note, goal, step, progress comment,
  // sharing-log entry, body section and x- field (see the fixtures' own comments). An X
  // after the owner: text that names someone else or holds an address or an id.
  const DIR = resolve(ROOT, 'test/fixtures/family-attack');
  const BASE: Record<string, string[]> = {
    mum: ['MUM\\d+', 'CHILD08', 'FAM\\d+', 'FAMX0[15]', 'TAC\\d+', 'CONDX?01', 'AGRX?\\d+', 'HOME\\d+', 'HOMEX02', 'SHARED\\d+'],
    dad: ['DAD\\d+', 'CHILD08', 'FAM\\d+', 'SHARED\\d+'],
    gran: ['GRAN\\d+', 'FAM\\d+', 'FAMX05', 'TAC\\d+', 'CONDX?01', 'SHAREGX?\\d+', 'SHARED\\d+', 'HOME\\d+'],
    partner: ['PARTNER\\d+', 'FAM\\d+', 'FAMX05', 'TAC\\d+', 'CONDX?01', 'SHAREGX?\\d+', 'AGRX?\\d+', 'SHARED\\d+', 'HOME\\d+'],
    aunt: ['AUNT\\d+', 'FAM\\d+', 'FAMX0[45]', 'TAC\\d+'],
    child: ['CHILD0[35]'],
  };
  // RF-C003: the father is a party to every product; the hostile body adds the mother's own
  // paragraphs, one naming only the father, and text about someone as "she" with where she
  // is and her health (XQPRONOUN01, for no one: it cannot be shown to be about the reader)
  const C003: Record<string, string[]> = {
    ...BASE,
    mum: [...present(BASE.mum, 'the canaries for mum'), 'FAMX0[6-9]'],
    dad: [...present(BASE.dad, 'the canaries for dad'), 'DADB01', 'AGR\\d+', 'HOME\\d+', 'SHAREG\\d+'],
  };
  // what each reader must see somewhere, so a copy that shows nothing cannot pass
  const MUST: Record<string, string[]> = {
    mum: ['XQMUM06', 'XQMUM11', 'XQFAMX01', 'XQHOMEX02', 'XQCONDX01'],
    dad: ['XQDAD02', 'XQDAD06', 'XQCHILD08', 'XQFAM01'],
    gran: ['XQGRAN05', 'XQSHAREG01', 'XQHOME01', 'XQTAC01'],
    partner: ['XQPARTNER09', 'XQAGR01', 'XQSHAREG02'],
    aunt: ['XQAUNT04', 'XQFAMX04'],
    child: ['XQCHILD03', 'XQCHILD05'],
  };
  // RF-C004: RF-C002 with the mother and the aunt named through entities and inline Markdown
  // (XQENC, each for the one it names), and addresses, whereabouts and numbers in forms a
  // plain screen misses (XQPLACE, for no one); the father's and the partner's own text that
  // names the mother with where she is or her health (XQDADX, XQPARTNERX) reaches neither
  const C004: Record<string, string[]> = {
    ...BASE,
    mum: [...present(BASE.mum, 'the canaries for mum'), 'ENC0[1-57]'],
    dad: [...present(BASE.dad, 'the canaries for dad'), 'AGR\\d+', 'SHAREG\\d+'],
    aunt: [...present(BASE.aunt, 'the canaries for aunt'), 'ENC06'],
  };
  const cases = { 'RF-C002': BASE, 'RF-C003': C003, 'RF-C004': C004 } as const;
  const MUST_C004: Record<string, string[]> = {
    ...MUST,
    mum: ['XQMUM06', 'XQMUM11', 'XQENC01', 'XQENC03', 'XQENC05', 'XQENC07', 'XQHOMEX02', 'XQCONDX01', 'XQFAM03'],
    dad: [...present(MUST.dad, 'what dad must see'), 'XQDAD08', 'XQDAD13', 'XQFAM03'],
    aunt: ['XQAUNT04', 'XQENC06', 'XQFAM03'],
    partner: [...present(MUST.partner, 'what partner must see'), 'XQFAM03'],
  };
  // never in any copy: the mother's address and phone (in notes, the father's goal, x- fields), the team's
  // number (a body paragraph with a phone number is withheld whoever's it is), a map link
  const NOWHERE = /Birch|LS2|07700|0113|@example|maps\.example/i;
  // never in a copy for the father, who poses a risk to the mother
  const NOT_FOR_RISK = /Mill Street|Oak Lane|police|tenancy|counselling|refuge|Ms K|Miss R|mum\b/i;

  for (const [id, allowed] of Object.entries(cases)) {
    const rc = openCase(resolve(DIR, `${id}.md`), exampleConfig(), { sections: true });
    const all = [...new Set((JSON.stringify(rc.data) + rc.sections.map((x) => x.content).join('\n')).match(/XQ[A-Z]+\d+/g))];
    for (const reader of Object.keys(allowed)) {
      it(`${id} --for ${reader}: no one else's canary, address, phone, id, level or score; nothing withheld reads as missing`, () => {
        expect(all.length).toBeGreaterThan(100);
        const may = new RegExp(`^XQ(?:${present(allowed[reader], `what ${reader} may see`).join('|')})$`);
        const made = copies(rc, reader);
        const seen = new Set<string>();
        expect(made.some((c) => c.text !== undefined)).toBe(true);
        for (const copy of made) {
          if (copy.text === undefined) continue;
          const text = visible(copy.text);
          for (const canary of all) {
            if (!copy.text.includes(canary)) continue;
            seen.add(canary);
            expect(may.test(canary), `${copy.label} shows ${canary}`).toBe(true);
          }
          expect(text, copy.label).not.toMatch(NOWHERE);
          if (reader === 'dad') expect(text, copy.label).not.toMatch(NOT_FOR_RISK);
          // RF-C004: the school, its runs and their day say where the child and the mother will be
          if (id === 'RF-C004' && reader === 'dad')
            expect(text, copy.label).not.toMatch(/school|tuesday|idva|marac|co-op|flat 3b|filled\.count|statement|acacia/i);
          expect(text, copy.label).not.toMatch(/Not recorded|unknown/i);
          for (const word of [...internalWords(rc), /\blevel\b|\bmedium\b/i]) expect(text, `${copy.label} ${word}`).not.toMatch(word);
          const headings = copy.text.split('\n').filter((l) => /^#+ /.test(l));
          expect(new Set(headings).size, `${copy.label}: a heading twice`).toBe(headings.length);
          if (reader === 'child') {
            expect(copy.text, copy.label).not.toMatch(/^\||<table/m);
            if (copy.label.includes(' md ')) readingLevel(copy.text, copy.label);
          }
        }
        const must = id === 'RF-C004' ? MUST_C004 : MUST;
        for (const canary of present(must[reader], `what ${reader} must see`))
          if (id !== 'RF-C003' || reader !== 'dad') expect([...seen], `${id} --for ${reader} never shows ${canary}`).toContain(canary);
        if (id === 'RF-C003' && reader === 'dad') {
          for (const canary of ['XQDAD07', 'XQDAD13', 'XQAGR01', 'XQDADB01']) expect([...seen], canary).toContain(canary);
          // a party to the transition who poses a risk gets its dates, not what happens when ("weekends at home") nor the services
          for (const canary of ['XQHOME01', 'XQHOME02']) expect([...seen], canary).not.toContain(canary);
        }
      });
    }
  }

  it('the father who poses a risk to the mother is refused what he is not a party to, and reads his own goal without the steps that name her', () => {
    const c002 = openCase(resolve(DIR, 'RF-C002.md'), exampleConfig(), { sections: true });
    expect(
      new Set(
        copies(c002, 'dad')
          .filter((c) => c.refused !== undefined)
          .map((c) => c.type),
      ),
    ).toEqual(new Set(['agreement', 'transition', 'review']));
    const c003 = openCase(resolve(DIR, 'RF-C003.md'), exampleConfig(), { sections: true });
    const o = render(c003, 'agreement', 'md', { reader: 'dad' });
    expect(o.ok && o.text).toContain('Steps you will take: XQDAD08 goes to the programme; Withheld from this copy.');
    expect(o.ok && o.text).toContain('- 20 April 2026: Some worries. The comment is withheld from this copy.');
    expect(o.ok && o.text).toContain('### Your goal 1');
    expect(o.ok && o.text).not.toMatch(/Your goal [2-9]/);
    // he signs with the professionals only: the mother's partner's name and relation could lead him to her household
    const rows = o.ok
      ? present(o.text.split('## Signatures')[1], 'the signatures')
          .split('\n')
          .filter((l) => l.startsWith('| ') && !l.startsWith('| Name'))
      : [];
    expect(rows).toEqual(['| Mr K | You | | |', '| SW K.S. | Social worker | | |', '| TM K.M. | Team manager | | |']);
    const forPartner = render(c003, 'agreement', 'md', { reader: 'partner' });
    expect(forPartner.ok && forPartner.text).toContain('| Ms K | Mother | | |');
  });
});

/**
 * RF-C003 with `edits` made (each [what, with what]; each must be there to replace), written
 * to a scratch folder: the folder and the case opened from it.
 */
function editedC003(edits: readonly (readonly [string, string])[]) {
  const dir = mkdtempSync(join(tmpdir(), 'reunify-family-edit-'));
  let text = readFileSync(resolve(ROOT, 'test/fixtures/family-attack/RF-C003.md'), 'utf8');
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, 'RF-C003.md'), text);
  return { dir, rc: openCase(join(dir, 'RF-C003.md'), exampleConfig(), { sections: true }) };
}

describe('other names a person goes by', () => {
  it("a person's first name or the name they go by (also_known_as) names them as their ref does: text using it is withheld as text naming them is", () => {
    const { rc } = editedC003([
      ['relation: mother, pr: true,', 'relation: mother, also_known_as: [Kerry, Kez], pr: true,'],
      ['strengths: "XQDAD13 strengths"', 'strengths: "XQDAD13 strengths; XQKERRY01 Kerry takes the bus on Fridays"'],
      ['goal: "XQDAD07 keeps to the order"', 'goal: "XQDAD07 keeps to the order; XQKEZ01 no calls to Kez"'],
    ]);
    const without = openCase(resolve(ROOT, 'test/fixtures/family-attack/RF-C003.md'), exampleConfig(), { sections: true });
    for (const reader of ['dad', 'gran', 'aunt']) {
      const made = copies(rc, reader).filter((c) => c.text !== undefined);
      expect(made.length, reader).toBeGreaterThan(0);
      for (const copy of made) expect(copy.text, copy.label).not.toMatch(/Kerry|Kez|XQKERRY|XQKEZ/);
    }
    // the father's own strengths and goal still reach him, without the canaries that name her
    const agreement = render(rc, 'agreement', 'md', { reader: 'dad' });
    const before = render(without, 'agreement', 'md', { reader: 'dad' });
    expect(before.ok && before.text).toContain('XQDAD07');
    expect(agreement.ok && agreement.text).toContain('Withheld from this copy');
    // and the mother's copies do not show the father's text about her
    expect(copies(rc, 'mum').some((c) => c.text?.includes('XQKERRY01'))).toBe(false);
  });
});

describe('levels, scores and map positions however written', () => {
  const probes = [
    'Medium: keep going XQPROBE.',
    'Low, but home eight weeks XQPROBE.',
    'Now Very high XQPROBE.',
    'Regraded to low XQPROBE.',
    'Risk now LOW XQPROBE.',
    'The tool suggested medium XQPROBE.',
    'A 7-out-of-10 week XQPROBE.',
    'Scored 7/10ths XQPROBE.',
    'Risk rating 4 XQPROBE.',
    'Meet at 53.8008,-1.5491 for handover XQPROBE.',
  ];
  /** The mother's own agreement copy, with `extra` after her own strengths. */
  const mothersCopy = (extra: string) => {
    const { rc } = editedC003([['strengths: "XQMUM09 strengths"', `strengths: "XQMUM09 strengths. ${extra}"`]]);
    const o = render(rc, 'agreement', 'md', { reader: 'mum' });
    return o.ok ? o.text : '';
  };
  it.each(probes)('"%s" never reaches a family copy', (probe) => {
    const copy = mothersCopy(probe);
    // the rest of her copy is there (her worries), and the probe is not (its sentence, or the whole field, is withheld)
    expect(copy).toContain('XQMUM10');
    expect(copy).toContain('Withheld from this copy');
    expect(copy).not.toContain('XQPROBE');
  });

  it('ordinary words stay: a high school, a low wall, two of three sessions', () => {
    const plain = 'XQPLAIN She went to high school open evening, fixed the low wall and came to two of three sessions.';
    expect(mothersCopy(plain)).toContain(plain);
  });
});

describe("the council's own place names (config redact.places and redact.schools)", () => {
  it('a reader who poses a risk to someone gets no text naming one of them; without the list, that text reaches them', () => {
    const { rc } = editedC003([
      ['goal: "XQDAD07 keeps to the order"', 'goal: "XQDAD07 keeps to the order; XQPLACE91 stays out of Larkfield"'],
      ['strengths: "XQDAD13 strengths"', 'strengths: "XQDAD13 strengths; XQPLACE92 the boys play football at St  Ninian Academy"'],
    ]);
    const config = exampleConfig();
    const local = { ...config, redact: { places: ['Larkfield'], schools: ['St Ninian Academy'] } };
    const agreement = (reader: string, c = config) => {
      const o = render(rc, 'agreement', 'md', { reader, config: c });
      return o.ok ? o.text : '';
    };
    // without the list, the father's own goal and strengths reach him whole
    expect(agreement('dad')).toContain('XQPLACE91');
    expect(agreement('dad')).toContain('XQPLACE92');
    // with it, neither does, and the copy says what is withheld
    expect(agreement('dad', local)).not.toMatch(/XQPLACE9|Larkfield|Ninian/);
    expect(agreement('dad', local)).toContain('Withheld from this copy');
  });

  it('a listed name matches as redaction matches it, the apostrophe optional: "St Marys" is the listed St Mary\'s', () => {
    const { rc } = editedC003([['goal: "XQDAD07 keeps to the order"', 'goal: "XQDAD07 keeps to the order; XQPLACE93 not at St Marys Primary gates"']]);
    const config = exampleConfig();
    const local = { ...config, redact: { places: [], schools: ["St Mary's Primary"] } };
    const agreement = (c: typeof config) => {
      const o = render(rc, 'agreement', 'md', { reader: 'dad', config: c });
      return o.ok ? o.text : '';
    };
    expect(agreement(config)).toContain('XQPLACE93 not at St Marys Primary gates');
    expect(agreement(local)).not.toMatch(/XQPLACE93|Marys/);
    expect(agreement(local)).toContain('Withheld from this copy');
  });

  it('check warns where such text would reach that reader, naming the place', async () => {
    const { dir } = editedC003([['goal: "XQDAD07 keeps to the order"', 'goal: "XQDAD07 keeps to the order; stays out of Larkfield"']]);
    const messages = async () => {
      const r = await reunify(['check', dir, '--as-of', '2026-11-01', '--format', 'json']);
      return (JSON.parse(r.stdout) as { files: { problems: { ruleId: string; message: string }[] }[] }).files
        .flatMap((f) => f.problems)
        .filter((p) => p.ruleId === 'case/protected-person-named')
        .map((p) => p.message)
        .join('\n');
    };
    expect(await messages()).not.toMatch(/Larkfield/);
    writeFileSync(join(dir, 'reunify.config.yaml'), 'redact:\n  places: [Larkfield]\n');
    expect(await messages()).toMatch(/says where someone is or who reported what \("Larkfield"\)/);
  });
});

describe('a decision copy without --point is of the decision its reader was told of', () => {
  const RF0006 = resolve(CASES, 'RF-0006.md');
  const decision = (reader: string, asOf: string, ...more: string[]) =>
    reunify(['report', RF0006, '--type', 'decision', '--for', reader, '--as-of', asOf, ...more]);

  // RF-0006's latest point is rc2_d3 (a classification, no decision yet); everyone was told of the decision at rc1_d2
  for (const reader of ['dad', 'mum', 'gran']) {
    it(`RF-0006 --for ${reader}: Decision 2, when they were told`, async () => {
      const r = await decision(reader, '2026-11-01');
      expect(r.stderr.replace(/^reunify: note: this family copy is as of .*$/m, '')).toBe(''); // the past-date note only
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('On 28 April 2026 the team decided: Return home once the agreed goals are met.');
      expect(r.stdout).toMatch(/## When you were told\s+- You were told on: [46] May 2026/);
      expect(r.stdout).not.toMatch(/No decision has been recorded|Nothing has been decided/);
    });
  }

  it('RF-0006 --for child: what was decided at rc1_d2, in words for a child', async () => {
    const r = await decision('child', '2026-11-01');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('You can go home when the grown-ups have done what they said they would do.');
  });

  it('a reader told of no decision yet: exit 1, saying so and naming the points that have one', async () => {
    // on 1 May 2026 Decision 2 (28 April) is made but nobody has been told of it
    for (const reader of ['mum', 'gran', 'child']) {
      const r = await decision(reader, '2026-05-01');
      expect(r.exitCode, reader).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `reunify: no family copy of this decision record for ${reader}: ${reader} was not told of any decision on or before 2026-05-01 (no dated entry for ${reader} in decisions[].shared); decisions are recorded at rc1_d2: give --point to make a copy of one of them`,
      );
    }
    // a reader who poses a risk to someone is not pointed to a copy they would be refused
    const dad = await decision('dad', '2026-05-01');
    expect(dad.exitCode).toBe(1);
    expect(dad.stderr).toBe(
      'reunify: no family copy of this decision record for dad: dad was not told of any decision on or before 2026-05-01 (no dated entry for dad in decisions[].shared); decisions are recorded at rc1_d2',
    );
  });

  it('with --point on a date before the reader was told, the copy does not say they were told', async () => {
    const r = await reunify(['report', RF0006, '--type', 'decision', '--point', 'rc1_d2', '--for', 'gran', '--as-of', '2026-05-01']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('On 28 April 2026 the team decided');
    expect(r.stdout).not.toMatch(/When you were told|4 May 2026/);
    expect(r.stdout).toMatch(/## Why\s+Withheld from this copy\./);
  });

  it('a later decision at the same point that the reader was not told of is not shown as theirs', () => {
    const rc = openCase(RF0006, exampleConfig(), { sections: true });
    const data = structuredClone(rc.data!);
    const d2 = data.decisions!.find((d) => d.point === 'rc1_d2')!;
    data.decisions!.push({ ...structuredClone(d2), date: '2026-06-01', outcome: 'no_return', shared: d2.shared!.filter((s) => s.party !== 'dad') });
    const withLater: ReportCase = { ...rc, data };
    const forDad = render(withLater, 'decision', 'md', { reader: 'dad' });
    expect(forDad.ok).toBe(false);
    expect(!forDad.ok && 'refused' in forDad && forDad.refused).toMatch(/dad was not told of any decision/);
    const forMum = render(withLater, 'decision', 'md', { reader: 'mum' });
    expect(forMum.ok && forMum.text).toContain('On 1 June 2026 the team decided');
  });

  it('the child summary of another product tells of the latest decision the child was told of, and only that', () => {
    const rc = openCase(RF0006, exampleConfig(), { sections: true });
    const data = structuredClone(rc.data!);
    data.decisions!.push({ date: '2026-10-20', point: 'rc2_d3', outcome: 'no_return', reasons: 'x' });
    const o = render({ ...rc, data }, 'agreement', 'md', { reader: 'child' });
    expect(o.ok && o.text).toContain('You can go home when the grown-ups have done what they said they would do.');
    expect(o.ok && o.text).not.toContain('You will not go home');
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
          case 'strengths':
            present(data.agreement!.parents![0]).strengths = secret;
            break;
          case 'worries':
            present(data.agreement!.parents![0]).worries = secret;
            break;
          case 'goal':
            present(g2).goal = secret;
            break;
          case 'step':
            present(g2).steps = [secret];
            break;
          case 'comment':
            present(g2).progress = [{ date: '2026-04-01', rag: 'green', comment: secret }];
            break;
          case 'capacity':
            data.capacity_to_change!.push({ person: 'dad', rating: 'limited', evidence: secret, as_of: '2026-03-01' });
            break;
          case 'reasons':
            present(data.decisions![0]).reasons = secret;
            present(data.decisions![0]).share_with = ['dad', 'gran'];
            break;
          case 'summary':
            present(present(data.decisions![0]).shared![2]).summary = secret;
            break;
          case 'views':
            present(data.tasks.child_views).shared_with = ['dad', 'gran'];
            sections.find((s) => s.heading === "Child's views")!.content = secret;
            break;
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

describe('random names, written as a reader of the rendered copy reads them, and random whereabouts (property)', () => {
  const base = fixture().data!;
  const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
  /** The mother's ref, "Ms <name>", written so that the rendered copy (or a Markdown viewer) shows it as that. */
  const written: ((name: string) => string)[] = [
    (n) => `Ms&nbsp;${n}`,
    (n) => `M&#115; ${n}`,
    (n) => `Ms &#${n.codePointAt(0)};${n.slice(1)}`,
    (n) => `Ms&#x20;${n}`,
    (n) => `**Ms** ${n}`,
    (n) => `*Ms ${n}*`,
    (n) => `Ms\\_${n}`,
    (n) => `[Ms ${n}](#plan)`,
    (n) => `M<b>s</b> ${n}`,
    (n) => `\`Ms\` ${n}`,
    (n) => `MS. ${n.toUpperCase()}`,
  ];
  /** Where someone is, in forms a plain screen misses. */
  const whereabouts = fc.oneof(
    fc
      .tuple(fc.integer({ min: 1, max: 299 }), word, fc.constantFrom('Rd', 'Road', 'St', 'Lane', 'Close', 'Ave'))
      .map(([n, w, s]) => `the handover is at ${n}&nbsp;${w}&nbsp;${s}`),
    fc
      .tuple(fc.constantFrom('Flat', 'flat', 'Unit', 'Apartment'), fc.integer({ min: 1, max: 99 }), fc.constantFrom('', 'a', 'b'))
      .map(([f, n, l]) => `the visit is at ${f} ${n}${l}`),
    fc.tuple(word, word, word).map(([a, b, c]) => `meet at ///${a.toLowerCase()}.${b.toLowerCase()}.${c.toLowerCase()}`),
    fc
      .tuple(fc.integer({ min: 50, max: 58 }), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1000, max: 9999 }))
      .map(([a, b, c, d]) => `the centre is at ${a}.${b}, -${c}.${d}`),
    fc
      .tuple(fc.constantFrom(' ', '.', '-', ' . '), fc.integer({ min: 100000, max: 999999 }))
      .map(([sep, n]) => `ring 07700${sep}${String(n).slice(0, 3)}${sep}${String(n).slice(3)}`),
    fc.tuple(fc.integer({ min: 100000, max: 999999 })).map(([n]) => `ring +44 7700 ${n}`),
    word.map((w) => `she works at the ${w} on Mill Lane`),
    fc.constantFrom(
      'the refuge worker comes too',
      'the IDVA comes too',
      'the MARAC meets in June',
      'her ex does not know about the move',
      'she is on tablets for her nerves',
    ),
  );
  const placements = ['strengths', 'worries', 'goal', 'step', 'comment', 'capacity', 'reasons', 'summary', 'views', 'next'] as const;

  /** The fixture with `secret` put in one field (marked for the father and the grandmother where the field can be). */
  function place(secret: string, field: (typeof placements)[number], mumRef?: string): ReportCase {
    const data = structuredClone(base);
    if (mumRef) data.people!.find((p) => p.id === 'mum')!.ref = mumRef;
    const sections = fixture().sections.map((s) => ({ ...s }));
    const g2 = data.agreement!.goals![1];
    switch (field) {
      case 'strengths':
        present(data.agreement!.parents![0]).strengths = secret;
        break;
      case 'worries':
        present(data.agreement!.parents![0]).worries = secret;
        break;
      case 'goal':
        present(g2).goal = secret;
        present(g2).share_with = ['dad', 'gran'];
        break;
      case 'step':
        present(g2).steps = [secret];
        present(g2).share_with = ['dad', 'gran'];
        break;
      case 'comment':
        present(g2).progress = [{ date: '2026-04-01', rag: 'green', comment: secret }];
        present(g2).share_with = ['dad', 'gran'];
        break;
      case 'capacity':
        data.capacity_to_change!.push({ person: 'dad', rating: 'limited', evidence: secret, as_of: '2026-03-01' });
        break;
      case 'reasons':
        present(data.decisions![0]).reasons = secret;
        present(data.decisions![0]).share_with = ['dad', 'gran'];
        break;
      case 'summary':
        present(present(data.decisions![0]).shared![2]).summary = secret;
        break;
      case 'views':
        present(data.tasks.child_views).shared_with = ['dad', 'gran'];
        sections.find((s) => s.heading === "Child's views")!.content = secret;
        break;
      case 'next':
        sections.find((s) => s.heading === 'What happens next')!.content += `\n\n${secret}`;
        break;
    }
    return { filePath: FIXTURE, data, sections, problems: [] };
  }

  /** Every copy for a reader, each product and point (the screen runs before either format is made, so Markdown alone unless asked). */
  function allCopies(rc: ReportCase, reader: string, formats: readonly ('md' | 'html')[] = ['md']): string[] {
    const out: string[] = [];
    for (const type of REPORT_TYPES) {
      for (const point of type === 'decision' ? DECISION_POINTS : [undefined]) {
        for (const format of formats) {
          const o = render(rc, type, format, { reader, point });
          if (o.ok) out.push(o.text);
        }
      }
    }
    return out;
  }

  it("the mother named through entities or inline Markdown, wherever it is put, never reaches the father's copy, nor the grandmother's unless marked for her", () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 0, max: written.length - 1 }), fc.constantFrom(...placements), (name, how, field) => {
        const rc = place(`QZSECRET ${present(written[how])(name)} said so`, field, `Ms ${name}`);
        for (const text of allCopies(rc, 'dad', ['md', 'html'])) expect(text, `${field}: ${present(written[how])(name)}`).not.toContain('QZSECRET');
        const markedForGran = ['goal', 'step', 'comment', 'reasons', 'views'].includes(field);
        if (!markedForGran) for (const text of allCopies(rc, 'gran')) expect(text, `${field}: ${present(written[how])(name)}`).not.toContain('QZSECRET');
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it('whereabouts in any of these forms, wherever they are put, reach no reader', () => {
    fc.assert(
      fc.property(whereabouts, fc.constantFrom(...placements), (where, field) => {
        const rc = place(`QZSECRET ${where}`, field);
        for (const reader of ['mum', 'dad', 'gran', 'partner', 'child'])
          for (const text of allCopies(rc, reader)) expect(text, `${field} --for ${reader}: ${where}`).not.toContain('QZSECRET');
      }),
      { numRuns: 20, seed: 16 },
    );
  }, 120_000);
});

describe('letters of other scripts that look Latin, in names', () => {
  // a paragraph every copy would show names someone with a look-alike letter: it names them as the Latin letter would
  const withParagraph = (spelled: string) =>
    editedC003([
      ['ref: "Miss R"', 'ref: "Miss F"'],
      [
        'XQFAM01 the social worker keeps visiting; the next review is in December.',
        `XQFAM01 the social worker keeps visiting; the next review is in December.\n\nXQLOOK01 ${spelled} is coming to the review.`,
      ],
    ]).rc;
  it.each([
    ['a Greek digamma', 'Miss \u03DC', ['mum', 'gran', 'partner']],
    ['a Lisu letter', 'Miss \uA4DD', ['mum', 'gran', 'partner']],
    ['a Cherokee letter', 'Ms \u13E6', ['gran', 'partner']],
  ])('%s: "%s" is read as Latin, and the paragraph naming her is withheld from the others', (_what, spelled, readers) => {
    const rc = withParagraph(spelled);
    for (const reader of readers) {
      const o = render(rc, 'transition', 'md', { reader });
      expect(o.ok && o.text, reader).toContain('XQFAM01');
      expect(o.ok && o.text, reader).not.toContain('XQLOOK01');
    }
  });
});

describe('words for a relative ("sister", "daughter", "son") name the person they can mean', () => {
  const text = (rc: ReportCase, type: ReportType, reader: string, point?: DecisionPoint) => {
    const o = render(rc, type, 'md', { reader, point });
    return o.ok ? o.text : '';
  };

  it('"Your sister is now in Wakefield", in a section every copy shows, is withheld from all but the protected paternal aunt it can mean (the father\'s sister)', () => {
    const { rc } = editedC003([
      [
        'XQFAM01 the social worker keeps visiting; the next review is in December.',
        'XQFAM01 the social worker keeps visiting; the next review is in December.\n\nXQKIN01 Your sister is now in Wakefield.',
      ],
    ]);
    for (const reader of ['mum', 'gran', 'partner', 'dad']) {
      const copy = text(rc, 'transition', reader);
      expect(copy, reader).toContain('XQFAM01');
      expect(copy, reader).not.toContain('XQKIN01');
    }
    expect(text(rc, 'transition', 'aunt')).toContain('XQKIN01 Your sister is now in Wakefield.');
  });

  it('the grandmother\'s own summary "her daughter is still in recovery" is about the mother (the maternal grandmother\'s daughter) and her health: withheld from the grandmother', () => {
    const { rc } = editedC003([['summary: "XQGRAN05 you help with school"', 'summary: "XQGRAN05 Because her daughter is still in recovery"']]);
    const copy = text(rc, 'decision', 'gran', 'rc1_d2');
    expect(copy).toMatch(/## Why\s+Withheld from this copy\./);
    expect(copy).not.toContain('XQGRAN05');
  });

  it('"your daughter" to a parent is the child: shown; to the father who poses a risk to the mother, the grandmother\'s daughter could be her: withheld', () => {
    const { rc } = editedC003([
      ['summary: "XQMUM06 you kept to the plan"', 'summary: "XQMUM06 your daughter and you kept to the plan"'],
      ['summary: "XQDAD06 you have work to do"', 'summary: "XQDAD06 her daughter says you have work to do"'],
    ]);
    expect(text(rc, 'decision', 'mum', 'rc1_d2')).toContain('XQMUM06 your daughter and you kept to the plan');
    const dad = text(rc, 'decision', 'dad', 'rc1_d2');
    expect(dad).toMatch(/## Why\s+Withheld from this copy\./);
    expect(dad).not.toContain('XQDAD06');
  });

  it('"son", "nephew" and "brother" name a recorded brother of the child: a section every copy shows withholds them from the others', () => {
    const { rc } = editedC003([
      ['  - { id: aunt,', '  - { id: bro, ref: "Young K", relation: brother }\n  - { id: aunt,'],
      [
        'XQFAM01 the social worker keeps visiting; the next review is in December.',
        'XQFAM01 the social worker keeps visiting; the next review is in December.\n\nXQKIN02 Her son starts college.\n\nXQKIN03 The nephew is settled.',
      ],
    ]);
    for (const reader of ['mum', 'partner', 'gran']) {
      const copy = text(rc, 'transition', reader);
      expect(copy, reader).toContain('XQFAM01');
      expect(copy, reader).not.toMatch(/XQKIN0[23]/);
    }
  });
});

describe('a field a worker marks shareable with named readers (shareable)', () => {
  const RF0010 = resolve(CASES, 'RF-0010.md');
  const BACKUP = 'if Ms K becomes unwell after the return, Aunt K has K while the team meets';
  const agreement = (file: string, reader: string) => reunify(['report', file, '--type', 'agreement', '--for', reader, '--as-of', '2026-11-01']);
  /** RF-0010 with `edits` made, in a scratch folder. */
  const edited = (edits: readonly (readonly [string, string])[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'reunify-shareable-'));
    let text = readFileSync(RF0010, 'utf8');
    for (const [from, to] of edits) {
      expect(text, from).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, 'RF-0010.md'), text);
    return join(dir, 'RF-0010.md');
  };

  it('RF-0010\'s back-up plan (it names Aunt K and says "unwell") reaches both parents it is marked for', async () => {
    for (const reader of ['mum', 'dad']) {
      const r = await agreement(RF0010, reader);
      expect(r.exitCode, reader).toBe(0);
      expect(r.stdout, reader).toMatch(/## If the goals are not met\s+If goals slip, K stays with Foster carer Z/);
      expect(r.stdout, reader).toContain(BACKUP);
    }
  });

  it('without the mark, or for a reader it does not name, the back-up plan is withheld: nothing is shareable by default', async () => {
    const unmarked = edited([
      ['  - { path: /agreement/backup_plan, with: [mum, dad], by: "SW K.L.", date: 2026-10-02 }\n', ''],
      ['shareable:\n', ''],
    ]);
    const mumOnly = edited([['with: [mum, dad]', 'with: [mum]']]);
    for (const [file, reader] of [
      [unmarked, 'mum'],
      [unmarked, 'dad'],
      [mumOnly, 'dad'],
    ] as const) {
      const r = await agreement(file, reader);
      expect(r.exitCode, `${file} ${reader}`).toBe(0);
      expect(r.stdout, reader).toMatch(/## If the goals are not met\s+Withheld from this copy\./);
      expect(r.stdout, reader).not.toContain(BACKUP);
    }
    expect((await agreement(mumOnly, 'mum')).stdout).toContain(BACKUP);
  });

  it('the mark never lifts the screen for a way to find someone', async () => {
    const file = edited([['Aunt K has K while the team meets', 'Aunt K has K at 4 Elm Road while the team meets']]);
    const r = await agreement(file, 'mum');
    expect(r.stdout).toMatch(/## If the goals are not met\s+Withheld from this copy\./);
    expect(r.stdout).not.toContain('Elm Road');
  });

  it('a mark is a recorded decision: without who made it and when, check rejects it', async () => {
    const file = edited([['with: [mum, dad], by: "SW K.L.", date: 2026-10-02 }', 'with: [mum, dad] }']]);
    const r = await reunify(['check', file, '--as-of', '2026-11-01']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/error\s+"by" is required\s+schema/);
    expect(r.stdout).toMatch(/error\s+"date" is required\s+schema/);
  });
});

describe('a ref that itself holds a postcode, an address or a name', () => {
  const text = (rc: ReportCase, type: ReportType, reader: string) => {
    const o = render(rc, type, 'md', { reader });
    return o.ok ? o.text : '';
  };
  it('is printed as "Withheld from this copy" wherever a copy would print it, entities and all', () => {
    const { rc } = editedC003([
      ['ref: "Mrs L"', 'ref: "Mrs L of LS2&#32;7QT"'],
      ['relation: mother, pr: true,', 'relation: mother, also_known_as: [Kerry], pr: true,'],
      ['social_worker: "SW K.S."', 'social_worker: "SW K.S. (Kerry\'s cousin)"'],
    ]);
    const gran = text(rc, 'transition', 'gran');
    const child = text(rc, 'transition', 'child');
    const mum = text(rc, 'transition', 'mum');
    for (const [who, copy] of [
      ['gran', gran],
      ['child', child],
      ['mum', mum],
    ] as const) {
      expect(copy, who).not.toMatch(/LS2|7QT|Kerry/);
      expect(copy, who).toContain('Withheld from this copy');
    }
    expect(gran).toContain('prepared for Withheld from this copy on');
    expect(child).toContain('Withheld from this copy is your safe adult.');
    expect(mum).toContain('Social worker: Withheld from this copy');
    // the other refs are printed as ever
    expect(mum).toContain('prepared for Ms K on');
  });
});

describe("text in someone else's record marked for the reader is about that person, named or not", () => {
  it('"Moved to Harrogate last week" in the partner\'s goal marked for the grandmother names no one and has no pronoun, and is still withheld from her; the partner reads it', () => {
    const { rc } = editedC003([
      ['comment: "XQSHAREG05 on time"', 'comment: "XQSHAREG05 Moved to Harrogate last week"'],
      ['"XQSHAREG02 Tuesday runs"', '"XQSHAREG02 Tuesday runs unless unwell"'],
    ]);
    const copy = (reader: string) => {
      const o = render(rc, 'agreement', 'md', { reader });
      return o.ok ? o.text : '';
    };
    const gran = copy('gran');
    expect(gran).toContain('XQSHAREG01 school runs with the grandmother');
    expect(gran).toContain('1 April 2026: On track. The comment is withheld from this copy.');
    expect(gran).not.toMatch(/XQSHAREG05|XQSHAREG02|Harrogate/);
    const partner = copy('partner');
    expect(partner).toContain('XQSHAREG05 Moved to Harrogate last week');
    expect(partner).toContain('XQSHAREG02 Tuesday runs unless unwell');
  });
});
