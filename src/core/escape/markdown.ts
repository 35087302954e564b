// Escaping case text for Markdown output. Case text is data: it may contain
// characters that would change a report's structure (a `#` heading, a `|` that
// splits a table cell, `[x](y)` links, raw HTML), so each is backslash-escaped or
// turned into an entity. HTML output relies on Handlebars' own escaping instead.

/** Characters that are markdown syntax anywhere in a line (`(` only where it would follow `]` in a link). */
const INLINE = /[\\`|[\]<]|(?<=\])\(/g;

/**
 * Escape one piece of case text so that it reads the same but cannot start a
 * heading, list, quote, table cell, link, code span or HTML. Line breaks become
 * spaces: a value always stays inside the line (or table cell) it was put in.
 */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/\s*\r?\n\s*/g, ' ').replace(/^\s+/, '');
  out = out.replace(INLINE, (c) => (c === '<' ? '&lt;' : `\\${c}`));
  // `javascript:` and friends can never become a link target
  out = out.replace(/\b(java\s*script|vb\s*script|data)(\s*):/gi, '$1$2\\:');
  // what would start a heading, list, quote, fence, setext underline or numbered list at the start of a line
  out = out.replace(/^([#>+*=~_-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return out;
}

/** Keys of a view model whose values are built by the report code itself, never escaped again. */
export const PRE_RENDERED_KEYS: ReadonlySet<string> = new Set(['genogram']);

/** A copy of a view model with every string escaped for Markdown (numbers, booleans and pre-rendered parts untouched). */
export function escapeViewForMarkdown<T>(view: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return escapeMarkdown(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        Object.defineProperty(out, key, { value: PRE_RENDERED_KEYS.has(key) ? v : walk(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };
  return walk(view) as T;
}
