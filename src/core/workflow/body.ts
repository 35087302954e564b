// The markdown body's `## ` sections, for tasks whose record is narrative (the case
// history, the child's views): find a section, tell whether it holds more than the
// template's prompts, and add text at its end without touching any other byte.
import { headingIs } from '../parse/sectionHeadings.js';

export interface SectionText {
  /** Headings the text may go under, the first being the one created when none exists. */
  headings: readonly string[];
  text: string;
}

interface Heading {
  title: string;
  /** Offset of the heading line and of the line after it. */
  start: number;
  contentStart: number;
}

function headingsOf(body: string): Heading[] {
  const found: Heading[] = [];
  let fence = false;
  for (let at = 0; at < body.length;) {
    const nl = body.indexOf('\n', at);
    const next = nl === -1 ? body.length : nl + 1;
    const line = body.slice(at, next).replace(/\r?\n$/, '');
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (m && !line.startsWith('###')) found.push({ title: m[1]!, start: at, contentStart: next }); // group 1 is not optional
    at = next;
  }
  return found;
}

function findSection(body: string, headings: readonly string[]): { content: string; contentStart: number; end: number } | undefined {
  const all = headingsOf(body);
  const i = all.findIndex((h) => headingIs(h.title, headings));
  const heading = all[i];
  if (heading === undefined) return undefined;
  const end = all[i + 1]?.start ?? body.length;
  return { content: body.slice(heading.contentStart, end), contentStart: heading.contentStart, end };
}

/** The section holds something beyond HTML comments (the template's prompts) and blank lines. */
export function sectionHasContent(body: string, headings: readonly string[]): boolean {
  const section = findSection(body, headings);
  return section !== undefined && section.content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
}

/** Add `text` at the end of the first matching section (before the blank lines that close it), or as a new section at the end. */
export function appendToSection(body: string, section: SectionText, eol: '\n' | '\r\n'): string {
  const text = section.text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n').join(eol);
  if (text === '') return body;
  const found = findSection(body, section.headings);
  if (!found) {
    const lead = body === '' || body.endsWith('\n') ? '' : eol;
    const gap = body.trim() === '' ? '' : eol;
    return `${body}${lead}${gap}## ${section.headings[0]}${eol}${eol}${text}${eol}`;
  }
  const trimmed = found.content.replace(/\s+$/, '');
  if (trimmed === '') {
    // an empty section: the text goes straight under the heading, after one blank line
    const at = found.contentStart;
    const headingEnded = at > 0 && body[at - 1] === '\n';
    return body.slice(0, at) + (headingEnded ? '' : eol) + eol + text + eol + body.slice(at);
  }
  // after the section's last non-blank line, as a new paragraph; the blank lines before the next heading stay
  const at = found.contentStart + trimmed.length;
  const lineEnd = body.startsWith(eol, at) ? eol.length : body.startsWith('\n', at) ? 1 : 0;
  const insert = (lineEnd ? '' : eol) + eol + text + eol;
  return body.slice(0, at + lineEnd) + insert + body.slice(at + lineEnd);
}
