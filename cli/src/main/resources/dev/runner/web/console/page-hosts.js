// The hosts sharing the database: GET /api/v1/hosts, as runner hosts shows them.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {get} from './api.js';
import {errorBox, rel, loading} from './ui.js';

export async function render(main) {
  const body = h('div', {id: 'hosts'}, loading());
  fill(main, h('h1', {}, t('hosts.title')), body);
  const load = async () => {
    try {
      const hosts = await get('/api/v1/hosts');
      const head = ['col.host', 'col.lastSeen', 'col.live', 'col.version', 'col.runningRuns'];
      fill(body, hosts.length ? h('table', {class: 'cards hosts'},
        h('thead', {}, h('tr', {}, head.map((k) => h('th', {scope: 'col'}, t(k))))),
        h('tbody', {}, hosts.map((x) => h('tr', {'data-host': x.host},
          [x.host, x.last_seen ? rel(x.last_seen) : t('never'), String(x.live_processes), x.version || '—', String(x.running)]
            .map((v, i) => h('td', {'data-label': t(head[i])}, v)))))) :
        h('p', {class: 'muted'}, t('hosts.none')));
    } catch (e) {
      fill(body, errorBox(e));
    }
  };
  await load();
  return {refresh: load};
}
