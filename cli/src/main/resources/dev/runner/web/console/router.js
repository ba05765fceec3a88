// Hash routes, so the server serves one page and every view has a link that can be bookmarked:
// #/ · #/new · #/tasks/NAME · #/tasks/NAME/edit · #/runs/ID · #/history?status=failed&page=2 · #/config · #/hosts · #/audit

export function current() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return {parts, query: new URLSearchParams(search)};
}

export function link(parts, query) {
  const path = '#/' + parts.map((p) => encodeURIComponent(p)).join('/');
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString() : '';
  return q ? `${path}?${q}` : path;
}

/** The same view with other query values: filters and pages are in the link. */
export function withQuery(changes) {
  const {parts, query} = current();
  const next = Object.fromEntries(query.entries());
  Object.assign(next, changes);
  location.hash = link(parts, next).slice(1);
}
