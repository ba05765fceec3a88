// The overview: every task with its schedule in words, its switch, last status, next fire,
// what runs now and for how long, a sparkline of its recent runs, and run now.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {get, send, seg, missing} from './api.js';
import {describe} from './schedule.js';
import {sparkline} from './charts.js';
import {badge, rel, elapsed, errorBox, notice, loading, problemList} from './ui.js';
import {link} from './router.js';
import {openRunDialog} from './run-dialog.js';
import {may} from './session.js';

export async function render(main) {
  const table = h('div', {id: 'tasks'}, loading());
  const message = h('div', {id: 'overview-message', 'aria-live': 'polite'});
  fill(main,
    h('div', {class: 'title-row'}, h('h1', {}, t('overview.title')),
      may('admin') ? h('a', {href: '#/new', class: 'button', id: 'new-task'}, t('overview.newTask')) : null),
    message, table);
  const state = {switchMissing: false};
  const draw = async () => {
    let tasks;
    let status = {running: []};
    try {
      [tasks, status] = await Promise.all([
        get('/api/v1/tasks'),
        get('/api/v1/status').catch(() => ({running: []})),
      ]);
    } catch (e) {
      fill(table, errorBox(e));
      return;
    }
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    fill(table, taskTable(tasks, status, state, message, draw));
    if (focused) {
      const again = table.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  };
  await draw();
  return {refresh: draw};
}

function taskTable(tasks, status, state, message, redraw) {
  if (!tasks.length) return h('p', {class: 'muted'}, t('overview.empty'));
  const running = new Map();
  for (const r of status.running || []) if (!running.has(r.task)) running.set(r.task, r);
  const head = ['col.task', 'col.description', 'col.schedule', 'col.enabled', 'col.last', 'col.next', 'col.running', 'col.recent', 'col.actions'];
  return h('table', {class: 'cards tasks'},
    h('thead', {}, h('tr', {}, head.map((k) => h('th', {scope: 'col'}, t(k))))),
    h('tbody', {}, tasks.map((task) => row(task, running.get(task.name), state, message, redraw, head))));
}

function row(task, now, state, message, redraw, head) {
  const invalid = task.problems && task.problems.length;
  const cells = [
    h('a', {href: link(['tasks', task.name]), class: 'task-name'}, task.name),
    h('span', {class: 'description'}, task.description || ''),
    h('span', {title: task.schedule || ''}, describe(task.schedule_parts)),
    invalid ? h('span', {class: 'badge bad'}, t('task.invalid')) : toggle(task, state, message, redraw),
    badge(task.running ? 'running' : task.last_status),
    task.next_run ? rel(task.next_run) : '—',
    now ? h('a', {href: link(['runs', String(now.id)]), class: 'running-now'}, t('overview.runningFor'), ' ', elapsed(now.started)) : '—',
    task.recent.length ? sparkline(task.recent, t('overview.spark', {name: task.name})) : h('span', {class: 'muted'}, t('overview.noRuns')),
    h('button', {type: 'button', class: 'run-now', 'data-key': `run:${task.name}`, disabled: invalid || !may('run'),
      on: {click: () => openRunDialog(task.name)}}, t('overview.runNow')),
  ];
  const tr = h('tr', {'data-task': task.name}, cells.map((c, i) => h('td', {'data-label': t(head[i])}, c)));
  if (invalid) tr.cells[1].append(problemList(task.problems));
  return tr;
}

/** The enabled switch: a real button with role=switch, so Space and Enter toggle it. */
function toggle(task, state, message, redraw) {
  const on = Boolean(task.enabled);
  return h('button', {type: 'button', role: 'switch', class: 'switch', 'aria-checked': String(on),
    'data-key': `switch:${task.name}`, 'aria-label': t('overview.switch', {name: task.name}),
    disabled: state.switchMissing || !may('run'),
    on: {click: async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        await send('POST', `/api/v1/tasks/${seg(task.name)}/${on ? 'disable' : 'enable'}`, {});
        fill(message);
      } catch (err) {
        if (missing(err)) {
          state.switchMissing = true;
          fill(message, notice('warn', t('overview.switchMissing')));
        } else {
          fill(message, errorBox(err));
        }
      }
      await redraw();
    }}},
  h('span', {class: 'knob', 'aria-hidden': 'true'}), h('span', {class: 'switch-text'}, on ? t('on') : t('off')));
}
