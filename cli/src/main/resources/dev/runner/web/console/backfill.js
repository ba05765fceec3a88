// The backfill form of a window task: a range, or nothing for "from the last window's end";
// POST /api/v1/tasks/{name}/backfill answers the runs it started.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {send, seg, missing} from './api.js';
import {errorBox, notice} from './ui.js';
import {link} from './router.js';

export function backfillForm(name) {
  const from = h('input', {type: 'datetime-local', id: 'backfill-from'});
  const to = h('input', {type: 'datetime-local', id: 'backfill-to'});
  const out = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'backfill', on: {submit: async (e) => {
    e.preventDefault();
    fill(out);
    const body = from.value || to.value ? {from: from.value, to: to.value} : {};
    try {
      const answer = await send('POST', `/api/v1/tasks/${seg(name)}/backfill`, body);
      const ids = (answer && answer.run_ids) || [];
      fill(out, notice('ok', t('backfill.started', {n: ids.length}), ' ',
        ids.map((id, i) => [i ? ', ' : '', h('a', {href: link(['runs', String(id)])}, `#${id}`)])));
    } catch (err) {
      fill(out, missing(err) ? notice('warn', t('backfill.missing')) : errorBox(err));
    }
  }}},
  h('h3', {}, t('backfill.title')),
  h('p', {class: 'muted small'}, t('backfill.hint')),
  h('div', {class: 'row'},
    h('label', {for: 'backfill-from'}, h('span', {}, t('backfill.from')), from),
    h('label', {for: 'backfill-to'}, h('span', {}, t('backfill.to')), to),
    h('button', {type: 'submit'}, t('backfill.start'))),
  out);
}
