-- Each runner process that owns runs on a shared database, and when it last said it is alive, by
-- the database's clock: how another host tells that a run's owner died (docs/hosts.md).
CREATE TABLE runner_processes (
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  version TEXT,
  started_at TEXT NOT NULL,
  beat_at TEXT NOT NULL,
  PRIMARY KEY (host, pid)
);
