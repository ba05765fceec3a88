// The charts, drawn as inline SVG from DOM calls: no library, nothing fetched, colours from the
// stylesheet (classes ok/bad/other) so dark mode applies to them too.
import {s} from './dom.js';
import {t, statusText, duration, dateTime} from './i18n.js';

const FAILURES = new Set(['business_failure', 'technical_failure', 'timeout', 'crashed']);

export function tone(status) {
  if (status === 'success') return 'ok';
  if (FAILURES.has(status)) return 'bad';
  if (status === 'running') return 'run';
  return 'other';
}

/** Recent runs oldest first, bar height by duration, colour by outcome. */
export function sparkline(runs, label) {
  const w = 100;
  const hgt = 24;
  const list = runs.slice(0, 20).reverse();
  const max = Math.max(1, ...list.map((r) => r.duration || 0));
  const bar = w / 20;
  const svg = s('svg', {class: 'spark', viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', 'aria-label': label});
  list.forEach((r, i) => {
    const height = Math.max(3, ((r.duration || 0) / max) * (hgt - 2));
    svg.append(s('rect', {class: tone(r.status), x: i * bar + 0.5, y: hgt - height, width: bar - 1, height},
      s('title', {text: `#${r.id} ${statusText(r.status)} ${duration(r.duration)}`})));
  });
  return svg;
}

/** Durations of the last runs, oldest first, with the longest one's value on the axis. */
export function durationChart(runs) {
  const w = 600;
  const hgt = 140;
  const pad = 18;
  const list = runs.slice(0, 60).reverse();
  const max = Math.max(1, ...list.map((r) => r.duration || 0));
  const bar = (w - pad) / Math.max(list.length, 1);
  const svg = s('svg', {class: 'chart', viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': t('chart.durations')});
  svg.append(s('text', {class: 'axis', x: 0, y: 10, text: duration(max)}));
  svg.append(s('line', {class: 'grid', x1: pad, x2: w, y1: pad, y2: pad}));
  svg.append(s('line', {class: 'grid', x1: pad, x2: w, y1: hgt - 1, y2: hgt - 1}));
  list.forEach((r, i) => {
    const height = Math.max(2, ((r.duration || 0) / max) * (hgt - pad - 2));
    svg.append(s('rect', {class: tone(r.status), x: pad + i * bar + 1, y: hgt - 1 - height, width: Math.max(bar - 2, 1), height},
      s('title', {text: `#${r.id} ${dateTime(r.run_time)} ${statusText(r.status)} ${duration(r.duration)}`})));
  });
  if (!list.length) svg.append(s('text', {class: 'axis', x: w / 2, y: hgt / 2, 'text-anchor': 'middle', text: t('chart.none')}));
  return svg;
}

/** The days the server counted, oldest first, each a stack of successes (below) and failures (above). */
export function dailyChart(daily) {
  const days = Math.max(daily.length, 1);
  const w = 600;
  const hgt = 140;
  const foot = 14;
  const max = Math.max(1, ...daily.map((d) => d.successes + d.failures));
  const bar = w / days;
  const scale = (hgt - foot - 12) / max;
  const svg = s('svg', {class: 'chart', viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': t('chart.daily')});
  svg.append(s('text', {class: 'axis', x: 0, y: 10, text: String(max)}));
  daily.forEach((d, i) => {
    const x = i * bar + 2;
    const okH = d.successes * scale;
    const badH = d.failures * scale;
    const g = s('g', {}, s('title', {text: `${d.date}: ${t('chart.okBad', {ok: d.successes, bad: d.failures})}`}));
    if (d.successes) g.append(s('rect', {class: 'ok', x, y: hgt - foot - okH, width: bar - 4, height: okH}));
    if (d.failures) g.append(s('rect', {class: 'bad', x, y: hgt - foot - okH - badH, width: bar - 4, height: badH}));
    svg.append(g);
    if (i % Math.ceil(days / 7) === 0) svg.append(s('text', {class: 'axis', x, y: hgt - 2, text: d.date.slice(5)}));
  });
  if (!daily.length) svg.append(s('text', {class: 'axis', x: w / 2, y: hgt / 2, 'text-anchor': 'middle', text: t('chart.noneDays')}));
  return svg;
}
