// Small inline SVG charts for the HTML caseload view: no script, nothing to fetch, every
// piece of text escaped; each chart carries its numbers as text too (a title and labels),
// so it reads the same printed in black and white and to a screen reader.
import { escapeHtml } from '../core/escape/html.js';
import { LEVELS, type Level } from '../core/model/ids.js';
import type { ChartBar, StatusCharts } from '../core/status/statusCharts.js';
import { longDate } from './words.js';

const e = escapeHtml;
const LEVEL_FILL: Record<Level | 'none', string> = { low: '#4c9a5f', medium: '#d9b23a', high: '#c0483f', very_high: '#7b2a80', none: '#b8b8b8' };
const BAR_FILL = '#3b6ea5';

/** Horizontal bars, one a row, the count at the end of each. */
export function barChartSvg(bars: readonly ChartBar[], title: string): string {
  const labelWidth = Math.min(220, Math.max(80, 12 + 7 * Math.max(0, ...bars.map((b) => b.label.length))));
  const barSpace = 260;
  const row = 22;
  const height = Math.max(1, bars.length) * row + 8;
  const width = labelWidth + barSpace + 50;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const out = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(title)}">`,
    `<title>${e(title)}: ${e(bars.map((b) => `${b.label} ${b.value}`).join(', ') || 'none')}</title>`,
  ];
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const w = Math.round((b.value / max) * barSpace);
    out.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12">${e(b.label)}</text>`);
    if (w > 0) out.push(`<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" fill="${BAR_FILL}"/>`);
    out.push(`<text x="${labelWidth + w + 6}" y="${y + 15}" font-size="12">${b.value}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** One stacked column per date: open cases by latest level, with a key. */
export function riskOverTimeSvg(points: StatusCharts['risk_over_time'], labels: Record<Level, string>, title: string): string {
  const keys = [...LEVELS, 'none'] as const;
  const name = (k: Level | 'none') => (k === 'none' ? 'Not classified' : (labels[k] ?? k));
  const column = 58;
  const plot = 150;
  const left = 30;
  const top = 22;
  const width = left + points.length * column + 150;
  const height = top + plot + 40;
  const max = Math.max(1, ...points.map((p) => keys.reduce((n, k) => n + p.by_level[k], 0)));
  const described = points.map((p) => `${longDate(p.date)}: ${keys.map((k) => `${name(k)} ${p.by_level[k]}`).join(', ')}`).join('; ');
  const out = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(title)}">`,
    `<title>${e(title)}: ${e(described)}</title>`,
    `<line x1="${left}" y1="${top + plot}" x2="${left + points.length * column}" y2="${top + plot}" stroke="#666"/>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" font-size="11">${max}</text>`,
    `<text x="${left - 6}" y="${top + plot}" text-anchor="end" font-size="11">0</text>`,
  ];
  points.forEach((p, i) => {
    const x = left + i * column + 8;
    let y = top + plot;
    for (const k of keys) {
      const h = Math.round((p.by_level[k] / max) * plot);
      if (h <= 0) continue;
      y -= h;
      out.push(
        `<rect x="${x}" y="${y}" width="${column - 16}" height="${h}" fill="${LEVEL_FILL[k]}"><title>${e(`${name(k)}: ${p.by_level[k]}`)}</title></rect>`,
      );
    }
    const total = keys.reduce((n, k) => n + p.by_level[k], 0);
    out.push(`<text x="${x + (column - 16) / 2}" y="${y - 3}" text-anchor="middle" font-size="11">${total}</text>`);
    // "31 Oct" over "2026": short enough for a column
    const [day, month, year] = longDate(p.date).split(' ');
    out.push(
      `<text x="${x + (column - 16) / 2}" y="${top + plot + 14}" text-anchor="middle" font-size="10">${e(`${day} ${(month ?? '').slice(0, 3)}`)}</text>`,
    );
    out.push(`<text x="${x + (column - 16) / 2}" y="${top + plot + 26}" text-anchor="middle" font-size="10">${e(year ?? '')}</text>`);
  });
  keys.forEach((k, i) => {
    const x = left + points.length * column + 14;
    const y = top + 6 + i * 18;
    out.push(`<rect x="${x}" y="${y}" width="11" height="11" fill="${LEVEL_FILL[k]}"/>`);
    out.push(`<text x="${x + 16}" y="${y + 10}" font-size="11">${e(name(k))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** The charts section of the HTML view: four figures, each with a caption. */
export function chartsHtml(charts: StatusCharts, labels: Record<Level, string>): string[] {
  const figure = (svg: string, caption: string) => `<figure class="chart">${svg}<figcaption>${e(caption)}</figcaption></figure>`;
  const out = ['<section id="charts" class="charts">', '<h2>At a glance</h2>'];
  out.push(figure(barChartSvg(charts.by_stage, 'Open cases by stage'), 'Open cases by stage'));
  out.push(
    figure(
      riskOverTimeSvg(charts.risk_over_time, labels, 'Risk mix over time'),
      'Risk mix over time: open cases by their latest level at the end of each month, and today',
    ),
  );
  const waiting = charts.signoff_waits.reduce((n, b) => n + b.value, 0);
  out.push(
    waiting > 0
      ? figure(barChartSvg(charts.signoff_waits, 'Sign-off waiting times'), 'Sign-off waiting times: items waiting for a manager, by how long')
      : '<p class="note">Sign-off waiting times: nothing is waiting for sign-off.</p>',
  );
  out.push(
    charts.overdue_by_team.length > 0
      ? figure(barChartSvg(charts.overdue_by_team, 'Overdue work by team'), 'Overdue work by team: overdue tasks, reviews and visits, by team manager')
      : '<p class="note">Overdue work by team: no overdue tasks, reviews or visits.</p>',
  );
  out.push('</section>');
  return out;
}
