// The `## Heading` sections of a case body, as check, task, supervision and the
// reports read them.

const CR = 13;
const HASH = 35; // #

/**
 * `## Heading` sections of a markdown body, in order (headings inside ``` or ~~~ fences
 * do not count). HTML comments are left out of the content: they are prompts for the
 * writer (`reunify new` puts one under each heading), not part of the record, so a
 * section holding only its prompt is empty.
 */
export function bodySections(body: string): { heading: string; content: string }[] {
  const sections: { heading: string; content: string }[] = [];
  let current: { heading: string; from: number } | undefined;
  const close = (to: number) => {
    if (!current) return;
    const text = body.slice(current.from, to);
    const lines = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
    sections.push({ heading: current.heading, content: (lines.includes('<!--') ? withoutComments(lines) : lines).trim() });
  };
  let fence = false;
  // line by line, looking closer only at lines that could open a fence or a heading
  for (let from = 0; from <= body.length;) {
    let next = body.indexOf('\n', from);
    if (next === -1) next = body.length;
    const c = body.charCodeAt(from);
    if ((c === 96 || c === 126) && /^(```|~~~)/.test(body.slice(from, from + 3))) fence = !fence;
    else if (c === HASH && !fence) {
      const line = body.slice(from, next > from && body.charCodeAt(next - 1) === CR ? next - 1 : next);
      const m = /^##\s+(.+?)\s*#*\s*$/.exec(line);
      if (m && !line.startsWith('###')) {
        close(from);
        current = { heading: m[1]!, from: next + 1 }; // group 1 is not optional
      }
    }
    from = next + 1;
  }
  close(body.length);
  return sections;
}

/** Markdown text without its `<!-- … -->` comments, except inside ``` or ~~~ fences. */
function withoutComments(text: string): string {
  const out: string[] = [];
  let fence = false;
  let comment = false;
  for (const line of text.split('\n')) {
    if (!comment && /^(```|~~~)/.test(line)) fence = !fence;
    if (fence || (!comment && !line.includes('<!--'))) {
      out.push(line);
      continue;
    }
    let kept = '';
    let rest = line;
    while (rest !== '') {
      if (comment) {
        const end = rest.indexOf('-->');
        rest = end === -1 ? '' : rest.slice(end + 3);
        comment = end === -1;
      } else {
        const start = rest.indexOf('<!--');
        kept += start === -1 ? rest : rest.slice(0, start);
        rest = start === -1 ? '' : rest.slice(start + 4);
        comment = start !== -1;
      }
    }
    out.push(kept);
  }
  return out.join('\n');
}
