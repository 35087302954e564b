// Text for HTML content and attribute values: the five characters that can change
// markup, as entities. Handlebars templates escape on their own; this is for HTML
// built in code (the caseload view, the genogram's SVG, the command reference).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
