// The genogram drawn from `people`: a small pure layout in three generations
// (grandparents; parents and partners, aunts and uncles; the child and siblings),
// with carers and other adults in a row of their own. Drawn as Mermaid for
// Markdown and as inline SVG for HTML; neither needs a script or a network.
import type { Person } from '../core/model/caseTypes.js';
import { escapeHtml } from '../core/escape/html.js';
import { idWords } from './words.js';

export type Generation = 0 | 1 | 2 | 3;
export type Sex = 'female' | 'male' | 'unknown';
/** Which parent's side of the family, for ordering a row left (father's) to right (mother's). */
type Side = 0 | 1 | 2;

export interface GenogramNode {
  /** Person id, or `child` for the child the case is about. */
  id: string;
  ref: string;
  relation: string;
  generation: Generation;
  sex: Sex;
  pr: boolean;
  household: boolean;
  isChild: boolean;
  x: number;
  y: number;
}

export interface GenogramLine {
  kind: 'partners' | 'descent';
  points: [number, number][];
}

export interface Genogram {
  nodes: GenogramNode[];
  lines: GenogramLine[];
  width: number;
  height: number;
  /** The child lives with their household again (returned or placed with parents): the child is marked as in it. */
  childAtHome: boolean;
}

export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 52;
const GAP_X = 24;
const ROW_HEIGHT = 104;
const MARGIN = 16;

function generationOf(relation: string): Generation {
  const r = relation.toLowerCase();
  if (/grand(mother|father|parent|ma|pa)/.test(r)) return 0;
  if (/(^|_)(mother|father|parent|partner|step|aunt|uncle)/.test(r)) return 1;
  if (/(brother|sister|sibling|cousin|son|daughter)/.test(r)) return 2;
  return 3;
}

function sexOf(relation: string): Sex {
  const r = relation.toLowerCase();
  if (/partner/.test(r)) return 'unknown';
  if (/(mother|aunt|sister|daughter|grandma|wife)/.test(r)) return 'female';
  if (/(father|uncle|brother|son|grandpa|husband)/.test(r)) return 'male';
  return 'unknown';
}

function sideOf(relation: string): Side {
  const r = relation.toLowerCase();
  if (/paternal|^father|fathers_/.test(r)) return 0;
  if (/maternal|^mother|mothers_/.test(r)) return 2;
  return 1;
}

const isParent = (relation: string) => /^(mother|father|parent)$/.test(relation.toLowerCase());

/** Father's side on the left, mother's on the right, each parent nearest the middle with their partner beside them. */
function rowRank(n: { relation: string; isChild: boolean }): number {
  if (n.isChild) return 10;
  const side = sideOf(n.relation);
  const nearMiddle = isParent(n.relation) ? 2 : /partner|step/.test(n.relation) ? 1 : 0;
  return side === 0 ? nearMiddle : side === 2 ? 20 + (2 - nearMiddle) : 10;
}

/**
 * Lay out a case's people and the child. `childAtHome` marks the child in the
 * household (after a return, or placed with parents).
 */
export function layoutGenogram(child: { ref: string }, people: readonly Person[], childAtHome: boolean): Genogram {
  const placed: Omit<GenogramNode, 'x' | 'y'>[] = people.map((p) => ({
    id: p.id,
    ref: p.ref,
    relation: p.relation,
    generation: generationOf(p.relation),
    sex: sexOf(p.relation),
    pr: p.pr === true,
    household: p.household === true,
    isChild: false,
  }));
  // the child is marked in the household only beside someone known to live there
  const householdKnown = placed.some((n) => n.household);
  placed.push({
    id: 'child',
    ref: child.ref,
    relation: 'child',
    generation: 2,
    sex: 'unknown',
    pr: false,
    household: childAtHome && householdKnown,
    isChild: true,
  });

  // one row per generation (0 to 3)
  const rows: [Omit<GenogramNode, 'x' | 'y'>[], Omit<GenogramNode, 'x' | 'y'>[], Omit<GenogramNode, 'x' | 'y'>[], Omit<GenogramNode, 'x' | 'y'>[]] = [
    [],
    [],
    [],
    [],
  ];
  for (const n of placed) rows[n.generation].push(n);
  for (const row of rows) {
    const order = new Map(row.map((n, i) => [n, i]));
    row.sort((a, b) => rowRank(a) - rowRank(b) || order.get(a)! - order.get(b)!);
  }
  const used = rows.map((row, g) => ({ row, g })).filter(({ row }) => row.length > 0);
  const widest = Math.max(...used.map(({ row }) => row.length));
  const width = MARGIN * 2 + widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const nodes: GenogramNode[] = [];
  used.forEach(({ row }, r) => {
    const rowWidth = row.length * NODE_WIDTH + (row.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    row.forEach((n, i) => nodes.push({ ...n, x: left + i * (NODE_WIDTH + GAP_X), y: MARGIN + r * ROW_HEIGHT }));
  });
  const height = MARGIN * 2 + used.length * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT);
  return { nodes, lines: linesOf(nodes), width, height, childAtHome };
}

const mid = (n: GenogramNode): number => n.x + NODE_WIDTH / 2;

/** Partnership lines between parents (and a parent and their partner), descent lines to the children and from grandparents. */
function linesOf(nodes: GenogramNode[]): GenogramLine[] {
  const lines: GenogramLine[] = [];
  const parents = nodes.filter((n) => n.generation === 1 && isParent(n.relation));
  const children = nodes.filter((n) => n.generation === 2 && (n.isChild || /(brother|sister|sibling)/.test(n.relation)));
  const couple = (a: GenogramNode, b: GenogramNode) => {
    const [l, r] = a.x < b.x ? [a, b] : [b, a];
    const y = l.y + NODE_HEIGHT / 2;
    lines.push({
      kind: 'partners',
      points: [
        [l.x + NODE_WIDTH, y],
        [r.x, y],
      ],
    });
    return (l.x + NODE_WIDTH + r.x) / 2;
  };
  const descend = (fromX: number, fromY: number, to: GenogramNode[]) => {
    const first = to[0];
    if (first === undefined) return;
    const barY = first.y - (ROW_HEIGHT - NODE_HEIGHT) / 2;
    const xs = to.map(mid);
    lines.push({
      kind: 'descent',
      points: [
        [fromX, fromY],
        [fromX, barY],
      ],
    });
    lines.push({
      kind: 'descent',
      points: [
        [Math.min(fromX, ...xs), barY],
        [Math.max(fromX, ...xs), barY],
      ],
    });
    for (const x of xs)
      lines.push({
        kind: 'descent',
        points: [
          [x, barY],
          [x, first.y],
        ],
      });
  };
  const [firstParent, secondParent] = parents;
  if (firstParent && secondParent) {
    const x = couple(firstParent, secondParent);
    descend(x, firstParent.y + NODE_HEIGHT / 2, children);
  } else if (firstParent) {
    descend(mid(firstParent), firstParent.y + NODE_HEIGHT, children);
  }
  for (const parent of parents) {
    const partner = nodes.find((n) => n.generation === 1 && /partner|step/.test(n.relation) && sideOf(n.relation) === sideOf(parent.relation));
    if (partner) couple(parent, partner);
    const side = sideOf(parent.relation);
    const grandparents = nodes.filter((n) => n.generation === 0 && sideOf(n.relation) === side);
    const [first, second] = grandparents;
    if (first && second) descend(couple(first, second), first.y + NODE_HEIGHT / 2, [parent]);
    else if (first) descend(mid(first), first.y + NODE_HEIGHT, [parent]);
  }
  return lines;
}

// ---------------------------------------------------------------- drawing

const words = (id: string) => idWords(id).toLowerCase();

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

const xml = escapeHtml;

function subtitle(n: GenogramNode): string {
  const marks = [n.isChild ? 'the child' : words(n.relation), n.pr ? 'PR' : ''].filter(Boolean);
  return marks.join(' · ');
}

/** What the shapes and marks mean, printed under either drawing. */
export const GENOGRAM_KEY =
  'Square: male · circle: female · rounded box: not stated · double border: the child · shaded (or boxed as Household): lives in the family home the child lives in or would return to · PR: parental responsibility · dashed: not family';

/** Inline SVG: squares for males, circles for females, rounded boxes where the relation does not say; the child double-bordered; household shaded. */
export function genogramSvg(g: Genogram, title: string): string {
  const out: string[] = [];
  out.push(`<svg class="genogram" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${xml(title)}">`);
  out.push(`<title>${xml(title)}</title>`);
  for (const line of g.lines) {
    out.push(
      `<polyline class="${line.kind}" points="${line.points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="#000" stroke-width="${line.kind === 'partners' ? 2 : 1.2}"/>`,
    );
  }
  for (const n of g.nodes) {
    const fill = n.household ? '#d9d9d9' : '#fff';
    const rx = n.sex === 'female' ? NODE_HEIGHT / 2 : n.sex === 'male' ? 0 : 10;
    const dash = n.generation === 3 ? ' stroke-dasharray="4 3"' : '';
    out.push(`<g class="person${n.household ? ' household' : ''}${n.pr ? ' pr' : ''}${n.isChild ? ' child' : ''}" data-person="${xml(n.id)}">`);
    out.push(`<rect x="${n.x}" y="${n.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${rx}" fill="${fill}" stroke="#000" stroke-width="1.5"${dash}/>`);
    if (n.isChild)
      out.push(
        `<rect x="${n.x + 4}" y="${n.y + 4}" width="${NODE_WIDTH - 8}" height="${NODE_HEIGHT - 8}" rx="${Math.max(rx - 4, 0)}" fill="none" stroke="#000" stroke-width="1"/>`,
      );
    out.push(`<text x="${n.x + NODE_WIDTH / 2}" y="${n.y + 22}" text-anchor="middle" font-size="12" font-weight="bold">${xml(shorten(n.ref, 20))}</text>`);
    out.push(`<text x="${n.x + NODE_WIDTH / 2}" y="${n.y + 38}" text-anchor="middle" font-size="10">${xml(shorten(subtitle(n), 26))}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Mermaid node text: no quotes, backticks or markup that could leave the label or the code fence. */
function mermaidLabel(text: string): string {
  return (
    text
      .replace(/[`"<>#&\\[\]{}|]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '?'
  );
}

/** Mermaid flowchart: household members boxed in a subgraph, partnerships as plain lines, descent as arrows. */
export function genogramMermaid(g: Genogram): string {
  const idOf = new Map(g.nodes.map((n, i) => [n, `p${i}`]));
  const node = (n: GenogramNode) => {
    const label = `${mermaidLabel(n.ref)}<br/>${mermaidLabel(subtitle(n))}`;
    const id = idOf.get(n)!;
    if (n.isChild) return `${id}[["${label}"]]`;
    return n.sex === 'female' ? `${id}(["${label}"])` : n.sex === 'male' ? `${id}["${label}"]` : `${id}("${label}")`;
  };
  const out = ['flowchart TB'];
  const household = g.nodes.filter((n) => n.household);
  if (household.length > 0) {
    out.push('  subgraph household["Household"]');
    for (const n of household) out.push(`    ${node(n)}`);
    out.push('  end');
  }
  for (const n of g.nodes.filter((n) => !n.household)) out.push(`  ${node(n)}`);
  const byId = (n: GenogramNode) => idOf.get(n)!;
  const parents = g.nodes.filter((n) => n.generation === 1 && isParent(n.relation));
  const children = g.nodes.filter((n) => n.generation === 2 && (n.isChild || /(brother|sister|sibling)/.test(n.relation)));
  const [firstParent, secondParent] = parents;
  if (firstParent && secondParent) out.push(`  ${byId(firstParent)} --- ${byId(secondParent)}`);
  for (const p of parents) {
    for (const c of children) out.push(`  ${byId(p)} --> ${byId(c)}`);
    const partner = g.nodes.find((n) => n.generation === 1 && /partner|step/.test(n.relation) && sideOf(n.relation) === sideOf(p.relation));
    if (partner) out.push(`  ${byId(p)} --- ${byId(partner)}`);
    for (const gp of g.nodes.filter((n) => n.generation === 0 && sideOf(n.relation) === sideOf(p.relation))) out.push(`  ${byId(gp)} --> ${byId(p)}`);
  }
  const others = g.nodes.filter((n) => n.generation === 3);
  if (others.length > 0) out.push(`  classDef network stroke-dasharray: 4 3`, `  class ${others.map(byId).join(',')} network`);
  return out.join('\n');
}
