// tasks_config.json in the browser: a text editor with line numbers, checked by the server as
// you type (POST /api/v1/config/validate, debounced), each problem marked at its line, and saved
// (PUT /api/v1/config with the version it was read at) only when the server says it is valid.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {get, send, missing, HttpError} from './api.js';
import {errorBox, notice, loading} from './ui.js';
import {debounce} from './live.js';
import {may} from './session.js';

const CHECK_MS = 400;

export async function render(main) {
  fill(main, h('h1', {}, t('config.title')), loading());
  let file;
  try {
    file = await get('/api/v1/config');
  } catch (e) {
    fill(main, h('h1', {}, t('config.title')), missing(e) ? notice('warn', t('config.missing')) : errorBox(e));
    return null;
  }
  let version = file.version;
  let saved = file.text;
  let valid = Boolean(file.valid);
  let checking = 0;
  const textarea = h('textarea', {id: 'config-text', class: 'code', spellcheck: 'false', wrap: 'off',
    autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': 'config-state', readonly: !may('admin')});
  textarea.value = file.text;
  const gutter = h('div', {class: 'gutter', 'aria-hidden': 'true', id: 'gutter'});
  const state = h('p', {id: 'config-state', class: 'state', 'aria-live': 'polite'});
  const list = h('ul', {class: 'problems', id: 'config-problems'});
  const message = h('div', {id: 'config-message', 'aria-live': 'polite'});
  const save = h('button', {type: 'button', id: 'config-save', class: 'primary', disabled: true}, t('config.save'));
  const revert = h('button', {type: 'button', id: 'config-revert', disabled: true}, t('config.revert'));

  const lines = () => textarea.value.split('\n').length;
  const mark = (problems) => {
    const byLine = new Map();
    for (const p of problems) {
      if (!byLine.has(p.line)) byLine.set(p.line, []);
      byLine.get(p.line).push(p.message);
    }
    fill(gutter, Array.from({length: lines()}, (_, i) => {
      const n = i + 1;
      const msgs = byLine.get(n);
      return h('div', {class: msgs ? 'ln bad' : 'ln', 'data-line': n, title: msgs ? msgs.join('\n') : null}, String(n));
    }));
    gutter.scrollTop = textarea.scrollTop;
    fill(list, problems.map((p) => h('li', {'data-line': p.line},
      h('button', {type: 'button', class: 'link', on: {click: () => jump(p.line, p.column)}},
        t('config.at', {line: p.line, column: p.column})), ' ',
      p.path ? h('strong', {}, `${p.path}: `) : null, p.message, p.hint ? h('span', {class: 'hint'}, ` — ${p.hint}`) : null)));
  };
  const jump = (line, column) => {
    const rows = textarea.value.split('\n');
    let at = 0;
    for (let i = 0; i < Math.min(line - 1, rows.length); i++) at += rows[i].length + 1;
    at += Math.max(0, (column || 1) - 1);
    textarea.focus();
    textarea.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };
  const update = () => {
    const dirty = textarea.value !== saved;
    save.disabled = !(valid && dirty && checking === 0) || !may('admin');
    revert.disabled = !dirty;
    state.className = `state ${checking ? '' : valid ? 'ok' : 'bad'}`;
    state.textContent = checking ? t('config.checking') : valid ? (dirty ? t('config.validDirty') : t('config.valid')) : t('config.invalid', {n: list.children.length});
  };
  const check = debounce(async () => {
    const text = textarea.value;
    try {
      const answer = await send('POST', '/api/v1/config/validate', {text});
      if (text !== textarea.value) return; // typed on meanwhile: the next check answers
      valid = Boolean(answer.valid);
      mark(answer.problems || []);
    } catch (e) {
      valid = false;
      fill(message, errorBox(e));
    } finally {
      checking = Math.max(0, checking - 1);
      update();
    }
  }, CHECK_MS);
  textarea.addEventListener('input', () => {
    checking++;
    valid = false;
    fill(message);
    if (lines() !== gutter.children.length) mark([]);
    update();
    check();
  });
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const answer = await send('PUT', '/api/v1/config', {text: textarea.value, version});
      version = answer && answer.version ? answer.version : version;
      saved = textarea.value;
      fill(message, notice('ok', t('config.saved')));
    } catch (e) {
      if (e instanceof HttpError && e.status === 409) {
        fill(message, notice('warn', t('config.conflict'), ' ',
          h('button', {type: 'button', class: 'link', on: {click: () => location.reload()}}, t('config.reload'))));
      } else {
        if (e instanceof HttpError && Array.isArray(e.problem.problems)) {
          valid = false;
          mark(e.problem.problems);
        }
        fill(message, errorBox(e));
      }
    }
    update();
  });
  revert.addEventListener('click', () => {
    textarea.value = saved;
    textarea.dispatchEvent(new Event('input'));
  });

  fill(main, h('h1', {}, t('config.title')),
    h('p', {class: 'muted'}, t('config.lead', {file: file.file || 'tasks_config.json'}), file.masked ? ` ${t('config.masked')}` : ''),
    h('label', {for: 'config-text', class: 'sr'}, t('config.title')),
    h('div', {class: 'editor'}, gutter, textarea),
    state, list, message,
    h('div', {class: 'actions'}, save, revert));
  mark(file.problems || []);
  update();
  return {
    // a config changed elsewhere: said, not forced into the editor over the user's typing
    refresh: async () => {
      const now = await get('/api/v1/config').catch(() => null);
      if (!now || now.version === version) return;
      if (textarea.value === saved) {
        version = now.version;
        saved = now.text;
        textarea.value = now.text;
        valid = Boolean(now.valid);
        mark(now.problems || []);
        update();
      } else {
        fill(message, notice('warn', t('config.changedElsewhere')));
      }
    },
  };
}
