// Create a task, or change or delete one: its fields as JSON, sent to POST /api/v1/tasks or
// PUT/DELETE /api/v1/tasks/{name}. The server validates the whole config with the change as
// `runner validate` does and writes it only when valid; a refusal's problems are shown here.
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import {get, send, seg, HttpError} from './api.js';
import {errorBox, notice} from './ui.js';
import {link} from './router.js';
import {may} from './session.js';

/** What a new task starts from: the smallest valid shell task, to change. */
const STARTER = {type: 'shell', cron: '0 * * * *', command: 'echo hello', description: ''};

export async function render(main, {name}) {
  const editing = Boolean(name);
  const title = editing ? t('edit.title', {name}) : t('edit.newTitle');
  let fields = STARTER;
  if (editing) {
    const task = await get(`/api/v1/tasks/${seg(name)}`);
    if (!task.fields) {
      fill(main, h('h1', {}, title), notice('warn', t('edit.notObject'), ' ', h('a', {href: '#/config'}, t('nav.config'))));
      return null;
    }
    fields = task.fields;
  }
  const nameInput = editing ? null : h('input', {id: 'task-name', required: true, autocomplete: 'off', spellcheck: 'false'});
  const text = h('textarea', {id: 'task-fields', class: 'code', rows: 16, spellcheck: 'false',
    autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': 'task-fields-hint'});
  text.value = JSON.stringify(fields, null, 2);
  const message = h('div', {id: 'edit-message', 'aria-live': 'polite'});
  const save = h('button', {type: 'submit', id: 'edit-save', class: 'primary'}, t('edit.save'));
  const admin = may('admin');
  if (!admin) save.disabled = true;

  const submit = async (e) => {
    e.preventDefault();
    let value;
    try {
      value = JSON.parse(text.value);
    } catch (err) {
      fill(message, notice('bad', t('edit.notJson', {error: err.message})));
      text.focus();
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fill(message, notice('bad', t('edit.notJsonObject')));
      return;
    }
    const target = editing ? name : nameInput.value.trim();
    if (!target) {
      fill(message, notice('bad', t('edit.nameRequired')));
      nameInput.focus();
      return;
    }
    save.disabled = true;
    fill(message, h('p', {class: 'muted'}, t('edit.saving')));
    try {
      if (editing) await send('PUT', `/api/v1/tasks/${seg(name)}`, value);
      else await send('POST', '/api/v1/tasks', {name: target, task: value});
      location.hash = link(['tasks', target]);
    } catch (err) {
      fill(message, refusal(err));
      save.disabled = false;
    }
  };

  const remove = async () => {
    if (!window.confirm(t('edit.confirmDelete', {name}))) return;
    try {
      await send('DELETE', `/api/v1/tasks/${seg(name)}`);
      location.hash = '#/';
    } catch (err) {
      fill(message, refusal(err));
    }
  };

  fill(main,
    h('h1', {}, title),
    admin ? null : notice('warn', t('edit.readOnly')),
    h('form', {id: 'task-form', class: 'task-form', on: {submit}},
      editing ? null : h('label', {for: 'task-name'}, t('edit.name')),
      nameInput,
      h('label', {for: 'task-fields'}, t('edit.fields')),
      text,
      h('p', {id: 'task-fields-hint', class: 'muted'}, t('edit.hint')),
      message,
      h('div', {class: 'actions'}, save, ' ',
        h('a', {href: editing ? link(['tasks', name]) : '#/'}, t('edit.cancel')),
        editing && admin ? [' ', h('button', {type: 'button', id: 'edit-delete', class: 'danger', on: {click: remove}}, t('edit.delete'))] : null)));
  (nameInput || text).focus();
  return null;
}

/** A refused change: what the server said, with every problem of the config it would make. */
function refusal(err) {
  if (err instanceof HttpError && err.status === 422 && Array.isArray(err.problem.problems)) {
    return h('div', {}, notice('bad', t('edit.refused')), errorBox(err));
  }
  return errorBox(err);
}
