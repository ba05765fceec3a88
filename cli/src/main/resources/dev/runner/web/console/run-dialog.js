// "Run now" with parameters: a modal dialog (keyboard-trapped by the browser, Esc closes it),
// one key=value a line, and whether to skip the dependents. The run's page opens once it starts.
import {h} from './dom.js';
import {t} from './i18n.js';
import {send, seg} from './api.js';
import {errorBox} from './ui.js';
import {link} from './router.js';

/** key=value lines to {key: value}; a line without "=" is a mistake the user is told about. */
export function parseParams(text) {
  const params = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(t('run.badParam', {line: i + 1}));
    params[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return params;
}

export function openRunDialog(name) {
  const error = h('div', {class: 'dialog-error'});
  const params = h('textarea', {id: 'run-params', rows: 4, placeholder: 'note=by hand', spellcheck: 'false'});
  const noDeps = h('input', {type: 'checkbox', id: 'run-nodeps'});
  const dialog = h('dialog', {class: 'run-dialog', 'aria-labelledby': 'run-title'});
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const form = h('form', {on: {submit: async (e) => {
    e.preventDefault();
    error.replaceChildren();
    let body;
    try {
      body = {params: parseParams(params.value), no_deps: noDeps.checked};
    } catch (err) {
      error.append(h('p', {class: 'notice bad', role: 'alert'}, err.message));
      return;
    }
    try {
      const answer = await send('POST', `/api/v1/tasks/${seg(name)}/run`, body);
      close();
      location.hash = link(['runs', String(answer.run_id)]).slice(1);
    } catch (err) {
      error.append(errorBox(err));
    }
  }}},
  h('h2', {id: 'run-title'}, t('run.title', {name})),
  h('label', {for: 'run-params'}, t('run.params')), params,
  h('p', {class: 'muted small'}, t('run.paramsHint')),
  h('label', {class: 'check'}, noDeps, ' ', t('run.noDeps')),
  error,
  h('div', {class: 'actions'},
    h('button', {type: 'submit', class: 'primary', id: 'run-start'}, t('run.start')),
    h('button', {type: 'button', on: {click: close}}, t('cancel'))));
  dialog.append(form);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  params.focus();
}
