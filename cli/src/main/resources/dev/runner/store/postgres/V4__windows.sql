-- Where a window task's next window begins: the end of its last successful window.
ALTER TABLE task_state ADD COLUMN window_next TIMESTAMPTZ;
