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

/** The last `days` days, each a stack of successes (below) and failures (above). */
export function dailyChart(runs, days, now = new Date()) {
  const keys = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i);
    keys.push(dayKey(d));
  }
  const counts = new Map(keys.map((k) => [k, {ok: 0, bad: 0}]));
  for (const r of runs) {
    const c = counts.get(dayKey(new Date(r.run_time)));
    if (!c) continue;
    if (r.status === 'success') c.ok++;
    else if (FAILURES.has(r.status)) c.bad++;
  }
  const w = 600;
  const hgt = 140;
  const foot = 14;
  const max = Math.max(1, ...[...counts.values()].map((c) => c.ok + c.bad));
  const bar = w / days;
  const scale = (hgt - foot - 12) / max;
  const svg = s('svg', {class: 'chart', viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': t('chart.daily')});
  svg.append(s('text', {class: 'axis', x: 0, y: 10, text: String(max)}));
  keys.forEach((k, i) => {
    const c = counts.get(k);
    const x = i * bar + 2;
    const okH = c.ok * scale;
    const badH = c.bad * scale;
    const tip = s('title', {text: `${k}: ${t('chart.okBad', {ok: c.ok, bad: c.bad})}`});
    const g = s('g', {}, tip);
    if (c.ok) g.append(s('rect', {class: 'ok', x, y: hgt - foot - okH, width: bar - 4, height: okH}));
    if (c.bad) g.append(s('rect', {class: 'bad', x, y: hgt - foot - okH - badH, width: bar - 4, height: badH}));
    svg.append(g);
    if (i % Math.ceil(days / 7) === 0) svg.append(s('text', {class: 'axis', x, y: hgt - 2, text: k.slice(5)}));
  });
  return svg;
}

function dayKey(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
