// The narrative sections of a case body, found by their `## ` heading with the names
// people give them: check, task, supervision and the reports find a section the same way.

/** The names each narrative section goes by; the first is the one written when a section is added. */
export const SECTION_HEADINGS = {
  caseHistory: ['Case history'],
  childViews: ["Child's views", 'Voice of the child'],
} as const satisfies Record<string, readonly string[]>;

const norm = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase().replace(/’/g, "'");

/**
 * The heading names one of `names`: it is the name, or the name followed by more words
 * ("Child's views and wishes"). Letter case, curly apostrophes and spacing do not matter.
 */
export function headingIs(heading: string, names: readonly string[]): boolean {
  const h = norm(heading);
  return names.some((name) => {
    const n = norm(name);
    return h === n || (h.startsWith(n) && !/[\p{L}\p{N}]/u.test(h.charAt(n.length)));
  });
}
