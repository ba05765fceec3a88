// Every task's runs, newest first, with the filters and paging of runs-view.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {get} from './api.js';
import {runsView} from './runs-view.js';

export async function render(main, {query}) {
  const names = await get('/api/v1/tasks').then((ts) => ts.map((x) => x.name)).catch(() => []);
  const view = runsView(query, {taskNames: names});
  fill(main, h('h1', {}, t('history.title')), view.node);
  await view.load();
  return {refresh: view.load};
}
