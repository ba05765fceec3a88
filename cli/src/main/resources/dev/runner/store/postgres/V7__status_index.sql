-- History filtered by outcome ("every failure", the console's first filter) reads this index
-- instead of every row; it also counts them for the API's totals.
CREATE INDEX task_logs_status ON task_logs (status, id);
