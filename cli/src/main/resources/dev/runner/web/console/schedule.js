// A schedule in words, from the parts the API gives (`schedule_parts`: a kind and its numbers).
// Only words are chosen here; a cron expression no kind fits is shown as written, still exact.
import {t} from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function describe(parts) {
  if (!parts) return '—';
  const times = () => (parts.times || []).join(t('list.sep'));
  switch (parts.kind) {
    case 'manual': return t('sched.manual');
    case 'after': return t('sched.after', {tasks: parts.tasks.join(t('list.sep'))});
    case 'once': return t('sched.once', {at: parts.at.replace('T', ' ')});
    case 'interval': return t('sched.everyN', {n: '', unit: seconds(parts.seconds)}).replace(/\s+/g, ' ').trim();
    case 'repeat': return repeat(parts);
    case 'every_minute': return t('sched.everyMinute');
    case 'minutes': return t('sched.everyN', {n: parts.n, unit: t('unit.min')});
    case 'hourly': return t('sched.hourlyAt', {m: pad(parts.minute)});
    case 'hours': return t('sched.everyNHoursAt', {n: parts.n, m: pad(parts.minute)});
    case 'daily': return t('sched.dailyAt', {time: times()});
    case 'weekly': return t('sched.weeklyAt', {days: days(parts.days), time: times()});
    case 'monthly': return t('sched.monthlyAt', {day: parts.day, time: times()});
    case 'yearly': return t('sched.yearlyAt', {month: parts.month, day: parts.day, time: times()});
    default: return t('sched.cron', {expr: parts.expr});
  }
}

/** 5400 → "1 h 30 min". */
function seconds(total) {
  const units = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
  const words = [];
  let left = total;
  for (const [size, unit] of units) {
    if (left >= size) {
      words.push(`${Math.floor(left / size)} ${t(`unit.${unit}`)}`);
      left %= size;
    }
  }
  return words.join(' ');
}

/** "every 2 weeks on Monday, Friday at 09:00". */
function repeat(parts) {
  const unit = t(`unit.${parts.unit}`);
  let base = parts.interval === 1 ? t('sched.every1', {unit}) : t('sched.everyN', {n: parts.interval, unit});
  if (parts.days.length) base = t('sched.onDays', {base, days: days(parts.days)});
  if (parts.month != null && parts.day_of_month != null) {
    base = t('sched.onDate', {base, month: parts.month, day: parts.day_of_month});
  } else if (parts.day_of_month != null) {
    base = t('sched.onDay', {base, day: parts.day_of_month});
  }
  return parts.time ? t('sched.at', {base, time: parts.time}) : base;
}

function days(list) {
  if (list.length === WEEKDAYS.length && WEEKDAYS.every((d) => list.includes(d))) return t('day.weekdays');
  return list.map((d) => t(`day.${d}`)).join(t('list.sep'));
}
