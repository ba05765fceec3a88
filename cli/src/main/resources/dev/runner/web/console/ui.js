// Small pieces every page uses: a status badge, a problem list, an error notice, a pager, and
// times that keep saying "in 3 min" correctly while the page stays open.
import {h} from './dom.js';
import {t, statusText, relative, duration} from './i18n.js';
import {tone} from './charts.js';
import {HttpError} from './api.js';

export function badge(status) {
  return h('span', {class: `badge ${tone(status)}`, 'data-status': status || 'none'}, statusText(status));
}

/** A time said relatively, kept current by tickTimes(); its exact value in the tooltip. */
export function rel(iso) {
  return h('time', {datetime: iso || '', 'data-rel': iso ? '1' : null, title: iso || ''}, relative(iso));
}

/** How long something has run, from its start: "12 s", "3 min 5 s", counting on. */
export function elapsed(startIso) {
  return h('span', {class: 'elapsed', 'data-since': startIso}, since(startIso));
}

function since(iso) {
  return duration(Math.max(0, (Date.now() - Date.parse(iso)) / 1000));
}

export function tickTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-rel]')) el.textContent = relative(el.getAttribute('datetime'));
  for (const el of root.querySelectorAll('[data-since]')) el.textContent = since(el.dataset.since);
}

/** Problems as the API gives them: objects {file, line, column, path, message, hint} or strings. */
export function problemList(problems) {
  return h('ul', {class: 'problems'}, problems.map((p) => h('li', {},
    typeof p === 'string' ? p : [
      h('code', {}, `${p.file || ''}:${p.line}:${p.column}`), ' ',
      p.path ? h('strong', {}, `${p.path}: `) : null,
      p.message,
      p.hint ? h('span', {class: 'hint'}, ` — ${p.hint}`) : null,
    ])));
}

// The problem types the API answers (urn:runner:problem:…): their titles in the reader's language;
// the detail, which names the very field or task, stays as the server wrote it.
const PROBLEM_TYPES = new Set(['config-invalid', 'task-invalid', 'task-exists', 'config-changed',
  'masked-secret', 'bad-cron', 'task-busy', 'unknown-task', 'window-task', 'bad-parameter', 'bad-body',
  'forbidden', 'unauthorized', 'too-many-logins', 'store', 'elsewhere']);

function problemTitle(problem) {
  const kind = String(problem.type || '').replace('urn:runner:problem:', '');
  return PROBLEM_TYPES.has(kind) ? t(`problem.${kind.replace(/-/g, '_')}`) : problem.title || '';
}

/** An error as the user reads it: the server's title and detail, and its problems. */
export function errorBox(error) {
  const box = h('div', {class: 'notice bad', role: 'alert'});
  if (error instanceof HttpError) {
    box.append(h('strong', {}, `${error.status} ${problemTitle(error.problem)}`), ' ', error.problem.detail || '');
    if (Array.isArray(error.problem.problems) && error.problem.problems.length) box.append(problemList(error.problem.problems));
  } else {
    box.append(t('error.network'), ' ', String(error && error.message ? error.message : error));
  }
  return box;
}

export function notice(kind, ...children) {
  return h('div', {class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status'}, ...children);
}

/** Previous / next with "page 2 of 5 · 120 runs"; onPage(n) is called with the page wanted. */
/** Prev and next pages; `words` says the total in what the list counts (runs, entries). */
export function pager(page, limit, total, onPage, words = 'pager.of') {
  const pages = Math.max(1, Math.ceil(total / limit));
  return h('nav', {class: 'pager', 'aria-label': t('pager.label')},
    h('button', {type: 'button', class: 'prev', disabled: page <= 1, on: {click: () => onPage(page - 1)}}, t('pager.prev')),
    h('span', {class: 'pages'}, t(words, {page, pages, total})),
    h('button', {type: 'button', class: 'next', disabled: page >= pages, on: {click: () => onPage(page + 1)}}, t('pager.next')));
}

export function loading() {
  return h('p', {class: 'muted', 'aria-busy': 'true'}, t('loading'));
}

/** A definition list from [label, value] pairs; a value is text or a node. */
export function fields(pairs) {
  return h('dl', {class: 'fields'}, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null || v === undefined || v === '' ? '—' : v)]));
}
