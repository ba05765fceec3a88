-- API tokens for runner web (runner token create): a token's SHA-256 only, never the token itself.
CREATE TABLE web_tokens (
  name TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);

-- Every change made through runner web, and token changes from the command line. No request body
-- is kept: a body may carry a password or a token.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  outcome INTEGER NOT NULL
);
