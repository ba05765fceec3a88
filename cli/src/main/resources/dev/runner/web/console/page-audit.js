// Who changed what, when and from where: GET /api/v1/audit, a page at a time.
import {h, fill} from './dom.js';
import {t, dateTime} from './i18n.js';
import {get, missing} from './api.js';
import {errorBox, notice, pager, loading} from './ui.js';
import {withQuery} from './router.js';

const LIMIT = 50;

export async function render(main, {query}) {
  const page = Math.max(1, Number(query.get('page')) || 1);
  const body = h('div', {id: 'audit'}, loading());
  fill(main, h('h1', {}, t('audit.title')), body);
  const load = async () => {
    try {
      const answer = await get(`/api/v1/audit?limit=${LIMIT}&page=${page}`);
      const entries = answer.entries || answer.items || [];
      const head = ['col.at', 'col.who', 'col.from', 'col.action', 'col.target', 'col.outcome'];
      fill(body,
        entries.length ? h('table', {class: 'cards audit'},
          h('thead', {}, h('tr', {}, head.map((k) => h('th', {scope: 'col'}, t(k))))),
          h('tbody', {}, entries.map((e) => h('tr', {}, [dateTime(e.at), e.who, e.from, e.action, e.target, String(e.outcome ?? '')]
            .map((v, i) => h('td', {'data-label': t(head[i])}, v ?? '—')))))) :
          h('p', {class: 'muted'}, t('audit.none')),
        pager(answer.page || page, answer.limit || LIMIT, answer.total || 0, (p) => withQuery({page: String(p)}), 'pager.ofEntries'));
    } catch (e) {
      fill(body, missing(e) ? notice('warn', t('audit.missing')) : errorBox(e));
    }
  };
  await load();
  return {refresh: load};
}
