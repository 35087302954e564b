// The status view as one self-contained HTML page: inline CSS only, no scripts,
// no fonts, images or links to fetch, every piece of text escaped. It can be
// opened offline, printed, or attached to an email as it is.
import { cssString } from '../core/escape/css.js';
import { escapeHtml } from '../core/escape/html.js';
import type { StatusLayout } from './statusSections.js';
import type { Level } from '../core/model/ids.js';
import type { StatusCharts } from '../core/status/statusCharts.js';
import { chartsHtml } from './statusCharts.js';

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .3rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
p.sub { color: #444; margin: .2rem 0; }
p.marking { font-weight: bold; letter-spacing: .04em; margin: 0 0 .5rem; }
p.note { color: #555; font-style: italic; margin: .2rem 0 .6rem; }
table { border-collapse: collapse; min-width: 26rem; }
td, th { padding: .2rem .7rem; border-bottom: 1px solid #e3e3e3; text-align: left; }
td.v { text-align: right; font-variant-numeric: tabular-nums; }
tr.flag td.v { font-weight: bold; color: #8a4b00; }
tr.low td { color: #1d6b2f; } tr.medium td { color: #8a6d00; } tr.high td { color: #a1221b; } tr.very_high td { color: #6d1570; font-weight: bold; }
ul.cases { margin: .5rem 0; padding-left: 1.2rem; }
ul.cases b { font-family: ui-monospace, Consolas, monospace; }
section.charts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: flex-start; }
section.charts h2 { flex-basis: 100%; }
figure.chart { margin: .3rem 0 .8rem; }
figure.chart svg { max-width: 100%; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
figure.chart figcaption { color: #444; font-size: .85rem; max-width: 32rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, ul.cases, figure.chart { break-inside: avoid; } svg rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

/** A4 with the marking at the top and bottom of every printed page, as on every written product. */
function pageStyle(layout: StatusLayout): string {
  const marking = layout.marking.trim() !== '' ? cssString(layout.marking) : undefined;
  return [
    '@page {',
    '  size: A4;',
    '  margin: 20mm 16mm 18mm 16mm;',
    ...(marking
      ? [`  @top-center { content: ${marking}; font: bold 9pt sans-serif; }`, `  @bottom-center { content: ${marking}; font: bold 9pt sans-serif; }`]
      : []),
    `  @top-right { content: ${cssString(layout.title)}; font: 9pt sans-serif; color: #4a4a4a; }`,
    '  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; color: #4a4a4a; }',
    '}',
  ].join('\n');
}

/** The page; `charts` (left out of a shared view, whose small counts are hidden) are drawn after the attention list. */
export function formatStatusHtml(layout: StatusLayout, charts?: { data: StatusCharts; levels: Record<Level, string> }): string {
  const e = escapeHtml;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(layout.title)}</title>`,
    `<style>\n${pageStyle(layout)}${STYLE}</style>`,
    '</head>',
    '<body>',
    ...(layout.marking.trim() !== '' ? [`<p class="marking">${e(layout.marking)}</p>`] : []),
    `<h1>${e(layout.title)}</h1>`,
    ...layout.subtitle.map((s) => `<p class="sub">${e(s)}</p>`),
  ];
  // the attention list first; then what a manager would rather look at than read
  let drawn = charts === undefined;
  const drawCharts = () => {
    if (!drawn && charts) out.push(...chartsHtml(charts.data, charts.levels));
    drawn = true;
  };
  for (const section of layout.sections) {
    if (section.id !== 'attention') drawCharts();
    out.push(`<section id="${e(section.id)}">`, `<h2>${e(section.title)}</h2>`);
    if (section.note) out.push(`<p class="note">${e(section.note)}</p>`);
    if (section.rows.length > 0) {
      out.push('<table>', '<thead><tr><th>Measure</th><th>Value</th></tr></thead>', '<tbody>');
      for (const r of section.rows) {
        const cls = [r.level ?? '', r.flag ? 'flag' : ''].filter(Boolean).join(' ');
        out.push(`<tr${cls ? ` class="${cls}"` : ''}><td>${e(r.label)}</td><td class="v">${e(r.value)}</td></tr>`);
      }
      out.push('</tbody>', '</table>');
    }
    if (section.exceptions && section.exceptions.length > 0) {
      out.push('<ul class="cases">');
      for (const x of section.exceptions) out.push(`<li><b>${e(x.id)}</b>: ${e(x.detail)}</li>`);
      out.push('</ul>');
    }
    out.push('</section>');
  }
  drawCharts();
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
