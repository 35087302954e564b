// A whole case file as text from front matter and body, for files reunify creates
// (training packs, redacted copies). Stable: the same data gives the same bytes.
// Edits to existing files go through src/io/writeCase.ts instead, which keeps
// every untouched byte.
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';

/** A collection is written on one line when it holds only scalars (or such one-line maps) and is this short. */
const FLOW_WIDTH = 200;

const YAML_OPTIONS = { version: '1.2', lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: true } as const;

function flowWidth(node: Node | null | undefined): number | undefined {
  if (node == null) return 4;
  if (isScalar(node)) return JSON.stringify(node.value ?? null).length;
  if (isMap(node) && node.flow)
    return node.items.reduce((n, p) => n + String((p.key as { value?: unknown })?.value ?? '').length + 2 + (flowWidth(p.value as Node) ?? 999), 4);
  return undefined;
}

/** Front matter as YAML text, small records on one line. */
export function frontMatterText(data: object): string {
  const doc = new Document(data, YAML_OPTIONS);
  // children first, so a map knows whether its values fit on one line
  const decide = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) decide(pair.value);
      const widths = node.items.map((p) => (isSeq(p.value) ? undefined : flowWidth(p.value as Node)));
      const total = widths.reduce<number | undefined>(
        (n, w, i) => (n === undefined || w === undefined ? undefined : n + w + String((node.items[i]?.key as { value?: unknown })?.value ?? '').length + 2),
        4,
      );
      node.flow = total !== undefined && total <= FLOW_WIDTH && node.items.length > 0;
    } else if (isSeq(node)) {
      for (const item of node.items) decide(item);
      const scalars = node.items.every((i) => isScalar(i));
      const total = scalars ? node.items.reduce<number>((n, i) => n + (flowWidth(i as Node) ?? 0) + 2, 4) : Infinity;
      node.flow = scalars && total <= 120 && node.items.length > 0;
    }
  };
  const root = doc.contents;
  if (isMap(root)) for (const pair of root.items) decide(pair.value);
  return doc.toString(YAML_OPTIONS);
}

/** `---`, the front matter, `---`, then the markdown body. */
export function caseFileText(data: object, body: string): string {
  return `---\n${frontMatterText(data)}---\n${body}`;
}
