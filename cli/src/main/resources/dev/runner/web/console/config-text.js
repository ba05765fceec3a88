// Reading tasks_config.json as people write it (comments, trailing commas) in the browser, to
// show a task's own fields, its dependencies and notification rules from GET /api/v1/config.
// Only for showing: the server validates and writes the file.

/** The text without comments and trailing commas, strings left exactly as they are. */
export function plainJson(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/^\uFEFF/, '');
}

/** {name: fields} of the file, or null when it does not read. */
export function tasksOf(text) {
  try {
    const all = JSON.parse(plainJson(text));
    return all && typeof all === 'object' ? all : null;
  } catch {
    return null;
  }
}
