// A schedule in words, from the text the API gives (`runner list`'s column): a cron expression,
// "every 15m", "every 2 weeks at 09:00", "at 2026-12-24T18:00", "manual" or "after a, b".
// Common cron shapes are said in words; any other is shown as written, which is still exact.
import {t} from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const NAMED = {'@yearly': 'sched.yearly', '@annually': 'sched.yearly', '@monthly': 'sched.monthly',
  '@weekly': 'sched.weekly', '@daily': 'sched.daily', '@midnight': 'sched.daily', '@hourly': 'sched.hourly'};

/** The names in a dependent task's schedule text ("after fetch, convert"), for describe() to say. */
function upstreams(schedule) {
  if (!schedule || !schedule.startsWith('after ')) return [];
  return schedule.slice('after '.length).split(',').map((x) => x.trim()).filter(Boolean);
}

export function describe(schedule) {
  if (!schedule) return '—';
  if (schedule === 'manual') return t('sched.manual');
  const after = upstreams(schedule);
  if (after.length) return t('sched.after', {tasks: after.join(', ')});
  if (schedule.startsWith('at ')) return t('sched.once', {at: schedule.slice(3).replace('T', ' ')});
  if (schedule.startsWith('every ')) return every(schedule.slice(6));
  if (NAMED[schedule]) return t(NAMED[schedule]);
  return cron(schedule) || t('sched.cron', {expr: schedule});
}

/** "15m", "1h30m", "2 weeks at 09:00", "day at 08:00". */
function every(text) {
  const calendar = /^(?:(\d+) )?(minute|hour|day|week|month|year)s?(?: at (\S+))?$/.exec(text);
  if (calendar) {
    const n = calendar[1] ? Number(calendar[1]) : 1;
    const unit = t(`unit.${calendar[2]}`);
    const base = n === 1 ? t('sched.every1', {unit}) : t('sched.everyN', {n, unit});
    return calendar[3] ? t('sched.at', {base, time: calendar[3]}) : base;
  }
  const parts = [...text.matchAll(/(\d+)([dhms])/g)];
  if (!parts.length) return t('sched.everyN', {n: '', unit: text});
  const words = parts.map(([, n, u]) => `${n} ${t(`unit.${{d: 'd', h: 'h', m: 'min', s: 's'}[u]}`)}`);
  return t('sched.everyN', {n: '', unit: words.join(' ')}).replace(/\s+/g, ' ').trim();
}

const NUM = /^\d+$/;

function cron(expr) {
  let f = expr.trim().split(/\s+/);
  if (f.length === 6) {
    if (f[0] !== '0') return null; // seconds: said only when they are zero
    f = f.slice(1);
  }
  if (f.length !== 5) return null;
  const [min, hour, dom, mon, dow] = f;
  if (mon !== '*') return null;
  if (f.every((x) => x === '*')) return t('sched.everyMinute');
  const stepMin = /^\*\/(\d+)$/.exec(min);
  if (stepMin && hour === '*' && dom === '*' && dow === '*') return t('sched.everyN', {n: stepMin[1], unit: t('unit.min')});
  if (NUM.test(min) && hour === '*' && dom === '*' && dow === '*') return t('sched.hourlyAt', {m: pad(min)});
  const stepHour = /^\*\/(\d+)$/.exec(hour);
  if (NUM.test(min) && stepHour && dom === '*' && dow === '*') {
    return t('sched.everyNHoursAt', {n: stepHour[1], m: pad(min)});
  }
  if (!NUM.test(min) || !/^\d+(,\d+)*$/.test(hour)) return null;
  const time = hour.split(',').map((h) => `${pad(h)}:${pad(min)}`).join(', ');
  if (dom === '*' && dow === '*') return t('sched.dailyAt', {time});
  if (dom === '*' && /^[0-7](-[0-7])?(,[0-7](-[0-7])?)*$/.test(dow)) {
    return t('sched.weeklyAt', {days: days(dow), time});
  }
  if (NUM.test(dom) && dow === '*') return t('sched.monthlyAt', {day: dom, time});
  return null;
}

function days(dow) {
  if (dow === '1-5') return t('day.weekdays');
  return dow.split(',').map((part) => {
    const [a, b] = part.split('-').map((d) => DAYS[Number(d) % 7]);
    return b ? `${t(`day.${a}`)}–${t(`day.${b}`)}` : t(`day.${a}`);
  }).join(', ');
}
