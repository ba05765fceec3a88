// One task: its fields, next fires (with clock-change notes), charts of its durations and of
// each day's successes and failures, its upstream and downstream tasks, notification rules and
// their last deliveries, window progress with a backfill form, and its history. All of it is what
// GET /api/v1/tasks/{name} answers, formatted: nothing is read from the config's text here.
import {h, fill} from './dom.js';
import {t, dateTime, wallTime} from './i18n.js';
import {get, seg} from './api.js';
import {describe} from './schedule.js';
import {durationChart, dailyChart} from './charts.js';
import {badge, fields, rel, problemList, errorBox} from './ui.js';
import {link} from './router.js';
import {runsView} from './runs-view.js';
import {openRunDialog} from './run-dialog.js';
import {backfillForm} from './backfill.js';
import {may} from './session.js';

const DAYS = 14;

export async function render(main, {name, query}) {
  const task = await get(`/api/v1/tasks/${seg(name)}`);
  const config = task.fields;
  const charts = h('div', {class: 'charts'});
  const fires = h('div', {id: 'fires'});
  const view = runsView(query, {task: name});
  const invalid = task.problems && task.problems.length;
  fill(main,
    h('div', {class: 'title-row'}, h('h1', {}, name), badge(task.running ? 'running' : task.last_status),
      h('button', {type: 'button', class: 'run-now', disabled: invalid || !may('run'), on: {click: () => openRunDialog(name)}}, t('overview.runNow')),
      may('admin') ? h('a', {href: link(['tasks', name, 'edit']), class: 'button', id: 'task-edit'}, t('task.edit')) : null),
    task.description ? h('p', {class: 'description lead'}, task.description) : null,
    invalid ? h('div', {class: 'notice bad', role: 'alert'}, t('task.invalidHint'), problemList(task.problems)) : null,
    h('div', {class: 'grid'},
      h('section', {}, h('h2', {}, t('task.fields')), taskFields(task), config ? h('details', {},
        h('summary', {}, t('task.config')), h('pre', {class: 'config-json'}, JSON.stringify(config, null, 2))) : null),
      h('section', {}, h('h2', {}, t('task.nextFires')), fires)),
    h('section', {}, h('h2', {}, t('task.charts')), charts),
    h('div', {class: 'grid'},
      h('section', {}, h('h2', {}, t('task.deps')), deps(task)),
      h('section', {}, h('h2', {}, t('task.notify')), rules(task.notify))),
    windowSection(name, task.window),
    h('section', {}, h('h2', {}, t('history.title')), view.node));
  const drawCharts = async () => {
    try {
      const [recent, stats] = await Promise.all([
        get(`/api/v1/runs?task=${seg(name)}&limit=60`),
        get(`/api/v1/stats?task=${seg(name)}&days=${DAYS}`),
      ]);
      const daily = stats.length ? stats[0].daily : [];
      fill(charts,
        h('figure', {}, durationChart(recent.items || []), h('figcaption', {}, t('chart.durations'))),
        h('figure', {}, dailyChart(daily), h('figcaption', {}, t('chart.daily', {days: DAYS}))));
    } catch (e) {
      fill(charts, errorBox(e));
    }
  };
  nextFires(fires, task);
  await Promise.all([view.load(), drawCharts()]);
  return {refresh: () => Promise.all([view.load(), drawCharts()])};
}

function taskFields(task) {
  return fields([
    [t('col.type'), task.type],
    [t('col.schedule'), task.schedule ? h('span', {title: task.schedule}, describe(task.schedule_parts), ' ', h('code', {}, task.schedule)) : null],
    [t('col.timezone'), task.timezone],
    [t('col.enabled'), task.enabled === null ? null : task.enabled ? t('on') : t('off')],
    [t('col.next'), task.next_run ? [rel(task.next_run), ` (${dateTime(task.next_run)})`] : null],
    [t('col.counts'), t('task.counts', {ok: task.successes, bad: task.failures})],
    [t('col.last'), task.last_run ? h('a', {href: link(['runs', String(task.last_run.id)])}, `#${task.last_run.id} `, badge(task.last_run.status)) : null],
    task.running_runs && task.running_runs.length ? [t('col.running'), task.running_runs.map((r) => h('a', {href: link(['runs', String(r.id)]), class: 'running-now'}, `#${r.id} `))] : null,
    task.state_ahead ? [t('col.ahead'), dateTime(task.state_ahead)] : null,
  ]);
}

/** The next fires in the task's zone, each with the daylight-saving note the server gave it. */
function nextFires(el, task) {
  const list = task.next_fires || [];
  const notes = task.fire_notes || [];
  if (!list.length) {
    fill(el, h('p', {class: 'muted'}, t('task.noFires')));
    return;
  }
  fill(el, h('ol', {class: 'fires'}, list.map((at, i) => {
    const note = fireNote(notes[i]);
    return h('li', {}, h('span', {}, wallTime(at)), ' ', rel(at), note ? h('span', {class: 'note'}, ` ⚠ ${note}`) : null);
  })));
}

/** A note's kind in the reader's words (its numbers as the server gave them). */
function fireNote(note) {
  if (!note) return null;
  if (note.kind === 'offset_change') return t('fires.dst', {from: utc(note.from), to: utc(note.to)});
  return t(`fires.${note.kind}`, note);
}

const utc = (o) => (o === 'Z' ? 'UTC' : `UTC${o}`);

/** Upstream: what its depends_on names; downstream: the tasks whose depends_on names it. */
function deps(task) {
  const up = task.upstream || [];
  const down = task.downstream || [];
  const config = task.fields;
  const names = (list) => (list.length ? list.map((n, i) => [i ? ', ' : '', h('a', {href: link(['tasks', n])}, n)]) : t('none'));
  return fields([
    [t('task.upstream'), names(up)],
    config && config.trigger_on ? [t('task.triggerOn'), config.trigger_on] : null,
    [t('task.downstream'), names(down)],
  ]);
}

/** The rules as the server read them (null: the task is invalid), each with what it last sent. */
function rules(list) {
  const said = (names) => names.map((n) => t(`status.${n}`)).join(t('list.sep'));
  return list === null ? h('p', {class: 'muted'}, t('task.notifyUnknown')) :
    !list.length ? h('p', {class: 'muted'}, t('task.notifyNone')) :
      h('ul', {class: 'rules'}, list.map((r) => h('li', {},
        h('strong', {}, r.name), r.enabled ? '' : ` (${t('off')})`, ': ',
        t('task.ruleText', {triggers: said(r.triggers), threshold: r.threshold,
          channels: r.channels.join(t('list.sep'))}),
        h('ul', {class: 'deliveries'}, (r.last_deliveries || []).length ?
          r.last_deliveries.map((d) => h('li', {},
            h('span', {class: `badge ${d.ok ? 'ok' : 'bad'}`}, d.ok ? t('ok') : t('failed')), ' ',
            t('task.delivery', {channel: d.channel, event: t(`status.${d.event}`)}), ' ',
            h('a', {href: link(['runs', String(d.run_id)])}, `#${d.run_id}`), ' ', rel(d.at))) :
          h('li', {class: 'muted'}, t('task.neverSent'))))));
}

/** A window task: how far its windows are done, and a backfill form. */
function windowSection(name, window) {
  if (!window) return null;
  const done = window.done_until;
  return h('section', {id: 'window'}, h('h2', {}, t('task.window')),
    h('p', {}, done ? [t('task.windowDone', {at: dateTime(done)}), ' (', rel(done), ')'] : t('task.windowNone')),
    window.resume_from ? h('p', {}, t('task.windowNext', {at: dateTime(window.resume_from)})) : null,
    may('run') ? backfillForm(name) : null);
}
