// Live updates: the server's event stream when it has one, else a poll every 5 s, so each page
// refreshes itself without a reload either way. Pages subscribe with on(fn) and get every event
// ({type, data}); a poll is the event {type: 'poll'}.

const POLL_MS = 5000;
const listeners = new Set();
let source = null;
let timer = null;
let mode = 'off';

const TYPES = ['run_started', 'run_ended', 'task_switched', 'config_reloaded', 'config_invalid'];

function emit(type, data) {
  for (const fn of listeners) {
    try {
      fn({type, data});
    } catch (e) {
      console.error(e);
    }
  }
}

export function on(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function liveMode() {
  return mode;
}

function poll() {
  if (timer) return;
  mode = 'poll';
  document.documentElement.dataset.live = mode;
  timer = setInterval(() => emit('poll', {}), POLL_MS);
}

export function start() {
  if (source || timer) return;
  if (!('EventSource' in window)) {
    poll();
    return;
  }
  source = new EventSource('/api/v1/events');
  for (const type of TYPES) {
    source.addEventListener(type, (e) => {
      let data = {};
      try {
        data = JSON.parse(e.data);
      } catch {
        data = {};
      }
      emit(type, data);
    });
  }
  source.addEventListener('open', () => {
    mode = 'events';
    document.documentElement.dataset.live = mode;
  });
  source.addEventListener('error', () => {
    // CLOSED: the server refused the stream (404 on a runner without it); the browser does not
    // retry that, so poll instead. CONNECTING: a dropped connection the browser retries itself.
    if (source.readyState === EventSource.CLOSED) {
      source = null;
      poll();
    }
  });
}

/**
 * A collapsing wrapper: many events in a burst (a backfill's runs) cause one refresh, at most every
 * `ms` milliseconds.
 */
export function debounce(fn, ms) {
  let handle = null;
  return (...args) => {
    clearTimeout(handle);
    handle = setTimeout(() => fn(...args), ms);
  };
}
