-- Retries due later than a process should wait for: claimed by a later tick.
CREATE TABLE retry_queue (
  task_name       TEXT        NOT NULL,
  scheduled_for   TIMESTAMPTZ NOT NULL,
  attempt         INTEGER     NOT NULL,
  due_at          TIMESTAMPTZ NOT NULL,
  upstream_run_id BIGINT,
  PRIMARY KEY (task_name, scheduled_for, attempt)
);
