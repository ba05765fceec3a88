-- 0 on an attempt that is followed by a retry: dependencies and notification streaks look only
-- at a fire's final outcome.
ALTER TABLE task_logs ADD COLUMN final INTEGER NOT NULL DEFAULT 1;
