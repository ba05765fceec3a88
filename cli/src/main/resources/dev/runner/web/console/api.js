// The one way the console reaches its data: the public API under /api/v1, nothing else.
// Every change is JSON and carries the session's CSRF token, as the server requires.

let csrf = null;

export function setCsrf(token) {
  csrf = token || null;
}

/** A refused request: its HTTP status and, when the server sent one, its problem+json body. */
export class HttpError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function check(response) {
  if (response.ok) return response;
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    problem = null;
  }
  if (response.status === 401) {
    // the session ended or never was: the shell shows the login form
    window.dispatchEvent(new CustomEvent('runner:login-required'));
  }
  throw new HttpError(response.status, problem);
}

export async function get(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  await check(response);
  return response.json();
}

export async function getText(path) {
  const response = await fetch(path, {credentials: 'same-origin'});
  await check(response);
  return response.text();
}

/** POST, PUT or DELETE with a JSON body; the answer's JSON, or null for 204. */
export async function send(method, path, body) {
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? '{}' : JSON.stringify(body),
  });
  await check(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** Whether an error means "this server has no such endpoint yet" (an older or partial runner). */
export function missing(error) {
  return error instanceof HttpError && (error.status === 404 || error.status === 405) &&
    (!error.problem.type || error.problem.type === 'about:blank');
}

/** A path segment: a task's name may be Chinese or hold characters a URL reserves. */
export const seg = (text) => encodeURIComponent(text);
