// One run: every field, its message and notifications, its full masked output (a live tail
// while it runs) and a cancel button.
import {h, fill} from './dom.js';
import {t, dateTime, duration, triggerText} from './i18n.js';
import {get, send, missing} from './api.js';
import {badge, fields, errorBox, notice, elapsed} from './ui.js';
import {link} from './router.js';
import {logView} from './log-view.js';
import {may} from './session.js';

export async function render(main, {id}) {
  const run = await get(`/api/v1/runs/${encodeURIComponent(id)}`);
  const head = h('div', {id: 'run-head', class: 'title-row'});
  const message = h('div', {id: 'run-message', 'aria-live': 'polite'});
  const detail = h('div', {id: 'run-fields'});
  const log = logView(run.id, run.status === 'running', () => refresh());
  fill(main,
    h('p', {class: 'crumbs'}, h('a', {href: link(['tasks', run.task_name])}, run.task_name), ' / '),
    head, message, detail,
    h('h2', {}, t('run.output')), log.node);
  let last = run;
  const draw = (r) => {
    fill(head, h('h1', {}, t('run.title2', {id: r.id, task: r.task_name})), ' ', badge(r.status),
      r.status === 'running' ? [' ', h('span', {class: 'muted'}, t('overview.runningFor'), ' ', elapsed(r.run_time))] : null,
      r.status === 'running' && may('run') ? h('button', {type: 'button', id: 'cancel', class: 'danger', on: {click: cancel}}, t('run.cancel')) : null);
    fill(detail, runFields(r), messageFields(r.message));
  };
  const cancel = async () => {
    if (!confirm(t('run.cancelConfirm', {id: last.id}))) return;
    try {
      await send('POST', `/api/v1/runs/${last.id}/cancel`, {});
      fill(message, notice('ok', t('run.cancelling')));
    } catch (e) {
      fill(message, missing(e) ? notice('warn', t('run.cancelMissing')) : e.status === 409 ? notice('warn', t('run.notRunning')) : errorBox(e));
    }
    refresh();
  };
  const refresh = async () => {
    try {
      const r = await get(`/api/v1/runs/${encodeURIComponent(id)}`);
      const ended = last.status === 'running' && r.status !== 'running';
      last = r;
      draw(r);
      if (ended) await log.ended();
    } catch (e) {
      fill(message, errorBox(e));
    }
  };
  draw(run);
  return {refresh, cleanup: log.stop};
}

function runFields(r) {
  return fields([
    [t('col.id'), String(r.id)],
    [t('col.task'), h('a', {href: link(['tasks', r.task_name])}, r.task_name)],
    [t('col.status'), badge(r.status)],
    [t('col.started'), dateTime(r.run_time)],
    [t('col.ended'), dateTime(r.end_time)],
    [t('col.duration'), duration(r.duration)],
    [t('col.scheduled'), dateTime(r.scheduled_for)],
    [t('col.trigger'), triggerText(r.trigger)],
    [t('col.attempt'), String(r.attempt ?? '—')],
    [t('col.upstream'), r.upstream_run_id ? h('a', {href: link(['runs', String(r.upstream_run_id)])}, `#${r.upstream_run_id}`) : null],
    r.window_start ? [t('col.window'), `${dateTime(r.window_start)} → ${dateTime(r.window_end)}`] : null,
    [t('col.host'), r.host],
    [t('col.pid'), r.pid === null || r.pid === undefined ? null : String(r.pid)],
  ]);
}

// The keys the engine itself writes into a message; a task type's own keys are shown as named.
const MESSAGE_KEYS = new Set(['error', 'summary', 'reason', 'exit_code', 'retry', 'queued_again', 'leftovers',
  'skipped_fires', 'output_dropped', 'http_status']);

/** The message object: known keys said in words, notifications as a list, the rest as JSON. */
function messageFields(message) {
  if (!message || typeof message !== 'object' || !Object.keys(message).length) return null;
  const {notifications, output_tail: _tail, ...rest} = message; // the tail is the output below
  const label = (k) => (MESSAGE_KEYS.has(k) ? t(`msg.${k}`) : k);
  const pairs = Object.entries(rest).map(([k, v]) => [label(k), typeof v === 'object' ? h('code', {}, JSON.stringify(v)) : String(v)]);
  return h('section', {class: 'message-box'},
    h('h2', {}, t('run.message')),
    fields(pairs),
    Array.isArray(notifications) && notifications.length ? [
      h('h3', {}, t('run.notifications')),
      h('ul', {class: 'deliveries'}, notifications.map((d) => h('li', {},
        h('span', {class: `badge ${d.ok ? 'ok' : 'bad'}`}, d.ok ? t('ok') : t('failed')), ' ',
        `${d.rule} / ${d.channel} (${d.event})`, d.answer ? h('span', {class: 'muted'}, ` — ${d.answer}`) : null))),
    ] : null);
}
