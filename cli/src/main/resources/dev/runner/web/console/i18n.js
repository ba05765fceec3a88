// Every string the console shows, per language, and the ways it formats times and durations.
// The language is the one kept in localStorage, else the browser's; a key missing from a
// dictionary is recorded in window.runnerMissing (the browser test checks it stays empty).
import {en} from './lang-en.js';
import {zh} from './lang-zh.js';

const DICTS = {en, 'zh-CN': zh};
export const LANGS = [['en', 'English'], ['zh-CN', '中文']];
const KEY = 'runner.lang';

window.runnerMissing = window.runnerMissing || [];

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage off (a private window's settings): the browser's language then
  }
}

let current = pick();

function pick() {
  const saved = stored();
  if (saved && DICTS[saved]) return saved;
  const asked = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  return asked.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function lang() {
  return current;
}

export function setLang(l) {
  if (!DICTS[l]) return;
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // kept for this page only
  }
  document.documentElement.lang = l;
}

document.documentElement.lang = current;

/** The text for key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  let text = DICTS[current][key];
  if (text === undefined) {
    if (!window.runnerMissing.includes(`${current}:${key}`)) window.runnerMissing.push(`${current}:${key}`);
    text = en[key] !== undefined ? en[key] : key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] === undefined ? m : String(vars[name])));
}

/** A status's words: "business failure", "业务失败"; an unknown one as the server says it. */
export function statusText(status) {
  if (!status) return t('status.none');
  const key = `status.${status}`;
  return DICTS[current][key] !== undefined ? DICTS[current][key] : status;
}

export function triggerText(trigger) {
  const key = `trigger.${trigger}`;
  return DICTS[current][key] !== undefined ? DICTS[current][key] : trigger;
}

/** "in 3 min" / "3 分钟后", "5 s ago" / "5 秒前": coarse on purpose, it is read at a glance. */
export function relative(iso, now = Date.now()) {
  if (!iso) return '—';
  const diff = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(diff);
  let n;
  let unit;
  if (abs < 60) [n, unit] = [abs, 's'];
  else if (abs < 3600) [n, unit] = [Math.round(abs / 60), 'min'];
  else if (abs < 86400) [n, unit] = [Math.round(abs / 3600), 'h'];
  else [n, unit] = [Math.round(abs / 86400), 'd'];
  if (abs < 5) return t('time.now');
  return t(diff >= 0 ? 'time.in' : 'time.ago', {n, unit: t(`unit.${unit}`)});
}

/** A date-time in the browser's zone and language, seconds included. */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(current, {year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false});
}

/** A time as the task's own zone wrote it: the ISO text's date and wall time, and its offset. */
export function wallTime(iso) {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} (${m[3] === 'Z' ? 'UTC' : 'UTC' + m[3]})`;
}

/** 0.4 s, 12 s, 3 min 5 s, 2 h 4 min. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Number(seconds);
  if (s < 10) return t('dur.s', {n: s.toFixed(1)});
  if (s < 60) return t('dur.s', {n: Math.round(s)});
  if (s < 3600) return t("dur.ms", {m: Math.floor(s / 60), s: Math.floor(s % 60)});
  return t('dur.hm', {h: Math.floor(s / 3600), m: Math.round((s % 3600) / 60)});
}
