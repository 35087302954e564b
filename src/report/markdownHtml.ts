// Inline Markdown of a case body (emphasis, strong, code, links) as HTML, for the
// HTML products. markdown-it is the maintained CommonMark renderer; with
// `html: false` any raw HTML in a body (a <script>, a <div>) is shown as text, never
// passed through as markup, and it escapes every other character itself. Images are
// off (a record that fetched a picture from the network when opened would tell a
// stranger it had been read), and so is turning bare addresses into links. The
// block structure (paragraphs, lists, tables) comes from bodyText.ts, so the
// templates lay a body out as they always have.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).disable(['image']);

/** One paragraph, list item, heading or table cell of a body, as inline HTML (safe to insert unescaped). */
export function inlineMarkdownHtml(text: string): string {
  return md.renderInline(text);
}
