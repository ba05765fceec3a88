package dev.runner.store.jdbc;

import java.util.List;

/**
 * The tables a home's history is, with each column's kind, as both stores' migrations make them:
 * what a move from one store to another copies. {@code runner_processes} is left out: it says which
 * processes are alive now, which a move does not carry.
 */
final class Tables {

  private Tables() {}

  enum Kind {
    TEXT,
    LONG,
    INT,
    DOUBLE,
    INSTANT
  }

  record Column(String name, Kind kind) {}

  /** {@code identity}: its {@code id} column is numbered by the database. */
  record Table(String name, boolean identity, List<Column> columns) {}

  private static Column c(String name, Kind kind) {
    return new Column(name, kind);
  }

  static final List<Table> HISTORY =
      List.of(
          new Table(
              "task_logs",
              true,
              List.of(
                  c("id", Kind.LONG),
                  c("task_name", Kind.TEXT),
                  c("status", Kind.TEXT),
                  c("run_time", Kind.INSTANT),
                  c("duration", Kind.DOUBLE),
                  c("message", Kind.TEXT),
                  c("scheduled_for", Kind.INSTANT),
                  c("trigger", Kind.TEXT),
                  c("attempt", Kind.INT),
                  c("end_time", Kind.INSTANT),
                  c("window_start", Kind.INSTANT),
                  c("window_end", Kind.INSTANT),
                  c("host", Kind.TEXT),
                  c("pid", Kind.LONG),
                  c("child_pid", Kind.LONG),
                  c("child_started", Kind.INSTANT),
                  c("upstream_run_id", Kind.LONG),
                  c("final", Kind.INT),
                  c("cancel_requested", Kind.INT))),
          new Table(
              "task_state",
              false,
              List.of(
                  c("task_name", Kind.TEXT),
                  c("watermark", Kind.INSTANT),
                  c("anchor", Kind.INSTANT),
                  c("scheduled_runs", Kind.LONG),
                  c("successes", Kind.LONG),
                  c("failures", Kind.LONG),
                  c("last_status", Kind.TEXT),
                  c("last_run_id", Kind.LONG),
                  c("quiet_reason", Kind.TEXT),
                  c("window_next", Kind.INSTANT))),
          new Table(
              "retry_queue",
              false,
              List.of(
                  c("task_name", Kind.TEXT),
                  c("scheduled_for", Kind.INSTANT),
                  c("attempt", Kind.INT),
                  c("due_at", Kind.INSTANT),
                  c("upstream_run_id", Kind.LONG))),
          new Table(
              "web_tokens",
              false,
              List.of(
                  c("name", Kind.TEXT),
                  c("scope", Kind.TEXT),
                  c("token_hash", Kind.TEXT),
                  c("created_at", Kind.INSTANT),
                  c("last_used_at", Kind.INSTANT))),
          new Table(
              "audit",
              true,
              List.of(
                  c("id", Kind.LONG),
                  c("at", Kind.INSTANT),
                  c("who", Kind.TEXT),
                  c("source", Kind.TEXT),
                  c("action", Kind.TEXT),
                  c("target", Kind.TEXT),
                  c("outcome", Kind.INT))));
}
