// Who the console acts as. GET /api/v1/session tells; a server without the endpoint (404) is an
// older, loopback-only one: the local user, allowed everything, with no CSRF token to send.
import {get, send, setCsrf, HttpError} from './api.js';

let current = null;

export async function load() {
  try {
    current = await get('/api/v1/session');
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) {
      current = {user: 'local', scope: 'admin', csrf: null, local: true};
    } else if (e instanceof HttpError && e.status === 401) {
      current = null;
      setCsrf(null);
      return {login_required: true};
    } else {
      throw e;
    }
  }
  if (current && current.login_required) {
    current = null;
    setCsrf(null);
    return {login_required: true};
  }
  setCsrf(current.csrf);
  return current;
}

export function user() {
  return current;
}

/** Whether the session's scope allows an action: read < run < admin. */
export function may(scope) {
  const order = ['read', 'run', 'admin'];
  const have = order.indexOf((current && current.scope) || 'admin');
  return have >= order.indexOf(scope);
}

export async function login(password) {
  await send('POST', '/api/v1/login', {password});
  return load();
}

export async function logout() {
  await send('POST', '/api/v1/logout', {});
  current = null;
  setCsrf(null);
}
