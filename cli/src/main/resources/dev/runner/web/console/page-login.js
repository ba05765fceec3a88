// The login form, shown when the server asks for one (a listener that is not loopback).
import {h, fill} from './dom.js';
import {t} from './i18n.js';
import * as session from './session.js';
import {errorBox} from './ui.js';

export async function render(main, {done}) {
  const error = h('div', {'aria-live': 'assertive'});
  const password = h('input', {type: 'password', id: 'login-password', autocomplete: 'current-password', required: true});
  const form = h('form', {class: 'login', on: {submit: async (e) => {
    e.preventDefault();
    fill(error);
    try {
      await session.login(password.value);
      done();
    } catch (err) {
      fill(error, err.status === 429 ? h('p', {class: 'notice bad', role: 'alert'}, t('login.limited')) :
        err.status === 401 || err.status === 403 ? h('p', {class: 'notice bad', role: 'alert'}, t('login.wrong')) : errorBox(err));
      password.select();
    }
  }}},
  h('h1', {}, t('login.title')),
  h('label', {for: 'login-password'}, t('login.password')), password,
  error,
  h('button', {type: 'submit', class: 'primary'}, t('login.submit')));
  fill(main, form);
  password.focus();
  return null;
}
