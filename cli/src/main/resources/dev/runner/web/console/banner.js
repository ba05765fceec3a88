// The banner over every page: the configuration is refused (each problem, file:line:column), or
// no tick or daemon pass for 3 minutes (cron may not be calling). GET /api/v1/status tells both.
import {h, fill} from './dom.js';
import {t, relative} from './i18n.js';
import {get} from './api.js';
import {problemList} from './ui.js';

const STALE = new Set(['never_passed', 'pass_stale']);

export async function refreshBanner() {
  const el = document.getElementById('banner');
  let status;
  try {
    status = await get('/api/v1/status');
  } catch {
    return; // the page itself says what failed; the banner keeps what it had
  }
  const kinds = new Set((status.attention || []).map((a) => a.kind));
  const parts = [];
  if (kinds.has('config_invalid') || (status.problems || []).length) {
    parts.push(h('div', {class: 'banner bad', role: 'alert', id: 'banner-config'},
      h('strong', {}, t('banner.config')), ' ', h('a', {href: '#/config'}, t('banner.fix')),
      problemList(status.problems || [])));
  }
  if ([...kinds].some((k) => STALE.has(k))) {
    parts.push(h('div', {class: 'banner warn', role: 'status', id: 'banner-pass'},
      h('strong', {}, status.last_pass ? t('banner.stale', {ago: relative(status.last_pass)}) : t('banner.never')),
      ' ', t('banner.staleHint')));
  }
  fill(el, parts);
}
