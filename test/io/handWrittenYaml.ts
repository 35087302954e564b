// Front matters as people write nested lists and maps by hand, for the property tests of
// the fast path: indent widths of 2-4, compact (`- k: v`) and indentless (`key:` then `- x`
// at the key's column) lists, empty items and values, comment lines and comments after values.
import fc from 'fast-check';

export type Tree = string | { list: Tree[] } | { map: [string, Tree][] };

/** Block YAML for a tree as people indent it by hand: `choose` picks widths, compact items, indentless lists and comment lines. */
export function blockYaml(tree: { map: [string, Tree][] }, choose: () => number): string {
  const width = [2, 2, 3, 4][choose() % 4]!;
  const pad = (n: number) => ' '.repeat(n);
  const inline = (v: string) => (v === '' ? ['', ' ', ' # none'][choose() % 3]! : ' ' + v);
  const lines: string[] = [];
  const comment = (at: number) => {
    if (choose() % 8 === 0) lines.push(pad(at) + '# note');
  };
  const write = (node: Tree, at: number, lead: string): void => {
    // lead is `key:` or `-` (already indented), to be followed by the node
    if (typeof node === 'string') {
      lines.push(lead + inline(node));
    } else if ('list' in node) {
      lines.push(lead);
      const itemsAt = lead.trimStart().endsWith(':') && choose() % 3 === 0 ? at : at + width; // an indentless list under a key
      for (const item of node.list) {
        comment(itemsAt);
        write(item, itemsAt + width, pad(itemsAt) + '-');
      }
    } else {
      const compact = lead.trimStart() === '-' && choose() % 2 === 0;
      if (!compact) lines.push(lead);
      node.map.forEach(([k, v], i) => {
        const keyAt = compact ? lead.length + 1 : at;
        if (!compact || i > 0) comment(keyAt);
        write(v, keyAt + width, compact && i === 0 ? lead + ' ' + k + ':' : pad(keyAt) + k + ':');
      });
    }
  };
  for (const [k, v] of tree.map) write(v, width, k + ':');
  return lines.join('\n') + '\n';
}

const { node } = fc.letrec<{ node: Tree; list: Tree; map: { map: [string, Tree][] } }>((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'tree' }, fc.constantFrom('x', '1', '~', '', '"q"', 'x # c', '[a, b]', '{k: v}'), tie('list'), tie('map')),
  list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((list) => ({ list })),
  map: fc
    .uniqueArray(fc.tuple(fc.constantFrom('k', 'j', '"q"', 'a b'), tie('node')), { selector: ([k]) => k.replace(/"/g, ''), minLength: 1, maxLength: 3 })
    .map((map) => ({ map })),
}));

/** A whole front matter: a few top-level keys, each with a tree, laid out by a seeded choice of styles. */
export const handWrittenYaml = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), node), { minLength: 1, maxLength: 3 }), fc.nat())
  .map(([entries, seed]) => {
    let state = seed;
    // the high bits of a linear congruential step (its low bits repeat in short cycles)
    const choose = () => (state = (state * 1103515245 + 12345) % 2147483648) >>> 12;
    return blockYaml({ map: [...new Map(entries)] }, choose);
  });
