// A run's masked output: all of it once the run has ended; while it runs, a live tail from
// GET /api/v1/runs/{id}/log?follow=1 (server-sent events: `line` events, then `end`). A server
// without the stream answers it as plain text, which EventSource refuses: then the whole log is
// read again every 2 s until the run ends.
import {h} from './dom.js';
import {t} from './i18n.js';
import {getText, HttpError} from './api.js';

export function logView(id, running, onEnd) {
  const pre = h('pre', {class: 'log', id: 'log', tabindex: '0', 'aria-label': t('run.output'), 'aria-live': running ? 'polite' : 'off'});
  const state = h('p', {class: 'muted small', id: 'log-state'});
  let source = null;
  let timer = null;
  let stopped = false;

  const whole = async () => {
    try {
      pre.textContent = await getText(`/api/v1/runs/${id}/log`);
      if (!pre.textContent) state.textContent = t('run.noOutput');
    } catch (e) {
      pre.textContent = '';
      state.textContent = e instanceof HttpError && e.status === 404 ? (e.problem.detail || t('run.noOutput')) : String(e.message);
    }
  };
  const stickToEnd = () => {
    const atEnd = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
    return () => {
      if (atEnd) pre.scrollTop = pre.scrollHeight;
    };
  };
  const poll = () => {
    state.textContent = t('run.tailPoll');
    timer = setInterval(async () => {
      const keep = stickToEnd();
      await whole();
      keep();
    }, 2000);
    whole();
  };
  const follow = () => {
    state.textContent = t('run.tailLive');
    let any = false;
    source = new EventSource(`/api/v1/runs/${id}/log?follow=1`);
    source.addEventListener('line', (e) => {
      any = true;
      const keep = stickToEnd();
      pre.append(document.createTextNode(`${e.data}\n`));
      keep();
    });
    source.addEventListener('end', (e) => {
      any = true;
      source.close();
      source = null;
      state.textContent = '';
      let status = null;
      try {
        status = JSON.parse(e.data).status;
      } catch {
        status = null;
      }
      if (onEnd) onEnd(status);
    });
    source.addEventListener('error', () => {
      if (!source) return;
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        if (!any && !stopped) poll(); // no stream on this server: read the file instead
      }
    });
  };

  if (running) follow();
  else whole();
  return {
    node: h('div', {}, pre, state),
    /** The run ended (seen by the page): read the whole log once more, stop following. */
    ended: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      if (source) return; // the stream sends the rest and its end itself
      state.textContent = '';
      await whole();
    },
    stop: () => {
      stopped = true;
      if (timer) clearInterval(timer);
      if (source) source.close();
      source = null;
    },
  };
}
