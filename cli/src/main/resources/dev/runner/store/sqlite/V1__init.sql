-- Every run and every decision not to run. The first six columns are the user's own.
CREATE TABLE task_logs (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  task_name       TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  run_time        TEXT    NOT NULL,          -- start, ISO-8601 UTC
  duration        REAL,                      -- seconds
  message         TEXT    NOT NULL DEFAULT '{}',  -- JSON
  scheduled_for   TEXT    NOT NULL,          -- the fire this run is for, ISO-8601 UTC
  trigger         TEXT    NOT NULL,          -- schedule | manual | retry | dependency | backfill
  attempt         INTEGER NOT NULL DEFAULT 1,
  end_time        TEXT,
  window_start    TEXT,
  window_end      TEXT,
  host            TEXT,
  pid             INTEGER,                   -- the runner process that owns the run
  child_pid       INTEGER,                   -- the task's process (and process group), if any
  child_started   TEXT,                      -- its start, to tell it from a reused pid
  upstream_run_id INTEGER
);

-- A fire's identity: two ticks, a tick and a daemon, or two hosts can never claim it twice.
CREATE UNIQUE INDEX task_logs_fire ON task_logs (task_name, scheduled_for, attempt);
CREATE INDEX task_logs_task ON task_logs (task_name, id);
CREATE INDEX task_logs_running ON task_logs (status) WHERE status = 'running';

-- Per-task scheduling state.
CREATE TABLE task_state (
  task_name      TEXT PRIMARY KEY,
  watermark      TEXT NOT NULL,     -- fires up to here have been decided
  anchor         TEXT NOT NULL,     -- where intervals without a start_time count from
  scheduled_runs INTEGER NOT NULL DEFAULT 0,  -- runs started by the schedule, for max_executions
  successes      INTEGER NOT NULL DEFAULT 0,
  failures       INTEGER NOT NULL DEFAULT 0,
  last_status    TEXT,
  last_run_id    INTEGER,
  quiet_reason   TEXT               -- a standing reason not to run, recorded once per streak
);
