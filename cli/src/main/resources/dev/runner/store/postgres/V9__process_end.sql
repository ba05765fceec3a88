-- 1 once the process ended with its runs recorded: its row stays (runner hosts shows when a host
-- was last seen, a cron-driven one between its ticks too) but no longer says it is alive.
ALTER TABLE runner_processes ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
