// The shell: who the user is, the header, the banner, the route's page, and live updates.
import {h, fill} from './dom.js';
import {t, lang, setLang, LANGS} from './i18n.js';
import {current} from './router.js';
import * as session from './session.js';
import * as live from './live.js';
import {tickTimes, errorBox} from './ui.js';
import {refreshBanner} from './banner.js';
import * as overview from './page-overview.js';
import * as task from './page-task.js';
import * as edit from './page-edit.js';
import * as run from './page-run.js';
import * as history from './page-history.js';
import * as config from './page-config.js';
import * as audit from './page-audit.js';
import * as hosts from './page-hosts.js';
import * as login from './page-login.js';

const main = document.getElementById('main');
let page = null; // {cleanup, refresh} of the page shown

function route() {
  const {parts, query} = current();
  const [first, second, third] = parts;
  if (!first) return [overview, {}];
  if (first === 'new') return [edit, {}];
  if (first === 'tasks' && second && third === 'edit') return [edit, {name: second}];
  if (first === 'tasks' && second) return [task, {name: second}];
  if (first === 'runs' && second) return [run, {id: second}];
  if (first === 'history') return [history, {}];
  if (first === 'config') return [config, {}];
  if (first === 'audit') return [audit, {}];
  if (first === 'hosts') return [hosts, {}];
  return [null, {parts, query}];
}

async function show() {
  if (page && page.cleanup) page.cleanup();
  page = null;
  const shown = location.hash || '#/';
  delete main.dataset.ready;
  header();
  const me = session.user();
  if (!me) {
    page = await login.render(main, {done: start});
    main.dataset.ready = shown;
    return;
  }
  const [module, params] = route();
  if (!module) {
    fill(main, h('h1', {}, t('notfound.title')), h('p', {}, h('a', {href: '#/'}, t('nav.overview'))));
    main.dataset.ready = shown;
    return;
  }
  try {
    page = (await module.render(main, {...params, query: current().query})) || null;
  } catch (e) {
    fill(main, errorBox(e));
  }
  document.title = `${main.querySelector('h1') ? main.querySelector('h1').textContent + ' · ' : ''}runner`;
  // the route this page is drawn for: a test (or a script) waits on it after a navigation
  if (location.hash === shown || (!location.hash && shown === '#/')) main.dataset.ready = shown;
}

function header() {
  const {parts} = current();
  const here = parts[0] || '';
  const items = [['', 'nav.overview'], ['history', 'nav.history'], ['config', 'nav.config'], ['hosts', 'nav.hosts'], ['audit', 'nav.audit']];
  fill(document.getElementById('nav'), items.map(([path, key]) =>
    h('a', {href: `#/${path}`, 'aria-current': here === path ? 'page' : null}, t(key))));
  const select = document.getElementById('lang');
  fill(select, LANGS.map(([code, name]) => h('option', {value: code, selected: code === lang()}, name)));
  document.getElementById('lang-label').textContent = t('lang.label');
  document.getElementById('skip').textContent = t('skip');
  const me = session.user();
  const who = document.getElementById('who');
  fill(who);
  if (me && !me.local) {
    who.append(h('span', {class: 'muted'}, t('who', {user: me.user, scope: me.scope})), ' ',
      h('button', {type: 'button', class: 'link', on: {click: async () => {
        await session.logout();
        show();
      }}}, t('logout')));
  }
}

async function start() {
  try {
    await session.load();
  } catch (e) {
    fill(main, errorBox(e));
    return;
  }
  if (session.user()) {
    live.start();
    refreshBanner();
  }
  show();
}

document.getElementById('lang').addEventListener('change', (e) => {
  setLang(e.target.value);
  refreshBanner();
  show();
});
document.getElementById('skip').addEventListener('click', () => main.focus());
window.addEventListener('hashchange', () => {
  show();
  main.focus({preventScroll: true});
});
window.addEventListener('runner:login-required', async () => {
  if (!session.user()) return;
  await session.load().catch(() => null);
  show();
});

// Every event (or poll) refreshes the banner and the page shown, a burst of them once.
const refresh = live.debounce(() => {
  refreshBanner();
  if (page && page.refresh) page.refresh();
}, 300);
live.on(refresh);
// "in 3 min" and elapsed times move on while the page stays open.
setInterval(() => tickTimes(), 1000);

start();
