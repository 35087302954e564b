// A `##` section of a case body, read as plain blocks (paragraphs, lists, tables,
// sub-headings) so that reports lay it out themselves and escape every word: the
// body is data, never passed through as markup.

export interface TextBlock {
  isParagraph: boolean;
  isHeading: boolean;
  isList: boolean;
  isTable: boolean;
  /** Paragraph or heading text; '' for lists and tables. */
  text: string;
  items: string[];
  header: string[];
  rows: string[][];
}

function block(kind: 'paragraph' | 'heading' | 'list' | 'table', fields: Partial<TextBlock>): TextBlock {
  return {
    isParagraph: kind === 'paragraph',
    isHeading: kind === 'heading',
    isList: kind === 'list',
    isTable: kind === 'table',
    text: '',
    items: [],
    header: [],
    rows: [],
    ...fields,
  };
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s{0,3}\|/;
const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Cells of a `| a | b |` row; `\|` stays inside its cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

export function textBlocks(section: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lines = section.split(/\r?\n/);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    if (line.trim() === '' || /^\s*(```|~~~)/.test(line)) {
      i++;
    } else if (TABLE_ROW.test(line)) {
      const tableLines: string[] = [];
      for (let next = lines[i]; next !== undefined && TABLE_ROW.test(next); next = lines[++i]) tableLines.push(next);
      const body = tableLines.filter((l) => !SEPARATOR_ROW.test(l)).map(cells);
      // a table always has a header row in reports: without a separator line, the first row is it
      const header = body[0] ?? [];
      // every row as wide as the header: extra cells join the last one, missing ones are blank
      const rows = body.slice(1).map((r) => {
        const fitted = r.length > header.length && header.length > 0 ? [...r.slice(0, header.length - 1), r.slice(header.length - 1).join(' | ')] : r;
        return Array.from({ length: Math.max(header.length, 1) }, (_, c) => fitted[c] ?? '');
      });
      blocks.push(block('table', { header, rows }));
    } else if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      for (let next = lines[i]; next !== undefined && next.trim() !== '' && !TABLE_ROW.test(next); next = lines[++i]) {
        const m = LIST_ITEM.exec(next);
        // LIST_ITEM's group 1 is not optional; the first line is an item, so a following line always has one to join.
        if (m) items.push(m[1]!.trim());
        else items[items.length - 1] += ' ' + next.trim();
      }
      blocks.push(block('list', { items }));
    } else if (/^\s{0,3}#{1,6}\s/.test(line)) {
      blocks.push(block('heading', { text: line.replace(/^\s*#+\s*/, '').replace(/\s*#*\s*$/, '') }));
      i++;
    } else {
      const para: string[] = [];
      for (
        let next = lines[i];
        next !== undefined && next.trim() !== '' && !TABLE_ROW.test(next) && !LIST_ITEM.test(next) && !/^\s{0,3}#{1,6}\s/.test(next);
        next = lines[++i]
      ) {
        para.push(next.trim());
      }
      blocks.push(block('paragraph', { text: para.join(' ') }));
    }
  }
  return blocks;
}
