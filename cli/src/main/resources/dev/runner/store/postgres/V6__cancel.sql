-- A person asked to stop the run (runner cancel, the API): the process that owns it reads this
-- once a second and stops the run's process group; a crash sweep records such a row cancelled.
ALTER TABLE task_logs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
