// A list of runs with filters (task, status incl. "failed", trigger, date range) and paging,
// the filters kept in the page's link so Back and a bookmark give the same list.
import {h, fill} from './dom.js';
import {t, statusText, triggerText, dateTime, duration} from './i18n.js';
import {get} from './api.js';
import {badge, errorBox, pager, loading} from './ui.js';
import {link, withQuery} from './router.js';

export const STATUSES = ['success', 'failed', 'business_failure', 'technical_failure', 'timeout', 'crashed', 'cancelled', 'skipped', 'running'];
export const TRIGGERS = ['schedule', 'manual', 'retry', 'dependency', 'backfill'];
const LIMIT = 20;

/** The one line a run's message says first: its error, reason, summary or last output line. */
export function oneLine(message) {
  if (!message || typeof message !== 'object') return '';
  const first = message.error || message.reason || message.summary ||
    (message.output_tail ? String(message.output_tail).trimEnd().split('\n').pop() : '') || message.text || '';
  return String(first);
}

/** `task`: a fixed task (the task page), else a task filter is offered (the history page). */
export function runsView(query, {task = null, taskNames = []} = {}) {
  const status = query.get('status') || '';
  const trigger = query.get('trigger') || '';
  const since = query.get('since') || '';
  const until = query.get('until') || '';
  const chosenTask = task || query.get('task') || '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const list = h('div', {class: 'runs-list', id: 'runs'}, loading());
  const set = (key) => (e) => withQuery({[key]: e.target.value, page: ''});
  const select = (id, key, label, value, options, text) => h('label', {for: id}, h('span', {}, label),
    h('select', {id, on: {change: set(key)}},
      h('option', {value: ''}, t('filter.all')),
      options.map((o) => h('option', {value: o, selected: o === value}, text(o)))));
  const filters = h('form', {class: 'filters', role: 'search', on: {submit: (e) => e.preventDefault()}},
    task ? null : select('filter-task', 'task', t('filter.task'), chosenTask, taskNames, (x) => x),
    select('filter-status', 'status', t('filter.status'), status, STATUSES, (s) => (s === 'failed' ? t('status.failed') : statusText(s))),
    select('filter-trigger', 'trigger', t('filter.trigger'), trigger, TRIGGERS, triggerText),
    h('label', {for: 'filter-since'}, h('span', {}, t('filter.since')), h('input', {id: 'filter-since', type: 'date', value: since, on: {change: set('since')}})),
    h('label', {for: 'filter-until'}, h('span', {}, t('filter.until')), h('input', {id: 'filter-until', type: 'date', value: until, on: {change: set('until')}})),
    (status || trigger || since || until || (!task && chosenTask)) ?
      h('button', {type: 'button', class: 'link', on: {click: () => withQuery({status: '', trigger: '', since: '', until: '', task: task ? null : '', page: ''})}}, t('filter.clear')) : null);
  const params = new URLSearchParams({limit: String(LIMIT), page: String(page)});
  if (chosenTask) params.set('task', chosenTask);
  if (status) params.set('status', status);
  if (trigger) params.set('trigger', trigger);
  if (since) params.set('since', `${since}T00:00`);
  if (until) params.set('until', `${nextDay(until)}T00:00`); // the API's until is exclusive; the form's day is inclusive
  const load = async () => {
    try {
      const answer = await get(`/api/v1/runs?${params}`);
      const items = answer.items || answer.runs || [];
      fill(list,
        items.length ? table(items, !task) : h('p', {class: 'muted', id: 'runs-empty'}, t('runs.none')),
        pager(answer.page || page, answer.limit || LIMIT, answer.total || 0, (p) => withQuery({page: String(p)})));
    } catch (e) {
      fill(list, errorBox(e));
    }
  };
  return {node: h('section', {class: 'runs-view', 'aria-label': t('runs.title')}, filters, list), load};
}

function nextDay(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function table(items, withTask) {
  const head = ['col.id', withTask ? 'col.task' : null, 'col.status', 'col.started', 'col.duration', 'col.trigger', 'col.message'].filter(Boolean);
  return h('table', {class: 'cards runs'},
    h('thead', {}, h('tr', {}, head.map((k) => h('th', {scope: 'col'}, t(k))))),
    h('tbody', {}, items.map((r) => {
      const cells = [
        h('a', {href: link(['runs', String(r.id)])}, `#${r.id}`),
        withTask ? h('a', {href: link(['tasks', r.task_name])}, r.task_name) : null,
        badge(r.status),
        dateTime(r.run_time),
        duration(r.duration),
        triggerText(r.trigger) + (r.attempt > 1 ? ` · ${t('run.attempt', {n: r.attempt})}` : ''),
        h('span', {class: 'message'}, oneLine(r.message)),
      ].filter((c) => c !== null);
      return h('tr', {'data-run': r.id, 'data-status': r.status}, cells.map((c, i) => h('td', {'data-label': t(head[i])}, c)));
    })));
}
